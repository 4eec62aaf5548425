"""Async engines with pools sized by settings, SQLite pragmas, and slow-query logging."""

import logging
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from medichain.config import Settings
from medichain.observability.metrics import DB_SLOW_QUERIES

log = logging.getLogger("medichain.db")

_ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "mysql": "mysql+asyncmy", "mariadb": "mysql+asyncmy"}


def async_url(url: str) -> URL:
    """Normalise a user-given database URL to its async driver (`mysql://` → `mysql+asyncmy://`)."""
    try:
        parsed = make_url(url)
    except ArgumentError:  # the URL itself is not repeated: it may hold a password
        raise ValueError("not a database URL: expected mysql://user:password@host:port/database") from None
    backend = parsed.get_backend_name()
    if backend not in _ASYNC_DRIVERS:
        raise ValueError(f"unsupported database {backend!r}: use sqlite or mysql/mariadb")
    if "+" not in parsed.drivername:
        parsed = parsed.set(drivername=_ASYNC_DRIVERS[backend])
    if backend in ("mysql", "mariadb") and "charset" not in parsed.query:
        parsed = parsed.update_query_dict({"charset": "utf8mb4"})
    return parsed


def describe(url: URL) -> str:
    """A URL safe to show and log (no password)."""
    return url.render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def database_label(engine: AsyncEngine) -> str:
    """A short name for metrics: the database name (`medichain_global`) or the SQLite file's stem."""
    return Path(engine.url.database or "memory").stem


def _log_slow_queries(engine: AsyncEngine, threshold_ms: float) -> None:
    sync = engine.sync_engine
    slow_queries = DB_SLOW_QUERIES.labels(database_label(engine))

    @event.listens_for(sync, "before_cursor_execute")
    def _start(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        conn.info.setdefault("query_start", []).append(time.perf_counter())

    @event.listens_for(sync, "after_cursor_execute")
    def _end(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        elapsed_ms = (time.perf_counter() - conn.info["query_start"].pop()) * 1000
        if elapsed_ms >= threshold_ms:
            slow_queries.inc()
            # Statement text only: parameters may hold personal data.
            log.warning(
                "slow query", extra={"elapsed_ms": round(elapsed_ms, 1), "statement": statement[:500]}
            )


def create_engine(url: str, settings: Settings) -> AsyncEngine:
    """An engine for `url` with the configured pool, pragmas and slow-query log."""
    parsed = async_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(parsed, connect_args={"timeout": 10})
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    else:
        engine = create_async_engine(
            parsed,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_timeout=settings.db_pool_timeout_s,
            pool_pre_ping=True,
            pool_recycle=1800,
        )
    _log_slow_queries(engine, settings.db_slow_query_ms)
    return engine
