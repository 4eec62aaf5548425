"""Fixtures for the importer tests: one started platform per test module and backend (starting one takes
seconds), handed to each test with the imported tables emptied and a fresh search index."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import delete

from medichain.domains.clinic.models import HospitalInformation
from medichain.domains.drug.models import DrugInformation, DrugInteraction
from medichain.knowledge.service import KnowledgeBase
from medichain.knowledge.store import KnowledgeDocument
from medichain.platform import Platform
from tests.conftest import BACKENDS, backend_settings, drop_mariadb_databases


@pytest.fixture(scope="module", params=BACKENDS)
async def started(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Platform]:
    """A migrated platform on SQLite, then on MariaDB + Redis."""
    folder = tmp_path_factory.mktemp(f"importers-{request.param}")
    settings = await backend_settings(request.param, folder)
    platform = await Platform.start(settings.model_copy(update={"data_dir": folder / "data"}), migrate=True)
    yield platform
    await platform.stop()
    if request.param == "mariadb":
        await drop_mariadb_databases(settings.redis_prefix.rstrip(":"))


@pytest.fixture
async def platform(started: Platform, tmp_path: Path) -> Platform:
    """The module's platform with no drugs, interactions, facilities or documents, and an empty index."""
    async with started.dbs.global_sessions.begin() as session:
        for model in (DrugInformation, DrugInteraction, HospitalInformation, KnowledgeDocument):
            await session.execute(delete(model))
    started.knowledge = KnowledgeBase(tmp_path / "index", started.settings.embedder)
    return started
