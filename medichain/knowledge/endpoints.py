"""Knowledge search under `/api/v1/knowledge` (public reference data)."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from medichain.deps import PlatformDep

router = APIRouter(prefix="/api/v1/knowledge", tags=["knowledge"])


class PassageHit(BaseModel):
    """A retrieved passage with its citation metadata and ranks."""

    id: str
    doc_id: str
    title: str
    section: str
    text: str
    lang: str
    domain: str
    source: str
    url: str | None
    score: float
    bm25_rank: int | None
    dense_rank: int | None


@router.get("/search")
async def search(
    platform: PlatformDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    k: Annotated[int, Query(ge=1, le=50)] = 5,
    domain: Annotated[str | None, Query(max_length=32)] = None,
    source: Annotated[str | None, Query(max_length=500)] = None,
    lang: Literal["ko", "en"] | None = None,
    mode: Literal["hybrid", "bm25", "dense"] = "hybrid",
) -> list[PassageHit]:
    """Hybrid (BM25 over Korean morphemes and English words + dense vectors, fused by RRF) search."""
    hits = await platform.knowledge.search(
        platform.dbs, q, k=k, domain=domain, source=source, lang=lang, mode=mode
    )
    return [
        PassageHit(
            id=h.passage.id,
            doc_id=h.passage.doc_id,
            title=h.passage.title,
            section=h.passage.section,
            text=h.passage.text,
            lang=h.passage.lang,
            domain=h.passage.domain,
            source=h.passage.source,
            url=h.passage.url,
            score=h.score,
            bm25_rank=h.bm25_rank,
            dense_rank=h.dense_rank,
        )
        for h in hits
    ]
