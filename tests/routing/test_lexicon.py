"""Spotting known names in messages, and loading drug names from (possibly broken) data files."""

import json
from pathlib import Path

import pytest

from medichain.routing.examples import DRUGS_DIR
from medichain.routing.lexicon import Lexicon, load_drug_lexicons

NAMES = Lexicon(["타이레놀", "판콜", "이부프로펜", "Tylenol 500", "advil", "ASA", "5", ""])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("타이레놀이랑 이부프로펜 같이 먹어도 돼?", ("이부프로펜", "타이레놀")),
        ("타이레놀이부작용있나요", ("타이레놀",)),  # no spaces
        ("판콜 먹어도 돼요", ("판콜",)),
        ("판콜을 먹었어요", ("판콜",)),
        ("오판콜", ()),  # a two-syllable name only at the start of a word
        ("can I take Advil?", ("advil",)),
        ("advilx and xadvil", ()),  # Latin names are whole words
        ("tylenol 500 twice a day", ("tylenol 500",)),
        ("asa", ("asa",)),
        ("no names here", ()),
    ],
)
def test_finds_names(text: str, names: tuple[str, ...]) -> None:
    assert NAMES.scan(text).names == names


@pytest.mark.parametrize(
    ("text", "alone"),
    [("타이레놀", True), ("타이레놀은?", True), ("advil", True), ("타이레놀 부작용", False)],
)
def test_a_message_that_is_just_a_name(text: str, alone: bool) -> None:
    assert NAMES.scan(text).covers_message(slack=2) == alone


def test_unusable_names_are_dropped() -> None:
    assert len(NAMES) == 6  # "5" (digits) and "" cannot be spotted


def test_bundled_drug_names_separate_specific_names_from_class_words() -> None:
    lexicons = load_drug_lexicons(DRUGS_DIR)
    specific, classes = set(lexicons["drug"]), set(lexicons["drug_class"])
    assert {"타이레놀", "tylenol", "이부프로펜"} <= specific
    assert "항생제" in classes and "항생제" not in specific


def test_missing_broken_and_partial_files_are_tolerated(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "object.json").write_text('{"drugs": []}', encoding="utf-8")
    records = [
        {
            "name": {"ko": "노바스크정", "en": None},
            "aliases": ["노바스크", 7],
            "ingredients": [{"ko": "암로디핀"}],
        },
        {"name": "not a mapping", "aliases": "not a list"},
        "not a record",
        {"aliases": ["진통제약"]},
    ]
    (tmp_path / "partial.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    lexicons = load_drug_lexicons(tmp_path)
    assert sorted(lexicons["drug"]) == ["노바스크", "노바스크정", "암로디핀"]
    assert lexicons["drug_class"] == ["진통제약"]
    assert load_drug_lexicons(tmp_path / "missing") == {"drug": [], "drug_class": []}
