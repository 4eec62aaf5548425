"""Fixtures for the knowledge tests: the small article fixture, the bundled corpus, built indexes."""

import json
import shutil
from pathlib import Path

import pytest

from medichain.knowledge.embedders import DEFAULT_EMBEDDER, Embedder, load_embedder
from medichain.knowledge.index import HybridIndex
from medichain.knowledge.passages import Passage, chunk_article
from medichain.knowledge.service import seed_index

FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED_ARTICLES = Path(__file__).resolve().parents[2] / "medichain" / "data" / "articles"


def article_passages(articles: list[dict]) -> list[Passage]:
    """Every passage of a list of articles."""
    return [p for article in articles for p in chunk_article(article)]


@pytest.fixture(scope="session")
def articles() -> list[dict]:
    """Five small bilingual articles (symptom, child fever, drug, first aid, department)."""
    return json.loads((FIXTURES / "articles.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The default embedder, loaded once."""
    return load_embedder(DEFAULT_EMBEDDER)


@pytest.fixture(scope="session")
def saved_index_dir(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder, articles: list[dict]
) -> Path:
    """The fixture articles embedded once and saved."""
    built = HybridIndex(tmp_path_factory.mktemp("fixture-index") / "index", embedder)
    built.add(article_passages(articles))
    built.save()
    return built.path


@pytest.fixture
def index(tmp_path: Path, embedder: Embedder, saved_index_dir: Path) -> HybridIndex:
    """A private copy of the fixture index, loaded (no embedding) and free to modify."""
    copy = HybridIndex(shutil.copytree(saved_index_dir, tmp_path / "index"), embedder)
    copy.load()
    return copy


@pytest.fixture(scope="session")
def bundled_index(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> HybridIndex:
    """An index over the bundled articles, started from the index shipped in the package (so nothing is
    embedded unless the articles changed) and kept in pytest's cache."""
    articles = [a for f in sorted(BUNDLED_ARTICLES.glob("*.json")) for a in json.loads(f.read_text("utf-8"))]
    if not articles:
        pytest.skip("no bundled articles")
    cache = getattr(request.config, "cache", None)  # absent under `-p no:cacheprovider`
    directory = cache.mkdir("knowledge-bundled-index") if cache else tmp_path_factory.mktemp("bundled")
    seed_index(directory)
    built = HybridIndex(directory, embedder)
    built.sync(article_passages(articles))
    return built
