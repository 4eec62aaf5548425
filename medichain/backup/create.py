"""`medichain backup create`: every table of the global database and of every registered shard as
JSONL, read in one snapshot per database and streamed to disk, then the manifest."""

import hashlib
import logging
from pathlib import Path

import orjson
from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from medichain import __version__
from medichain.backup.codec import Kind, column_kind, encode
from medichain.backup.manifest import (
    FORMAT_VERSION,
    BackupError,
    ColumnDump,
    DatabaseDump,
    Manifest,
    TableDump,
    write_manifest,
)
from medichain.backup.schema import VERSION_TABLE, current_revision, head_revision, table_names
from medichain.config import Settings
from medichain.core.db.base import utcnow
from medichain.core.db.engines import describe
from medichain.core.db.migrations import DatabaseKind
from medichain.core.db.registry import METADATA
from medichain.core.db.shards import Databases
from medichain.core.security.crypto import FieldCipher

log = logging.getLogger("medichain.backup")
BATCH_ROWS = 1000


async def create_backup(settings: Settings, directory: Path, batch_rows: int = BATCH_ROWS) -> Manifest:
    """Back up the global database and every shard registered in `shard_info` into `directory`.

    `directory` must be new or empty. Encrypted fields are copied as stored: the data keys that wrote
    them are needed to read a restore.
    """
    _prepare_folder(directory)
    dbs = Databases(settings, FieldCipher(settings))
    try:
        await dbs.open()
        dumps = [await _dump_database(dbs.global_engine, "global", None, directory, batch_rows)]
        for shard_id, shard in sorted(dbs.shards.items()):
            dumps.append(await _dump_database(shard.engine, "shard", shard_id, directory, batch_rows))
    finally:
        await dbs.close()
    manifest = Manifest(
        format_version=FORMAT_VERSION, created_at=utcnow(), medichain_version=__version__, databases=dumps
    )
    write_manifest(directory, manifest)
    return manifest


def _prepare_folder(directory: Path) -> None:
    """Create the backup folder; an existing one must be empty (a backup never overwrites another)."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupError(f"{directory} already exists and is not an empty folder: choose a new one")
    directory.mkdir(parents=True, exist_ok=True)


async def _dump_database(
    engine: AsyncEngine, kind: DatabaseKind, shard_id: int | None, directory: Path, batch_rows: int
) -> DatabaseDump:
    """Every table of one database, read within one transaction so the tables agree with each other."""
    name = "global" if shard_id is None else f"shard-{shard_id}"
    (directory / name).mkdir()
    async with engine.connect() as connection:
        await _snapshot(connection)
        revision = await current_revision(connection)
        if revision != head_revision(kind):
            raise BackupError(
                f"{name} is at revision {revision}, this MediChain expects {head_revision(kind)}: "
                "run `medichain db upgrade` first"
            )
        unknown = await table_names(connection) - set(METADATA[kind].tables) - {VERSION_TABLE}
        if unknown:
            raise BackupError(
                f"{name} holds tables this MediChain does not know: {', '.join(sorted(unknown))}"
            )
        tables = [
            await _dump_table(connection, table, directory, f"{name}/{table.name}.jsonl", batch_rows)
            for table in METADATA[kind].sorted_tables
        ]
    log.info("database backed up", extra={"database": name, "tables": len(tables)})
    return DatabaseDump(
        name=name,
        kind=kind,
        shard_id=shard_id,
        revision=revision,
        source=describe(engine.url),
        tables=tables,
    )


async def _snapshot(connection: AsyncConnection) -> None:
    """Make the following reads one consistent snapshot of the database."""
    if connection.dialect.name == "sqlite":
        await connection.exec_driver_sql("BEGIN")  # pysqlite does not open a transaction for reads
    else:
        await connection.execution_options(isolation_level="REPEATABLE READ")


async def _dump_table(
    connection: AsyncConnection, table: Table, directory: Path, file: str, batch_rows: int
) -> TableDump:
    """Stream a table, in primary-key order, to one JSONL file; count and hash what was written."""
    columns: list[tuple[str, Kind]] = [(col.name, column_kind(col)) for col in table.columns]
    digest = hashlib.sha256()
    rows = 0
    result = await connection.stream(select(table).order_by(*table.primary_key.columns))
    with (directory / file).open("wb") as out:
        async for partition in result.partitions(batch_rows):
            for row in partition:
                line = orjson.dumps(
                    {name: encode(kind, value) for (name, kind), value in zip(columns, row, strict=True)}
                )
                line += b"\n"
                out.write(line)
                digest.update(line)
            rows += len(partition)
    return TableDump(
        name=table.name,
        file=file,
        rows=rows,
        sha256=digest.hexdigest(),
        columns=[ColumnDump(name=name, kind=kind) for name, kind in columns],
    )
