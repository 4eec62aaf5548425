"""Helpers for the importer tests: the fixture files, running an import, reading tables."""

from pathlib import Path
from typing import Any

from sqlalchemy import select

from medichain.importers.base import Importer, Parsed
from medichain.importers.runner import run_import
from medichain.importers.summary import Summary
from medichain.platform import Platform

FIXTURES = Path(__file__).parent / "fixtures"


async def load(platform: Platform, importer: Importer, parsed: Parsed) -> Summary:
    """Run one import with a small batch size, so that batching and fallbacks are exercised."""
    return await run_import(importer, platform, parsed, batch_size=2)


def counts(summary: Summary) -> tuple[int, int, int, int]:
    """(loaded, updated, skipped, rejected)."""
    return summary.loaded, summary.updated, summary.skipped, summary.rejected


def reasons(summary: Summary) -> dict[str, str]:
    """Rejection reasons by location text ("line 3", "item 2", ...)."""
    return {str(r.location): r.reason for r in summary.rejections}


async def rows(platform: Platform, model: Any, **where: Any) -> list[Any]:
    """Rows of a global table, filtered by column values."""
    query = select(model).filter_by(**where)
    async with platform.dbs.global_sessions() as session:
        return list((await session.scalars(query)).all())
