"""Shard routing tables of the global database (the seed's `shard_info`, `user_shard_mapping`)."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from medichain.core.db.base import GlobalBase, UTCDateTime, utcnow


class ShardInfo(GlobalBase):
    """One user shard. Its connection URL (with credentials) is stored encrypted."""

    __tablename__ = "shard_info"
    __table_args__ = (Index("idx_load", "current_users", "max_users"),)

    shard_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    url_encrypted: Mapped[str] = mapped_column(Text)
    host: Mapped[str] = mapped_column(String(255), default="")
    port: Mapped[int] = mapped_column(Integer, default=0)
    database_name: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    max_users: Mapped[int] = mapped_column(Integer, default=10_000)
    current_users: Mapped[int] = mapped_column(Integer, default=0)


class UserShardMapping(GlobalBase):
    """Which shard holds a user; `email_hash` lets an account be found by email without storing it."""

    __tablename__ = "user_shard_mapping"

    user_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    shard_id: Mapped[int] = mapped_column(ForeignKey("shard_info.shard_id"), index=True)
    email_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
