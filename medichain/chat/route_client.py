"""How the gateway routes a message: with the router in process (embedded mode) or through the
category service (services mode, see `medichain.services.remote`)."""

from typing import Protocol

from medichain.routing import RouteDecision, Router, RoutingContext


class RouteClient(Protocol):
    """Decides the domain of a message."""

    threshold: float

    async def route(self, text: str, context: RoutingContext) -> RouteDecision: ...


class LocalRoutes:
    """The router of this process."""

    def __init__(self, router: Router) -> None:
        self.router = router
        self.threshold = router.threshold

    async def route(self, text: str, context: RoutingContext) -> RouteDecision:
        """The router's decision (CPU only, a fraction of a millisecond)."""
        return self.router.route(text, context)
