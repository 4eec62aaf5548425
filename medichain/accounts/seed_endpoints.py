"""The seed's account routes (`POST /account/signup|login|logout`), served by the same service."""

from fastapi import APIRouter
from pydantic import ValidationError

from medichain.accounts.auth import AccountsDep, authenticate_token
from medichain.accounts.errors import STATUS
from medichain.accounts.schemas import ProfileFields, SignupRequest
from medichain.accounts.seed_schemas import SeedAccountRequest, SeedRequest, SeedResponse
from medichain.accounts.service import AccountError
from medichain.deps import AuthRateLimit, ClientIP, PlatformDep

router = APIRouter(prefix="/account", tags=["seed protocol"])

SEED_CODES = {**STATUS, "unknown_user": 404, "weak_password": 400, "validation": 400}
"""errorCode for each failure: 401 bad credentials, 404 unknown user, 409 duplicate id (the seed's)."""


def _failure(exc: AccountError, sequence: int) -> SeedResponse:
    return SeedResponse(error_code=SEED_CODES.get(exc.code, 400), sequence=sequence, message=exc.message)


@router.post("/signup", dependencies=[AuthRateLimit], response_model_by_alias=True)
async def seed_signup(body: SeedAccountRequest, accounts: AccountsDep) -> SeedResponse:
    """Create an account; errorCode 409 when the id exists."""
    try:
        request = SignupRequest(user_id=body.id, password=body.password)
    except ValidationError as exc:
        message = exc.errors()[0]["msg"]
        return SeedResponse(error_code=400, sequence=body.sequence, message=message)
    try:
        pair = await accounts.signup(request.user_id, request.password, ProfileFields())
    except AccountError as exc:
        return _failure(exc, body.sequence)
    return SeedResponse(
        sequence=body.sequence, access_token=pair.access_token, refresh_token=pair.refresh_token
    )


@router.post("/login", dependencies=[AuthRateLimit], response_model_by_alias=True)
async def seed_login(body: SeedAccountRequest, accounts: AccountsDep, ip: ClientIP) -> SeedResponse:
    """Log in; errorCode 401 bad credentials, 404 unknown user, 423 locked."""
    try:
        pair = await accounts.login(body.id, body.password, ip)
    except AccountError as exc:
        return _failure(exc, body.sequence)
    return SeedResponse(
        sequence=body.sequence, access_token=pair.access_token, refresh_token=pair.refresh_token
    )


@router.post("/logout", response_model_by_alias=True)
async def seed_logout(
    body: SeedRequest, accounts: AccountsDep, platform: PlatformDep, ip: ClientIP
) -> SeedResponse:
    """End the session named by `accessToken`."""
    try:
        principal = await authenticate_token(body.access_token, platform, ip)
        await accounts.logout(principal)
    except AccountError as exc:
        return _failure(exc, body.sequence)
    return SeedResponse(sequence=body.sequence)
