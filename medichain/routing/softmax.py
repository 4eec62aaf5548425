"""Multinomial logistic regression (softmax) with L2, trained by L-BFGS in numpy."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from medichain.routing.sparse import SparseRows

_MEMORY = 5  # L-BFGS correction pairs
_ARMIJO = 1e-4
_MAX_HALVINGS = 30

Objective = Callable[[np.ndarray], tuple[float, np.ndarray]]


def _inner(a: np.ndarray, b: np.ndarray) -> float:
    """Inner product without BLAS, whose threads crawl on a busy machine for vectors this size."""
    return float(np.einsum("i,i->", a, b))


def softmax(logits: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, numerically stable."""
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class SoftmaxModel:
    """A trained linear model: logits = x @ weights + bias."""

    weights: np.ndarray  # (n_features, n_classes)
    bias: np.ndarray  # (n_classes,)

    def logits(self, cols: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Logits of one sparse row given as column indices and values."""
        return values @ np.take(self.weights, cols, axis=0) + self.bias


def fit_softmax(
    x: SparseRows,
    targets: np.ndarray,
    *,
    sample_weight: np.ndarray,
    l2: float,
    iterations: int,
    tolerance: float = 1e-6,
) -> SoftmaxModel:
    """Minimise weighted mean cross-entropy against target distributions + l2/2·|W|² (bias unpenalised)."""
    n_cols = x.shape[1]
    n_classes = targets.shape[1]
    weights = sample_weight / sample_weight.sum()

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-n_classes].reshape(n_cols, n_classes), theta[-n_classes:]
        logits = x.dot(w) + b
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(shifted).sum(axis=1))
        penalty = 0.5 * l2 * _inner(w.ravel(), w.ravel())
        loss = _inner(weights, log_norm - (shifted * targets).sum(axis=1)) + penalty
        residual = (np.exp(shifted - log_norm[:, None]) - targets) * weights[:, None]
        gradient = np.concatenate([(x.t_dot(residual) + l2 * w).ravel(), residual.sum(axis=0)])
        return loss, gradient

    theta = _lbfgs(objective, np.zeros(n_cols * n_classes + n_classes), iterations, tolerance)
    return SoftmaxModel(theta[:-n_classes].reshape(n_cols, n_classes), theta[-n_classes:])


def _lbfgs(objective: Objective, theta: np.ndarray, iterations: int, tolerance: float) -> np.ndarray:
    """Limited-memory BFGS with a backtracking (Armijo) line search; deterministic.

    Curvature pairs are kept in single precision with their 1/(y·s), which halves the cost of the
    search direction on the large weight vector.
    """
    loss, gradient = objective(theta)
    pairs: list[tuple[np.ndarray, np.ndarray, float]] = []  # (step s, gradient change y, 1 / y·s)
    for _ in range(iterations):
        if np.abs(gradient).max() < tolerance:
            break
        direction = _two_loop(gradient, pairs)
        slope = _inner(gradient, direction)
        if slope >= 0:  # lost curvature information: restart from steepest descent
            pairs.clear()
            direction = -gradient / max(np.abs(gradient).max(), 1e-12)
            slope = _inner(gradient, direction)
        size = 1.0
        for _ in range(_MAX_HALVINGS):
            candidate = theta + size * direction
            new_loss, new_gradient = objective(candidate)
            if new_loss <= loss + _ARMIJO * size * slope:
                break
            size /= 2
        else:
            break
        step = (candidate - theta).astype(np.float32)
        change = (new_gradient - gradient).astype(np.float32)
        curvature = _inner(step, change)
        if curvature > 1e-12:
            pairs.append((step, change, 1.0 / curvature))
            if len(pairs) > _MEMORY:
                pairs.pop(0)
        theta, loss, gradient = candidate, new_loss, new_gradient
    return theta


def _two_loop(gradient: np.ndarray, pairs: list[tuple[np.ndarray, np.ndarray, float]]) -> np.ndarray:
    """The L-BFGS search direction: minus the inverse-Hessian estimate times the gradient."""
    q = gradient.astype(np.float32)
    alphas: list[float] = []
    for s, y, rho in reversed(pairs):
        alpha = rho * _inner(s, q)
        alphas.append(alpha)
        q -= np.float32(alpha) * y
    if pairs:
        s, y, rho = pairs[-1]
        q *= np.float32(1.0 / (rho * _inner(y, y)))
    for (s, y, rho), alpha in zip(pairs, reversed(alphas), strict=True):
        q += np.float32(alpha - rho * _inner(y, q)) * s
    return -q.astype(np.float64)
