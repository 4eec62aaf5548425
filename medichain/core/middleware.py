"""Edge protection as one pure-ASGI middleware: request ids, client address, IP blocks, per-IP rate
limits, body size limits, probe detection and security headers on every response."""

import re
import uuid
from typing import TYPE_CHECKING, Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from medichain.audit.patterns import looks_like_probe
from medichain.core.errors import error_body
from medichain.core.ratelimit import Limit, RateLimited
from medichain.core.request_context import set_request_id

if TYPE_CHECKING:
    from medichain.platform import Platform

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_UNLIMITED_PATHS = ("/health", "/ready", "/metrics", "/internal/")  # internal: service token instead
_DOCS_PATHS = ("/docs", "/redoc", "/static/swagger")
_API_PATHS = ("/api/", "/account/", "/chatbot/")  # JSON only: the strictest CSP, never cached
_API_CSP = "default-src 'none'; frame-ancestors 'none'"
_PAGE_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: https:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'"
)


def client_ip(scope: Scope, trusted_proxies: list[str]) -> str:
    """The caller's address; `X-Forwarded-For` is believed only from a trusted proxy."""
    peer = (scope.get("client") or ("unknown", 0))[0]
    if peer in trusted_proxies:
        for name, value in scope.get("headers", ()):
            if name == b"x-forwarded-for":
                hops = [hop.strip() for hop in value.decode("latin-1").split(",") if hop.strip()]
                for hop in reversed(hops):
                    if hop not in trusted_proxies:
                        return hop[:64]
    return peer


def _security_headers(path: str, hsts: bool) -> list[tuple[bytes, bytes]]:
    api = path.startswith(_API_PATHS)
    csp = _API_CSP if api else _PAGE_CSP
    headers = [
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
        (b"permissions-policy", b"camera=(), microphone=(), geolocation=(self)"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"content-security-policy", csp.encode()),
    ]
    if api:
        headers.append((b"cache-control", b"no-store"))
    if hsts:
        headers.append((b"strict-transport-security", b"max-age=63072000; includeSubDomains"))
    return headers


class EdgeMiddleware:
    """Runs before routing on every HTTP request and WebSocket handshake."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        platform: Platform = scope["app"].state.platform
        settings = platform.settings
        request_id = _incoming_request_id(scope) or uuid.uuid4().hex
        set_request_id(request_id)
        ip = client_ip(scope, settings.trusted_proxies)
        scope.setdefault("state", {}).update(client_ip=ip, request_id=request_id)
        path: str = scope["path"]

        extra_headers = [(b"x-request-id", request_id.encode()), *_security_headers(path, settings.hsts)]
        rejection = await self._screen(platform, scope, ip, path)
        if rejection is not None:
            status, code, message, retry_after = rejection
            await _reject(scope, send, status, code, message, retry_after, extra_headers)
            return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return

        limit = settings.max_body_bytes
        received = 0
        rejected = False

        async def limited_receive() -> Message:
            nonlocal received, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Answer 413 now; the application sees a disconnect and its reply is dropped.
                    rejected = True
                    await _reject(
                        scope,
                        send,
                        413,
                        "payload_too_large",
                        f"request body exceeds {limit} bytes",
                        None,
                        extra_headers,
                    )
                    return {"type": "http.disconnect"}
            return message

        async def send_with_headers(message: Message) -> None:
            if rejected:
                return
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra_headers]
            await send(message)

        await self.app(scope, limited_receive, send_with_headers)

    async def _screen(
        self, platform: "Platform", scope: Scope, ip: str, path: str
    ) -> tuple[int, str, str, int | None] | None:
        """Checks that can refuse a request before the application sees it."""
        settings = platform.settings
        if path.startswith(_UNLIMITED_PATHS):
            return None
        blocked = await platform.audit.blocked_for(ip)
        if blocked:
            return 403, "ip_blocked", "this address is temporarily blocked after suspicious activity", blocked
        target = path + "?" + scope.get("query_string", b"").decode("latin-1")
        if looks_like_probe(target):
            await platform.audit.probe(ip, target)
        try:
            await platform.limiter.hit(
                "ip", ip, Limit(settings.rate_limit_ip_per_s, settings.rate_limit_ip_burst)
            )
        except RateLimited as exc:
            await platform.audit.record("rate_limited", ip=ip, detail={"scope": "ip"}, once_per_s=60)
            return 429, "rate_limited", "too many requests from this address", exc.retry_after_s
        length = _content_length(scope)
        if length is not None and length > settings.max_body_bytes and not path.startswith(_DOCS_PATHS):
            return 413, "payload_too_large", f"request body exceeds {settings.max_body_bytes} bytes", None
        return None


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            return candidate if _REQUEST_ID.match(candidate) else None
    return None


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


async def _reject(
    scope: Scope,
    send: Send,
    status: int,
    code: str,
    message: str,
    retry_after: int | None,
    extra_headers: list[tuple[bytes, bytes]],
) -> None:
    """Answer without calling the application (a close frame for WebSockets)."""
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008 if status != 429 else 1013, "reason": code})
        return
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", b"application/json"),
        *extra_headers,
    ]
    if retry_after:
        headers.append((b"retry-after", str(retry_after).encode()))
    body: Any = orjson.dumps(error_body(code, message))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
