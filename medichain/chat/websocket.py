"""Chat over WebSocket at `/ws/chat`: token auth in the first frame, heartbeats, streamed answers,
per-connection backpressure, and resumption after a reconnect (a resent sequence is answered from
storage, never twice).

Client frames: `auth {token}`, `message {room_id, text, sequence, lat?, lng?}`, `resume {room_id,
sequence}`, `ping`. Server frames: `ready`, `typing`, `delta {text}`, `final {message_id, response}`,
`error {code, message, sequence?}`, `pong`. A turn or resume that meets an outage is answered with the
code REST gives in its 503 (`database_unavailable`, `store_unavailable`); the client resends the sequence.
"""

import asyncio
import contextlib
import logging
from typing import Any

import orjson
from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import ValidationError

from medichain.accounts.auth import authenticate_token
from medichain.accounts.service import AccountError, Principal
from medichain.answering.responses import ChatResponse
from medichain.chat.pipeline import Delta, InvalidMessage, Typing
from medichain.chat.schemas import MessageIn, ResumeIn
from medichain.chat.service import Answered, ChatService
from medichain.conversations.service import ConversationError
from medichain.core.outages import outage_code
from medichain.core.ratelimit import Limit, RateLimited
from medichain.platform import Platform

log = logging.getLogger("medichain.ws")
router = APIRouter()

AUTH_TIMEOUT_S = 10.0
IDLE_TIMEOUT_S = 120.0
MAX_IN_FLIGHT = 4
SEND_TIMEOUT_S = 10.0
CLOSE_UNAUTHORIZED = 4401
CLOSE_TOO_LARGE = 1009
MAX_FRAME_BYTES = 65_536
"""The largest frame accepted: `medichain serve` makes the server refuse larger ones (`ws_max_size`), and
the endpoint closes the socket on one whichever server runs it."""


class Connection:
    """One authenticated socket: serialises sends and bounds the turns in flight."""

    def __init__(self, socket: WebSocket, platform: Platform, principal: Principal) -> None:
        self.socket = socket
        self.platform = platform
        self.principal = principal
        self.user_id = principal.user_id
        self.chat: ChatService = platform.chat
        self._send_lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()

    async def send(self, frame: dict[str, Any]) -> None:
        """Send one frame; a client too slow to read within the timeout is disconnected."""
        async with self._send_lock:
            async with asyncio.timeout(SEND_TIMEOUT_S):  # no task per frame, unlike wait_for
                await self.socket.send_text(orjson.dumps(frame).decode())

    async def error(self, code: str, message: str, sequence: int | None = None) -> None:
        """An in-band error frame (the connection stays open)."""
        await self.send({"type": "error", "code": code, "message": message, "sequence": sequence})

    def start_turn(self, body: MessageIn, room_id: str) -> bool:
        """Run a turn in the background; False when too many are already in flight."""
        if len(self._tasks) >= MAX_IN_FLIGHT:
            return False
        task = asyncio.create_task(self._turn(body, room_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return True

    async def _turn(self, body: MessageIn, room_id: str) -> None:
        base = {"room_id": room_id, "sequence": body.sequence}
        try:
            async for event in self.chat.turn(self.user_id, room_id, body.sequence, body.text, body.point):
                if isinstance(event, Typing):
                    await self.send({"type": "typing", **base})
                elif isinstance(event, Delta):
                    await self.send({"type": "delta", **base, "text": event.text})
                elif isinstance(event, Answered):
                    await self.send(_final(event))
        except (ConversationError, InvalidMessage) as exc:
            await self.error(
                "not_found" if isinstance(exc, ConversationError) else "invalid_message",
                str(exc),
                body.sequence,
            )
        except (TimeoutError, WebSocketDisconnect, RuntimeError):
            return
        except Exception as exc:
            await self.failed(exc, body.sequence)

    async def failed(self, exc: Exception, sequence: int) -> None:
        """Report a turn or resume that failed, in band: an outage by its code (as REST names it in a 503),
        anything else as `turn_failed` (logged with its trace). The client resends the same sequence."""
        code = outage_code(exc)
        if code is None:
            log.exception("websocket turn failed", exc_info=exc)
        else:
            log.error("websocket turn: dependency unavailable", extra={"error": type(exc).__name__})
        with contextlib.suppress(Exception):
            await self.error(
                code or "turn_failed", "the answer could not be produced; resend the same sequence", sequence
            )

    async def resume(self, room_id: str, sequence: int) -> None:
        """Re-send the stored final frame of a turn, or say it was never stored (the client resends it)."""
        try:
            await self.chat.ensure_room(self.user_id, room_id)
            stored = await self.platform.conversations.replay(self.user_id, room_id, sequence)
        except ConversationError as exc:
            await self.error("not_found", exc.message, sequence)
            return
        except Exception as exc:
            await self.failed(exc, sequence)
            return
        if stored is None:
            await self.error(
                "not_answered", "no stored answer for this sequence; send the message again", sequence
            )
            return
        response = ChatResponse.model_validate(stored.response)
        await self.send(_final(Answered(stored.message_id, room_id, sequence, response, replayed=True)))

    async def close(self) -> None:
        """Cancel turns still running."""
        for task in list(self._tasks):
            task.cancel()


def _final(event: Answered) -> dict[str, Any]:
    return {
        "type": "final",
        "room_id": event.room_id,
        "sequence": event.sequence,
        "message_id": event.message_id,
        "replayed": event.replayed,
        "response": event.response.model_dump(mode="json"),
    }


async def _close(socket: WebSocket, code: int, reason: str) -> None:
    """Close the socket; a client that is already gone gets no close frame (and that is no failure)."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        await socket.close(code=code, reason=reason)


async def _authenticate(socket: WebSocket, platform: Platform, ip: str) -> Principal | None:
    """Wait for the `auth` frame; the caller, or None after closing (4401, or 1009 for a huge frame)."""
    try:
        raw = await asyncio.wait_for(socket.receive_text(), AUTH_TIMEOUT_S)
        if len(raw.encode()) > MAX_FRAME_BYTES:
            await _close(socket, CLOSE_TOO_LARGE, "frame too large")
            return None
        frame = orjson.loads(raw)
        if (
            not isinstance(frame, dict)
            or frame.get("type") != "auth"
            or not isinstance(frame.get("token"), str)
        ):
            raise ValueError("first frame must be {type: auth, token}")
        principal = await authenticate_token(frame["token"], platform, ip)
    except WebSocketDisconnect:
        return None
    except (TimeoutError, ValueError, KeyError, orjson.JSONDecodeError, AccountError, RateLimited):
        await _close(socket, CLOSE_UNAUTHORIZED, "authentication required")
        return None
    return principal


@router.websocket("/ws/chat")
async def chat_socket(socket: WebSocket) -> None:
    """The streaming chat channel."""
    platform: Platform = socket.app.state.platform
    ip = socket.scope.get("state", {}).get("client_ip", "unknown")
    await socket.accept()
    principal = await _authenticate(socket, platform, ip)
    if principal is None:
        return
    connection = Connection(socket, platform, principal)
    try:
        await connection.send({"type": "ready", "user_id": principal.user_id})
        while True:
            message = await asyncio.wait_for(socket.receive(), IDLE_TIMEOUT_S)
            if message["type"] == "websocket.disconnect":
                break
            if len(message.get("bytes") or (message.get("text") or "").encode()) > MAX_FRAME_BYTES:
                await _close(socket, CLOSE_TOO_LARGE, "frame too large")
                break
            if not await platform.accounts.session_live(principal):
                # Logout, a password change or a disabled account ends the session: its sockets too.
                await _close(socket, CLOSE_UNAUTHORIZED, "session ended")
                break
            await _handle(connection, message)
    except (WebSocketDisconnect, TimeoutError, RuntimeError):
        pass
    finally:
        await connection.close()
        await _close(socket, 1000, "")


async def _handle(connection: Connection, message: dict[str, Any]) -> None:
    """One client frame."""
    if message.get("text") is None:
        await connection.error("invalid_frame", "binary frames are not supported; send JSON text")
        return
    try:
        frame = orjson.loads(message["text"])
    except orjson.JSONDecodeError:
        await connection.error("invalid_frame", "frame is not valid JSON")
        return
    kind = frame.get("type") if isinstance(frame, dict) else None
    if kind == "ping":
        await connection.send({"type": "pong"})
    elif kind == "message":
        await _message(connection, frame)
    elif kind == "resume":
        await _resume(connection, frame)
    elif kind == "auth":
        await connection.error("already_authenticated", "this connection is already authenticated")
    else:
        await connection.error("invalid_frame", "unknown frame type; expected message, resume or ping")


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc']) or 'frame'}: {first['msg']}"


def _echoed(sequence: object) -> int | None:
    """The sequence to name in an error frame: the client's, when it is a whole number at all."""
    return sequence if type(sequence) is int else None


async def _resume(connection: Connection, frame: dict[str, Any]) -> None:
    frame.pop("type", None)
    try:
        body = ResumeIn.model_validate(frame)
    except ValidationError as exc:
        await connection.error("invalid_frame", _first_error(exc), _echoed(frame.get("sequence")))
        return
    await connection.resume(body.room_id, body.sequence)


async def _message(connection: Connection, frame: dict[str, Any]) -> None:
    room_id = frame.pop("room_id", None)
    frame.pop("type", None)
    try:
        body = MessageIn.model_validate(frame)
    except ValidationError as exc:
        await connection.error("invalid_message", _first_error(exc), _echoed(frame.get("sequence")))
        return
    if not isinstance(room_id, str) or len(room_id) != 36:
        await connection.error(
            "invalid_message", "room_id: the id of one of your rooms is required", body.sequence
        )
        return
    settings = connection.platform.settings
    try:
        await connection.platform.limiter.hit(
            "user", connection.user_id, Limit(settings.rate_limit_user_per_s, settings.rate_limit_user_burst)
        )
    except RateLimited as exc:
        await connection.error(
            "rate_limited", f"too many messages; retry after {exc.retry_after_s}s", body.sequence
        )
        return
    if not connection.start_turn(body, room_id):
        await connection.error(
            "too_many_in_flight", f"at most {MAX_IN_FLIGHT} answers at a time", body.sequence
        )
