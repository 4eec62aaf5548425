"""Reads a domain package's labelled router examples (`examples.txt`, one message per line)."""

from importlib import resources
from pathlib import Path

from medichain.routing.examples import read_examples


def load_examples(package: str) -> list[str]:
    """Non-empty, non-comment lines of `<package>/examples.txt` (empty when the file is absent)."""
    path = resources.files(package).joinpath("examples.txt")
    return read_examples(Path(str(path))) if path.is_file() else []
