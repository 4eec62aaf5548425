"""Knowledge documents (Markdown, plain text, JSONL, PDF) into `knowledge_documents`, then an incremental
update of the search index."""

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncSession

from medichain.core.db.upsert import UpsertCounts
from medichain.importers.base import (
    Importer,
    InputError,
    Invalid,
    Location,
    Op,
    Parsed,
    Raw,
    Rejection,
    check_lengths,
)
from medichain.importers.readers import json_text, raw_row, read_text
from medichain.importers.text import slug
from medichain.knowledge.store import KnowledgeDocument, document_row, upsert_documents

if TYPE_CHECKING:
    from medichain.platform import Platform

ORIGIN = "import"
SUFFIXES = (".md", ".txt", ".jsonl", ".pdf")
_MARKDOWN_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def read(paths: Sequence[Path], source: str | None = None) -> Parsed:
    """Every document under `paths` (folders recurse). `source` labels documents that name none; the
    file name labels the rest. Unknown or missing paths raise `InputError`; unreadable files are rejected."""
    rows: list[Raw | Rejection] = []
    for path in paths:
        for file in _files(path):
            rows += _read_file(file, source)
    return Parsed(", ".join(str(p) for p in paths), "documents", None, rows)


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            raise InputError(f"no {', '.join(SUFFIXES)} files under {path}")
        return files
    if not path.is_file():
        raise InputError(f"cannot read {path}: no such file or directory")
    if path.suffix.lower() not in SUFFIXES:
        named = f"'{path.suffix}'" if path.suffix else "(no file extension)"
        raise InputError(f"unknown format {named} for {path}: expected {', '.join(SUFFIXES)}")
    return [path]


def _read_file(file: Path, source: str | None) -> list[Raw | Rejection]:
    location = Location("file", file=str(file))
    suffix = file.suffix.lower()
    fields = {"id": slug(file.stem), "source": source or file.name}
    try:
        if suffix == ".jsonl":
            return _read_jsonl(file, fields)
        if suffix == ".pdf":
            title, text = _read_pdf(file)
            return [Raw(location, {**fields, "title": title or _title(file), "text": text})]
        text, encoding = read_text(file)
    except (InputError, Invalid) as exc:
        return [Rejection(location, str(exc))]
    match = _MARKDOWN_TITLE.search(text) if suffix == ".md" else None
    fields |= {"title": match.group(1) if match else _title(file), "text": text}
    return [raw_row(location, fields, encoding)]


def _read_jsonl(file: Path, defaults: dict[str, str]) -> list[Raw | Rejection]:
    """One document per line; ids default to the file's slug plus the line number."""
    text, encoding = read_text(file)
    rows: list[Raw | Rejection] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        location = Location("line", number, str(file))
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append(Rejection(location, f"malformed JSON at column {exc.colno}: {exc.msg}"))
            continue
        if not isinstance(item, dict):
            rows.append(Rejection(location, "not a JSON object"))
            continue
        fields = {str(k): json_text(v) for k, v in item.items() if v is not None}
        fields.setdefault("id", f"{defaults['id']}-{number}")
        fields.setdefault("source", defaults["source"])
        rows.append(raw_row(location, fields, encoding))
    return rows


def _read_pdf(file: Path) -> tuple[str, str]:
    """(metadata title, text of every page); a PDF without text is rejected."""
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Invalid("encrypted PDF: cannot extract its text")
        text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()
        title = str(reader.metadata.title or "") if reader.metadata else ""
    except Invalid:
        raise
    except Exception as exc:  # pypdf raises many exception types on damaged files
        raise Invalid(f"cannot read PDF: {exc}") from exc
    if not text:
        raise Invalid("no extractable text in the PDF (a scanned document needs OCR first)")
    return title.strip(), text


def _title(file: Path) -> str:
    return re.sub(r"[_\-]+", " ", file.stem).strip() or file.name


class Documents(Importer):
    """Documents upserted by id, for the domain given on the line or by `--domain`."""

    kind = "documents"

    def __init__(self, domain: str = "general") -> None:
        self.domain = domain
        self.domains: list[str] = []

    async def prepare(self, platform: "Platform") -> None:
        """Check the default domain, and load the index (building it when missing) so that `finish`
        counts only the passages this import changes."""
        self.domains = sorted(platform.domains)
        if self.domain not in self.domains:
            raise InputError(f"unknown domain {self.domain!r} (known: {', '.join(self.domains)})")
        await platform.knowledge.index(platform.dbs)

    def convert(self, row: Raw) -> Op:
        """A document row; the text must not be empty."""
        text = row.get("text")
        if not text:
            raise Invalid("empty text")
        domain = row.get("domain") or self.domain
        if domain not in self.domains:
            raise Invalid(f"unknown domain {domain!r} (known: {', '.join(self.domains)})")
        lang = row.get("lang") or None
        if lang not in (None, "ko", "en"):
            raise Invalid(f"invalid lang {lang!r} (expected ko or en)")
        doc_id = row.get("id")
        if not slug(doc_id):
            raise Invalid("missing field id (and no usable file name)")
        values = document_row(doc_id, row.required("title"), text, row.get("source"), domain, lang, ORIGIN)
        check_lengths(KnowledgeDocument, values)
        return Op(row.location, values["id"], values)

    async def write(self, session: AsyncSession, ops: Sequence[Op]) -> UpsertCounts:
        """Upsert the document rows."""
        return await upsert_documents(session, [op.payload for op in ops])

    async def finish(self, platform: "Platform") -> dict[str, int]:
        """Bring the search index in line with the stored documents (only changed passages are embedded);
        reports how many passages were added, changed or removed."""
        return {"passages_indexed": await platform.knowledge.sync(platform.dbs)}
