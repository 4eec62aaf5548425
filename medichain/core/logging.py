"""Structured JSON logs with the request id; no message ever carries secrets or personal data."""

import logging
import sys
from typing import Any

import orjson

from medichain.config import Settings
from medichain.core.request_context import current_request_id

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}
_SECRET_KEYS = ("password", "token", "secret", "authorization", "cookie", "key")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, service, logger, message, request id and the `extra` fields.

    The request id travels between services in `X-Request-ID`, so one turn's lines share it everywhere."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self._service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname,
            "service": self._service,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        request_id = current_request_id()
        if request_id:
            entry["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = "[redacted]" if any(s in key.lower() for s in _SECRET_KEYS) else value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def configure_logging(settings: Settings, service: str) -> None:
    """Route the platform's logs to stderr, as JSON unless `log_json` is off."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter(service)
        if settings.log_json
        else logging.Formatter("%(levelname)s %(name)s %(message)s")
    )
    root = logging.getLogger("medichain")
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    root.propagate = False
