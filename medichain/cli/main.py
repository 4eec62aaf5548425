"""`medichain` commands: init, serve, db, shards, users, keys."""

import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
import uvicorn
from rich.console import Console
from rich.table import Table

from medichain.cli.setup import ensure_secrets
from medichain.config import Settings, get_settings

app = typer.Typer(help="MediChain: medical information chatbot platform.", no_args_is_help=True)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
shards_app = typer.Typer(help="User shards.", no_args_is_help=True)
users_app = typer.Typer(help="Accounts.", no_args_is_help=True)
keys_app = typer.Typer(help="Encryption keys.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(shards_app, name="shards")
app.add_typer(users_app, name="users")
app.add_typer(keys_app, name="keys")

err = Console(stderr=True)
T = TypeVar("T")


def _with_platform(action: Callable[..., Awaitable[T]], *, migrate: bool = False) -> T:
    """Start the platform, run `action(platform)`, stop it."""
    from medichain.platform import Platform

    async def run() -> T:
        platform = await Platform.start(get_settings(), migrate=migrate)
        try:
            return await action(platform)
        finally:
            await platform.stop()

    return asyncio.run(run())


@app.command()
def init() -> None:
    """Prepare a fresh checkout: secrets in .env, migrated global and shard databases."""
    written = ensure_secrets()
    if written:
        err.print(f"wrote {', '.join(written)} to .env")
        get_settings.cache_clear()

    async def report(platform: object) -> None:
        err.print("databases migrated")

    _with_platform(report, migrate=True)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default from settings).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from settings).")] = None,
) -> None:
    """Run the embedded platform (API, docs) in one process."""
    settings: Settings = get_settings()
    uvicorn.run(
        "medichain.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level.lower(),
        proxy_headers=False,
    )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Migrate the global database and every registered shard to the newest schema."""

    async def done(platform: object) -> None:
        err.print("databases migrated")

    _with_platform(done, migrate=True)


@shards_app.command("add")
def shards_add(
    url: Annotated[
        str, typer.Argument(help="Database URL, e.g. mysql://user:pass@host:3306/medichain_shard3")
    ],
    max_users: Annotated[int | None, typer.Option(min=1, help="Capacity of the shard.")] = None,
) -> None:
    """Migrate a new shard database and register it; new users start landing on it."""

    async def add(platform):  # type: ignore[no-untyped-def]
        return await platform.dbs.add_shard(url, max_users)

    try:
        info = _with_platform(add)
    except Exception as exc:
        err.print(f"[red]could not add shard:[/red] {exc}")
        raise typer.Exit(1) from exc
    err.print(f"shard {info.shard_id} registered ({info.host or info.database_name})")


@shards_app.command("list")
def shards_list() -> None:
    """Show every shard and its load."""
    from sqlalchemy import select

    from medichain.core.db.models import ShardInfo

    async def rows(platform):  # type: ignore[no-untyped-def]
        async with platform.dbs.global_sessions() as session:
            return (await session.scalars(select(ShardInfo).order_by(ShardInfo.shard_id))).all()

    table = Table("shard", "host", "database", "active", "users", "max")
    for row in _with_platform(rows):
        table.add_row(
            str(row.shard_id),
            row.host,
            row.database_name,
            str(row.is_active),
            str(row.current_users),
            str(row.max_users),
        )
    Console().print(table)


@users_app.command("create")
def users_create(
    user_id: Annotated[str, typer.Argument(help="Login id.")],
    admin: Annotated[bool, typer.Option("--admin", help="Give the admin role.")] = False,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin.")
    ] = False,
) -> None:
    """Create an account (the first admin, typically)."""
    from pydantic import ValidationError

    from medichain.accounts.schemas import ProfileFields, SignupRequest
    from medichain.accounts.service import AccountError

    password = sys.stdin.readline().rstrip("\n") if password_stdin else getpass.getpass("Password: ")
    try:
        request = SignupRequest(user_id=user_id, password=password)
    except ValidationError as exc:
        err.print(f"[red]invalid:[/red] {exc.errors()[0]['msg']}")
        raise typer.Exit(2) from exc

    async def create(platform):  # type: ignore[no-untyped-def]
        await platform.accounts.signup(
            request.user_id, request.password, ProfileFields(), role="admin" if admin else "user"
        )

    try:
        _with_platform(create)
    except AccountError as exc:
        err.print(f"[red]refused:[/red] {exc.message}")
        raise typer.Exit(1) from exc
    err.print(f"created {'admin' if admin else 'user'} {request.user_id}")


@keys_app.command("rotate")
def keys_rotate() -> None:
    """Re-encrypt every stored personal field and shard URL with the first key of MEDICHAIN_DATA_KEYS."""
    from medichain.core.security.rotation import reencrypt_all

    counts = _with_platform(reencrypt_all)
    err.print(f"re-encrypted {counts['fields']} fields in {counts['rows']} rows")
