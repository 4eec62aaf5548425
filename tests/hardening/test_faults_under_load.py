"""Faults under load: the services topology on MariaDB and Redis reached through TCP proxies, people
chatting over REST and WebSocket for the whole run, and in turn a domain service killed and restarted,
Redis cut and restored, MariaDB cut and restored, the gateway killed with turns in flight and restarted.

Afterwards every answer a client was given is in its history exactly once, no question is stored without
its answer, every failure was a clear one (503 with an error code, 429 with Retry-After, connection
refused or dropped while the gateway was down), and the platform serves normally with only the killed
processes restarted. The figures go to `test-artifacts/hardening-report.json`."""

import asyncio
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from medichain.services.catalog import GATEWAY, SERVICES, service_urls, spec
from tests.conftest import SHARED_DATA_DIR, backend_settings, drop_mariadb_databases
from tests.hardening.load import Attempt, Load, Person, Sender, history, http_session, sign_up
from tests.hardening.verdict import Fault, verdict
from tests.servers import stop_process
from tests.services.topology import Running, environment, start_topology
from tests.tcp_proxy import TcpProxy

pytestmark = pytest.mark.hardening

REPORT = Path(__file__).resolve().parents[2] / "test-artifacts" / "hardening-report.json"
REST_PEOPLE, WS_PEOPLE = 8, 4
THINK_S = 0.3
WARM_UP_S = 15.0
OUTAGE_S = 8.0
SETTLE_S = 12.0
RECOVERY_TIMEOUT_S = 60.0
GATEWAY_REPLICA = f"{GATEWAY}#1"
"""How the supervisor names the gateway it started."""
UNTOUCHED = ("category_server", "clinic_server", "emergency_support_server", "internal_external_server")


@dataclass
class Stage:
    """The topology behind its proxies, and the services this run restarted itself."""

    running: Running
    mariadb: TcpProxy
    redis: TcpProxy
    restarted: list[subprocess.Popen[bytes]] = field(default_factory=list)

    async def restart(self, name: str, **env: str) -> None:
        log = self.running.workdir / f"{name}-restarted.log"
        self.restarted.append(await asyncio.to_thread(self.running.run_service, name, log, **env))


def _through(url: str, port: int, proxy: TcpProxy) -> str:
    return url.replace(f":{port}/", f":{proxy.port}/")


@pytest.fixture(scope="module")
async def stage(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stage]:
    """`medichain up --services` whose every process reaches MariaDB and Redis through a proxy."""
    workdir = tmp_path_factory.mktemp("hardening")
    mariadb, redis = TcpProxy(3306), TcpProxy(6379)
    await mariadb.start()
    await redis.start()
    settings = await backend_settings("mariadb", workdir)
    routed = settings.model_copy(
        update={
            "global_database_url": _through(settings.global_database_url, 3306, mariadb),
            "shard_urls": [_through(url, 3306, mariadb) for url in settings.shard_urls],
            "redis_url": _through(settings.redis_url, 6379, redis),
        }
    )
    data_dir = workdir / "data"  # its own services.json; the index embedded by earlier runs is reused
    if (SHARED_DATA_DIR / "index").is_dir():
        shutil.copytree(SHARED_DATA_DIR / "index", data_dir / "index")
    env = environment(
        routed,
        data_dir,
        MEDICHAIN_SERVICE_TIMEOUT_S="5",
        MEDICHAIN_CACHE_TTL_S="0",  # every turn goes through routing and its domain service
        MEDICHAIN_RATE_LIMIT_AUTH_PER_MIN="600",
        MEDICHAIN_DB_POOL_TIMEOUT_S="5",
    )
    running = await asyncio.to_thread(start_topology, workdir, env)
    staged = Stage(running, mariadb, redis)
    try:
        yield staged
    finally:
        for process in staged.restarted:
            await asyncio.to_thread(stop_process, process)
        await asyncio.to_thread(running.stop)
        await mariadb.stop()
        await redis.stop()
        await drop_mariadb_databases(settings.redis_prefix.rstrip(":"))


async def _ready_status(http: aiohttp.ClientSession, url: str) -> int | None:
    try:
        async with http.get(f"{url}/ready") as response:
            return response.status
    except (aiohttp.ClientError, TimeoutError):
        return None


async def _wait_all_ready(stage: Stage, http: aiohttp.ClientSession) -> float:
    """Poll every service's `/ready` until all answer 200; when that happened."""
    deadline = time.monotonic() + RECOVERY_TIMEOUT_S
    urls = [stage.running.url(s.offset) for s in SERVICES]
    while time.monotonic() < deadline:
        if [await _ready_status(http, url) for url in urls] == [200] * len(urls):
            return time.time()
        await asyncio.sleep(0.25)
    pytest.fail(f"the services did not all become ready within {RECOVERY_TIMEOUT_S} s")


async def _kill_and_restart(stage: Stage, http: aiohttp.ClientSession, name: str, label: str) -> Fault:
    fault = Fault(f"{name} killed and restarted", name, time.time())
    os.kill(stage.running.pid(label), signal.SIGKILL)
    await asyncio.sleep(OUTAGE_S)
    fault.detail["ready_while_down"] = await _ready_status(http, stage.running.url(spec(name).offset))
    extra = {"MEDICHAIN_SERVICE_URLS": _gateway_urls(stage)} if name == GATEWAY else {}
    await stage.restart(name, **extra)
    fault.ended = time.time()
    fault.recovered = await _wait_all_ready(stage, http)
    return fault


async def _cut(stage: Stage, http: aiohttp.ClientSession, name: str, proxy: TcpProxy) -> Fault:
    fault = Fault(f"{name} cut and restored", name, time.time())
    await proxy.stop()
    await asyncio.sleep(OUTAGE_S)
    fault.detail["ready_while_down"] = await _ready_status(http, stage.running.url())
    await proxy.start()
    fault.ended = time.time()
    fault.recovered = await _wait_all_ready(stage, http)
    return fault


async def _crash_gateway(stage: Stage, http: aiohttp.ClientSession, load: Load) -> Fault:
    """SIGKILL the gateway the moment turns are in flight, then restart it."""
    async with asyncio.timeout(30):
        while load.in_flight < 2:  # noqa: ASYNC110 - the driver exposes a counter, not an event
            await asyncio.sleep(0.01)
    in_flight = load.in_flight
    fault = await _kill_and_restart(stage, http, GATEWAY, GATEWAY_REPLICA)
    fault.detail["in_flight_at_kill"] = in_flight
    return fault


def _gateway_urls(stage: Stage) -> str:
    return ",".join(f"{k}={v}" for k, v in service_urls("127.0.0.1", stage.running.base).items())


async def _inject_faults(stage: Stage, load: Load) -> list[Fault]:
    async with http_session() as http:
        await asyncio.sleep(WARM_UP_S)
        faults = [await _kill_and_restart(stage, http, "drug_server", "drug_server")]
        await asyncio.sleep(SETTLE_S)
        faults.append(await _cut(stage, http, "redis", stage.redis))
        await asyncio.sleep(SETTLE_S)
        faults.append(await _cut(stage, http, "mariadb", stage.mariadb))
        await asyncio.sleep(SETTLE_S)
        faults.append(await _crash_gateway(stage, http, load))
        await asyncio.sleep(SETTLE_S)
    return faults


async def _people(base: str) -> list[Person]:
    run = f"{time.time_ns() % 10**8:08d}"
    async with http_session() as http:
        return [
            await sign_up(http, base, f"hard{run}{n:02d}", "rest" if n < REST_PEOPLE else "ws")
            for n in range(REST_PEOPLE + WS_PEOPLE)
        ]


async def test_faults_under_load(stage: Stage) -> None:
    base = stage.running.url()
    untouched = {name: stage.running.pid(name) for name in UNTOUCHED}
    people = await _people(base)
    load = Load(base, people, THINK_S)
    started = time.monotonic()
    driving = asyncio.create_task(load.run())
    try:
        faults = await _inject_faults(stage, load)
    finally:
        load.stop()
        await driving
    load_s = time.monotonic() - started

    async with http_session() as http:
        # After the last fault: a new message from everyone is answered at once, fully (not degraded).
        after = []
        for person in people:
            sender = Sender(http, base, person)
            attempt = Attempt(person.user_id, person.channel, person.next_sequence, time.time())
            await sender.send(attempt, "타이레놀 효능이 뭐야?")
            await sender.close()
            after.append(attempt)
        histories = {p.user_id: await history(http, base, p) for p in people}
    report = verdict(people, load.attempts + after, histories, faults)
    report["load_s"] = round(load_s, 1)
    report["after_last_fault"] = {
        "answered": sum(a.ok for a in after),
        "providers": sorted({str(a.provider) for a in after}),
    }
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    assert report["messages_lost"] == 0, report["problems"]["lost"]
    assert report["duplicated_messages"] == 0, report["problems"]["duplicated"]
    assert report["half_written_turns"] == 0, report["problems"]["half_written"]
    assert report["unclear_failures"] == 0, report["problems"]["unclear"]
    assert all(a.ok and a.provider == "grounded" for a in after), [vars(a) for a in after]
    for pid in untouched.values():
        os.kill(pid, 0)  # raises when the process is gone: nothing was restarted but what was killed
    # Each fault really happened: the dependency was unreachable while it lasted.
    down = {f.target: f.detail["ready_while_down"] for f in faults}
    assert down == {"drug_server": None, "redis": 503, "mariadb": 503, GATEWAY: None}, down
    assert report["faults"][0]["degraded_answers"] > 0, "drug questions answered without drug_server"
    assert report["failures"].get("connection_lost", 0) > 0, "no turn was in flight when the gateway died"
