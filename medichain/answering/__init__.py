"""Answering: the response contract, the grounded composer, LLM providers, prompts, safety, cache."""
