"""The services topology for tests: `medichain up --services` on given databases and Redis with explicit
settings, one service (re)started by `medichain service run`, and the pids the supervisor records."""

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from medichain.config import Settings
from medichain.services.catalog import SERVICES, spec
from tests.conftest import SHARED_DATA_DIR
from tests.servers import wait_until_serving

TEST_SETTINGS = {
    "MEDICHAIN_ENV": "test",
    "MEDICHAIN_RATE_LIMIT_IP_PER_S": "1000",
    "MEDICHAIN_RATE_LIMIT_IP_BURST": "5000",
    "MEDICHAIN_BREAKER_FAILURES": "2",
    "MEDICHAIN_BREAKER_RESET_S": "1",
    "MEDICHAIN_SERVICE_TIMEOUT_S": "1",
    "MEDICHAIN_SERVICE_PROBE_INTERVAL_S": "0.5",
    "MEDICHAIN_LOG_LEVEL": "WARNING",
}
"""Every test client comes from 127.0.0.1, and a dead service is noticed within a second."""
BASE_PORTS = (20000, 32000)
"""Below Linux's ephemeral range (32768-60999): polling a port there while nothing listens on it yet can
connect the client to itself."""


def environment(settings: Settings, data_dir: Path = SHARED_DATA_DIR, **overrides: str) -> dict[str, str]:
    """The child processes' settings, explicitly (no `.env`): `settings`' databases, Redis and secrets."""
    values = {
        **TEST_SETTINGS,
        "MEDICHAIN_GLOBAL_DATABASE_URL": settings.global_database_url,
        "MEDICHAIN_SHARD_URLS": ",".join(settings.shard_urls),
        "MEDICHAIN_REDIS_URL": settings.redis_url,
        "MEDICHAIN_REDIS_PREFIX": settings.redis_prefix,
        "MEDICHAIN_JWT_SECRET": settings.jwt_secret.get_secret_value(),
        "MEDICHAIN_DATA_KEYS": ",".join(k.get_secret_value() for k in settings.data_keys),
        "MEDICHAIN_LOOKUP_KEY": settings.lookup_key.get_secret_value(),
        "MEDICHAIN_DATA_DIR": str(data_dir),
        **overrides,
    }
    return {k: v for k, v in os.environ.items() if not k.startswith("MEDICHAIN_")} | values


@dataclass
class Running:
    """The started topology."""

    base: int
    env: dict[str, str]
    supervisor: subprocess.Popen[bytes]
    workdir: Path

    def url(self, offset: int = 0) -> str:
        return f"http://127.0.0.1:{self.base + offset}"

    def children(self) -> list[dict]:
        """What the supervisor started (name, port, pid), once it has recorded it; else nothing."""
        state = Path(self.env["MEDICHAIN_DATA_DIR"]) / "services.json"
        recorded = json.loads(state.read_text()) if state.is_file() else []
        return recorded if any(child["port"] == self.base for child in recorded) else []

    def pid(self, name: str) -> int:
        """The pid of a service the supervisor started."""
        return next(child["pid"] for child in self.children() if child["name"] == name)

    def run_service(self, name: str, log: Path, **env: str) -> subprocess.Popen[bytes]:
        """Start `medichain service run NAME` on its port of this topology and wait until it is ready."""
        port = self.base + spec(name).offset
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "medichain", "service", "run", name, "--port", str(port)],
                cwd=self.workdir,
                env={**self.env, **env},
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_until_serving(f"{self.url(spec(name).offset)}/ready", process, log, 120, name)
        except BaseException:
            process.kill()
            process.wait()
            raise
        return process

    def stop(self) -> None:
        """Ctrl-C the supervisor (it stops the services it started)."""
        if self.supervisor.poll() is None:
            self.supervisor.send_signal(signal.SIGINT)
            self.supervisor.wait(30)


def _busy(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def start_topology(workdir: Path, env: dict[str, str]) -> Running:
    """`medichain up --services` in `workdir` on free ports; returns once the gateway is ready."""
    base = random.randrange(*BASE_PORTS)
    while any(_busy(base + s.offset) for s in SERVICES):
        base = random.randrange(*BASE_PORTS)
    log = workdir / "up.log"
    with log.open("wb") as out:
        supervisor = subprocess.Popen(
            [sys.executable, "-m", "medichain", "up", "--services", "--base-port", str(base)],
            cwd=workdir,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    wait_until_serving(f"http://127.0.0.1:{base}/ready", supervisor, log, 300, "gateway")
    running = Running(base, env, supervisor, workdir)
    deadline = time.monotonic() + 30
    while not running.children():  # the supervisor records the topology once every gateway answers
        if time.monotonic() > deadline:
            pytest.fail(f"the supervisor did not record the topology:\n{log.read_text()[-4000:]}")
        time.sleep(0.25)
    return running
