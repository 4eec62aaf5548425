"""Rooms, messages and feedback under `/api/v1/chat` (each person sees only their own)."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request, status
from fastapi.responses import JSONResponse

from medichain.accounts.auth import CurrentUser
from medichain.conversations.schemas import (
    FeedbackIn,
    FeedbackOut,
    MessageOut,
    RoomCreate,
    RoomOut,
    RoomRename,
)
from medichain.conversations.service import ConversationError, ConversationService
from medichain.core.db.base import BIGINT_MAX
from medichain.core.errors import error_body, error_responses
from medichain.deps import PlatformDep

router = APIRouter(prefix="/api/v1/chat", tags=["conversations"], responses=error_responses(401, 404))
RoomId = Annotated[str, Path(min_length=36, max_length=36)]


def get_conversations(platform: PlatformDep) -> ConversationService:
    """The conversation service."""
    return platform.conversations


ConversationsDep = Annotated[ConversationService, Depends(get_conversations)]


@router.get("/rooms")
async def list_rooms(
    user: CurrentUser,
    conversations: ConversationsDep,
    q: Annotated[str | None, Query(max_length=100, description="search titles and messages")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
) -> Sequence[RoomOut]:
    """The caller's conversations, most recent first."""
    return [RoomOut.model_validate(room) for room in await conversations.rooms(user.user_id, q, limit)]


@router.post("/rooms", status_code=status.HTTP_201_CREATED)
async def create_room(body: RoomCreate, user: CurrentUser, conversations: ConversationsDep) -> RoomOut:
    """Start a conversation."""
    return RoomOut.model_validate(await conversations.create_room(user.user_id, body.title))


@router.patch("/rooms/{room_id}")
async def rename_room(
    room_id: RoomId, body: RoomRename, user: CurrentUser, conversations: ConversationsDep
) -> RoomOut:
    """Rename a conversation."""
    return RoomOut.model_validate(await conversations.rename(user.user_id, room_id, body.title))


@router.delete("/rooms/{room_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_room(room_id: RoomId, user: CurrentUser, conversations: ConversationsDep) -> None:
    """Delete a conversation with its messages, history and feedback."""
    await conversations.delete(user.user_id, room_id)


@router.get("/rooms/{room_id}/messages")
async def list_messages(
    room_id: RoomId,
    user: CurrentUser,
    conversations: ConversationsDep,
    before_id: Annotated[int | None, Query(ge=1, le=BIGINT_MAX)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[MessageOut]:
    """Messages of a conversation, oldest first; page back with `before_id`."""
    rows = await conversations.messages(user.user_id, room_id, before_id=before_id, limit=limit)
    return [
        MessageOut(
            id=m.id,
            role=m.role,
            content=m.content,
            sequence=m.sequence,
            created_at=m.created_at,
            response={k: v for k, v in m.payload.items() if k != "context"} if m.payload else None,
        )
        for m in rows
    ]


@router.post("/messages/{message_id}/feedback", status_code=status.HTTP_201_CREATED)
async def give_feedback(
    message_id: Annotated[int, Path(ge=1, le=BIGINT_MAX)],
    body: FeedbackIn,
    user: CurrentUser,
    conversations: ConversationsDep,
) -> FeedbackOut:
    """Rate an answer from 1 to 5 with an optional comment (a new rating replaces the old one)."""
    feedback = await conversations.feedback(user.user_id, message_id, body.score, body.comment)
    return FeedbackOut(message_id=message_id, score=feedback.score, comment=feedback.comment)


def install(app: FastAPI) -> None:
    """Map `ConversationError` to 404 (another person's room looks exactly like a missing one)."""

    @app.exception_handler(ConversationError)
    async def _not_found(_: Request, exc: ConversationError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=404)
