"""`lookup`: C clients calling the structured lookups for T seconds, each waiting for its answer
before the next request: drug search, interaction check and hospitals near a point, one recorder each."""

import asyncio
import random
import time
from collections.abc import Callable
from typing import Any

import aiohttp

from medichain.bench.client import RequestFailed
from medichain.bench.context import Context

DRUG_QUERIES = (
    "타이레놀",
    "이부프로펜",
    "아스피린",
    "tylenol",
    "판콜",
    "amoxicillin",
    "와파린",
    "게보린",
    "loratadine",
    "오메프라졸",
)
INTERACTION_SETS = (
    ["타이레놀", "이부프로펜"],
    ["와파린", "아스피린"],
    ["warfarin", "ibuprofen", "omeprazole"],
    ["타이레놀", "판콜에이"],
    ["simvastatin", "clarithromycin"],
)
POINTS = (
    (37.5665, 126.9780),
    (35.1796, 129.0756),
    (35.8714, 128.6014),
    (37.4563, 126.7052),
    (36.3504, 127.3845),
)
DEPARTMENTS = (None, "소아청소년과", "내과", "이비인후과", "정형외과")

Request = tuple[str, str, dict[str, Any] | None]


def _drug(rng: random.Random) -> Request:
    return "GET", f"/api/v1/drugs?q={rng.choice(DRUG_QUERIES)}", None


def _interactions(rng: random.Random) -> Request:
    return "POST", "/api/v1/interactions/check", {"drugs": rng.choice(INTERACTION_SETS)}


def _hospitals(rng: random.Random) -> Request:
    lat, lng = rng.choice(POINTS)
    department = rng.choice(DEPARTMENTS)
    query = f"lat={lat}&lng={lng}&radius_km=5" + (f"&department={department}" if department else "")
    return "GET", f"/api/v1/hospitals?{query}", None


ENDPOINTS: dict[str, Callable[[random.Random], Request]] = {
    "drugs": _drug,
    "interactions": _interactions,
    "hospitals": _hospitals,
}


async def run(ctx: Context) -> None:
    """C clients in a closed loop until the deadline."""
    options = ctx.options
    recorders = {name: ctx.recorder(name) for name in ENDPOINTS}

    async def client(n: int, deadline: float) -> None:
        rng = random.Random(n)
        names = list(ENDPOINTS)
        while time.perf_counter() < deadline:
            name = names[rng.randrange(len(names))]
            method, path, body = ENDPOINTS[name](rng)
            started = time.perf_counter()
            try:
                async with ctx.http.request(method, ctx.url + path, json=body) as response:
                    await response.read()
                    if response.status != 200:
                        raise RequestFailed(f"http {response.status}")
            except RequestFailed as exc:
                recorders[name].error(exc.kind)
                continue
            except (TimeoutError, aiohttp.ClientError) as exc:
                recorders[name].error(type(exc).__name__)
                continue
            recorders[name].ok(time.perf_counter() - started)

    async with ctx.measure():
        deadline = time.perf_counter() + options.duration_s
        await asyncio.gather(*(client(n, deadline) for n in range(options.concurrency)))
