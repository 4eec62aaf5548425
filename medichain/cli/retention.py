"""`medichain purge history`: delete conversations idle for longer than the retention period."""

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from medichain.cli.runtime import with_platform
from medichain.config import get_settings
from medichain.conversations.retention import PurgeCounts, PurgeReport, purge_history
from medichain.platform import Platform

app = typer.Typer(help="Delete data past its retention period.", no_args_is_help=True)
err = Console(stderr=True)


@app.command("history")
def history(
    days: Annotated[
        int | None,
        typer.Option(min=1, help="Retention in days (default: MEDICHAIN_HISTORY_RETENTION_DAYS)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Count what would be deleted; delete nothing.")
    ] = False,
) -> None:
    """Delete rooms idle for more than the retention period, with their messages, history and feedback."""
    period = days or get_settings().history_retention_days
    if not period:
        err.print(
            "[red]retention is 0 (keep forever):[/red] pass --days N or set MEDICHAIN_HISTORY_RETENTION_DAYS"
        )
        raise typer.Exit(2)

    async def purge(platform: Platform) -> PurgeReport:
        return await purge_history(platform.dbs, platform.audit, period, dry_run=dry_run)

    report = with_platform(purge)
    verb = "would delete" if dry_run else "deleted"
    title = f"{verb}: rooms idle since {report.cutoff:%Y-%m-%d %H:%M} UTC ({period} days)"
    table = Table("shard", "rooms", "messages", "history", "feedback", title=title)
    for shard_id, counts in report.shards.items():
        table.add_row(str(shard_id), *_cells(counts))
    table.add_row("all", *_cells(report.total), style="bold")
    Console().print(table)


def _cells(counts: PurgeCounts) -> list[str]:
    return [str(counts.rooms), str(counts.messages), str(counts.history), str(counts.feedback)]
