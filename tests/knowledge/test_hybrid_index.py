"""Hybrid index: search modes, upserts, removal, filters, fusion, persistence and concurrency."""

import dataclasses
import json
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from medichain.knowledge.embedders import Embedder
from medichain.knowledge.index import MANIFEST, FusionSettings, HybridIndex, StaleIndexError
from medichain.knowledge.passages import Passage, chunk_article


class CountingEmbedder:
    """Wraps an embedder and records how many passage texts it embedded."""

    def __init__(self, inner: Embedder, name: str | None = None) -> None:
        self.inner = inner
        self.name = name or inner.name
        self.dim = inner.dim
        self.embedded: list[str] = []

    def embed(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if not query:
            self.embedded.extend(texts)
        return self.inner.embed(texts, query=query)


def doc_ids(hits: list) -> list[str]:
    return [h.passage.doc_id for h in hits]


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("머리가 깨질 듯이 아파요", "symptom-headache"),
        ("can I take advil if I'm on warfarin", "drug-ibuprofen"),
        ("뜨거운 물에 데었는데 치약 발라도 돼?", "emergency-burn"),
    ],
)
def test_each_mode_finds_the_obvious_article(
    index: HybridIndex, mode: str, query: str, expected: str
) -> None:
    assert doc_ids(index.search(query, 3, mode=mode))[0] == expected


def test_hybrid_score_is_weighted_reciprocal_rank_fusion(index: HybridIndex) -> None:
    settings = index.fusion
    hits = index.search("아이 열 해열제", 5)
    for hit in hits:
        expected = (settings.bm25_weight / (settings.k + hit.bm25_rank) if hit.bm25_rank else 0.0) + (
            settings.dense_weight / (settings.k + hit.dense_rank) if hit.dense_rank else 0.0
        )
        assert hit.score == pytest.approx(expected, rel=1e-5)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_fusion_weights_and_constant_are_configurable(
    tmp_path: Path, embedder: Embedder, index: HybridIndex
) -> None:
    lexical = HybridIndex(
        tmp_path / "w", embedder, fusion=FusionSettings(k=10, bm25_weight=3.0, dense_weight=0.1)
    )
    lexical.add(index.passages())
    top = lexical.search("골이 띵해요", 1)[0]
    assert top.bm25_rank == 1
    assert top.score == pytest.approx(
        3.0 / 11 + (0.1 / (10 + top.dense_rank) if top.dense_rank else 0), rel=1e-5
    )


def test_translation_twins_are_not_both_returned(index: HybridIndex) -> None:
    hits = index.search("ibuprofen 이부프로펜 warfarin 와파린", 10)
    keys = [h.passage.translation_key for h in hits]
    assert len(keys) == len(set(keys))


def test_filters_apply_before_ranking(index: HybridIndex) -> None:
    hits = index.search("headache", 5, domain="drug")
    assert hits and {h.passage.domain for h in hits} == {"drug"}
    assert {h.passage.lang for h in index.search("두통", 5, lang="en")} == {"en"}
    both = index.search("fever", 10, domain=["emergency", "clinic"])
    assert {h.passage.domain for h in both} <= {"emergency", "clinic"}
    assert (
        doc_ids(index.search("burn", 5, source="대한화상학회; St John Ambulance")) == ["emergency-burn"] * 2
    )
    assert index.search("headache", 5, domain="nonexistent") == []


def test_upsert_reembeds_only_changed_text(tmp_path: Path, embedder: Embedder, articles: list[dict]) -> None:
    counting = CountingEmbedder(embedder)
    index = HybridIndex(tmp_path / "i", counting)
    passages = [p for article in articles for p in chunk_article(article)]
    assert index.add(passages) == len(passages)
    counting.embedded.clear()
    assert index.add(passages) == 0 and counting.embedded == []

    summary = passages[0]
    new_keywords = dataclasses.replace(summary, metadata={**summary.metadata, "keywords": ["뒷골땡김"]})
    assert index.add([new_keywords]) == 1 and counting.embedded == []
    assert index.search("뒷골땡김", 1, mode="bm25")[0].passage.id == summary.id

    new_text = dataclasses.replace(
        passages[1], text=passages[1].text + " 카페인을 갑자기 끊으면 두통이 옵니다."
    )
    assert index.add([new_text]) == 1 and counting.embedded == [new_text.text]
    assert index.get(new_text.id) == new_text and len(index) == len(passages)


def test_remove_deletes_from_both_rankings(index: HybridIndex) -> None:
    ids = [p.id for p in index.passages() if p.doc_id == "emergency-burn"]
    assert index.remove([*ids, "missing#0.ko"]) == len(ids)
    for mode in ("bm25", "dense", "hybrid"):
        assert "emergency-burn" not in doc_ids(index.search("화상 치약 burn", 10, mode=mode))
    assert all(i not in index for i in ids)
    extra = Passage("new#0.en", "new", "Sunburn", "Sunburn: cool the skin.", "en", "general", "x", "")
    index.add([extra])
    assert index.search("sunburn", 1, mode="bm25")[0].passage == extra


def test_save_and_load_round_trip(tmp_path: Path, embedder: Embedder, index: HybridIndex) -> None:
    index.remove(["drug-ibuprofen#1.en"])
    index.save()
    loaded = HybridIndex(index.path, embedder)
    loaded.load()
    assert loaded.passages() == index.passages()
    for query in ("advil warfarin", "아이가 열이 나요"):
        before, after = index.search(query), loaded.search(query)
        assert [h.passage.id for h in after] == [h.passage.id for h in before]
        assert [h.score for h in after] == pytest.approx([h.score for h in before])


def test_save_keeps_one_previous_generation(index: HybridIndex) -> None:
    for _ in range(3):
        index.save()
    generation = json.loads((index.path / MANIFEST).read_text())["generation"]
    kept = {int(p.name.split(".")[1]) for p in index.path.iterdir() if p.name != MANIFEST}
    assert kept == {generation - 1, generation}
    assert len(list(index.path.iterdir())) == 1 + 3 * 2


def test_other_embedder_makes_the_saved_index_stale(index: HybridIndex, embedder: Embedder) -> None:
    index.save()
    other = HybridIndex(index.path, CountingEmbedder(embedder, name="another-model"))
    with pytest.raises(StaleIndexError):
        other.load()
    with pytest.raises(FileNotFoundError):
        HybridIndex(index.path / "absent", embedder).load()


def test_unreadable_index_is_stale_and_sync_rebuilds_it(index: HybridIndex, embedder: Embedder) -> None:
    passages = index.passages()
    index.save()
    manifest = json.loads((index.path / MANIFEST).read_text())
    (index.path / manifest["files"]["vectors"]).write_bytes(b"not numpy")
    broken = HybridIndex(index.path, embedder)
    with pytest.raises(StaleIndexError):
        broken.load()
    assert broken.sync(passages) == len(passages)
    assert broken.search("advil warfarin", 1)[0].passage.doc_id == "drug-ibuprofen"


def test_sync_rebuilds_stale_and_applies_only_differences(index: HybridIndex, embedder: Embedder) -> None:
    passages = index.passages()
    index.save()
    counting = CountingEmbedder(embedder, name="another-model")
    other = HybridIndex(index.path, counting)
    assert other.sync(passages) > 0 and len(counting.embedded) == len(passages)

    counting.embedded.clear()
    again = HybridIndex(index.path, counting)
    assert again.sync(passages[:-1]) == 1 and counting.embedded == []
    assert len(again) == len(passages) - 1 and passages[-1].id not in again


def test_search_while_adding_from_another_thread(index: HybridIndex) -> None:
    base = index.passages()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for round_ in range(3):
                index.add([dataclasses.replace(p, id=f"{p.id}-copy{round_}") for p in base[:8]])
                index.remove([f"{p.id}-copy{round_}" for p in base[:4]])
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    thread = threading.Thread(target=writer)
    thread.start()
    while thread.is_alive():
        for mode in ("bm25", "hybrid"):
            assert index.search("두통 headache", 5, mode=mode)
    thread.join()
    assert not errors
    assert len(index) == len(base) + 3 * 4
