"""Drug search, detail and interaction check under `/api/v1` (public reference data)."""

from typing import Annotated, cast

from fastapi import APIRouter, Path, Query

from medichain.core.errors import ApiError, error_responses
from medichain.domains.deps import DrugDomainDep
from medichain.domains.drug.catalog import Drug, DrugCatalog, Resolved
from medichain.domains.drug.schemas import (
    Bilingual,
    DrugDetail,
    DrugSummary,
    InteractionCheckRequest,
    InteractionCheckResult,
    InteractionOut,
    ResolvedDrug,
)

router = APIRouter(prefix="/api/v1", tags=["drugs"], responses=error_responses(404))
"""404: the drug domain is not enabled (or, for one drug, no such id)."""


def _catalog(domain: object) -> DrugCatalog:
    return cast(DrugCatalog, domain.catalog)  # type: ignore[attr-defined]


def _summary(drug: Drug) -> DrugSummary:
    record = drug.record
    return DrugSummary(
        id=drug.code,
        name=Bilingual(**record.get("name", {})),
        ingredients=[Bilingual(ko=i.ko, en=i.en) for i in drug.ingredients],
        category=Bilingual(**(record.get("category") or {})),
        prescription_required=bool(record.get("prescription_required", True)),
    )


@router.get("/drugs")
async def search_drugs(
    domain: DrugDomainDep,
    q: Annotated[
        str, Query(min_length=1, max_length=100, description="brand, ingredient, Korean or English")
    ],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[DrugSummary]:
    """Drugs matching a name, for search and autocomplete (prefix first, then fuzzy)."""
    return [_summary(drug) for drug in _catalog(domain).search(q, limit)]


@router.get("/drugs/{drug_id}")
async def drug_detail(domain: DrugDomainDep, drug_id: Annotated[str, Path(max_length=64)]) -> DrugDetail:
    """One drug with its full bilingual record (indications, usage, side effects, cautions, source)."""
    drug = _catalog(domain).get(drug_id)
    if drug is None:
        raise ApiError(404, "not_found", f"no drug with id {drug_id!r}")
    return DrugDetail(**_summary(drug).model_dump(), record=drug.record)


@router.post("/interactions/check")
async def check_interactions(body: InteractionCheckRequest, domain: DrugDomainDep) -> InteractionCheckResult:
    """Check every pair among the named drugs: known interactions with severity, and duplicated ingredients."""
    catalog = _catalog(domain)
    resolved: list[Resolved] = []
    unresolved: list[str] = []
    for name in body.drugs:
        match = catalog.lookup(name)
        if match is None:
            unresolved.append(name)
        elif all(r.entity_id != match.entity_id for r in resolved):
            resolved.append(match)
    findings = catalog.check(resolved, "en" if body.lang == "en" else "ko")
    return InteractionCheckResult(
        resolved=[ResolvedDrug(query=r.query, id=r.entity_id, name=r.label, score=r.score) for r in resolved],
        unresolved=unresolved,
        pairs_checked=len(resolved) * (len(resolved) - 1) // 2,
        interactions=[InteractionOut.of(f) for f in findings],
    )
