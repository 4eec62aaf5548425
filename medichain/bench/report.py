"""A run's report: built from a scenario's context, printed as tables or JSON, saved to a file and
compared with an earlier one."""

import dataclasses
import json
import os
import platform as host
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from medichain.bench.context import Context

FORMAT = 1
SUMMARY_COLUMNS = ("count", "errors", "mean_ms", "p50_ms", "p95_ms", "p99_ms", "max_ms", "throughput_per_s")
HEADERS = {
    "count": "n",
    "errors": "errors",
    "mean_ms": "mean ms",
    "p50_ms": "p50 ms",
    "p95_ms": "p95 ms",
    "p99_ms": "p99 ms",
    "max_ms": "max ms",
    "throughput_per_s": "per s",
}
COMPARED = ("mean_ms", "p50_ms", "p95_ms", "p99_ms", "throughput_per_s", "errors")


class ReportError(ValueError):
    """A saved report cannot be read."""


def build(
    scenario: str, ctx: Context, server: dict[str, Any], load_before: tuple[float, ...]
) -> dict[str, Any]:
    """The report of one run as a JSON-ready dict."""
    cache = ctx.cache
    if ctx.usage is not None and cache.answers:
        ctx.extra["server_cpu_ms_per_answer"] = round(1000 * ctx.usage.cpu_seconds / cache.answers, 2)
    return {
        "format": FORMAT,
        "scenario": scenario,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "options": dataclasses.asdict(ctx.options),
        "machine": {
            "cpus": os.cpu_count(),
            "python": host.python_version(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "server": {**server, "usage": dataclasses.asdict(ctx.usage) if ctx.usage else None},
        "rows": [dataclasses.asdict(r.summary()) for r in ctx.recorders.values()],
        "cache": {
            "answers": cache.answers,
            "cached_answers": cache.cached,
            "answer_hit_rate": _round(cache.answer_hit_rate),
            "metrics_lookups": cache.metrics_lookups,
            "metrics_hits": cache.metrics_hits,
            "lookup_hit_rate": _round(cache.lookup_hit_rate),
        },
        "extra": ctx.extra,
        "notes": ctx.notes,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def load(path: Path) -> dict[str, Any]:
    """A report saved with `--save`."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ReportError(f"no saved report at {path}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ReportError(f"{path} is not a saved bench report (not JSON: {exc})") from exc
    if not isinstance(report, dict) or report.get("format") != FORMAT or "rows" not in report:
        raise ReportError(f"{path} is not a bench report of format {FORMAT}")
    return report


def save(report: dict[str, Any], path: Path) -> None:
    """Write the report as JSON (parents created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def comparison(
    report: dict[str, Any], earlier: dict[str, Any]
) -> dict[str, dict[str, dict[str, float | None]]]:
    """For each row present in both: `{column: {before, after, change}}` (change = after / before)."""
    before_rows = {row["name"]: row for row in earlier["rows"]}
    result: dict[str, dict[str, dict[str, float | None]]] = {}
    for row in report["rows"]:
        old = before_rows.get(row["name"])
        if old is None:
            continue
        result[row["name"]] = {
            column: {
                "before": old[column],
                "after": row[column],
                "change": round(row[column] / old[column], 3) if old[column] else None,
            }
            for column in COMPARED
        }
    return result


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def render(report: dict[str, Any], console: Console, compared: dict[str, Any] | None = None) -> None:
    """The report as tables."""
    title = f"medichain bench {report['scenario']}"
    if report["rows"]:
        table = Table("operation", *(HEADERS[c] for c in SUMMARY_COLUMNS), title=title)
        for row in report["rows"]:
            table.add_row(row["name"], *(_cell(row[c]) for c in SUMMARY_COLUMNS))
        console.print(table)
        for row in report["rows"]:
            if row["error_kinds"]:
                kinds = ", ".join(f"{k}: {v}" for k, v in row["error_kinds"].items())
                console.print(f"[red]{row['name']} errors: {kinds}[/red]")
    cache, server = report["cache"], report["server"]
    usage = server.get("usage")
    facts = Table("figure", "value", title=f"{title}: server and cache", show_header=False)
    facts.add_row("server", f"{server.get('url') or 'in-process'} ({server.get('mode')})")
    if usage:
        facts.add_row(
            "server CPU mean / max (100% = one core)",
            f"{usage['cpu_percent_mean']}% / {usage['cpu_percent_max']}%",
        )
        facts.add_row(
            "server memory start / peak / end",
            f"{usage['rss_mib_start']} / {usage['rss_mib_peak']} / {usage['rss_mib_end']} MiB",
        )
    elif server.get("url"):
        facts.add_row("server CPU / memory", "n/a (give --server-pid to measure an external server)")
    if cache["answers"]:
        facts.add_row(
            "cache hit rate (answers' cached flag)", f"{_pct(cache['answer_hit_rate'])} of {cache['answers']}"
        )
    if cache["metrics_lookups"]:
        facts.add_row(
            "cache hit rate (/metrics lookups)",
            f"{_pct(cache['lookup_hit_rate'])} of {cache['metrics_lookups']:.0f}",
        )
    machine = report["machine"]
    facts.add_row(
        "machine",
        f"{machine['cpus']} CPUs, load average before {machine['load_average_before']}, after {machine['load_average_after']}",
    )
    for key, value in report["extra"].items():
        if not isinstance(value, dict):
            facts.add_row(key, _cell(value))
    console.print(facts)
    for key, value in report["extra"].items():
        if isinstance(value, dict):
            _render_mapping(key, value, console)
    for note in report["notes"]:
        console.print(f"[dim]note: {note}[/dim]")
    if compared:
        table = Table("operation", "figure", "before", "after", "after / before", title=f"{title}: compared")
        for name, columns in compared.items():
            for column, values in columns.items():
                change = values["change"]
                table.add_row(
                    name,
                    column,
                    _cell(values["before"]),
                    _cell(values["after"]),
                    "-" if change is None else f"{change:.2f}x",
                )
        console.print(table)


def _render_mapping(title: str, mapping: dict[str, Any], console: Console) -> None:
    """A dict of figures (or of dicts of figures) as a table."""
    rows = list(mapping.items())
    if rows and all(isinstance(v, dict) for _, v in rows):
        columns = list(dict.fromkeys(c for _, v in rows for c in v))
        table = Table(title, *columns, title=title)
        for name, values in rows:
            table.add_row(name, *(_cell(values.get(c, "")) for c in columns))
    else:
        table = Table(title, "value", title=title)
        for name, value in rows:
            table.add_row(name, _cell(value))
    console.print(table)
