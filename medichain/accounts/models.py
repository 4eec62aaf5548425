"""The `users` table of every shard. Personal fields are ciphertexts (see core.security.crypto)."""

from datetime import datetime

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from medichain.core.db.base import ShardBase, UTCDateTime, utcnow

ENCRYPTED_FIELDS = ("name", "phone", "email", "birth_date", "gender", "medications")
"""Profile fields stored encrypted, each in a `<field>_enc` column."""


class User(ShardBase):
    """An account. `id` is the login id (the seed's `users.id`)."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="user")
    name_enc: Mapped[str | None] = mapped_column(Text)
    phone_enc: Mapped[str | None] = mapped_column(Text)
    email_enc: Mapped[str | None] = mapped_column(Text)
    email_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    birth_date_enc: Mapped[str | None] = mapped_column(Text)
    gender_enc: Mapped[str | None] = mapped_column(Text)
    medications_enc: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    last_login: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
