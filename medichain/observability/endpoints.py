"""`/metrics`: the Prometheus exposition of this process."""

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.ext.asyncio import AsyncEngine

from medichain.core.db.engines import database_label
from medichain.deps import PlatformDep
from medichain.observability.metrics import DB_POOL

router = APIRouter(tags=["health"])


def _record_pool(engine: AsyncEngine) -> None:
    """Connections in use and idle in the engine's pool (pools without counters are skipped)."""
    pool = engine.pool
    checked_out, checked_in = getattr(pool, "checkedout", None), getattr(pool, "checkedin", None)
    if checked_out is None or checked_in is None:
        return
    label = database_label(engine)
    DB_POOL.labels(label, "in_use").set(checked_out())
    DB_POOL.labels(label, "idle").set(checked_in())


@router.get("/metrics", include_in_schema=False)
async def metrics(platform: PlatformDep) -> Response:
    """Every metric of the catalogue, with the database pools read at scrape time (the cache hit rate is
    hits / all lookups of `medichain_semantic_cache_lookups_total`)."""
    _record_pool(platform.dbs.global_engine)
    for shard in platform.dbs.shards.values():
        _record_pool(shard.engine)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
