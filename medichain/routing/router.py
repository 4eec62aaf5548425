"""The message router: a local softmax classifier over character n-grams, words and lexicon markers."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medichain.core.text import detect_language
from medichain.routing.clarification import clarifying_question
from medichain.routing.context import RoutingContext, context_prior
from medichain.routing.examples import (
    DOMAINS_DIR,
    DRUGS_DIR,
    OUT_OF_SCOPE_FILE,
    VAGUE_FILE,
    domain_examples,
    read_examples,
)
from medichain.routing.features import clean, message_features
from medichain.routing.labels import OUT_OF_SCOPE
from medichain.routing.lexicon import Lexicon, load_drug_lexicons
from medichain.routing.softmax import SoftmaxModel, fit_softmax, softmax
from medichain.routing.training import build_training_set
from medichain.routing.vectorizer import TfidfVectorizer

DEFAULT_THRESHOLD = 0.5
"""Below this confidence a health message gets a clarifying question."""
L2 = 1e-5
"""L2 penalty of the softmax weights (chosen by cross-validation on the training examples)."""
ITERATIONS = 60
"""L-BFGS iterations: enough for the held-out predictions to stop changing."""
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

    @classmethod
    def from_examples(
        cls,
        examples: Mapping[str, list[str]],
        out_of_scope: list[str],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        lexicons: Mapping[str, Iterable[str]] | None = None,
        vague: list[str] | None = None,
    ) -> "Router":
        """Train on labelled messages.

        `lexicons` maps a marker name to known names (default: the bundled drug names and class words);
        a marker named after a domain also teaches that domain its names as examples. `vague` messages
        (default: the bundled ones) teach the router when to ask instead of guessing.
        """
        if not any(examples.values()):
            raise ValueError("the router needs examples of at least one domain")
        labels = (*sorted(examples), OUT_OF_SCOPE)
        if lexicons is None:
            lexicons = load_drug_lexicons(DRUGS_DIR) if "drug" in examples else {}
        compiled = {marker: Lexicon(names) for marker, names in lexicons.items()}
        if vague is None:
            vague = read_examples(VAGUE_FILE)
        training = build_training_set({**examples, OUT_OF_SCOPE: out_of_scope}, labels, compiled, vague)
        documents = [message_features(clean(t), compiled) for t in training.texts]
        vectorizer = TfidfVectorizer(documents)
        model = fit_softmax(
            vectorizer.transform_many(documents),
            training.targets,
            sample_weight=training.weights,
            l2=L2,
            iterations=ITERATIONS,
        )
        return cls(labels, vectorizer, model, compiled, threshold)

    @classmethod
    def default(cls, *, threshold: float = DEFAULT_THRESHOLD, domains_dir: Path | None = None) -> "Router":
        """Train on the examples.txt of every domain folder (default: the bundled domains) and the
        bundled out-of-scope examples."""
        examples = domain_examples(domains_dir or DOMAINS_DIR)
        return cls.from_examples(examples, read_examples(OUT_OF_SCOPE_FILE), threshold=threshold)

    def route(self, text: str, context: RoutingContext | None = None) -> RouteDecision:
        """The domain of one message, using the previous turn's domain when the message leans on it."""
        cleaned = clean(text)
        previous = context.previous_domain if context and context.previous_domain in self.labels else None
        if not cleaned:
            return self._nothing_to_route(previous)
        cols, values = self._vectorizer.transform(message_features(cleaned, self._lexicons))
        logits = self._model.logits(cols, values)
        alone = softmax(logits)
        probabilities = alone
        follow_up = False
        if context is not None and previous is not None:
            boost = context_prior(cleaned, context.previous_entities)
            if boost > 0:
                index = self.labels.index(previous)
                boosted = logits.copy()
                boosted[index] += boost
                probabilities = softmax(boosted)
                resolved_here = int(np.argmax(alone)) == index and alone[index] >= self.threshold
                follow_up = int(np.argmax(probabilities)) == index and not resolved_here
        return self._decide(probabilities, follow_up, _language(text, context))

    def _decide(self, probabilities: np.ndarray, follow_up: bool, lang: str) -> RouteDecision:
        scores = dict(zip(self.labels, probabilities.tolist(), strict=True))
        domain = max(scores, key=scores.__getitem__)
        confidence = scores[domain]
        health = sorted(
            (label for label in scores if label != OUT_OF_SCOPE), key=scores.__getitem__, reverse=True
        )
        clearly_out = domain == OUT_OF_SCOPE and confidence >= CLEAR_MARGIN * scores[health[0]]
        needs = confidence < self.threshold and not clearly_out and len(health) >= 2
        return RouteDecision(
            domain=domain,
            confidence=confidence,
            scores=scores,
            needs_clarification=needs,
            clarifying_question=clarifying_question(health[0], health[1], lang) if needs else None,
            follow_up=follow_up,
        )

    def _nothing_to_route(self, previous: str | None) -> RouteDecision:
        """No letters or digits ("??", "👍"): it stays with the previous turn, or is out of scope."""
        domain = previous or OUT_OF_SCOPE
        scores = {label: float(label == domain) for label in self.labels}
        return RouteDecision(domain=domain, confidence=1.0, scores=scores, follow_up=previous is not None)


def _language(text: str, context: RoutingContext | None) -> str:
    """The message's language; the context's when the message has no letters to tell."""
    if context and context.lang and not any(ch.isalpha() for ch in text):
        return context.lang
    return detect_language(text)
