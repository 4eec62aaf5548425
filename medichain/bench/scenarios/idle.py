"""`idle`: K authenticated WebSocket connections held open for T seconds against one server process;
measured: connection time, connections still answering a ping at the end, and the server's memory
per connection. Connections are spread over a few accounts (signing up K accounts would measure
Argon2, not sockets)."""

import asyncio
import time

from medichain.bench.client import ChatSocket, RequestFailed, sign_up
from medichain.bench.context import Context
from medichain.core.process import raise_file_limit

ACCOUNTS = 20
OPEN_PARALLEL = 100
PING_EVERY_S = 60.0
FDS_PER_CONNECTION = 1
SPARE_FDS = 200


async def run(ctx: Context) -> None:
    """Open K sockets (bounded parallelism), hold them, then ping every one."""
    options = ctx.options
    limit = raise_file_limit()
    if options.connections * FDS_PER_CONNECTION + SPARE_FDS > limit:
        ctx.notes.append(f"open-file limit {limit} is below {options.connections} connections: expect errors")
    accounts = await sign_up(ctx.http, ctx.url, min(ACCOUNTS, options.connections))
    connects, pings = ctx.recorder("connect"), ctx.recorder("ping")
    gate = asyncio.Semaphore(OPEN_PARALLEL)
    sockets: list[ChatSocket] = []

    async def open_one(n: int) -> None:
        async with gate:
            started = time.perf_counter()
            try:
                sockets.append(await ChatSocket.open(ctx.http, ctx.url, accounts[n % len(accounts)][1]))
            except RequestFailed as exc:
                connects.error(exc.kind)
                return
            connects.ok(time.perf_counter() - started)

    async def ping(chat: ChatSocket) -> None:
        started = time.perf_counter()
        try:
            await chat.ping()
        except RequestFailed as exc:
            pings.error(exc.kind)
            return
        pings.ok(time.perf_counter() - started)

    async with ctx.measure():
        await asyncio.gather(*(open_one(n) for n in range(options.connections)))
        opened_rss = ctx.monitor.rss_mib() if ctx.monitor else None
        deadline = time.perf_counter() + options.duration_s
        while (left := deadline - time.perf_counter()) > 0:
            await asyncio.sleep(min(left, PING_EVERY_S))
            if time.perf_counter() < deadline:  # keeps the server's idle timeout (120 s) away
                await asyncio.gather(*(chat.ping() for chat in sockets), return_exceptions=True)
        await asyncio.gather(*(ping(chat) for chat in sockets))
    ctx.extra["connections_open"] = len(sockets)
    ctx.extra["connections_answering"] = len(pings.samples)
    if ctx.usage is not None and opened_rss is not None and sockets:
        ctx.extra["server_rss_mib_with_connections"] = round(opened_rss, 1)
        ctx.extra["server_kib_per_connection"] = round(
            1024 * (opened_rss - ctx.usage.rss_mib_start) / len(sockets), 1
        )
    await asyncio.gather(*(chat.close() for chat in sockets), return_exceptions=True)
