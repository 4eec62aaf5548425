"""The message router: a local softmax classifier over character n-grams, words and lexicon markers."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medichain.core.text import detect_language
from medichain.routing.clarification import clarifying_question
from medichain.routing.context import RoutingContext, context_prior
from medichain.routing.examples import DRUGS_DIR, OUT_OF_SCOPE_FILE, domain_examples, read_examples
from medichain.routing.features import clean, message_features
from medichain.routing.labels import OUT_OF_SCOPE
from medichain.routing.lexicon import Lexicon, load_drug_lexicons
from medichain.routing.softmax import SoftmaxModel, fit_softmax, softmax
from medichain.routing.vectorizer import TfidfVectorizer

DEFAULT_THRESHOLD = 0.5
"""Below this confidence a health message gets a clarifying question."""
L2 = 1e-5
"""L2 penalty of the softmax weights (chosen by cross-validation on the training examples)."""
ITERATIONS = 80
LEXICON_SHARE = 0.25
"""Total training weight of a lexicon's names, as a share of the weight of its label's examples."""
LEXICON_SAMPLE = 200
"""Names of a lexicon used as training examples (evenly spread over the sorted names), to keep training fast."""
CLEAR_MARGIN = 2.0
"""Out of scope is clear when its probability is this many times the best health domain's."""


@dataclass(frozen=True)
class RouteDecision:
    """Where a message goes, how sure the router is, and what to ask when it is not sure."""

    domain: str
    confidence: float
    scores: dict[str, float]
    needs_clarification: bool = False
    clarifying_question: str | None = None
    follow_up: bool = False


class Router:
    """Routes a message to a domain (or out of scope); train it with `from_examples` or `default`."""

    def __init__(
        self,
        labels: tuple[str, ...],
        vectorizer: TfidfVectorizer,
        model: SoftmaxModel,
        lexicons: Mapping[str, Lexicon],
        threshold: float,
    ) -> None:
        self.labels = labels
        self.threshold = threshold
        self._vectorizer = vectorizer
        self._model = model
        self._lexicons = dict(lexicons)
        self._out_of_scope = labels.index(OUT_OF_SCOPE)

    @classmethod
    def from_examples(
        cls,
        examples: Mapping[str, list[str]],
        out_of_scope: list[str],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        lexicons: Mapping[str, Iterable[str]] | None = None,
    ) -> "Router":
        """Train on labelled messages.

        `lexicons` maps a marker name to known names (default: the bundled drug names and class words);
        a marker named after a domain also teaches that domain its names as examples.
        """
        labels = (*sorted(examples), OUT_OF_SCOPE)
        if lexicons is None:
            lexicons = load_drug_lexicons(DRUGS_DIR) if "drug" in examples else {}
        compiled = {marker: Lexicon(names) for marker, names in lexicons.items()}
        texts, label_ids, weights = _training_set({**examples, OUT_OF_SCOPE: out_of_scope}, labels, compiled)
        documents = [message_features(clean(t), compiled) for t in texts]
        vectorizer = TfidfVectorizer(documents)
        model = fit_softmax(
            vectorizer.transform_many(documents),
            label_ids,
            len(labels),
            sample_weight=weights,
            l2=L2,
            iterations=ITERATIONS,
        )
        return cls(labels, vectorizer, model, compiled, threshold)

    @classmethod
    def default(cls, *, threshold: float = DEFAULT_THRESHOLD, domains_dir: Path | None = None) -> "Router":
        """Train on the bundled examples of every domain folder and the out-of-scope examples."""
        examples = domain_examples(domains_dir) if domains_dir else domain_examples()
        return cls.from_examples(examples, read_examples(OUT_OF_SCOPE_FILE), threshold=threshold)

    def route(self, text: str, context: RoutingContext | None = None) -> RouteDecision:
        """The domain of one message, using the previous turn's domain when the message leans on it."""
        cleaned = clean(text)
        previous = context.previous_domain if context and context.previous_domain in self.labels else None
        if not cleaned and previous is None:
            return self._nothing_to_route()
        cols, values = self._vectorizer.transform(message_features(cleaned, self._lexicons))
        logits = self._model.logits(cols, values)
        alone = softmax(logits)
        probabilities = alone
        follow_up = False
        if previous is not None:
            boost = context_prior(cleaned, context)
            if boost > 0:
                index = self.labels.index(previous)
                boosted = logits.copy()
                boosted[index] += boost
                probabilities = softmax(boosted)
                resolved_here = int(np.argmax(alone)) == index and alone[index] >= self.threshold
                follow_up = int(np.argmax(probabilities)) == index and not resolved_here
        return self._decide(probabilities, follow_up, _language(text, context))

    def _decide(self, probabilities: np.ndarray, follow_up: bool, lang: str) -> RouteDecision:
        best = int(np.argmax(probabilities))
        confidence = float(probabilities[best])
        health = [i for i in np.argsort(-probabilities, kind="stable") if i != self._out_of_scope]
        clearly_out = best == self._out_of_scope and confidence >= CLEAR_MARGIN * probabilities[health[0]]
        needs = confidence < self.threshold and not clearly_out and len(health) >= 2
        question = clarifying_question(self.labels[health[0]], self.labels[health[1]], lang) if needs else None
        return RouteDecision(
            domain=self.labels[best],
            confidence=confidence,
            scores={label: float(p) for label, p in zip(self.labels, probabilities, strict=True)},
            needs_clarification=needs,
            clarifying_question=question,
            follow_up=follow_up,
        )

    def _nothing_to_route(self) -> RouteDecision:
        """No letters or digits and no context: not a question the router can place."""
        scores = {label: float(label == OUT_OF_SCOPE) for label in self.labels}
        return RouteDecision(domain=OUT_OF_SCOPE, confidence=1.0, scores=scores)


def _language(text: str, context: RoutingContext | None) -> str:
    """The message's language; the context's when the message has no letters to tell."""
    if context and context.lang and not any(ch.isalpha() for ch in text):
        return context.lang
    return detect_language(text)


def _spread(items: tuple[str, ...], limit: int) -> list[str]:
    """At most `limit` items, evenly spaced: deterministic and representative of the whole list."""
    if len(items) <= limit:
        return list(items)
    return [items[i * len(items) // limit] for i in range(limit)]


def _training_set(
    examples: Mapping[str, list[str]], labels: tuple[str, ...], lexicons: Mapping[str, Lexicon]
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, label ids and weights: every label weighs the same in total; lexicon names add a share."""
    texts: list[str] = []
    label_ids: list[int] = []
    weights: list[float] = []
    for index, label in enumerate(labels):
        lines = examples.get(label, [])
        texts += lines
        label_ids += [index] * len(lines)
        weights += [1.0 / max(len(lines), 1)] * len(lines)
        names = _spread(lexicons[label].names, LEXICON_SAMPLE) if label in lexicons else []
        texts += names
        label_ids += [index] * len(names)
        weights += [LEXICON_SHARE / max(len(names), 1)] * len(names)
    return texts, np.array(label_ids, dtype=np.int64), np.array(weights)
