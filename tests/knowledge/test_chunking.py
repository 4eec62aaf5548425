"""Article and document chunking."""

from medichain.knowledge.passages import (
    MAX_CHUNK_CHARS,
    MIN_CHUNK_CHARS,
    Passage,
    chunk_article,
    chunk_document,
)


def test_article_gives_summary_and_sections_per_language(articles: list[dict]) -> None:
    passages = chunk_article(articles[0])
    assert [p.id for p in passages] == [
        "symptom-headache#0.ko",
        "symptom-headache#1.ko",
        "symptom-headache#2.ko",
        "symptom-headache#0.en",
        "symptom-headache#1.en",
        "symptom-headache#2.en",
    ]
    section = passages[1]
    assert section.text.startswith("두통 — 흔한 원인\n")
    assert section.section == "흔한 원인" and section.lang == "ko" and section.domain == "general"
    assert section.metadata["departments"] == ["신경과", "가정의학과"]
    assert section.translation_key == passages[4].translation_key == "symptom-headache#1"


def test_keywords_go_to_bm25_only_on_the_summary(articles: list[dict]) -> None:
    summary, section = chunk_article(articles[0])[:2]
    assert "머리아파요" in summary.lexical_text and "머리아파요" not in summary.text
    assert section.lexical_text == section.text


def test_article_missing_a_language_yields_only_the_other() -> None:
    article = {"id": "x", "title": {"en": "Only English"}, "summary": {"en": "s"}, "sections": []}
    assert [p.id for p in chunk_article(article)] == ["x#0.en"]


def test_passage_dict_round_trip(articles: list[dict]) -> None:
    passage = chunk_article(articles[2])[0]
    assert Passage.from_dict(passage.to_dict()) == passage


def test_document_chunks_stay_within_bounds_and_overlap() -> None:
    sentences = [f"Sentence number {i} talks about blood pressure and salt intake." for i in range(60)]
    text = "# Hypertension\n\n" + "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, 60, 3))
    chunks = chunk_document("doc", "BP guide", text, source="WHO", domain="general")
    assert len(chunks) > 2
    for chunk in chunks:
        body = chunk.text.split("\n", 1)[1]
        assert len(body) <= MAX_CHUNK_CHARS
        assert chunk.text.startswith("BP guide — Hypertension\n")
        assert chunk.lang == "en" and chunk.section == "Hypertension" and chunk.id.startswith("doc#")
    assert all(len(c.text) >= MIN_CHUNK_CHARS for c in chunks[:-1])
    first_tail = chunks[0].text.rsplit(". ", 1)[-1]
    assert first_tail in chunks[1].text


def test_document_splits_at_headings_and_detects_language_per_chunk() -> None:
    korean = "고혈압은 혈압이 높은 상태입니다. " * 20
    english = "High blood pressure often has no symptoms. " * 20
    text = f"# 고혈압\n\n{korean}\n\n## English summary\n\n{english}"
    chunks = chunk_document("bp", "혈압", text, source="KDCA", domain="general")
    assert [(c.section, c.lang) for c in chunks] == [("고혈압", "ko"), ("English summary", "en")]


def test_pdf_style_line_breaks_are_joined_and_long_paragraphs_cut() -> None:
    text = "\n".join(["Take one tablet twice a day with water after meals."] * 60)
    chunks = chunk_document("pdf", "Leaflet", text, source="label", domain="drug")
    assert len(chunks) >= 3
    assert all(len(c.text.split("\n", 1)[1]) <= MAX_CHUNK_CHARS for c in chunks)
    assert "\n" not in chunks[0].text.split("\n", 1)[1]
