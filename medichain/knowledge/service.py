"""The knowledge base of a running platform: the hybrid index over stored documents, loaded once."""

import asyncio
import shutil
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from medichain.core.db.shards import Databases
from medichain.knowledge.embedders import Embedder, load_embedder
from medichain.knowledge.index import MANIFEST, Hit, HybridIndex, StaleIndexError
from medichain.knowledge.passages import chunk_article
from medichain.knowledge.store import all_passages, bundled_articles


class QueryCachingEmbedder:
    """Wraps an embedder so a repeated query (cache lookup, then retrieval) is embedded once."""

    def __init__(self, inner: Embedder, size: int = 4096) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._query = lru_cache(maxsize=size)(self._embed_query)

    def _embed_query(self, text: str) -> np.ndarray:
        vector = self.inner.embed([text], query=True)[0]
        vector.setflags(write=False)
        return vector

    def embed(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        """Passages pass through; single queries come from the cache."""
        if query and len(texts) == 1:
            return self._query(texts[0])[None, :]
        return self.inner.embed(texts, query=query)


SEED_INDEX_DIR = Path(__file__).resolve().parents[1] / "data" / "index"
"""The index of the bundled articles, shipped with the package so a fresh install embeds nothing."""


def seed_index(index_dir: Path, seed_dir: Path = SEED_INDEX_DIR) -> bool:
    """Copy the shipped index into an empty index directory; True when copied."""
    if (index_dir / MANIFEST).is_file() or not (seed_dir / MANIFEST).is_file():
        return False
    shutil.copytree(seed_dir, index_dir, dirs_exist_ok=True)
    return True


def build_seed_index(embedder_spec: str, seed_dir: Path = SEED_INDEX_DIR) -> int:
    """Embed the bundled articles into the shipped index (a maintainer's step after editing articles)."""
    index = HybridIndex(seed_dir, load_embedder(embedder_spec))
    if seed_dir.exists():
        shutil.rmtree(seed_dir)
    count = index.rebuild(p for article in bundled_articles() for p in chunk_article(article))
    index.save()
    return count


class KnowledgeBase:
    """Owns the on-disk index; loading and embedding run in worker threads, off the event loop."""

    def __init__(self, index_dir: Path, embedder_spec: str) -> None:
        self._index_dir = index_dir
        self._embedder_spec = embedder_spec
        self._index: HybridIndex | None = None
        self._lock = asyncio.Lock()

    async def index(self, dbs: Databases) -> HybridIndex:
        """The loaded index (built from the database the first time, or when stale)."""
        if self._index is None:
            await self.sync(dbs, only_if_missing=True)
        assert self._index is not None
        return self._index

    async def sync(self, dbs: Databases, *, only_if_missing: bool = False) -> int:
        """Bring the index in line with the stored documents, embedding only what changed.

        Returns the number of passages added, changed or removed. A missing index starts from the one
        shipped with the package, so the bundled articles are not embedded again. With
        `only_if_missing`, an index that loads from disk is used as it is (and a missing one is built
        from the stored documents alone).
        """
        async with self._lock:
            if self._index is None:
                if not only_if_missing:
                    await asyncio.to_thread(seed_index, self._index_dir)
                embedder = QueryCachingEmbedder(await asyncio.to_thread(load_embedder, self._embedder_spec))
                index = HybridIndex(self._index_dir, embedder)
                if only_if_missing:
                    try:
                        await asyncio.to_thread(index.load)
                        self._index = index
                        return 0
                    except (FileNotFoundError, StaleIndexError):
                        pass
                changes = await self._sync(index, dbs)
                self._index = index
                return changes
            return 0 if only_if_missing else await self._sync(self._index, dbs)

    async def _sync(self, index: HybridIndex, dbs: Databases) -> int:
        async with dbs.global_sessions() as session:
            passages = await all_passages(session)
        return await asyncio.to_thread(index.sync, passages)

    async def embed_query(self, dbs: Databases, text: str) -> np.ndarray:
        """The (cached) query vector of a text, computed off the event loop."""
        index = await self.index(dbs)
        return (await asyncio.to_thread(index.embedder.embed, [text], query=True))[0]

    async def search(
        self,
        dbs: Databases,
        query: str,
        *,
        k: int = 5,
        domain: str | list[str] | None = None,
        source: str | None = None,
        lang: str | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        """Hybrid search with filters."""
        index = await self.index(dbs)
        return await asyncio.to_thread(
            index.search, query, k=k, mode=mode, domain=domain, source=source, lang=lang
        )
