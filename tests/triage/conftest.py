"""Shared fixtures for the triage tests."""

import pytest

from medichain.triage import TriageEngine


@pytest.fixture(scope="session")
def engine() -> TriageEngine:
    """One compiled engine for the whole session (compilation takes about a second)."""
    return TriageEngine()
