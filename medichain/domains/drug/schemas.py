"""Bodies of the drug endpoints."""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from medichain.domains.template import InteractionFinding

DrugName = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]


class Bilingual(BaseModel):
    """A text in Korean and English."""

    ko: str = ""
    en: str = ""


class DrugSummary(BaseModel):
    """A drug as listed by search and autocomplete."""

    id: str
    name: Bilingual
    ingredients: list[Bilingual]
    category: Bilingual
    prescription_required: bool


class DrugDetail(DrugSummary):
    """Everything known about one drug (the bilingual record)."""

    record: dict[str, Any]


class InteractionCheckRequest(BaseModel):
    """Drugs to check, by name (brand, ingredient, Korean or English, typos tolerated) or id."""

    model_config = ConfigDict(extra="forbid")

    drugs: list[DrugName] = Field(min_length=2, max_length=20)
    lang: str = Field("ko", pattern="^(ko|en)$")


class ResolvedDrug(BaseModel):
    """How one requested name was understood."""

    query: str
    id: str
    name: str
    score: float


class InteractionOut(BaseModel):
    """One checked pair."""

    drugs: list[str]
    severity: str
    summary: str
    management: str
    ingredients: list[str]
    source: str

    @classmethod
    def of(cls, finding: InteractionFinding) -> "InteractionOut":
        """From a domain finding."""
        return cls(
            drugs=list(finding.drugs),
            severity=finding.severity,
            summary=finding.summary,
            management=finding.management,
            ingredients=list(finding.ingredients),
            source=finding.source,
        )


class InteractionCheckResult(BaseModel):
    """Every pair among the resolved drugs, worst first; names that matched nothing are listed."""

    resolved: list[ResolvedDrug]
    unresolved: list[str]
    pairs_checked: int
    interactions: list[InteractionOut]
