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
        return np.einsum("i,ij->j", values, self.weights[cols]) + self.bias


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
        loss = _inner(weights, log_norm - (shifted * targets).sum(axis=1)) + 0.5 * l2 * _inner(
            w.ravel(), w.ravel()
        )
        residual = (np.exp(shifted - log_norm[:, None]) - targets) * weights[:, None]
        gradient = np.concatenate([(x.t_dot(residual) + l2 * w).ravel(), residual.sum(axis=0)])
        return loss, gradient

    theta = _lbfgs(objective, np.zeros(n_cols * n_classes + n_classes), iterations, tolerance)
    return SoftmaxModel(theta[:-n_classes].reshape(n_cols, n_classes), theta[-n_classes:])


def _lbfgs(objective: Objective, theta: np.ndarray, iterations: int, tolerance: float) -> np.ndarray:
    """Limited-memory BFGS with a backtracking (Armijo) line search; deterministic."""
    loss, gradient = objective(theta)
    steps: list[np.ndarray] = []
    changes: list[np.ndarray] = []
    for _ in range(iterations):
        if np.abs(gradient).max() < tolerance:
            break
        direction = _two_loop(gradient, steps, changes)
        slope = _inner(gradient, direction)
        if slope >= 0:  # lost curvature information: restart from steepest descent
            steps.clear()
            changes.clear()
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
        step, change = candidate - theta, new_gradient - gradient
        if _inner(step, change) > 1e-12:
            steps.append(step)
            changes.append(change)
            if len(steps) > _MEMORY:
                steps.pop(0)
                changes.pop(0)
        theta, loss, gradient = candidate, new_loss, new_gradient
    return theta


def _two_loop(gradient: np.ndarray, steps: list[np.ndarray], changes: list[np.ndarray]) -> np.ndarray:
    """The L-BFGS search direction: minus the inverse-Hessian estimate times the gradient."""
    q = gradient.copy()
    alphas: list[float] = []
    for s, y in zip(reversed(steps), reversed(changes), strict=True):
        alpha = _inner(s, q) / _inner(y, s)
        alphas.append(alpha)
        q -= alpha * y
    if steps:
        q *= _inner(steps[-1], changes[-1]) / _inner(changes[-1], changes[-1])
    for (s, y), alpha in zip(zip(steps, changes, strict=True), reversed(alphas), strict=True):
        beta = _inner(y, q) / _inner(y, s)
        q += (alpha - beta) * s
    return -q
