"""Idempotent upserts by natural key, portable across SQLite and MySQL, counting what changed."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase


@dataclass(slots=True)
class UpsertCounts:
    """Rows inserted, updated (some column changed) and unchanged."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: "UpsertCounts") -> None:
        """Accumulate another batch."""
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged


async def upsert(
    session: AsyncSession, model: type[DeclarativeBase], keys: Sequence[str], rows: Sequence[dict[str, Any]]
) -> UpsertCounts:
    """Insert new rows and update changed ones, matching on the `keys` columns (one query per batch)."""
    counts = UpsertCounts()
    if not rows:
        return counts
    key_columns = [getattr(model, k) for k in keys]
    wanted = {tuple(row[k] for k in keys): row for row in rows}
    matches = (
        key_columns[0].in_([k[0] for k in wanted])
        if len(keys) == 1
        else tuple_(*key_columns).in_(list(wanted))
    )
    existing_rows = (await session.scalars(select(model).where(matches))).all()
    existing = {tuple(getattr(obj, k) for k in keys): obj for obj in existing_rows}
    for key, row in wanted.items():
        obj = existing.get(key)
        if obj is None:
            session.add(model(**row))
            counts.inserted += 1
            continue
        changed = {name: value for name, value in row.items() if getattr(obj, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(obj, name, value)
            counts.updated += 1
        else:
            counts.unchanged += 1
    await session.flush()
    return counts
