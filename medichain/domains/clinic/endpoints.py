"""Hospital search and departments under `/api/v1` (public reference data)."""

from dataclasses import asdict
from typing import Annotated, cast

from fastapi import APIRouter, Query
from pydantic import BaseModel

from medichain.core.errors import error_responses
from medichain.core.text import Language
from medichain.domains.clinic.departments import Department
from medichain.domains.deps import ClinicDomainDep
from medichain.domains.template import GeoPoint

router = APIRouter(prefix="/api/v1", tags=["hospitals"], responses=error_responses(404))
"""404: the clinic domain is not enabled."""


class HospitalOut(BaseModel):
    """A facility with its distance from the query point."""

    name: str
    address: str
    phone: str
    distance_km: float
    emergency: bool
    type: str
    open_now: bool | None
    departments: list[str]
    lat: float
    lng: float
    sample: bool


class DepartmentOut(BaseModel):
    """A department."""

    code: str
    name: dict[str, str]
    description: dict[str, str]


class DepartmentSuggestion(DepartmentOut):
    """A department suggested for the words of a message."""

    score: float
    matched: list[str]


def _department(department: Department) -> DepartmentOut:
    return DepartmentOut(code=department.code, name=department.name, description=department.description)


@router.get("/hospitals")
async def hospitals_near(
    domain: ClinicDomainDep,
    lat: Annotated[float, Query(ge=-90, le=90)],
    lng: Annotated[float, Query(ge=-180, le=180)],
    radius_km: Annotated[float, Query(gt=0, le=50)] = 5.0,
    department: Annotated[
        str | None, Query(max_length=50, description="Korean name, alias or English")
    ] = None,
    emergency: bool | None = None,
    open_now: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[HospitalOut]:
    """Facilities within the radius, nearest first (grid prefilter, then exact distance)."""
    from medichain.domains.clinic.domain import ClinicDomain

    clinic = cast(ClinicDomain, domain)
    names: list[str] = []
    if department:
        matched = clinic.departments.named_in(department)
        names = [d.name["ko"] for d in matched] or [department]
    hits = clinic.finder.near(
        GeoPoint(lat, lng),
        radius_km=radius_km,
        departments=names,
        emergency=emergency,
        open_now=open_now,
        limit=limit,
    )
    return [HospitalOut(**{**asdict(hit), "departments": list(hit.departments)}) for hit in hits]


@router.get("/departments")
async def departments(domain: ClinicDomainDep) -> list[DepartmentOut]:
    """Every department."""
    return [_department(d) for d in domain.departments.departments]  # type: ignore[attr-defined]


@router.get("/departments/suggest")
async def suggest_departments(
    domain: ClinicDomainDep, q: Annotated[str, Query(min_length=1, max_length=500)], lang: Language = "ko"
) -> list[DepartmentSuggestion]:
    """Departments whose symptom words appear in the text, best first."""
    suggestions = domain.departments.suggest(q)  # type: ignore[attr-defined]
    return [
        DepartmentSuggestion(**_department(s.department).model_dump(), score=s.score, matched=list(s.matched))
        for s in suggestions
    ]
