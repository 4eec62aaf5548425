"""How account failures appear over HTTP."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from medichain.accounts.service import AccountError
from medichain.core.errors import error_body

STATUS = {
    "duplicate_user": 409,
    "no_capacity": 503,
    "unknown_user": 401,
    "bad_credentials": 401,
    "invalid_token": 401,
    "token_reused": 401,
    "locked": 423,
    "disabled": 403,
    "not_found": 404,
    "weak_password": 422,
}
"""HTTP status of each `AccountError.code` (unknown users look like bad passwords over REST)."""


def http_code(exc: AccountError) -> str:
    """The public error code; unknown users are not revealed."""
    return "bad_credentials" if exc.code == "unknown_user" else exc.code


def install(app: FastAPI) -> None:
    """Register the `AccountError` handler."""

    @app.exception_handler(AccountError)
    async def _account_error(_: Request, exc: AccountError) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after_s)} if exc.retry_after_s else None
        if exc.code in ("invalid_token", "token_reused"):
            headers = {**(headers or {}), "WWW-Authenticate": "Bearer"}
        return JSONResponse(
            error_body(http_code(exc), exc.message), status_code=STATUS.get(exc.code, 400), headers=headers
        )
