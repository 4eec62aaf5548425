"""Aggregates the dashboard figures over every shard and the global database."""

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import func, select

from medichain.audit.models import SecurityEvent
from medichain.conversations.models import ConsultationHistory, Feedback
from medichain.core.db.base import utcnow
from medichain.health.service import service_health
from medichain.platform import Platform

SAFETY_KINDS = ("answer_replaced",)


async def dashboard_stats(platform: Platform, days: int) -> dict[str, Any]:
    """Figures for the last `days` days."""
    since = utcnow() - timedelta(days=days)
    volume: Counter[tuple[str, str]] = Counter()
    triage: Counter[str] = Counter()
    scores: Counter[str] = Counter()
    latencies: list[int] = []
    for shard_id in platform.dbs.shards:
        async with platform.dbs.shard_session(shard_id) as session:
            history = ConsultationHistory
            rows = await session.execute(
                select(func.date(history.created_at), history.domain, func.count())
                .where(history.created_at >= since)
                .group_by(func.date(history.created_at), history.domain)
            )
            for day, domain, count in rows:
                volume[(str(day), domain)] += count
            for level, count in await session.execute(
                select(history.triage_level, func.count())
                .where(history.created_at >= since)
                .group_by(history.triage_level)
            ):
                triage[str(level)] += count
            latencies += list(
                await session.scalars(
                    select(history.response_time_ms).where(
                        history.created_at >= since, history.response_time_ms.is_not(None)
                    )
                )
            )
            for score, count in await session.execute(
                select(Feedback.score, func.count())
                .where(Feedback.created_at >= since)
                .group_by(Feedback.score)
            ):
                scores[str(score)] += count
    async with platform.dbs.global_sessions() as session:
        safety = await session.execute(
            select(SecurityEvent.kind, func.count())
            .where(SecurityEvent.created_at >= since, SecurityEvent.kind.in_(SAFETY_KINDS))
            .group_by(SecurityEvent.kind)
        )
        safety_events = [{"kind": kind, "count": count} for kind, count in safety]
    feedback_count = sum(scores.values())
    cache = platform.chat.pipeline.cache_stats
    return {
        "since": since.isoformat(),
        "chat_volume": [{"date": d, "domain": dom, "count": n} for (d, dom), n in sorted(volume.items())],
        "latency_ms": _percentiles(latencies),
        "llm": {"provider": platform.settings.llm_provider, "model": platform.settings.llm_model},
        "cache": {"hits": cache.hits, "misses": cache.misses, "hit_rate": round(cache.hit_rate, 4)},
        "feedback": {
            "count": feedback_count,
            "average": round(sum(int(s) * n for s, n in scores.items()) / feedback_count, 2)
            if feedback_count
            else None,
            "distribution": {str(s): scores.get(str(s), 0) for s in range(1, 6)},
        },
        "triage_levels": {str(level): triage.get(str(level), 0) for level in range(1, 6)},
        "safety_events": safety_events,
        "service_health": [
            {
                "service_name": row.service_name,
                "status": row.status,
                "last_check": row.last_check.isoformat() if isinstance(row.last_check, datetime) else None,
                "response_time_ms": row.response_time_ms,
                "error_count": row.error_count,
            }
            for row in await service_health(platform)
        ],
    }


def _percentiles(values: list[int]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p95": None, "p99": None, "count": 0}
    p50, p95, p99 = np.percentile(np.asarray(values, dtype=float), [50, 95, 99])
    return {"p50": round(p50, 1), "p95": round(p95, 1), "p99": round(p99, 1), "count": len(values)}
