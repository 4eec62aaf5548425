"""The general domain template: grounded passages from the knowledge articles."""

from typing import ClassVar

from fastapi import APIRouter

from medichain.domains.examples import load_examples
from medichain.domains.retrieval import retrieve_sections
from medichain.domains.template import DomainAnswer, DomainContext, Query


class GeneralDomain:
    """General medical information: symptoms, conditions, prevention, lifestyle."""

    name = "general"
    description: ClassVar[dict[str, str]] = {
        "ko": "증상·질환·예방 등 일반 의학 정보",
        "en": "Symptoms, conditions and prevention",
    }

    @property
    def examples(self) -> list[str]:
        """Router examples from examples.txt."""
        return load_examples(__package__ or "medichain.domains.general")

    async def install(self, ctx: DomainContext) -> dict[str, int]:
        """Articles are bundled with the knowledge base; nothing of its own to load."""
        return {}

    async def startup(self, ctx: DomainContext) -> None:
        """Nothing to load."""

    async def answer(self, query: Query, ctx: DomainContext) -> DomainAnswer:
        """The best passages across the general, emergency and clinic articles."""
        return await retrieve_sections(ctx, query, domains=["general", "emergency", "clinic"], k=4)

    def router(self) -> APIRouter | None:
        """Knowledge search lives in the knowledge package; no endpoints of its own."""
        return None
