"""Runs one scenario: against a URL, or against a server the bench starts and stops itself; the
in-process scenarios (`peer`, `profile`) need no server. Returns the report dict."""

import asyncio
import os
from collections.abc import Awaitable, Callable
from typing import Any

from medichain.bench import report
from medichain.bench.client import BenchError, RequestFailed, http_session, post_json
from medichain.bench.context import Context, Options
from medichain.bench.questions import WARM_UP
from medichain.bench.scenarios import idle, lookup, peer, profile, seed, soak, ws
from medichain.bench.server import LIMITS_NOTE, Backend, OwnServer, ServerError, wait_ready
from medichain.core.process import raise_file_limit

Scenario = Callable[[Context], Awaitable[None]]
SCENARIOS: dict[str, Scenario] = {
    "seed": seed.run,
    "ws": ws.run,
    "soak": soak.run,
    "idle": idle.run,
    "lookup": lookup.run,
    "peer": peer.run,
    "profile": profile.run,
}
IN_PROCESS = frozenset({"peer", "profile"})
REACH_TIMEOUT_S = 5.0


def _event_loop() -> asyncio.AbstractEventLoop:
    """uvloop when installed (uvicorn[standard] brings it): the client costs less CPU per request."""
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


async def _drive(scenario: str, url: str, options: Options, server_pid: int | None) -> Context:
    async with http_session(options.timeout_s) as http:
        ctx = Context(url=url, http=http, options=options, server_pid=server_pid)
        if url:
            for text in WARM_UP:
                try:
                    await post_json(http, f"{url}/api/v1/chat/ask", {"text": text})
                except RequestFailed as exc:
                    raise BenchError(f"{url} did not answer a chat question ({exc.kind})") from exc
        await SCENARIOS[scenario](ctx)
        return ctx


def _run(scenario: str, url: str, options: Options, server_pid: int | None) -> Context:
    with asyncio.Runner(loop_factory=_event_loop) as runner:
        return runner.run(_drive(scenario, url, options, server_pid))


def run(
    scenario: str,
    options: Options,
    *,
    url: str | None = None,
    server_pid: int | None = None,
    backend: Backend | None = None,
) -> dict[str, Any]:
    """One run of `scenario`; `ServerError` when the server cannot be started or reached."""
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}; choose one of {', '.join(SCENARIOS)}")
    raise_file_limit()
    load_before = os.getloadavg()
    if scenario in IN_PROCESS:
        ctx = _run(scenario, "", options, None)
        return report.build(scenario, ctx, {"url": None, "mode": "in-process, no server"}, load_before)
    if url:
        url = url.rstrip("/")
        wait_ready(url, None, None, REACH_TIMEOUT_S)
        ctx = _run(scenario, url, options, server_pid)
        return report.build(scenario, ctx, {"url": url, "mode": "external", "pid": server_pid}, load_before)
    backend = backend or Backend()
    with OwnServer(backend) as server:
        ctx = _run(scenario, server.url, options, server.pid)
    ctx.notes.append(LIMITS_NOTE)
    mode = f"embedded `medichain serve` started by the bench, {backend.label}"
    return report.build(scenario, ctx, {"url": server.url, "mode": mode, "pid": server.pid}, load_before)


__all__ = ["IN_PROCESS", "SCENARIOS", "ServerError", "run"]
