"""Fixtures of the security suite: the attack ledger, one platform on MariaDB + Redis with the bundled
data (the production configuration) shared by the whole suite, fresh client addresses, people, and a
live server for WebSocket attacks."""

import itertools
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI

from medichain.config import Settings
from tests.conftest import backend_settings, client_for, drop_mariadb_databases, live_server, running_app
from tests.security.channels import Person, new_person
from tests.security.ledger import Ledger

_addresses = itertools.count(1)


def fresh_ip() -> str:
    """An address no other test of the session uses (so that buckets, blocks and lockouts stay apart)."""
    n = next(_addresses)
    return f"198.18.{n // 250}.{n % 250 + 1}"


@pytest.fixture(scope="session")
def attack_ledger() -> Iterator[Ledger]:
    """Counts every attempt of the session and writes the report at its end."""
    ledger = Ledger()
    yield ledger
    ledger.write()


@pytest.fixture
def attacks(attack_ledger: Ledger) -> Ledger:
    """Record an attempt with `attacks.attempt(category, what, let_through)`; a success fails the test."""
    return attack_ledger


@pytest.fixture(scope="session")
async def security_settings(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Settings]:
    """A global and two shard databases on MariaDB and a Redis prefix, dropped at the end."""
    settings = await backend_settings("mariadb", tmp_path_factory.mktemp("security"))
    yield settings
    await drop_mariadb_databases(settings.redis_prefix.rstrip(":"))


@pytest.fixture(scope="session")
async def security_app(security_settings: Settings) -> AsyncIterator[FastAPI]:
    """The started platform with the bundled data (default lockout and IP-block thresholds)."""
    async with running_app(security_settings, install=True) as app:
        yield app


@pytest.fixture(scope="session")
async def ws_host(security_app: FastAPI) -> AsyncIterator[str]:
    """`host:port` of a uvicorn server in front of the platform, for WebSocket clients."""
    async with live_server(security_app) as host:
        yield host


@pytest.fixture
async def http(security_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client for the platform from an address of its own."""
    async with client_for(security_app, ip=fresh_ip()) as client:
        yield client


@pytest.fixture
async def person(http: httpx.AsyncClient) -> Person:
    """A freshly signed-up person."""
    return await new_person(http)
