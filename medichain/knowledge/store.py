"""Knowledge documents in the global database (bundled articles and imported documents), turned into
passages for the hybrid index."""

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from importlib import resources
from typing import Any

import orjson
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from medichain.core.db.base import GlobalBase, JSONDoc, UTCDateTime, utcnow
from medichain.core.db.upsert import UpsertCounts, upsert
from medichain.knowledge.passages import Passage, chunk_article, chunk_document


class KnowledgeDocument(GlobalBase):
    """One article (`kind="article"`, bilingual, sectioned) or imported document (`kind="document"`)."""

    __tablename__ = "knowledge_documents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(500))
    domain: Mapped[str] = mapped_column(String(32), index=True)
    source: Mapped[str] = mapped_column(String(500), default="")
    record: Mapped[dict] = mapped_column(JSONDoc)
    content_hash: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(32), default="bundled")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


def article_row(article: dict[str, Any], origin: str = "bundled") -> dict[str, Any]:
    """A row for a bilingual article in the bundled schema."""
    title = article["title"].get("ko") or article["title"].get("en", "")
    return _row(
        article["id"],
        "article",
        title,
        article.get("domain", "general"),
        article.get("source", ""),
        article,
        origin,
    )


def document_row(
    doc_id: str, title: str, text: str, source: str, domain: str, lang: str | None, origin: str
) -> dict[str, Any]:
    """A row for an imported text document."""
    record = {"text": text, "lang": lang}
    return _row(doc_id, "document", title, domain, source, record, origin)


def _row(
    doc_id: str, kind: str, title: str, domain: str, source: str, record: dict[str, Any], origin: str
) -> dict[str, Any]:
    digest = hashlib.sha256(orjson.dumps(record, option=orjson.OPT_SORT_KEYS)).hexdigest()
    return {
        "id": doc_id[:200],
        "kind": kind,
        "title": title[:500],
        "domain": domain[:32],
        "source": source[:500],
        "record": record,
        "content_hash": digest,
        "origin": origin,
    }


def passages_of(document: KnowledgeDocument) -> list[Passage]:
    """The passages one stored document contributes to the index."""
    if document.kind == "article":
        return chunk_article(document.record)
    record = document.record
    return chunk_document(
        document.id, document.title, record["text"], document.source, document.domain, record.get("lang")
    )


async def upsert_documents(session: AsyncSession, rows: Iterable[dict[str, Any]]) -> UpsertCounts:
    """Insert or update documents by id."""
    return await upsert(session, KnowledgeDocument, ["id"], list(rows))


async def all_passages(session: AsyncSession) -> list[Passage]:
    """Every passage of every stored document."""
    documents = (await session.scalars(select(KnowledgeDocument).order_by(KnowledgeDocument.id))).all()
    return [passage for document in documents for passage in passages_of(document)]


def bundled_articles() -> list[dict[str, Any]]:
    """Every bundled article (medichain/data/articles/*.json)."""
    folder = resources.files("medichain.data").joinpath("articles")
    articles: list[dict[str, Any]] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            articles += json.loads(item.read_text(encoding="utf-8"))
    return articles
