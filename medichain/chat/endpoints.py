"""Chat over HTTP: a one-off question, a message in a room (JSON), and the same as Server-Sent Events."""

from collections.abc import AsyncIterator
from typing import Annotated

import orjson
from fastapi import APIRouter, FastAPI, Path, Request
from fastapi.responses import JSONResponse, StreamingResponse

from medichain.accounts.auth import CurrentUser
from medichain.answering.responses import ChatResponse
from medichain.chat.deps import ChatDep, PipelineDep
from medichain.chat.pipeline import Delta, Final, InvalidMessage, TurnInput, Typing
from medichain.chat.schemas import AskIn, MessageIn, TurnOut
from medichain.chat.service import Answered, ChatEvent
from medichain.core.errors import error_body, error_responses

router = APIRouter(prefix="/api/v1/chat", tags=["chat"])
RoomId = Annotated[str, Path(min_length=36, max_length=36)]
IN_OWN_ROOM = error_responses(401, 404)
"""A turn in a room: the caller must be signed in, and the room must be theirs."""


@router.post("/ask")
async def ask(body: AskIn, pipeline: PipelineDep) -> ChatResponse:
    """Answer one question without an account; nothing is stored."""
    async for event in pipeline.run(TurnInput(text=body.text, location=body.point)):
        if isinstance(event, Final):
            return event.response
    raise AssertionError("the pipeline always ends with a final event")


@router.post("/rooms/{room_id}/messages", responses=IN_OWN_ROOM)
async def send_message(room_id: RoomId, body: MessageIn, user: CurrentUser, chat: ChatDep) -> TurnOut:
    """Ask in a room and get the stored answer (a resent `sequence` returns the stored answer)."""
    async for event in chat.turn(user.user_id, room_id, body.sequence, body.text, body.point):
        if isinstance(event, Answered):
            return _turn_out(event)
    raise AssertionError("a turn always ends with an answer")


@router.post(
    "/rooms/{room_id}/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "typing, delta…, final"}}
    | IN_OWN_ROOM,
)
async def stream_message(
    room_id: RoomId, body: MessageIn, user: CurrentUser, chat: ChatDep
) -> StreamingResponse:
    """The same turn as Server-Sent Events: `typing`, `delta` (`{"text"}`), `final` (a TurnOut), or `error`."""
    await chat.ensure_room(user.user_id, room_id)
    events = chat.turn(user.user_id, room_id, body.sequence, body.text, body.point)
    return StreamingResponse(
        _sse(events), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
    )


async def _sse(events: AsyncIterator[ChatEvent]) -> AsyncIterator[bytes]:
    try:
        async for event in events:
            if isinstance(event, Typing):
                yield _frame("typing", {})
            elif isinstance(event, Delta):
                yield _frame("delta", {"text": event.text})
            else:
                yield _frame("final", _turn_out(event).model_dump(mode="json"))
    except Exception as exc:  # the stream has started: report in-band, never a half-open stream
        yield _frame("error", error_body("turn_failed", type(exc).__name__)["error"])


def _frame(name: str, data: dict) -> bytes:
    return b"event: " + name.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n"


def _turn_out(event: Answered) -> TurnOut:
    return TurnOut(
        message_id=event.message_id,
        room_id=event.room_id,
        sequence=event.sequence,
        replayed=event.replayed,
        response=event.response,
    )


def install(app: FastAPI) -> None:
    """Map `InvalidMessage` (empty or oversized after cleaning) to 422."""

    @app.exception_handler(InvalidMessage)
    async def _invalid(_: Request, exc: InvalidMessage) -> JSONResponse:
        return JSONResponse(error_body("invalid_message", str(exc)), status_code=422)
