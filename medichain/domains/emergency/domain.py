"""The emergency domain template: first-aid passages and the nearest emergency rooms.

Triage itself runs before routing on every message (medichain.triage); this domain answers the
questions routed to it (first aid, when to call 119) and lists emergency rooms near the person.
"""

from typing import TYPE_CHECKING, ClassVar, cast

from fastapi import APIRouter

from medichain.domains.examples import load_examples
from medichain.domains.retrieval import retrieve_sections
from medichain.domains.template import DomainAnswer, DomainContext, Query, Section

if TYPE_CHECKING:
    from medichain.domains.clinic.domain import ClinicDomain

_ER_HEADING = {"ko": "가까운 응급실", "en": "Nearest emergency rooms"}


class EmergencyDomain:
    """First aid and emergency rooms."""

    name = "emergency"
    description: ClassVar[dict[str, str]] = {
        "ko": "응급 상황, 응급처치, 가까운 응급실",
        "en": "Emergencies, first aid, nearest ERs",
    }

    @property
    def examples(self) -> list[str]:
        """Router examples from examples.txt."""
        return load_examples(__package__ or "medichain.domains.emergency")

    async def install(self, ctx: DomainContext) -> dict[str, int]:
        """First-aid articles are bundled with the knowledge base; nothing of its own to load."""
        return {}

    async def startup(self, ctx: DomainContext) -> None:
        """Nothing to load: it reads the knowledge index and the clinic domain's facilities."""

    async def answer(self, query: Query, ctx: DomainContext) -> DomainAnswer:
        """First-aid passages, plus emergency rooms near the person when the location is known."""
        answer = await retrieve_sections(ctx, query, domains=["emergency"], k=3)
        clinic = cast("ClinicDomain | None", ctx.domains.get("clinic"))
        if query.location is not None and clinic is not None:
            answer.hospitals, _ = clinic.nearby(query.location, [], emergency=True, limit=3)
            answer.personalised = True
            if answer.hospitals:
                points = tuple(
                    f"**{h.name}** — {h.distance_km:.1f}km, {h.address}"
                    + (f", ☎ {h.phone}" if h.phone else "")
                    for h in answer.hospitals
                )
                answer.sections.insert(0, Section(_ER_HEADING[query.lang], points))
        return answer

    def router(self) -> APIRouter | None:
        """No endpoints of its own (hospital search lives in the clinic domain)."""
        return None
