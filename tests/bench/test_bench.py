"""`medichain bench`: every scenario at a tiny size against a real server process (the one the bench
starts itself, SQLite or MariaDB + Redis), the JSON report, save/compare, and clear errors for bad
options. Timings are never asserted: only that the figures are consistent."""

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from typer.testing import CliRunner

from medichain.bench.server import Backend, OwnServer
from medichain.cli.main import app
from tests.conftest import MARIADB_ADMIN_URL, REDIS_URL

MARIADB_ADMIN = "mysql://medichain:medichain@127.0.0.1:3306/"
runner = CliRunner()


@pytest.fixture(scope="module")
def server() -> Iterator[OwnServer]:
    """One embedded server process for the scenarios that take `--url`."""
    with OwnServer(Backend()) as own:
        yield own


def bench(*args: str) -> dict[str, Any]:
    """Run `medichain bench ... --json` in-process; the parsed report."""
    result = runner.invoke(app, ["bench", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def against(server: OwnServer, *args: str) -> dict[str, Any]:
    """A scenario against the shared server, its CPU and memory measured through its pid."""
    return bench(*args, "--url", server.url, "--server-pid", str(server.pid))


def rows(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["name"]: row for row in report["rows"]}


def assert_consistent(row: dict[str, Any]) -> None:
    """Percentiles in order, a mean inside the range, a positive throughput, no errors."""
    assert row["count"] > 0 and row["errors"] == 0, row
    assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"] <= row["max_ms"], row
    assert 0 < row["mean_ms"] <= row["max_ms"] and row["throughput_per_s"] > 0, row


def assert_server_measured(report: dict[str, Any]) -> None:
    usage = report["server"]["usage"]
    assert usage is not None and usage["samples"] >= 0
    assert 0 < usage["rss_mib_start"] <= usage["rss_mib_peak"]


def test_seed_starts_its_own_server_and_saves_the_report(tmp_path: Path) -> None:
    saved = tmp_path / "seed.json"
    report = bench("seed", "--users", "3", "--messages", "2", "--save", str(saved))
    by_name = rows(report)
    assert by_name["login"]["count"] == 3 and by_name["message"]["count"] == 6
    for row in by_name.values():
        assert_consistent(row)
    assert report["cache"]["answers"] == 6
    assert 0 <= report["cache"]["answer_hit_rate"] <= 1
    assert report["cache"]["metrics_lookups"] is not None
    assert "load-test rate limits" in " ".join(report["notes"])
    assert report["server"]["mode"].startswith("embedded")
    assert_server_measured(report)
    assert json.loads(saved.read_text()) == report


def test_seed_on_mariadb_and_redis_drops_its_databases() -> None:
    report = bench(
        "seed", "--users", "2", "--messages", "1", "--mariadb", MARIADB_ADMIN, "--redis", REDIS_URL
    )
    assert rows(report)["message"]["count"] == 2 and rows(report)["message"]["errors"] == 0
    assert "mariadb+redis" in report["server"]["mode"]
    assert [name for name in asyncio.run(databases()) if name.startswith("medichain_bench_")] == []


async def databases() -> list[str]:
    """The databases on the test MariaDB server."""
    engine = create_async_engine(MARIADB_ADMIN_URL)
    try:
        async with engine.connect() as conn:
            return [name for (name,) in await conn.execute(text("SHOW DATABASES"))]
    finally:
        await engine.dispose()


def test_ws_measures_first_token_and_final_frame(server: OwnServer) -> None:
    report = against(server, "ws", "--users", "3", "--messages", "3")
    by_name = rows(report)
    assert by_name["connect"]["count"] == 3
    assert by_name["first token"]["count"] == by_name["final"]["count"] == 9
    for row in by_name.values():
        assert_consistent(row)
    assert by_name["first token"]["mean_ms"] <= by_name["final"]["mean_ms"]
    assert report["cache"]["answers"] == 9
    assert {"triage", "route", "persist"} <= set(report["extra"]["stages_ms_per_answer"])
    assert_server_measured(report)


def test_soak_chats_until_the_deadline(server: OwnServer) -> None:
    report = against(server, "soak", "--concurrency", "4", "--duration", "3", "--think", "0.3")
    by_name = rows(report)
    assert report["extra"]["connected_users"] == 4
    assert_consistent(by_name["final"])
    assert by_name["final"]["count"] >= 4


def test_idle_holds_connections_and_reports_memory_per_connection(server: OwnServer) -> None:
    report = against(server, "idle", "--connections", "40", "--duration", "1")
    assert report["extra"]["connections_open"] == 40
    assert report["extra"]["connections_answering"] == 40
    assert "server_kib_per_connection" in report["extra"]
    assert_consistent(rows(report)["connect"])


def test_lookup_calls_every_endpoint(server: OwnServer) -> None:
    report = against(server, "lookup", "--concurrency", "4", "--duration", "2")
    assert set(rows(report)) == {"drugs", "interactions", "hospitals"}
    for row in report["rows"]:
        assert_consistent(row)


def test_peer_compares_retrievers_on_the_same_questions() -> None:
    report = bench("peer")
    figures = report["extra"]["retrieval"]
    ours = figures["medichain hybrid"]
    theirs = figures["langchain ensemble (default BM25 tokens)"]
    assert report["extra"]["questions"] > 100
    assert 0.5 < ours["recall@5"] <= 1 and 0 <= theirs["recall@5"] <= 1
    assert 0 < ours["p50_ms"] <= ours["p95_ms"]
    ratio = figures["ratio (default BM25 tokens) / medichain"]
    assert ratio["recall@5"] == pytest.approx(theirs["recall@5"] / ours["recall@5"], abs=1e-3)


def test_profile_reports_stages_and_hot_spots() -> None:
    report = bench("profile", "--users", "1", "--messages", "4")
    extra = report["extra"]
    assert extra["turns"] == 4 and extra["turn_ms"] > 0
    stages = extra["stages_ms_per_turn"]
    assert {"triage", "route", "persist"} <= set(stages)
    assert sum(stages.values()) == pytest.approx(extra["turn_ms"], rel=0.01)
    assert extra["hot_spots_self_ms_per_turn"]


def test_compare_with_an_earlier_report(server: OwnServer, tmp_path: Path) -> None:
    earlier = tmp_path / "lookup.json"
    against(server, "lookup", "--concurrency", "2", "--duration", "1", "--save", str(earlier))
    report = against(server, "lookup", "--concurrency", "2", "--duration", "1", "--compare", str(earlier))
    compared = report["compared_with"]["rows"]
    assert set(compared) == {"drugs", "interactions", "hospitals"}
    p95 = compared["drugs"]["p95_ms"]
    assert p95["change"] == pytest.approx(p95["after"] / p95["before"], abs=1e-3)
    table = runner.invoke(
        app,
        [
            "bench",
            "lookup",
            "--concurrency",
            "2",
            "--duration",
            "1",
            "--url",
            server.url,
            "--compare",
            str(earlier),
        ],
    )
    assert table.exit_code == 0 and "compared" in table.output and "after / before" in table.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["seed", "--users", "0"], "--users"),
        (["tea"], "tea"),
        (["seed", "--url", "http://127.0.0.1:9", "--redis", "redis://x"], "cannot go with --url"),
        (["seed", "--server-pid", "1"], "--server-pid names an external server"),
        (["peer", "--url", "http://127.0.0.1:9"], "runs in-process"),
        (["seed", "--url", "127.0.0.1:8000"], "must start with http"),
        (["seed", "--compare", "/nonexistent/report.json"], "no saved report"),
    ],
)
def test_bad_options_are_refused_clearly(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["bench", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_compare_refuses_another_scenario_or_a_foreign_file(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": 1, "scenario": "ws", "rows": []}))
    result = runner.invoke(app, ["bench", "seed", "--compare", str(other)])
    assert result.exit_code == 2 and "is a `ws` report" in result.output
    other.write_text("not json")
    result = runner.invoke(app, ["bench", "seed", "--compare", str(other)])
    assert result.exit_code == 2 and "not a saved bench report" in result.output


def test_an_unreachable_server_is_a_clear_error() -> None:
    result = runner.invoke(app, ["bench", "seed", "--url", "http://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "was not ready" in result.output
