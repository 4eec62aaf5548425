"""The global database and the user shards: placement of new users and routing of every request."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from medichain.config import Settings
from medichain.core.db.engines import async_url, create_engine, describe
from medichain.core.db.migrations import upgrade
from medichain.core.db.models import ShardInfo, UserShardMapping
from medichain.core.security.crypto import FieldCipher

log = logging.getLogger("medichain.db")


def shard_address(url: str) -> dict[str, str | int]:
    """The displayable parts of a shard URL: `shard_info` keeps these in clear, the full URL encrypted."""
    parsed = async_url(url)
    return {"host": parsed.host or "", "port": parsed.port or 0, "database_name": parsed.database or ""}


class DuplicateUserError(Exception):
    """The user id (or email) is already taken."""


class NoShardAvailableError(Exception):
    """Every active shard is full or none is active."""


@dataclass(slots=True)
class Shard:
    """A connected shard."""

    shard_id: int
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    label: str


class Databases:
    """Holds the global engine and one engine per shard; routes a user id to its shard."""

    def __init__(self, settings: Settings, cipher: FieldCipher) -> None:
        self._settings = settings
        self._cipher = cipher
        self.global_engine = create_engine(settings.global_database_url, settings)
        self.global_sessions = async_sessionmaker(self.global_engine, expire_on_commit=False)
        self.shards: dict[int, Shard] = {}
        self._user_shard: dict[str, int] = {}

    # --- lifecycle

    async def open(self, migrate: bool = False) -> None:
        """Connect the global database and every shard listed in `shard_info`.

        With `migrate`, bring the global database and every shard to the newest schema first and
        register the shards of `MEDICHAIN_SHARD_URLS` when `shard_info` is still empty.
        """
        if migrate:
            await upgrade(self.global_engine, "global")
        async with self.global_sessions() as session:
            rows = (await session.scalars(select(ShardInfo).order_by(ShardInfo.shard_id))).all()
        if migrate and not rows:
            for url in self._settings.shard_urls:
                await self.add_shard(url)
            return
        for row in rows:
            url = self._cipher.decrypt(row.url_encrypted, f"shard:{row.shard_id}")
            assert url is not None
            self._connect(row.shard_id, url)
            if migrate:
                await upgrade(self.shards[row.shard_id].engine, "shard")

    async def close(self) -> None:
        """Dispose every engine."""
        for shard in self.shards.values():
            await shard.engine.dispose()
        await self.global_engine.dispose()

    def _connect(self, shard_id: int, url: str) -> Shard:
        engine = create_engine(url, self._settings)
        shard = Shard(
            shard_id, engine, async_sessionmaker(engine, expire_on_commit=False), describe(engine.url)
        )
        self.shards[shard_id] = shard
        return shard

    async def add_shard(self, url: str, max_users: int | None = None) -> ShardInfo:
        """Migrate a new shard database and register it in `shard_info` (the `shards add` command)."""
        address = shard_address(url)
        async with self.global_sessions() as session:
            next_id = (
                await session.scalar(select(ShardInfo.shard_id).order_by(ShardInfo.shard_id.desc()))
            ) or 0
        shard_id = next_id + 1
        shard = self._connect(shard_id, url)
        try:
            await upgrade(shard.engine, "shard")
        except Exception:
            self.shards.pop(shard_id)
            await shard.engine.dispose()
            raise
        info = ShardInfo(
            shard_id=shard_id,
            url_encrypted=self._cipher.encrypt(url, f"shard:{shard_id}"),
            **address,
            max_users=max_users or self._settings.shard_max_users,
        )
        async with self.global_sessions.begin() as session:
            session.add(info)
        log.info("shard registered", extra={"shard_id": shard_id, "url": shard.label})
        return info

    # --- routing

    async def place_user(self, user_id: str, email_hash: str | None) -> int:
        """Reserve a slot on the least-loaded active shard and record the mapping.

        Raises `DuplicateUserError` when the id or email is taken, `NoShardAvailableError` when full.
        """
        async with self.global_sessions.begin() as session:
            candidates = (
                await session.scalars(
                    select(ShardInfo.shard_id)
                    .where(ShardInfo.is_active.is_(True), ShardInfo.current_users < ShardInfo.max_users)
                    .order_by((ShardInfo.current_users * 1.0 / ShardInfo.max_users), ShardInfo.shard_id)
                )
            ).all()
            chosen = None
            for shard_id in candidates:
                if shard_id not in self.shards:
                    continue
                reserved = await session.execute(
                    update(ShardInfo)
                    .where(ShardInfo.shard_id == shard_id, ShardInfo.current_users < ShardInfo.max_users)
                    .values(current_users=ShardInfo.current_users + 1)
                )
                if reserved.rowcount:
                    chosen = shard_id
                    break
            if chosen is None:
                raise NoShardAvailableError
            session.add(UserShardMapping(user_id=user_id, shard_id=chosen, email_hash=email_hash))
            try:
                await session.flush()
            except IntegrityError as exc:
                raise DuplicateUserError from exc
        self._user_shard[user_id] = chosen
        return chosen

    async def release_user(self, user_id: str) -> None:
        """Remove a user's mapping and free its shard slot."""
        async with self.global_sessions.begin() as session:
            shard_id = await session.scalar(
                select(UserShardMapping.shard_id).where(UserShardMapping.user_id == user_id)
            )
            if shard_id is None:
                return
            await session.execute(delete(UserShardMapping).where(UserShardMapping.user_id == user_id))
            await session.execute(
                update(ShardInfo)
                .where(ShardInfo.shard_id == shard_id, ShardInfo.current_users > 0)
                .values(current_users=ShardInfo.current_users - 1)
            )
        self._user_shard.pop(user_id, None)

    async def set_email_hash(self, user_id: str, email_hash: str | None) -> None:
        """Point the global email index at this user (None removes it)."""
        async with self.global_sessions.begin() as session:
            try:
                await session.execute(
                    update(UserShardMapping)
                    .where(UserShardMapping.user_id == user_id)
                    .values(email_hash=email_hash)
                )
            except IntegrityError as exc:
                raise DuplicateUserError from exc

    async def find_by_email_hash(self, email_hash: str) -> str | None:
        """The user id registered with this email hash."""
        async with self.global_sessions() as session:
            return await session.scalar(
                select(UserShardMapping.user_id).where(UserShardMapping.email_hash == email_hash)
            )

    async def shard_of(self, user_id: str) -> int | None:
        """The shard holding `user_id` (cached: users never move between shards)."""
        cached = self._user_shard.get(user_id)
        if cached is not None:
            return cached
        async with self.global_sessions() as session:
            shard_id = await session.scalar(
                select(UserShardMapping.shard_id).where(UserShardMapping.user_id == user_id)
            )
        if shard_id is not None:
            if len(self._user_shard) > 200_000:
                self._user_shard.clear()
            self._user_shard[user_id] = shard_id
        return shard_id

    def forget(self, user_id: str) -> None:
        """Drop a cached mapping (after the user was deleted elsewhere)."""
        self._user_shard.pop(user_id, None)

    @asynccontextmanager
    async def shard_session(self, shard_id: int) -> AsyncIterator[AsyncSession]:
        """A session on one shard."""
        async with self.shards[shard_id].sessions() as session:
            yield session
