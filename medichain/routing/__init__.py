"""Routing: which domain (or out of scope) a chat message belongs to, with a calibrated confidence."""

from medichain.routing.context import RoutingContext
from medichain.routing.evaluation import RoutingReport, cross_validate, evaluate
from medichain.routing.labels import OUT_OF_SCOPE
from medichain.routing.router import RouteDecision, Router

__all__ = [
    "OUT_OF_SCOPE",
    "RouteDecision",
    "Router",
    "RoutingContext",
    "RoutingReport",
    "cross_validate",
    "evaluate",
]
