"""The gateway's client for one downstream service: per-attempt timeout, retries with exponential
backoff and full jitter inside an overall deadline, a circuit breaker, the request id and a service
token on every call, and metrics of every outcome."""

import asyncio
import hashlib
import hmac
import random
import time
from typing import Any

import httpx

from medichain.config import Settings
from medichain.core.request_context import current_request_id
from medichain.observability.metrics import DOWNSTREAM_CALLS, DOWNSTREAM_LATENCY
from medichain.services.breaker import CircuitBreaker

SERVICE_TOKEN_HEADER = "X-Service-Token"


def service_token(settings: Settings) -> str:
    """The token services present to each other, derived from the shared JWT secret."""
    secret = settings.jwt_secret.get_secret_value().encode()
    return hmac.new(secret, b"medichain-service-call", hashlib.sha256).hexdigest()


class ServiceUnavailable(Exception):
    """The service did not answer usefully: down, too slow, failing, or its breaker is open."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"{target}: {reason}")
        self.target = target
        self.reason = reason


class ServiceRejected(Exception):
    """The service answered with a 4xx: the request itself is wrong (never retried)."""

    def __init__(self, target: str, status: int, detail: str) -> None:
        super().__init__(f"{target} refused the call with HTTP {status}: {detail}")
        self.status = status


class ServiceClient:
    """Calls one service's JSON endpoints with timeouts, retries and a circuit breaker."""

    def __init__(self, target: str, base_url: str, settings: Settings) -> None:
        self.target = target
        self.base_url = base_url.rstrip("/")
        self.breaker = CircuitBreaker(target, settings.breaker_failures, settings.breaker_reset_s)
        self._timeout = settings.service_timeout_s
        self._retries = settings.service_retries
        self._backoff = settings.service_backoff_s
        self._token = service_token(settings)
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=httpx.Timeout(self._timeout),
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
        )

    async def post(self, path: str, payload: dict[str, Any]) -> Any:
        """POST `payload` and return the decoded JSON answer, or raise `ServiceUnavailable`."""
        if not self.breaker.allow():
            DOWNSTREAM_CALLS.labels(self.target, "rejected").inc()
            raise ServiceUnavailable(self.target, "circuit open")
        deadline = time.monotonic() + self._timeout * (self._retries + 1)
        reason = "no attempt"
        for attempt in range(self._retries + 1):
            if attempt:
                await asyncio.sleep(random.uniform(0, self._backoff * 2 ** (attempt - 1)))
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            outcome, reason, body = await self._attempt(path, payload, min(self._timeout, remaining))
            if outcome == "ok":
                self.breaker.record_success()
                return body
        self.breaker.record_failure()
        raise ServiceUnavailable(self.target, reason)

    async def get_status(self, path: str) -> tuple[int, float]:
        """GET `path` once (health probes): the status and the latency in ms (status 0 when unreachable)."""
        started = time.perf_counter()
        try:
            response = await self._http.get(path, headers=self._headers())
            status = response.status_code
        except httpx.HTTPError:
            status = 0
        return status, (time.perf_counter() - started) * 1000

    async def _attempt(self, path: str, payload: dict[str, Any], budget_s: float) -> tuple[str, str, Any]:
        """One try: ("ok", "", body) or (outcome, reason, None); 4xx raise `ServiceRejected`."""
        started = time.perf_counter()
        try:
            response = await self._http.post(path, json=payload, headers=self._headers(), timeout=budget_s)
        except httpx.TimeoutException:
            outcome, reason, body = "timeout", "timed out", None
        except httpx.TransportError as exc:
            outcome, reason, body = "error", f"unreachable ({type(exc).__name__})", None
        else:
            if response.status_code >= 500:
                outcome, reason, body = "error", f"HTTP {response.status_code}", None
            elif response.status_code >= 400:
                DOWNSTREAM_CALLS.labels(self.target, "rejected").inc()
                self.breaker.record_success()  # the service is up; the request was wrong
                raise ServiceRejected(self.target, response.status_code, response.text[:200])
            else:
                outcome, reason, body = "ok", "", response.json()
        DOWNSTREAM_CALLS.labels(self.target, outcome).inc()
        DOWNSTREAM_LATENCY.labels(self.target).observe(time.perf_counter() - started)
        return outcome, reason, body

    def _headers(self) -> dict[str, str]:
        headers = {SERVICE_TOKEN_HEADER: self._token}
        if request_id := current_request_id():
            headers["X-Request-ID"] = request_id
        return headers

    async def close(self) -> None:
        """Close pooled connections."""
        await self._http.aclose()
