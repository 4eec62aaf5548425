"""One error shape for every endpoint: `{"error": {"code", "message", "details"?}, "request_id"}`."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from medichain.core.outages import DATABASE_OUTAGES, OUTAGE_MESSAGES, STORE_OUTAGES, outage_code
from medichain.core.ratelimit import RateLimited
from medichain.core.request_context import current_request_id

log = logging.getLogger("medichain.errors")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    423: "locked",
    429: "rate_limited",
    503: "service_unavailable",
}


_DESCRIPTIONS = {
    400: "the request body is not valid UTF-8 (invalid_json)",
    401: "missing, invalid, expired or revoked access token",
    403: "not allowed: admin role required, account disabled, or this address is blocked (Retry-After)",
    404: "not found (another person's resource looks exactly like a missing one)",
    409: "conflicts with stored data: the user id or email is already registered",
    413: "request body larger than MEDICHAIN_MAX_BODY_BYTES",
    422: "invalid request: malformed JSON, wrong types, unknown fields or values out of range",
    423: "account locked after repeated failed logins (Retry-After)",
    429: "rate limited (Retry-After)",
    503: "a database or the shared store is unavailable, or no shard takes new users (Retry-After)",
}


class ErrorInfo(BaseModel):
    """What went wrong: a stable machine-readable code, a message, and details when there are any."""

    code: str = Field(examples=["validation_error"])
    message: str
    details: Any = Field(None, description="the failing fields of a validation error, or other context")


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorInfo
    request_id: str | None


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for these statuses, each with the shared error body."""
    return {status: {"model": ErrorResponse, "description": _DESCRIPTIONS[status]} for status in statuses}


EDGE_ERRORS = error_responses(403, 413, 429, 503)
"""What any operation may answer before or around its own logic: the edge's IP block, body limit and rate
limit, and an unavailable database or store."""


def document_errors(app: FastAPI) -> None:
    """Describe the failures of request parsing with the shared error body in the OpenAPI document.

    FastAPI documents a 422 on exactly the operations that validate input, with a body of its own
    (`HTTPValidationError`), and none of the 400 it answers for a request body that is not UTF-8;
    `install_error_handlers` answers both with `ErrorResponse`.
    """
    build = app.openapi
    error_body_schema = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = build()
            for operation in (op for path in document["paths"].values() for op in path.values()):
                responses = operation.setdefault("responses", {})
                if "requestBody" in operation:
                    responses["400"] = {"description": _DESCRIPTIONS[400], "content": error_body_schema}
                if "422" in responses:
                    responses["422"] = {"description": _DESCRIPTIONS[422], "content": error_body_schema}
            for name in ("HTTPValidationError", "ValidationError"):
                document.get("components", {}).get("schemas", {}).pop(name, None)
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


class ApiError(Exception):
    """An error with an HTTP status, a stable machine-readable code and a human message."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None, **details: Any
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.details = details


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The JSON body of an error response."""
    error: dict[str, Any] = {"code": code, "message": message}
    if details:
        error["details"] = details
    return {"error": error, "request_id": current_request_id()}


def _response(status: int, code: str, message: str, details: Any = None, headers: dict | None = None) -> Any:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ()) if part != "body"]
        details.append({"field": ".".join(loc) or "body", "type": err.get("type"), "message": err.get("msg")})
    return details


def install_error_handlers(app: FastAPI) -> None:
    """Map every failure to the shared error shape; a database outage becomes a 503, never a 500."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> Any:
        return _response(exc.status, exc.code, exc.message, exc.details or None, exc.headers)

    @app.exception_handler(RateLimited)
    async def _limited(_: Request, exc: RateLimited) -> Any:
        return _response(
            429,
            "rate_limited",
            f"too many requests ({exc.scope})",
            headers={"Retry-After": str(exc.retry_after_s)},
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Any:
        details = _validation_details(exc)
        malformed = any(d["type"] in ("json_invalid", "json_type") for d in details)
        message = "request body is not valid JSON" if malformed else "request validation failed"
        return _response(422, "invalid_json" if malformed else "validation_error", message, details)

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> Any:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = str(exc.detail)
        if exc.status_code == 400 and "parsing the body" in message:
            code, message = "invalid_json", "request body is not valid UTF-8 JSON"
        return _response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    async def _outage(_: Request, exc: Exception) -> Any:
        code = outage_code(exc) or "database_unavailable"
        log.error("dependency unavailable", extra={"error": type(exc).__name__, "code": code})
        return _response(503, code, OUTAGE_MESSAGES[code], headers={"Retry-After": "5"})

    for outage in (*DATABASE_OUTAGES, *STORE_OUTAGES):
        app.add_exception_handler(outage, _outage)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> Any:
        log.exception("unhandled error", exc_info=exc)
        return _response(500, "internal_error", "an unexpected error occurred")
