"""Liveness, readiness and the admin view of service health."""

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from medichain.accounts.auth import ADMIN_ONLY, AdminUser
from medichain.deps import PlatformDep
from medichain.health.service import check_dependencies, record_health, service_health

router = APIRouter(tags=["health"])


class ServiceHealthOut(BaseModel):
    """One row of `service_health`."""

    model_config = ConfigDict(from_attributes=True)

    service_name: str
    status: str
    last_check: datetime
    response_time_ms: int
    error_count: int
    detail: str


@router.get("/health")
async def health(platform: PlatformDep) -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok", "service": platform.service_name}


class CheckOut(BaseModel):
    """One dependency probed by `/ready`."""

    ok: bool
    latency_ms: float
    error: str


class ReadinessOut(BaseModel):
    """Each dependency's state; `status` is "ready" only when all of them answer."""

    status: Literal["ready", "unavailable"]
    checks: dict[str, CheckOut]


@router.get(
    "/ready",
    response_model=ReadinessOut,
    responses={503: {"model": ReadinessOut, "description": "a dependency is unreachable"}},
)
async def ready(platform: PlatformDep) -> Any:
    """Readiness: databases and the shared store answer (503 otherwise, with the failing checks)."""
    checks = await check_dependencies(platform)
    await record_health(platform, platform.service_name, checks)
    body = {
        "status": "ready" if all(c.ok for c in checks) else "unavailable",
        "checks": {
            c.name: {"ok": c.ok, "latency_ms": round(c.latency_ms, 2), "error": c.error} for c in checks
        },
    }
    return JSONResponse(body, status_code=200 if body["status"] == "ready" else 503)


@router.get("/api/v1/admin/service-health", tags=["admin"], responses=ADMIN_ONLY)
async def admin_service_health(_: AdminUser, platform: PlatformDep) -> list[ServiceHealthOut]:
    """Last recorded state, latency and error count of each service."""
    return [ServiceHealthOut.model_validate(row) for row in await service_health(platform)]
