"""REST endpoints for accounts under `/api/v1`: thin — parse, authorise, call the service."""

from typing import Any

from fastapi import APIRouter, status

from medichain.accounts.auth import AccountsDep, CurrentUser
from medichain.accounts.schemas import (
    AccountDeletion,
    LoginRequest,
    PasswordChange,
    Profile,
    ProfileFields,
    ProfileUpdate,
    RefreshRequest,
    SignupRequest,
    TokenPair,
)
from medichain.core.errors import error_responses
from medichain.deps import AuthRateLimit, ClientIP

router = APIRouter(prefix="/api/v1", tags=["accounts"])
OWN_ACCOUNT = error_responses(401, 404)
"""The caller's account: 404 when it was deleted while the token was still valid (wrong passwords given to
change the password or delete the account count towards the lockout: 423)."""


@router.post(
    "/auth/signup",
    status_code=status.HTTP_201_CREATED,
    dependencies=[AuthRateLimit],
    responses=error_responses(409),
)
async def signup(body: SignupRequest, accounts: AccountsDep) -> TokenPair:
    """Create an account (placed on the least-loaded shard) and log it in."""
    profile = ProfileFields.model_validate(
        body.model_dump(exclude={"user_id", "password"}, exclude_unset=True)
    )
    return await accounts.signup(body.user_id, body.password, profile)


@router.post("/auth/login", dependencies=[AuthRateLimit], responses=error_responses(401, 423))
async def login(body: LoginRequest, accounts: AccountsDep, ip: ClientIP) -> TokenPair:
    """Log in with user id or email. Five failures in 15 minutes lock the account for 30 minutes."""
    return await accounts.login(body.login, body.password, ip)


@router.post("/auth/refresh", dependencies=[AuthRateLimit], responses=error_responses(401))
async def refresh(body: RefreshRequest, accounts: AccountsDep, ip: ClientIP) -> TokenPair:
    """Rotate the refresh token. Reusing an old one ends every session of its family."""
    return await accounts.refresh(body.refresh_token, ip)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(401))
async def logout(user: CurrentUser, accounts: AccountsDep) -> None:
    """End this session: its access and refresh tokens stop working at once."""
    await accounts.logout(user)


@router.get("/account/profile", responses=OWN_ACCOUNT)
async def read_profile(user: CurrentUser, accounts: AccountsDep) -> Profile:
    """The caller's profile, decrypted."""
    return await accounts.profile(user.user_id)


@router.patch("/account/profile", responses=OWN_ACCOUNT | error_responses(409))
async def update_profile(body: ProfileUpdate, user: CurrentUser, accounts: AccountsDep) -> Profile:
    """Change profile fields; null clears a field, an absent field is kept."""
    return await accounts.update_profile(user.user_id, body)


@router.post(
    "/account/password", status_code=status.HTTP_204_NO_CONTENT, responses=OWN_ACCOUNT | error_responses(423)
)
async def change_password(body: PasswordChange, user: CurrentUser, accounts: AccountsDep) -> None:
    """Change the password; every other session ends."""
    await accounts.change_password(user, body.current_password, body.new_password)


@router.get("/account/export", responses=OWN_ACCOUNT)
async def export_data(user: CurrentUser, accounts: AccountsDep) -> dict[str, Any]:
    """Everything stored about the caller (PIPA right of access and portability)."""
    return await accounts.export(user.user_id)


@router.post(
    "/account/delete", status_code=status.HTTP_204_NO_CONTENT, responses=OWN_ACCOUNT | error_responses(423)
)
async def delete_account(body: AccountDeletion, user: CurrentUser, accounts: AccountsDep) -> None:
    """Delete the account and all its data on every store (PIPA right to erasure)."""
    await accounts.delete_account(user.user_id, body.password)
