"""`medichain report llm`: the answers of a period from `answer_log`, the people's feedback from every shard,
and short recommendations derived from those figures."""

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Row, select

from medichain.config import Settings
from medichain.conversations.models import ConsultationHistory, Feedback
from medichain.core.db.base import utcnow
from medichain.core.db.shards import Databases
from medichain.monitoring.models import AnswerLog

REPLACED_RATE_MAX = 0.05
LOW_QUALITY_SHARE_MAX = 0.05
NO_EVIDENCE_SHARE_MAX = 0.20
FEEDBACK_AVERAGE_MIN = 3.5
FEEDBACK_MIN_COUNT = 5
FIRST_TOKEN_P95_MAX_MS = 3000.0
ALERT_KINDS = ("slow", "low_quality")

_COLUMNS = (
    AnswerLog.domain,
    AnswerLog.provider,
    AnswerLog.latency_ms,
    AnswerLog.first_token_ms,
    AnswerLog.prompt_tokens,
    AnswerLog.completion_tokens,
    AnswerLog.quality,
    AnswerLog.failed_checks,
    AnswerLog.cached,
    AnswerLog.replaced,
    AnswerLog.evidence_found,
    AnswerLog.alerts,
)


async def llm_report(dbs: Databases, settings: Settings, days: int) -> dict[str, Any]:
    """The figures of the last `days` days (see the README, "Monitoring answers")."""
    until = utcnow()
    since = until - timedelta(days=days)
    async with dbs.global_sessions() as session:
        rows = (await session.execute(select(*_COLUMNS).where(AnswerLog.created_at >= since))).all()
    by_domain: defaultdict[str, list[Row]] = defaultdict(list)
    by_provider: defaultdict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_domain[row.domain].append(row)
        by_provider[row.provider].append(row)
    threshold = settings.answer_quality_min
    report: dict[str, Any] = {
        "period": {"days": days, "since": since.isoformat(), "until": until.isoformat()},
        "totals": summarise(rows, threshold),
        "by_domain": {name: summarise(group, threshold) for name, group in sorted(by_domain.items())},
        "by_provider": {name: summarise(group, threshold) for name, group in sorted(by_provider.items())},
        "alerts": {kind: sum(kind in row.alerts.split(",") for row in rows) for kind in ALERT_KINDS},
        "failed_checks": dict(
            Counter(c for row in rows for c in row.failed_checks.split(",") if c).most_common()
        ),
        "feedback": await feedback(dbs, since),
    }
    report["recommendations"] = recommendations(report, settings)
    return report


def summarise(rows: Sequence[Row], threshold: float) -> dict[str, Any]:
    """Counts, latency, quality and tokens of a group of answers. Tokens per request count the answers an
    LLM was asked to write (not cached, not grounded-only)."""
    count = len(rows)
    llm = [r for r in rows if r.prompt_tokens or r.completion_tokens]
    qualities = [r.quality for r in rows]
    return {
        "answers": count,
        "cached": sum(r.cached for r in rows),
        "replaced": sum(r.replaced for r in rows),
        "no_evidence": sum(not r.evidence_found for r in rows),
        "latency_ms": _spread([r.latency_ms for r in rows]),
        "first_token_ms": _spread([r.first_token_ms for r in rows if r.first_token_ms is not None]),
        "quality": {
            "mean": _round(float(np.mean(qualities))) if qualities else None,
            "below_threshold": _round(sum(q < threshold for q in qualities) / count) if count else None,
            "threshold": threshold,
        },
        "tokens_per_request": {
            "requests": len(llm),
            "prompt": _round(float(np.mean([r.prompt_tokens for r in llm]))) if llm else None,
            "completion": _round(float(np.mean([r.completion_tokens for r in llm]))) if llm else None,
        },
    }


async def feedback(dbs: Databases, since: datetime) -> dict[str, Any]:
    """Ratings (1–5) given in the period, on every shard, overall and by the domain of the rated answer."""
    scores: Counter[int] = Counter()
    by_domain: defaultdict[str, list[int]] = defaultdict(list)
    statement = (
        select(Feedback.score, ConsultationHistory.domain)
        .outerjoin(ConsultationHistory, ConsultationHistory.message_id == Feedback.message_id)
        .where(Feedback.created_at >= since)
    )
    for shard_id in dbs.shards:
        async with dbs.shard_session(shard_id) as session:
            for value, domain in await session.execute(statement):
                scores[value] += 1
                by_domain[domain or "unknown"].append(value)
    count = sum(scores.values())
    return {
        "count": count,
        "average": _round(sum(s * n for s, n in scores.items()) / count) if count else None,
        "distribution": {str(s): scores.get(s, 0) for s in range(1, 6)},
        "by_domain": {
            domain: {"count": len(values), "average": _round(sum(values) / len(values))}
            for domain, values in sorted(by_domain.items())
        },
    }


def recommendations(report: dict[str, Any], settings: Settings) -> list[str]:
    """Plain sentences for whoever runs the platform, each one triggered by a figure of the report."""
    totals = report["totals"]
    if not totals["answers"]:
        return ["No answers were recorded in this period: nothing to judge yet."]
    advice = []
    slow_ms = settings.answer_slow_s * 1000
    p95 = totals["latency_ms"]["p95"]
    if p95 > slow_ms:
        slowest = max(report["by_domain"].items(), key=lambda item: item[1]["latency_ms"]["p95"])[0]
        advice.append(
            f"p95 latency is {p95 / 1000:.1f} s, above the {settings.answer_slow_s:g} s alert threshold "
            f"(slowest domain: {slowest}): use a faster model or fewer max tokens, or scale the domain services."
        )
    first_token = totals["first_token_ms"]["p95"]
    if first_token is not None and first_token > FIRST_TOKEN_P95_MAX_MS:
        advice.append(
            f"p95 time to the first LLM token is {first_token / 1000:.1f} s: people wait before any text "
            "appears; check the LLM server's queue and prompt length."
        )
    low_share = totals["quality"]["below_threshold"]
    if low_share > LOW_QUALITY_SHARE_MAX:
        checks = report["failed_checks"]
        worst = f" (most failed check: {next(iter(checks))})" if checks else ""
        advice.append(
            f"{low_share:.0%} of answers scored below {settings.answer_quality_min:g}{worst}: "
            "review the `answer alert` logs of the period."
        )
    for provider, figures in report["by_provider"].items():
        rate = figures["replaced"] / figures["answers"]
        if rate > REPLACED_RATE_MAX:
            advice.append(
                f"{rate:.0%} of {provider} answers were replaced by the grounded answer (failed safety "
                "checks or no answer): review that model and its prompt, or its server's health."
            )
    for domain, figures in report["by_domain"].items():
        share = figures["no_evidence"] / figures["answers"]
        if share > NO_EVIDENCE_SHARE_MAX:
            advice.append(
                f"{share:.0%} of {domain} questions found no evidence: import more data for that domain."
            )
    rated = report["feedback"]
    if rated["count"] >= FEEDBACK_MIN_COUNT and rated["average"] < FEEDBACK_AVERAGE_MIN:
        advice.append(
            f"People rated answers {rated['average']:.1f} / 5 on average ({rated['count']} ratings): "
            "read the comments of the low ratings."
        )
    return advice or ["No action needed: latency, quality, replacements and feedback are within bounds."]


def _spread(values: Sequence[float]) -> dict[str, float | None]:
    """Mean, median and 95th percentile (None without values)."""
    if not values:
        return {"mean": None, "p50": None, "p95": None}
    array = np.asarray(values, dtype=float)
    p50, p95 = np.percentile(array, [50, 95])
    return {"mean": _round(float(array.mean())), "p50": _round(float(p50)), "p95": _round(float(p95))}


def _round(value: float) -> float:
    return round(value, 3)
