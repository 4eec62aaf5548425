"""Token-bucket rate limits on the shared store, so replicas on one Redis share every bucket."""

import math
from dataclasses import dataclass

from medichain.core.kv import KeyValueStore


@dataclass(frozen=True, slots=True)
class Limit:
    """A bucket: `rate` tokens per second refilled up to `burst`."""

    rate_per_s: float
    burst: int


class RateLimited(Exception):
    """The bucket is empty; retry after `retry_after_s` seconds."""

    def __init__(self, scope: str, retry_after_s: int) -> None:
        super().__init__(f"rate limit exceeded for {scope}")
        self.scope = scope
        self.retry_after_s = retry_after_s


class RateLimiter:
    """Checks buckets keyed by scope (ip, user, auth) and subject."""

    def __init__(self, store: KeyValueStore) -> None:
        self._store = store

    async def hit(self, scope: str, subject: str, limit: Limit, cost: float = 1.0) -> None:
        """Take `cost` tokens or raise `RateLimited`."""
        wait = await self._store.take_token(_key(scope, subject), limit.rate_per_s, limit.burst, cost)
        if wait > 0:
            raise RateLimited(scope, max(1, math.ceil(wait)))

    async def forget(self, scope: str, subject: str) -> None:
        """Drop a subject's bucket (an erased account leaves no key naming it)."""
        await self._store.delete(_key(scope, subject))


def _key(scope: str, subject: str) -> str:
    return f"rl:{scope}:{subject}"
