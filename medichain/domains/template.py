"""The domain template (the seed's Template pattern): what every domain package implements.

A domain is one package exposing a `DomainTemplate`, registered under the `medichain.domains` entry
point group; the gateway, the router and the web client find it there and need no edit.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from fastapi import APIRouter

from medichain.config import Settings
from medichain.core.text import Language

if TYPE_CHECKING:
    from medichain.core.db.shards import Databases
    from medichain.knowledge.service import KnowledgeBase


@dataclass(frozen=True, slots=True)
class GeoPoint:
    """A WGS84 location."""

    lat: float
    lng: float


@dataclass(frozen=True, slots=True)
class Citation:
    """A source an answer relies on (the response object's `citations[]`)."""

    id: str
    title: str
    source: str
    snippet: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class InteractionFinding:
    """One checked pair of drugs (the response object's `interactions[]`)."""

    drugs: tuple[str, str]
    severity: str
    summary: str
    management: str = ""
    ingredients: tuple[str, str] = ("", "")
    source: str = ""


@dataclass(frozen=True, slots=True)
class HospitalHit:
    """A facility near the person (the response object's `hospitals[]`)."""

    name: str
    address: str
    phone: str
    distance_km: float
    emergency: bool
    type: str = ""
    open_now: bool | None = None
    departments: tuple[str, ...] = ()
    lat: float = 0.0
    lng: float = 0.0
    sample: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """A block of a grounded answer: a heading and points, each point citing sources by id."""

    heading: str
    points: tuple[str, ...]
    citation_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Query:
    """One person's message as a domain sees it."""

    text: str
    lang: Language
    location: GeoPoint | None = None
    medications: tuple[str, ...] = ()
    previous_entities: tuple[str, ...] = ()
    triage_level: int = 5
    red_flags: tuple[str, ...] = ()
    information_question: bool = False


@dataclass(slots=True)
class DomainAnswer:
    """What a domain found: structured sections with citations, plus lookups for the response object.

    `entities` (e.g. drug ids) are remembered for follow-up questions. `personalised` marks answers
    that depend on the person's profile or location: those are never served from the shared cache.
    """

    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    interactions: list[InteractionFinding] = field(default_factory=list)
    hospitals: list[HospitalHit] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    personalised: bool = False
    found: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class DomainContext:
    """Shared resources handed to every domain at startup and per question."""

    settings: Settings
    dbs: "Databases"
    knowledge: "KnowledgeBase"
    domains: Mapping[str, "DomainTemplate"] = field(default_factory=dict)


@runtime_checkable
class DomainTemplate(Protocol):
    """What a domain implements."""

    name: str
    description: Mapping[str, str]
    """One line per language ("ko", "en"), used in clarifying questions and shown in the UI."""

    @property
    def examples(self) -> list[str]:
        """Labelled example messages that teach the router this domain."""
        ...

    async def install(self, ctx: DomainContext) -> dict[str, int]:
        """Load the domain's bundled data into its tables (idempotent); returns counts."""
        ...

    async def startup(self, ctx: DomainContext) -> None:
        """Load catalogs and indexes from the databases; called once per process."""
        ...

    async def answer(self, query: Query, ctx: DomainContext) -> DomainAnswer:
        """Retrieve and look up what answers the question (no free text generation here)."""
        ...

    def router(self) -> APIRouter | None:
        """The domain's own REST endpoints, mounted by the application (or None)."""
        ...
