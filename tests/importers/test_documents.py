"""Documents (Markdown, text, JSONL, PDF) into `knowledge_documents` and the search index, on SQLite and
MariaDB: ids, titles, rejected files and lines, idempotent re-import, incremental index updates."""

import shutil
from pathlib import Path

import pytest

from medichain.importers import documents
from medichain.importers.base import InputError
from medichain.importers.documents import Documents
from medichain.knowledge.store import KnowledgeDocument
from medichain.platform import Platform
from tests.importers.helpers import FIXTURES, counts, load, rows

FOLDER = FIXTURES / "documents"


def by_name(summary_reasons: dict[str, str]) -> dict[str, str]:
    """Rejections keyed by file name (plus line) instead of the full path."""
    return {key.replace(f"{FOLDER}/", ""): reason for key, reason in summary_reasons.items()}


async def test_folder_import_loads_documents_and_updates_the_index(platform: Platform) -> None:
    summary = await load(platform, Documents(), documents.read([FOLDER]))
    assert counts(summary) == (5, 0, 0, 5)
    assert by_name({str(r.location): r.reason for r in summary.rejections}) == {
        "empty.txt": "empty text",
        "faq.jsonl line 3": "empty text",
        "faq.jsonl line 4": "malformed JSON at column 27: Unterminated string starting at",
        "faq.jsonl line 5": "unknown domain 'dental' (known: clinic, drug, emergency, general)",
        "scanned.pdf": "no extractable text in the PDF (a scanned document needs OCR first)",
    }
    assert summary.extra["passages_indexed"] >= 5

    stored = {row.id: row for row in await rows(platform, KnowledgeDocument, kind="document")}
    assert sorted(stored) == [
        "faq-2",
        "faq-insomnia",
        "heatstroke-leaflet",
        "travel-vaccines",
        "저체온증-대처법",
    ]
    assert stored["저체온증-대처법"].title == "저체온증 대처법"
    assert stored["저체온증-대처법"].source == "저체온증_대처법.md"
    assert stored["heatstroke-leaflet"].title == "열사병 응급처치 안내"
    assert stored["travel-vaccines"].title == "travel vaccines"
    assert (stored["faq-2"].title, stored["faq-2"].record["lang"]) == ("Hand washing", "en")
    assert stored["faq-insomnia"].source == "MediChain 예시 FAQ"
    assert all(row.domain == "general" and row.origin == "import" for row in stored.values())

    hits = await platform.knowledge.search(platform.dbs, "젖은 옷을 벗기고 담요로 감싸기", k=3)
    assert hits[0].passage.doc_id == "저체온증-대처법"
    hits = await platform.knowledge.search(platform.dbs, "열사병 환자 그늘로 옮기기", k=3)
    assert hits[0].passage.doc_id == "heatstroke-leaflet"

    again = await load(platform, Documents(), documents.read([FOLDER]))
    assert counts(again) == (0, 0, 5, 5)
    assert again.extra["passages_indexed"] == 0


async def test_changed_document_is_updated_and_reindexed(platform: Platform, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(FOLDER / "travel-vaccines.txt", folder)
    first = await load(platform, Documents("emergency"), documents.read([folder], source="여행의학 안내서"))
    assert counts(first) == (1, 0, 0, 0)
    [row] = await rows(platform, KnowledgeDocument, id="travel-vaccines")
    assert (row.domain, row.source) == ("emergency", "여행의학 안내서")

    (folder / "travel-vaccines.txt").write_text(
        "Vaccines before travelling abroad\n\n"
        "Malaria tablets are not a vaccine: start them before the trip.\n",
        encoding="utf-8",
    )
    summary = await load(platform, Documents("emergency"), documents.read([folder], source="여행의학 안내서"))
    assert counts(summary) == (0, 1, 0, 0)
    assert summary.extra["passages_indexed"] >= 1
    hits = await platform.knowledge.search(platform.dbs, "malaria tablets before the trip", k=1)
    assert hits[0].passage.doc_id == "travel-vaccines"
    assert "Malaria" in hits[0].passage.text


async def test_unknown_default_domain_is_refused(platform: Platform) -> None:
    with pytest.raises(InputError, match="unknown domain 'dentistry'"):
        await load(platform, Documents("dentistry"), documents.read([FOLDER / "travel-vaccines.txt"]))


def test_unusable_paths_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        documents.read([tmp_path / "missing.md"])
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"unknown format '\.docx'"):
        documents.read([tmp_path / "notes.docx"])
    with pytest.raises(InputError, match=r"no \.md, \.txt, \.jsonl, \.pdf files under"):
        documents.read([tmp_path])


def test_damaged_pdf_is_rejected(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes((FOLDER / "heatstroke-leaflet.pdf").read_bytes()[:200])
    [rejected] = documents.read([damaged]).rows
    assert rejected.reason.startswith("cannot read PDF:")  # type: ignore[union-attr]
