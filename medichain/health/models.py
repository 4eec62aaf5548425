"""The seed's `service_health` table in the global database."""

from datetime import datetime

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from medichain.core.db.base import GlobalBase, UTCDateTime, utcnow


class ServiceHealth(GlobalBase):
    """Last known state of one service."""

    __tablename__ = "service_health"
    __table_args__ = (Index("idx_status_time", "status", "last_check"),)

    service_name: Mapped[str] = mapped_column(String(100), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="healthy")
    last_check: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    response_time_ms: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    detail: Mapped[str] = mapped_column(String(255), default="")
