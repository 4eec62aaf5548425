"""Retrieval evaluation: recall@k and MRR of each search mode over a labelled question set.

The set is JSONL, one question a line: `{"query", "lang", "relevant": [doc ids], "domain", "split"}`,
`split` being "dev" (used to tune chunking and fusion) or "holdout" (only for the final check).
"""

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from medichain.knowledge.index import HybridIndex, SearchMode

BUNDLED_SET = Path(__file__).resolve().parent.parent / "data" / "eval" / "retrieval.jsonl"
MODES: tuple[SearchMode, ...] = ("bm25", "dense", "hybrid")


@dataclass(frozen=True)
class Question:
    """One labelled query: any passage of a `relevant` document answers it."""

    query: str
    lang: str
    relevant: frozenset[str]
    domain: str
    split: str = "dev"


@dataclass(frozen=True)
class Metrics:
    """Recall@k (a relevant document among the top k passages), MRR@k, and mean search time."""

    recall: float
    mrr: float
    questions: int
    k: int
    mean_ms: float


def load_questions(path: Path = BUNDLED_SET, split: str | None = None) -> list[Question]:
    """The questions of a JSONL set, optionally only one split."""
    questions = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            row["relevant"] = frozenset(row["relevant"])
            questions.append(Question(**row))
    return [q for q in questions if split is None or q.split == split]


def evaluate(
    index: HybridIndex,
    path: Path = BUNDLED_SET,
    k: int = 5,
    *,
    split: str | None = None,
    modes: Iterable[SearchMode] = MODES,
) -> dict[str, Metrics]:
    """Metrics of each search mode over the set (or one split of it), searching without filters."""
    questions = load_questions(path, split)
    return {mode: _evaluate_mode(index, questions, k, mode) for mode in modes}


def _evaluate_mode(index: HybridIndex, questions: list[Question], k: int, mode: SearchMode) -> Metrics:
    hits = reciprocal = elapsed = 0.0
    for question in questions:
        started = time.perf_counter()
        results = index.search(question.query, k, mode=mode)
        elapsed += time.perf_counter() - started
        rank = next(
            (r for r, h in enumerate(results, start=1) if h.passage.doc_id in question.relevant), None
        )
        if rank is not None:
            hits += 1
            reciprocal += 1.0 / rank
    n = max(len(questions), 1)
    return Metrics(hits / n, reciprocal / n, len(questions), k, 1000.0 * elapsed / n)


def format_table(results: dict[str, Metrics]) -> str:
    """A plain-text table of `evaluate` output."""
    lines = [f"{'mode':<8} {'recall@k':>9} {'MRR':>7} {'n':>5} {'ms/query':>9}"]
    lines += [
        f"{mode:<8} {m.recall:>9.3f} {m.mrr:>7.3f} {m.questions:>5} {m.mean_ms:>9.1f}"
        for mode, m in results.items()
    ]
    return "\n".join(lines)
