"""`medichain eval`: the project's labelled sets for triage, routing and retrieval, as tables or JSON."""

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from medichain.cli.runtime import with_platform
from medichain.knowledge import evaluation as retrieval_eval
from medichain.platform import Platform
from medichain.routing import Router
from medichain.routing import evaluate as evaluate_routing
from medichain.triage import TriageEngine
from medichain.triage.evaluation import evaluate as evaluate_triage

EVAL_DIR = Path(__file__).resolve().parents[1] / "data" / "eval"
SETS = {"triage": ("triage.jsonl", "triage_holdout.jsonl"), "routing": ("routing.jsonl",)}
JsonOption = Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]

app = typer.Typer(help="Evaluate triage, routing and retrieval on the labelled sets.", no_args_is_help=True)
console = Console()


def _dump(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%"


@app.command("triage")
def triage(
    json_output: JsonOption = False, misses: bool = typer.Option(False, help="List the misses.")
) -> None:
    """Emergency recall, under- and over-triage, exact KTAS accuracy (dev and holdout sets)."""
    engine = TriageEngine()
    reports = {name: evaluate_triage(engine, EVAL_DIR / name) for name in SETS["triage"]}
    if json_output:
        _dump({name: dataclasses.asdict(report) for name, report in reports.items()})
        return
    table = Table(
        "set",
        "lang",
        "messages",
        "emergencies",
        "emergency recall",
        "under-triage",
        "over-triage",
        "exact level",
        title="Triage (KTAS)",
    )
    for name, report in reports.items():
        for lang, figures in {"all": report.overall, **report.by_language}.items():
            table.add_row(
                name,
                lang,
                str(figures.count),
                str(figures.emergencies),
                _pct(figures.emergency_recall),
                _pct(figures.under_triage_rate),
                _pct(figures.over_triage_rate),
                _pct(figures.exact_accuracy),
            )
    console.print(table)
    if misses:
        for name, report in reports.items():
            for miss in report.misses:
                console.print(f"[dim]{name}[/] expected {miss.expected} got {miss.got}: {miss.text}")


@app.command("routing")
def routing(
    json_output: JsonOption = False, misses: bool = typer.Option(False, help="List misrouted messages.")
) -> None:
    """Routing accuracy per language and per domain, and the clarification rate."""
    report = evaluate_routing(Router.default(), EVAL_DIR / SETS["routing"][0])
    if json_output:
        _dump(dataclasses.asdict(report))
        return
    table = Table("scope", "accuracy", title=f"Routing ({report.total} messages)")
    table.add_row("all", _pct(report.accuracy))
    for lang, accuracy in report.accuracy_by_language.items():
        table.add_row(lang, _pct(accuracy))
    table.add_row("when confident", _pct(report.confident_accuracy))
    table.add_row("clarification rate", _pct(report.clarification_rate))
    console.print(table)
    domains = Table("domain", "precision", "recall", "messages")
    for domain, score in report.per_domain.items():
        domains.add_row(domain, _pct(score.precision), _pct(score.recall), str(score.support))
    console.print(domains)
    if misses:
        for miss in report.misrouted:
            console.print(f"[dim]{miss.expected} → {miss.predicted} ({miss.confidence:.2f})[/] {miss.text}")


@app.command("retrieval")
def retrieval(json_output: JsonOption = False, k: int = typer.Option(5, min=1, max=50)) -> None:
    """Recall@k and MRR of BM25, dense and hybrid search over the bundled articles."""

    async def run(platform: Platform) -> dict[str, dict[str, retrieval_eval.Metrics]]:
        index = await platform.knowledge.index(platform.dbs)
        return {
            split: retrieval_eval.evaluate(index, k=k, split=None if split == "all" else split)
            for split in ("all", "dev", "holdout")
        }

    results = with_platform(run)
    if json_output:
        _dump(
            {
                split: {mode: dataclasses.asdict(m) for mode, m in by_mode.items()}
                for split, by_mode in results.items()
            }
        )
        return
    table = Table("split", "mode", f"recall@{k}", "MRR", "questions", "mean ms", title="Retrieval")
    for split, by_mode in results.items():
        for mode, metrics in by_mode.items():
            table.add_row(
                split,
                mode,
                _pct(metrics.recall),
                f"{metrics.mrr:.3f}",
                str(metrics.questions),
                f"{metrics.mean_ms:.1f}",
            )
    console.print(table)
