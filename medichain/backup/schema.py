"""What a backup needs to know about a database's schema: its Alembic revision, the revisions this
version knows, its tables, whether it holds rows, and how to clear it before a restore."""

from functools import cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, inspect, literal, select, table
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from medichain.core.db.migrations import DatabaseKind, alembic_config

VERSION_TABLE = "alembic_version"


@cache
def known_revisions(kind: DatabaseKind) -> frozenset[str]:
    """Every revision of the kind's migration history shipped with this version."""
    script = ScriptDirectory.from_config(alembic_config(kind))
    return frozenset(revision.revision for revision in script.walk_revisions())


@cache
def head_revision(kind: DatabaseKind) -> str:
    """The newest revision of the kind's history: the schema the models describe."""
    head = ScriptDirectory.from_config(alembic_config(kind)).get_current_head()
    assert head is not None, f"the {kind} history has no revision"
    return head


async def current_revision(connection: AsyncConnection) -> str | None:
    """The revision a database is at (None when it was never migrated)."""

    def read(sync: Connection) -> str | None:
        return MigrationContext.configure(sync).get_current_revision()

    return await connection.run_sync(read)


async def table_names(connection: AsyncConnection) -> set[str]:
    """Every table of the database, the Alembic version table included."""
    return await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))


async def tables_with_rows(engine: AsyncEngine) -> list[str]:
    """The tables (other than Alembic's) that hold at least one row."""
    async with engine.connect() as connection:
        names = sorted(await table_names(connection) - {VERSION_TABLE})
        return [
            name
            for name in names
            if await connection.scalar(select(literal(1)).select_from(table(name)).limit(1)) is not None
        ]


async def drop_all_tables(engine: AsyncEngine) -> None:
    """Remove every table (and the Alembic version), children before parents."""

    def drop(sync: Connection) -> None:
        metadata = MetaData()
        metadata.reflect(sync)
        metadata.drop_all(sync)

    async with engine.begin() as connection:
        await connection.run_sync(drop)
