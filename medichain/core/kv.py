"""Shared key-value state (sessions, rate limits, lockouts): Redis when configured, else in-process.

Both stores implement the same small protocol, so every feature is written once and replicas share
state exactly when Redis is configured.
"""

import asyncio
import math
import time
from typing import Protocol

from redis.asyncio import Redis

# Token bucket: KEYS[1] bucket; ARGV rate/s, burst, cost, now. Returns seconds to wait (0 = allowed).
_TOKEN_BUCKET = """
local b = redis.call('HMGET', KEYS[1], 't', 'ts')
local rate, burst, cost, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local wait = 0
if tokens >= cost then tokens = tokens - cost else wait = (cost - tokens) / rate end
redis.call('HSET', KEYS[1], 't', tokens, 'ts', now)
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return tostring(wait)
"""

_COMPARE_AND_SET = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) return 1
end
return 0
"""

_INCR_WITH_TTL = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n
"""


class KeyValueStore(Protocol):
    """The operations features need from shared state."""

    async def get(self, key: str) -> str | None: ...
    async def put(self, key: str, value: str, ttl_s: int) -> None: ...
    async def delete(self, *keys: str) -> None: ...
    async def compare_and_set(self, key: str, expected: str, value: str, ttl_s: int) -> bool: ...
    async def incr(self, key: str, ttl_s: int) -> int: ...
    async def ttl(self, key: str) -> int: ...
    async def add_to_set(self, key: str, member: str, ttl_s: int) -> int: ...
    async def members(self, key: str) -> set[str]: ...
    async def remove_from_set(self, key: str, member: str) -> None: ...
    async def take_token(self, key: str, rate_per_s: float, burst: int, cost: float = 1.0) -> float: ...
    async def ping(self) -> bool: ...
    async def close(self) -> None: ...


class MemoryStore:
    """In-process store with expiry, for the embedded single-process mode and tests."""

    def __init__(self) -> None:
        self._values: dict[str, tuple[object, float]] = {}
        self._lock = asyncio.Lock()

    def _live(self, key: str) -> object | None:
        item = self._values.get(key)
        if item is None:
            return None
        if item[1] <= time.monotonic():
            del self._values[key]
            return None
        return item[0]

    def _put(self, key: str, value: object, ttl_s: float) -> None:
        self._values[key] = (value, time.monotonic() + ttl_s)
        if len(self._values) > 100_000:
            self._sweep()

    def _sweep(self) -> None:
        now = time.monotonic()
        for key in [k for k, (_, exp) in self._values.items() if exp <= now]:
            del self._values[key]

    async def get(self, key: str) -> str | None:
        value = self._live(key)
        return value if isinstance(value, str) else None

    async def put(self, key: str, value: str, ttl_s: int) -> None:
        self._put(key, value, ttl_s)

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self._values.pop(key, None)

    async def compare_and_set(self, key: str, expected: str, value: str, ttl_s: int) -> bool:
        async with self._lock:
            if self._live(key) != expected:
                return False
            self._put(key, value, ttl_s)
            return True

    async def incr(self, key: str, ttl_s: int) -> int:
        current = self._live(key)
        if isinstance(current, int):
            count = current + 1
            self._values[key] = (count, self._values[key][1])
        else:
            count = 1
            self._put(key, count, ttl_s)
        return count

    async def ttl(self, key: str) -> int:
        if self._live(key) is None:
            return -2
        return max(0, math.ceil(self._values[key][1] - time.monotonic()))

    async def add_to_set(self, key: str, member: str, ttl_s: int) -> int:
        current = self._live(key)
        members = current if isinstance(current, set) else set()
        members.add(member)
        self._put(key, members, ttl_s)
        return len(members)

    async def members(self, key: str) -> set[str]:
        current = self._live(key)
        return set(current) if isinstance(current, set) else set()

    async def remove_from_set(self, key: str, member: str) -> None:
        current = self._live(key)
        if isinstance(current, set):
            current.discard(member)

    async def take_token(self, key: str, rate_per_s: float, burst: int, cost: float = 1.0) -> float:
        now = time.monotonic()
        current = self._live(key)
        tokens, stamp = current if isinstance(current, tuple) else (float(burst), now)
        tokens = min(burst, tokens + max(0.0, now - stamp) * rate_per_s)
        wait = 0.0
        if tokens >= cost:
            tokens -= cost
        else:
            wait = (cost - tokens) / rate_per_s
        self._put(key, (tokens, now), burst / rate_per_s + 1)
        return wait

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._values.clear()


class RedisStore:
    """Redis-backed store shared by every replica; keys live under a prefix."""

    def __init__(self, url: str, prefix: str) -> None:
        self._redis = Redis.from_url(url, decode_responses=True, socket_timeout=2, socket_connect_timeout=2)
        self._prefix = prefix
        self._bucket = self._redis.register_script(_TOKEN_BUCKET)
        self._cas = self._redis.register_script(_COMPARE_AND_SET)
        self._incr = self._redis.register_script(_INCR_WITH_TTL)

    def _k(self, key: str) -> str:
        return self._prefix + key

    async def get(self, key: str) -> str | None:
        return await self._redis.get(self._k(key))

    async def put(self, key: str, value: str, ttl_s: int) -> None:
        await self._redis.set(self._k(key), value, ex=max(1, ttl_s))

    async def delete(self, *keys: str) -> None:
        if keys:
            await self._redis.delete(*(self._k(k) for k in keys))

    async def compare_and_set(self, key: str, expected: str, value: str, ttl_s: int) -> bool:
        return bool(await self._cas(keys=[self._k(key)], args=[expected, value, max(1, ttl_s)]))

    async def incr(self, key: str, ttl_s: int) -> int:
        return int(await self._incr(keys=[self._k(key)], args=[max(1, ttl_s)]))

    async def ttl(self, key: str) -> int:
        return int(await self._redis.ttl(self._k(key)))

    async def add_to_set(self, key: str, member: str, ttl_s: int) -> int:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.sadd(self._k(key), member).expire(self._k(key), max(1, ttl_s)).scard(self._k(key))
            *_, size = await pipe.execute()
        return int(size)

    async def members(self, key: str) -> set[str]:
        return set(await self._redis.smembers(self._k(key)))

    async def remove_from_set(self, key: str, member: str) -> None:
        await self._redis.srem(self._k(key), member)

    async def take_token(self, key: str, rate_per_s: float, burst: int, cost: float = 1.0) -> float:
        wait = await self._bucket(keys=[self._k(key)], args=[rate_per_s, burst, cost, time.time()])
        return float(wait)

    async def ping(self) -> bool:
        return bool(await self._redis.ping())

    async def close(self) -> None:
        await self._redis.aclose()
