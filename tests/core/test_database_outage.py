"""A database that goes away gives clear 503s and no partial writes; service recovers by itself."""

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import websockets

from medichain.config import Settings
from medichain.core.db.models import UserShardMapping
from tests.conftest import (
    backend_settings,
    bearer,
    client_for,
    drop_mariadb_databases,
    live_server,
    running_app,
    signup_with,
)
from tests.tcp_proxy import TcpProxy


@dataclass
class Outage:
    """MariaDB reached through a proxy the test cuts and restores."""

    proxy: TcpProxy
    settings: Settings


@pytest.fixture
async def outage(tmp_path: Path) -> AsyncIterator[Outage]:
    proxy = TcpProxy(3306)
    await proxy.start()
    settings = await backend_settings("mariadb", tmp_path)
    routed = settings.model_copy(
        update={
            "global_database_url": settings.global_database_url.replace("3306", str(proxy.port)),
            "shard_urls": [url.replace("3306", str(proxy.port)) for url in settings.shard_urls],
            "db_pool_timeout_s": 2.0,
        }
    )
    try:
        yield Outage(proxy, routed)
    finally:
        await proxy.stop()
        await drop_mariadb_databases(settings.redis_prefix.rstrip(":"))


async def test_mariadb_outage_is_503_then_recovers(outage: Outage) -> None:
    async with running_app(outage.settings) as app, client_for(app) as client:
        ok = await client.post(
            "/api/v1/auth/signup", json={"user_id": "before", "password": "correct-horse-9"}
        )
        assert ok.status_code == 201

        await outage.proxy.stop()
        down = await client.post(
            "/api/v1/auth/signup", json={"user_id": "during", "password": "correct-horse-9"}
        )
        assert down.status_code == 503
        assert down.json()["error"]["code"] == "database_unavailable"
        assert (await client.get("/ready")).status_code == 503
        login = await client.post(
            "/api/v1/auth/login", json={"login": "before", "password": "correct-horse-9"}
        )
        assert login.status_code == 503

        await outage.proxy.start()
        assert (await client.get("/ready")).status_code == 200
        login = await client.post(
            "/api/v1/auth/login", json={"login": "before", "password": "correct-horse-9"}
        )
        assert login.status_code == 200
        async with app.state.platform.dbs.global_sessions() as session:
            assert await session.get(UserShardMapping, "during") is None, "no half-written signup"
        retry = await client.post(
            "/api/v1/auth/signup", json={"user_id": "during", "password": "correct-horse-9"}
        )
        assert retry.status_code == 201


async def test_websocket_names_the_outage_and_answers_the_resend(outage: Outage) -> None:
    async with running_app(outage.settings) as app, client_for(app) as client, live_server(app) as host:
        tokens = await signup_with(client)()
        room = (await client.post("/api/v1/chat/rooms", headers=bearer(tokens), json={})).json()["id"]
        async with websockets.connect(f"ws://{host}/ws/chat") as socket:
            await socket.send(json.dumps({"type": "auth", "token": tokens["access_token"]}))
            assert json.loads(await socket.recv())["type"] == "ready"
            message = {"type": "message", "room_id": room, "sequence": 1, "text": "두통이 있어요"}

            await outage.proxy.stop()
            await socket.send(json.dumps(message))
            failed = json.loads(await socket.recv())
            assert (failed["type"], failed["code"], failed["sequence"]) == (
                "error",
                "database_unavailable",
                1,
            )
            await socket.send(json.dumps({"type": "resume", "room_id": room, "sequence": 1}))
            failed = json.loads(await socket.recv())
            assert (failed["type"], failed["code"]) == ("error", "database_unavailable")

            await outage.proxy.start()
            await socket.send(json.dumps(message))
            while (frame := json.loads(await socket.recv()))["type"] != "final":
                assert frame["type"] in ("typing", "delta"), frame
            assert frame["sequence"] == 1 and not frame["replayed"]
