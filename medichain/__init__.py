"""MediChain: medical information chatbot platform."""

__version__ = "0.1.0"
