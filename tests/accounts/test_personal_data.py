"""PIPA completeness, on SQLite + in-process store and on MariaDB + Redis: the export holds every row of
the person on their shard, and after deletion nothing naming them remains in the global database, any
shard, Redis or the process's own stores (sessions, refresh families, lockout and rate-limit keys,
cached answers) — found by scanning every table and every key, not only the expected ones."""

import json
import random
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy import MetaData, select
from sqlalchemy.ext.asyncio import AsyncEngine

from medichain.accounts.schemas import ProfileFields
from medichain.answering.cache import cache_key
from medichain.core.kv import MemoryStore
from medichain.platform import Platform
from tests.conftest import REDIS_URL, bearer

PASSWORD = "correct-horse-9"


def _person() -> dict[str, Any]:
    token = uuid.uuid4().hex[:8]
    return {
        "user_id": f"pipa{token}",
        "name": f"홍길순 {token}",
        "phone": f"010-{random.randint(1000, 9999)}-{random.randint(1000, 9999)}",
        "email": f"pipa.{token}@example.kr",
        "birth_date": "1941-03-04",
        "gender": "F",
        "medications": ["와파린"],
    }


def _texts(value: Any) -> Iterator[str]:
    """Every text a stored value carries (JSON text decoded, so escaped Hangul is seen too)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        yield value
        try:
            value = json.loads(value)
        except ValueError:
            return
    if isinstance(value, dict | list | tuple | set | frozenset):
        yield json.dumps(
            value if isinstance(value, dict | list) else list(value), ensure_ascii=False, default=str
        )
    elif value is not None:
        yield str(value)


def _found(needles: dict[str, str], value: Any) -> set[str]:
    return {
        label for text in _texts(value) for label, needle in needles.items() if needle.lower() in text.lower()
    }


async def scan_databases(engines: dict[str, AsyncEngine], needles: dict[str, str]) -> set[tuple[str, ...]]:
    """(database, table, column, needle) for every stored value containing a needle, in every table."""
    hits = set()
    for name, engine in engines.items():
        async with engine.connect() as connection:
            metadata = MetaData()
            await connection.run_sync(lambda sync, m=metadata: m.reflect(sync))
            for table in metadata.sorted_tables:
                for row in await connection.execute(select(table)):
                    for column, value in row._mapping.items():
                        hits |= {(name, table.name, column, label) for label in _found(needles, value)}
    return hits


async def _store_items(platform: Platform) -> Iterator[tuple[str, Any]]:
    """(where, key or value) for everything in the shared store and the process-local ones."""
    items: list[tuple[str, Any]] = []
    local = [platform.store, getattr(platform.store, "_local", None)]
    for store in local:
        if isinstance(store, MemoryStore):
            for key, (value, _) in store._values.items():
                items += [(f"process key {key}", key), (f"process value of {key}", value)]
    if platform.settings.redis_enabled:
        redis = Redis.from_url(REDIS_URL, decode_responses=True)
        prefix = platform.settings.redis_prefix
        async for key in redis.scan_iter(match=f"{prefix}*"):
            kind = await redis.type(key)
            value: Any = {
                "string": redis.get,
                "set": redis.smembers,
                "hash": redis.hgetall,
                "list": lambda k: redis.lrange(k, 0, -1),
                "zset": lambda k: redis.zrange(k, 0, -1),
            }[kind](key)
            name = key.removeprefix(prefix)
            items += [(f"redis key {name}", name), (f"redis value of {name}", await value)]
        await redis.aclose()
    return iter(items)


async def scan_stores(platform: Platform, needles: dict[str, str]) -> set[tuple[str, str]]:
    """(where, needle) for every key or value of the stores containing a needle."""
    return {(where, label) for where, item in await _store_items(platform) for label in _found(needles, item)}


def _engines(platform: Platform) -> dict[str, AsyncEngine]:
    shards = {f"shard-{n}": shard.engine for n, shard in platform.dbs.shards.items()}
    return {"global": platform.dbs.global_engine, **shards}


async def _use_everything(
    client: httpx.AsyncClient, person: dict[str, Any], failures: int = 2
) -> dict[str, str]:
    """Sign up and use every feature that stores something about a person, then fail `failures` logins
    (five lock the account); returns the access headers."""
    signup = await client.post("/api/v1/auth/signup", json={**person, "password": PASSWORD})
    assert signup.status_code == 201, signup.text
    by_email = await client.post("/api/v1/auth/login", json={"login": person["email"], "password": PASSWORD})
    assert by_email.status_code == 200
    rotated = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": by_email.json()["refresh_token"]}
    )
    assert rotated.status_code == 200
    reused = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": by_email.json()["refresh_token"]}
    )
    assert reused.status_code == 401, "a replayed refresh token: a security event about the person"
    headers = bearer(signup.json())
    room = (
        await client.post("/api/v1/chat/rooms", headers=headers, json={"title": f"{person['name']}의 상담"})
    ).json()
    for sequence, text in enumerate(("두통이 있어요", "와파린이랑 아스피린 같이 먹어도 돼?"), start=1):
        turn = await client.post(
            f"/api/v1/chat/rooms/{room['id']}/messages",
            headers=headers,
            json={"text": text, "sequence": sequence},
        )
        assert turn.status_code == 200, turn.text
    rated = await client.post(
        f"/api/v1/chat/messages/{turn.json()['message_id']}/feedback",
        headers=headers,
        json={"score": 2, "comment": f"{person['phone']}나 {person['email']}로 연락 주세요"},
    )
    assert rated.status_code == 201
    for _ in range(failures):
        await client.post(
            "/api/v1/auth/login", json={"login": person["user_id"], "password": "not-my-password-1"}
        )
    return headers


async def test_export_holds_every_row_of_the_person(
    loaded_app: FastAPI, loaded_client: httpx.AsyncClient
) -> None:
    person = _person()
    headers = await _use_everything(loaded_client, person)
    export = (await loaded_client.get("/api/v1/account/export", headers=headers)).json()
    platform: Platform = loaded_app.state.platform
    shard_id = await platform.dbs.shard_of(person["user_id"])
    shard = platform.dbs.shards[shard_id].engine
    hits = await scan_databases({"shard": shard}, {"user_id": person["user_id"]})
    tables = {table for _, table, _, _ in hits}
    assert tables == {"users", "chat_rooms", "chat_messages", "consultation_history", "feedback"}
    assert export["profile"] == {**export["profile"], **{k: v for k, v in person.items() if k != "user_id"}}
    async with shard.connect() as connection:
        metadata = MetaData()
        await connection.run_sync(lambda sync: metadata.reflect(sync))
        for name in tables - {"users"}:
            table = metadata.tables[name]
            owned = [c for c in table.columns if c.name == "user_id"]
            rows = (await connection.execute(select(table).where(owned[0] == person["user_id"]))).all()
            exported = {str(row["id"]): row for row in export[name]}
            assert {str(row.id) for row in rows} == set(exported), name
            assert all(set(row) >= {c.name for c in table.columns} for row in export[name]), name


@pytest.mark.parametrize("by", ["person", "admin"])
async def test_deletion_leaves_nothing_naming_the_person(
    loaded_app: FastAPI, loaded_client: httpx.AsyncClient, by: str
) -> None:
    person = _person()
    platform: Platform = loaded_app.state.platform
    # An admin may delete a locked account (the person cannot confirm with a password while locked).
    headers = await _use_everything(loaded_client, person, failures=2 if by == "person" else 6)
    needles = {
        "user id": person["user_id"],
        "name": person["name"],
        "phone": person["phone"],
        "email": person["email"],
        "email lookup hash": platform.cipher.lookup_hash(person["email"]),
    }
    assert {hit[3] for hit in await scan_databases(_engines(platform), needles)} == set(needles), (
        "the scan sees every needle while the account lives (in clear in a room title and a feedback comment)"
    )
    assert {label for _, label in await scan_stores(platform, needles)} >= {"user id"}

    if by == "person":
        deleted = await loaded_client.post(
            "/api/v1/account/delete", headers=headers, json={"password": PASSWORD}
        )
    else:
        admin = f"admin{uuid.uuid4().hex[:8]}"
        await platform.accounts.signup(admin, PASSWORD, ProfileFields(), role="admin")
        login = await loaded_client.post("/api/v1/auth/login", json={"login": admin, "password": PASSWORD})
        deleted = await loaded_client.delete(
            f"/api/v1/admin/users/{person['user_id']}", headers=bearer(login.json())
        )
    assert deleted.status_code == 204

    assert await scan_databases(_engines(platform), needles) == set()
    assert await scan_stores(platform, needles) == set()
    # What remains is pseudonymous: the keyed user reference of security events (README).
    user_ref = {"user_ref": platform.audit.user_ref(person["user_id"])}
    assert {hit[1:3] for hit in await scan_databases(_engines(platform), user_ref)} == {
        ("security_events", "user_ref")
    }
    assert {where.split(":")[0].split(" ", 1)[1] for where, _ in await scan_stores(platform, user_ref)} <= {
        "key audit",
        "value of failedaccts",
    }, "rate-of-events keys and the credential-stuffing counter, which expire on their own"


async def test_answers_shaped_by_the_profile_are_not_cached(
    loaded_app: FastAPI, loaded_client: httpx.AsyncClient
) -> None:
    text = "두통이 있어요"
    anonymous = (await loaded_client.post("/api/v1/chat/ask", json={"text": text})).json()
    key = cache_key(anonymous["domain"], anonymous["lang"], text)
    store = loaded_app.state.platform.store
    assert await store.get(key) is not None, "the question is cacheable"
    await store.delete(key)

    for profile in ({"birth_date": "1941-03-04"}, {"medications": ["와파린"]}):
        person = {"user_id": f"cache{uuid.uuid4().hex[:8]}", **profile}
        tokens = (
            await loaded_client.post("/api/v1/auth/signup", json={**person, "password": PASSWORD})
        ).json()
        room = (await loaded_client.post("/api/v1/chat/rooms", headers=bearer(tokens), json={})).json()
        turn = await loaded_client.post(
            f"/api/v1/chat/rooms/{room['id']}/messages",
            headers=bearer(tokens),
            json={"text": text, "sequence": 1},
        )
        assert turn.status_code == 200
        assert await store.get(key) is None, (
            f"an answer computed with {list(profile)} stays out of the shared cache"
        )


async def test_a_session_kept_alive_by_refreshing_ends_with_the_account(
    loaded_app: FastAPI, loaded_client: httpx.AsyncClient
) -> None:
    user_id = f"idx{uuid.uuid4().hex[:8]}"
    tokens = (
        await loaded_client.post("/api/v1/auth/signup", json={"user_id": user_id, "password": PASSWORD})
    ).json()
    store = loaded_app.state.platform.store
    family = tokens["refresh_token"].split(".")[0]
    await store.add_to_set(f"usess:{user_id}", family, 2)  # the login is about to be a refresh lifetime old
    refreshed = await loaded_client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert refreshed.status_code == 200
    assert await store.ttl(f"usess:{user_id}") > 2, "refreshing keeps the user's index of sessions alive"

    deleted = await loaded_client.post(
        "/api/v1/account/delete", headers=bearer(tokens), json={"password": PASSWORD}
    )
    assert deleted.status_code == 204
    again = await loaded_client.post(
        "/api/v1/auth/refresh", json={"refresh_token": refreshed.json()["refresh_token"]}
    )
    assert again.status_code == 401, "the refreshed session ended with the account"
