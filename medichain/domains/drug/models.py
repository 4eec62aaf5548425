"""Drug reference tables in the global database (the seed's `drug_information`, plus interactions)."""

from datetime import datetime

from sqlalchemy import Boolean, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from medichain.core.db.base import BigIntPK, GlobalBase, JSONDoc, UTCDateTime, utcnow


class DrugInformation(GlobalBase):
    """One medicine. The seed's columns hold the Korean text; `record` holds the full bilingual record."""

    __tablename__ = "drug_information"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    drug_code: Mapped[str] = mapped_column(String(64), unique=True)
    drug_name: Mapped[str] = mapped_column(String(255), index=True)
    drug_name_en: Mapped[str] = mapped_column(String(255), default="")
    generic_name: Mapped[str] = mapped_column(String(255), default="")
    category: Mapped[str] = mapped_column(String(100), default="", index=True)
    manufacturer: Mapped[str] = mapped_column(String(255), default="")
    dosage_form: Mapped[str] = mapped_column(String(100), default="")
    strength: Mapped[str] = mapped_column(String(100), default="")
    indications: Mapped[str] = mapped_column(Text, default="")
    contraindications: Mapped[str] = mapped_column(Text, default="")
    side_effects: Mapped[str] = mapped_column(Text, default="")
    drug_interactions: Mapped[str] = mapped_column(Text, default="")
    storage_conditions: Mapped[str] = mapped_column(Text, default="")
    prescription_required: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    record: Mapped[dict] = mapped_column(JSONDoc)
    source: Mapped[str] = mapped_column(String(500), default="")
    origin: Mapped[str] = mapped_column(String(32), default="bundled")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class DrugInteraction(GlobalBase):
    """An interaction between two ingredients; `ingredient_a` < `ingredient_b` (lower-case English names)."""

    __tablename__ = "drug_interaction"
    __table_args__ = (
        UniqueConstraint("ingredient_a", "ingredient_b", name="uq_interaction_pair"),
        Index("idx_interaction_b", "ingredient_b"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    ingredient_a: Mapped[str] = mapped_column(String(120))
    ingredient_b: Mapped[str] = mapped_column(String(120))
    severity: Mapped[str] = mapped_column(String(16))
    record: Mapped[dict] = mapped_column(JSONDoc)
    source: Mapped[str] = mapped_column(String(500), default="")
    origin: Mapped[str] = mapped_column(String(32), default="bundled")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
