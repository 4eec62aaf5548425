"""The outcome of one import: counts, rejected rows with reasons, and how the input was read."""

from dataclasses import dataclass, field
from typing import Any

from medichain.core.db.upsert import UpsertCounts
from medichain.importers.base import Rejection


@dataclass
class Summary:
    """Rows loaded (new), updated (changed or withdrawn and removed), skipped (unchanged, duplicate in the
    file, or withdrawn but not present) and rejected (with reasons)."""

    kind: str
    source: str
    format: str
    encoding: str | None = None
    loaded: int = 0
    updated: int = 0
    skipped: int = 0
    duplicates: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def rejected(self) -> int:
        """How many rows were rejected."""
        return len(self.rejections)

    @property
    def rows(self) -> int:
        """Every row read from the input."""
        return self.loaded + self.updated + self.skipped + self.rejected

    def count(self, counts: UpsertCounts) -> None:
        """Add what a write reported."""
        self.loaded += counts.inserted
        self.updated += counts.updated
        self.skipped += counts.unchanged

    def as_dict(self) -> dict[str, Any]:
        """The JSON form printed by `--json`."""
        return {
            "kind": self.kind,
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "rows": self.rows,
            "loaded": self.loaded,
            "updated": self.updated,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "rejections": [r.as_dict() for r in self.rejections],
            **self.extra,
        }
