"""TF-IDF weighting of feature counts over a fixed vocabulary, into sparse rows."""

from collections import Counter
from collections.abc import Sequence

import numpy as np

from medichain.routing.features import MARKER
from medichain.routing.sparse import SparseRows


class TfidfVectorizer:
    """Sublinear tf × smoothed idf, L2-normalised; marker features pass through with value 1."""

    def __init__(self, documents: Sequence[Counter[str]]) -> None:
        document_frequency: Counter[str] = Counter()
        for counts in documents:
            document_frequency.update(counts.keys())
        self.vocabulary: dict[str, int] = {f: i for i, f in enumerate(sorted(document_frequency))}
        n_docs = len(documents)
        self._idf = np.array(
            [np.log((1 + n_docs) / (1 + document_frequency[f])) + 1.0 for f in self.vocabulary]
        )
        self._is_marker = np.array([f.startswith(MARKER) for f in self.vocabulary], dtype=bool)

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def transform(self, counts: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and values of one document; features outside the vocabulary are ignored."""
        cols = np.array([self.vocabulary.get(f, -1) for f in counts], dtype=np.int64)
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        known = cols >= 0
        cols, tf = cols[known], tf[known]
        markers = self._is_marker[cols]
        values = np.where(markers, 0.0, (1.0 + np.log(tf)) * self._idf[cols])
        norm = np.sqrt(np.einsum("i,i->", values, values))
        if norm > 0:
            values /= norm
        values[markers] = 1.0
        return cols, values

    def transform_many(self, documents: Sequence[Counter[str]]) -> SparseRows:
        """Sparse rows of many documents."""
        return SparseRows.from_rows([self.transform(d) for d in documents], self.size)
