"""How column values travel through a backup: each column gets a portable kind, each value a JSON form.

Kinds come from the SQLAlchemy column types, so a backup made on SQLite restores into MariaDB and back.
"""

import base64
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
)
from sqlalchemy.sql.expression import TableClause, column, table
from sqlalchemy.types import TypeDecorator, TypeEngine

from medichain.core.db.base import UTCDateTime

Kind = Literal["string", "integer", "float", "decimal", "boolean", "datetime", "date", "json", "bytes"]

_KIND_OF_TYPE: tuple[tuple[type[TypeEngine[Any]], Kind], ...] = (
    (JSON, "json"),
    (Boolean, "boolean"),
    (DateTime, "datetime"),
    (Date, "date"),
    (Float, "float"),
    (Numeric, "decimal"),
    (Integer, "integer"),
    (LargeBinary, "bytes"),
    (String, "string"),
)
"""Checked in order: Float is a Numeric, so it comes first."""

_TYPE_OF_KIND: dict[Kind, TypeEngine[Any]] = {
    "string": Text(),
    "integer": BigInteger(),
    "float": Double(),
    "decimal": Numeric(asdecimal=True),
    "boolean": Boolean(),
    "datetime": UTCDateTime(),
    "date": Date(),
    "json": JSON(none_as_null=True),
    "bytes": LargeBinary(),
}
"""Types used to write values back; JSON `None` stays SQL NULL, as the models write it."""

_ENCODE: dict[Kind, Callable[[Any], Any]] = {
    "datetime": lambda value: value.isoformat(),
    "date": lambda value: value.isoformat(),
    "decimal": str,
    "bytes": lambda value: base64.b64encode(value).decode(),
}
_DECODE: dict[Kind, Callable[[Any], Any]] = {
    "datetime": datetime.fromisoformat,
    "date": date.fromisoformat,
    "decimal": Decimal,
    "bytes": base64.b64decode,
}


def column_kind(col: Column[Any]) -> Kind:
    """The portable kind of a model column."""
    type_ = col.type
    if isinstance(type_, TypeDecorator):
        type_ = type_.impl_instance
    for base, kind in _KIND_OF_TYPE:
        if isinstance(type_, base):
            return kind
    raise TypeError(f"{col.table.name}.{col.name}: a backup cannot carry values of type {type_!r}")


def encode(kind: Kind, value: Any) -> Any:
    """A JSON-safe form of a column value."""
    if value is None or kind not in _ENCODE:
        return value
    return _ENCODE[kind](value)


def decode(kind: Kind, value: Any) -> Any:
    """The column value back from its JSON form."""
    if value is None or kind not in _DECODE:
        return value
    return _DECODE[kind](value)


def insertable(name: str, columns: list[tuple[str, Kind]]) -> TableClause:
    """A table construct typed by kinds, for inserting rows whatever the models of this version say."""
    return table(name, *(column(col, _TYPE_OF_KIND[kind]) for col, kind in columns))
