"""Shared fixtures: settings for each backend (SQLite + in-process, MariaDB + Redis), started
applications and HTTP clients. MariaDB and Redis are real servers (`make services` starts them)."""

import asyncio
import secrets
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from medichain.app import create_app
from medichain.chat.websocket import MAX_FRAME_BYTES
from medichain.config import Settings
from medichain.core.security.crypto import new_key
from medichain.platform import Platform
from tests.servers import free_port

MARIADB_ADMIN_URL = "mysql+asyncmy://medichain:medichain@127.0.0.1:3306/"
REDIS_URL = "redis://127.0.0.1:6379/0"
BACKENDS = ("sqlite", "mariadb")


SHARED_DATA_DIR = Path(tempfile.gettempdir()) / "medichain-test-data"
"""One index directory for the whole run: bundled passages are embedded once, later syncs find no change."""


def base_settings(**overrides: object) -> Settings:
    """Settings with fresh secrets and fast, test-friendly values; `.env` is ignored."""
    values: dict[str, object] = {
        "env": "test",
        "jwt_secret": secrets.token_urlsafe(48),
        "data_keys": [f"k1:{new_key()}"],
        "lookup_key": secrets.token_urlsafe(32),
        "log_json": False,
        "rate_limit_ip_per_s": 1000.0,
        "rate_limit_ip_burst": 5000,
        "rate_limit_auth_per_min": 6000.0,
        "rate_limit_user_per_s": 1000.0,
        "rate_limit_user_burst": 5000,
        "data_dir": SHARED_DATA_DIR,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


async def create_mariadb_databases(prefix: str, names: list[str]) -> list[str]:
    """Create empty databases `<prefix>_<name>` on the test server; returns their URLs."""
    engine = create_async_engine(MARIADB_ADMIN_URL)
    urls = []
    async with engine.begin() as conn:
        for name in names:
            db = f"{prefix}_{name}"
            await conn.execute(text(f"DROP DATABASE IF EXISTS `{db}`"))
            await conn.execute(
                text(f"CREATE DATABASE `{db}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            )
            urls.append(f"mysql://medichain:medichain@127.0.0.1:3306/{db}")
    await engine.dispose()
    return urls


async def drop_mariadb_databases(prefix: str) -> None:
    """Drop every database created under `prefix`."""
    engine = create_async_engine(MARIADB_ADMIN_URL)
    async with engine.begin() as conn:
        rows = await conn.execute(text("SHOW DATABASES"))
        for (name,) in rows:
            if name.startswith(prefix + "_"):
                await conn.execute(text(f"DROP DATABASE `{name}`"))
    await engine.dispose()


async def backend_settings(backend: str, tmp_path: Path, **overrides: object) -> Settings:
    """Settings for a backend: SQLite files + in-process store, or MariaDB (3 databases) + Redis."""
    if backend == "sqlite":
        return base_settings(
            global_database_url=f"sqlite+aiosqlite:///{tmp_path}/global.db",
            shard_urls=[
                f"sqlite+aiosqlite:///{tmp_path}/shard1.db",
                f"sqlite+aiosqlite:///{tmp_path}/shard2.db",
            ],
            **overrides,
        )
    prefix = f"medichain_t{uuid.uuid4().hex[:10]}"
    global_url, *shard_urls = await create_mariadb_databases(prefix, ["global", "shard1", "shard2"])
    return base_settings(
        global_database_url=global_url,
        shard_urls=shard_urls,
        redis_url=REDIS_URL,
        redis_prefix=f"{prefix}:",
        **overrides,
    )


@asynccontextmanager
async def running_app(
    settings: Settings, *, migrate: bool = True, install: bool = False
) -> AsyncIterator[FastAPI]:
    """An application whose lifespan has started (databases migrated, and bundled data loaded, first)."""
    if migrate or install:
        platform = await Platform.start(settings, migrate=True)
        if install:
            await platform.install_bundled_data()
        await platform.stop()
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        yield app


def client_for(app: FastAPI, ip: str = "203.0.113.10") -> httpx.AsyncClient:
    """An HTTP client talking to `app` in-process, appearing to come from `ip`."""
    transport = httpx.ASGITransport(app=app, client=(ip, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each test using this runs on SQLite and on MariaDB + Redis."""
    return request.param


@pytest.fixture
async def settings(backend: str, tmp_path: Path) -> AsyncIterator[Settings]:
    """Settings for the current backend; MariaDB databases are dropped afterwards."""
    value = await backend_settings(backend, tmp_path)
    yield value
    if backend == "mariadb":
        await drop_mariadb_databases(value.redis_prefix.rstrip(":"))


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    """A started application on the current backend."""
    async with running_app(settings) as started:
        yield started


@pytest.fixture(scope="session", params=BACKENDS)
async def loaded_settings(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Settings]:
    """Databases with the bundled data loaded once per run and backend (tests add uniquely named rows)."""
    value = await backend_settings(request.param, tmp_path_factory.mktemp("loaded"))
    platform = await Platform.start(value, migrate=True)
    await platform.install_bundled_data()
    await platform.stop()
    yield value
    if request.param == "mariadb":
        await drop_mariadb_databases(value.redis_prefix.rstrip(":"))


@pytest.fixture
async def loaded_app(loaded_settings: Settings) -> AsyncIterator[FastAPI]:
    """A started application over the databases with bundled data."""
    async with running_app(loaded_settings, migrate=False) as started:
        yield started


@pytest.fixture
async def loaded_client(loaded_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the application with bundled data."""
    async with client_for(loaded_app) as http:
        yield http


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the started application."""
    async with client_for(app) as http:
        yield http


def signup_with(client: httpx.AsyncClient) -> Callable[..., object]:
    """A function that signs a (by default randomly named) user up through `client`."""

    async def _signup(
        user_id: str | None = None, password: str = "correct-horse-9", **profile: object
    ) -> dict:
        user_id = user_id or f"user{uuid.uuid4().hex[:8]}"
        response = await client.post(
            "/api/v1/auth/signup", json={"user_id": user_id, "password": password, **profile}
        )
        assert response.status_code == 201, response.text
        return response.json()

    return _signup


@pytest.fixture
def signup(client: httpx.AsyncClient) -> Callable[..., object]:
    """Sign a user up on the plain application."""
    return signup_with(client)


@pytest.fixture
def loaded_signup(loaded_client: httpx.AsyncClient) -> Callable[..., object]:
    """Sign a user up on the application with bundled data."""
    return signup_with(loaded_client)


def bearer(tokens: dict) -> dict[str, str]:
    """Authorization header for a token pair."""
    return {"Authorization": f"Bearer {tokens['access_token']}"}


@asynccontextmanager
async def live_server(app: FastAPI, ws_max_size: int = MAX_FRAME_BYTES) -> AsyncIterator[str]:
    """Serve a started application with uvicorn on a free port (for WebSocket clients), its frames limited
    as `medichain serve` limits them unless `ws_max_size` says otherwise; yields its address."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, lifespan="off", log_level="warning", ws_max_size=ws_max_size
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    async with asyncio.timeout(30):
        while not server.started:  # noqa: ASYNC110 - uvicorn exposes a flag, not an event
            await asyncio.sleep(0.02)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
