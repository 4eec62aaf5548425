"""Personal fields are unreadable in a raw dump; deletion leaves no row behind; export is complete."""

import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, text

from medichain.conversations.models import ChatMessage, ChatRoom, ConsultationHistory, Feedback
from medichain.core.db.models import ShardInfo, UserShardMapping
from tests.conftest import bearer

PERSONAL = {
    "name": "김민지",
    "phone": "010-9876-5432",
    "email": "minji.kim@example.kr",
    "birth_date": "1991-02-03",
}


def _raw_dump(url: str) -> bytes:
    """The database exactly as an attacker with file or dump access would see it."""
    if url.startswith("sqlite"):
        path = Path(url.split("///", 1)[1])
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    dump = shutil.which("mariadb-dump") or shutil.which("mysqldump")
    if dump is None:
        pytest.fail("mariadb-dump is required (installed with mariadb-client by scripts/services.sh)")
    database = url.rsplit("/", 1)[1]
    return subprocess.run(
        [dump, "-h127.0.0.1", "-umedichain", "-pmedichain", "--skip-extended-insert", database],
        check=True,
        capture_output=True,
    ).stdout


async def _seed_conversation(app, user_id: str) -> None:
    """Rows in every conversation table, as the chat pipeline will write them."""
    dbs = app.state.platform.dbs
    shard_id = await dbs.shard_of(user_id)
    async with dbs.shard_session(shard_id) as session, session.begin():
        session.add(ChatRoom(id="room-" + user_id[:20], user_id=user_id, title="두통 상담"))
        await session.flush()
        message = ChatMessage(
            room_id="room-" + user_id[:20], user_id=user_id, role="assistant", content="답변"
        )
        session.add(message)
        await session.flush()
        session.add(
            ConsultationHistory(
                user_id=user_id,
                session_id="room",
                message_id=message.id,
                domain="general",
                query="q",
                response="a",
            )
        )
        session.add(Feedback(user_id=user_id, message_id=message.id, score=5, comment="좋아요"))


async def test_profile_fields_are_encrypted_at_rest(client: httpx.AsyncClient, signup, settings) -> None:
    await signup("private", **PERSONAL)
    dumps = b"".join(_raw_dump(url) for url in [settings.global_database_url, *settings.shard_urls])
    assert b"private" in dumps, "the dump is real (the user id is stored in clear)"
    for value in PERSONAL.values():
        assert value.encode() not in dumps, value
        assert value.lower().encode() not in dumps


async def test_export_contains_profile_and_conversations(client: httpx.AsyncClient, signup, app) -> None:
    tokens = await signup("exporter", **PERSONAL)
    await _seed_conversation(app, "exporter")
    export = await client.get("/api/v1/account/export", headers=bearer(tokens))
    assert export.status_code == 200
    body = export.json()
    assert body["profile"]["email"] == PERSONAL["email"]
    assert [len(body[t]) for t in ("chat_rooms", "chat_messages", "consultation_history", "feedback")] == [
        1,
        1,
        1,
        1,
    ]


async def test_account_deletion_leaves_no_row_behind(client: httpx.AsyncClient, signup, app) -> None:
    tokens = await signup("leaver", **PERSONAL)
    await _seed_conversation(app, "leaver")
    dbs = app.state.platform.dbs
    shard_id = await dbs.shard_of("leaver")
    async with dbs.global_sessions() as session:
        before = await session.scalar(select(ShardInfo.current_users).where(ShardInfo.shard_id == shard_id))

    wrong = await client.post(
        "/api/v1/account/delete", headers=bearer(tokens), json={"password": "not-mine-1"}
    )
    assert wrong.status_code == 401
    deleted = await client.post(
        "/api/v1/account/delete", headers=bearer(tokens), json={"password": "correct-horse-9"}
    )
    assert deleted.status_code == 204

    async with dbs.shard_session(shard_id) as session:
        for table in ("users", "chat_rooms", "chat_messages", "consultation_history", "feedback"):
            column = "id" if table == "users" else "user_id"
            count = await session.scalar(
                text(f"SELECT COUNT(*) FROM {table} WHERE {column} = :u"), {"u": "leaver"}
            )
            assert count == 0, table
        assert await session.scalar(select(func.count()).select_from(ChatMessage)) == 0
    async with dbs.global_sessions() as session:
        assert await session.get(UserShardMapping, "leaver") is None
        after = await session.scalar(select(ShardInfo.current_users).where(ShardInfo.shard_id == shard_id))
        events = await session.execute(text("SELECT COUNT(*) FROM security_events WHERE user_ref = 'leaver'"))
        assert events.scalar() == 0, "security events never hold the user id"
    assert after == before - 1
    assert (await client.get("/api/v1/account/profile", headers=bearer(tokens))).status_code == 401
    login = await client.post("/api/v1/auth/login", json={"login": "leaver", "password": "correct-horse-9"})
    assert login.status_code == 401
    # The id and email are free again.
    again = await client.post(
        "/api/v1/auth/signup",
        json={"user_id": "leaver", "password": "correct-horse-9", "email": PERSONAL["email"]},
    )
    assert again.status_code == 201
