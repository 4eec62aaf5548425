"""A database that goes away gives clear 503s and no partial writes; service recovers by itself."""

from pathlib import Path

from medichain.core.db.models import UserShardMapping
from tests.conftest import backend_settings, client_for, drop_mariadb_databases, running_app
from tests.tcp_proxy import TcpProxy


async def test_mariadb_outage_is_503_then_recovers(tmp_path: Path) -> None:
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
        async with running_app(routed) as app, client_for(app) as client:
            ok = await client.post(
                "/api/v1/auth/signup", json={"user_id": "before", "password": "correct-horse-9"}
            )
            assert ok.status_code == 201

            await proxy.stop()
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

            await proxy.start()
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
    finally:
        await proxy.stop()
        await drop_mariadb_databases(settings.redis_prefix.rstrip(":"))
