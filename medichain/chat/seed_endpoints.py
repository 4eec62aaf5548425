"""The seed's chatbot routes with its `{accessToken, sequence, errorCode}` envelope:
`/chatbot/rooms`, `/chatbot/room/new`, `/chatbot/message`, `/chatbot/history`."""

from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import Field

from medichain.accounts.auth import authenticate_token
from medichain.accounts.seed_schemas import SeedRequest, SeedResponse
from medichain.accounts.service import AccountError, Principal
from medichain.chat.deps import ChatDep
from medichain.chat.pipeline import InvalidMessage
from medichain.chat.service import Answered
from medichain.conversations.endpoints import ConversationsDep
from medichain.conversations.service import ConversationError
from medichain.deps import ClientIP, PlatformDep
from medichain.domains.template import GeoPoint
from medichain.platform import Platform

router = APIRouter(prefix="/chatbot", tags=["seed protocol"])


class SeedRoomNew(SeedRequest):
    """Create a room."""

    title: str = Field("", max_length=200)


class SeedMessage(SeedRequest):
    """A message: `roomId` optional (a new room is made), `message` the text."""

    message: str = Field(min_length=1, max_length=2000)
    room_id: str = Field("", alias="roomId", max_length=36)
    user_id: str = Field("", max_length=100, description="ignored: the token names the user")
    lat: float | None = Field(None, ge=-90, le=90)
    lng: float | None = Field(None, ge=-180, le=180)


class SeedHistory(SeedRequest):
    """Messages of a room."""

    room_id: str = Field(alias="roomId", min_length=36, max_length=36)


class SeedChatResponse(SeedResponse):
    """The envelope plus chat data."""

    room_id: str = Field("", serialization_alias="roomId")
    rooms: list[dict[str, Any]] = Field(default_factory=list)
    messages: list[dict[str, Any]] = Field(default_factory=list)
    message_id: int = Field(0, serialization_alias="messageId")
    response: dict[str, Any] | None = None


class SeedRefusal(Exception):
    """A request answered with the envelope's errorCode (HTTP 200, as the seed's clients expect)."""

    def __init__(self, error_code: int, sequence: int, message: str) -> None:
        super().__init__(message)
        self.response = SeedChatResponse(error_code=error_code, sequence=sequence, message=message)


async def _principal(body: SeedRequest, platform: Platform, ip: str) -> Principal:
    try:
        return await authenticate_token(body.access_token, platform, ip)
    except AccountError as exc:
        raise SeedRefusal(401, body.sequence, "invalid access token") from exc


def install(app: FastAPI) -> None:
    """Answer `SeedRefusal` with the seed's envelope."""

    @app.exception_handler(SeedRefusal)
    async def _refused(_: Request, exc: SeedRefusal) -> JSONResponse:
        return JSONResponse(exc.response.model_dump(mode="json", by_alias=True))


@router.post("/rooms", response_model_by_alias=True)
async def seed_rooms(
    body: SeedRequest, platform: PlatformDep, ip: ClientIP, conversations: ConversationsDep
) -> SeedChatResponse:
    """The caller's rooms."""
    user = await _principal(body, platform, ip)
    rooms = await conversations.rooms(user.user_id)
    return SeedChatResponse(
        sequence=body.sequence,
        rooms=[{"roomId": r.id, "title": r.title, "updatedAt": r.updated_at.isoformat()} for r in rooms],
    )


@router.post("/room/new", response_model_by_alias=True)
async def seed_room_new(
    body: SeedRoomNew, platform: PlatformDep, ip: ClientIP, conversations: ConversationsDep
) -> SeedChatResponse:
    """Create a room."""
    user = await _principal(body, platform, ip)
    room = await conversations.create_room(user.user_id, body.title or None)
    return SeedChatResponse(sequence=body.sequence, room_id=room.id)


@router.post("/message", response_model_by_alias=True)
async def seed_message(
    body: SeedMessage, platform: PlatformDep, ip: ClientIP, chat: ChatDep, conversations: ConversationsDep
) -> SeedChatResponse:
    """Answer a message; `sequence` makes a resend idempotent within the room."""
    user = await _principal(body, platform, ip)
    room_id = body.room_id or (await conversations.create_room(user.user_id, None)).id
    location = GeoPoint(body.lat, body.lng) if body.lat is not None and body.lng is not None else None
    try:
        async for event in chat.turn(user.user_id, room_id, body.sequence, body.message, location):
            if isinstance(event, Answered):
                return SeedChatResponse(
                    sequence=body.sequence,
                    room_id=room_id,
                    message_id=event.message_id,
                    message=event.response.answer,
                    response=event.response.model_dump(mode="json"),
                )
    except ConversationError as exc:
        return SeedChatResponse(error_code=404, sequence=body.sequence, message=exc.message)
    except InvalidMessage as exc:
        return SeedChatResponse(error_code=400, sequence=body.sequence, message=str(exc))
    raise AssertionError("a turn always ends with an answer")


@router.post("/history", response_model_by_alias=True)
async def seed_history(
    body: SeedHistory, platform: PlatformDep, ip: ClientIP, conversations: ConversationsDep
) -> SeedChatResponse:
    """Messages of a room, oldest first."""
    user = await _principal(body, platform, ip)
    try:
        messages = await conversations.messages(user.user_id, body.room_id, limit=200)
    except ConversationError as exc:
        return SeedChatResponse(error_code=404, sequence=body.sequence, message=exc.message)
    return SeedChatResponse(
        sequence=body.sequence,
        room_id=body.room_id,
        messages=[
            {
                "messageId": m.id,
                "role": m.role,
                "content": m.content,
                "sequence": m.sequence,
                "createdAt": m.created_at.isoformat(),
            }
            for m in messages
        ],
    )
