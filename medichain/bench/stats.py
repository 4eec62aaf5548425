"""Latency samples and their summary: count, errors by kind, mean, p50/p95/p99, max, throughput."""

import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Summary:
    """One measured operation over a run (times in milliseconds, throughput per second of wall time)."""

    name: str
    count: int
    errors: int
    mean_ms: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    throughput_per_s: float
    error_kinds: dict[str, int] = field(default_factory=dict)


@dataclass
class Recorder:
    """Collects the latencies and failures of one operation; `summary()` closes the window."""

    name: str
    samples: list[float] = field(default_factory=list)
    failures: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    ended: float | None = None

    def ok(self, seconds: float) -> None:
        """One successful operation that took `seconds`."""
        self.samples.append(seconds)

    def error(self, kind: str) -> None:
        """One failed operation, counted by kind (e.g. `http 500`, `errorCode 401`, `timeout`)."""
        self.failures[kind] += 1

    def restart(self) -> None:
        """Start the throughput window now (after the set-up of a scenario)."""
        self.started = time.perf_counter()

    def stop(self) -> None:
        """Close the throughput window now."""
        self.ended = time.perf_counter()

    def summary(self) -> Summary:
        """Percentiles of the successful operations; throughput counts them over the window."""
        wall = (self.ended or time.perf_counter()) - self.started
        values = np.asarray(self.samples, dtype=np.float64) * 1000.0
        if values.size:
            p50, p95, p99 = np.percentile(values, [50, 95, 99]).tolist()
            mean, top = float(values.mean()), float(values.max())
        else:
            p50 = p95 = p99 = mean = top = 0.0
        return Summary(
            name=self.name,
            count=len(self.samples),
            errors=sum(self.failures.values()),
            mean_ms=round(mean, 2),
            p50_ms=round(p50, 2),
            p95_ms=round(p95, 2),
            p99_ms=round(p99, 2),
            max_ms=round(top, 2),
            throughput_per_s=round(len(self.samples) / wall, 2) if wall > 0 else 0.0,
            error_kinds=dict(self.failures),
        )
