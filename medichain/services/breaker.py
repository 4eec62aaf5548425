"""A circuit breaker per downstream service: closed → open after N consecutive failures → half-open
after a cool-down (one trial call) → closed on success, open again on failure."""

import time
from enum import IntEnum

from medichain.observability.metrics import BREAKER_STATE


class BreakerState(IntEnum):
    """Exported as the value of `medichain_circuit_breaker_state`."""

    CLOSED = 0
    HALF_OPEN = 1
    OPEN = 2


class CircuitBreaker:
    """Counts consecutive failures of one target and decides whether a call may go out."""

    def __init__(self, target: str, failures: int, reset_s: float) -> None:
        self.target = target
        self._threshold = failures
        self._reset_s = reset_s
        self._failures = 0
        self._opened_at = 0.0
        self._trial_started: float | None = None
        self._state = BreakerState.CLOSED
        BREAKER_STATE.labels(target).set(0)

    @property
    def state(self) -> BreakerState:
        """The state now (an open breaker past its cool-down reads as half-open)."""
        if self._state is BreakerState.OPEN and time.monotonic() - self._opened_at >= self._reset_s:
            self._set(BreakerState.HALF_OPEN)
            self._trial_started = None
        return self._state

    def allow(self) -> bool:
        """Whether a call may go out now: always when closed, one trial at a time when half-open (a trial
        that never reported back, e.g. cancelled with its request, is replaced after the cool-down)."""
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        now = time.monotonic()
        if state is BreakerState.HALF_OPEN and (
            self._trial_started is None or now - self._trial_started >= self._reset_s
        ):
            self._trial_started = now
            return True
        return False

    def record_success(self) -> None:
        """A call succeeded: close."""
        self._failures = 0
        self._trial_started = None
        self._set(BreakerState.CLOSED)

    def record_failure(self) -> None:
        """A call failed: open after the threshold, or at once when it was the half-open trial."""
        self._failures += 1
        self._trial_started = None
        if self._state is BreakerState.HALF_OPEN or self._failures >= self._threshold:
            self._opened_at = time.monotonic()
            self._set(BreakerState.OPEN)

    def _set(self, state: BreakerState) -> None:
        self._state = state
        BREAKER_STATE.labels(self.target).set(int(state))
