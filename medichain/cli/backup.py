"""`medichain backup create DIR` and `medichain backup restore DIR`: logical backups of the global
database and every shard. Exit code 0 when done, 2 when refused (damaged backup, non-empty target,
folder in use, unknown shard), 1 when a database fails."""

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from medichain.backup.create import create_backup
from medichain.backup.manifest import BackupError
from medichain.backup.restore import restore_backup
from medichain.config import get_settings

app = typer.Typer(help="Back up and restore the global database and every shard.", no_args_is_help=True)
err = Console(stderr=True)
T = TypeVar("T")

FolderArgument = Annotated[Path, typer.Argument(help="The backup folder.", show_default=False)]


@app.command("create")
def create(directory: FolderArgument) -> None:
    """Write every table of the global database and of every registered shard to a new folder."""
    manifest = _run("backup", lambda: create_backup(get_settings(), directory))
    table = Table(
        "database", "revision", "tables", "rows", title=f"backup written to {escape(str(directory))}"
    )
    for database in manifest.databases:
        rows = sum(t.rows for t in database.tables)
        table.add_row(database.name, database.revision, str(len(database.tables)), str(rows))
    err.print(table)
    err.print("encrypted fields are copied as stored: keep MEDICHAIN_DATA_KEYS to read a restore")


@app.command("restore")
def restore(
    directory: FolderArgument,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the contents of target databases that hold rows.")
    ] = False,
    shard_url: Annotated[
        list[str] | None,
        typer.Option(
            "--shard-url",
            help="ID=URL: restore shard ID into URL (default: the target's registered shard ID, "
            "else the ID-th of MEDICHAIN_SHARD_URLS). Repeat for each shard.",
        ),
    ] = None,
) -> None:
    """Restore a backup into MEDICHAIN_GLOBAL_DATABASE_URL and one database per backed-up shard."""
    shard_urls = parse_shard_urls(shard_url or [])
    restored = _run(
        "restore", lambda: restore_backup(get_settings(), directory, force=force, shard_urls=shard_urls)
    )
    table = Table("database", "restored into", "tables", "rows", title="restored and verified")
    for database in restored:
        table.add_row(
            database.name, escape(database.target), str(len(database.rows)), str(sum(database.rows.values()))
        )
    err.print(table)


def parse_shard_urls(values: list[str]) -> dict[int, str]:
    """`ID=URL` options as a mapping; a malformed or repeated one is a usage error."""
    mapping: dict[int, str] = {}
    for value in values:
        shard_id, sep, url = value.partition("=")
        if not sep or not shard_id.strip().isdigit() or int(shard_id) < 1 or not url.strip():
            raise typer.BadParameter(
                f"expected ID=URL with a shard id ≥ 1, got {value!r}", param_hint="--shard-url"
            )
        if int(shard_id) in mapping:
            raise typer.BadParameter(f"shard {int(shard_id)} is given twice", param_hint="--shard-url")
        mapping[int(shard_id)] = url.strip()
    return mapping


def _run(what: str, action: Callable[[], Awaitable[T]]) -> T:
    """Run the work; a refusal exits 2 with every problem listed, a failure exits 1, never a traceback."""
    try:
        return asyncio.run(action())
    except BackupError as exc:
        err.print(f"[red]{what} refused:[/red]")
        for problem in exc.problems:
            err.print(f"  - {escape(problem)}")
        raise typer.Exit(2) from None
    except Exception as exc:
        reason = f"{type(exc).__name__}: {next(iter(str(exc).splitlines()), '')}"
        err.print(f"[red]{what} failed:[/red] {escape(reason)}")
        raise typer.Exit(1) from None
