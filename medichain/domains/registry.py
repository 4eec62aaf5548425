"""Finds domain templates through the `medichain.domains` entry point group."""

from importlib.metadata import entry_points

from medichain.domains.template import DomainTemplate

ENTRY_POINT_GROUP = "medichain.domains"


class DomainLoadError(RuntimeError):
    """An entry point did not yield a valid domain template."""


def discover(enabled: list[str] | None = None) -> dict[str, DomainTemplate]:
    """Instantiate every registered domain (or only those named in `enabled`), keyed by name."""
    domains: dict[str, DomainTemplate] = {}
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if enabled is not None and entry.name not in enabled:
            continue
        factory = entry.load()
        domain = factory() if callable(factory) else factory
        if not isinstance(domain, DomainTemplate):
            raise DomainLoadError(f"entry point {entry.name!r} does not implement DomainTemplate")
        if domain.name != entry.name:
            raise DomainLoadError(f"entry point {entry.name!r} returned domain {domain.name!r}")
        domains[domain.name] = domain
    return domains
