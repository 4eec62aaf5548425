"""Recording a turn on both backends: a new room is named after its first question and its activity
stamped; another person's room is refused and nothing is written."""

from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from medichain.conversations.models import ChatMessage
from medichain.conversations.service import ConversationError, TurnContext
from medichain.core.db.base import utcnow
from medichain.platform import Platform

RESPONSE = {
    "answer": "answer",
    "domain": "general",
    "confidence": 0.9,
    "triage": {"level": 5},
    "latency_ms": 3.0,
}


async def _messages(platform: Platform, user_id: str) -> int:
    shard = await platform.dbs.shard_of(user_id)
    assert shard is not None
    async with platform.dbs.shard_session(shard) as session:
        return int(await session.scalar(select(func.count()).select_from(ChatMessage)) or 0)


async def test_a_turn_names_a_new_room_stamps_it_and_refuses_another_persons_room(
    app: FastAPI, signup
) -> None:
    await signup("ana_record", "correct-horse-1")
    await signup("ben_record", "correct-horse-2")
    platform: Platform = app.state.platform
    conversations = platform.conversations
    room = await conversations.create_room("ana_record", None)
    assert room.title == "새 대화"
    before = utcnow() - timedelta(seconds=1)

    await conversations.record_turn("ana_record", room.id, 0, "두통이 심해요 " * 10, RESPONSE, TurnContext())
    await conversations.record_turn("ana_record", room.id, 1, "second question", RESPONSE, TurnContext())
    stored = await conversations.room("ana_record", room.id)
    assert stored.title == ("두통이 심해요 " * 10)[:40]  # named after the first question only
    assert stored.updated_at.replace(tzinfo=None) >= before.replace(tzinfo=None)

    written = await _messages(platform, "ben_record")
    with pytest.raises(ConversationError):
        await conversations.record_turn("ben_record", room.id, 2, "not mine", RESPONSE, TurnContext())
    assert await _messages(platform, "ben_record") == written
