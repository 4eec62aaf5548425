"""Shard tables for conversations (the seed's chat rooms, messages, `consultation_history`, feedback)."""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, Numeric, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from medichain.core.db.base import BigIntPK, JSONDoc, ShardBase, UTCDateTime, utcnow


def _user_fk() -> ForeignKey:
    """A fresh foreign key to the owning user (a ForeignKey object cannot be shared)."""
    return ForeignKey("users.id", ondelete="CASCADE")


class ChatRoom(ShardBase):
    """A conversation of one user."""

    __tablename__ = "chat_rooms"
    __table_args__ = (
        Index("idx_room_user_updated", "user_id", "updated_at"),
        Index("idx_room_updated", "updated_at"),  # the retention purge scans by last activity
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(100), _user_fk())
    title: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChatMessage(ShardBase):
    """One message; an assistant message keeps the full response object in `payload`.

    `(room_id, sequence, role)` is unique, so a resent message with the same sequence cannot be
    answered twice.
    """

    __tablename__ = "chat_messages"
    __table_args__ = (
        UniqueConstraint("room_id", "sequence", "role", name="uq_message_sequence"),
        Index("idx_message_room_id", "room_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(36), ForeignKey("chat_rooms.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(100), _user_fk(), index=True)
    role: Mapped[str] = mapped_column(String(16))
    sequence: Mapped[int | None] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict | None] = mapped_column(JSONDoc)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ConsultationHistory(ShardBase):
    """The seed's consultation record: one answered question with domain, confidence and latency."""

    __tablename__ = "consultation_history"
    __table_args__ = (
        Index("idx_user_session", "user_id", "session_id"),
        Index("idx_domain_time", "domain", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(100), _user_fk())
    session_id: Mapped[str] = mapped_column(String(100))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("chat_messages.id", ondelete="CASCADE"))
    domain: Mapped[str] = mapped_column(String(50))
    query: Mapped[str] = mapped_column(Text)
    response: Mapped[str] = mapped_column(Text)
    confidence_score: Mapped[Decimal | None] = mapped_column(Numeric(3, 2), index=True)
    triage_level: Mapped[int | None] = mapped_column(SmallInteger)
    response_time_ms: Mapped[int | None] = mapped_column(Integer)
    feedback_score: Mapped[int | None] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Feedback(ShardBase):
    """A person's rating (1–5) and comment on one answer."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("user_id", "message_id", name="uq_feedback_user_message"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(100), _user_fk())
    message_id: Mapped[int] = mapped_column(ForeignKey("chat_messages.id", ondelete="CASCADE"), index=True)
    score: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
