"""The global `answer_log` table: one row per answered turn, with figures only (no message text, no user)."""

from datetime import datetime

from sqlalchemy import Boolean, Float, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from medichain.core.db.base import BigIntPK, GlobalBase, UTCDateTime, utcnow


class AnswerLog(GlobalBase):
    """How one answer went: who wrote it, how long it took, what it cost, how it scored, what it raised."""

    __tablename__ = "answer_log"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    domain: Mapped[str] = mapped_column(String(50))
    provider: Mapped[str] = mapped_column(String(40))
    lang: Mapped[str] = mapped_column(String(8))
    latency_ms: Mapped[int] = mapped_column(Integer)
    first_token_ms: Mapped[int | None] = mapped_column(Integer)
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    quality: Mapped[float] = mapped_column(Float)
    failed_checks: Mapped[str] = mapped_column(String(100), default="")
    cached: Mapped[bool] = mapped_column(Boolean, default=False)
    replaced: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence_found: Mapped[bool] = mapped_column(Boolean, default=True)
    triage_level: Mapped[int] = mapped_column(SmallInteger)
    alerts: Mapped[str] = mapped_column(String(40), default="")
