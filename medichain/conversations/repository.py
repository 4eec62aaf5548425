"""Queries over a user's conversations on their shard."""

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from medichain.conversations.models import ChatMessage, ChatRoom, ConsultationHistory, Feedback

_USER_TABLES = (Feedback, ConsultationHistory, ChatMessage, ChatRoom)
"""Tables holding a user's conversation data, children before parents."""


async def delete_user_data(session: AsyncSession, user_id: str) -> None:
    """Delete every conversation row of a user (within the caller's transaction)."""
    for table in _USER_TABLES:
        await session.execute(delete(table).where(table.user_id == user_id))


async def export_user_data(session: AsyncSession, user_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every conversation row of a user, as plain dicts, for a data-portability export."""
    exported: dict[str, list[dict[str, Any]]] = {}
    for table in reversed(_USER_TABLES):
        rows = (await session.scalars(select(table).where(table.user_id == user_id))).all()
        exported[table.__tablename__] = [
            {column.key: getattr(row, column.key) for column in table.__mapper__.column_attrs} for row in rows
        ]
    return exported
