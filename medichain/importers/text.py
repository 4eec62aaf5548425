"""Text clean-up for official data: HTML fragments to plain text, sentences, slugs."""

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt"}
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b\u3000]+")
_SENTENCE_END = re.compile(r"(?<=[.!?。])(?<!\d\.)\s+")
"""Sentence ends, except after a list number such as "1."."""
_NOT_SLUG = re.compile(r"[\W_]+")


class _TextCollector(HTMLParser):
    """Keeps text and entity values; block tags become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def clean_html(value: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, one paragraph per line."""
    collector = _TextCollector()
    collector.feed(value)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def sentences(text: str) -> list[str]:
    """The sentences of a cleaned text (line breaks and sentence-final punctuation split them)."""
    return [part.strip() for line in text.splitlines() for part in _SENTENCE_END.split(line) if part.strip()]


def slug(text: str) -> str:
    """A lower-case id from a name: letters (Korean included) and digits joined by hyphens."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-")
