"""Checks on a backup folder before anything is written: files present, checksums and row counts as the
manifest says, revisions this version can migrate to, data keys able to read the encrypted values."""

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from medichain.backup.manifest import BackupError, DatabaseDump, Manifest, TableDump
from medichain.backup.schema import known_revisions
from medichain.core.security.crypto import CryptoError, FieldCipher


def table_lines(directory: Path, dump: TableDump) -> Iterator[bytes]:
    """The lines of a table file, one row each, streamed."""
    with (directory / dump.file).open("rb") as handle:
        yield from handle


def table_rows(directory: Path, dump: TableDump) -> Iterator[dict[str, Any]]:
    """The rows of a table file as JSON objects (values still encoded)."""
    for number, line in enumerate(table_lines(directory, dump), start=1):
        try:
            yield orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise BackupError(f"{dump.file} line {number}: not a JSON object ({exc})") from None


def file_problems(directory: Path, dump: TableDump) -> list[str]:
    """What is wrong with one table file (nothing when it matches the manifest)."""
    path = directory / dump.file
    if not path.is_file():
        return [f"{dump.file} is missing"]
    digest = hashlib.sha256()
    lines = 0
    for line in table_lines(directory, dump):
        digest.update(line)
        lines += 1
    if digest.hexdigest() != dump.sha256:
        return [
            f"{dump.file} is damaged: its SHA-256 is {digest.hexdigest()}, the manifest says {dump.sha256}"
        ]
    if lines != dump.rows:
        return [f"{dump.file} holds {lines} rows, the manifest says {dump.rows}"]
    return []


def revision_problems(database: DatabaseDump) -> list[str]:
    """A revision that this version's migrations do not contain cannot be restored."""
    if database.revision in known_revisions(database.kind):
        return []
    return [
        f"{database.name}: schema revision {database.revision} is unknown to this MediChain "
        "(was the backup made by a newer version?)"
    ]


def verify_backup(directory: Path, manifest: Manifest) -> None:
    """Every problem of the backup at once, or nothing when it can be restored."""
    problems: list[str] = []
    for database in manifest.databases:
        problems += revision_problems(database)
        for dump in database.tables:
            problems += file_problems(directory, dump)
    if problems:
        raise BackupError(*problems)


def verify_keys(directory: Path, manifest: Manifest, cipher: FieldCipher) -> None:
    """The configured data keys must decrypt the backup's shard URLs (the keys that wrote it)."""
    shard_info = next((t for t in manifest.global_database.tables if t.name == "shard_info"), None)
    if shard_info is None:
        raise BackupError("global: the backup has no shard_info table")
    for row in table_rows(directory, shard_info):
        try:
            cipher.decrypt(row["url_encrypted"], f"shard:{row['shard_id']}")
        except CryptoError as exc:
            raise BackupError(
                f"MEDICHAIN_DATA_KEYS cannot read this backup (shard {row['shard_id']}: {exc}): "
                "restore with the data keys in use when it was made"
            ) from None
