"""The bundled examples: enough of them, in both languages, without duplicates."""

import re

from medichain.routing.examples import OUT_OF_SCOPE_FILE, domain_examples, read_examples

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


def _korean_share(lines: list[str]) -> float:
    return sum(bool(_HANGUL.search(line)) for line in lines) / len(lines)


def test_every_domain_has_enough_bilingual_examples() -> None:
    examples = domain_examples()
    assert set(examples) >= {"emergency", "drug", "clinic", "general"}
    for domain in ("emergency", "drug", "clinic", "general"):
        lines = examples[domain]
        assert len(lines) >= 120, domain
        assert 0.5 <= _korean_share(lines) <= 0.7, domain


def test_out_of_scope_examples() -> None:
    lines = read_examples(OUT_OF_SCOPE_FILE)
    assert len(lines) >= 80
    assert 0.5 <= _korean_share(lines) <= 0.7


def test_no_example_is_repeated_or_labelled_twice() -> None:
    lines = [line.lower() for lines in domain_examples().values() for line in lines]
    lines += [line.lower() for line in read_examples(OUT_OF_SCOPE_FILE)]
    assert len(lines) == len(set(lines))
