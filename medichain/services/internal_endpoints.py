"""Endpoints the gateway calls on the category and domain services (not part of the public API).

They accept only calls carrying the service token derived from the shared secret.
"""

import hmac
import logging
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header
from pydantic import BaseModel, Field, ValidationError

from medichain.core.errors import ApiError
from medichain.deps import PlatformDep
from medichain.domains.template import Query
from medichain.routing import RoutingContext
from medichain.services.client import service_token
from medichain.services.remote import ANSWER, QUERY, ROUTE

log = logging.getLogger("medichain.services")


async def require_service_token(
    platform: PlatformDep, token: Annotated[str, Header(alias="X-Service-Token")] = ""
) -> None:
    """403 unless the caller is another MediChain service."""
    if not hmac.compare_digest(token, service_token(platform.settings)):
        raise ApiError(403, "forbidden", "internal endpoint: service token missing or wrong")


router = APIRouter(
    prefix="/internal/v1", include_in_schema=False, dependencies=[Depends(require_service_token)]
)


class AnswerRequest(BaseModel):
    """A domain question as the gateway sends it."""

    query: dict[str, Any]


class RouteRequest(BaseModel):
    """A message to route, with what the previous turn was about."""

    text: str = Field(min_length=1, max_length=4000)
    context: dict[str, Any] = Field(default_factory=dict)


def _parse_query(raw: dict[str, Any]) -> Query:
    try:
        return QUERY.validate_python(raw)
    except ValidationError as exc:
        raise ApiError(
            422,
            "validation_error",
            "invalid query",
            errors=exc.errors(include_url=False, include_context=False),
        ) from exc


@router.post("/domains/{domain}/answer")
async def answer(domain: str, body: AnswerRequest, platform: PlatformDep) -> Any:
    """The named domain's evidence for a query, exactly as in embedded mode."""
    template = platform.domains.get(domain)
    if template is None:
        raise ApiError(404, "not_found", f"domain {domain!r} is not served here")
    started = time.perf_counter()
    result = await template.answer(_parse_query(body.query), platform.domain_context)
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    log.info("domain answered", extra={"domain": domain, "found": result.found, "elapsed_ms": elapsed_ms})
    return ANSWER.dump_python(result, mode="json")


@router.post("/route")
async def route(body: RouteRequest, platform: PlatformDep) -> Any:
    """The router's decision for a message."""
    try:
        context = RoutingContext(**body.context)
    except TypeError as exc:
        raise ApiError(422, "validation_error", f"invalid routing context: {exc}") from exc
    decision = await platform.chat.pipeline.routes.route(body.text, context)
    return ROUTE.dump_python(decision, mode="json")
