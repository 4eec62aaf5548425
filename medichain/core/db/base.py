"""Declarative bases for the two kinds of database, and column types portable to SQLite and MySQL."""

from datetime import UTC, datetime

from sqlalchemy import JSON, BigInteger, DateTime, Integer, MetaData
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

_NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

BigIntPK = BigInteger().with_variant(Integer, "sqlite")
"""Auto-increment key: BIGINT on MySQL, INTEGER (rowid alias) on SQLite."""
BIGINT_MAX = 2**63 - 1
"""The largest integer either backend stores or compares: an id or offset in a request is at most this
(a larger one fails in the driver: OverflowError on SQLite, an error MySQL reports)."""
INT_MAX = 2**31 - 1
"""The largest value of an `Integer` column."""

JSONDoc = JSON().with_variant(mysql.JSON(), "mysql")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (stored naive UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class GlobalBase(DeclarativeBase):
    """Tables of the global database: shard routing, service health, audit, reference knowledge."""

    metadata = MetaData(naming_convention=_NAMING)


class ShardBase(DeclarativeBase):
    """Tables of every user shard: users, conversations, consultation history, feedback."""

    metadata = MetaData(naming_convention=_NAMING)
