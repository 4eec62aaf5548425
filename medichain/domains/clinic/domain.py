"""The clinic domain template: suggests departments for a symptom and lists hospitals near the person."""

import re
from typing import ClassVar

from fastapi import APIRouter

from medichain.core.text import Language, normalize
from medichain.domains.clinic.departments import Department, DepartmentGuide, bundled_guide
from medichain.domains.clinic.finder import HospitalFinder
from medichain.domains.clinic.store import bundled_hospital_rows, load_finder, upsert_hospitals
from medichain.domains.examples import load_examples
from medichain.domains.retrieval import retrieve_sections
from medichain.domains.template import (
    Citation,
    DomainAnswer,
    DomainContext,
    GeoPoint,
    HospitalHit,
    Query,
    Section,
)

SEARCH_RADII_KM = (3.0, 7.0, 15.0, 30.0)
_OPEN_NOW = re.compile(r"지금|현재|열려|열린|여는|영업|야간|open now|open today|right now|tonight")
_HEADINGS = {
    "departments": {"ko": "어느 진료과가 맞을까요", "en": "Which department fits"},
    "hospitals": {"ko": "가까운 의료기관", "en": "Nearby facilities"},
}
_NO_LOCATION = {
    "ko": "위치를 공유해 주시면 가까운 병원을 거리순으로 알려 드릴게요.",
    "en": "Share your location and I will list the nearest facilities by distance.",
}
_NONE_NEAR = {
    "ko": "조건에 맞는 의료기관을 {radius:g}km 안에서 찾지 못했습니다.",
    "en": "No matching facility within {radius:g} km.",
}
_SAMPLE = {
    "ko": "병원 목록은 시연용 샘플 데이터입니다. 방문 전 전화로 진료 여부를 꼭 확인하세요.",
    "en": "The facility list is sample data for demonstration; call ahead before you go.",
}
_OPEN = {"ko": {True: "진료 중", False: "진료 시간 아님", None: "진료 시간 정보 없음"},
         "en": {True: "open now", False: "closed now", None: "hours unknown"}}  # fmt: skip


class ClinicDomain:
    """Departments for symptoms, hospitals nearby, opening hours."""

    name = "clinic"
    description: ClassVar[dict[str, str]] = {
        "ko": "진료과 안내와 가까운 병원 찾기",
        "en": "Which department, and hospitals nearby",
    }

    def __init__(self) -> None:
        self.finder = HospitalFinder([])
        self.departments: DepartmentGuide = bundled_guide()

    @property
    def examples(self) -> list[str]:
        """Router examples from examples.txt."""
        return load_examples(__package__ or "medichain.domains.clinic")

    async def install(self, ctx: DomainContext) -> dict[str, int]:
        """Load the bundled sample facilities."""
        async with ctx.dbs.global_sessions.begin() as session:
            counts = await upsert_hospitals(session, bundled_hospital_rows())
        return {"hospitals": counts.inserted + counts.updated}

    async def startup(self, ctx: DomainContext) -> None:
        """Load the spatial index from the database."""
        async with ctx.dbs.global_sessions() as session:
            self.finder = await load_finder(session)

    async def answer(self, query: Query, ctx: DomainContext) -> DomainAnswer:
        """Department suggestions (from symptom words, else from the best articles) and nearby facilities."""
        lang = query.lang
        named = self.departments.named_in(query.text)
        suggested = [s.department for s in self.departments.suggest(query.text)]
        answer = await retrieve_sections(ctx, query, domains=["clinic", "general"], k=2)
        if not suggested and not named:
            by_article = answer.extra.get("departments", [])
            suggested = [self.departments.by_name[d] for d in by_article if d in self.departments.by_name][:2]
        chosen = named or suggested[:2]
        if chosen:
            answer.sections.insert(0, self._department_section(chosen, lang))
            answer.citations.insert(0, _department_citation(chosen[0], lang))
        if query.location is None:
            answer.sections.append(Section(_HEADINGS["hospitals"][lang], (_NO_LOCATION[lang],)))
        else:
            answer.personalised = True
            open_now = bool(_OPEN_NOW.search(normalize(query.text)))
            answer.hospitals, radius = self.nearby(query.location, chosen[:1], open_now=open_now)
            answer.sections.append(self._hospital_section(answer.hospitals, radius, lang))
        answer.found = bool(chosen or answer.hospitals or answer.found)
        return answer

    def nearby(
        self,
        point: GeoPoint,
        departments: list[Department],
        *,
        emergency: bool | None = None,
        open_now: bool = False,
        limit: int = 5,
    ) -> tuple[list[HospitalHit], float]:
        """Facilities near a point, widening the radius until something is found."""
        names = [d.name["ko"] for d in departments]
        for radius in SEARCH_RADII_KM:
            hits = self.finder.near(
                point,
                radius_km=radius,
                departments=names,
                emergency=emergency,
                open_now=open_now or None,
                limit=limit,
            )
            if hits:
                return hits, radius
        return [], SEARCH_RADII_KM[-1]

    def router(self) -> APIRouter:
        """Hospital search and department endpoints."""
        from medichain.domains.clinic.endpoints import router

        return router

    @staticmethod
    def _department_section(departments: list[Department], lang: Language) -> Section:
        points = tuple(f"**{d.label(lang)}** — {d.description.get(lang, '')}" for d in departments)
        return Section(_HEADINGS["departments"][lang], points, (f"department:{departments[0].code}",))

    @staticmethod
    def _hospital_section(hits: list[HospitalHit], radius: float, lang: Language) -> Section:
        if not hits:
            return Section(_HEADINGS["hospitals"][lang], (_NONE_NEAR[lang].format(radius=radius),))
        points = [
            f"**{h.name}** ({h.type}) — {h.distance_km:.1f}km, {h.address}"
            + (f", ☎ {h.phone}" if h.phone else "")
            + f" · {_OPEN[lang][h.open_now]}"
            + (" · 응급실" if h.emergency and lang == "ko" else " · ER" if h.emergency else "")
            for h in hits
        ]
        if any(h.sample for h in hits):
            points.append(_SAMPLE[lang])
        return Section(_HEADINGS["hospitals"][lang], tuple(points))


def _department_citation(department: Department, lang: Language) -> Citation:
    return Citation(
        id=f"department:{department.code}",
        title=department.label(lang),
        source=department.source,
        snippet=department.description.get(lang, ""),
    )
