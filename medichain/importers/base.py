"""The shapes every importer shares: where a row came from, a raw row, a rejected row, a planned write,
and the `Importer` interface that each source format implements."""

from abc import ABC, abstractmethod
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase

from medichain.core.db.upsert import UpsertCounts

if TYPE_CHECKING:
    from medichain.platform import Platform


class InputError(Exception):
    """The input as a whole cannot be imported (unreadable file, unknown format, bad option)."""


class Invalid(Exception):
    """One row cannot be imported; the message is the reason shown to the operator."""


@dataclass(frozen=True, slots=True)
class Location:
    """Where a row came from: a CSV/JSONL line, a JSON/XML item index, or a whole file."""

    unit: Literal["line", "item", "file"]
    number: int = 0
    file: str = ""

    def __str__(self) -> str:
        if self.unit == "file":
            return self.file
        where = f"{self.unit} {self.number}"
        return f"{self.file} {where}" if self.file else where

    def as_dict(self) -> dict[str, Any]:
        """JSON form: `{"line": 3}`, `{"item": 2}`, `{"file": "a.pdf"}` (with `file` when known)."""
        out: dict[str, Any] = {"file": self.file} if self.file else {}
        if self.unit != "file":
            out[self.unit] = self.number
        return out


@dataclass(frozen=True, slots=True)
class Raw:
    """A row as read from the file: field name to text (empty string when absent)."""

    location: Location
    fields: Mapping[str, str]

    def get(self, name: str) -> str:
        """A field, stripped (empty when absent)."""
        return self.fields.get(name, "").strip()

    def required(self, name: str) -> str:
        """A field that must not be empty."""
        value = self.get(name)
        if not value:
            raise Invalid(f"missing field {name}")
        return value


@dataclass(frozen=True, slots=True)
class Rejection:
    """A row that was not imported, and why."""

    location: Location
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """JSON form: the location keys plus `reason`."""
        return {**self.location.as_dict(), "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Op:
    """A validated row ready to write: `payload` upserted under `key`, or the key removed."""

    location: Location
    key: Hashable
    payload: Any
    remove: bool = False


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a reader got from a file: rows (or rows it could not read) and how it read them."""

    source: str
    format: str
    encoding: str | None
    rows: list[Raw | Rejection]


class Importer(ABC):
    """One source format: turns raw rows into writes and writes a batch of them in one transaction."""

    kind: str
    """What is imported, for the summary ("drugs", "hospitals", ...)."""

    async def prepare(self, platform: "Platform") -> None:  # noqa: B027 - optional hook
        """Load whatever `convert` needs from the running platform (nothing by default)."""

    @abstractmethod
    def convert(self, row: Raw) -> Op:
        """Validate a raw row completely and plan its write; raises `Invalid` with the reason."""

    @abstractmethod
    async def write(self, session: AsyncSession, ops: Sequence[Op]) -> UpsertCounts:
        """Write the ops inside the caller's transaction; removals count as updated, absent ones unchanged."""

    async def finish(self, platform: "Platform") -> dict[str, int]:
        """Work after every batch is written (e.g. indexing); returns counts for the summary."""
        return {}


def check_lengths(model: type[DeclarativeBase], row: Mapping[str, Any]) -> None:
    """Reject a row whose text would not fit its column (MySQL refuses what SQLite would keep)."""
    for name, value in row.items():
        column = model.__table__.columns.get(name)  # type: ignore[attr-defined]
        if column is None or not isinstance(column.type, String) or not isinstance(value, str):
            continue
        limit = column.type.length
        if limit is not None and len(value) > limit:
            raise Invalid(f"{name} is longer than {limit} characters ({len(value)})")
