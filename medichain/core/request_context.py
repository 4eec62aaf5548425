"""Per-request context (request id, client address) available to logs and error bodies."""

from contextvars import ContextVar

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request being handled, if any."""
    return _request_id.get()


def set_request_id(request_id: str | None) -> None:
    """Bind a request id to the current context."""
    _request_id.set(request_id)
