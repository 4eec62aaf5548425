"""Typed FastAPI dependencies shared by every feature's endpoints."""

from typing import Annotated

from fastapi import Depends, Request

from medichain.config import Settings
from medichain.core.ratelimit import Limit
from medichain.platform import Platform


def get_platform(request: Request) -> Platform:
    """The platform started by the application's lifespan."""
    return request.app.state.platform


def get_client_ip(request: Request) -> str:
    """The caller's address as resolved by the edge middleware."""
    return getattr(request.state, "client_ip", None) or (request.client.host if request.client else "unknown")


PlatformDep = Annotated[Platform, Depends(get_platform)]
ClientIP = Annotated[str, Depends(get_client_ip)]


def get_settings_dep(platform: PlatformDep) -> Settings:
    """The settings the platform was started with."""
    return platform.settings


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


async def limit_auth_attempts(platform: PlatformDep, ip: ClientIP) -> None:
    """A stricter per-IP bucket for signup, login and refresh."""
    per_min = platform.settings.rate_limit_auth_per_min
    await platform.limiter.hit("auth", ip, Limit(per_min / 60, max(1, int(per_min))))


AuthRateLimit = Depends(limit_auth_attempts)
