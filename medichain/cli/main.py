"""`medichain` commands: init, serve, db, shards, users, keys."""

import getpass
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from medichain.chat.pipeline import InvalidMessage
from medichain.chat.websocket import MAX_FRAME_BYTES
from medichain.cli import evaluate, imports, report, services
from medichain.cli.ask import BatchOption, answer, print_readable, run_batch
from medichain.cli.backup import app as backup_app
from medichain.cli.bench import bench
from medichain.cli.retention import app as purge_app
from medichain.cli.runtime import with_platform
from medichain.cli.setup import prepare
from medichain.config import Settings, get_settings
from medichain.core.db.models import ShardInfo
from medichain.core.process import tune_server_process
from medichain.domains.scaffold.generator import ScaffoldError, new_domain
from medichain.domains.template import GeoPoint
from medichain.knowledge.service import build_seed_index
from medichain.platform import Platform

app = typer.Typer(help="MediChain: medical information chatbot platform.", no_args_is_help=True)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
shards_app = typer.Typer(help="User shards.", no_args_is_help=True)
users_app = typer.Typer(help="Accounts.", no_args_is_help=True)
keys_app = typer.Typer(help="Encryption keys.", no_args_is_help=True)
index_app = typer.Typer(help="The retrieval index.", no_args_is_help=True)
domain_app = typer.Typer(help="Domain templates.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(shards_app, name="shards")
app.add_typer(users_app, name="users")
app.add_typer(keys_app, name="keys")
app.add_typer(backup_app, name="backup")
app.add_typer(purge_app, name="purge")
app.add_typer(index_app, name="index")
app.add_typer(domain_app, name="domain")
app.add_typer(evaluate.app, name="eval")
app.add_typer(imports.app, name="import")
app.add_typer(report.app, name="report")
app.command()(bench)
app.add_typer(services.app, name="service")
app.command()(services.up)

err = Console(stderr=True)


@app.command()
def init() -> None:
    """Prepare a fresh checkout: secrets in .env, migrated global and shard databases."""
    written, counts = prepare()
    if written:
        err.print(f"wrote {', '.join(written)} to .env")
    err.print("databases migrated; bundled data: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@app.command()
def ask(
    text: Annotated[str | None, typer.Argument(help="The question.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the response object as JSON.")] = False,
    batch: BatchOption = None,
    lat: Annotated[float | None, typer.Option(min=-90, max=90, help="Latitude of the person.")] = None,
    lng: Annotated[float | None, typer.Option(min=-180, max=180, help="Longitude of the person.")] = None,
) -> None:
    """Ask one question (or every line of a JSONL file with --batch) in-process."""
    if batch is not None:
        with_platform(lambda platform: run_batch(platform, batch))
        return
    if not text:
        err.print("[red]give a question, or --batch FILE.jsonl[/red]")
        raise typer.Exit(2)
    location = GeoPoint(lat, lng) if lat is not None and lng is not None else None
    try:
        response = with_platform(lambda platform: answer(platform.chat.pipeline, text, location))
    except InvalidMessage as exc:
        err.print(f"[red]invalid question:[/red] {exc}")
        raise typer.Exit(2) from exc
    if json_output:
        sys.stdout.write(response.model_dump_json() + "\n")
    else:
        print_readable(response)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default from settings).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from settings).")] = None,
) -> None:
    """Run the embedded platform (API, docs) in one process."""
    settings: Settings = get_settings()
    tune_server_process()
    uvicorn.run(
        "medichain.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level.lower(),
        proxy_headers=False,
        ws_max_size=MAX_FRAME_BYTES,
    )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Migrate the global database and every registered shard to the newest schema."""

    async def done(platform: Platform) -> None:
        err.print("databases migrated")

    with_platform(done, migrate=True)


@shards_app.command("add")
def shards_add(
    url: Annotated[
        str, typer.Argument(help="Database URL, e.g. mysql://user:pass@host:3306/medichain_shard3")
    ],
    max_users: Annotated[int | None, typer.Option(min=1, help="Capacity of the shard.")] = None,
) -> None:
    """Migrate a new shard database and register it; new users start landing on it."""

    async def add(platform: Platform) -> ShardInfo:
        return await platform.dbs.add_shard(url, max_users)

    try:
        info = with_platform(add)
    except Exception as exc:
        err.print(f"[red]could not add shard:[/red] {exc}")
        raise typer.Exit(1) from exc
    err.print(f"shard {info.shard_id} registered ({info.host or info.database_name})")


@shards_app.command("list")
def shards_list() -> None:
    """Show every shard and its load."""

    async def rows(platform: Platform) -> Sequence[ShardInfo]:
        async with platform.dbs.global_sessions() as session:
            return (await session.scalars(select(ShardInfo).order_by(ShardInfo.shard_id))).all()

    table = Table("shard", "host", "database", "active", "users", "max")
    for row in with_platform(rows):
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

    async def create(platform: Platform) -> None:
        await platform.accounts.signup(
            request.user_id, request.password, ProfileFields(), role="admin" if admin else "user"
        )

    try:
        with_platform(create)
    except AccountError as exc:
        err.print(f"[red]refused:[/red] {exc.message}")
        raise typer.Exit(1) from exc
    err.print(f"created {'admin' if admin else 'user'} {request.user_id}")


@keys_app.command("rotate")
def keys_rotate() -> None:
    """Re-encrypt every stored personal field and shard URL with the first key of MEDICHAIN_DATA_KEYS."""
    from medichain.core.security.rotation import reencrypt_all

    counts = with_platform(reencrypt_all)
    err.print(f"re-encrypted {counts['fields']} fields in {counts['rows']} rows")


@index_app.command("rebuild")
def index_rebuild() -> None:
    """Re-embed every stored document into a fresh index (after changing the embedder, say)."""

    async def rebuild(platform: Platform) -> int:
        shutil.rmtree(platform.settings.index_dir, ignore_errors=True)
        return await platform.knowledge.sync(platform.dbs)

    err.print(f"indexed {with_platform(rebuild)} passages")


@index_app.command("seed")
def index_seed() -> None:
    """Rebuild the index of the bundled articles shipped in the package (maintainers, after editing articles)."""
    count = build_seed_index(get_settings().embedder)
    err.print(f"shipped index rebuilt with {count} passages")


@domain_app.command("new")
def domain_new(
    name: Annotated[str, typer.Argument(help="Domain name, e.g. dental.")],
    directory: Annotated[Path, typer.Option("--dir", help="Where to create the package.")] = Path("."),
) -> None:
    """Scaffold an installable domain package (template, examples, tests, entry point)."""
    try:
        root = new_domain(name, directory)
    except ScaffoldError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    err.print(f"created {root}: `pip install -e {root}` registers it; `pytest {root}` runs its tests")
