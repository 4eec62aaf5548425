"""The training set: labelled examples, lexicon names and vague messages, as texts, targets and weights."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from medichain.routing.labels import OUT_OF_SCOPE
from medichain.routing.lexicon import Lexicon

LEXICON_SHARE = 0.25
"""Total training weight of a lexicon's names, as a share of the weight of its label's examples."""
LEXICON_SAMPLE = 200
"""Names of a lexicon used as training examples (evenly spread over the sorted names), to keep training fast."""
VAGUE_SHARE = 0.25
"""Total weight of the vague messages, as a share of one label's examples."""


@dataclass(frozen=True)
class TrainingSet:
    """Texts with their target distributions over the labels and their weights."""

    texts: list[str]
    targets: np.ndarray  # (n_texts, n_labels), rows sum to 1
    weights: np.ndarray  # (n_texts,)


def _spread(items: Sequence[str], limit: int) -> list[str]:
    """At most `limit` items, evenly spaced: deterministic and representative of the whole list."""
    if len(items) <= limit:
        return list(items)
    return [items[i * len(items) // limit] for i in range(limit)]


def build_training_set(
    examples: Mapping[str, Sequence[str]],
    labels: tuple[str, ...],
    lexicons: Mapping[str, Lexicon],
    vague: Sequence[str],
) -> TrainingSet:
    """Every label weighs the same in total; a lexicon named after a label adds its names to that label;
    vague messages target an even spread over the domains, so that they end up asking for clarification.
    """
    texts: list[str] = []
    rows: list[np.ndarray] = []
    weights: list[float] = []

    def add(lines: Sequence[str], target: np.ndarray, total_weight: float) -> None:
        texts.extend(lines)
        rows.extend([target] * len(lines))
        weights.extend([total_weight / max(len(lines), 1)] * len(lines))

    for index, label in enumerate(labels):
        one_hot = np.eye(len(labels))[index]
        add(examples.get(label, []), one_hot, 1.0)
        if label in lexicons:
            add(_spread(lexicons[label].names, LEXICON_SAMPLE), one_hot, LEXICON_SHARE)
    domains = np.array([label != OUT_OF_SCOPE for label in labels], dtype=np.float64)
    add(vague, domains / domains.sum(), VAGUE_SHARE)
    targets = np.array(rows) if rows else np.zeros((0, len(labels)))
    return TrainingSet(texts, targets, np.array(weights))
