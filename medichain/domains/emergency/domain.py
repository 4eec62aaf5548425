"""The emergency domain template: first-aid passages and the nearest emergency rooms.

Triage itself runs before routing on every message (medichain.triage); this domain answers the
questions routed to it (first aid, when to call 119) and lists emergency rooms near the person.
"""

from typing import TYPE_CHECKING, ClassVar, cast

from fastapi import APIRouter

from medichain.domains.examples import load_examples
from medichain.domains.retrieval import answer_from_passages, retrieve_sections
from medichain.domains.template import DomainAnswer, DomainContext, Query, Section

if TYPE_CHECKING:
    from medichain.domains.clinic.domain import ClinicDomain

_ER_HEADING = {"ko": "가까운 응급실", "en": "Nearest emergency rooms"}
MAX_GUIDES = 2
MAX_GUIDE_SECTIONS = 3
GUIDE_BY_FLAG = {
    "cardiac_arrest": "firstaid-cpr-aed",
    "collapse": "firstaid-cpr-aed",
    "respiratory_failure": "firstaid-cpr-aed",
    "chest_pain_cardiac": "emergency-heart-attack",
    "heart_attack_self": "emergency-heart-attack",
    "aortic_dissection": "emergency-aortic-dissection",
    "stroke_signs": "emergency-stroke-befast",
    "stroke_self": "emergency-stroke-befast",
    "thunderclap_headache": "emergency-stroke-befast",
    "choking": "firstaid-choking",
    "anaphylaxis": "emergency-anaphylaxis-signs",
    "airway_closing": "firstaid-bee-sting-anaphylaxis",
    "severe_bleeding": "firstaid-bleeding",
    "bleeding_uncontrolled": "firstaid-bleeding",
    "major_trauma_shock": "firstaid-bleeding",
    "seizure": "firstaid-seizure",
    "status_epilepticus": "firstaid-seizure",
    "suicidal_intent": "emergency-suicide-crisis",
    "suicidal_plan": "emergency-suicide-crisis",
    "suicidal_thoughts": "emergency-suicide-crisis",
    "self_harm_injury": "emergency-suicide-crisis",
    "poisoning": "firstaid-poisoning",
    "overdose": "firstaid-poisoning",
    "carbon_monoxide": "firstaid-carbon-monoxide",
    "infant_fever": "emergency-infant-fever",
    "child_high_fever": "emergency-child-danger-signs",
    "pregnancy_emergency": "emergency-pregnancy-danger-signs",
    "reduced_fetal_movement": "emergency-pregnancy-danger-signs",
    "head_injury": "emergency-head-injury-danger-signs",
    "severe_burn": "firstaid-burns",
    "hypoglycemia": "firstaid-hypoglycemia",
    "electrocution": "firstaid-electric-shock",
    "near_drowning": "firstaid-drowning",
    "snake_bite": "firstaid-snake-bite",
    "severe_abdominal_pain": "emergency-abdominal-pain",
    "dehydration": "emergency-severe-dehydration",
}
"""Emergency-sign and first-aid articles for the red flags of `medichain.triage` (others are retrieved)."""


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
        guides = await self._guides(query, ctx)
        answer = guides if guides.found else await retrieve_sections(ctx, query, domains=["emergency"], k=3)
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

    async def _guides(self, query: Query, ctx: DomainContext) -> DomainAnswer:
        """The emergency-sign and first-aid articles of the red flags triage found, in order."""
        docs = list(dict.fromkeys(GUIDE_BY_FLAG[f] for f in query.red_flags if f in GUIDE_BY_FLAG))
        if not docs:
            return DomainAnswer(found=False)
        index = await ctx.knowledge.index(ctx.dbs)
        passages = [
            passage
            for doc in docs[:MAX_GUIDES]
            for section in range(1, MAX_GUIDE_SECTIONS + 1)
            if (passage := index.get(f"{doc}#{section}.{query.lang}")) is not None
        ]
        return answer_from_passages(passages)

    def router(self) -> APIRouter | None:
        """No endpoints of its own (hospital search lives in the clinic domain)."""
        return None
