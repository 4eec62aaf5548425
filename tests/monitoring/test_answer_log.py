"""Every answer of every channel reaches `answer_log` (written by the platform's background flush), with its
figures and without the message text or the person, on SQLite and on MariaDB."""

import asyncio
import uuid

import httpx
from fastapi import FastAPI

from medichain.monitoring.models import AnswerLog
from tests.chat.helpers import QUESTION
from tests.conftest import bearer
from tests.monitoring.conftest import last_id, rows_after

ROOM_QUESTION = "고혈압 관리 방법이 궁금해요"


async def wait_for_rows(app: FastAPI, after_id: int, count: int) -> list[AnswerLog]:
    """The rows after `after_id`, once the background flush has written `count` of them."""
    async with asyncio.timeout(30):
        while len(rows := await rows_after(app.state.platform.dbs, after_id)) < count:  # noqa: ASYNC110 - the flush task writes to the database
            await asyncio.sleep(0.1)
    return list(rows)


async def test_answers_reach_the_table_without_their_text(
    loaded_app: FastAPI, loaded_client: httpx.AsyncClient, loaded_signup
) -> None:
    user_id = f"logged{uuid.uuid4().hex[:8]}"
    headers = bearer(await loaded_signup(user_id))
    before = await last_id(loaded_app.state.platform.dbs)
    asked = (await loaded_client.post("/api/v1/chat/ask", json={"text": QUESTION})).json()
    room = (await loaded_client.post("/api/v1/chat/rooms", headers=headers, json={})).json()
    turn = await loaded_client.post(
        f"/api/v1/chat/rooms/{room['id']}/messages",
        headers=headers,
        json={"text": ROOM_QUESTION, "sequence": 1},
    )
    assert turn.status_code == 200, turn.text
    refused = await loaded_client.post("/api/v1/chat/ask", json={"text": "오늘 주식 뭐 사면 좋을까?"})
    assert refused.json()["domain"] == "out_of_scope"

    rows = await wait_for_rows(loaded_app, before, 2)
    await loaded_app.state.platform.monitor.flush()
    assert len(await rows_after(loaded_app.state.platform.dbs, before)) == 2, "a refusal is not an answer"
    answered = [asked, turn.json()["response"]]
    assert [(r.domain, r.lang, r.provider, r.triage_level) for r in rows] == [
        (a["domain"], a["lang"], a["provider"], a["triage"]["level"]) for a in answered
    ]
    assert [r.latency_ms for r in rows] == [round(a["latency_ms"]) for a in answered]
    assert all(0 <= r.quality <= 1 and r.evidence_found and not r.replaced for r in rows)
    stored = " ".join(str(getattr(r, column.name)) for r in rows for column in AnswerLog.__table__.columns)
    for private in (QUESTION, ROOM_QUESTION, user_id, asked["answer"][:20]):
        assert private not in stored
