"""Korean morphemes, English stems and mixed text."""

from concurrent.futures import ThreadPoolExecutor

from medichain.knowledge.tokenize import stem_english, tokenize, tokenize_many


def test_korean_keeps_content_morphemes_and_drops_particles_and_endings() -> None:
    tokens = tokenize("머리가 지끈지끈 아프고 속이 메스꺼워요")
    assert tokens == ["머리", "지끈지끈", "아프", "속", "메스껍"]


def test_korean_verb_stems_match_across_endings() -> None:
    assert "먹" in tokenize("약을 먹었는데") and "먹" in tokenize("같이 먹어도 돼?")


def test_english_is_lower_cased_stemmed_and_stopword_free() -> None:
    assert tokenize("My kid has been VOMITING all night") == ["kid", "vomit", "night"]


def test_stemmer_unifies_inflections() -> None:
    for forms in (
        ("headache", "headaches"),
        ("take", "taking"),
        ("dose", "doses", "dosing"),
        ("virus", "viruses"),
    ):
        assert len({stem_english(f) for f in forms}) == 1, forms
    assert stem_english("allergies") == stem_english("allergy")


def test_mixed_text_shares_tokens_with_english() -> None:
    korean = tokenize("타이레놀 500mg 먹어도 돼?")
    english = tokenize("Tylenol 500 mg")
    assert {"타이레놀", "500", "mg"} <= set(korean)
    assert {"tylenol", "500", "mg"} <= set(english)


def test_batch_matches_single_calls() -> None:
    texts = ["두통이 심해요", "fever in children", "", "열이 39도예요 ibuprofen 먹였어요"]
    assert tokenize_many(texts) == [tokenize(t) for t in texts]
    assert tokenize_many([]) == []


def test_concurrent_calls_share_one_analyser() -> None:
    texts = ["머리가 지끈지끈 아프고 속이 메스꺼워요", "타이레놀 먹어도 돼?"] * 20
    expected = tokenize_many(texts)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(tokenize, texts))
    assert results == expected
