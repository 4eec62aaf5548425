"""The semantic cache (the seed's answer to LLM cost): equivalent questions reuse a stored answer.

Lookup is two-step: an exact key on the normalised question (shared by every replica through the
store), then — when an embedder is given — the nearest recently cached question of the same domain
and language above a cosine threshold. Emergencies and answers that depend on the person's profile or
location are never cached (the caller decides with `cacheable`).
"""

import hashlib
import re
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import numpy as np
import orjson

from medichain.core.kv import KeyValueStore
from medichain.core.text import normalize
from medichain.observability.metrics import CACHE_LOOKUPS

_NON_WORD = re.compile(r"[\W_]+")
MAX_VECTORS_PER_BUCKET = 2000
Embed = Callable[[str], Awaitable[np.ndarray]]


def cache_key(domain: str, lang: str, text: str) -> str:
    """The exact-match key: domain, language and the question without case, spaces and punctuation."""
    canonical = _NON_WORD.sub("", normalize(text))
    return f"answer:{domain}:{lang}:{hashlib.sha256(canonical.encode()).hexdigest()[:32]}"


@dataclass
class CacheStats:
    """Counts since start (exported as metrics)."""

    hits: int = 0
    misses: int = 0

    @property
    def hit_rate(self) -> float:
        """Hits over lookups."""
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


class SemanticCache:
    """Answers keyed by question; similar questions found through their embeddings."""

    def __init__(
        self, store: KeyValueStore, ttl_s: int, similarity: float, embed: Embed | None = None
    ) -> None:
        self._store = store
        self._ttl = ttl_s
        self._similarity = similarity
        self._embed = embed
        self._vectors: dict[str, _Bucket] = {}
        self._lock = threading.Lock()
        self.stats = CacheStats()

    @property
    def enabled(self) -> bool:
        """False when the TTL is 0."""
        return self._ttl > 0

    async def get(self, domain: str, lang: str, text: str) -> dict | None:
        """A cached response object for this question (or an equivalent one), if still fresh."""
        if not self.enabled:
            return None
        key = cache_key(domain, lang, text)
        raw = await self._store.get(key)
        if raw is None and self._embed is not None:
            similar = self._nearest(f"{domain}:{lang}", await self._embed(text))
            raw = await self._store.get(similar) if similar else None
        if raw is None:
            self.stats.misses += 1
            CACHE_LOOKUPS.labels(domain, lang, "miss").inc()
            return None
        self.stats.hits += 1
        CACHE_LOOKUPS.labels(domain, lang, "hit").inc()
        return orjson.loads(raw)

    async def put(self, domain: str, lang: str, text: str, response: dict) -> None:
        """Store a response object for this question."""
        if not self.enabled:
            return
        key = cache_key(domain, lang, text)
        await self._store.put(key, orjson.dumps(response).decode(), self._ttl)
        if self._embed is not None:
            vector = await self._embed(text)
            with self._lock:
                bucket = self._vectors.get(f"{domain}:{lang}")
                if bucket is None:
                    bucket = self._vectors[f"{domain}:{lang}"] = _Bucket(len(vector))
                bucket.put(key, vector)

    def _nearest(self, bucket_name: str, vector: np.ndarray) -> str | None:
        with self._lock:
            bucket = self._vectors.get(bucket_name)
            if bucket is None:
                return None
            return bucket.nearest(vector, self._similarity)


class _Bucket:
    """The vectors of recently cached questions of one domain and language, in a ring of rows: the
    oldest question makes way for a new one, and a lookup is one matrix product with no copying."""

    def __init__(self, dim: int, capacity: int = MAX_VECTORS_PER_BUCKET) -> None:
        self._matrix = np.zeros((capacity, dim), dtype=np.float32)
        self._keys: list[str] = []
        self._slot: dict[str, int] = {}
        self._next = 0

    def put(self, key: str, vector: np.ndarray) -> None:
        """Store (or refresh) the vector of a cache key."""
        slot = self._slot.get(key)
        if slot is None:
            slot = self._next
            self._next = (self._next + 1) % len(self._matrix)
            if slot < len(self._keys):
                del self._slot[self._keys[slot]]
                self._keys[slot] = key
            else:
                self._keys.append(key)
            self._slot[key] = slot
        self._matrix[slot] = vector

    def nearest(self, vector: np.ndarray, similarity: float) -> str | None:
        """The key of the most similar stored question, if it reaches `similarity`."""
        if not self._keys:
            return None
        scores = self._matrix[: len(self._keys)] @ vector
        best = int(np.argmax(scores))
        return self._keys[best] if scores[best] >= similarity else None
