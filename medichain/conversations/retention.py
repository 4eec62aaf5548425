"""Retention of consultation history: rooms idle for longer than the retention period are deleted with
their messages, consultation records and feedback, on every shard, in batches.

A room's last activity is its `updated_at` (the last answered turn), or a newer message or feedback in
it. `HistoryPurgeJob` repeats the purge while the platform runs; a lock in the shared store lets one
replica per interval do the work."""

import asyncio
import contextlib
import logging
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, delete, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from medichain.audit.service import SecurityAudit
from medichain.config import Settings
from medichain.conversations.models import ChatMessage, ChatRoom, ConsultationHistory, Feedback
from medichain.core.db.base import utcnow
from medichain.core.db.shards import Databases
from medichain.core.kv import KeyValueStore

log = logging.getLogger("medichain.retention")
BATCH_ROOMS = 500
LOCK_KEY = "retention:history"


@dataclass
class PurgeCounts:
    """Rows deleted (or, in a dry run, that would be deleted)."""

    rooms: int = 0
    messages: int = 0
    history: int = 0
    feedback: int = 0

    def add(self, other: "PurgeCounts") -> None:
        """Accumulate another batch or shard."""
        self.rooms += other.rooms
        self.messages += other.messages
        self.history += other.history
        self.feedback += other.feedback


@dataclass
class PurgeReport:
    """One purge run: the cutoff, the totals and the counts per shard."""

    days: int
    cutoff: datetime
    dry_run: bool
    total: PurgeCounts = field(default_factory=PurgeCounts)
    shards: dict[int, PurgeCounts] = field(default_factory=dict)


def stale_rooms(cutoff: datetime) -> ColumnElement[bool]:
    """Rooms without activity since `cutoff`: not updated, no message and no feedback since."""
    recent_message = exists().where(ChatMessage.room_id == ChatRoom.id, ChatMessage.created_at >= cutoff)
    recent_feedback = exists().where(
        Feedback.message_id == ChatMessage.id,
        ChatMessage.room_id == ChatRoom.id,
        Feedback.created_at >= cutoff,
    )
    return and_(ChatRoom.updated_at < cutoff, ~recent_message, ~recent_feedback)


async def purge_history(
    dbs: Databases,
    audit: SecurityAudit,
    days: int,
    *,
    dry_run: bool = False,
    trigger: str = "cli",
    batch_rooms: int = BATCH_ROOMS,
) -> PurgeReport:
    """Delete (with `dry_run`: count) the conversations idle for more than `days`, on every shard.

    Each real run is recorded as a `history_purged` security event with its counts.
    """
    if days < 1:
        raise ValueError("the retention period must be at least one day")
    report = PurgeReport(days=days, cutoff=utcnow() - timedelta(days=days), dry_run=dry_run)
    for shard_id in sorted(dbs.shards):
        async with dbs.shard_session(shard_id) as session:
            if dry_run:
                counts = await _count(session, report.cutoff)
            else:
                counts = await _purge(session, report.cutoff, batch_rooms)
        report.shards[shard_id] = counts
        report.total.add(counts)
    totals = asdict(report.total)
    if not dry_run:
        detail = {"days": days, "cutoff": report.cutoff.isoformat(), "trigger": trigger, **totals}
        await audit.record("history_purged", detail=detail)
    log.info("history purge", extra={"dry_run": dry_run, "trigger": trigger, **totals})
    return report


def _rows_of(rooms: Select[tuple[str]] | list[str]) -> tuple[ColumnElement[bool], ...]:
    """Conditions picking the messages, consultation records and feedback of some rooms."""
    messages = select(ChatMessage.id).where(ChatMessage.room_id.in_(rooms))
    return (
        ChatMessage.room_id.in_(rooms),
        or_(ConsultationHistory.session_id.in_(rooms), ConsultationHistory.message_id.in_(messages)),
        Feedback.message_id.in_(messages),
    )


async def _count(session: AsyncSession, cutoff: datetime) -> PurgeCounts:
    """What a purge would delete on one shard."""
    stale = stale_rooms(cutoff)
    messages, history, feedback = _rows_of(select(ChatRoom.id).where(stale))

    async def count(model: type, condition: ColumnElement[bool]) -> int:
        return int(await session.scalar(select(func.count()).select_from(model).where(condition)) or 0)

    return PurgeCounts(
        rooms=await count(ChatRoom, stale),
        messages=await count(ChatMessage, messages),
        history=await count(ConsultationHistory, history),
        feedback=await count(Feedback, feedback),
    )


async def _purge(session: AsyncSession, cutoff: datetime, batch_rooms: int) -> PurgeCounts:
    """Delete stale rooms and everything in them, one transaction per batch of rooms."""
    counts = PurgeCounts()
    while True:
        async with session.begin():
            room_ids = (
                await session.scalars(
                    select(ChatRoom.id).where(stale_rooms(cutoff)).limit(batch_rooms).with_for_update()
                )
            ).all()
            if room_ids:
                counts.add(await _delete_rooms(session, list(room_ids)))
        if len(room_ids) < batch_rooms:
            return counts


async def _delete_rooms(session: AsyncSession, room_ids: list[str]) -> PurgeCounts:
    """Delete rooms with their feedback, consultation records and messages (children first)."""
    messages, history, feedback = _rows_of(room_ids)
    deleted = {}
    for name, model, condition in (
        ("feedback", Feedback, feedback),
        ("history", ConsultationHistory, history),
        ("messages", ChatMessage, messages),
        ("rooms", ChatRoom, ChatRoom.id.in_(room_ids)),
    ):
        result = await session.execute(delete(model.__table__).where(condition))
        deleted[name] = result.rowcount
    return PurgeCounts(**deleted)


class HistoryPurgeJob:
    """Purges history every `MEDICHAIN_HISTORY_PURGE_INTERVAL_S` while the platform runs (retention > 0)."""

    def __init__(
        self, settings: Settings, dbs: Databases, store: KeyValueStore, audit: SecurityAudit
    ) -> None:
        self._settings = settings
        self._dbs = dbs
        self._store = store
        self._audit = audit
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start the loop when a retention period is set; the first purge comes one interval later."""
        if self._settings.history_retention_days > 0:
            self._task = asyncio.create_task(self._loop(), name="history-purge")

    async def stop(self) -> None:
        """Cancel the loop (a batch in progress is rolled back)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def run_once(self) -> PurgeReport | None:
        """One scheduled purge, unless another replica did it this interval. Failures are logged."""
        settings = self._settings
        try:
            if await self._store.incr(LOCK_KEY, settings.history_purge_interval_s) > 1:
                return None
            return await purge_history(
                self._dbs, self._audit, settings.history_retention_days, trigger="schedule"
            )
        except Exception:
            log.exception("scheduled history purge failed")
            return None

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self._settings.history_purge_interval_s)
            await self.run_once()
