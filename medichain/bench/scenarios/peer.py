"""`peer`: the seed's retriever (LangChain: FAISS + BM25 in an `EnsembleRetriever`) against MediChain's
hybrid index, on the same passages, the same embedder and the same labelled questions
(`medichain/data/eval/retrieval.jsonl`): recall@5, MRR and search latency side by side, with ratios.

The dense side of both uses the vectors stored in the shipped index (MediChain's embedder, wrapped as
a LangChain `Embeddings` for queries), so the comparison is about the retrievers. LangChain runs twice:
as the seed would use it (BM25 over whitespace tokens, the library's default) and with MediChain's
Kiwi tokeniser plugged into its BM25, so the difference can be told apart from tokenisation."""

import asyncio
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from medichain.bench.context import Context
from medichain.bench.stats import Recorder
from medichain.knowledge.embedders import Embedder, load_embedder
from medichain.knowledge.evaluation import Question, load_questions
from medichain.knowledge.index import HybridIndex
from medichain.knowledge.service import SEED_INDEX_DIR
from medichain.knowledge.tokenize import tokenize

K = 5
Search = Callable[[str], list[str]]
"""A retriever as the comparison sees it: a query in, the doc ids of its top K passages out."""


def _require_langchain() -> None:
    try:
        with warnings.catch_warnings():  # langchain-community announces its sunset on import
            warnings.simplefilter("ignore", DeprecationWarning)
            import faiss  # noqa: F401
            import langchain_classic  # noqa: F401
            import langchain_community  # noqa: F401
            import rank_bm25  # noqa: F401
    except ImportError as exc:
        raise SystemExit(
            f"the peer comparison needs the `bench` extra ({exc.name} is missing): pip install -e '.[bench]'"
        ) from exc


def langchain_retriever(
    index: HybridIndex, embedder: Embedder, tokens: Callable[[str], list[str]] | None
) -> Search:
    """An `EnsembleRetriever` (FAISS + BM25, equal weights, as LangChain documents it) over the passages."""
    from langchain_classic.retrievers import EnsembleRetriever
    from langchain_community.retrievers import BM25Retriever
    from langchain_community.vectorstores import FAISS
    from langchain_core.documents import Document
    from langchain_core.embeddings import Embeddings

    class MediChainEmbeddings(Embeddings):
        """MediChain's embedder behind LangChain's interface."""

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed([text], query=True)[0].tolist()

    stored = index.stored()
    passages = [p for p, _ in stored]
    faiss = FAISS.from_embeddings(
        [(p.text, vector.tolist()) for p, vector in stored],
        MediChainEmbeddings(),
        metadatas=[{"doc_id": p.doc_id} for p in passages],
    )
    lexical = [Document(p.lexical_text, metadata={"doc_id": p.doc_id}) for p in passages]
    bm25 = BM25Retriever.from_documents(lexical, k=K, **({"preprocess_func": tokens} if tokens else {}))
    ensemble = EnsembleRetriever(
        retrievers=[bm25, faiss.as_retriever(search_kwargs={"k": K})], weights=[0.5, 0.5]
    )
    return lambda query: [d.metadata["doc_id"] for d in ensemble.invoke(query)[:K]]


def medichain_retriever(index: HybridIndex) -> Search:
    """MediChain's hybrid search (BM25 over Kiwi morphemes + dense, weighted RRF)."""
    return lambda query: [hit.passage.doc_id for hit in index.search(query, K)]


def measure(name: str, search: Search, questions: Sequence[Question]) -> tuple[Recorder, float, float]:
    """Latency recorder, recall@K and MRR@K of one retriever over the questions."""
    search(questions[0].query)  # warm-up: lazy imports and first-call allocations
    recorder = Recorder(name)
    hits = reciprocal = 0.0
    for question in questions:
        started = time.perf_counter()
        found = search(question.query)
        recorder.ok(time.perf_counter() - started)
        rank = next((r for r, doc in enumerate(found, start=1) if doc in question.relevant), None)
        if rank is not None:
            hits += 1
            reciprocal += 1 / rank
    recorder.stop()
    n = len(questions)
    return recorder, round(hits / n, 4), round(reciprocal / n, 4)


def compare(questions: Sequence[Question], embedder_spec: str) -> dict[str, dict[str, float]]:
    """Figures per retriever, plus `ratio` rows (LangChain over MediChain) for latency and recall."""
    _require_langchain()
    embedder = load_embedder(embedder_spec)
    with tempfile.TemporaryDirectory(prefix="medichain-peer-") as tmp:
        directory = Path(tmp) / "index"
        shutil.copytree(SEED_INDEX_DIR, directory)
        index = HybridIndex(directory, embedder)
        index.load()
    retrievers = {
        "medichain hybrid": medichain_retriever(index),
        "langchain ensemble (default BM25 tokens)": langchain_retriever(index, embedder, None),
        "langchain ensemble (Kiwi BM25 tokens)": langchain_retriever(index, embedder, tokenize),
    }
    figures: dict[str, dict[str, float]] = {}
    for name, search in retrievers.items():
        recorder, recall, mrr = measure(name, search, questions)
        summary = recorder.summary()
        figures[name] = {
            f"recall@{K}": recall,
            f"mrr@{K}": mrr,
            "mean_ms": summary.mean_ms,
            "p50_ms": summary.p50_ms,
            "p95_ms": summary.p95_ms,
            "p99_ms": summary.p99_ms,
        }
    base = figures["medichain hybrid"]
    for name in list(figures)[1:]:
        peer = figures[name]
        figures[f"ratio {name.removeprefix('langchain ensemble ')} / medichain"] = {
            f"recall@{K}": round(peer[f"recall@{K}"] / base[f"recall@{K}"], 3),
            "mean_ms": round(peer["mean_ms"] / base["mean_ms"], 2),
            "p95_ms": round(peer["p95_ms"] / base["p95_ms"], 2),
        }
    return figures


async def run(ctx: Context) -> None:
    """The comparison, in a worker thread (it needs no server)."""
    from medichain.config import get_settings

    spec = get_settings().embedder
    questions = load_questions()
    ctx.extra["retrieval"] = await asyncio.to_thread(compare, questions, spec)
    ctx.extra["questions"] = len(questions)
    ctx.notes.append(
        f"same passages (shipped index), same embedder ({spec}), same {len(questions)} labelled questions"
    )
