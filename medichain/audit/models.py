"""The global `security_events` table. Users appear only as a keyed hash, never by id or name."""

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from medichain.core.db.base import BigIntPK, GlobalBase, JSONDoc, UTCDateTime, utcnow


class SecurityEvent(GlobalBase):
    """One security-relevant event."""

    __tablename__ = "security_events"
    __table_args__ = (
        Index("idx_event_kind_time", "kind", "created_at"),
        Index("idx_event_ip_time", "ip", "created_at"),
        Index("idx_event_user_time", "user_ref", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10), default="info")
    ip: Mapped[str | None] = mapped_column(String(64))
    user_ref: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict | None] = mapped_column(JSONDoc)
