"""The verdict of a fault run: what each person's history holds against the answers they were given, and
whether every failure was a clear one. Pure functions over the recorded attempts, so the rules are tested
on their own (`test_verdict.py`) and the long run only collects."""

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from medichain.services.catalog import GATEWAY
from tests.hardening.load import Attempt, Person

CLEAR_SOCKET_CODES = frozenset({"rate_limited", "database_unavailable", "store_unavailable"})
"""Error frames of `/ws/chat` that name their cause (the REST statuses are judged by their own rule)."""
CONNECTION_FAILURES = frozenset({"connection_refused", "connection_lost"})
DEGRADED = "fallback"
"""The provider of an answer given without the domain service (it was unreachable)."""


@dataclass
class Fault:
    """One injected fault: when it began, when it was undone (restored, restarted) and when every service
    answered `/ready` again."""

    name: str
    target: str
    started: float
    ended: float = 0.0
    recovered: float = 0.0
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def gateway_down(self) -> bool:
        return self.target == GATEWAY


def failure_label(attempt: Attempt) -> str:
    """How an attempt failed, as the report counts it: `503 database_unavailable`, `ws turn_failed`, ..."""
    if attempt.status is not None:
        return f"{attempt.status} {attempt.code or 'no_code'}"
    return attempt.code if attempt.code in CONNECTION_FAILURES | {"timeout"} else f"ws {attempt.code}"


def is_clear(attempt: Attempt, faults: Iterable[Fault]) -> bool:
    """A failure the client can act on: a 503 with an error code, a 429 with Retry-After, an error frame
    naming its cause, or a connection refused or dropped while the gateway was down."""
    if attempt.status is not None:
        return (attempt.status == 503 and bool(attempt.code)) or (
            attempt.status == 429 and bool(attempt.retry_after)
        )
    if attempt.code in CONNECTION_FAILURES:
        return any(
            f.gateway_down and attempt.started <= f.ended and attempt.ended >= f.started for f in faults
        )
    return attempt.code in CLEAR_SOCKET_CODES


@dataclass
class HistoryCheck:
    """One person's history against their answers."""

    lost: list[int] = field(default_factory=list)
    duplicated: list[int] = field(default_factory=list)
    half_written: list[int] = field(default_factory=list)
    stored_unacknowledged: list[int] = field(default_factory=list)


def check_history(person: Person, attempts: list[Attempt], messages: list[dict[str, Any]]) -> HistoryCheck:
    """Each answered sequence is stored exactly once (a question and the answer the client was given), and
    no question is stored without its answer."""
    roles: dict[int, Counter[str]] = {}
    answer_ids: dict[int, int] = {}
    for message in messages:
        roles.setdefault(message["sequence"], Counter())[message["role"]] += 1
        if message["role"] == "assistant":
            answer_ids[message["sequence"]] = message["id"]
    given: dict[int, set[int]] = {}
    for attempt in attempts:
        if attempt.ok and attempt.user_id == person.user_id:
            given.setdefault(attempt.sequence, set()).add(attempt.message_id)  # type: ignore[arg-type]
    check = HistoryCheck()
    for sequence, counts in sorted(roles.items()):
        if counts["user"] > 1 or counts["assistant"] > 1:
            check.duplicated.append(sequence)
        if counts["user"] != counts["assistant"]:
            check.half_written.append(sequence)
        if sequence not in given:
            check.stored_unacknowledged.append(sequence)
    for sequence, ids in sorted(given.items()):
        if len(ids) > 1:
            check.duplicated.append(sequence)  # a resend answered anew instead of from storage
        if answer_ids.get(sequence) not in ids:
            check.lost.append(sequence)
    return check


def verdict(
    people: list[Person],
    attempts: list[Attempt],
    histories: dict[str, list[dict[str, Any]]],
    faults: list[Fault],
) -> dict[str, Any]:
    """The report of the run (`test-artifacts/hardening-report.json`)."""
    checks = {p.user_id: check_history(p, attempts, histories[p.user_id]) for p in people}
    failed = [a for a in attempts if not a.ok]
    unclear = [a for a in failed if not is_clear(a, faults)]

    def total(name: str) -> int:
        return sum(len(getattr(c, name)) for c in checks.values())

    def problems(name: str) -> dict[str, list[int]]:
        return {user: getattr(c, name) for user, c in checks.items() if getattr(c, name)}

    return {
        "generated_at": _iso(time.time()),
        "people": dict(Counter(p.channel for p in people)),
        "requests_sent": len(attempts),
        "successes": len(attempts) - len(failed),
        "replayed_answers": sum(a.ok and a.replayed for a in attempts),
        "degraded_answers": sum(a.provider == DEGRADED for a in attempts),
        "messages_answered": len({(a.user_id, a.sequence) for a in attempts if a.ok}),
        "failures": dict(Counter(failure_label(a) for a in failed).most_common()),
        "faults": [
            {
                "name": f.name,
                "target": f.target,
                "started_at": _iso(f.started),
                "ended_at": _iso(f.ended),
                "recovered_at": _iso(f.recovered),
                "requests": sum(f.started <= a.started <= f.recovered for a in attempts),
                "failures": sum(f.started <= a.started <= f.recovered for a in failed),
                "degraded_answers": sum(
                    f.started <= a.started <= f.recovered and a.provider == DEGRADED for a in attempts
                ),
                **f.detail,
            }
            for f in faults
        ],
        "faults_injected": len(faults),
        "messages_lost": total("lost"),
        "duplicated_messages": total("duplicated"),
        "half_written_turns": total("half_written"),
        "stored_unacknowledged": total("stored_unacknowledged"),
        "unexpected_5xx": sum(a.status is not None and a.status >= 500 for a in unclear),
        "unclear_failures": len(unclear),
        "problems": {
            "lost": problems("lost"),
            "duplicated": problems("duplicated"),
            "half_written": problems("half_written"),
            "unclear": [
                f"{a.user_id} #{a.sequence} {a.channel}: {failure_label(a)} at {_iso(a.started)}"
                for a in unclear[:50]
            ],
        },
    }


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds")
