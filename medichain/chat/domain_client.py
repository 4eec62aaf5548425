"""How the gateway reaches a domain: in process (embedded mode) or over HTTP (services mode).

The domain code is the same either way; only this client differs.
"""

from typing import Protocol

from medichain.domains.template import DomainAnswer, DomainContext, DomainTemplate, Query


class DomainUnavailable(Exception):
    """The domain could not answer (service down, timeout, open circuit breaker)."""


class DomainClient(Protocol):
    """Asks a domain for the evidence that answers a query."""

    async def answer(self, domain: str, query: Query) -> DomainAnswer: ...


class InProcessDomains:
    """Calls the domain templates loaded in this process."""

    def __init__(self, domains: dict[str, DomainTemplate], context: DomainContext) -> None:
        self._domains = domains
        self._context = context

    async def answer(self, domain: str, query: Query) -> DomainAnswer:
        """The named domain's answer; unknown domains fall back to general."""
        template = self._domains.get(domain) or self._domains.get("general")
        if template is None:
            raise DomainUnavailable(domain)
        return await template.answer(query, self._context)
