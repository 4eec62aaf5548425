"""Okapi BM25 over integer document slots, with in-place adds and removes."""

import itertools
from collections import Counter
from collections.abc import Sequence

import numpy as np

_EMPTY_INT = np.zeros(0, dtype=np.int32)
_EMPTY_FLOAT = np.zeros(0, dtype=np.float32)


class BM25:
    """An inverted index scored with Okapi BM25 (Lucene's non-negative idf).

    Documents live in integer slots chosen by the caller (the hybrid index shares them with its vectors).
    Postings are numpy arrays per term, so adding or removing a batch touches only that batch's terms.
    """

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self._vocab: dict[str, int] = {}
        self._postings: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._docs: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._lengths = np.zeros(0, dtype=np.float32)
        self._total_length = 0.0

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, slot: int) -> bool:
        return slot in self._docs

    def add(self, slots: Sequence[int], documents: Sequence[Sequence[str]]) -> None:
        """Index token lists at free slots (remove a slot before reusing it)."""
        encoded = []
        for tokens in documents:
            counts = Counter(self._vocab.setdefault(t, len(self._vocab)) for t in tokens)
            terms = np.fromiter(counts.keys(), dtype=np.int32, count=len(counts))
            tfs = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
            encoded.append((terms, tfs))
        self._add_encoded(slots, encoded)

    def remove(self, slots: Sequence[int]) -> None:
        """Drop the documents at these slots; unknown slots are ignored."""
        present = [s for s in slots if s in self._docs]
        if not present:
            return
        terms = np.concatenate([self._docs[s][0] for s in present])
        owners = np.repeat(np.asarray(present, dtype=np.int32), [len(self._docs[s][0]) for s in present])
        for term, (removed,) in _group_by_term(terms, owners):
            postings, tfs = self._postings[term]
            keep = ~np.isin(postings, removed)
            if keep.any():
                self._postings[term] = (postings[keep], tfs[keep])
            else:
                del self._postings[term]
        for s in present:
            self._total_length -= float(self._lengths[s])
            self._lengths[s] = 0.0
            del self._docs[s]

    def scores(self, tokens: Sequence[str], size: int) -> np.ndarray:
        """BM25 score of every slot below `size` for a tokenised query (zero where no term matches)."""
        out = np.zeros(size, dtype=np.float32)
        if not self._docs:
            return out
        n_docs = len(self._docs)
        average = self._total_length / n_docs
        for token, query_tf in Counter(tokens).items():
            term = self._vocab.get(token)
            if term is None or term not in self._postings:
                continue
            slots, tfs = self._postings[term]
            idf = np.log1p((n_docs - len(slots) + 0.5) / (len(slots) + 0.5))
            norm = self.k1 * (1.0 - self.b + self.b * self._lengths[slots] / average)
            in_range = slots < size
            out[slots[in_range]] += (query_tf * idf * tfs * (self.k1 + 1.0) / (tfs + norm))[in_range]
        return out

    def export(self, slots: Sequence[int]) -> dict[str, np.ndarray]:
        """The documents at `slots`, in that order, as CSR arrays plus the vocabulary."""
        rows = [self._docs.get(s, (_EMPTY_INT, _EMPTY_FLOAT)) for s in slots]
        indptr = np.cumsum([0, *(len(terms) for terms, _ in rows)], dtype=np.int64)
        vocab = np.empty(len(self._vocab), dtype=object)
        for token, term in self._vocab.items():
            vocab[term] = token
        return {
            "indptr": indptr,
            "terms": np.concatenate([_EMPTY_INT, *(terms for terms, _ in rows)]),
            "tfs": np.concatenate([_EMPTY_FLOAT, *(tfs for _, tfs in rows)]),
            "vocab": vocab.astype(str),
            "params": np.array([self.k1, self.b], dtype=np.float64),
        }

    @classmethod
    def from_export(cls, arrays: dict[str, np.ndarray]) -> "BM25":
        """Rebuild an index from `export` output, its documents at slots 0..n-1."""
        k1, b = (float(v) for v in arrays["params"])
        index = cls(k1=k1, b=b)
        index._vocab = {str(token): term for term, token in enumerate(arrays["vocab"])}
        indptr, terms, tfs = arrays["indptr"], arrays["terms"], arrays["tfs"]
        rows = [(terms[start:end], tfs[start:end]) for start, end in itertools.pairwise(indptr)]
        index._add_encoded(range(len(rows)), rows)
        return index

    def _add_encoded(self, slots: Sequence[int], rows: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
        if not rows:
            return
        taken = [s for s in slots if s in self._docs]
        if taken:
            raise ValueError(f"BM25 slots already occupied: {taken[:5]}")
        top = max(slots) + 1
        if top > len(self._lengths):
            grown = np.zeros(max(top, 2 * len(self._lengths)), dtype=np.float32)
            grown[: len(self._lengths)] = self._lengths
            self._lengths = grown
        for slot, (terms, tfs) in zip(slots, rows, strict=True):
            self._docs[slot] = (terms.astype(np.int32), tfs.astype(np.float32))
            self._lengths[slot] = float(tfs.sum())
            self._total_length += float(tfs.sum())
        terms = np.concatenate([terms for terms, _ in rows]).astype(np.int32)
        tfs = np.concatenate([tfs for _, tfs in rows]).astype(np.float32)
        owners = np.repeat(np.asarray(slots, dtype=np.int32), [len(terms) for terms, _ in rows])
        for term, (new_slots, new_tfs) in _group_by_term(terms, owners, tfs):
            old_slots, old_tfs = self._postings.get(term, (_EMPTY_INT, _EMPTY_FLOAT))
            self._postings[term] = (
                np.concatenate([old_slots, new_slots]),
                np.concatenate([old_tfs, new_tfs]),
            )


def _group_by_term(terms: np.ndarray, *columns: np.ndarray) -> list[tuple[int, list[np.ndarray]]]:
    """(term, the slices of `columns` aligned with it) for each distinct term."""
    if not len(terms):
        return []
    order = np.argsort(terms, kind="stable")
    terms = terms[order]
    columns = tuple(column[order] for column in columns)
    bounds = np.flatnonzero(np.diff(terms)) + 1
    return [
        (int(terms[start]), [column[start:end] for column in columns])
        for start, end in zip([0, *bounds], [*bounds, len(terms)], strict=True)
    ]
