"""Properties of lexical retrieval and the hybrid index: any text tokenises, BM25 updated in place scores
like one built afresh, any search answers within its filters, and a passage is found by its own text."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from medichain.knowledge.bm25 import BM25
from medichain.knowledge.index import HybridIndex
from medichain.knowledge.tokenize import tokenize, tokenize_many
from tests.fuzz.conftest import ANY_TEXT, examples
from tests.knowledge.conftest import articles, embedder, index, saved_index_dir  # noqa: F401 - fixtures

WORDS = st.sampled_from(["두통", "열", "기침", "fever", "cough", "pain", "약", "dose", "child", "아이"])
documents = st.lists(st.lists(WORDS, max_size=12), min_size=1, max_size=12)


@examples(1.0)
@given(st.lists(ANY_TEXT, max_size=4))
def test_any_text_tokenises(texts: list[str]) -> None:
    batch = tokenize_many(texts)
    assert batch == [tokenize(t) for t in texts]
    for tokens in batch:
        assert all(token and not any(ch.isspace() for ch in token) for token in tokens)


@examples(1.0)
@given(documents, st.data())
def test_bm25_in_place_updates_score_like_a_fresh_index(docs: list[list[str]], data: st.DataObject) -> None:
    removed = data.draw(st.sets(st.sampled_from(range(len(docs)))))
    query = data.draw(st.lists(WORDS, min_size=1, max_size=4))
    updated = BM25()
    updated.add(range(len(docs)), docs)
    updated.remove(sorted(removed))
    kept = [s for s in range(len(docs)) if s not in removed]
    fresh = BM25()
    fresh.add(kept, [docs[s] for s in kept])
    scores = updated.scores(query, len(docs))
    np.testing.assert_allclose(scores, fresh.scores(query, len(docs)), rtol=1e-5, atol=1e-6)
    assert np.isfinite(scores).all() and (scores >= 0).all()
    for slot in range(len(docs)):
        shares_a_word = slot in kept and not set(query).isdisjoint(docs[slot])
        assert (scores[slot] > 0) == shares_a_word
    restored = BM25.from_export(updated.export(kept))
    np.testing.assert_allclose(restored.scores(query, len(kept)), scores[kept], rtol=1e-5, atol=1e-6)


@examples(1.0)
@given(
    ANY_TEXT,
    st.integers(min_value=-1, max_value=60),
    st.sampled_from(["hybrid", "bm25", "dense"]),
    st.sampled_from([None, "ko", "en", ["ko", "en"], "fr"]),
    st.sampled_from([None, "general", "drug", "emergency", "nonexistent"]),
)
def test_any_search_answers_within_its_filters(
    index: HybridIndex,  # noqa: F811
    query: str,
    k: int,
    mode: str,
    lang: str | list[str] | None,
    domain: str | None,
) -> None:
    hits = index.search(query, k, mode=mode, lang=lang, domain=domain)  # type: ignore[arg-type]
    assert len(hits) <= max(k, 0)
    langs = {lang} if isinstance(lang, str) else set(lang or ())
    for hit in hits:
        assert np.isfinite(hit.score)
        assert not langs or hit.passage.lang in langs
        assert domain is None or hit.passage.domain == domain
        assert mode != "bm25" or hit.bm25_rank is not None


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
@examples(0.5)
@given(st.data())
def test_a_passage_is_found_first_by_its_own_text(
    index: HybridIndex,  # noqa: F811
    mode: str,
    data: st.DataObject,
) -> None:
    passage = data.draw(st.sampled_from(index.passages()))
    hits = index.search(passage.text, 5, mode=mode)  # type: ignore[arg-type]
    assert hits and hits[0].passage.id == passage.id
