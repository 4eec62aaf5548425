"""What a scenario gets (the server's URL, an HTTP session, the options) and what it gives back
(recorders, cache tallies, extra figures, notes); `measure()` marks the measured phase."""

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import psutil

from medichain.bench.client import scrape
from medichain.bench.server import ProcessMonitor, Usage
from medichain.bench.stats import Recorder


@dataclass(frozen=True)
class Options:
    """Sizes of a run; each scenario reads the ones it needs."""

    users: int = 100
    messages: int = 10
    concurrency: int = 100
    duration_s: float = 30.0
    connections: int = 5000
    think_s: float = 10.0
    timeout_s: float = 60.0


@dataclass
class CacheTally:
    """Cache hits seen in the answers' `cached` flags, and in the server's /metrics over the run."""

    answers: int = 0
    cached: int = 0
    metrics_hits: float | None = None
    metrics_lookups: float | None = None

    def count(self, response: dict[str, Any]) -> None:
        """One chat answer."""
        self.answers += 1
        self.cached += bool(response.get("cached"))

    @property
    def answer_hit_rate(self) -> float | None:
        """Share of answers served from the semantic cache."""
        return self.cached / self.answers if self.answers else None

    @property
    def lookup_hit_rate(self) -> float | None:
        """Hits / lookups of `medichain_semantic_cache_lookups_total` during the measured phase."""
        if not self.metrics_lookups or self.metrics_hits is None:
            return None
        return self.metrics_hits / self.metrics_lookups


@dataclass
class Context:
    """One scenario's run against one server."""

    url: str
    http: aiohttp.ClientSession
    options: Options
    server_pid: int | None = None
    recorders: dict[str, Recorder] = field(default_factory=dict)
    cache: CacheTally = field(default_factory=CacheTally)
    extra: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    usage: Usage | None = None
    monitor: ProcessMonitor | None = None

    def recorder(self, name: str) -> Recorder:
        """The recorder of an operation (created on first use, in report order)."""
        if name not in self.recorders:
            self.recorders[name] = Recorder(name)
        return self.recorders[name]

    @asynccontextmanager
    async def measure(self) -> AsyncIterator[None]:
        """The measured phase: server CPU/memory sampled, cache counters read before and after."""
        before = await scrape(self.http, self.url)
        client, started = psutil.Process(), time.perf_counter()
        client_cpu = sum(client.cpu_times()[:2])
        for recorder in self.recorders.values():
            recorder.restart()
        monitor = ProcessMonitor(self.server_pid) if self.server_pid else None
        self.monitor = monitor
        try:
            if monitor is None:
                yield
            else:
                with monitor:
                    yield
                self.usage = monitor.usage()
        finally:
            for recorder in self.recorders.values():
                recorder.stop()
        wall = time.perf_counter() - started
        self.extra["bench_client_cpu_percent"] = round(
            100 * (sum(client.cpu_times()[:2]) - client_cpu) / wall, 1
        )
        after = await scrape(self.http, self.url)
        if before is None or after is None:
            return
        self.cache.metrics_hits = after.cache_hits - before.cache_hits
        self.cache.metrics_lookups = after.cache_lookups - before.cache_lookups
        if self.cache.answers and after.stage_seconds:
            self.extra["stages_ms_per_answer"] = {
                stage: round(1000 * (seconds - before.stage_seconds.get(stage, 0.0)) / self.cache.answers, 3)
                for stage, seconds in after.stage_seconds.items()
            }
