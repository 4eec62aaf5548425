"""The seed's `hospital_information` table in the global database."""

from datetime import datetime

from sqlalchemy import Boolean, Double, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from medichain.core.db.base import BigIntPK, GlobalBase, JSONDoc, UTCDateTime, utcnow


class HospitalInformation(GlobalBase):
    """A healthcare facility; `code` is the bundled id, HIRA `ykiho` or E-Gen `hpid`."""

    __tablename__ = "hospital_information"
    __table_args__ = (Index("idx_location", "latitude", "longitude"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(128), unique=True)
    hospital_name: Mapped[str] = mapped_column(String(255), index=True)
    name_en: Mapped[str] = mapped_column(String(255), default="")
    hospital_type: Mapped[str] = mapped_column(String(100), default="", index=True)
    city: Mapped[str] = mapped_column(String(50), default="")
    district: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None] = mapped_column(Double)
    longitude: Mapped[float | None] = mapped_column(Double)
    phone: Mapped[str] = mapped_column(String(40), default="")
    website: Mapped[str] = mapped_column(String(255), default="")
    departments: Mapped[list] = mapped_column(JSONDoc, default=list)
    operating_hours: Mapped[dict] = mapped_column(JSONDoc, default=dict)
    emergency_available: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    er_phone: Mapped[str] = mapped_column(String(40), default="")
    er_beds: Mapped[int | None] = mapped_column(Integer)
    er_updated: Mapped[str] = mapped_column(String(20), default="")
    sample: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(500), default="")
    origin: Mapped[str] = mapped_column(String(32), default="bundled")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
