"""The shared import run: validate every row, drop in-file duplicates, write in batches (retrying a failed
batch row by row so one bad row cannot sink the rest), count, and report progress."""

from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING

from rich.progress import Progress
from sqlalchemy.exc import DBAPIError, StatementError

from medichain.importers.base import Importer, Invalid, Op, Parsed, Raw, Rejection
from medichain.importers.summary import Summary

if TYPE_CHECKING:
    from medichain.core.db.shards import Databases
    from medichain.platform import Platform

BATCH_SIZE = 500


async def run_import(
    importer: Importer,
    platform: "Platform",
    parsed: Parsed,
    *,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> Summary:
    """Import the rows of `parsed` into the platform's global database and summarise what happened."""
    summary = Summary(importer.kind, parsed.source, parsed.format, parsed.encoding)
    await importer.prepare(platform)
    ops = plan(importer, parsed.rows, summary)
    task = progress.add_task(f"importing {importer.kind}", total=len(ops)) if progress else None
    for start in range(0, len(ops), batch_size):
        batch = ops[start : start + batch_size]
        await _write(importer, platform.dbs, batch, summary)
        if progress is not None and task is not None:
            progress.advance(task, len(batch))
    if progress is not None and task is not None:
        progress.update(task, description=f"finishing {importer.kind}")
    summary.extra.update(await importer.finish(platform))
    summary.rejections.sort(key=lambda r: (r.location.file, r.location.number))
    return summary


def plan(importer: Importer, rows: Iterable[Raw | Rejection], summary: Summary) -> list[Op]:
    """Convert rows into ops in file order, recording rejections.

    A key seen again is a duplicate (skipped): the first write for a key wins, and a removal stands only
    when the file holds no write for that key.
    """
    planned: dict[Hashable, Op] = {}
    for row in rows:
        if isinstance(row, Rejection):
            summary.rejections.append(row)
            continue
        try:
            op = importer.convert(row)
        except Invalid as exc:
            summary.rejections.append(Rejection(row.location, str(exc)))
            continue
        kept = planned.get(op.key)
        if kept is None or (kept.remove and not op.remove):
            planned[op.key] = op
        if kept is not None:
            summary.duplicates += 1
            summary.skipped += 1
    return list(planned.values())


async def _write(importer: Importer, dbs: "Databases", batch: list[Op], summary: Summary) -> None:
    """One transaction for the batch; if the database refuses it, one transaction per row."""
    try:
        async with dbs.global_sessions.begin() as session:
            counts = await importer.write(session, batch)
    except StatementError as exc:
        if _unavailable(exc):
            raise
    else:
        summary.count(counts)
        return
    for op in batch:
        try:
            async with dbs.global_sessions.begin() as session:
                counts = await importer.write(session, [op])
        except StatementError as exc:
            if _unavailable(exc):
                raise
            summary.rejections.append(Rejection(op.location, f"the database refused the row: {_reason(exc)}"))
        else:
            summary.count(counts)


def _unavailable(exc: StatementError) -> bool:
    """A lost connection fails every row alike: it aborts the import instead of rejecting rows."""
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def _reason(exc: StatementError) -> str:
    return str(exc.orig or exc).splitlines()[0][:300]
