"""Answers written by an LLM provider from the grounded evidence, validated before anyone sees them.

The LLM gets only the retrieved, numbered sources; its text is checked by the safety validator (and
its dose and interaction claims against the sources). A failing or unavailable LLM answer is replaced
by the grounded answer and the event is recorded.
"""

import logging
from dataclasses import dataclass

from medichain.answering.prompts import build_messages
from medichain.answering.providers.base import LLMError, LLMProvider, LLMStream, TokenUsage
from medichain.answering.providers.factory import create_provider
from medichain.answering.responses import CitationOut
from medichain.answering.wording import DISCLAIMER
from medichain.config import Settings
from medichain.core.text import Language
from medichain.domains.template import DomainAnswer
from medichain.observability.metrics import LLM_ERRORS, LLM_FIRST_TOKEN, LLM_LATENCY, LLM_TOKENS
from medichain.triage import TriageResult

log = logging.getLogger("medichain.llm")


@dataclass(frozen=True)
class Generated:
    """An LLM-written body and its cost (the pipeline validates it with the rest of the answer)."""

    provider: str
    text: str
    usage: TokenUsage
    first_token_ms: float | None
    total_ms: float | None


def context_blocks(evidence: DomainAnswer, citations: list[CitationOut]) -> list[tuple[str, str]]:
    """The numbered sources handed to the LLM: each citation with the points that cite it."""
    blocks = []
    for citation in citations:
        points = [p for s in evidence.sections if citation.id in s.citation_ids for p in s.points]
        blocks.append((citation.title, "\n".join(points) or citation.snippet))
    for finding in evidence.interactions:
        blocks.append(
            (" + ".join(finding.drugs), f"{finding.severity}: {finding.summary} {finding.management}")
        )
    return blocks


class LLMComposer:
    """Writes the answer body with an LLM provider."""

    def __init__(self, provider: LLMProvider, max_tokens: int, temperature: float) -> None:
        self._provider = provider
        self._max_tokens = max_tokens
        self._temperature = temperature
        self.name = provider.name

    async def compose(
        self,
        question: str,
        lang: Language,
        domain: str,
        evidence: DomainAnswer,
        citations: list[CitationOut],
        triage: TriageResult,
    ) -> Generated | None:
        """The LLM-written body, or None when the provider failed."""
        messages = build_messages(
            question=question,
            lang=lang,
            domain=domain,
            context_blocks=context_blocks(evidence, citations),
            triage_note=triage.action if triage.is_emergency else None,
        )
        stream = self._provider.stream(messages, max_tokens=self._max_tokens, temperature=self._temperature)
        try:
            text = "".join([delta async for delta in stream]).strip()
        except LLMError as exc:
            LLM_ERRORS.labels(self.name, exc.reason).inc()
            log.warning("llm failed", extra={"provider": self.name, "reason": exc.reason})
            return None
        self._measure(stream)
        text = text.replace(DISCLAIMER[lang], "").strip()
        return Generated(self.name, text, stream.usage, stream.first_token_ms, stream.total_ms)

    def _measure(self, stream: LLMStream) -> None:
        """Export the latency and token usage of a finished generation."""
        if stream.total_ms is not None:
            LLM_LATENCY.labels(self.name).observe(stream.total_ms / 1000)
        if stream.first_token_ms is not None:
            LLM_FIRST_TOKEN.labels(self.name).observe(stream.first_token_ms / 1000)
        LLM_TOKENS.labels(self.name, "prompt").inc(stream.usage.prompt_tokens)
        LLM_TOKENS.labels(self.name, "completion").inc(stream.usage.completion_tokens)


def create_composer(settings: Settings) -> LLMComposer | None:
    """The LLM composer for the configured provider (None for the default grounded answerer)."""
    provider = create_provider(settings)
    if provider is None:
        return None
    return LLMComposer(provider, settings.llm_max_tokens, settings.llm_temperature)
