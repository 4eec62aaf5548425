"""`medichain import …`: load official data files and documents, with a progress bar on standard error and
a summary (loaded / updated / skipped / rejected with reasons). Exit code 0 once the input was read,
2 when it cannot be read or its format is unknown, 1 when the databases fail."""

import asyncio
import json
from collections.abc import Awaitable, Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from medichain.config import get_settings
from medichain.importers import documents as document_files
from medichain.importers import facilities, mfds_drugs, mfds_dur
from medichain.importers.base import Importer, InputError, Parsed
from medichain.importers.runner import run_import
from medichain.importers.summary import Summary

if TYPE_CHECKING:
    from medichain.platform import Platform

app = typer.Typer(
    help="Load official data (MFDS e약은요 and DUR, HIRA, NEMC E-Gen) and knowledge documents.",
    no_args_is_help=True,
)
err = Console(stderr=True)
T = TypeVar("T")


class DrugFormat(StrEnum):
    """e약은요 file formats."""

    json = "json"
    xml = "xml"


class DurFormat(StrEnum):
    """DUR 병용금기 file formats."""

    csv = "csv"
    json = "json"


class CsvFormat(StrEnum):
    """HIRA file format."""

    csv = "csv"


class XmlFormat(StrEnum):
    """E-Gen file format."""

    xml = "xml"


FileArgument = Annotated[Path, typer.Argument(help="The file to import.", show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the summary as JSON on standard output.")]
_FORMAT_HELP = "File format (default: from the file extension)."


@app.command("drugs")
def drugs(
    file: FileArgument,
    fmt: Annotated[DrugFormat | None, typer.Option("--format", help=_FORMAT_HELP)] = None,
    as_json: JsonOption = False,
) -> None:
    """MFDS e약은요 (의약품개요정보) items: API JSON (or a bare array of items) or API XML."""
    _import(mfds_drugs.EasyDrugs(), lambda: mfds_drugs.read(file, fmt and fmt.value), as_json)


@app.command("dur")
def dur(
    file: FileArgument,
    fmt: Annotated[DurFormat | None, typer.Option("--format", help=_FORMAT_HELP)] = None,
    as_json: JsonOption = False,
) -> None:
    """MFDS DUR 병용금기 pairs: CSV (UTF-8 or CP949) or JSON. Withdrawn pairs (DEL_YN) are removed."""
    _import(mfds_dur.DurContraindications(), lambda: mfds_dur.read(file, fmt and fmt.value), as_json)


@app.command("hospitals")
def hospitals(
    file: FileArgument,
    fmt: Annotated[CsvFormat | None, typer.Option("--format", help=_FORMAT_HELP)] = None,
    as_json: JsonOption = False,
) -> None:
    """HIRA 병원정보서비스 facilities: CSV (UTF-8 or CP949)."""
    _import(facilities.HiraHospitals(), lambda: facilities.read_hira(file, fmt and fmt.value), as_json)


@app.command("emergency-rooms")
def emergency_rooms(
    file: FileArgument,
    fmt: Annotated[XmlFormat | None, typer.Option("--format", help=_FORMAT_HELP)] = None,
    as_json: JsonOption = False,
) -> None:
    """NEMC E-Gen emergency rooms with available beds: API XML."""
    _import(facilities.EgenEmergencyRooms(), lambda: facilities.read_egen(file, fmt and fmt.value), as_json)


@app.command("documents")
def documents(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.md, .txt, .jsonl, .pdf).")],
    domain: Annotated[str, typer.Option(help="Domain of documents that name none.")] = "general",
    source: Annotated[
        str | None, typer.Option(help="Source of documents that name none (default: the file name).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Knowledge documents, then an incremental update of the search index."""
    _import(document_files.Documents(domain), lambda: document_files.read(paths, source), as_json)


def _import(importer: Importer, read: Callable[[], Parsed], as_json: bool) -> None:
    """Read, import, report; exit 2 for unusable input, 1 for database failures, never a traceback."""
    try:
        parsed = read()
        summary = _with_platform(lambda platform: _run(importer, platform, parsed))
    except InputError as exc:
        err.print(f"[red]cannot import:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    except Exception as exc:
        reason = f"{type(exc).__name__}: {next(iter(str(exc).splitlines()), '')}"
        if isinstance(exc, SQLAlchemyError):
            reason += " (are the databases up and migrated? `medichain init` prepares them)"
        err.print(f"[red]import failed:[/red] {escape(reason)}")
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_summary(summary)


async def _run(importer: Importer, platform: "Platform", parsed: Parsed) -> Summary:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        return await run_import(importer, platform, parsed, progress=progress)


def _with_platform(action: Callable[["Platform"], Awaitable[T]]) -> T:
    """Start the platform, run `action(platform)`, stop it."""
    from medichain.platform import Platform

    async def run() -> T:
        platform = await Platform.start(get_settings())
        try:
            return await action(platform)
        finally:
            await platform.stop()

    return asyncio.run(run())


def _print_summary(summary: Summary) -> None:
    out = Console()
    read_as = ", ".join(part for part in (summary.format, summary.encoding) if part)
    out.print(f"[bold]{escape(summary.kind)}[/bold] from {escape(summary.source)} ({read_as})")
    table = Table("loaded", "updated", "skipped", "rejected")
    table.add_row(*(str(n) for n in (summary.loaded, summary.updated, summary.skipped, summary.rejected)))
    out.print(table)
    if summary.duplicates:
        out.print(f"{summary.duplicates} skipped row(s) repeat an earlier row of the file (the first counts)")
    for name, value in summary.extra.items():
        out.print(f"{name.replace('_', ' ')}: {value}")
    if summary.rejections:
        rejected = Table("row", "reason", title="rejected rows", title_justify="left")
        for rejection in summary.rejections:
            rejected.add_row(escape(str(rejection.location)), escape(rejection.reason))
        out.print(rejected)
