"""`medichain bench SCENARIO`: load tests and the retrieval peer comparison, as tables or JSON."""

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from medichain.bench import report
from medichain.bench.client import BenchError
from medichain.bench.context import Options
from medichain.bench.runner import IN_PROCESS, ServerError, run
from medichain.bench.server import Backend

err = Console(stderr=True)


class Scenario(StrEnum):
    """What to measure."""

    seed = "seed"
    ws = "ws"
    soak = "soak"
    idle = "idle"
    lookup = "lookup"
    peer = "peer"
    profile = "profile"


def bench(
    scenario: Annotated[
        Scenario,
        typer.Argument(
            help="seed: N users log in and send M messages over HTTP; ws: the same over WebSocket; "
            "soak: C WebSocket users chatting for T s; idle: K idle WebSocket connections; "
            "lookup: C clients on the drug, interaction and hospital endpoints for T s; "
            "peer: MediChain's retrieval against LangChain's FAISS + BM25; profile: the chat turn under pyinstrument."
        ),
    ],
    url: Annotated[
        str | None, typer.Option(help="A running server; without it the bench starts its own (embedded).")
    ] = None,
    users: Annotated[int, typer.Option(min=1, max=100_000, help="seed, ws, profile: users.")] = 100,
    messages: Annotated[
        int, typer.Option(min=1, max=10_000, help="seed, ws, profile: messages per user.")
    ] = 10,
    concurrency: Annotated[int, typer.Option(min=1, max=20_000, help="soak: users; lookup: clients.")] = 100,
    duration: Annotated[float, typer.Option(min=1, max=86_400, help="soak, idle, lookup: seconds.")] = 30.0,
    connections: Annotated[int, typer.Option(min=1, max=100_000, help="idle: connections to hold.")] = 5000,
    think: Annotated[
        float, typer.Option(min=0, max=600, help="soak: mean seconds between a user's messages.")
    ] = 10.0,
    timeout: Annotated[
        float, typer.Option(min=0.1, max=600, help="seconds before a request counts as failed.")
    ] = 60.0,
    json_output: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    save: Annotated[Path | None, typer.Option(help="Save the report (JSON) to this file.")] = None,
    compare: Annotated[Path | None, typer.Option(help="Compare with a report saved earlier.")] = None,
    server_pid: Annotated[
        int | None, typer.Option(min=1, help="With --url: the server's pid, to measure its CPU and memory.")
    ] = None,
    mariadb: Annotated[
        str | None, typer.Option(help="Own server on MariaDB: admin URL, e.g. mysql://root@127.0.0.1:3306/")
    ] = None,
    redis: Annotated[
        str | None, typer.Option(help="Own server with Redis, e.g. redis://127.0.0.1:6379/0")
    ] = None,
) -> None:
    """Run one benchmark scenario and print p50/p95/p99, mean, throughput, errors, cache and server figures."""
    if url and (mariadb or redis):
        _fail("--mariadb and --redis configure the server the bench starts; they cannot go with --url")
    if server_pid and not url:
        _fail("--server-pid names an external server; the bench measures its own server without it")
    if scenario in IN_PROCESS and (url or mariadb or redis):
        _fail(f"`{scenario}` runs in-process and takes no server options")
    if url and not url.startswith(("http://", "https://")):
        _fail(f"--url must start with http:// or https://, not {url!r}")
    earlier = None
    if compare is not None:
        try:
            earlier = report.load(compare)
        except report.ReportError as exc:
            _fail(str(exc))
        if earlier["scenario"] != scenario:
            _fail(f"{compare} is a `{earlier['scenario']}` report; this run is `{scenario}`")
    options = Options(
        users=users,
        messages=messages,
        concurrency=concurrency,
        duration_s=duration,
        connections=connections,
        think_s=think,
        timeout_s=timeout,
    )
    if not url and scenario not in IN_PROCESS:
        err.print("[dim]starting an embedded server for the bench…[/dim]")
    try:
        result = run(
            scenario,
            options,
            url=url,
            server_pid=server_pid,
            backend=Backend(mariadb_url=mariadb, redis_url=redis),
        )
    except (ServerError, BenchError) as exc:
        _fail(str(exc), code=1)
    compared = report.comparison(result, earlier) if earlier else None
    if compared is not None:
        result["compared_with"] = {
            "file": str(compare),
            "finished_at": earlier["finished_at"],
            "rows": compared,
        }
    if save is not None:
        report.save(result, save)
        err.print(f"[dim]saved to {save}[/dim]")
    if json_output:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        report.render(result, Console(), compared)


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[red]{message}[/red]", soft_wrap=True)
    raise typer.Exit(code)
