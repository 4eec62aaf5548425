"""Dependency checks for `/ready` and the `service_health` table."""

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from medichain.core.db.base import utcnow
from medichain.health.models import ServiceHealth
from medichain.platform import Platform

_CHECK_TIMEOUT_S = 2.0


@dataclass(frozen=True, slots=True)
class Check:
    """The outcome of probing one dependency."""

    name: str
    ok: bool
    latency_ms: float
    error: str = ""


async def _probe(name: str, call: Callable[[], Awaitable[object]]) -> Check:
    start = time.perf_counter()
    try:
        await asyncio.wait_for(call(), _CHECK_TIMEOUT_S)
    except Exception as exc:
        return Check(name, False, (time.perf_counter() - start) * 1000, type(exc).__name__)
    return Check(name, True, (time.perf_counter() - start) * 1000)


def _select_one(engine: AsyncEngine) -> Callable[[], Awaitable[object]]:
    async def run() -> object:
        async with engine.connect() as conn:
            return await conn.execute(text("SELECT 1"))

    return run


async def check_dependencies(platform: Platform) -> list[Check]:
    """Probe the global database, every shard and the shared store concurrently."""
    probes = [_probe("global_db", _select_one(platform.dbs.global_engine))]
    probes += [
        _probe(f"shard_{shard_id}", _select_one(shard.engine))
        for shard_id, shard in platform.dbs.shards.items()
    ]
    probes.append(_probe("store", platform.store.ping))
    return list(await asyncio.gather(*probes))


async def record_health(platform: Platform, service: str, checks: Sequence[Check]) -> None:
    """Upsert this service's row in `service_health` (skipped while the global database is down)."""
    if not checks[0].ok:
        return
    failed = [c.name for c in checks if not c.ok]
    status = "unhealthy" if failed else "healthy"
    await record_service(platform, service, status, max(c.latency_ms for c in checks), ",".join(failed))


async def record_service(
    platform: Platform, service: str, status: str, latency_ms: float, detail: str
) -> None:
    """Upsert one service's row: its status (healthy, unhealthy, down), latency, and one more error unless healthy."""
    async with platform.dbs.global_sessions.begin() as session:
        row = await session.get(ServiceHealth, service) or ServiceHealth(service_name=service, error_count=0)
        row.status = status
        row.last_check = utcnow()
        row.response_time_ms = int(latency_ms)
        row.error_count = (row.error_count or 0) + (0 if status == "healthy" else 1)
        row.detail = detail[:255]
        session.add(row)


async def service_health(platform: Platform) -> Sequence[ServiceHealth]:
    """Every row of `service_health`."""
    async with platform.dbs.global_sessions() as session:
        return (await session.scalars(select(ServiceHealth).order_by(ServiceHealth.service_name))).all()
