"""The provider contract: a streamed generation (`LLMStream`), its token usage and timings, and the one
error every provider raises (`LLMError`) so that callers can fall back to the grounded answer."""

import time
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self

Messages = Sequence[dict[str, str]]


@dataclass(frozen=True)
class TokenUsage:
    """Tokens read and written by one generation; `estimated` when the backend did not report them."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: bool = False


class LLMError(Exception):
    """A generation failed (timeout, connection, HTTP status, broken stream). `reason` is short and safe
    to log or show; `attempts` counts the requests made, retries included."""

    def __init__(self, reason: str, *, attempts: int = 1) -> None:
        super().__init__(f"LLM request failed: {reason} (after {attempts} attempt(s))")
        self.reason = reason
        self.attempts = attempts


def estimate_tokens(text: str) -> int:
    """A rough token count for backends that report none: ~4 ASCII characters per token, and one token
    per other character (Hangul syllables cost one to three tokens in common vocabularies)."""
    ascii_chars = sum(1 for char in text if char.isascii())
    return -(-ascii_chars // 4) + (len(text) - ascii_chars)


class LLMStream:
    """The text deltas of one generation, as an async iterator. Once iteration ends, `usage`,
    `first_token_ms` and `total_ms` are filled. Use `async with` (or call `aclose`) so that a consumer that
    stops early releases the request at once."""

    def __init__(self, source: AsyncGenerator[str | TokenUsage, None], *, messages: Messages) -> None:
        """`source` yields text deltas and, at most once, the usage the backend reported."""
        self._source = source
        self._messages = messages
        self._started: float | None = None
        self._reported: TokenUsage | None = None
        self._deltas = 0
        self.usage = TokenUsage(estimated=True)
        self.first_token_ms: float | None = None
        self.total_ms: float | None = None

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> str:
        if self._started is None:
            self._started = time.perf_counter()
        try:
            while isinstance(item := await anext(self._source), TokenUsage):
                self._reported = item
        except BaseException:
            self._finish()
            raise
        if self.first_token_ms is None:
            self.first_token_ms = self._elapsed_ms()
        self._deltas += 1
        return item

    async def aclose(self) -> None:
        """Stop the generation (closing the underlying request) if it is still running."""
        await self._source.aclose()
        self._finish()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def _elapsed_ms(self) -> float:
        return (time.perf_counter() - (self._started or time.perf_counter())) * 1000

    def _finish(self) -> None:
        if self.total_ms is not None:
            return
        self.total_ms = self._elapsed_ms()
        self.usage = self._reported or TokenUsage(
            prompt_tokens=sum(estimate_tokens(m.get("content", "")) for m in self._messages),
            completion_tokens=self._deltas,
            estimated=True,
        )


class LLMProvider(Protocol):
    """A text generator behind the answerer: an OpenAI-compatible server or a local GGUF model."""

    name: str
    model: str

    def stream(self, messages: Messages, *, max_tokens: int, temperature: float) -> LLMStream:
        """Start generating a reply to chat `messages`; nothing is sent until the stream is iterated."""
        ...

    async def aclose(self) -> None:
        """Release connections, threads and model memory."""
        ...
