"""Helpers for tests that run chat turns through pipelines of their own: a scripted LLM, a domain service
that cannot be reached, and Prometheus samples."""

from collections.abc import AsyncGenerator
from functools import cache

from prometheus_client import REGISTRY

from medichain.answering.cache import SemanticCache
from medichain.answering.providers.base import LLMError, LLMProvider, LLMStream, Messages, TokenUsage
from medichain.answering.responses import ChatResponse
from medichain.chat.composer import LLMComposer
from medichain.chat.domain_client import DomainClient, DomainUnavailable, InProcessDomains
from medichain.chat.pipeline import ChatPipeline, Final, TurnInput
from medichain.domains.template import DomainAnswer, Query
from medichain.monitoring.monitor import AnswerMonitor
from medichain.platform import Platform
from medichain.triage import TriageEngine

SCRIPTED_USAGE = TokenUsage(prompt_tokens=120, completion_tokens=40)

# A drug question with one source, and what a scripted LLM may answer to it.
QUESTION = "타이레놀 효능이 뭐야?"
WELL_WRITTEN = (
    "타이레놀은 열을 내리고 통증을 줄이는 데 쓰이는 해열진통제입니다 [1]. "
    "복용 전에 제품 설명서를 확인하고, 궁금한 점은 약사와 상담하세요 [1]."
)
ENGLISH_WITHOUT_SOURCES = (
    "It is a common medicine for pain and fever. Ask a pharmacist whenever something is unclear."
)
DIAGNOSIS = "당신은 두통 환자입니다. 타이레놀을 드시면 좋아집니다 [1]."


class ScriptedLLM:
    """An LLM provider that writes a fixed text word by word (or fails with `HTTP 503` when given None):
    the pipeline's LLM path with answers chosen by the test."""

    name = "scripted"
    model = "scripted"

    def __init__(self, text: str | None) -> None:
        self._text = text

    def stream(self, messages: Messages, *, max_tokens: int, temperature: float) -> LLMStream:
        return LLMStream(self._generate(), messages=messages)

    async def _generate(self) -> AsyncGenerator[str | TokenUsage, None]:
        if self._text is None:
            raise LLMError("HTTP 503")
        for word in self._text.split(" "):
            yield word + " "
        yield SCRIPTED_USAGE

    async def aclose(self) -> None:
        """Nothing to release."""


class DownDomains:
    """A domain client whose service cannot be reached (what the HTTP client raises in services mode)."""

    async def answer(self, domain: str, query: Query) -> DomainAnswer:
        raise DomainUnavailable(domain)


@cache
def triage_engine() -> TriageEngine:
    """One compiled triage engine for the tests that build their own pipelines."""
    return TriageEngine()


def pipeline_for(
    platform: Platform,
    monitor: AnswerMonitor,
    *,
    llm: LLMProvider | None = None,
    domains: DomainClient | None = None,
    max_tokens: int = 600,
) -> ChatPipeline:
    """The platform's pipeline parts with the given LLM and domain client, no cache, and `monitor`."""
    return ChatPipeline(
        triage_engine(),
        platform.chat.pipeline.routes,
        domains or InProcessDomains(platform.domains, platform.domain_context),
        SemanticCache(platform.store, ttl_s=0, similarity=1.0),
        composer=LLMComposer(llm, max_tokens, temperature=0.0) if llm else None,
        monitor=monitor,
    )


async def answer(pipeline: ChatPipeline, text: str) -> ChatResponse:
    """Run one turn; the final response object."""
    async for event in pipeline.run(TurnInput(text=text)):
        if isinstance(event, Final):
            return event.response
    raise AssertionError("the turn ended without a final response")


def sample(name: str, **labels: str) -> float:
    """The current value of a Prometheus sample (0 when it was never set)."""
    return REGISTRY.get_sample_value(name, labels) or 0.0
