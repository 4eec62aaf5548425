"""Prometheus metrics of the platform, exposed at `/metrics`."""

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, generate_latest

CACHE_LOOKUPS = Counter(
    "medichain_semantic_cache_lookups_total",
    "Semantic cache lookups by domain, language and result",
    ["domain", "lang", "result"],
)
TRIAGE_LEVELS = Counter("medichain_triage_level_total", "Messages by KTAS level", ["level"])

router = APIRouter(tags=["health"])


@router.get("/metrics", include_in_schema=False)
async def metrics() -> Response:
    """The Prometheus exposition of this process (the cache hit rate is hits / all lookups)."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
