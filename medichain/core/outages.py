"""Failures that are outages of a dependency (a database or the shared store), and the error code every
channel reports for them: REST answers 503 with it, the WebSocket an `error` frame."""

from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

DATABASE_OUTAGES = (PoolTimeoutError, DBAPIError, ConnectionError)
"""A database that refuses connections, drops them, or leaves no pooled connection free in time."""
STORE_OUTAGES = (RedisError,)
OUTAGE_MESSAGES = {
    "database_unavailable": "the database is unavailable; please retry shortly",
    "store_unavailable": "the session store is unavailable; please retry shortly",
}


def outage_code(exc: BaseException) -> str | None:
    """`store_unavailable` or `database_unavailable` when `exc` is an outage, else None."""
    if isinstance(exc, STORE_OUTAGES):
        return "store_unavailable"
    if isinstance(exc, DATABASE_OUTAGES):
        return "database_unavailable"
    return None
