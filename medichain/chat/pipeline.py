"""One chat turn (DESIGN.md §4): validate → triage → route → cache → domain → compose → safety →
(persist, done by the caller) → stream. Every channel runs turns through `ChatPipeline.run`."""

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from medichain.answering.cache import CacheStats, SemanticCache
from medichain.answering.grounded import compose, emergency_block
from medichain.answering.providers.base import TokenUsage
from medichain.answering.responses import (
    ChatResponse,
    CitationOut,
    GuidanceOut,
    HospitalOut,
    InteractionOut,
    SafetyOut,
    TriageOut,
)
from medichain.answering.safety import validate
from medichain.answering.wording import DISCLAIMER, OUT_OF_SCOPE, service_unavailable
from medichain.chat.composer import Generated, LLMComposer
from medichain.chat.domain_client import DomainClient, DomainUnavailable
from medichain.chat.route_client import RouteClient
from medichain.core.text import Language, detect_language
from medichain.domains.template import DomainAnswer, GeoPoint, Query
from medichain.monitoring.monitor import AnsweredTurn, AnswerMonitor
from medichain.observability.metrics import CHAT_TURNS, SAFETY_EVENTS, TRIAGE_LEVELS, stage
from medichain.routing import OUT_OF_SCOPE as OUT_OF_SCOPE_LABEL
from medichain.routing import RouteDecision, RoutingContext
from medichain.triage import TriageContext, TriageEngine, TriageResult

MAX_MESSAGE_CHARS = 2000
EMERGENCY = "emergency"
DELTA_CHARS = 120
"""About a line of text per delta: every delta is a frame (WebSocket) or an event (SSE), and at 24
characters sending them cost more CPU than answering (measured with `medichain bench ws`)."""
LLM_UNAVAILABLE = "llm_unavailable"

Outcome = Literal["answered", "cached", "clarify", "out_of_scope", "service_unavailable", "emergency"]
ANSWERS: frozenset[Outcome] = frozenset({"answered", "cached", "emergency"})
"""Outcomes that are answers, watched by the monitor (the others are refusals, questions or apologies)."""


@dataclass(frozen=True)
class TurnInput:
    """A message and what is known around it."""

    text: str
    location: GeoPoint | None = None
    medications: tuple[str, ...] = ()
    previous_domain: str | None = None
    previous_entities: tuple[str, ...] = ()
    triage_context: TriageContext | None = None


@dataclass(frozen=True)
class Typing:
    """The answer is being prepared."""


@dataclass(frozen=True)
class Delta:
    """A piece of the answer text, in order."""

    text: str


@dataclass(frozen=True)
class Final:
    """The validated response object, and what the turn leaves for a follow-up."""

    response: ChatResponse
    domain: str
    entities: tuple[str, ...] = field(default=())


TurnEvent = Typing | Delta | Final


ReplacedHook = Callable[[str, str, list[str]], Awaitable[None]]


async def _ignore_replaced(domain: str, provider: str, issues: list[str]) -> None:
    """Default hook: nothing to record."""


class InvalidMessage(ValueError):
    """The message is empty or too long."""


def clean_message(text: str) -> str:
    """Strip control characters and surrounding space; refuse empty or oversized messages."""
    cleaned = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t").strip()
    if not cleaned:
        raise InvalidMessage("message is empty")
    if len(cleaned) > MAX_MESSAGE_CHARS:
        raise InvalidMessage(f"message is longer than {MAX_MESSAGE_CHARS} characters")
    return cleaned


class ChatPipeline:
    """Runs turns; one instance per process."""

    def __init__(
        self,
        triage: TriageEngine,
        routes: RouteClient,
        domains: DomainClient,
        cache: SemanticCache,
        composer: LLMComposer | None = None,
        on_replaced: ReplacedHook | None = None,
        monitor: AnswerMonitor | None = None,
    ) -> None:
        self._triage = triage
        self.routes = routes
        self._domains = domains
        self._cache = cache
        self._composer = composer
        self._on_replaced = on_replaced or _ignore_replaced
        self._monitor = monitor

    async def run(self, turn: TurnInput) -> AsyncIterator[TurnEvent]:
        """Typing, then answer deltas, then the final response object."""
        started = time.perf_counter()
        text = clean_message(turn.text)
        yield Typing()
        lang: Language = detect_language(text)
        with stage("triage"):
            triage = self._triage.assess(text, turn.triage_context)
        TRIAGE_LEVELS.labels(str(triage.level)).inc()
        with stage("route"):
            route = await self._route(text, turn, lang, triage)
        domain = "emergency" if triage.level <= 2 else route.domain
        confidence = 1.0 if triage.level <= 2 else route.confidence

        # Answers shaped by the person (location, saved medicines, age from the profile) stay out of the
        # shared cache: they would reach other people, and another person's answer would reach them.
        cacheable = (
            triage.level > 3
            and not triage.crisis_line
            and turn.location is None
            and not turn.medications
            and turn.triage_context in (None, TriageContext())
        )
        if cacheable and not route.needs_clarification and domain != OUT_OF_SCOPE_LABEL:
            with stage("cache"):
                cached = await self._cache.get(domain, lang, text)
            # A near-match was triaged for its own words: reuse it only at the same level, with this triage.
            if cached is not None and cached["triage"]["level"] == triage.level:
                response = ChatResponse.model_validate(
                    {
                        **cached,
                        "triage": _triage_out(triage, lang),
                        "cached": True,
                        "latency_ms": _elapsed(started),
                    }
                )
                self._account("cached", response)
                async for event in _stream(response, domain, tuple(cached.get("_entities", ()))):
                    yield event
                return

        draft = await self._draft(text, turn, lang, triage, route, domain)
        with stage("safety"):
            answer, body, safety = _checked(draft, triage, lang)
        if safety.replaced:
            await self._replaced(domain, draft, safety.issues)
        evidence = draft.evidence
        response = ChatResponse(
            answer=answer,
            domain=domain,
            confidence=round(confidence, 3),
            triage=_triage_out(triage, lang),
            citations=body.citations,
            interactions=[
                InteractionOut(
                    drugs=list(i.drugs), severity=i.severity, summary=i.summary, management=i.management
                )
                for i in (evidence.interactions if evidence else [])
            ],
            hospitals=[_hospital_out(h) for h in (evidence.hospitals if evidence else [])],
            disclaimer=DISCLAIMER[lang],
            latency_ms=_elapsed(started),
            clarifying_question=route.clarifying_question if route.needs_clarification else None,
            lang=lang,
            provider=body.provider,
            safety=safety,
        )
        entities = tuple(evidence.entities) if evidence else ()
        if (
            cacheable
            and evidence is not None
            and not evidence.personalised
            and evidence.found
            and safety.passed
        ):
            with stage("cache"):
                await self._cache.put(
                    domain, lang, text, {**response.model_dump(), "_entities": list(entities)}
                )
        self._account(draft.outcome, response, draft)
        async for event in _stream(response, domain, entities):
            yield event

    @property
    def cache_stats(self) -> CacheStats:
        """Semantic cache hits and misses since start."""
        return self._cache.stats

    async def _route(self, text: str, turn: TurnInput, lang: Language, triage: TriageResult) -> RouteDecision:
        """The router's decision, with triage as the authority on emergencies.

        When the router hesitates between the emergency domain and another one while triage found no
        emergency, the emergency candidate is set aside rather than asking the person.
        """
        context = RoutingContext(
            previous_domain=turn.previous_domain, previous_entities=list(turn.previous_entities), lang=lang
        )
        route = await self.routes.route(text, context)
        if not (route.needs_clarification and triage.level >= 4 and EMERGENCY in route.scores):
            return route
        rest = {label: p for label, p in route.scores.items() if label != EMERGENCY}
        best = max(rest, key=rest.__getitem__)
        confidence = rest[best] / (sum(rest.values()) or 1.0)
        settled = confidence >= self.routes.threshold
        return replace(
            route,
            domain=best,
            confidence=confidence,
            needs_clarification=not settled,
            clarifying_question=None if settled else route.clarifying_question,
        )

    async def _draft(
        self,
        text: str,
        turn: TurnInput,
        lang: Language,
        triage: TriageResult,
        route: RouteDecision,
        domain: str,
    ) -> "Draft":
        """The domain's evidence, the grounded body, and (with an LLM configured) the LLM's attempt."""
        if domain == OUT_OF_SCOPE_LABEL and not triage.is_emergency:
            return Draft("out_of_scope", Body(OUT_OF_SCOPE[lang]))
        if route.needs_clarification and not triage.is_emergency and route.clarifying_question:
            return Draft("clarify", Body(route.clarifying_question))
        query = Query(
            text=text,
            lang=lang,
            location=turn.location,
            medications=turn.medications,
            previous_entities=turn.previous_entities
            if route.follow_up or route.domain == turn.previous_domain
            else (),
            triage_level=triage.level,
            red_flags=tuple(triage.red_flags),
            information_question=triage.information_question,
        )
        try:
            with stage("retrieve"):
                evidence = await self._domains.answer(domain, query)
        except DomainUnavailable:
            SAFETY_EVENTS.labels("service_unavailable").inc()
            unavailable = Body(service_unavailable(domain, lang), provider="fallback")
            return Draft("service_unavailable", unavailable)
        outcome: Outcome = "emergency" if triage.level <= 2 else "answered"
        with stage("compose"):
            grounded = compose(evidence, triage, lang)
            body = Body(grounded.body, grounded.citations)
            if self._composer is None or triage.level <= 2 or not evidence.found:
                return Draft(outcome, body, evidence)
            generated = await self._composer.compose(text, lang, domain, evidence, grounded.citations, triage)
        return Draft(outcome, body, evidence, self._composer.name, generated)

    async def _replaced(self, domain: str, draft: "Draft", issues: list[str]) -> None:
        """Count and record an LLM answer set aside (failed validation, or no answer at all)."""
        SAFETY_EVENTS.labels("answer_replaced" if draft.generated else LLM_UNAVAILABLE).inc()
        await self._on_replaced(domain, draft.llm, issues)

    def _account(self, outcome: Outcome, response: ChatResponse, draft: "Draft | None" = None) -> None:
        """Count the turn; an answer (grounded, LLM or cached) goes to the monitor too."""
        CHAT_TURNS.labels(response.domain, outcome).inc()
        if self._monitor is None or outcome not in ANSWERS:
            return
        generated = draft.generated if draft else None
        self._monitor.observe(
            AnsweredTurn(
                response,
                evidence_found=draft.evidence.found if draft and draft.evidence else True,
                llm=draft.llm if draft else "",
                usage=generated.usage if generated else TokenUsage(),
                first_token_ms=generated.first_token_ms if generated else None,
            )
        )


@dataclass(frozen=True)
class Body:
    """An answer body, the citations its [n] markers refer to, and who wrote it."""

    body: str
    citations: list[CitationOut] = field(default_factory=list)
    provider: str = "grounded"


@dataclass(frozen=True)
class Draft:
    """What the answerers produced for a turn, before the safety check."""

    outcome: Outcome
    grounded: Body
    evidence: DomainAnswer | None = None
    llm: str = ""
    """The LLM provider asked ("" when none was)."""
    generated: Generated | None = None
    """Its answer (None when it failed)."""


def _checked(draft: Draft, triage: TriageResult, lang: Language) -> tuple[str, Body, SafetyOut]:
    """The answer to show, its body, and the verdict. An LLM body that fails validation, or an LLM that gave
    no answer, leaves the grounded body in its place (`replaced`, with the reasons first in `issues`)."""
    body, replaced_because = draft.grounded, []
    if draft.generated is not None:
        verdict = validate(
            _assemble(triage, lang, draft.generated.text),
            triage=triage,
            disclaimer=DISCLAIMER[lang],
            evidence=draft.evidence,
            generated=True,
        )
        if verdict.passed:
            body = Body(draft.generated.text, draft.grounded.citations, draft.generated.provider)
        else:
            replaced_because = verdict.issues
    elif draft.llm:
        replaced_because = [LLM_UNAVAILABLE]
    answer = _assemble(triage, lang, body.body)
    shown = validate(answer, triage=triage, disclaimer=DISCLAIMER[lang]).issues
    safety = SafetyOut(passed=not shown, replaced=bool(replaced_because), issues=replaced_because + shown)
    return answer, body, safety


def _assemble(triage: TriageResult, lang: Language, body: str) -> str:
    """Emergency block first, then the body, then the disclaimer."""
    return "\n\n".join(
        part for part in (emergency_block(triage, lang), body, f"※ {DISCLAIMER[lang]}") if part
    )


async def _stream(response: ChatResponse, domain: str, entities: tuple[str, ...]) -> AsyncIterator[TurnEvent]:
    """The answer as deltas of a few words, then the final frame."""
    text = response.answer
    start = 0
    while start < len(text):
        end = min(len(text), start + DELTA_CHARS)
        while end < len(text) and not text[end].isspace():
            end += 1
        yield Delta(text[start:end])
        start = end
        await asyncio.sleep(0)
    yield Final(response, domain, entities)


def _elapsed(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)


def _triage_out(triage: TriageResult, lang: Language) -> TriageOut:
    guidance = None
    if triage.is_emergency or triage.crisis_line:
        g = triage.guidance(lang)
        guidance = GuidanceOut(
            headline=g.headline, steps=list(g.steps), numbers=[tuple(n) for n in g.numbers]
        )
    return TriageOut(
        level=triage.level,
        is_emergency=triage.is_emergency,
        red_flags=list(triage.red_flags),
        action=triage.action,
        crisis_line=triage.crisis_line,
        information_question=triage.information_question,
        guidance=guidance,
    )


def _hospital_out(hit: object) -> HospitalOut:
    return HospitalOut.model_validate(hit, from_attributes=True)
