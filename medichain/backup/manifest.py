"""The manifest of a backup: what it holds, at which schema revisions, with a checksum per file."""

from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from medichain.backup.codec import Kind

MANIFEST_FILE = "manifest.json"
FORMAT = "medichain-backup"
FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup cannot be made or restored; `problems` says precisely why (one line each)."""

    def __init__(self, *problems: str) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


class ColumnDump(BaseModel):
    """A column and the portable kind of its values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: Kind


class TableDump(BaseModel):
    """One table: its JSONL file (relative to the backup folder), row count and SHA-256."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
    file: str
    rows: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    columns: list[ColumnDump] = Field(min_length=1)

    @field_validator("file")
    @classmethod
    def _inside_backup(cls, value: str) -> str:
        path = PurePosixPath(value)
        if path.is_absolute() or ".." in path.parts:
            raise ValueError("must be a path inside the backup folder")
        return value


class DatabaseDump(BaseModel):
    """One database (global or a shard) at one Alembic revision."""

    model_config = ConfigDict(extra="forbid")

    name: str
    kind: Literal["global", "shard"]
    shard_id: int | None = Field(None, ge=1)
    revision: str
    source: str = Field(description="where it was read from (no password)")
    tables: list[TableDump]


class Manifest(BaseModel):
    """Everything a restore needs to know and check."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["medichain-backup"] = FORMAT
    format_version: int
    created_at: datetime
    medichain_version: str
    databases: list[DatabaseDump]

    @property
    def global_database(self) -> DatabaseDump:
        """The dump of the global database."""
        return next(d for d in self.databases if d.kind == "global")

    @property
    def shards(self) -> list[DatabaseDump]:
        """The dumps of the shards, by shard id."""
        return sorted((d for d in self.databases if d.kind == "shard"), key=lambda d: d.shard_id or 0)


def write_manifest(directory: Path, manifest: Manifest) -> None:
    """Write the manifest last and atomically: a backup without one is incomplete."""
    partial = directory / (MANIFEST_FILE + ".partial")
    partial.write_text(manifest.model_dump_json(indent=2) + "\n", encoding="utf-8")
    partial.replace(directory / MANIFEST_FILE)


def read_manifest(directory: Path) -> Manifest:
    """The manifest of a backup folder, checked for shape and version."""
    path = directory / MANIFEST_FILE
    if not directory.is_dir():
        raise BackupError(f"{directory} is not a folder")
    if not path.is_file():
        raise BackupError(
            f"{MANIFEST_FILE} is missing in {directory}: not a MediChain backup, or the backup did not finish"
        )
    try:
        manifest = Manifest.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        problems = [
            f"{MANIFEST_FILE}: {'.'.join(str(p) for p in error['loc']) or 'document'}: {error['msg']}"
            for error in exc.errors()
        ]
        raise BackupError(*problems) from None
    if manifest.format_version != FORMAT_VERSION:
        raise BackupError(
            f"{MANIFEST_FILE}: format version {manifest.format_version} is not supported "
            f"(this MediChain reads version {FORMAT_VERSION})"
        )
    _check_layout(manifest)
    return manifest


def _check_layout(manifest: Manifest) -> None:
    """Exactly one global database, shards with distinct ids, tables named once per database."""
    problems = []
    globals_ = [d for d in manifest.databases if d.kind == "global"]
    if len(globals_) != 1:
        problems.append(f"{MANIFEST_FILE}: expected one global database, found {len(globals_)}")
    shard_ids = [d.shard_id for d in manifest.databases if d.kind == "shard"]
    if None in shard_ids or len(set(shard_ids)) != len(shard_ids):
        problems.append(f"{MANIFEST_FILE}: every shard needs its own shard_id")
    for database in manifest.databases:
        names = [t.name for t in database.tables]
        if len(set(names)) != len(names):
            problems.append(f"{MANIFEST_FILE}: {database.name} lists a table twice")
    if problems:
        raise BackupError(*problems)
