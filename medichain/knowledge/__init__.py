"""Knowledge: passages and chunking, Korean/English tokens, BM25 + dense hybrid search, name lookup."""

from medichain.knowledge.embedders import DEFAULT_EMBEDDER, Embedder, load_embedder
from medichain.knowledge.index import FusionSettings, Hit, HybridIndex, StaleIndexError
from medichain.knowledge.names import Mention, NameResolver
from medichain.knowledge.passages import Passage, chunk_article, chunk_document

__all__ = [
    "DEFAULT_EMBEDDER",
    "Embedder",
    "FusionSettings",
    "Hit",
    "HybridIndex",
    "Mention",
    "NameResolver",
    "Passage",
    "StaleIndexError",
    "chunk_article",
    "chunk_document",
    "load_embedder",
]
