"""Prometheus metrics of the platform, exposed at `/metrics` by every service.

The names here are the contract with `deploy/prometheus` alert rules and the Grafana dashboard; a test
checks that every metric the dashboard queries is defined here.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager

from opentelemetry import trace
from prometheus_client import Counter, Gauge, Histogram

_FAST = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
_SLOW = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0)

HTTP_REQUESTS = Counter(
    "medichain_http_requests_total",
    "HTTP requests by method, route template and status",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "medichain_http_request_duration_seconds",
    "HTTP request time to the last byte, by method and route template",
    ["method", "route"],
    buckets=_FAST,
)
WS_CONNECTIONS = Gauge("medichain_websocket_connections", "Open WebSocket connections")
WS_FRAMES = Counter(
    "medichain_websocket_frames_total",
    "WebSocket frames by direction (in/out) and type",
    ["direction", "type"],
)
CHAT_TURNS = Counter("medichain_chat_turns_total", "Chat turns by domain and outcome", ["domain", "outcome"])
CHAT_STAGE_LATENCY = Histogram(
    "medichain_chat_stage_duration_seconds",
    "Time spent in each stage of a chat turn (triage, route, cache, retrieve, compose, safety, persist)",
    ["stage"],
    buckets=_FAST,
)
LLM_LATENCY = Histogram(
    "medichain_llm_request_duration_seconds",
    "LLM request time to the last token, by provider",
    ["provider"],
    buckets=_SLOW,
)
LLM_FIRST_TOKEN = Histogram(
    "medichain_llm_first_token_seconds",
    "LLM time to the first token, by provider",
    ["provider"],
    buckets=_SLOW,
)
LLM_TOKENS = Counter(
    "medichain_llm_tokens_total", "LLM tokens by provider and kind (prompt/completion)", ["provider", "kind"]
)
LLM_ERRORS = Counter(
    "medichain_llm_errors_total", "Failed LLM requests by provider and reason", ["provider", "reason"]
)
LLM_QUALITY = Histogram(
    "medichain_answer_quality_score",
    "Quality score (0..1) of each answer, by domain and provider",
    ["domain", "provider"],
    buckets=(0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
)
LLM_ALERTS = Counter(
    "medichain_answer_alerts_total", "Answers flagged slow (>10 s) or low quality (<0.6)", ["kind", "domain"]
)
CACHE_LOOKUPS = Counter(
    "medichain_semantic_cache_lookups_total",
    "Semantic cache lookups by domain, language and result",
    ["domain", "lang", "result"],
)
DB_POOL = Gauge(
    "medichain_db_pool_connections",
    "Database pool connections by database and state (in_use/idle)",
    ["database", "state"],
)
DB_SLOW_QUERIES = Counter(
    "medichain_db_slow_queries_total", "Queries slower than db_slow_query_ms", ["database"]
)
BREAKER_STATE = Gauge(
    "medichain_circuit_breaker_state",
    "Circuit breaker per downstream service: 0 closed, 1 half-open, 2 open",
    ["target"],
)
DOWNSTREAM_CALLS = Counter(
    "medichain_downstream_calls_total",
    "Calls to other services by target and outcome (ok, error, timeout, rejected)",
    ["target", "outcome"],
)
DOWNSTREAM_LATENCY = Histogram(
    "medichain_downstream_call_duration_seconds",
    "Calls to other services by target",
    ["target"],
    buckets=_FAST,
)
STORE_DEGRADED = Gauge(
    "medichain_store_degraded", "1 while the shared store (Redis) is unreachable and local state is used"
)
TRIAGE_LEVELS = Counter("medichain_triage_level_total", "Messages by KTAS level", ["level"])
SAFETY_EVENTS = Counter(
    "medichain_safety_events_total",
    "Safety events (answer_replaced, llm_unavailable, service_unavailable)",
    ["kind"],
)


_TRACER = trace.get_tracer("medichain")


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time one stage of a chat turn into `medichain_chat_stage_duration_seconds` (and a span when tracing)."""
    started = time.perf_counter()
    try:
        with _TRACER.start_as_current_span(f"chat.{name}"):
            yield
    finally:
        CHAT_STAGE_LATENCY.labels(name).observe(time.perf_counter() - started)
