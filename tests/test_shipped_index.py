"""The index shipped in the package holds exactly the passages of the bundled articles."""

import json

from medichain.knowledge import chunk_article
from medichain.knowledge.index import MANIFEST
from medichain.knowledge.service import SEED_INDEX_DIR
from medichain.knowledge.store import bundled_articles


def test_shipped_index_matches_bundled_articles() -> None:
    manifest = json.loads((SEED_INDEX_DIR / MANIFEST).read_text())
    shipped = json.loads((SEED_INDEX_DIR / manifest["files"]["passages"]).read_text())
    expected = [p.to_dict() for a in bundled_articles() for p in chunk_article(a)]
    assert {p["id"]: p for p in shipped} == {p["id"]: p for p in expected}, (
        "articles or chunking changed: run `medichain index seed` to rebuild the shipped index"
    )
