"""The rules of the fault run's verdict (fast: no servers), so a lost, duplicated or half-written turn
and an unclear failure are known to fail the long run."""

from tests.hardening.load import Attempt, Person
from tests.hardening.verdict import Fault, check_history, is_clear, verdict

ALICE = Person("alice", "token", "room", "rest")
GATEWAY_CRASH = Fault("gateway killed and restarted", "chatbot_server", started=100.0, ended=130.0)
REDIS_CUT = Fault("redis cut and restored", "redis", started=50.0, ended=55.0, recovered=56.0)


def answered(sequence: int, message_id: int, replayed: bool = False) -> Attempt:
    return Attempt("alice", "rest", sequence, 10.0, 11.0, message_id=message_id, replayed=replayed)


def failed(started: float, status: int | None = None, code: str = "", retry_after: str = "") -> Attempt:
    return Attempt(
        "alice", "rest", 9, started, started + 1, status=status, code=code, retry_after=retry_after
    )


def turn(sequence: int, question_id: int, answer_id: int) -> list[dict]:
    return [
        {"id": question_id, "role": "user", "sequence": sequence},
        {"id": answer_id, "role": "assistant", "sequence": sequence},
    ]


def test_a_clean_history_passes() -> None:
    attempts = [answered(1, 2), failed(101, code="connection_lost"), answered(2, 4, replayed=True)]
    check = check_history(ALICE, attempts, turn(1, 1, 2) + turn(2, 3, 4) + turn(3, 5, 6))
    assert (check.lost, check.duplicated, check.half_written) == ([], [], [])
    assert check.stored_unacknowledged == [3]  # stored, but the answer never reached the client


def test_lost_duplicated_and_half_written_turns_are_found() -> None:
    attempts = [answered(1, 2), answered(2, 4), answered(3, 6), answered(3, 8)]
    messages = [*turn(1, 1, 2), {"id": 3, "role": "user", "sequence": 2}, *turn(3, 5, 6), *turn(4, 9, 10)]
    messages += [{"id": 11, "role": "user", "sequence": 4}]
    check = check_history(ALICE, attempts, messages)
    assert check.lost == [2]
    assert check.half_written == [2, 4]
    assert check.duplicated == [4, 3]  # stored twice, and answered anew on a resend


def test_an_answer_given_with_another_id_than_stored_is_lost() -> None:
    assert check_history(ALICE, [answered(1, 99)], turn(1, 1, 2)).lost == [1]


def test_clear_failures() -> None:
    faults = [REDIS_CUT, GATEWAY_CRASH]
    assert is_clear(failed(52, 503, "database_unavailable"), faults)
    assert is_clear(failed(52, 429, "rate_limited", retry_after="1"), faults)
    assert is_clear(failed(99.5, code="connection_lost"), faults)  # in flight at the crash
    assert is_clear(failed(120, code="connection_refused"), faults)
    assert is_clear(Attempt("alice", "ws", 3, 52, 53, code="store_unavailable"), faults)


def test_unclear_failures() -> None:
    faults = [REDIS_CUT, GATEWAY_CRASH]
    assert not is_clear(failed(52, 500, "internal_error"), faults)
    assert not is_clear(failed(52, 502), faults)
    assert not is_clear(failed(52, 503), faults)  # no error code
    assert not is_clear(failed(52, 429, "rate_limited"), faults)  # no Retry-After
    assert not is_clear(failed(52, code="connection_refused"), faults)  # the gateway was up
    assert not is_clear(failed(52, code="timeout"), faults)
    assert not is_clear(Attempt("alice", "ws", 3, 52, 53, code="turn_failed"), faults)


def test_the_report_counts_unexpected_5xx() -> None:
    attempts = [answered(1, 2), failed(52, 500, "internal_error"), failed(52, 503, "store_unavailable")]
    report = verdict([ALICE], attempts, {"alice": turn(1, 1, 2)}, [REDIS_CUT])
    assert report["requests_sent"] == 3 and report["successes"] == 1
    assert report["failures"] == {"500 internal_error": 1, "503 store_unavailable": 1}
    assert report["unexpected_5xx"] == 1 and report["unclear_failures"] == 1
    assert report["faults"][0]["requests"] == 2 and report["faults"][0]["failures"] == 2
