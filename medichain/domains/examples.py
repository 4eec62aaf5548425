"""Reads a domain package's labelled router examples (`examples.txt`, one message per line)."""

from importlib import resources


def load_examples(package: str) -> list[str]:
    """Non-empty, non-comment lines of `<package>/examples.txt` (empty when the file is absent)."""
    path = resources.files(package).joinpath("examples.txt")
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]
