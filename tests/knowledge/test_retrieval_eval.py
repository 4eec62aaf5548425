"""Evaluation metrics, and the quality bar on the bundled question set."""

from pathlib import Path

import pytest

from medichain.knowledge.evaluation import BUNDLED_SET, MODES, evaluate, format_table, load_questions
from medichain.knowledge.index import Hit, HybridIndex
from medichain.knowledge.passages import Passage

QUESTIONS = Path(__file__).parent / "fixtures" / "questions.jsonl"


def test_splits_are_read_from_the_set() -> None:
    assert len(load_questions(QUESTIONS)) == 4
    assert [q.split for q in load_questions(QUESTIONS, "holdout")] == ["holdout", "holdout"]


class ScriptedIndex:
    """Answers each query with fixed document ids, whatever the mode."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers

    def search(self, query: str, k: int, *, mode: str) -> list[Hit]:
        docs = self.answers.get(query, [])[:k]
        return [Hit(Passage(f"{d}#0.en", d, d, d, "en", "general", "s", ""), 1.0, None, None) for d in docs]


def test_recall_and_mrr_count_the_first_relevant_document() -> None:
    index = ScriptedIndex(
        {
            "관자놀이가 욱신거리고 빛만 봐도 괴로워요": ["symptom-headache"],
            "is it ok to put toothpaste on a scald": ["symptom-headache", "x", "emergency-burn"],
            "애가 열이 39도인데 해열제 뭐 먹여요": ["a", "b", "c", "d", "e", "symptom-fever-child"],
        }
    )
    results = evaluate(index, QUESTIONS, k=5)  # type: ignore[arg-type]
    assert set(results) == set(MODES)
    hybrid = results["hybrid"]
    assert (hybrid.questions, hybrid.k) == (4, 5)
    assert hybrid.recall == pytest.approx(2 / 4)  # the sixth hit is past k; the nonsense query finds nothing
    assert hybrid.mrr == pytest.approx((1 + 1 / 3) / 4)
    assert evaluate(index, QUESTIONS, k=6, split="holdout")["bm25"].recall == pytest.approx(1 / 2)
    assert "hybrid" in format_table(results)


def test_fixture_index_answers_the_fixture_questions(index: HybridIndex) -> None:
    results = evaluate(index, QUESTIONS, k=1)
    assert results["hybrid"].recall == pytest.approx(3 / 4)


def test_bundled_set_is_balanced_and_labelled_with_known_articles(bundled_index: HybridIndex) -> None:
    questions = load_questions(BUNDLED_SET)
    assert len(questions) >= 160
    korean = sum(q.lang == "ko" for q in questions)
    assert 0.4 <= korean / len(questions) <= 0.6
    holdout = sum(q.split == "holdout" for q in questions)
    assert 0.25 <= holdout / len(questions) <= 0.4
    known = {p.doc_id for p in bundled_index.passages()}
    unknown = [q.query for q in questions if not q.relevant <= known]
    assert not unknown


@pytest.mark.parametrize("split", ["dev", "holdout"])
def test_hybrid_recall_is_at_least_each_single_mode(bundled_index: HybridIndex, split: str) -> None:
    results = evaluate(bundled_index, BUNDLED_SET, k=5, split=split)
    hybrid = results["hybrid"]
    assert hybrid.recall >= results["bm25"].recall
    assert hybrid.recall >= results["dense"].recall
    assert hybrid.recall >= 0.85
