"""New domains need no router change: their examples folder is enough."""

from pathlib import Path

import pytest

from medichain.routing import Router


def test_a_new_domain_folder_is_discovered(tmp_path: Path) -> None:
    for name, lines in {
        "dental": ["치통이 심해요", "사랑니 발치", "잇몸 염증", "toothache", "wisdom tooth removal"],
        "drug": ["타이레놀 부작용", "약 복용법", "side effects of advil", "how to take ibuprofen"],
        "_template": ["ignored"],
    }.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "examples.txt").write_text(
            "# comment\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )
    router = Router.default(domains_dir=tmp_path)
    assert router.labels == ("dental", "drug", "out_of_scope")
    assert router.route("사랑니가 아파요").domain == "dental"
    assert router.route("이부프로펜 부작용").domain == "drug"


def test_from_examples_with_custom_lexicon_and_clarifying_fallback() -> None:
    router = Router.from_examples(
        {"sleep": ["잠이 안 와요", "불면증", "insomnia"], "skin": ["여드름", "피부 발진", "acne"]},
        ["날씨 어때", "weather"],
        lexicons={"skin": ["로아큐탄"]},
        vague=[],
        threshold=1.01,
    )
    decision = router.route("로아큐탄")
    assert decision.domain == "skin"
    assert decision.clarifying_question is not None and "'skin'" in decision.clarifying_question


def test_training_without_domain_examples_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one domain"):
        Router.from_examples({}, ["날씨 어때"])
    with pytest.raises(ValueError, match="at least one domain"):
        Router.from_examples({"drug": []}, ["날씨 어때"])
