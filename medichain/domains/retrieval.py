"""Grounded sections from the knowledge index: the shared retrieval step of the domain templates."""

from collections.abc import Sequence

from medichain.domains.template import Citation, DomainAnswer, DomainContext, Query, Section
from medichain.knowledge.index import Hit

SNIPPET_CHARS = 240


def _body(hit: Hit) -> str:
    """The passage text without its leading title line."""
    head, _, rest = hit.passage.text.partition("\n")
    return rest.strip() or head


async def retrieve_sections(
    ctx: DomainContext, query: Query, *, domains: Sequence[str] | None = None, k: int = 4
) -> DomainAnswer:
    """The best passages for the question, in the question's language when there are any, as sections."""
    hits = await ctx.knowledge.search(
        ctx.dbs, query.text, k=k, domain=list(domains) if domains else None, lang=query.lang
    )
    if not hits:
        hits = await ctx.knowledge.search(ctx.dbs, query.text, k=k, domain=list(domains) if domains else None)
    answer = DomainAnswer(found=bool(hits))
    for hit in hits:
        passage = hit.passage
        heading = f"{passage.title} — {passage.section}" if passage.section else passage.title
        answer.sections.append(Section(heading, (_body(hit),), (passage.id,)))
        answer.citations.append(
            Citation(
                id=passage.id,
                title=heading,
                source=passage.source,
                snippet=_body(hit)[:SNIPPET_CHARS],
                url=passage.url,
            )
        )
        answer.extra.setdefault("departments", [])
        answer.extra["departments"] += [
            d for d in passage.metadata.get("departments", []) if d not in answer.extra["departments"]
        ]
    return answer
