"""Chat turns end to end over REST: triage first, routing, grounded answers with citations,
interactions, hospitals, out of scope, follow-ups, idempotent resend, rooms and feedback."""

import uuid

import httpx
import orjson

from medichain.answering.cache import cache_key
from tests.conftest import bearer, client_for

CHEST_PAIN = "가슴이 쥐어짜듯 아프고 식은땀이 나요"
TYLENOL_IBUPROFEN = "타이레놀이랑 이부프로펜 같이 먹어도 돼?"


async def _ask(client: httpx.AsyncClient, text: str, **location: float) -> dict:
    response = await client.post("/api/v1/chat/ask", json={"text": text, **location})
    assert response.status_code == 200, response.text
    return response.json()


async def test_emergency_short_circuits_to_119(loaded_client: httpx.AsyncClient) -> None:
    body = await _ask(loaded_client, CHEST_PAIN, lat=37.5665, lng=126.9780)
    assert body["triage"]["level"] <= 2 and body["triage"]["is_emergency"]
    assert body["domain"] == "emergency"
    assert "119" in body["answer"] and body["triage"]["guidance"]["steps"]
    assert body["hospitals"] and all(h["emergency"] for h in body["hospitals"])
    assert body["disclaimer"] in body["answer"]
    assert body["citations"][0]["id"].startswith("emergency-heart-attack#"), (
        "first aid for the red flag found"
    )


async def test_drug_interaction_answer_with_citations(loaded_client: httpx.AsyncClient) -> None:
    body = await _ask(loaded_client, TYLENOL_IBUPROFEN)
    assert body["domain"] == "drug"
    assert body["interactions"], "a verdict for the pair"
    assert {tuple(sorted(i["drugs"])) for i in body["interactions"]}
    assert body["citations"] and "[1]" in body["answer"]
    assert all(c["source"] for c in body["citations"])
    assert body["triage"]["level"] >= 4


async def test_warfarin_and_nsaid_is_major(loaded_client: httpx.AsyncClient) -> None:
    body = await _ask(loaded_client, "I take warfarin, can I take advil for a headache?")
    assert body["domain"] == "drug" and body["lang"] == "en"
    assert body["interactions"][0]["severity"] == "major"
    assert "disclaimer" in body and body["disclaimer"] in body["answer"]


async def test_hospital_question_with_location_lists_distances(loaded_client: httpx.AsyncClient) -> None:
    body = await _ask(loaded_client, "근처에 소아과 있는 병원 알려줘", lat=37.5665, lng=126.9780)
    assert body["domain"] == "clinic"
    assert body["hospitals"] and all(h["distance_km"] >= 0 for h in body["hospitals"])
    assert "km" in body["answer"]


async def test_out_of_scope_is_refused_politely(loaded_client: httpx.AsyncClient) -> None:
    body = await _ask(loaded_client, "오늘 주식 뭐 사면 좋을까?")
    assert body["domain"] == "out_of_scope"
    assert "119" not in body["answer"].split("※")[0] or body["triage"]["level"] == 5


async def test_empty_and_oversized_messages(loaded_client: httpx.AsyncClient) -> None:
    assert (await loaded_client.post("/api/v1/chat/ask", json={"text": "   "})).status_code == 422
    assert (await loaded_client.post("/api/v1/chat/ask", json={"text": "가" * 2001})).status_code == 422
    assert (
        await loaded_client.post("/api/v1/chat/ask", json={"text": "두통", "lat": 37.5})
    ).status_code == 422


async def test_room_turns_resend_and_follow_up(loaded_client: httpx.AsyncClient, loaded_signup) -> None:
    headers = bearer(await loaded_signup())
    room = (await loaded_client.post("/api/v1/chat/rooms", headers=headers, json={})).json()
    url = f"/api/v1/chat/rooms/{room['id']}/messages"
    first = (
        await loaded_client.post(url, headers=headers, json={"text": "타이레놀 효능이 뭐야?", "sequence": 1})
    ).json()
    assert first["response"]["domain"] == "drug" and not first["replayed"]
    again = (
        await loaded_client.post(url, headers=headers, json={"text": "타이레놀 효능이 뭐야?", "sequence": 1})
    ).json()
    assert again["replayed"] and again["message_id"] == first["message_id"]
    assert again["response"]["answer"] == first["response"]["answer"]

    follow = (
        await loaded_client.post(url, headers=headers, json={"text": "그거 부작용은?", "sequence": 2})
    ).json()
    assert follow["response"]["domain"] == "drug"
    assert "타이레놀" in follow["response"]["answer"], "the follow-up stays on the same drug"

    messages = (await loaded_client.get(f"/api/v1/chat/rooms/{room['id']}/messages", headers=headers)).json()
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[1]["response"]["domain"] == "drug"
    rooms = (await loaded_client.get("/api/v1/chat/rooms", headers=headers)).json()
    assert rooms[0]["title"].startswith("타이레놀")

    rated = await loaded_client.post(
        f"/api/v1/chat/messages/{first['message_id']}/feedback",
        headers=headers,
        json={"score": 5, "comment": "도움"},
    )
    assert rated.status_code == 201
    bad = await loaded_client.post(
        f"/api/v1/chat/messages/{first['message_id']}/feedback", headers=headers, json={"score": 6}
    )
    assert bad.status_code == 422


async def test_rooms_are_private(loaded_app, loaded_signup) -> None:
    async with (
        client_for(loaded_app) as owner_client,
        client_for(loaded_app, ip="198.51.100.20") as other_client,
    ):
        owner = bearer(await loaded_signup())
        room = (
            await owner_client.post("/api/v1/chat/rooms", headers=owner, json={"title": "내 상담"})
        ).json()
        turn = (
            await owner_client.post(
                f"/api/v1/chat/rooms/{room['id']}/messages",
                headers=owner,
                json={"text": "두통", "sequence": 1},
            )
        ).json()
        signup_other = await other_client.post(
            "/api/v1/auth/signup",
            json={"user_id": f"other{uuid.uuid4().hex[:6]}", "password": "correct-horse-9"},
        )
        other = bearer(signup_other.json())
        base = f"/api/v1/chat/rooms/{room['id']}"
        attempts = [
            other_client.get(f"{base}/messages", headers=other),
            other_client.patch(base, headers=other, json={"title": "hacked"}),
            other_client.delete(base, headers=other),
            other_client.post(f"{base}/messages", headers=other, json={"text": "hi", "sequence": 9}),
            other_client.post(
                f"/api/v1/chat/messages/{turn['message_id']}/feedback", headers=other, json={"score": 1}
            ),
        ]
        for attempt in attempts:
            assert (await attempt).status_code == 404
        assert (await owner_client.get(f"{base}/messages", headers=owner)).status_code == 200
        assert (await other_client.get("/api/v1/chat/rooms", headers=other)).json() == []


async def test_rename_search_delete_room(loaded_client: httpx.AsyncClient, loaded_signup) -> None:
    headers = bearer(await loaded_signup())
    room = (await loaded_client.post("/api/v1/chat/rooms", headers=headers, json={"title": "처음"})).json()
    await loaded_client.post(
        f"/api/v1/chat/rooms/{room['id']}/messages",
        headers=headers,
        json={"text": "고혈압 관리 방법", "sequence": 1},
    )
    renamed = await loaded_client.patch(
        f"/api/v1/chat/rooms/{room['id']}", headers=headers, json={"title": "혈압"}
    )
    assert renamed.json()["title"] == "혈압"
    found = (await loaded_client.get("/api/v1/chat/rooms", headers=headers, params={"q": "고혈압"})).json()
    assert [r["id"] for r in found] == [room["id"]]
    assert (
        await loaded_client.get("/api/v1/chat/rooms", headers=headers, params={"q": "100%_"})
    ).json() == []
    assert (
        await loaded_client.delete(f"/api/v1/chat/rooms/{room['id']}", headers=headers)
    ).status_code == 204
    assert (await loaded_client.get("/api/v1/chat/rooms", headers=headers)).json() == []


async def test_cache_hit_rate_is_exported(loaded_client: httpx.AsyncClient) -> None:
    question = "감기에 좋은 음식이 있나요?"
    first = await _ask(loaded_client, question)
    second = await _ask(loaded_client, "감기에 좋은 음식이 있나요")
    assert not first["cached"] and second["cached"], (
        "the same question (punctuation aside) is served from cache"
    )
    metrics = (await loaded_client.get("/metrics")).text
    assert 'medichain_semantic_cache_lookups_total{domain="general",lang="ko",result="hit"}' in metrics
    assert "medichain_triage_level_total" in metrics


async def test_a_cached_answer_is_reused_only_at_the_same_triage_level(loaded_app, loaded_client) -> None:
    question = f"감기 기운이 있을 때 집에서 어떻게 쉬면 좋을까요 {uuid.uuid4().hex[:6]}"
    first = await _ask(loaded_client, question)
    assert first["triage"]["level"] >= 4 and not first["cached"]
    store = loaded_app.state.platform.store
    key = cache_key(first["domain"], first["lang"], question)
    assert await store.get(key), "the answer was cached"

    same_level = {**first, "answer": first["answer"].replace("감기", "[same-level]", 1)}
    await store.put(key, orjson.dumps(same_level).decode(), 60)
    reused = await _ask(loaded_client, question)
    assert reused["cached"] and "[same-level]" in reused["answer"]

    other_level = 5 if first["triage"]["level"] == 4 else 4
    stale = {**same_level, "triage": {**first["triage"], "level": other_level}}
    await store.put(key, orjson.dumps(stale).decode(), 60)
    fresh = await _ask(loaded_client, question)
    assert not fresh["cached"] and fresh["triage"]["level"] == first["triage"]["level"]
