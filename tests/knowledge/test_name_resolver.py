"""Name resolution: exact keys, typos in both scripts, mentions inside sentences, no false hits."""

import pytest

from medichain.knowledge.names import NameResolver

DRUGS = [
    ("acetaminophen", ["acetaminophen", "paracetamol", "Tylenol", "아세트아미노펜", "타이레놀"]),
    ("ibuprofen", ["ibuprofen", "Advil", "Motrin", "이부프로펜", "부루펜", "애드빌"]),
    ("warfarin", ["warfarin", "Coumadin", "와파린", "쿠마딘"]),
    ("amoxicillin", ["amoxicillin", "아목시실린"]),
    ("co-amoxiclav", ["co-amoxiclav", "Augmentin", "오구멘틴"]),
    ("aspirin", ["aspirin", "아스피린"]),
    ("cetirizine", ["cetirizine", "Zyrtec", "세티리진", "지르텍"]),
    ("vitamin-d", ["vitamin D", "비타민D"]),
    ("iron", ["iron", "철분"]),
    ("metformin", ["metformin", "메트포르민"]),
    ("clopidogrel", ["clopidogrel", "Plavix", "클로피도그렐", "플라빅스"]),
]


@pytest.fixture(scope="module")
def resolver() -> NameResolver:
    return NameResolver(DRUGS)


def found(resolver: NameResolver, text: str) -> list[tuple[str, str]]:
    return [(m.entity_id, text[m.span[0] : m.span[1]]) for m in resolver.find_mentions(text)]


@pytest.mark.parametrize(
    ("typed", "entity"),
    [
        ("TYLENOL", "acetaminophen"),
        ("Co Amoxiclav", "co-amoxiclav"),
        ("coamoxiclav", "co-amoxiclav"),
        ("비타민 D", "vitamin-d"),
        ("ibuprofin", "ibuprofen"),
        ("tylenl", "acetaminophen"),
        ("amoxicilin", "amoxicillin"),
        ("타이래놀", "acetaminophen"),
        ("클로피도그랠", "clopidogrel"),
        ("아목시시린", "amoxicillin"),
    ],
)
def test_resolve_tolerates_case_spacing_and_typos(resolver: NameResolver, typed: str, entity: str) -> None:
    entity_id, score, _ = resolver.resolve(typed)[0]
    assert entity_id == entity and score >= 85


def test_resolve_reports_exact_matches_at_full_score(resolver: NameResolver) -> None:
    assert resolver.resolve("와파린") == [("warfarin", 100.0, "와파린")]


def test_short_names_resolve_only_exactly(resolver: NameResolver) -> None:
    assert resolver.resolve("철분")[0][0] == "iron"
    assert resolver.resolve("철푼") == []
    assert resolver.resolve("irom") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("타이레놀이랑 이부프로펜 같이 먹어?", [("acetaminophen", "타이레놀"), ("ibuprofen", "이부프로펜")]),
        ("타이레놀하고부루펜", [("acetaminophen", "타이레놀"), ("ibuprofen", "부루펜")]),
        ("I take warfarin and advil", [("warfarin", "warfarin"), ("ibuprofen", "advil")]),
        ("ibuprofin with amoxicilin?", [("ibuprofen", "ibuprofin"), ("amoxicillin", "amoxicilin")]),
        ("타이래놀이랑 와파린 먹어요", [("acetaminophen", "타이래놀"), ("warfarin", "와파린")]),
        ("플라빅스를 먹는데 아스피린도 괜찮나요", [("clopidogrel", "플라빅스"), ("aspirin", "아스피린")]),
        ("철분제를 먹고 있어요", [("iron", "철분")]),
        ("비타민 D랑 co-amoxiclav", [("vitamin-d", "비타민 D"), ("co-amoxiclav", "co-amoxiclav")]),
    ],
)
def test_mentions_in_sentences(resolver: NameResolver, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(resolver, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "오늘 날씨가 좋아서 산책했어요",
        "철물점에서 못을 샀어요",
        "I have a headache and feel tired",
        "I am aspiring to be a doctor",
        "The ironic part is the environment",
        "머리가 아프고 열이 나요",
        "타이밍이 안 좋았어요",
    ],
)
def test_no_false_mentions_in_ordinary_sentences(resolver: NameResolver, text: str) -> None:
    assert found(resolver, text) == []


def test_mentions_carry_the_known_name_and_score(resolver: NameResolver) -> None:
    exact, fuzzy = resolver.find_mentions("Tylenol vs ibuprofin")
    assert (exact.matched_name, exact.score, exact.span) == ("Tylenol", 100.0, (0, 7))
    assert fuzzy.matched_name == "ibuprofen" and 85 <= fuzzy.score < 100
