"""The gateway's client against a real HTTP server that misbehaves on purpose: retries with backoff,
no retry on 4xx, per-attempt timeouts, the circuit breaker's open → half-open → closed cycle, and the
request id and service token on every call."""

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from fastapi import FastAPI, Request, Response

from medichain.config import Settings
from medichain.core.request_context import set_request_id
from medichain.services.breaker import BreakerState
from medichain.services.client import (
    SERVICE_TOKEN_HEADER,
    ServiceClient,
    ServiceRejected,
    ServiceUnavailable,
    service_token,
)
from tests.conftest import base_settings, live_server
from tests.servers import free_port


@dataclass
class Script:
    """What the test server answers next: a queue of statuses (200 when empty) and a delay."""

    statuses: list[int] = field(default_factory=list)
    delay_s: float = 0.0
    calls: int = 0
    headers: list[dict[str, str]] = field(default_factory=list)


def _flaky_app(script: Script) -> FastAPI:
    app = FastAPI()

    @app.post("/work")
    async def work(request: Request) -> Response:
        script.calls += 1
        script.headers.append(dict(request.headers))
        await asyncio.sleep(script.delay_s)
        status = script.statuses.pop(0) if script.statuses else 200
        return Response('{"ok": true}', status_code=status, media_type="application/json")

    @app.get("/ready")
    async def ready() -> dict[str, str]:
        return {"status": "ready"}

    return app


@pytest.fixture
async def served() -> AsyncIterator[tuple[str, Script]]:
    script = Script()
    async with live_server(_flaky_app(script)) as host:
        yield f"http://{host}", script


def _settings(**overrides: object) -> Settings:
    values = {
        "service_timeout_s": 0.5,
        "service_retries": 2,
        "service_backoff_s": 0.01,
        "breaker_failures": 2,
        "breaker_reset_s": 0.3,
    }
    return base_settings(**(values | overrides))


def _client(url: str, **overrides: object) -> ServiceClient:
    return ServiceClient("flaky", url, _settings(**overrides))


async def test_retries_a_failing_attempt_then_succeeds(served: tuple[str, Script]) -> None:
    url, script = served
    script.statuses = [503, 500]
    settings = _settings()
    client = ServiceClient("flaky", url, settings)
    set_request_id("trace-client-1")
    assert await client.post("/work", {}) == {"ok": True}
    assert script.calls == 3
    assert {h["x-request-id"] for h in script.headers} == {"trace-client-1"}
    assert {h[SERVICE_TOKEN_HEADER.lower()] for h in script.headers} == {service_token(settings)}
    assert client.breaker.state is BreakerState.CLOSED
    await client.close()


async def test_a_4xx_is_not_retried_and_keeps_the_breaker_closed(served: tuple[str, Script]) -> None:
    url, script = served
    script.statuses = [422, 422, 422]
    client = _client(url)
    for _ in range(3):
        with pytest.raises(ServiceRejected):
            await client.post("/work", {})
    assert script.calls == 3 and client.breaker.state is BreakerState.CLOSED
    await client.close()


async def test_slow_service_times_out_per_attempt(served: tuple[str, Script]) -> None:
    url, script = served
    script.delay_s = 1.0
    client = _client(url, service_timeout_s=0.2, service_retries=1)
    with pytest.raises(ServiceUnavailable, match="timed out"):
        await client.post("/work", {})
    assert script.calls == 2
    await client.close()


async def test_breaker_opens_rejects_then_half_opens_and_closes(served: tuple[str, Script]) -> None:
    url, script = served
    script.statuses = [500] * 6
    client = _client(url, service_retries=0)
    for _ in range(2):
        with pytest.raises(ServiceUnavailable):
            await client.post("/work", {})
    assert client.breaker.state is BreakerState.OPEN
    calls = script.calls
    with pytest.raises(ServiceUnavailable, match="circuit open"):
        await client.post("/work", {})
    assert script.calls == calls, "an open breaker makes no call"
    await asyncio.sleep(0.35)
    assert client.breaker.state is BreakerState.HALF_OPEN
    with pytest.raises(ServiceUnavailable):  # the trial fails: open again at once
        await client.post("/work", {})
    assert client.breaker.state is BreakerState.OPEN
    script.statuses = []
    await asyncio.sleep(0.35)
    assert client.breaker.allow(), "a trial that is cancelled and never reports back..."
    assert not client.breaker.allow()
    await asyncio.sleep(0.35)
    assert await client.post("/work", {}) == {"ok": True}, "...is replaced after the cool-down"
    assert client.breaker.state is BreakerState.CLOSED
    await client.close()


async def test_unreachable_service() -> None:
    client = _client(f"http://127.0.0.1:{free_port()}", service_retries=1)
    with pytest.raises(ServiceUnavailable, match="unreachable"):
        await client.post("/work", {})
    status, _ = await client.get_status("/ready")
    assert status == 0
    await client.close()
