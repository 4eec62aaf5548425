"""LLM providers for the answerer: the contract, and `create_provider` to pick one from the settings. The
OpenAI-compatible and llama.cpp providers live in their own modules, imported only when chosen."""

from medichain.answering.providers.base import LLMError, LLMProvider, LLMStream, TokenUsage
from medichain.answering.providers.factory import create_provider

__all__ = ["LLMError", "LLMProvider", "LLMStream", "TokenUsage", "create_provider"]
