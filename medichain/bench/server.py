"""The server under test: one the bench starts itself (embedded `medichain serve` on a free port, a
temporary data directory, SQLite or MariaDB + Redis), or one already running at a URL; and a monitor
of its CPU and memory (psutil)."""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import psutil

from medichain.core.process import raise_file_limit
from medichain.core.security.crypto import new_key

LOAD_TEST_LIMITS = {
    "MEDICHAIN_RATE_LIMIT_IP_PER_S": "100000",
    "MEDICHAIN_RATE_LIMIT_IP_BURST": "100000",
    "MEDICHAIN_RATE_LIMIT_USER_PER_S": "10000",
    "MEDICHAIN_RATE_LIMIT_USER_BURST": "10000",
    "MEDICHAIN_RATE_LIMIT_AUTH_PER_MIN": "1000000",
}
"""Every client of a load test shares 127.0.0.1: the defaults (50 requests/s per IP, 30 logins a
minute) would throttle it. Only the server the bench starts gets these; the defaults never change."""

LIMITS_NOTE = (
    "server started by the bench with load-test rate limits (per IP 100000/s, per user 10000/s, "
    "logins 1000000/min); the defaults are unchanged"
)
START_TIMEOUT_S = 120.0
_CLI = "from medichain.cli.main import app; app()"


class ServerError(RuntimeError):
    """The server could not be started or reached."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (at the time of asking)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url: str, process: subprocess.Popen[bytes] | None, log: Path | None, timeout_s: float) -> None:
    """Poll `url/ready` until 200; `ServerError` with the log's tail when the process dies or times out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log else ""
            raise ServerError(f"the server exited with {process.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(f"{url}/ready", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    raise ServerError(f"{url} was not ready within {timeout_s:.0f} s")


@dataclass(frozen=True)
class Backend:
    """Where the bench's own server keeps its data: SQLite files (default), or MariaDB and Redis."""

    mariadb_url: str | None = None
    redis_url: str | None = None

    @property
    def label(self) -> str:
        """`sqlite`, `mariadb`, `sqlite+redis` or `mariadb+redis`."""
        return ("mariadb" if self.mariadb_url else "sqlite") + ("+redis" if self.redis_url else "")


class OwnServer:
    """`medichain serve` in a child process with a temporary data directory; stopped on exit."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self._dir = tempfile.TemporaryDirectory(prefix="medichain-bench-")
        self._databases: list[str] = []
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = Path(self._dir.name) / "server.log"

    def __enter__(self) -> "OwnServer":
        raise_file_limit()
        env = self._environment()
        root = Path(self._dir.name)
        try:
            subprocess.run(
                [sys.executable, "-c", _CLI, "init"],
                cwd=root,
                env=env,
                check=True,
                capture_output=True,
                timeout=START_TIMEOUT_S,
            )
        except subprocess.CalledProcessError as exc:
            self._cleanup()
            raise ServerError(
                f"`medichain init` failed:\n{exc.stderr.decode(errors='replace')[-3000:]}"
            ) from exc
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _CLI, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                cwd=root,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_ready(self.url, self.process, self.log, START_TIMEOUT_S)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._cleanup()

    @property
    def pid(self) -> int:
        """The server's process id."""
        assert self.process is not None
        return self.process.pid

    def _environment(self) -> dict[str, str]:
        var = Path(self._dir.name) / "var"
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEDICHAIN_")}
        env.update(LOAD_TEST_LIMITS)
        env.update(
            {
                "MEDICHAIN_ENV": "production",
                "MEDICHAIN_LOG_LEVEL": "WARNING",
                "MEDICHAIN_DATA_DIR": str(var),
                "MEDICHAIN_WEB_DIR": str(var / "no-web-client"),
                "MEDICHAIN_JWT_SECRET": secrets.token_urlsafe(48),
                "MEDICHAIN_DATA_KEYS": f"k1:{new_key()}",
                "MEDICHAIN_LOOKUP_KEY": secrets.token_urlsafe(32),
                "MEDICHAIN_GLOBAL_DATABASE_URL": f"sqlite+aiosqlite:///{var}/global.db",
                "MEDICHAIN_SHARD_URLS": f"sqlite+aiosqlite:///{var}/shard1.db,sqlite+aiosqlite:///{var}/shard2.db",
            }
        )
        if self.backend.mariadb_url:
            urls = self._create_mariadb(self.backend.mariadb_url)
            env["MEDICHAIN_GLOBAL_DATABASE_URL"] = urls[0]
            env["MEDICHAIN_SHARD_URLS"] = ",".join(urls[1:])
        if self.backend.redis_url:
            env["MEDICHAIN_REDIS_URL"] = self.backend.redis_url
            env["MEDICHAIN_REDIS_PREFIX"] = f"medichain-bench-{secrets.token_hex(4)}:"
        return env

    def _create_mariadb(self, admin_url: str) -> list[str]:
        """Three fresh databases (global, two shards) on the server of `admin_url`; their URLs."""
        prefix = f"medichain_bench_{secrets.token_hex(4)}"
        names = [f"{prefix}_{part}" for part in ("global", "shard1", "shard2")]
        _mariadb(
            admin_url,
            [f"CREATE DATABASE `{n}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" for n in names],
        )
        self._databases = names
        base = admin_url.rstrip("/")
        return [f"{base}/{n}" for n in names]

    def _cleanup(self) -> None:
        if self._databases and self.backend.mariadb_url:
            with contextlib.suppress(Exception):
                _mariadb(
                    self.backend.mariadb_url, [f"DROP DATABASE IF EXISTS `{n}`" for n in self._databases]
                )
            self._databases = []
        self._dir.cleanup()


def _mariadb(admin_url: str, statements: list[str]) -> None:
    """Run statements on a MySQL/MariaDB server (`mysql://user:pass@host:port/`)."""
    import asyncio

    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    parts = urlsplit(admin_url)
    if parts.scheme not in ("mysql", "mysql+asyncmy") or not parts.hostname:
        raise ServerError(f"--mariadb needs a URL like mysql://user:pass@127.0.0.1:3306/, not {admin_url!r}")

    async def run() -> None:
        engine = create_async_engine(f"mysql+asyncmy://{parts.netloc}/")
        try:
            async with engine.begin() as conn:
                for statement in statements:
                    await conn.execute(text(statement))
        finally:
            await engine.dispose()

    try:
        asyncio.run(run())
    except Exception as exc:
        raise ServerError(f"MariaDB at {parts.hostname}:{parts.port or 3306} refused: {exc}") from exc


@dataclass(frozen=True)
class Usage:
    """CPU and memory of the server process (and its children) over a scenario."""

    cpu_percent_mean: float
    cpu_percent_max: float
    rss_mib_start: float
    rss_mib_peak: float
    rss_mib_end: float
    samples: int
    cpu_seconds: float


class ProcessMonitor:
    """Samples a process tree's CPU (100% = one core) and resident memory every `interval_s`."""

    def __init__(self, pid: int, interval_s: float = 0.5) -> None:
        try:
            self._process = psutil.Process(pid)
        except psutil.NoSuchProcess as exc:
            raise ServerError(f"no process with pid {pid}") from exc
        self._interval = interval_s
        self._cpu: list[float] = []
        self._rss: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-monitor", daemon=True)

    def _tree(self) -> list[psutil.Process]:
        return [self._process, *self._process.children(recursive=True)]

    def rss_mib(self) -> float:
        """Resident memory of the tree now, in MiB."""
        total = 0
        for proc in self._tree():
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
        return total / 2**20

    def _cpu_times(self) -> float:
        total = 0.0
        for proc in self._tree():
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system
        return total

    def _run(self) -> None:
        last_cpu, last_at = self._cpu_times(), time.monotonic()
        while not self._stop.wait(self._interval):
            cpu, now = self._cpu_times(), time.monotonic()
            self._cpu.append(100.0 * (cpu - last_cpu) / max(now - last_at, 1e-6))
            self._rss.append(self.rss_mib())
            last_cpu, last_at = cpu, now

    def __enter__(self) -> "ProcessMonitor":
        self._start_rss = self.rss_mib()
        self._start_cpu = self._cpu_times()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def usage(self) -> Usage:
        """The figures so far."""
        end = self.rss_mib()
        return Usage(
            cpu_percent_mean=round(sum(self._cpu) / len(self._cpu), 1) if self._cpu else 0.0,
            cpu_percent_max=round(max(self._cpu), 1) if self._cpu else 0.0,
            rss_mib_start=round(self._start_rss, 1),
            rss_mib_peak=round(max([self._start_rss, end, *self._rss]), 1),
            rss_mib_end=round(end, 1),
            samples=len(self._cpu),
            cpu_seconds=round(self._cpu_times() - self._start_cpu, 2),
        )
