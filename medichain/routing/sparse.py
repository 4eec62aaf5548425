"""A minimal sparse matrix in numpy (coordinate rows): just what training a linear model needs."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SparseRows:
    """A matrix stored as its non-zero values with their row and column."""

    rows: np.ndarray  # int64, the row of each stored value (non-decreasing)
    cols: np.ndarray  # int64, the column of each stored value
    data: np.ndarray  # float32: products in single precision halve the cost of training
    shape: tuple[int, int]

    @classmethod
    def from_rows(cls, rows: Sequence[tuple[np.ndarray, np.ndarray]], n_cols: int) -> "SparseRows":
        """Stack (column indices, values) pairs, one pair per row."""
        lengths = [len(cols) for cols, _ in rows]
        empty = np.zeros(0)
        return cls(
            rows=np.repeat(np.arange(len(rows)), lengths).astype(np.int64),
            cols=np.concatenate([cols for cols, _ in rows] or [empty]).astype(np.int64),
            data=np.concatenate([values for _, values in rows] or [empty]).astype(np.float32),
            shape=(len(rows), n_cols),
        )

    def dot(self, dense: np.ndarray) -> np.ndarray:
        """self @ dense, for a dense (n_cols, k) matrix."""
        out = np.zeros((self.shape[0], dense.shape[1]))
        if len(self.data):
            starts = np.flatnonzero(np.diff(self.rows, prepend=-1))
            products = self.data[:, None] * np.take(dense.astype(np.float32), self.cols, axis=0)
            out[self.rows[starts]] = np.add.reduceat(products, starts, axis=0)
        return out

    def t_dot(self, dense: np.ndarray) -> np.ndarray:
        """self.T @ dense, for a dense (n_rows, k) matrix."""
        products = self.data[:, None] * np.take(dense.astype(np.float32), self.rows, axis=0)
        return np.stack(
            [
                np.bincount(self.cols, weights=products[:, j], minlength=self.shape[1])
                for j in range(dense.shape[1])
            ],
            axis=1,
        )
