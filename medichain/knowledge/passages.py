"""Passages, the unit of retrieval, and the chunkers that cut articles and documents into them."""

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from medichain.core.text import Language, detect_language

LANGUAGES: tuple[Language, ...] = ("ko", "en")
MAX_CHUNK_CHARS = 900
MIN_CHUNK_CHARS = 500
OVERLAP_CHARS = 150

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")


@dataclass(frozen=True)
class Passage:
    """One retrievable piece of text in one language.

    `domain` is the owning domain template (general, emergency, clinic, drug, or a plug-in's own name).
    `metadata["keywords"]` holds colloquial search terms that BM25 indexes but the embedder never sees.
    """

    id: str
    doc_id: str
    title: str
    text: str
    lang: Language
    domain: str
    source: str
    section: str
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def lexical_text(self) -> str:
        """The text BM25 indexes: the passage text plus its keywords."""
        keywords = self.metadata.get("keywords") or []
        return f"{self.text}\n{' '.join(keywords)}" if keywords else self.text

    @property
    def translation_key(self) -> str:
        """What translations of this passage share: the id without its language suffix."""
        return self.id.removesuffix(f".{self.lang}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; `Passage.from_dict` reverses it."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Passage":
        """Rebuild a passage from `to_dict` output."""
        return cls(**data)


def chunk_article(article: dict[str, Any]) -> list[Passage]:
    """Passages of one bundled bilingual article: its summary, then one per section, per language.

    Every passage text starts with the article title (and section heading) so that it reads on its own.
    Passage ids are `"{doc_id}#{index}.{lang}"`, index 0 being the summary.
    """
    doc_id = article["id"]
    common = {
        "doc_id": doc_id,
        "domain": article.get("domain", "general"),
        "source": article.get("source", ""),
        "url": article.get("url"),
    }
    base_meta = {"category": article.get("category"), "departments": list(article.get("departments") or [])}
    passages: list[Passage] = []
    for lang in LANGUAGES:
        title = (article.get("title") or {}).get(lang)
        if not title:
            continue
        summary = (article.get("summary") or {}).get(lang, "")
        keywords = list((article.get("keywords") or {}).get(lang) or [])
        passages.append(
            Passage(
                id=f"{doc_id}#0.{lang}",
                title=title,
                text=f"{title}\n{summary}".strip(),
                lang=lang,
                section="",
                metadata={**base_meta, "section_index": 0, "keywords": keywords},
                **common,
            )
        )
        for index, section in enumerate(article.get("sections") or [], start=1):
            heading = (section.get("heading") or {}).get(lang, "")
            body = (section.get("body") or {}).get(lang, "")
            if not body:
                continue
            passages.append(
                Passage(
                    id=f"{doc_id}#{index}.{lang}",
                    title=title,
                    text=f"{title} — {heading}\n{body}" if heading else f"{title}\n{body}",
                    lang=lang,
                    section=heading,
                    metadata={**base_meta, "section_index": index},
                    **common,
                )
            )
    return passages


def chunk_document(
    doc_id: str, title: str, text: str, source: str, domain: str, lang: Language | None = None
) -> list[Passage]:
    """Passages of an imported plain-text, Markdown or PDF-extracted document.

    Paragraphs are packed into chunks of about 500-900 characters, a new chunk starting at a heading once
    the current one is long enough; consecutive chunks of a section overlap by their last sentences.
    Passage ids are `"{doc_id}#{n}"`; the language is detected per chunk unless given.
    """
    passages: list[Passage] = []
    for n, (heading, body) in enumerate(_pack(_paragraphs(text))):
        context = f"{title} — {heading}" if heading and heading != title else title
        chunk_text = f"{context}\n{body}"
        passages.append(
            Passage(
                id=f"{doc_id}#{n}",
                doc_id=doc_id,
                title=title,
                text=chunk_text,
                lang=lang or detect_language(body),
                domain=domain,
                source=source,
                section=heading,
                metadata={"chunk_index": n},
            )
        )
    return passages


def _paragraphs(text: str) -> Iterator[tuple[str, str]]:
    """(heading, paragraph) pairs; lines of a paragraph are joined, so PDF line breaks disappear."""
    heading = ""
    lines: list[str] = []
    for raw in [*text.splitlines(), ""]:
        match = _HEADING.match(raw)
        if match or not raw.strip():
            if lines:
                yield heading, " ".join(lines)
                lines = []
            if match:
                heading = match.group(1).strip()
        else:
            lines.append(raw.strip())


def _pieces(paragraph: str) -> list[str]:
    """A paragraph cut at sentence ends (then hard-cut) into pieces no longer than the maximum chunk."""
    if len(paragraph) <= MAX_CHUNK_CHARS:
        return [paragraph]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        pieces.extend(sentence[i : i + MAX_CHUNK_CHARS] for i in range(0, len(sentence), MAX_CHUNK_CHARS))
    return pieces


def _overlap(body: str) -> str:
    """The trailing sentences of a chunk, at most `OVERLAP_CHARS` long, that the next chunk repeats."""
    tail: list[str] = []
    for sentence in reversed(_SENTENCE_END.split(body)):
        if sum(len(s) + 1 for s in tail) + len(sentence) > OVERLAP_CHARS:
            break
        tail.insert(0, sentence)
    return " ".join(tail)


def _pack(paragraphs: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Greedily pack paragraph pieces into (heading, body) chunks; paragraphs stay on their own lines."""
    heading, body = "", ""
    for para_heading, paragraph in paragraphs:
        for n, piece in enumerate(_pieces(paragraph)):
            new_section = para_heading != heading
            if body and (
                len(body) + 1 + len(piece) > MAX_CHUNK_CHARS or (new_section and len(body) >= MIN_CHUNK_CHARS)
            ):
                yield heading, body
                carried = "" if new_section else _overlap(body)
                body = carried if carried and len(carried) + 1 + len(piece) <= MAX_CHUNK_CHARS else ""
            if not body:
                heading = para_heading
            separator = " " if n else "\n"
            body = f"{body}{separator}{piece}" if body else piece
    if body:
        yield heading, body
