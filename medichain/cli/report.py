"""`medichain report`: figures of a running deployment, read from its databases."""

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from medichain.cli.evaluate import JsonOption
from medichain.cli.runtime import with_platform
from medichain.monitoring.report import llm_report
from medichain.platform import Platform

app = typer.Typer(help="Reports on answers and feedback.", no_args_is_help=True)
console = Console()


@app.command("llm")
def llm(
    days: Annotated[int, typer.Option(min=1, max=366, help="The period: the last N days.")] = 7,
    json_output: JsonOption = False,
) -> None:
    """Answers of the period: latency, quality, tokens, alerts, feedback, and what to do about them."""

    async def run(platform: Platform) -> dict[str, Any]:
        return await llm_report(platform.dbs, platform.settings, days)

    report = with_platform(run)
    if json_output:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return
    print_report(report)


def print_report(report: dict[str, Any]) -> None:
    """The report as two tables (latency; quality and cost) and a few lines."""
    period = report["period"]
    scopes = {
        "all": report["totals"],
        **{f"domain {k}": v for k, v in report["by_domain"].items()},
        **{f"provider {k}": v for k, v in report["by_provider"].items()},
    }
    latency = Table(
        "scope", "answers", "cached", "replaced", "mean ms", "p50 ms", "p95 ms",
        title=f"Answers, last {period['days']} days (since {period['since'][:16]})",
    )  # fmt: skip
    quality = Table("scope", "quality", "below", "first token p95 ms", "tokens in/out")
    for scope, figures in scopes.items():
        spread, score, tokens = figures["latency_ms"], figures["quality"], figures["tokens_per_request"]
        latency.add_row(
            scope,
            str(figures["answers"]),
            str(figures["cached"]),
            str(figures["replaced"]),
            *(_number(spread[key]) for key in ("mean", "p50", "p95")),
        )
        quality.add_row(
            scope,
            _number(score["mean"], 2),
            "-" if score["below_threshold"] is None else f"{score['below_threshold']:.0%}",
            _number(figures["first_token_ms"]["p95"]),
            f"{_number(tokens['prompt'])}/{_number(tokens['completion'])}",
        )
    console.print(latency)
    console.print(quality)
    alerts = ", ".join(f"{kind} {count}" for kind, count in report["alerts"].items())
    console.print(f"alerts: {alerts}")
    rated = report["feedback"]
    console.print(
        f"feedback: {rated['count']} ratings, average {_number(rated['average'], 2)}, "
        + " ".join(f"{score}★ {n}" for score, n in rated["distribution"].items())
    )
    for line in report["recommendations"]:
        console.print(f"• {line}")


def _number(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"
