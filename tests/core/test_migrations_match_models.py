"""The Alembic histories build exactly the schema the models declare (no drift), on both backends."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from medichain.config import Settings
from medichain.core.db.registry import METADATA
from medichain.platform import Platform


async def test_migrated_schema_equals_the_models(settings: Settings) -> None:
    platform = await Platform.start(settings, migrate=True)
    try:
        engines = {
            "global": platform.dbs.global_engine,
            "shard": next(iter(platform.dbs.shards.values())).engine,
        }
        for history, engine in engines.items():
            async with engine.connect() as conn:
                diff = await conn.run_sync(
                    lambda sync, history=history: compare_metadata(
                        MigrationContext.configure(sync), METADATA[history]
                    )
                )
            assert diff == [], f"{history}: models and migrations differ: {diff}"
    finally:
        await platform.stop()
