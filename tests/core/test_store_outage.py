"""Redis going away degrades the platform instead of stopping it: signed-in people stay signed in,
new sign-ups and chats work, a logout during the outage holds after Redis returns (the journal is
replayed), and `/ready` reports the outage while it lasts."""

import asyncio
from pathlib import Path

from medichain.core.failover_store import FailoverStore
from tests.conftest import backend_settings, bearer, client_for, drop_mariadb_databases, running_app
from tests.tcp_proxy import TcpProxy


async def test_redis_outage_degrades_and_catches_up(tmp_path: Path) -> None:
    proxy = TcpProxy(6379)
    await proxy.start()
    settings = await backend_settings("mariadb", tmp_path)
    routed = settings.model_copy(
        update={"redis_url": settings.redis_url.replace("6379", str(proxy.port)), "store_retry_s": 0.2}
    )
    try:
        async with running_app(routed) as app, client_for(app) as client:
            store = app.state.platform.store
            assert isinstance(store, FailoverStore)
            stays = bearer(
                (
                    await client.post(
                        "/api/v1/auth/signup", json={"user_id": "stays", "password": "correct-horse-9"}
                    )
                ).json()
            )
            leaves = bearer(
                (
                    await client.post(
                        "/api/v1/auth/signup", json={"user_id": "leaves", "password": "correct-horse-9"}
                    )
                ).json()
            )
            assert (await client.get("/api/v1/account/profile", headers=leaves)).status_code == 200

            await proxy.stop()
            assert (await client.get("/api/v1/account/profile", headers=stays)).status_code == 200
            assert store.degraded
            assert (await client.get("/ready")).status_code == 503
            assert "medichain_store_degraded 1.0" in (await client.get("/metrics")).text
            newcomer = await client.post(
                "/api/v1/auth/signup", json={"user_id": "newcomer", "password": "correct-horse-9"}
            )
            assert newcomer.status_code == 201
            chat = await client.post("/api/v1/chat/ask", json={"text": "두통이 있을 때 타이레놀 먹어도 돼?"})
            assert chat.status_code == 200 and chat.json()["disclaimer"]
            assert (await client.post("/api/v1/auth/logout", headers=leaves)).status_code == 204

            await proxy.start()
            for _ in range(50):  # a call after `store_retry_s` finds Redis back and replays the journal
                assert (await client.get("/api/v1/account/profile", headers=stays)).status_code == 200
                if not store.degraded:
                    break
                await asyncio.sleep(0.1)
            assert not store.degraded
            assert (await client.get("/ready")).status_code == 200
            assert (await client.get("/api/v1/account/profile", headers=leaves)).status_code == 401, (
                "a logout made during the outage must hold once Redis is back"
            )
            assert (
                await client.get("/api/v1/account/profile", headers=bearer(newcomer.json()))
            ).status_code == 200, "a session created during the outage reaches Redis"
    finally:
        await proxy.stop()
        await drop_mariadb_databases(settings.redis_prefix.rstrip(":"))
