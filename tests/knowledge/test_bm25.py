"""BM25 ranking sanity, incremental updates and export round trip."""

import numpy as np

from medichain.knowledge.bm25 import BM25

DOCS = [
    ["headache", "migraine", "light", "sound"],
    ["fever", "child", "fluid", "fever"],
    ["ibuprofen", "stomach", "food"],
    ["burn", "cool", "water", "burn", "burn"],
]


def build() -> BM25:
    index = BM25()
    index.add(range(len(DOCS)), DOCS)
    return index


def test_matching_document_ranks_first_and_others_score_zero() -> None:
    scores = build().scores(["fever"], 4)
    assert int(np.argmax(scores)) == 1
    assert scores[[0, 2, 3]].tolist() == [0.0, 0.0, 0.0]


def test_rare_terms_outweigh_common_ones() -> None:
    index = BM25()
    index.add(range(4), [["pain", "rare"], ["pain"], ["pain"], ["pain", "other"]])
    scores = index.scores(["pain", "rare"], 4)
    assert scores[0] > scores[1] > 0


def test_term_frequency_saturates() -> None:
    index = BM25()
    index.add(range(3), [["burn"], ["burn"] * 3, ["burn"] * 30])
    one, three, thirty = index.scores(["burn"], 3)
    assert one < three < thirty < 2.2 * one


def test_remove_then_add_matches_a_fresh_build() -> None:
    index = build()
    index.remove([1, 3])
    index.add([1], [["burn", "water"]])
    fresh = BM25()
    fresh.add([0, 1, 2], [DOCS[0], ["burn", "water"], DOCS[2]])
    for query in (["burn"], ["fever"], ["headache", "stomach"]):
        np.testing.assert_allclose(index.scores(query, 4)[:3], fresh.scores(query, 3), rtol=1e-6)
    assert len(index) == 3 and 3 not in index


def test_unknown_tokens_and_empty_index_score_zero() -> None:
    assert not build().scores(["zebra"], 4).any()
    assert not BM25().scores(["fever"], 2).any()


def test_export_round_trip_preserves_scores() -> None:
    index = build()
    index.remove([0])
    copy = BM25.from_export(index.export([1, 2, 3]))
    np.testing.assert_allclose(
        copy.scores(["burn", "fever"], 3), index.scores(["burn", "fever"], 4)[1:], rtol=1e-6
    )
