"""`medichain report llm`: the figures match the `answer_log` rows of the period and the ratings stored on
every shard; the recommendations follow from those figures; the command prints the same report."""

import asyncio
import json
import statistics
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from medichain.accounts.schemas import ProfileFields
from medichain.cli.main import app as cli
from medichain.config import Settings, get_settings
from medichain.conversations.service import TurnContext
from medichain.core.db.base import utcnow
from medichain.monitoring.models import AnswerLog
from medichain.monitoring.report import llm_report
from medichain.platform import Platform
from tests.conftest import running_app

ROWS: list[dict[str, Any]] = [
    {"domain": "drug", "provider": "openai", "latency_ms": 1200, "first_token_ms": 300,
     "prompt_tokens": 500, "completion_tokens": 100, "quality": 1.0},
    {"domain": "drug", "provider": "openai", "latency_ms": 12000, "first_token_ms": 4000,
     "prompt_tokens": 520, "completion_tokens": 140, "quality": 0.45, "failed_checks": "cited,language",
     "alerts": "slow,low_quality"},
    {"domain": "drug", "provider": "openai", "latency_ms": 900, "first_token_ms": 250,
     "prompt_tokens": 480, "completion_tokens": 60, "quality": 0.75, "failed_checks": "own_answer",
     "replaced": True},
    {"domain": "general", "provider": "grounded", "latency_ms": 40, "quality": 1.0},
    {"domain": "general", "provider": "grounded", "latency_ms": 8, "quality": 1.0, "cached": True},
    {"domain": "general", "provider": "grounded", "latency_ms": 60, "quality": 1.0, "evidence_found": False},
]  # fmt: skip
OLD_ROW = {"domain": "clinic", "provider": "grounded", "latency_ms": 99999, "quality": 0.1}
RATINGS = [("drug", 5), ("drug", 2), ("clinic", 4), ("general", 1), ("drug", 2)]


def spread(values: list[float]) -> dict[str, float]:
    """Mean, median and 95th percentile (linear interpolation, as numpy's default)."""
    p95 = statistics.quantiles(values, n=20, method="inclusive")[18]
    return {
        "mean": round(statistics.fmean(values), 3),
        "p50": statistics.median(values),
        "p95": round(p95, 3),
    }


async def store_rows(platform: Platform) -> None:
    """The answer rows of the period, and one older than the period."""
    defaults = {"lang": "ko", "triage_level": 5, "created_at": utcnow() - timedelta(hours=1)}
    old = defaults | OLD_ROW | {"created_at": utcnow() - timedelta(days=8)}
    async with platform.dbs.global_sessions.begin() as session:
        session.add_all(AnswerLog(**(defaults | row)) for row in [*ROWS, old])


async def store_ratings(platform: Platform) -> set[int]:
    """One rated answer per person (people land on both shards); returns the shards used."""
    for n, (domain, score) in enumerate(RATINGS):
        user = f"rater{n}"
        await platform.accounts.signup(user, "correct-horse-9", ProfileFields())
        room = await platform.conversations.create_room(user, None)
        response = {
            "answer": "…",
            "domain": domain,
            "confidence": 0.9,
            "triage": {"level": 5},
            "latency_ms": 5,
        }
        turn = await platform.conversations.record_turn(user, room.id, 1, "…", response, TurnContext(domain))
        await platform.conversations.feedback(user, turn.message_id, score, "")
    return {await platform.dbs.shard_of(f"rater{n}") for n in range(len(RATINGS))}


async def test_report_numbers_match_the_rows(settings: Settings) -> None:
    async with running_app(settings) as app:
        platform: Platform = app.state.platform
        await store_rows(platform)
        assert await store_ratings(platform) == {1, 2}, "ratings on both shards"
        report = await llm_report(platform.dbs, platform.settings, days=7)

    totals = report["totals"]
    assert (totals["answers"], totals["cached"], totals["replaced"], totals["no_evidence"]) == (6, 1, 1, 1)
    assert totals["latency_ms"] == spread([r["latency_ms"] for r in ROWS])
    assert totals["first_token_ms"] == spread([300, 4000, 250])
    assert totals["quality"] == {
        "mean": round((1.0 * 4 + 0.45 + 0.75) / 6, 3),
        "below_threshold": 0.167,
        "threshold": 0.6,
    }
    assert totals["tokens_per_request"] == {"requests": 3, "prompt": 500.0, "completion": 100.0}
    drug, general = report["by_domain"]["drug"], report["by_domain"]["general"]
    assert drug["latency_ms"] == spread([1200, 12000, 900]) and drug["replaced"] == 1
    assert (general["answers"], general["cached"], general["tokens_per_request"]["requests"]) == (3, 1, 0)
    assert set(report["by_domain"]) == {"drug", "general"}, "the row older than the period is left out"
    assert report["by_provider"]["openai"]["quality"]["below_threshold"] == 0.333
    assert report["alerts"] == {"slow": 1, "low_quality": 1}
    assert report["failed_checks"] == {"cited": 1, "language": 1, "own_answer": 1}

    rated = report["feedback"]
    assert (rated["count"], rated["average"]) == (5, 2.8)
    assert rated["distribution"] == {"1": 1, "2": 2, "3": 0, "4": 1, "5": 1}
    assert rated["by_domain"] == {
        "clinic": {"count": 1, "average": 4.0},
        "drug": {"count": 3, "average": 3.0},
        "general": {"count": 1, "average": 1.0},
    }

    advice = " ".join(report["recommendations"])
    assert "17% of answers scored below 0.6" in advice
    assert "33% of openai answers were replaced" in advice
    assert "33% of general questions found no evidence" in advice
    assert "rated answers 2.8 / 5" in advice
    assert "p95 time to the first LLM token is 3.6 s" in advice
    assert "p95 latency" not in advice, "9.3 s is under the 10 s threshold"


async def test_the_command_prints_the_report(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with running_app(settings) as app:
        await store_rows(app.state.platform)
        expected = await llm_report(app.state.platform.dbs, app.state.platform.settings, days=7)
    monkeypatch.chdir(tmp_path)  # no .env
    env = {
        "MEDICHAIN_ENV": "test",
        "MEDICHAIN_GLOBAL_DATABASE_URL": settings.global_database_url,
        "MEDICHAIN_DATA_KEYS": ",".join(key.get_secret_value() for key in settings.data_keys),
        "MEDICHAIN_JWT_SECRET": settings.jwt_secret.get_secret_value(),
        "MEDICHAIN_LOOKUP_KEY": settings.lookup_key.get_secret_value(),
        "MEDICHAIN_REDIS_URL": settings.redis_url,
        "MEDICHAIN_REDIS_PREFIX": settings.redis_prefix,
        "MEDICHAIN_DATA_DIR": str(settings.data_dir),
        "MEDICHAIN_LOG_JSON": "false",
    }
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        printed = await asyncio.to_thread(
            runner.invoke, cli, ["report", "llm", "--days", "7", "--json"], env=env
        )
        table = await asyncio.to_thread(runner.invoke, cli, ["report", "llm"], env=env)
    finally:
        get_settings.cache_clear()
    assert printed.exit_code == 0, printed.output
    report = json.loads(printed.stdout)
    assert {k: v for k, v in report.items() if k != "period"} == {
        k: v for k, v in expected.items() if k != "period"
    }
    assert table.exit_code == 0, table.output
    assert "provider openai" in table.stdout and "alerts: slow 1, low_quality 1" in table.stdout
