"""The drug domain template: resolves the medicines a person names, answers the aspect asked about from
the drug records, and checks every pair (including the medicines saved in the profile)."""

from typing import ClassVar

from fastapi import APIRouter

from medichain.core.text import Language
from medichain.domains.drug.aspects import OVERVIEW, aspects_of
from medichain.domains.drug.catalog import Drug, DrugCatalog, Resolved
from medichain.domains.drug.store import (
    bundled_drugs,
    bundled_interactions,
    load_catalog,
    upsert_drugs,
    upsert_interactions,
)
from medichain.domains.drug.wording import SEVERITY_LABEL
from medichain.domains.examples import load_examples
from medichain.domains.retrieval import retrieve_sections
from medichain.domains.template import (
    Citation,
    DomainAnswer,
    DomainContext,
    InteractionFinding,
    Query,
    Section,
)

LABELS: dict[str, dict[str, str]] = {
    "indications": {"ko": "효능·효과", "en": "What it is for"},
    "usage": {"ko": "복용 방법(허가 사항 기준)", "en": "How it is usually taken (label)"},
    "side_effects": {"ko": "흔한 부작용", "en": "Common side effects"},
    "serious_side_effects": {"ko": "바로 진료가 필요한 이상 증상", "en": "Seek care at once for"},
    "contraindications": {"ko": "복용하면 안 되는 경우", "en": "Do not take it if"},
    "interactions": {"ko": "함께 먹을 때 주의할 약", "en": "Interactions"},
    "storage": {"ko": "보관 방법", "en": "Storage"},
    "pregnancy": {"ko": "임신·수유 중", "en": "Pregnancy and breastfeeding"},
    "elderly": {"ko": "어르신", "en": "Older adults"},
}
_RX: dict[str, dict[bool, str]] = {
    "ko": {True: "전문의약품(의사 처방 필요)", False: "일반의약품"},
    "en": {True: "prescription-only", False: "over the counter"},
}
_INTERACTION_HEADING = {"ko": "함께 복용할 때", "en": "Taking them together"}
_UNKNOWN_DRUG = {
    "ko": "질문에서 약 이름을 찾지 못했습니다. 제품명이나 성분명(예: 타이레놀, 아세트아미노펜)을 알려 주세요.",
    "en": "I could not find a medicine name in the question. Please give the product or ingredient name "
    "(e.g. Tylenol, acetaminophen).",
}
_PROFILE_NOTE = {
    "ko": "프로필에 저장된 복용약({names})도 함께 확인했습니다.",
    "en": "Your saved medicines ({names}) were checked too.",
}


class DrugDomain:
    """Medicines: what they are for, how they are taken, side effects, storage, interactions."""

    name = "drug"
    description: ClassVar[dict[str, str]] = {
        "ko": "의약품 정보와 약물 상호작용",
        "en": "Medicines and drug interactions",
    }

    def __init__(self) -> None:
        self.catalog = DrugCatalog([], [])

    @property
    def examples(self) -> list[str]:
        """Router examples from examples.txt."""
        return load_examples(__package__ or "medichain.domains.drug")

    async def install(self, ctx: DomainContext) -> dict[str, int]:
        """Load the bundled drugs and interactions."""
        async with ctx.dbs.global_sessions.begin() as session:
            drugs = await upsert_drugs(session, bundled_drugs(), "bundled")
            interactions = await upsert_interactions(session, bundled_interactions(), "bundled")
        return {
            "drugs": drugs.inserted + drugs.updated,
            "interactions": interactions.inserted + interactions.updated,
        }

    async def startup(self, ctx: DomainContext) -> None:
        """Load the catalog from the database."""
        async with ctx.dbs.global_sessions() as session:
            self.catalog = await load_catalog(session)

    async def answer(self, query: Query, ctx: DomainContext) -> DomainAnswer:
        """Sections for each medicine named (or remembered from the previous turn) and pair checks."""
        lang = query.lang
        mentioned = self.catalog.mentions(query.text)
        follow_up = not mentioned
        if follow_up:
            mentioned = [r for entity in query.previous_entities if (r := self.catalog.entity(entity))]
        saved = self._saved(query.medications, mentioned)
        if not mentioned:
            answer = await retrieve_sections(ctx, query, domains=["drug", "general"])
            if not answer.found:
                answer.sections.insert(0, Section(heading="", points=(_UNKNOWN_DRUG[lang],)))
            return answer

        aspects = aspects_of(query.text) or (list(OVERVIEW) if not follow_up else ["indications"])
        answer = DomainAnswer(entities=[r.entity_id for r in mentioned], personalised=bool(saved))
        for item in mentioned:
            for drug in self._products(item)[:1]:
                answer.sections.append(self._drug_section(drug, aspects, lang))
                answer.citations.append(_drug_citation(drug, lang))
        checked = mentioned + saved
        if len(checked) >= 2:
            answer.interactions = self.catalog.check(checked, lang)
            points = [_finding_point(f, lang) for f in answer.interactions]
            if saved:
                points.append(_PROFILE_NOTE[lang].format(names=", ".join(r.label for r in saved)))
            answer.sections.insert(0, Section(_INTERACTION_HEADING[lang], tuple(points)))
            answer.citations += _interaction_citations(self.catalog, answer.interactions, lang)
        return answer

    def router(self) -> APIRouter:
        """Drug search, detail and interaction check endpoints."""
        from medichain.domains.drug.endpoints import router

        return router

    # --- helpers

    def _saved(self, medications: tuple[str, ...], mentioned: list[Resolved]) -> list[Resolved]:
        seen = {r.entity_id for r in mentioned}
        saved = []
        for name in medications:
            match = self.catalog.lookup(name)
            if match is not None and match.entity_id not in seen:
                seen.add(match.entity_id)
                saved.append(match)
        return saved

    def _products(self, item: Resolved) -> list[Drug]:
        if item.is_product:
            return [self.catalog.drugs[item.entity_id]]
        key = item.entity_id.removeprefix("ingredient:")
        single = [d for d in self.catalog.drugs.values() if [i.key for i in d.ingredients] == [key]]
        return single or [d for d in self.catalog.drugs.values() if any(i.key == key for i in d.ingredients)]

    def _drug_section(self, drug: Drug, aspects: list[str], lang: Language) -> Section:
        points: list[str] = []
        for aspect in aspects:
            fields = ("side_effects", "serious_side_effects") if aspect == "side_effects" else (aspect,)
            for field_name in fields:
                value = drug.text(field_name, lang)
                if value:
                    text = ", ".join(value) if isinstance(value, list) else value
                    points.append(f"**{LABELS[field_name][lang]}**: {text}")
        rx = _RX[lang][bool(drug.record.get("prescription_required", True))]
        return Section(f"{drug.name(lang)} ({rx})", tuple(points), (f"drug:{drug.code}",))


def _drug_citation(drug: Drug, lang: Language) -> Citation:
    snippet = drug.text("indications", lang)
    return Citation(
        id=f"drug:{drug.code}",
        title=drug.name(lang),
        source=str(drug.record.get("source", "")),
        snippet=snippet if isinstance(snippet, str) else ", ".join(snippet),
    )


def _finding_point(finding: InteractionFinding, lang: Language) -> str:
    first, second = finding.drugs
    point = f"**{first} + {second}** — {SEVERITY_LABEL[lang][finding.severity]}: {finding.summary}"
    return f"{point} {finding.management}".strip()


def _interaction_citations(
    catalog: DrugCatalog, findings: list[InteractionFinding], lang: Language
) -> list[Citation]:
    citations = []
    for finding in findings:
        a, b = sorted(finding.ingredients)
        known = catalog.interactions.get((a, b))
        if known is not None:
            citations.append(
                Citation(
                    id=f"interaction:{a}--{b}",
                    title=f"{finding.drugs[0]} + {finding.drugs[1]}",
                    source=str(known.record.get("source", "")),
                    snippet=known.text("mechanism", lang),
                )
            )
    return citations
