"""Admin endpoints for security events and IP blocks."""

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status
from pydantic import BaseModel, ConfigDict

from medichain.accounts.auth import ADMIN_ONLY, AdminUser
from medichain.deps import PlatformDep

router = APIRouter(prefix="/api/v1/admin", tags=["admin"], responses=ADMIN_ONLY)


class SecurityEventOut(BaseModel):
    """One stored security event."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    kind: str
    severity: str
    ip: str | None
    user_ref: str | None
    request_id: str | None
    detail: dict[str, Any] | None


@router.get("/security-events")
async def security_events(
    _: AdminUser,
    platform: PlatformDep,
    kind: Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]+$")] = None,
    ip: Annotated[str | None, Query(max_length=64)] = None,
    user_id: Annotated[str | None, Query(max_length=100)] = None,
    since: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[SecurityEventOut]:
    """Newest first; filter by kind, IP, user (matched through its keyed hash) and time."""
    events = await platform.audit.events(kind=kind, ip=ip, user_id=user_id, since=since, limit=limit)
    return [SecurityEventOut.model_validate(event) for event in events]


@router.delete("/ip-blocks/{ip}", status_code=status.HTTP_204_NO_CONTENT)
async def unblock_ip(ip: Annotated[str, Path(max_length=64)], _: AdminUser, platform: PlatformDep) -> None:
    """Lift an automatic IP block early."""
    await platform.audit.unblock_ip(ip)
