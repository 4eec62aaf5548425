"""Fixtures of the backup tests: the populated platform (per backend), one backup of it, fresh targets."""

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from medichain.backup.create import create_backup
from medichain.config import Settings
from tests.backup.helpers import fresh_targets, mariadb_prefix, populate
from tests.conftest import client_for, drop_mariadb_databases, running_app

Fresh = Callable[[str], Awaitable[Settings]]


@dataclass(frozen=True)
class Populated:
    """The populated platform's settings, the ids of the accounts added, and its backend."""

    settings: Settings
    user_ids: list[str]
    backend: str


@pytest.fixture(scope="module")
async def populated(loaded_settings: Settings) -> Populated:
    """The shared platform with bundled reference data, plus accounts, conversations and events."""
    async with running_app(loaded_settings, migrate=False) as app, client_for(app) as client:
        user_ids = await populate(client)
    backend = "mariadb" if "mysql" in loaded_settings.global_database_url else "sqlite"
    return Populated(loaded_settings, user_ids, backend)


@pytest.fixture(scope="module")
async def backup_dir(populated: Populated, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One backup of the populated platform per backend."""
    directory = tmp_path_factory.mktemp("backup") / "backup"
    await create_backup(populated.settings, directory)
    return directory


@pytest.fixture
async def fresh(populated: Populated, tmp_path: Path) -> AsyncIterator[Fresh]:
    """Makes settings naming fresh databases on a backend (with the source's keys); drops them after."""
    made: list[Settings] = []

    async def make(backend: str) -> Settings:
        made.append(await fresh_targets(populated.settings, backend, tmp_path))
        return made[-1]

    yield make
    for settings in made:
        if "mysql" in settings.global_database_url:
            await drop_mariadb_databases(mariadb_prefix(settings))
