"""The bundled training examples: one message per line in each domain's examples.txt."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
DOMAINS_DIR = _PACKAGE / "domains"
OUT_OF_SCOPE_FILE = Path(__file__).with_name("out_of_scope.txt")
VAGUE_FILE = Path(__file__).with_name("vague.txt")
DRUGS_DIR = _PACKAGE / "data" / "drugs"


def read_examples(path: Path) -> list[str]:
    """Non-empty lines of an examples file, without `#` comment lines."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def domain_examples(domains_dir: Path = DOMAINS_DIR) -> dict[str, list[str]]:
    """Examples of every domain folder that has an examples.txt, keyed by folder name ("_x" is skipped)."""
    return {
        path.parent.name: read_examples(path)
        for path in sorted(domains_dir.glob("*/examples.txt"))
        if not path.parent.name.startswith(("_", "."))
    }
