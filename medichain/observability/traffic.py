"""HTTP and WebSocket traffic metrics as one pure-ASGI middleware: requests by route template and
status with their duration, open WebSocket connections, and frames in each direction."""

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from medichain.observability.metrics import HTTP_LATENCY, HTTP_REQUESTS, WS_CONNECTIONS, WS_FRAMES


def _route(scope: Scope) -> str:
    """The matched route's template (`/api/v1/rooms/{room_id}`), never the raw path (unbounded labels)."""
    route = scope.get("route")
    return getattr(route, "path", None) or "unmatched"


class TrafficMetrics:
    """Counts and times every request and WebSocket frame."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = _route(scope)
            HTTP_REQUESTS.labels(scope["method"], route, str(status)).inc()
            HTTP_LATENCY.labels(scope["method"], route).observe(time.perf_counter() - started)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        accepted = False

        async def counted_receive() -> Message:
            message = await receive()
            if message["type"] == "websocket.receive":
                WS_FRAMES.labels("in", "text" if message.get("text") is not None else "bytes").inc()
            return message

        async def counted_send(message: Message) -> None:
            nonlocal accepted
            if message["type"] == "websocket.accept" and not accepted:
                accepted = True
                WS_CONNECTIONS.inc()
            elif message["type"] == "websocket.send":
                WS_FRAMES.labels("out", "text" if message.get("text") is not None else "bytes").inc()
            await send(message)

        try:
            await self.app(scope, counted_receive, counted_send)
        finally:
            if accepted:
                WS_CONNECTIONS.dec()
