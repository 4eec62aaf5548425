"""The gateway's side of services mode: domains and routing reached over HTTP with the resilient client.

Domains answer with the same `DomainAnswer` as in process; a failed call becomes `DomainUnavailable`,
which the pipeline turns into a safe fallback answer. Routing falls back to the gateway's own router
when the category service is unavailable, so a turn never waits on it.
"""

import logging
from dataclasses import asdict

from pydantic import TypeAdapter

from medichain.chat.domain_client import DomainUnavailable, InProcessDomains
from medichain.chat.route_client import LocalRoutes
from medichain.config import Settings
from medichain.domains.template import DomainAnswer, Query
from medichain.routing import RouteDecision, RoutingContext
from medichain.services.catalog import CATEGORY_KEY
from medichain.services.client import ServiceClient, ServiceRejected, ServiceUnavailable

log = logging.getLogger("medichain.services")

QUERY = TypeAdapter(Query)
ANSWER = TypeAdapter(DomainAnswer)
ROUTE = TypeAdapter(RouteDecision)
ROUTE_PATH = "/internal/v1/route"


def answer_path(domain: str) -> str:
    """Where a domain service answers for `domain`."""
    return f"/internal/v1/domains/{domain}/answer"


def downstream_clients(settings: Settings) -> dict[str, ServiceClient]:
    """One resilient client per service named in `MEDICHAIN_SERVICE_URLS` (none in embedded mode)."""
    return {key: ServiceClient(key, url, settings) for key, url in settings.service_urls.items()}


class RemoteDomains:
    """Domains with a service URL are called over HTTP; any other domain runs in this process."""

    def __init__(self, clients: dict[str, ServiceClient], local: InProcessDomains) -> None:
        self._clients = clients
        self._local = local

    async def answer(self, domain: str, query: Query) -> DomainAnswer:
        """The domain service's answer, or `DomainUnavailable` when it cannot give one."""
        client = self._clients.get(domain)
        if client is None:
            return await self._local.answer(domain, query)
        try:
            body = await client.post(answer_path(domain), {"query": QUERY.dump_python(query, mode="json")})
            return ANSWER.validate_python(body)
        except (ServiceUnavailable, ServiceRejected, ValueError) as exc:
            log.warning("domain unavailable", extra={"domain": domain, "reason": str(exc)})
            raise DomainUnavailable(domain) from exc


class RemoteRoutes:
    """Routing by the category service, with the local router as the fallback."""

    def __init__(self, client: ServiceClient, fallback: LocalRoutes) -> None:
        self._client = client
        self._fallback = fallback
        self.threshold = fallback.threshold

    async def route(self, text: str, context: RoutingContext) -> RouteDecision:
        """The category service's decision; the local one when it is unavailable."""
        try:
            body = await self._client.post(ROUTE_PATH, {"text": text, "context": asdict(context)})
            return ROUTE.validate_python(body)
        except (ServiceUnavailable, ServiceRejected, ValueError) as exc:
            log.warning("routing fell back to the local router", extra={"reason": str(exc)})
            return await self._fallback.route(text, context)


def wire_remote(
    clients: dict[str, ServiceClient], local_domains: InProcessDomains, local_routes: LocalRoutes
) -> tuple[InProcessDomains | RemoteDomains, LocalRoutes | RemoteRoutes]:
    """The domain and route clients of a gateway given its downstream services."""
    if not clients:
        return local_domains, local_routes
    routes = RemoteRoutes(clients[CATEGORY_KEY], local_routes) if CATEGORY_KEY in clients else local_routes
    domains = {key: client for key, client in clients.items() if key != CATEGORY_KEY}
    return RemoteDomains(domains, local_domains), routes
