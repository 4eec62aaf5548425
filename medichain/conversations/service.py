"""Conversation logic on the user's shard: rooms, messages, consultation history, feedback, and the
idempotent record of a turn (a resent sequence returns the stored answer)."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from medichain.conversations.models import ChatMessage, ChatRoom, ConsultationHistory, Feedback
from medichain.core.db.base import utcnow
from medichain.core.db.shards import Databases

TITLE_CHARS = 40


class ConversationError(Exception):
    """A refused operation (`code`: not_found)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class TurnContext:
    """What the previous answer of a room leaves for a follow-up question."""

    domain: str | None = None
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordedTurn:
    """The stored assistant message of a turn."""

    message_id: int
    response: dict[str, Any]
    replayed: bool


@dataclass(frozen=True)
class TurnOpening:
    """The stored answer of a resent sequence (None for a new one) and the room's follow-up context."""

    stored: RecordedTurn | None
    context: TurnContext


class ConversationService:
    """One instance per process; every call is scoped to its owner (other users' rooms are 404)."""

    def __init__(self, dbs: Databases) -> None:
        self._dbs = dbs

    async def _shard(self, user_id: str) -> int:
        shard_id = await self._dbs.shard_of(user_id)
        if shard_id is None:
            raise ConversationError("not_found", "user not found")
        return shard_id

    async def create_room(self, user_id: str, title: str | None) -> ChatRoom:
        """A new room."""
        room = ChatRoom(id=str(uuid.uuid4()), user_id=user_id, title=title or "새 대화")
        async with self._dbs.shard_session(await self._shard(user_id)) as session, session.begin():
            session.add(room)
        return room

    async def rooms(self, user_id: str, query: str | None = None, limit: int = 100) -> Sequence[ChatRoom]:
        """The user's rooms, newest activity first; `query` searches titles and message text."""
        statement = select(ChatRoom).where(ChatRoom.user_id == user_id)
        if query:
            pattern = f"%{_escape_like(query)}%"
            in_messages = select(ChatMessage.room_id).where(
                ChatMessage.user_id == user_id, ChatMessage.content.like(pattern, escape="\\")
            )
            statement = statement.where(
                ChatRoom.title.like(pattern, escape="\\") | ChatRoom.id.in_(in_messages)
            )
        statement = statement.order_by(ChatRoom.updated_at.desc(), ChatRoom.id).limit(limit)
        async with self._dbs.shard_session(await self._shard(user_id)) as session:
            return (await session.scalars(statement)).all()

    async def room(self, user_id: str, room_id: str) -> ChatRoom:
        """One of the user's rooms."""
        async with self._dbs.shard_session(await self._shard(user_id)) as session:
            room = await session.get(ChatRoom, room_id)
        if room is None or room.user_id != user_id:
            raise ConversationError("not_found", "conversation not found")
        return room

    async def rename(self, user_id: str, room_id: str, title: str) -> ChatRoom:
        """Change a room's title."""
        async with self._dbs.shard_session(await self._shard(user_id)) as session, session.begin():
            room = await session.get(ChatRoom, room_id)
            if room is None or room.user_id != user_id:
                raise ConversationError("not_found", "conversation not found")
            room.title = title
        return room

    async def delete(self, user_id: str, room_id: str) -> None:
        """Delete a room with its messages, history and feedback."""
        async with self._dbs.shard_session(await self._shard(user_id)) as session, session.begin():
            room = await session.get(ChatRoom, room_id)
            if room is None or room.user_id != user_id:
                raise ConversationError("not_found", "conversation not found")
            message_ids = select(ChatMessage.id).where(ChatMessage.room_id == room_id)
            for model in (Feedback, ConsultationHistory):
                await session.execute(model.__table__.delete().where(model.message_id.in_(message_ids)))
            await session.execute(ChatMessage.__table__.delete().where(ChatMessage.room_id == room_id))
            await session.delete(room)

    async def messages(
        self, user_id: str, room_id: str, *, before_id: int | None = None, limit: int = 50
    ) -> Sequence[ChatMessage]:
        """Messages of a room, oldest first (the page before `before_id`)."""
        await self.room(user_id, room_id)
        statement = select(ChatMessage).where(ChatMessage.room_id == room_id, ChatMessage.user_id == user_id)
        if before_id is not None:
            statement = statement.where(ChatMessage.id < before_id)
        statement = statement.order_by(ChatMessage.id.desc()).limit(limit)
        async with self._dbs.shard_session(await self._shard(user_id)) as session:
            rows = (await session.scalars(statement)).all()
        return list(reversed(rows))

    async def replay(self, user_id: str, room_id: str, sequence: int) -> RecordedTurn | None:
        """The stored answer to a sequence already answered in this room, if any."""
        async with self._dbs.shard_session(await self._shard(user_id)) as session:
            message = await session.scalar(
                select(ChatMessage).where(
                    ChatMessage.room_id == room_id,
                    ChatMessage.user_id == user_id,
                    ChatMessage.sequence == sequence,
                    ChatMessage.role == "assistant",
                )
            )
        if message is None or message.payload is None:
            return None
        return RecordedTurn(message.id, message.payload, replayed=True)

    async def open_turn(self, user_id: str, room_id: str, sequence: int) -> TurnOpening:
        """What a turn needs before answering, in one session and two statements: the room must be the
        user's (else 404), the stored answer when `sequence` was answered already, and the context of
        the room's last answer."""
        async with self._dbs.shard_session(await self._shard(user_id)) as session:
            owner = await session.scalar(select(ChatRoom.user_id).where(ChatRoom.id == room_id))
            if owner != user_id:
                raise ConversationError("not_found", "conversation not found")
            answers = ChatMessage.room_id == room_id, ChatMessage.role == "assistant"
            last = select(func.max(ChatMessage.id)).where(*answers).scalar_subquery()
            rows = (
                await session.execute(
                    select(ChatMessage.id, ChatMessage.sequence, ChatMessage.payload).where(
                        *answers, or_(ChatMessage.sequence == sequence, ChatMessage.id == last)
                    )
                )
            ).all()
        stored = next((r for r in rows if r.sequence == sequence and r.payload is not None), None)
        latest = max(rows, key=lambda r: r.id, default=None)
        memory = (latest.payload or {}).get("context") or {} if latest else {}
        return TurnOpening(
            RecordedTurn(stored.id, stored.payload, replayed=True) if stored else None,
            TurnContext(memory.get("domain"), tuple(memory.get("entities") or ())),
        )

    async def record_turn(
        self,
        user_id: str,
        room_id: str,
        sequence: int,
        question: str,
        response: dict[str, Any],
        context: TurnContext,
    ) -> RecordedTurn:
        """Store the question, the answer and the consultation record in one transaction.

        A concurrent resend of the same sequence loses the race on the unique key and gets the winner's
        stored answer, so a turn is never answered (or stored) twice.
        """
        payload = {**response, "context": {"domain": context.domain, "entities": list(context.entities)}}
        shard_id = await self._shard(user_id)
        try:
            async with self._dbs.shard_session(shard_id) as session, session.begin():
                room = await session.get(ChatRoom, room_id, with_for_update=True)
                if room is None or room.user_id != user_id:
                    raise ConversationError("not_found", "conversation not found")
                session.add(
                    ChatMessage(
                        room_id=room_id, user_id=user_id, role="user", sequence=sequence, content=question
                    )
                )
                answer = ChatMessage(
                    room_id=room_id,
                    user_id=user_id,
                    role="assistant",
                    sequence=sequence,
                    content=response["answer"],
                    payload=payload,
                )
                session.add(answer)
                await session.flush()
                session.add(
                    ConsultationHistory(
                        user_id=user_id,
                        session_id=room_id,
                        message_id=answer.id,
                        domain=response["domain"],
                        query=question,
                        response=response["answer"],
                        confidence_score=Decimal(str(round(response["confidence"], 2))),
                        triage_level=response["triage"]["level"],
                        response_time_ms=int(response["latency_ms"]),
                    )
                )
                if room.title == "새 대화":
                    room.title = question[:TITLE_CHARS]
                room.updated_at = utcnow()
            return RecordedTurn(answer.id, payload, replayed=False)
        except IntegrityError:
            stored = await self.replay(user_id, room_id, sequence)
            if stored is None:
                raise
            return stored

    async def feedback(self, user_id: str, message_id: int, score: int, comment: str) -> Feedback:
        """Rate one of the user's answers (a second rating replaces the first)."""
        async with self._dbs.shard_session(await self._shard(user_id)) as session, session.begin():
            message = await session.get(ChatMessage, message_id)
            if message is None or message.user_id != user_id or message.role != "assistant":
                raise ConversationError("not_found", "answer not found")
            existing = await session.scalar(
                select(Feedback).where(Feedback.user_id == user_id, Feedback.message_id == message_id)
            )
            feedback = existing or Feedback(user_id=user_id, message_id=message_id)
            feedback.score, feedback.comment = score, comment
            session.add(feedback)
            await session.execute(
                update(ConsultationHistory)
                .where(ConsultationHistory.message_id == message_id)
                .values(feedback_score=score)
            )
        return feedback


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
