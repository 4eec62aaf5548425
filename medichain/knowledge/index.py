"""The hybrid index: BM25 and dense vectors over the same passages, fused by reciprocal rank.

Layout of an index directory (one generation number `g` per save, so a reader never mixes two saves):
`manifest.json` (format version, embedder name and dimension, BM25 parameters, file names),
`passages.g.json`, `vectors.g.npy` and `bm25.g.npz`. The manifest is replaced last and atomically.
"""

import contextlib
import json
import os
import re
import threading
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

import numpy as np

from medichain.core.text import detect_language, without_surrogates
from medichain.knowledge.bm25 import BM25
from medichain.knowledge.embedders import Embedder
from medichain.knowledge.passages import Passage
from medichain.knowledge.tokenize import tokenize, tokenize_many

# Bump when the stored layout or the tokeniser changes: older indexes are then rebuilt, never misread.
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
_GENERATION_FILE = re.compile(r"(?:passages|vectors|bm25)\.(\d+)\.(?:json|npy|npz)")

SearchMode = Literal["hybrid", "bm25", "dense"]
Filter = str | Sequence[str] | None


class StaleIndexError(RuntimeError):
    """The stored index was built by another embedder or format version and must be rebuilt."""


@dataclass(frozen=True)
class Hit:
    """One search result; a rank is 1-based within its list, None when the passage was not in it."""

    passage: Passage
    score: float
    bm25_rank: int | None
    dense_rank: int | None


@dataclass(frozen=True)
class FusionSettings:
    """Weighted reciprocal rank fusion: a list contributes `weight / (k + rank)` for each passage.

    `depth` is how far down each list is fused. With `drop_translation_twins`, a passage whose
    translation in the query's language is also a candidate is dropped, so a result list does not spend
    two places on one section. The defaults were chosen on the dev split of the bundled retrieval set
    (see `evaluation.py`): a small k trusts the top of each list, and BM25 gets the larger weight because
    the articles' colloquial keywords make it the more precise list.
    """

    k: float = 5.0
    bm25_weight: float = 1.6
    dense_weight: float = 1.0
    depth: int = 100
    drop_translation_twins: bool = True


class HybridIndex:
    """Passages searchable by BM25, by dense vectors, or by both fused; persisted to a directory.

    Safe for concurrent use: searches and writes share a state lock held only for the array work, and
    the slow parts (embedding, tokenising) run outside it; writers are serialised among themselves.
    """

    def __init__(
        self,
        path: Path,
        embedder: Embedder,
        *,
        fusion: FusionSettings | None = None,
        bm25_k1: float = 1.2,
        bm25_b: float = 0.75,
    ) -> None:
        self.path = Path(path)
        self.embedder = embedder
        self.fusion = fusion or FusionSettings()
        self._bm25_params = (bm25_k1, bm25_b)
        self._state_lock = threading.RLock()
        self._write_lock = threading.RLock()
        self._clear()

    # ----- contents -----

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, passage_id: object) -> bool:
        return passage_id in self._slot_of

    def get(self, passage_id: str) -> Passage | None:
        """The stored passage with this id, if any."""
        slot = self._slot_of.get(passage_id)
        return None if slot is None else self._passages[slot]

    def passages(self) -> list[Passage]:
        """All stored passages, in slot order."""
        with self._state_lock:
            return [p for p in self._passages if p is not None]

    def stored(self) -> list[tuple[Passage, np.ndarray]]:
        """All stored passages with a copy of their stored vector, in slot order."""
        with self._state_lock:
            return [(p, self._vectors[s].copy()) for s, p in enumerate(self._passages) if p is not None]

    def add(self, passages: Iterable[Passage]) -> int:
        """Insert or update passages by id; returns how many were new or changed.

        Only passages whose text changed are embedded again; a change to keywords or metadata alone
        re-indexes BM25 and the stored record.
        """
        with self._write_lock:
            batch = self._prepare(passages, reuse=True)
            with self._state_lock:
                self._apply(*batch)
            return len(batch[0])

    def remove(self, ids: Iterable[str]) -> int:
        """Delete passages by id; returns how many existed."""
        with self._write_lock, self._state_lock:
            return self._drop(list(ids))

    def rebuild(self, passages: Iterable[Passage]) -> int:
        """Replace the whole contents, embedding everything again; returns the passage count.

        Searches keep seeing the old contents until the new ones are ready.
        """
        with self._write_lock:
            batch = self._prepare(passages, reuse=False)
            with self._state_lock:
                self._clear()
                self._apply(*batch)
            return len(batch[0])

    # ----- search -----

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        mode: SearchMode = "hybrid",
        domain: Filter = None,
        source: Filter = None,
        lang: Filter = None,
    ) -> list[Hit]:
        """The best `k` passages for a query; filters restrict the candidates before ranking.

        Every mode goes through the same fusion (with one list or two), so translation twins are removed
        alike; a hit's score is the BM25 score, the cosine similarity, or the fused score for the mode.
        """
        if k <= 0:
            return []
        query = without_surrogates(query)
        tokens = tokenize(query) if mode != "dense" else []
        vector = self.embedder.embed([query], query=True)[0] if mode != "bm25" else None
        query_lang = detect_language(query)
        settings = self.fusion
        depth = max(settings.depth, k)
        with self._state_lock:
            size = len(self._passages)
            mask = self._mask(size, domain=domain, source=source, lang=lang)
            bm25_order = dense_order = np.zeros(0, dtype=np.int64)
            lists: list[tuple[np.ndarray, float]] = []
            scores: dict[str, np.ndarray] = {}
            if tokens:
                scores["bm25"] = self._bm25.scores(tokens, size)
                bm25_order = _top(scores["bm25"], mask & (scores["bm25"] > 0), depth)
                lists.append((bm25_order, settings.bm25_weight))
            if vector is not None:
                scores["dense"] = self._vectors[:size] @ vector
                dense_order = _top(scores["dense"], mask, depth)
                lists.append((dense_order, settings.dense_weight))
            ranked, scores["hybrid"] = self._fuse(lists, query_lang, size)
            bm25_rank, dense_rank = _rank_of(bm25_order, size), _rank_of(dense_order, size)
            return [
                Hit(
                    self._passages[s],
                    float(scores[mode][s]),
                    int(bm25_rank[s]) or None,
                    int(dense_rank[s]) or None,
                )
                for s in ranked[:k].tolist()
            ]

    # ----- persistence -----

    def save(self) -> None:
        """Write the index atomically: new generation files, then the manifest.

        The previous generation is kept for readers still loading it; older ones are deleted.
        """
        with self._write_lock:
            with self._state_lock:
                slots = [s for s, p in enumerate(self._passages) if p is not None]
                records = [self._passages[s].to_dict() for s in slots]
                vectors = self._vectors[slots].copy()
                bm25 = self._bm25.export(slots)
            self.path.mkdir(parents=True, exist_ok=True)
            generation = self._read_manifest().get("generation", 0) + 1 if self._has_manifest() else 1
            files = {
                "passages": f"passages.{generation}.json",
                "vectors": f"vectors.{generation}.npy",
                "bm25": f"bm25.{generation}.npz",
            }
            _write_atomic(self.path / files["passages"], json.dumps(records, ensure_ascii=False).encode())
            with _atomic_file(self.path / files["vectors"]) as handle:
                np.save(handle, vectors)
            with _atomic_file(self.path / files["bm25"]) as handle:
                np.savez(handle, **bm25)
            manifest = {**self._identity(), "generation": generation, "count": len(records), "files": files}
            _write_atomic(self.path / MANIFEST, json.dumps(manifest, indent=2).encode())
            for old in self.path.iterdir():
                match = _GENERATION_FILE.fullmatch(old.name)
                if match and int(match.group(1)) < generation - 1:
                    old.unlink()

    def load(self) -> None:
        """Read the saved index.

        Raises FileNotFoundError when nothing is saved, and StaleIndexError when it was built by another
        embedder, dimension, BM25 setting or format version, or cannot be read.
        """
        try:
            records, vectors, bm25 = self._read()
        except (ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile) as error:
            raise StaleIndexError(f"index at {self.path} is unreadable: {error!r}") from error
        with self._write_lock, self._state_lock:
            self._clear()
            for record, vector in zip(records, vectors, strict=True):
                self._place(self._take_slot(), Passage.from_dict(record), vector)
            self._bm25 = bm25

    def sync(self, passages: Iterable[Passage]) -> int:
        """Make the saved index hold exactly these passages, embedding only what is new or changed.

        Loads the saved index (rebuilding it if missing or stale), upserts, removes passages no longer
        given, and saves when anything changed. Returns the number of passages added, changed or removed.
        """
        wanted = list(passages)
        with self._write_lock:
            try:
                self.load()
            except (FileNotFoundError, StaleIndexError):
                changes = self.rebuild(wanted)
                self.save()
                return changes
            wanted_ids = {p.id for p in wanted}
            gone = [pid for pid in list(self._slot_of) if pid not in wanted_ids]
            changes = self.add(wanted) + self.remove(gone)
            if changes:
                self.save()
            return changes

    # ----- internals -----

    def _identity(self) -> dict[str, object]:
        return {
            "format": FORMAT_VERSION,
            "embedder": self.embedder.name,
            "dim": self.embedder.dim,
            "bm25": list(self._bm25_params),
        }

    def _read(self) -> tuple[list[dict], np.ndarray, BM25]:
        """The saved records, vectors and BM25 index, checked against this index's identity."""
        manifest = self._read_manifest()
        differences = {k: (manifest.get(k), v) for k, v in self._identity().items() if manifest.get(k) != v}
        if differences:
            raise StaleIndexError(f"index at {self.path} must be rebuilt: stored vs wanted {differences}")
        files = manifest["files"]
        records = json.loads((self.path / files["passages"]).read_text(encoding="utf-8"))
        vectors = np.load(self.path / files["vectors"], allow_pickle=False)
        with np.load(self.path / files["bm25"], allow_pickle=False) as arrays:
            bm25 = BM25.from_export(dict(arrays))
        if vectors.shape != (len(records), self.embedder.dim):
            raise ValueError(f"{vectors.shape} vectors for {len(records)} passages")
        return records, vectors, bm25

    def _has_manifest(self) -> bool:
        return (self.path / MANIFEST).is_file()

    def _read_manifest(self) -> dict:
        return json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))

    def _clear(self) -> None:
        self._passages: list[Passage | None] = []
        self._slot_of: dict[str, int] = {}
        self._free: list[int] = []
        self._vectors = np.zeros((0, self.embedder.dim), dtype=np.float32)
        self._alive = np.zeros(0, dtype=bool)
        self._columns = {name: _Column() for name in ("domain", "source", "lang", "translation_key")}
        self._bm25 = BM25(*self._bm25_params)

    def _prepare(
        self, passages: Iterable[Passage], *, reuse: bool
    ) -> tuple[list[Passage], list[np.ndarray], list[list[str]]]:
        """The passages to write, their vectors and BM25 tokens, computed outside the state lock.

        With `reuse`, unchanged passages are skipped and a passage whose text is unchanged keeps its
        stored vector. Only writers change the stored arrays, and the caller holds the write lock.
        """
        latest = list({p.id: p for p in passages}.values())
        changed = [p for p in latest if self.get(p.id) != p] if reuse else latest
        same_text = {p.id for p in changed if reuse and (old := self.get(p.id)) and old.text == p.text}
        fresh = [p for p in changed if p.id not in same_text]
        embedded = self.embedder.embed([p.text for p in fresh]) if fresh else []
        new = {p.id: vector for p, vector in zip(fresh, embedded, strict=True)}
        vectors = [new[p.id] if p.id in new else self._vectors[self._slot_of[p.id]].copy() for p in changed]
        return changed, vectors, tokenize_many([p.lexical_text for p in changed])

    def _apply(self, passages: list[Passage], vectors: list[np.ndarray], tokens: list[list[str]]) -> None:
        self._drop([p.id for p in passages])
        slots = [self._take_slot() for _ in passages]
        for slot, passage, vector in zip(slots, passages, vectors, strict=True):
            self._place(slot, passage, vector)
        self._bm25.add(slots, tokens)

    def _take_slot(self) -> int:
        if self._free:
            return self._free.pop()
        slot = len(self._passages)
        self._passages.append(None)
        if slot >= len(self._vectors):
            capacity = max(64, 2 * len(self._vectors))
            self._vectors = _grow(self._vectors, capacity)
            self._alive = _grow(self._alive, capacity)
            for column in self._columns.values():
                column.grow(capacity)
        return slot

    def _place(self, slot: int, passage: Passage, vector: np.ndarray) -> None:
        self._passages[slot] = passage
        self._slot_of[passage.id] = slot
        self._vectors[slot] = vector
        self._alive[slot] = True
        for name, column in self._columns.items():
            column.set(slot, getattr(passage, name))

    def _drop(self, ids: Sequence[str]) -> int:
        slots = [self._slot_of.pop(pid) for pid in ids if pid in self._slot_of]
        self._bm25.remove(slots)
        for slot in slots:
            self._passages[slot] = None
            self._alive[slot] = False
            self._vectors[slot] = 0.0
        self._free.extend(slots)
        return len(slots)

    def _mask(self, size: int, **filters: Filter) -> np.ndarray:
        mask = self._alive[:size].copy()
        for name, wanted in filters.items():
            if wanted is not None:
                mask &= self._columns[name].matches(wanted, size)
        return mask

    def _fuse(
        self, lists: Sequence[tuple[np.ndarray, float]], query_lang: str, size: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Slots ranked by weighted reciprocal rank over `lists`, translation twins removed; and scores."""
        settings = self.fusion
        scores = np.zeros(size, dtype=np.float32)
        for order, weight in lists:
            scores[order] += weight / (settings.k + np.arange(1, len(order) + 1, dtype=np.float32))
        candidates = np.unique(np.concatenate([np.zeros(0, dtype=np.int64), *(order for order, _ in lists)]))
        ranked = candidates[np.argsort(-scores[candidates], kind="stable")]
        if settings.drop_translation_twins:
            ranked = self._without_twins(ranked, query_lang)
        return ranked, scores

    def _without_twins(self, ranked: np.ndarray, query_lang: str) -> np.ndarray:
        """Drop a passage when its translation in the query's language is among the candidates."""
        in_query_lang = self._columns["lang"].matches(query_lang, len(self._passages))[ranked]
        keys = self._columns["translation_key"].codes(ranked)
        return ranked[in_query_lang | ~np.isin(keys, keys[in_query_lang])]


class _Column:
    """A categorical per-slot attribute stored as integer codes, for vectorised filters."""

    def __init__(self) -> None:
        self._codes = np.full(0, -1, dtype=np.int32)
        self._code_of: dict[str, int] = {}

    def grow(self, capacity: int) -> None:
        """Room for `capacity` slots."""
        self._codes = _grow(self._codes, capacity, fill=-1)

    def set(self, slot: int, value: str) -> None:
        """Record a slot's value."""
        self._codes[slot] = self._code_of.setdefault(value, len(self._code_of))

    def codes(self, slots: np.ndarray) -> np.ndarray:
        """The integer codes of these slots' values (equal values, equal codes)."""
        return self._codes[slots]

    def matches(self, wanted: str | Sequence[str], size: int) -> np.ndarray:
        """Which of the first `size` slots hold one of the wanted values."""
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        codes = [self._code_of[v] for v in values if v in self._code_of]
        return np.isin(self._codes[:size], codes)


def _grow(array: np.ndarray, capacity: int, fill: object = 0) -> np.ndarray:
    grown = np.full((capacity, *array.shape[1:]), fill, dtype=array.dtype)
    grown[: len(array)] = array
    return grown


def _rank_of(order: np.ndarray, size: int) -> np.ndarray:
    """Each slot's 1-based position in `order`, 0 where absent."""
    ranks = np.zeros(size, dtype=np.int64)
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def _top(scores: np.ndarray, mask: np.ndarray, n: int) -> np.ndarray:
    """Slots of the `n` best scores among the masked ones, best first."""
    candidates = np.flatnonzero(mask)
    if len(candidates) > n:
        candidates = candidates[np.argpartition(-scores[candidates], n - 1)[:n]]
    return candidates[np.argsort(-scores[candidates], kind="stable")]


@contextlib.contextmanager
def _atomic_file(target: Path) -> Iterator[BinaryIO]:
    """A binary file written under a temporary name and renamed into place when the block succeeds."""
    temp = target.with_name(f".{target.name}.tmp")
    try:
        with open(temp, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _write_atomic(target: Path, data: bytes) -> None:
    with _atomic_file(target) as handle:
        handle.write(data)
