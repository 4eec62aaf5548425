"""Any OpenAI-compatible chat endpoint (vLLM, Ollama, llama.cpp server, a cloud API) through the official
`openai` SDK, streamed. The SDK retries connection failures, timeouts, 408/409/429 and 5xx before the
first byte; every failure reaches the caller as an `LLMError` with the number of attempts made."""

from collections.abc import AsyncGenerator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import openai
from openai.types.chat import ChatCompletionChunk, ChatCompletionMessageParam

from medichain.answering.providers.base import LLMError, LLMStream, Messages, TokenUsage

if TYPE_CHECKING:
    import httpx2  # the SDK's HTTP client (openai >= 3)


@dataclass
class _Attempts:
    count: int = 0


_current_attempts: ContextVar[_Attempts | None] = ContextVar("llm_attempts", default=None)


async def _count_attempt(request: "httpx2.Request") -> None:
    """httpx request hook: counts each attempt (first try and retries) of the call in progress."""
    if (attempts := _current_attempts.get()) is not None:
        attempts.count += 1


def _error(exc: openai.APIError, attempts: int) -> LLMError:
    """A safe summary of an SDK failure (no server body, no credentials). The SDK wraps transport errors,
    during the stream too, as APITimeoutError / APIConnectionError."""
    if isinstance(exc, openai.APITimeoutError):
        reason = "timeout"
    elif isinstance(exc, openai.APIConnectionError):
        reason = "connection failed"
    elif isinstance(exc, openai.APIStatusError):
        reason = f"HTTP {exc.status_code}"
    else:
        reason = "invalid response"
    return LLMError(reason, attempts=max(attempts, 1))


class OpenAIProvider:
    """Streams chat completions from an OpenAI-compatible server."""

    name = "openai"

    def __init__(
        self, *, base_url: str, api_key: str, model: str, timeout_s: float, max_retries: int
    ) -> None:
        """`timeout_s` bounds connecting and each wait for data; `max_retries` counts retries after the
        first attempt. A missing base URL is an error: the SDK would otherwise default to api.openai.com."""
        if not base_url:
            raise ValueError("llm_provider 'openai' needs a base URL (MEDICHAIN_LLM_BASE_URL)")
        if not model:
            raise ValueError("llm_provider 'openai' needs a model name (MEDICHAIN_LLM_MODEL)")
        self.model = model
        self._include_usage = True
        self._client = openai.AsyncOpenAI(
            base_url=base_url,
            api_key=api_key or "unused",  # local servers take any key; the SDK insists on one
            timeout=timeout_s,
            max_retries=max_retries,
            http_client=openai.DefaultAsyncHttpxClient(event_hooks={"request": [_count_attempt]}),
        )

    def stream(self, messages: Messages, *, max_tokens: int, temperature: float) -> LLMStream:
        """Stream a reply; usage comes from the server when it reports it, else it is estimated."""
        return LLMStream(self._generate(messages, max_tokens, temperature), messages=messages)

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._client.close()

    async def _generate(
        self, messages: Messages, max_tokens: int, temperature: float
    ) -> AsyncGenerator[str | TokenUsage, None]:
        attempts = _Attempts()
        try:
            chunks = await self._open(messages, max_tokens, temperature, attempts)
        except openai.APIError as exc:
            raise _error(exc, attempts.count) from exc
        try:
            async for chunk in chunks:
                if chunk.usage is not None:
                    yield TokenUsage(chunk.usage.prompt_tokens, chunk.usage.completion_tokens)
                for choice in chunk.choices:
                    if choice.delta.content:
                        yield choice.delta.content
        except openai.APIError as exc:
            raise _error(exc, attempts.count) from exc
        finally:
            await chunks.close()

    async def _open(
        self, messages: Messages, max_tokens: int, temperature: float, attempts: _Attempts
    ) -> openai.AsyncStream[ChatCompletionChunk]:
        """Send the request (the SDK retries here), asking for usage in the last chunk unless the server
        has rejected `stream_options` before."""
        token = _current_attempts.set(attempts)
        try:
            while True:
                try:
                    return await self._client.chat.completions.create(
                        model=self.model,
                        messages=cast(list[ChatCompletionMessageParam], list(messages)),
                        max_tokens=max_tokens,
                        temperature=temperature,
                        stream=True,
                        stream_options={"include_usage": True} if self._include_usage else openai.omit,
                    )
                except openai.BadRequestError as exc:
                    if not (self._include_usage and "stream_options" in str(exc)):
                        raise
                    self._include_usage = False
        finally:
            _current_attempts.reset(token)
