"""The grounded answerer: composes markdown from a domain's sections and lookups, with numbered
citations — nothing is generated, every fact comes from a cited record or passage."""

import re
from dataclasses import dataclass

from medichain.answering.prompts import strip_control_tokens
from medichain.answering.responses import CitationOut
from medichain.answering.wording import ACTION_LINE, NOT_FOUND, WARNING_SIGNS_LINE
from medichain.core.text import Language
from medichain.domains.template import DomainAnswer
from medichain.triage import TriageResult


@dataclass(frozen=True)
class Composed:
    """A composed answer body (before the emergency block and disclaimer) and its numbered citations."""

    body: str
    citations: list[CitationOut]


_TAG_OPENER = re.compile(r"<(?=[A-Za-z/!?])")
_MARKER = re.compile(r"\[(\d{1,3})\]")


def quoted(text: str) -> str:
    """Text of a source (an article, an imported document, a record) made inert in the markdown answer:
    chat-template tokens and forged delimiters removed, HTML shown as text (a `<` that opens a tag is
    escaped; `eGFR < 30` is left alone), and `[n]` written `(n)` so that a source cannot forge a citation."""
    return _MARKER.sub(r"(\1)", _TAG_OPENER.sub("&lt;", strip_control_tokens(text)))


def emergency_block(triage: TriageResult, lang: Language) -> str:
    """The 119 / first-aid block that leads every answer to an emergency (KTAS 1–3) or crisis message."""
    if not (triage.is_emergency or triage.crisis_line):
        return ""
    guidance = triage.guidance(lang)
    lines = [f"> 🚨 **{guidance.headline}**"]
    if guidance.steps:
        lines.append(">")
        lines += [f"> {n}. {step}" for n, step in enumerate(guidance.steps, start=1)]
    if guidance.numbers:
        lines.append(">")
        lines.append("> " + " · ".join(f"**☎ {number}** {label}" for number, label in guidance.numbers))
    return "\n".join(lines)


def compose(answer: DomainAnswer, triage: TriageResult, lang: Language) -> Composed:
    """Sections as headed bullet lists, each point followed by the numbers of its sources."""
    numbers: dict[str, int] = {}
    by_id = {c.id: c for c in answer.citations}
    blocks: list[str] = []
    for section in answer.sections:
        refs = ""
        for citation_id in section.citation_ids:
            if citation_id in by_id:
                numbers.setdefault(citation_id, len(numbers) + 1)
        if section.citation_ids:
            refs = "".join(f"[{numbers[c]}]" for c in section.citation_ids if c in numbers)
        lines = [f"### {' '.join(quoted(section.heading).split())}"] if section.heading else []
        lines += [f"- {quoted(point)} {refs}".rstrip() for point in section.points]
        blocks.append("\n".join(lines))
    if not answer.sections:
        blocks.append(NOT_FOUND[lang])
    if triage.information_question and triage.matches:
        blocks.append(WARNING_SIGNS_LINE[lang])
    elif not triage.is_emergency and triage.action in ACTION_LINE[lang]:
        blocks.append(ACTION_LINE[lang][triage.action])
    citations = [
        CitationOut(id=c.id, title=c.title, source=c.source, snippet=c.snippet, url=c.url)
        for c in sorted((by_id[i] for i in numbers), key=lambda c: numbers[c.id])
    ]
    return Composed("\n\n".join(blocks), citations)
