"""Queries on the `users` table of a shard."""

from collections.abc import Sequence

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from medichain.accounts.models import User
from medichain.core.db.base import utcnow


async def get(session: AsyncSession, user_id: str) -> User | None:
    """One user by id."""
    return await session.get(User, user_id)


async def record_login(session: AsyncSession, user_id: str, checked_hash: str, rehashed: str | None) -> None:
    """Stamp `last_login`; store `rehashed` unless the password changed since `checked_hash` was read."""
    await session.execute(update(User).where(User.id == user_id).values(last_login=utcnow()))
    if rehashed is not None:
        await session.execute(
            update(User)
            .where(User.id == user_id, User.password_hash == checked_hash)
            .values(password_hash=rehashed)
        )


async def page(session: AsyncSession, offset: int, limit: int) -> Sequence[User]:
    """Users ordered by creation."""
    return (
        await session.scalars(select(User).order_by(User.created_at, User.id).offset(offset).limit(limit))
    ).all()


async def count(session: AsyncSession) -> int:
    """Number of users on the shard."""
    return int(await session.scalar(select(func.count()).select_from(User)) or 0)


async def remove(session: AsyncSession, user_id: str) -> None:
    """Delete the user row (conversation rows must be gone or cascade)."""
    await session.execute(delete(User).where(User.id == user_id))
