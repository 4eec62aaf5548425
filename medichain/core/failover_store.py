"""Redis with a local fallback, so an outage of the shared store degrades the platform instead of
stopping it.

While Redis answers, every call goes to it, and values read or written are mirrored briefly in
process memory. When a call fails, the store turns *degraded*: calls are served by the local store
(which knows the mirrored sessions, so signed-in people stay signed in) and every write is journaled.
Redis is probed again every `retry_s`; once it answers, the journal is replayed into it (writes,
deletions and revocations made during the outage catch up) and Redis is primary again. Rate limits
are per process while degraded.
"""

import logging
import time
from collections import deque
from typing import Any

from redis.exceptions import RedisError

from medichain.config import Settings
from medichain.core.kv import KeyValueStore, MemoryStore, RedisStore
from medichain.observability.metrics import STORE_DEGRADED

log = logging.getLogger("medichain.store")

MIRROR_TTL_S = 900
"""How long a value read from Redis stays known locally (an access token's lifetime by default)."""
JOURNAL_LIMIT = 100_000
_WRITES = frozenset({"put", "delete", "incr", "add_to_set", "remove_from_set", "compare_and_set"})
_OUTAGE = (RedisError, ConnectionError, OSError, TimeoutError)


class FailoverStore:
    """A `KeyValueStore` over Redis that falls back to process memory during an outage."""

    def __init__(self, primary: RedisStore, retry_s: float) -> None:
        self._primary = primary
        self._local = MemoryStore()
        self._retry_s = retry_s
        self._degraded_since: float | None = None
        self._next_probe = 0.0
        self._journal: deque[tuple[str, tuple[Any, ...], float]] = deque(maxlen=JOURNAL_LIMIT)
        STORE_DEGRADED.set(0)

    @property
    def degraded(self) -> bool:
        """Whether Redis is currently unreachable and local state is used."""
        return self._degraded_since is not None

    async def _call(self, op: str, *args: Any) -> Any:
        if self.degraded and time.monotonic() >= self._next_probe:
            await self._try_recover()
        if not self.degraded:
            try:
                result = await getattr(self._primary, op)(*args)
            except _OUTAGE as exc:
                self._degrade(exc)
            else:
                await self._mirror(op, args, result)
                return result
        if op in _WRITES:
            self._journal.append((op, args, time.monotonic()))
        return await getattr(self._local, op)(*args)

    async def _mirror(self, op: str, args: tuple[Any, ...], result: Any) -> None:
        """Keep what Redis holds for sessions and the like known locally, for the next outage."""
        if op == "get" and result is not None:
            await self._local.put(args[0], result, MIRROR_TTL_S)
        elif op == "put":
            await self._local.put(args[0], args[1], min(int(args[2]), MIRROR_TTL_S))
        elif op == "compare_and_set" and result:
            await self._local.put(args[0], args[2], min(int(args[3]), MIRROR_TTL_S))
        elif op in ("delete", "remove_from_set", "add_to_set"):
            await getattr(self._local, op)(*args)

    def _degrade(self, exc: BaseException) -> None:
        if not self.degraded:
            log.error(
                "shared store unreachable: serving from local state", extra={"reason": type(exc).__name__}
            )
            self._degraded_since = time.monotonic()
            STORE_DEGRADED.set(1)
        self._next_probe = time.monotonic() + self._retry_s

    async def _try_recover(self) -> None:
        try:
            await self._primary.ping()
            replayed = await self._replay()
        except _OUTAGE as exc:
            self._degrade(exc)
            return
        outage_s = time.monotonic() - (self._degraded_since or time.monotonic())
        self._degraded_since = None
        STORE_DEGRADED.set(0)
        log.warning("shared store back", extra={"outage_s": round(outage_s, 1), "replayed": replayed})

    async def _replay(self) -> int:
        """Apply the writes made during the outage to Redis, oldest first; a failure keeps the rest."""
        count = 0
        while self._journal:
            op, args, at = self._journal[0]
            if op == "put":
                remaining = int(args[2] - (time.monotonic() - at))
                if remaining > 0:
                    await self._primary.put(args[0], args[1], remaining)
            elif op == "compare_and_set":
                await self._primary.put(args[0], args[2], int(args[3]))
            else:
                await getattr(self._primary, op)(*args)
            self._journal.popleft()
            count += 1
        return count

    async def get(self, key: str) -> str | None:
        return await self._call("get", key)

    async def put(self, key: str, value: str, ttl_s: int) -> None:
        await self._call("put", key, value, ttl_s)

    async def delete(self, *keys: str) -> None:
        await self._call("delete", *keys)

    async def compare_and_set(self, key: str, expected: str, value: str, ttl_s: int) -> bool:
        return await self._call("compare_and_set", key, expected, value, ttl_s)

    async def incr(self, key: str, ttl_s: int) -> int:
        return await self._call("incr", key, ttl_s)

    async def ttl(self, key: str) -> int:
        return await self._call("ttl", key)

    async def add_to_set(self, key: str, member: str, ttl_s: int) -> int:
        return await self._call("add_to_set", key, member, ttl_s)

    async def members(self, key: str) -> set[str]:
        return await self._call("members", key)

    async def remove_from_set(self, key: str, member: str) -> None:
        await self._call("remove_from_set", key, member)

    async def take_token(self, key: str, rate_per_s: float, burst: int, cost: float = 1.0) -> float:
        return await self._call("take_token", key, rate_per_s, burst, cost)

    async def ping(self) -> bool:
        """Readiness asks Redis itself: it raises while Redis is unreachable, even though calls are served."""
        return await self._primary.ping()

    async def close(self) -> None:
        await self._primary.close()
        await self._local.close()


def create_store(settings: Settings) -> KeyValueStore:
    """Redis with the local fallback when `MEDICHAIN_REDIS_URL` is set, otherwise the in-process store."""
    if settings.redis_enabled:
        return FailoverStore(RedisStore(settings.redis_url, settings.redis_prefix), settings.store_retry_s)
    return MemoryStore()
