"""`GET /api/v1/admin/stats` for the admin dashboard."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from medichain.accounts.auth import ADMIN_ONLY, AdminUser
from medichain.dashboard.service import dashboard_stats
from medichain.deps import PlatformDep

router = APIRouter(prefix="/api/v1/admin", tags=["admin"], responses=ADMIN_ONLY)


@router.get("/stats")
async def stats(
    _: AdminUser, platform: PlatformDep, days: Annotated[int, Query(ge=1, le=365)] = 7
) -> dict[str, Any]:
    """Chat volume per domain and day, latency percentiles, cache, feedback, triage levels, safety, health."""
    return await dashboard_stats(platform, days)
