"""Admin endpoints for users and shards under `/api/v1/admin`."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Path, Query, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from medichain.accounts.auth import ADMIN_ONLY, AccountsDep, AdminUser
from medichain.accounts.schemas import USER_ID_PATTERN, UserSummary
from medichain.core.db.base import BIGINT_MAX, INT_MAX
from medichain.core.db.models import ShardInfo
from medichain.core.errors import ApiError, error_responses
from medichain.deps import PlatformDep

router = APIRouter(prefix="/api/v1/admin", tags=["admin"], responses=ADMIN_ONLY)
UNKNOWN_USER = error_responses(404)
UserIdPath = Annotated[str, Path(pattern=USER_ID_PATTERN, max_length=100)]


class ShardOut(BaseModel):
    """A shard as shown to admins (credentials never leave the server)."""

    model_config = ConfigDict(from_attributes=True)

    shard_id: int
    host: str
    port: int
    database_name: str
    is_active: bool
    max_users: int
    current_users: int


class ShardCreate(BaseModel):
    """A new shard database to migrate and register."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(min_length=8, max_length=500, examples=["mysql://user:pass@db3:3306/medichain_shard3"])
    max_users: int | None = Field(None, ge=1, le=INT_MAX)


@router.get("/users", responses=error_responses(404))
async def list_users(
    _: AdminUser,
    accounts: AccountsDep,
    platform: PlatformDep,
    shard_id: Annotated[int, Query(ge=1, le=INT_MAX)] = 1,
    offset: Annotated[int, Query(ge=0, le=BIGINT_MAX)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Sequence[UserSummary]:
    """Users of one shard, oldest first, without personal fields."""
    if shard_id not in platform.dbs.shards:
        raise ApiError(404, "not_found", f"no shard {shard_id}")
    return await accounts.list_users(shard_id, offset, limit)


@router.post("/users/{user_id}/disable", status_code=status.HTTP_204_NO_CONTENT, responses=UNKNOWN_USER)
async def disable_user(user_id: UserIdPath, _: AdminUser, accounts: AccountsDep) -> None:
    """Disable an account and end its sessions."""
    await accounts.set_active(user_id, False)


@router.post("/users/{user_id}/enable", status_code=status.HTTP_204_NO_CONTENT, responses=UNKNOWN_USER)
async def enable_user(user_id: UserIdPath, _: AdminUser, accounts: AccountsDep) -> None:
    """Enable an account again."""
    await accounts.set_active(user_id, True)


@router.post("/users/{user_id}/unlock", status_code=status.HTTP_204_NO_CONTENT, responses=UNKNOWN_USER)
async def unlock_user(user_id: UserIdPath, _: AdminUser, accounts: AccountsDep) -> None:
    """Lift a login lockout."""
    await accounts.unlock(user_id)


@router.delete("/users/{user_id}", status_code=status.HTTP_204_NO_CONTENT, responses=UNKNOWN_USER)
async def delete_user(user_id: UserIdPath, _: AdminUser, accounts: AccountsDep) -> None:
    """Delete an account and all its data."""
    await accounts.delete_account(user_id, None)


@router.get("/shards")
async def list_shards(_: AdminUser, platform: PlatformDep) -> list[ShardOut]:
    """Every shard with its load."""
    async with platform.dbs.global_sessions() as session:
        rows = (await session.scalars(select(ShardInfo).order_by(ShardInfo.shard_id))).all()
    return [ShardOut.model_validate(row) for row in rows]


@router.post("/shards", status_code=status.HTTP_201_CREATED)
async def add_shard(body: ShardCreate, _: AdminUser, platform: PlatformDep) -> ShardOut:
    """Migrate a new shard database and start placing new users on it."""
    try:
        info = await platform.dbs.add_shard(body.url, body.max_users)
    except ValueError as exc:
        raise ApiError(422, "invalid_shard_url", str(exc)) from exc
    except (DBAPIError, OSError) as exc:  # the new database, not ours, is unreachable: not a 503
        raise ApiError(
            422, "shard_unreachable", f"cannot connect to the shard database ({type(exc).__name__})"
        ) from exc
    return ShardOut.model_validate(info)
