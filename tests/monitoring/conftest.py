"""Fixtures for the answer monitor: a platform over the bundled data, a monitor of the test's own, and the
`answer_log` rows a test wrote."""

from collections.abc import AsyncIterator, Sequence

import pytest
from sqlalchemy import func, select

from medichain.config import Settings
from medichain.core.db.shards import Databases
from medichain.monitoring.models import AnswerLog
from medichain.monitoring.monitor import AnswerMonitor
from medichain.platform import Platform


async def last_id(dbs: Databases) -> int:
    """The newest `answer_log` id (0 when empty)."""
    async with dbs.global_sessions() as session:
        return await session.scalar(select(func.coalesce(func.max(AnswerLog.id), 0))) or 0


async def rows_after(dbs: Databases, after_id: int) -> Sequence[AnswerLog]:
    """The `answer_log` rows written after `after_id`, oldest first."""
    async with dbs.global_sessions() as session:
        statement = select(AnswerLog).where(AnswerLog.id > after_id).order_by(AnswerLog.id)
        return (await session.scalars(statement)).all()


@pytest.fixture
async def platform(loaded_settings: Settings) -> AsyncIterator[Platform]:
    """A started platform over the databases with the bundled data."""
    started = await Platform.start(loaded_settings)
    yield started
    await started.stop()


@pytest.fixture
def monitor(platform: Platform) -> AnswerMonitor:
    """A monitor of its own (not started: the test decides when rows are flushed)."""
    return AnswerMonitor(platform.settings, platform.dbs)
