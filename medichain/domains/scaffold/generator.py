"""Writes a new domain package to disk."""

import re
from pathlib import Path

from medichain.domains.scaffold.templates import DOMAIN, EXAMPLES, PYPROJECT, README, TEST

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,30}$")


class ScaffoldError(ValueError):
    """The name is invalid or the target already exists."""


def new_domain(name: str, parent: Path) -> Path:
    """Create `<parent>/medichain-domain-<name>/` with a package, examples, tests and a pyproject."""
    if not NAME_PATTERN.fullmatch(name):
        raise ScaffoldError("a domain name is 2–31 lower-case letters, digits or '_', starting with a letter")
    root = parent / f"medichain-domain-{name}"
    if root.exists():
        raise ScaffoldError(f"{root} already exists")
    title = "".join(part.capitalize() for part in name.split("_"))
    files = {
        "pyproject.toml": PYPROJECT,
        "README.md": README,
        f"medichain_{name}/__init__.py": f'"""The {name} domain for MediChain."""\n',
        f"medichain_{name}/domain.py": DOMAIN,
        f"medichain_{name}/examples.txt": EXAMPLES,
        f"tests/test_{name}_domain.py": TEST,
    }
    for relative, template in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(name=name, title=title), encoding="utf-8")
    return root
