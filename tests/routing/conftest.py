"""Fixtures for the routing tests: the default router, trained once per session."""

import pytest

from medichain.routing import Router


@pytest.fixture(scope="session")
def router() -> Router:
    """The router trained on the bundled examples."""
    return Router.default()
