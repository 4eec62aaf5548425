"""Alembic migrations, run in-process over an async engine: one history for global, one for shards."""

from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

DatabaseKind = Literal["global", "shard"]
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(kind: DatabaseKind, connection: Connection | None = None) -> Config:
    """Alembic configuration for one kind of database, bound to an open connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR / kind))
    config.attributes["connection"] = connection
    config.attributes["kind"] = kind
    return config


async def upgrade(engine: AsyncEngine, kind: DatabaseKind, target: str = "head") -> None:
    """Bring a database to the newest revision of its history (or to the `target` revision)."""

    def run(connection: Connection) -> None:
        command.upgrade(alembic_config(kind, connection), target)

    async with engine.begin() as connection:
        await connection.run_sync(run)


async def revision(engine: AsyncEngine, kind: DatabaseKind, message: str) -> None:
    """Autogenerate a new revision by comparing the models with an up-to-date database."""

    def run(connection: Connection) -> None:
        command.revision(alembic_config(kind, connection), message=message, autogenerate=True)

    await upgrade(engine, kind)
    async with engine.begin() as connection:
        await connection.run_sync(run)
