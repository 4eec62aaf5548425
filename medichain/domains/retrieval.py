"""Grounded sections from the knowledge index: the shared retrieval step of the domain templates."""

from collections.abc import Sequence

from medichain.domains.template import Citation, DomainAnswer, DomainContext, Query, Section
from medichain.knowledge.passages import Passage

SNIPPET_CHARS = 240


def _body(passage: Passage) -> str:
    """The passage text without its leading title line."""
    head, _, rest = passage.text.partition("\n")
    return rest.strip() or head


def answer_from_passages(passages: Sequence[Passage]) -> DomainAnswer:
    """One section per passage, each citing it; the departments of their articles in `extra`."""
    answer = DomainAnswer(found=bool(passages))
    departments: list[str] = []
    for passage in passages:
        heading = f"{passage.title} — {passage.section}" if passage.section else passage.title
        answer.sections.append(Section(heading, (_body(passage),), (passage.id,)))
        answer.citations.append(
            Citation(
                id=passage.id,
                title=heading,
                source=passage.source,
                snippet=_body(passage)[:SNIPPET_CHARS],
                url=passage.url,
            )
        )
        departments += [d for d in passage.metadata.get("departments", []) if d not in departments]
    answer.extra["departments"] = departments
    return answer


async def retrieve_sections(
    ctx: DomainContext, query: Query, *, domains: Sequence[str] | None = None, k: int = 4
) -> DomainAnswer:
    """The best passages for the question, in the question's language when there are any, as sections."""
    wanted = list(domains) if domains else None
    hits = await ctx.knowledge.search(ctx.dbs, query.text, k=k, domain=wanted, lang=query.lang)
    if not hits:
        hits = await ctx.knowledge.search(ctx.dbs, query.text, k=k, domain=wanted)
    return answer_from_passages([hit.passage for hit in hits])
