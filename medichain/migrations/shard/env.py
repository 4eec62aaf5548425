"""Alembic environment: runs on the connection handed over by medichain.core.db.migrations."""

from alembic import context

from medichain.core.db.registry import METADATA

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=METADATA[config.attributes["kind"]],
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
