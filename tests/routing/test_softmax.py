"""The numpy sparse matrix and softmax regression against dense references."""

import numpy as np

from medichain.routing.softmax import fit_softmax, softmax
from medichain.routing.sparse import SparseRows


def _random_sparse(rng: np.random.Generator, n_rows: int, n_cols: int) -> tuple[SparseRows, np.ndarray]:
    dense = rng.random((n_rows, n_cols)) * (rng.random((n_rows, n_cols)) < 0.3)
    dense[2] = 0.0  # an empty row
    rows = [(np.flatnonzero(r), r[np.flatnonzero(r)]) for r in dense]
    return SparseRows.from_rows(rows, n_cols), dense


def test_sparse_products_match_dense() -> None:
    rng = np.random.default_rng(0)
    sparse, dense = _random_sparse(rng, 7, 11)
    right = rng.random((11, 3))
    left = rng.random((7, 3))
    assert np.allclose(sparse.dot(right), dense @ right)
    assert np.allclose(sparse.t_dot(left), dense.T @ left)


def test_softmax_rows_are_distributions() -> None:
    probabilities = softmax(np.array([[1000.0, 0.0, -1000.0], [1.0, 1.0, 1.0]]))
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert np.allclose(probabilities[1], 1 / 3)


def test_learns_a_separable_problem() -> None:
    rng = np.random.default_rng(1)
    labels = rng.integers(0, 3, size=90)
    dense = rng.random((90, 12)) * 0.1
    dense[np.arange(90), labels * 4] += 1.0  # feature 4k marks class k
    x = SparseRows.from_rows([(np.arange(12), row) for row in dense], 12)
    model = fit_softmax(x, np.eye(3)[labels], sample_weight=np.ones(90), l2=1e-3, iterations=100)
    predicted = np.array([np.argmax(model.logits(np.arange(12), row)) for row in dense])
    assert (predicted == labels).all()


def test_soft_targets_give_soft_predictions() -> None:
    x = SparseRows.from_rows([(np.array([0]), np.array([1.0]))] * 4, 1)
    model = fit_softmax(x, np.full((4, 2), 0.5), sample_weight=np.ones(4), l2=1e-3, iterations=50)
    assert np.allclose(softmax(model.logits(np.array([0]), np.array([1.0]))), 0.5, atol=1e-3)
