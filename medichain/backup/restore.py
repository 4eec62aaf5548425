"""`medichain backup restore`: check the backup and every target first, then reset each target, migrate
it to the backup's revision and load its rows in batches within one transaction, verifying checksums
and counts before committing. Shards first and the global database last, so an interrupted restore
never leaves a registry pointing at half-restored shards."""

import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import func, inspect, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.expression import TableClause

from medichain.backup.codec import decode, insertable
from medichain.backup.manifest import BackupError, DatabaseDump, Manifest, TableDump, read_manifest
from medichain.backup.schema import drop_all_tables, tables_with_rows
from medichain.backup.verify import table_lines, verify_backup, verify_keys
from medichain.config import Settings
from medichain.core.db.engines import async_url, create_engine, describe
from medichain.core.db.migrations import upgrade
from medichain.core.db.models import ShardInfo
from medichain.core.db.shards import shard_address
from medichain.core.security.crypto import CryptoError, FieldCipher

log = logging.getLogger("medichain.backup")
BATCH_ROWS = 1000
AfterLoad = Callable[[AsyncConnection], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Restored:
    """One restored database: where it went and the rows of each table."""

    name: str
    target: str
    rows: dict[str, int]


@dataclass(frozen=True, slots=True)
class _Target:
    dump: DatabaseDump
    url: str


async def restore_backup(
    settings: Settings,
    directory: Path,
    *,
    force: bool = False,
    shard_urls: dict[int, str] | None = None,
    batch_rows: int = BATCH_ROWS,
) -> list[Restored]:
    """Restore a backup into the global database of `settings` and one database per backed-up shard.

    Shard N goes to `shard_urls[N]`, else to shard N as registered in the target global database, else
    to the N-th URL of `MEDICHAIN_SHARD_URLS`; `shard_info` is rewritten to point at these. Targets must
    hold no rows unless `force`. A damaged backup or a refused target raises `BackupError` before
    anything is written.
    """
    manifest = read_manifest(directory)
    verify_backup(directory, manifest)
    cipher = FieldCipher(settings)
    verify_keys(directory, manifest, cipher)
    targets = await _targets(settings, cipher, manifest, shard_urls or {})
    if not force:
        await _refuse_non_empty(settings, targets)
    locations = {t.dump.shard_id: t.url for t in targets if t.dump.shard_id is not None}

    async def register_shards(connection: AsyncConnection) -> None:
        for shard_id, url in locations.items():
            await connection.execute(
                update(ShardInfo)
                .where(ShardInfo.shard_id == shard_id)
                .values(url_encrypted=cipher.encrypt(url, f"shard:{shard_id}"), **shard_address(url))
            )

    restored = []
    for target in targets:
        engine = create_engine(target.url, settings)
        try:
            after = register_shards if target.dump.kind == "global" else None
            rows = await _load(engine, directory, target.dump, batch_rows, after)
        finally:
            await engine.dispose()
        restored.append(Restored(target.dump.name, describe(engine.url), rows))
        log.info("database restored", extra={"database": target.dump.name, "rows": sum(rows.values())})
    return restored


async def _targets(
    settings: Settings, cipher: FieldCipher, manifest: Manifest, explicit: dict[int, str]
) -> list[_Target]:
    """Where each database of the backup goes (shards first, global last), checked for clashes."""
    shard_ids = [dump.shard_id for dump in manifest.shards]
    problems = [
        f"--shard-url {shard_id}=…: the backup has no shard {shard_id} (it has {_listing(shard_ids)})"
        for shard_id in sorted(set(explicit) - set(shard_ids))
    ]
    registered = await _registered_shards(settings, cipher) if set(shard_ids) - set(explicit) else {}
    configured = dict(enumerate(settings.shard_urls, start=1))
    targets = []
    for dump in manifest.shards:
        assert dump.shard_id is not None
        url = explicit.get(dump.shard_id) or registered.get(dump.shard_id) or configured.get(dump.shard_id)
        if url is None:
            problems.append(f"{dump.name}: no target database; pass --shard-url {dump.shard_id}=URL")
        else:
            targets.append(_Target(dump, url))
    targets.append(_Target(manifest.global_database, settings.global_database_url))
    seen: dict[str, str] = {}
    for target in targets:
        try:
            key = async_url(target.url).render_as_string(hide_password=False)
        except (ArgumentError, ValueError) as exc:
            problems.append(f"{target.dump.name}: invalid target URL ({exc})")
            continue
        if key in seen:
            problems.append(
                f"{seen[key]} and {target.dump.name} would both be restored into {describe(async_url(target.url))}"
            )
        seen[key] = target.dump.name
    if problems:
        raise BackupError(*problems)
    return targets


async def _registered_shards(settings: Settings, cipher: FieldCipher) -> dict[int, str]:
    """The shard URLs registered in the target global database, when it has a registry."""
    if not _exists(settings.global_database_url):
        return {}
    engine = create_engine(settings.global_database_url, settings)
    try:
        async with engine.connect() as connection:
            has_registry = await connection.run_sync(lambda sync: inspect(sync).has_table("shard_info"))
            if not has_registry:
                return {}
            rows = (await connection.execute(select(ShardInfo.shard_id, ShardInfo.url_encrypted))).all()
    finally:
        await engine.dispose()
    registered = {}
    for shard_id, token in rows:
        try:
            registered[shard_id] = cipher.decrypt(token, f"shard:{shard_id}") or ""
        except CryptoError as exc:
            raise BackupError(
                f"the target global database registers shard {shard_id} with a URL the data keys cannot "
                f"read ({exc}): pass --shard-url {shard_id}=URL"
            ) from None
    return registered


async def _refuse_non_empty(settings: Settings, targets: list[_Target]) -> None:
    """Refuse targets holding rows: a restore replaces everything in them."""
    problems = []
    for target in targets:
        if not _exists(target.url):
            continue
        engine = create_engine(target.url, settings)
        try:
            filled = await tables_with_rows(engine)
        finally:
            await engine.dispose()
        if filled:
            problems.append(
                f"{target.dump.name} target {describe(engine.url)} is not empty (rows in {', '.join(filled)}): "
                "restore into fresh databases, or pass --force to replace their contents"
            )
    if problems:
        raise BackupError(*problems)


def _exists(url: str) -> bool:
    """False for a SQLite file not created yet (so checking it does not create it)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return True
    return bool(parsed.database) and parsed.database != ":memory:" and Path(parsed.database).exists()


async def _load(
    engine: AsyncEngine, directory: Path, dump: DatabaseDump, batch_rows: int, after: AfterLoad | None
) -> dict[str, int]:
    """Reset the database, migrate it to the dump's revision, then insert every table in one transaction."""
    await drop_all_tables(engine)
    await upgrade(engine, dump.kind, dump.revision)
    async with engine.begin() as connection:
        rows = {
            table.name: await _load_table(connection, directory, dump.name, table, batch_rows)
            for table in dump.tables
        }
        if after is not None:
            await after(connection)
    return rows


async def _load_table(
    connection: AsyncConnection, directory: Path, database: str, dump: TableDump, batch_rows: int
) -> int:
    """Insert a table's rows in batches; its file must hash as the manifest says and every row land."""
    target = insertable(dump.name, [(col.name, col.kind) for col in dump.columns])
    digest = hashlib.sha256()
    batch: list[dict[str, Any]] = []
    for number, line in enumerate(table_lines(directory, dump), start=1):
        digest.update(line)
        batch.append(_row(dump, number, line))
        if len(batch) == batch_rows:
            await _insert(connection, target, batch, dump, number)
            batch = []
    if batch:
        await _insert(connection, target, batch, dump, dump.rows)
    if digest.hexdigest() != dump.sha256:
        raise BackupError(f"{dump.file} changed while it was being restored; nothing of {database} was kept")
    count = await connection.scalar(select(func.count()).select_from(target))
    if count != dump.rows:
        raise BackupError(
            f"{database}.{dump.name} holds {count} rows after the restore, the backup {dump.rows}"
        )
    return dump.rows


def _row(dump: TableDump, number: int, line: bytes) -> dict[str, Any]:
    """One row decoded from its JSON line."""
    try:
        raw = orjson.loads(line)
        return {col.name: decode(col.kind, raw[col.name]) for col in dump.columns}
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise BackupError(
            f"{dump.file} line {number}: unreadable row ({type(exc).__name__}: {exc})"
        ) from None


async def _insert(
    connection: AsyncConnection, target: TableClause, batch: list[dict[str, Any]], dump: TableDump, last: int
) -> None:
    try:
        await connection.execute(target.insert(), batch)
    except DBAPIError as exc:
        first = last - len(batch) + 1
        raise BackupError(
            f"{dump.file} lines {first}–{last}: the database refused the rows ({exc.orig})"
        ) from None


def _listing(numbers: list[int | None]) -> str:
    return "shards " + ", ".join(str(n) for n in numbers) if numbers else "no shard"
