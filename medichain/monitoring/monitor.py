"""The answer monitor (the seed's `LLMPerformanceMonitor`): scores every answer, exports the score, raises
alerts on slow or low-quality answers, and logs each answer to the global `answer_log` table.

Writes never slow a turn: `observe` only appends to an in-memory buffer, which a background task flushes in
one batch every `answer_log_flush_s` seconds, or as soon as `answer_log_batch` rows wait. When the database
is down the rows stay buffered for the next try, up to `answer_log_buffer` rows (the oldest go first).
"""

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert

from medichain.answering.providers.base import TokenUsage
from medichain.answering.responses import ChatResponse
from medichain.config import Settings
from medichain.core.db.base import utcnow
from medichain.core.db.shards import Databases
from medichain.monitoring.models import AnswerLog
from medichain.monitoring.quality import Quality, score
from medichain.observability.metrics import LLM_ALERTS, LLM_QUALITY

log = logging.getLogger("medichain.monitoring")


@dataclass(frozen=True)
class AnsweredTurn:
    """What the pipeline knows of one answered turn; the message text is never kept."""

    response: ChatResponse
    evidence_found: bool = True
    llm: str = ""
    """The LLM provider asked ("" when none was): its name even when its answer was replaced."""
    usage: TokenUsage = field(default_factory=TokenUsage)
    first_token_ms: float | None = None


@dataclass(frozen=True)
class Observed:
    """The monitor's verdict on one answer."""

    quality: Quality
    alerts: tuple[str, ...]


class AnswerMonitor:
    """One per process; `start` and `stop` run the background flush with the platform."""

    def __init__(self, settings: Settings, dbs: Databases) -> None:
        self._settings = settings
        self._dbs = dbs
        self._pending: list[dict[str, Any]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.dropped = 0
        """Rows given up because the buffer was full while the database was unreachable."""

    @property
    def pending(self) -> int:
        """Rows waiting to be written."""
        return len(self._pending)

    def observe(self, turn: AnsweredTurn) -> Observed:
        """Score an answer, export it, raise its alerts and buffer its row (no I/O)."""
        response = turn.response
        provider = turn.llm or response.provider
        quality = score(response, evidence_found=turn.evidence_found)
        LLM_QUALITY.labels(response.domain, provider).observe(quality.score)
        alerts = self._alerts(response, provider, quality.score)
        self._pending.append(
            {
                "created_at": utcnow(),
                "domain": response.domain,
                "provider": provider,
                "lang": response.lang,
                "latency_ms": round(response.latency_ms),
                "first_token_ms": None if turn.first_token_ms is None else round(turn.first_token_ms),
                "prompt_tokens": turn.usage.prompt_tokens,
                "completion_tokens": turn.usage.completion_tokens,
                "quality": quality.score,
                "failed_checks": ",".join(quality.failed),
                "cached": response.cached,
                "replaced": response.safety.replaced,
                "evidence_found": turn.evidence_found,
                "triage_level": response.triage.level,
                "alerts": ",".join(alerts),
            }
        )
        self._bound()
        if len(self._pending) >= self._settings.answer_log_batch:
            self._wake.set()
        return Observed(quality, alerts)

    def _alerts(self, response: ChatResponse, provider: str, value: float) -> tuple[str, ...]:
        """`slow` past `answer_slow_s`, `low_quality` under `answer_quality_min`: counted and logged."""
        kinds = []
        if response.latency_ms > self._settings.answer_slow_s * 1000:
            kinds.append("slow")
        if value < self._settings.answer_quality_min:
            kinds.append("low_quality")
        for kind in kinds:
            LLM_ALERTS.labels(kind, response.domain).inc()
            log.warning(
                "answer alert",
                extra={
                    "kind": kind,
                    "domain": response.domain,
                    "provider": provider,
                    "score": value,
                    "latency_ms": response.latency_ms,
                },
            )
        return tuple(kinds)

    def _bound(self) -> None:
        """Drop the oldest rows beyond `answer_log_buffer`."""
        excess = len(self._pending) - self._settings.answer_log_buffer
        if excess > 0:
            del self._pending[:excess]
            self.dropped += excess
            log.warning("answer log buffer full", extra={"dropped": excess})

    async def flush(self) -> int:
        """Write every buffered row in one batch; returns how many were written (0 when the write failed,
        the rows then wait for the next flush)."""
        batch, self._pending = self._pending, []
        if not batch:
            return 0
        written = False
        try:
            async with self._dbs.global_sessions.begin() as session:
                await session.execute(insert(AnswerLog), batch)
            written = True
        except Exception as exc:  # an outage must never reach a turn: the rows are kept
            log.warning("answer log not written", extra={"rows": len(batch), "error": type(exc).__name__})
        finally:
            if not written:
                self._pending[:0] = batch
                self._bound()
        return len(batch) if written else 0

    def start(self) -> None:
        """Run the background flush on the current event loop."""
        if self._task is None:
            self._task = asyncio.create_task(self._flush_forever(), name="answer-log-flush")

    async def stop(self) -> None:
        """Stop the background flush, then write what is left (kept in memory if the database is down)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.flush()

    async def _flush_forever(self) -> None:
        interval = self._settings.answer_log_flush_s
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), interval)
            self._wake.clear()
            if self._pending and not await self.flush():
                await asyncio.sleep(interval)  # the database is unreachable: no hurry to retry
