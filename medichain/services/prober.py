"""The gateway's watch over the services it calls: each one's `/ready`, latency and breaker state,
recorded in `service_health` every `service_probe_interval_s` (shown by the admin endpoint)."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from medichain.health.service import record_service
from medichain.platform import Platform
from medichain.services.catalog import name_for_key

log = logging.getLogger("medichain.services")


async def probe_once(platform: Platform) -> None:
    """Probe every downstream service once and record what was seen."""
    for key, client in platform.downstream.items():
        status, latency_ms = await client.get_status("/ready")
        state = "healthy" if status == 200 else "unhealthy" if status else "down"
        detail = f"breaker {client.breaker.state.name.lower()}"
        if state != "healthy":
            detail += f"; /ready {'HTTP ' + str(status) if status else 'unreachable'}"
        await record_service(platform, name_for_key(key), state, latency_ms, detail)


async def _probe_forever(platform: Platform) -> None:
    while True:
        try:
            await probe_once(platform)
        except Exception as exc:  # the global database may be down: try again next round
            log.warning("service probe failed", extra={"reason": type(exc).__name__})
        await asyncio.sleep(platform.settings.service_probe_interval_s)


@asynccontextmanager
async def probing(platform: Platform) -> AsyncIterator[None]:
    """Probe downstream services in the background while the application runs (no-op without any)."""
    if not platform.downstream:
        yield
        return
    task = asyncio.create_task(_probe_forever(platform))
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
