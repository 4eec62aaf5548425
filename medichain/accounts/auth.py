"""Typed dependencies that read like English in a signature: `user: CurrentUser`, `admin: AdminUser`."""

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from medichain.accounts.service import AccountService, Principal
from medichain.core.errors import ApiError, error_responses
from medichain.core.ratelimit import Limit, RateLimited
from medichain.deps import ClientIP, PlatformDep

ADMIN_ONLY = error_responses(401, 403)
"""What an admin endpoint may also answer."""
_bearer = HTTPBearer(auto_error=False, description="Access token from /api/v1/auth/login")


def get_accounts(platform: PlatformDep) -> AccountService:
    """The account service."""
    return platform.accounts


AccountsDep = Annotated[AccountService, Depends(get_accounts)]


async def authenticate_token(token: str, platform: PlatformDep, ip: str) -> Principal:
    """Verify an access token and apply the caller's per-user rate limit (REST, seed and WebSocket)."""
    principal = await platform.accounts.authenticate(token, ip)
    settings = platform.settings
    try:
        await platform.limiter.hit(
            "user", principal.user_id, Limit(settings.rate_limit_user_per_s, settings.rate_limit_user_burst)
        )
    except RateLimited:
        await platform.audit.record(
            "rate_limited", ip=ip, user_id=principal.user_id, detail={"scope": "user"}, once_per_s=60
        )
        raise
    return principal


async def current_principal(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    platform: PlatformDep,
    ip: ClientIP,
) -> Principal:
    """The authenticated caller of a REST endpoint."""
    if credentials is None:
        raise ApiError(401, "unauthorized", "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    return await authenticate_token(credentials.credentials, platform, ip)


CurrentUser = Annotated[Principal, Depends(current_principal)]


async def admin_principal(principal: CurrentUser, platform: PlatformDep, ip: ClientIP) -> Principal:
    """The caller, who must hold the admin role."""
    if not principal.is_admin:
        await platform.audit.record("admin_denied", ip=ip, user_id=principal.user_id, once_per_s=60)
        raise ApiError(403, "forbidden", "admin role required")
    return principal


AdminUser = Annotated[Principal, Depends(admin_principal)]
