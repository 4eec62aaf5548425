"""Retention of consultation history on both backends, with rows of controlled ages: rooms idle for longer
than the retention are deleted with their messages, consultation records and feedback on every shard,
in batches; recent activity of any kind keeps a room; each purge run is a security event."""

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from medichain.accounts.schemas import ProfileFields
from medichain.audit.models import SecurityEvent
from medichain.cli import retention as retention_cli
from medichain.cli import runtime
from medichain.cli.main import app
from medichain.config import Settings
from medichain.conversations.models import ChatMessage, ChatRoom, ConsultationHistory, Feedback
from medichain.conversations.retention import PurgeCounts, purge_history
from medichain.core.db.base import utcnow
from medichain.platform import Platform
from tests.conftest import base_settings

ROOMS = {
    # user, room: (idle days, ages of the turns in days, age of the feedback on the last answer)
    ("ana", "old-1"): (40, [45, 41], 41),
    ("ana", "old-2"): (31, [31], None),
    ("ana", "old-empty"): (90, [], None),
    ("ana", "recent"): (5, [5], None),
    ("ben", "old-3"): (60, [60], 60),
    ("ben", "late-message"): (40, [40, 3], None),
    ("ben", "late-feedback"): (40, [40], 2),
}
KEPT = {"recent", "late-message", "late-feedback"}


def _ago(days: float) -> datetime:
    return utcnow() - timedelta(days=days)


async def seed(platform: Platform) -> dict[str, int]:
    """Two users (one per shard) and the rooms of ROOMS; returns each user's shard."""
    shards = {}
    for user_id in ("ana", "ben"):
        await platform.accounts.signup(user_id, "correct-horse-9", ProfileFields())
        shards[user_id] = await platform.dbs.shard_of(user_id)
    for (user_id, room_id), (idle, turns, feedback) in ROOMS.items():
        async with platform.dbs.shard_session(shards[user_id]) as session, session.begin():
            session.add(
                ChatRoom(
                    id=room_id,
                    user_id=user_id,
                    title=room_id,
                    created_at=_ago(idle + 1),
                    updated_at=_ago(idle),
                )
            )
            await session.flush()
            for sequence, age in enumerate(turns, start=1):
                for role in ("user", "assistant"):
                    answer = ChatMessage(
                        room_id=room_id,
                        user_id=user_id,
                        role=role,
                        sequence=sequence,
                        content=role,
                        created_at=_ago(age),
                    )
                    session.add(answer)
                await session.flush()
                session.add(
                    ConsultationHistory(
                        user_id=user_id,
                        session_id=room_id,
                        message_id=answer.id,
                        domain="general",
                        query="q",
                        response="a",
                        created_at=_ago(age),
                    )
                )
            if feedback is not None:
                session.add(
                    Feedback(user_id=user_id, message_id=answer.id, score=5, created_at=_ago(feedback))
                )
            if not turns:  # a consultation record tied to the room only (no message)
                session.add(
                    ConsultationHistory(
                        user_id=user_id,
                        session_id=room_id,
                        domain="general",
                        query="q",
                        response="a",
                        created_at=_ago(idle),
                    )
                )
    return shards


async def table_counts(platform: Platform) -> dict[str, int]:
    """Rows of each conversation table over all shards."""
    counts = dict.fromkeys(("chat_rooms", "chat_messages", "consultation_history", "feedback"), 0)
    for shard_id in platform.dbs.shards:
        async with platform.dbs.shard_session(shard_id) as session:
            for model in (ChatRoom, ChatMessage, ConsultationHistory, Feedback):
                counts[model.__tablename__] += (
                    await session.scalar(select(func.count()).select_from(model)) or 0
                )
    return counts


async def room_ids(platform: Platform) -> set[str]:
    ids: set[str] = set()
    for shard_id in platform.dbs.shards:
        async with platform.dbs.shard_session(shard_id) as session:
            ids |= set((await session.scalars(select(ChatRoom.id))).all())
    return ids


async def purge_events(platform: Platform) -> list[SecurityEvent]:
    async with platform.dbs.global_sessions() as session:
        return list(
            (await session.scalars(select(SecurityEvent).where(SecurityEvent.kind == "history_purged"))).all()
        )


@pytest.fixture
async def platform(settings: Settings) -> AsyncIterator[Platform]:
    started = await Platform.start(settings, migrate=True)
    yield started
    await started.stop()


async def test_purge_deletes_idle_rooms_on_every_shard(platform: Platform) -> None:
    shards = await seed(platform)
    assert shards["ana"] != shards["ben"], "one user per shard"
    before = await table_counts(platform)

    dry = await purge_history(platform.dbs, platform.audit, 30, dry_run=True)
    expected = {
        shards["ana"]: PurgeCounts(rooms=3, messages=6, history=4, feedback=1),
        shards["ben"]: PurgeCounts(rooms=1, messages=2, history=1, feedback=1),
    }
    assert dry.shards == expected and dry.total == PurgeCounts(rooms=4, messages=8, history=5, feedback=2)
    assert await table_counts(platform) == before, "a dry run deletes nothing"
    assert await purge_events(platform) == [], "a dry run is not a purge"

    done = await purge_history(platform.dbs, platform.audit, 30, batch_rooms=2)
    assert done.shards == expected, "the same counts as the dry run, over two batches on one shard"
    assert await room_ids(platform) == KEPT
    after = await table_counts(platform)
    assert after == {
        "chat_rooms": before["chat_rooms"] - 4,
        "chat_messages": before["chat_messages"] - 8,
        "consultation_history": before["consultation_history"] - 5,
        "feedback": before["feedback"] - 2,
    }
    (event,) = await purge_events(platform)
    assert event.detail is not None
    assert {k: event.detail[k] for k in ("days", "trigger", "rooms", "messages", "history", "feedback")} == {
        "days": 30,
        "trigger": "cli",
        "rooms": 4,
        "messages": 8,
        "history": 5,
        "feedback": 2,
    }

    again = await purge_history(platform.dbs, platform.audit, 30)
    assert again.total == PurgeCounts(), "nothing left to purge"
    assert len(await purge_events(platform)) == 2, "every run is recorded"
    shorter = await purge_history(platform.dbs, platform.audit, 4, dry_run=True)
    assert shorter.total.rooms == 1, "with 4 days' retention only the room idle for 5 days goes"


async def test_scheduled_purge_runs_once_per_interval(settings: Settings) -> None:
    hourly = settings.model_copy(update={"history_retention_days": 30, "history_purge_interval_s": 3600})
    platform = await Platform.start(hourly, migrate=True)
    try:
        await seed(platform)
        report = await platform.history_purge.run_once()
        assert report is not None and report.total.rooms == 4
        assert await platform.history_purge.run_once() is None, "the interval's lock is taken"
        (event,) = await purge_events(platform)
        assert event.detail is not None and event.detail["trigger"] == "schedule"
    finally:
        await platform.stop()


async def test_platform_purges_in_the_background(settings: Settings) -> None:
    fast = settings.model_copy(update={"history_retention_days": 30, "history_purge_interval_s": 1})
    platform = await Platform.start(fast, migrate=True)
    try:
        await seed(platform)
        async with asyncio.timeout(30):
            while await room_ids(platform) != KEPT:  # noqa: ASYNC110 - polling what the job deletes
                await asyncio.sleep(0.2)
        assert await purge_events(platform)
    finally:
        await platform.stop()


runner = CliRunner()


def test_cli_purge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = base_settings(
        global_database_url=f"sqlite+aiosqlite:///{tmp_path}/global.db",
        shard_urls=[f"sqlite+aiosqlite:///{tmp_path}/shard1.db", f"sqlite+aiosqlite:///{tmp_path}/shard2.db"],
    )

    async def prepare() -> None:
        platform = await Platform.start(settings, migrate=True)
        await seed(platform)
        await platform.stop()

    asyncio.run(prepare())
    for module in (runtime, retention_cli):
        monkeypatch.setattr(module, "get_settings", lambda: settings)

    def purge(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["purge", "history", *args], env={"COLUMNS": "120"})
        return result.exit_code, result.output

    code, output = purge()
    assert code == 2 and "retention is 0 (keep forever)" in output
    code, output = purge("--days", "30", "--dry-run")
    assert code == 0 and "would delete" in output
    assert "│ all   │ 4     │ 8        │ 5       │ 2        │" in output
    code, output = purge("--days", "30")
    assert code == 0 and "deleted" in output and "│ all   │ 4     │ 8 " in output
    code, output = purge("--days", "30")
    assert code == 0 and "│ all   │ 0     │ 0        │ 0       │ 0        │" in output
    assert purge("--days", "0")[0] == 2
