"""A populated platform, fresh target databases with the same keys, and a row-by-row comparison."""

import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Table, inspect, select
from sqlalchemy.engine import make_url

from medichain.config import Settings
from medichain.core.db.engines import create_engine
from medichain.core.db.migrations import DatabaseKind
from medichain.core.db.models import ShardInfo
from medichain.core.db.registry import METADATA
from medichain.core.security.crypto import FieldCipher
from tests.conftest import base_settings, bearer, create_mariadb_databases, signup_with

QUESTIONS = ("타이레놀 먹어도 되나요?", "두통이 있어요", "소화가 안 돼요")
REMAPPED = {"url_encrypted", "host", "port", "database_name"}
"""`shard_info` columns a restore rewrites for the target shards."""


async def populate(client: httpx.AsyncClient) -> list[str]:
    """Accounts with profiles, rooms, answered turns, feedback and security events; returns the user ids."""
    signup = signup_with(client)
    user_ids = []
    for number in range(3):
        user_id = f"bk{uuid.uuid4().hex[:8]}"
        tokens = await signup(user_id, name=f"백업 {number}", phone="010-1234-5678", medications=["타이레놀"])
        room = await client.post("/api/v1/chat/rooms", headers=bearer(tokens), json={"title": "상담"})
        assert room.status_code == 201, room.text
        for sequence, question in enumerate(QUESTIONS, start=1):
            turn = await client.post(
                f"/api/v1/chat/rooms/{room.json()['id']}/messages",
                headers=bearer(tokens),
                json={"text": question, "sequence": sequence},
            )
            assert turn.status_code == 200, turn.text
        rated = await client.post(
            f"/api/v1/chat/messages/{turn.json()['message_id']}/feedback",
            headers=bearer(tokens),
            json={"score": 4, "comment": "도움이 됐어요"},
        )
        assert rated.status_code == 201, rated.text
        failed = await client.post("/api/v1/auth/login", json={"login": user_id, "password": "wrong-pass-1"})
        assert failed.status_code == 401
        user_ids.append(user_id)
    return user_ids


def database_urls(settings: Settings) -> dict[str, str]:
    """Each database of a platform by its backup name (shards registered in settings order)."""
    urls = {f"shard-{n}": url for n, url in enumerate(settings.shard_urls, start=1)}
    return {"global": settings.global_database_url, **urls}


async def fresh_targets(source: Settings, backend: str, tmp_path: Path) -> Settings:
    """Settings naming new, empty databases on `backend`, with the source's keys (a restore needs them)."""
    keys = {"data_keys": source.data_keys, "lookup_key": source.lookup_key, "jwt_secret": source.jwt_secret}
    if backend == "sqlite":
        folder = tmp_path / f"restored-{uuid.uuid4().hex[:6]}"
        urls = [f"sqlite+aiosqlite:///{folder}/{name}.db" for name in ("global", "shard1", "shard2")]
    else:
        urls = await create_mariadb_databases(
            f"medichain_r{uuid.uuid4().hex[:10]}", ["global", "shard1", "shard2"]
        )
    return base_settings(global_database_url=urls[0], shard_urls=urls[1:], **keys)


async def table_rows(url: str, settings: Settings, table: Table) -> list[dict[str, Any]]:
    """Every row of a table, typed by the models."""
    engine = create_engine(url, settings)
    try:
        async with engine.connect() as connection:
            return [dict(row._mapping) for row in await connection.execute(select(table))]
    finally:
        await engine.dispose()


async def comparable_rows(
    url: str, settings: Settings, table: Table, whole_seconds: bool
) -> list[dict[str, Any]]:
    """A table's rows in key order, without the `shard_info` columns a restore rewrites; datetimes to whole
    seconds when asked (MariaDB DATETIME keeps whole seconds)."""
    skipped = REMAPPED if table.name == "shard_info" else set()
    rows = [
        {
            name: value.replace(microsecond=0) if whole_seconds and isinstance(value, datetime) else value
            for name, value in row.items()
            if name not in skipped
        }
        for row in await table_rows(url, settings, table)
    ]
    key = [column.name for column in table.primary_key.columns]
    return sorted(rows, key=lambda row: [str(row[k]) for k in key])


async def assert_same_data(source: Settings, target: Settings) -> dict[str, int]:
    """Every table of every database equal row by row; returns the rows compared per database."""
    sources, targets = database_urls(source), database_urls(target)
    whole_seconds = any("mysql" in url for url in (source.global_database_url, target.global_database_url))
    compared = {}
    for name, url in sources.items():
        kind: DatabaseKind = "global" if name == "global" else "shard"
        compared[name] = 0
        for table in METADATA[kind].sorted_tables:
            before = await comparable_rows(url, source, table, whole_seconds)
            after = await comparable_rows(targets[name], target, table, whole_seconds)
            assert after == before, f"{name}.{table.name} differs after the restore"
            compared[name] += len(before)
    cipher = FieldCipher(target)
    for info in await table_rows(target.global_database_url, target, ShardInfo.__table__):
        restored_url = cipher.decrypt(info["url_encrypted"], f"shard:{info['shard_id']}")
        assert restored_url == targets[f"shard-{info['shard_id']}"], (
            "shard_info points at the restored shards"
        )
    return compared


def mariadb_prefix(settings: Settings) -> str:
    """The prefix shared by the MariaDB databases of `settings` (for dropping them)."""
    return str(make_url(settings.global_database_url).database).rsplit("_", 1)[0]


def _file_exists(path: str) -> bool:
    return Path(path).exists()


async def untouched(settings: Settings) -> bool:
    """True when no database of `settings` was created or given a table."""
    for url in database_urls(settings).values():
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            if _file_exists(str(parsed.database)):
                return False
            continue
        engine = create_engine(url, settings)
        try:
            async with engine.connect() as connection:
                if await connection.run_sync(lambda sync: inspect(sync).get_table_names()):
                    return False
        finally:
            await engine.dispose()
    return True
