"""Recognises injection probes in identifiers and URLs (not in free text people type to the chatbot)."""

import re
from urllib.parse import unquote_plus

_PROBE = re.compile(
    r"""(
        '\s*(or|and)\s+['\d\w]+\s*=|          # ' or 1=1
        \bunion\b[\s/*]+(all\s+)?select\b |  # union select
        ;\s*(drop|delete|insert|update|shutdown)\b |
        \b(sleep|benchmark|pg_sleep)\s*\( |
        '\s*(--|\#|/\*) |                    # quote then comment
        <\s*script\b | javascript\s*: | \bon(error|load)\s*= |
        \.\./ | %2e%2e | \{\{.*\}\} | \$\{jndi:
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def looks_like_probe(text: str) -> bool:
    """True when `text` (URL-decoded once) carries a typical SQL/script/path injection payload."""
    return bool(text) and bool(_PROBE.search(unquote_plus(text)))
