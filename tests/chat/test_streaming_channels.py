"""Streaming channels against a live uvicorn server: WebSocket (auth, deltas, final, reconnect and
resume, hostile frames) and SSE; plus the seed's /chatbot routes."""

import asyncio
import json

import httpx
import pytest
import websockets
from prometheus_client import REGISTRY
from websockets.exceptions import ConnectionClosed

from tests.conftest import bearer, live_server


async def _room(client: httpx.AsyncClient, headers: dict) -> str:
    return (await client.post("/api/v1/chat/rooms", headers=headers, json={})).json()["id"]


async def _frames_until_final(socket: websockets.ClientConnection) -> list[dict]:
    frames = []
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), 30))
        frames.append(frame)
        if frame["type"] in ("final", "error"):
            return frames


def _sample(name: str, **labels: str) -> float:
    """A metric's current value in this process (metrics are process-wide)."""
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_websocket_streams_and_resumes(
    loaded_app, loaded_client: httpx.AsyncClient, loaded_signup
) -> None:
    tokens = await loaded_signup()
    room_id = await _room(loaded_client, bearer(tokens))
    frames_in = _sample("medichain_websocket_frames_total", direction="in", type="text")
    frames_out = _sample("medichain_websocket_frames_total", direction="out", type="text")
    open_before = _sample("medichain_websocket_connections")
    async with live_server(loaded_app) as host:
        async with websockets.connect(f"ws://{host}/ws/chat") as socket:
            await socket.send(json.dumps({"type": "auth", "token": tokens["access_token"]}))
            assert json.loads(await socket.recv())["type"] == "ready"
            assert _sample("medichain_websocket_connections") == open_before + 1
            await socket.send(json.dumps({"type": "ping"}))
            assert json.loads(await socket.recv())["type"] == "pong"
            await socket.send(
                json.dumps({"type": "message", "room_id": room_id, "text": "두통이 심해요", "sequence": 1})
            )
            frames = await _frames_until_final(socket)
        kinds = [f["type"] for f in frames]
        assert kinds[0] == "typing" and kinds[-1] == "final" and kinds.count("delta") >= 2
        assert _sample("medichain_websocket_frames_total", direction="in", type="text") == frames_in + 3
        sent = _sample("medichain_websocket_frames_total", direction="out", type="text") - frames_out
        assert sent == len(frames) + 2  # ready and pong too
        assert _sample("medichain_websocket_connections") == open_before
        streamed = "".join(f["text"] for f in frames if f["type"] == "delta")
        final = frames[-1]
        assert streamed == final["response"]["answer"]

        # Reconnect: resume returns the stored final frame; resending the same sequence never answers twice.
        async with websockets.connect(f"ws://{host}/ws/chat") as socket:
            await socket.send(json.dumps({"type": "auth", "token": tokens["access_token"]}))
            await socket.recv()
            await socket.send(json.dumps({"type": "resume", "room_id": room_id, "sequence": 1}))
            resumed = json.loads(await socket.recv())
            assert (
                resumed["type"] == "final"
                and resumed["message_id"] == final["message_id"]
                and resumed["replayed"]
            )
            await socket.send(
                json.dumps({"type": "message", "room_id": room_id, "text": "두통이 심해요", "sequence": 1})
            )
            again = await _frames_until_final(socket)
            assert again[-1]["message_id"] == final["message_id"]
            await socket.send(json.dumps({"type": "resume", "room_id": room_id, "sequence": 2}))
            assert json.loads(await socket.recv())["code"] == "not_answered"
    messages = (
        await loaded_client.get(f"/api/v1/chat/rooms/{room_id}/messages", headers=bearer(tokens))
    ).json()
    assert len(messages) == 2


async def test_websocket_refuses_bad_auth_and_survives_hostile_frames(loaded_app, loaded_signup) -> None:
    tokens = await loaded_signup()
    async with live_server(loaded_app) as host:
        async with websockets.connect(f"ws://{host}/ws/chat") as socket:
            await socket.send(json.dumps({"type": "auth", "token": "forged"}))
            with pytest.raises(ConnectionClosed) as closed:
                await socket.recv()
            assert closed.value.rcvd.code == 4401
        async with websockets.connect(f"ws://{host}/ws/chat") as socket:
            await socket.send(json.dumps({"type": "auth", "token": tokens["access_token"]}))
            await socket.recv()
            for frame in (
                b"\x00\x01binary",
                "not json",
                json.dumps([1, 2]),
                json.dumps({"type": "nope"}),
                json.dumps({"type": "message", "room_id": "x" * 36, "text": "", "sequence": 1}),
                json.dumps({"type": "message", "room_id": "0" * 36, "text": "hi", "sequence": 1}),
            ):
                await socket.send(frame)
                reply = json.loads(await asyncio.wait_for(socket.recv(), 10))
                while reply["type"] == "typing":
                    reply = json.loads(await asyncio.wait_for(socket.recv(), 10))
                assert reply["type"] == "error", frame
            await socket.send(json.dumps({"type": "ping"}))
            assert json.loads(await socket.recv())["type"] == "pong", "still usable after bad frames"
        async with websockets.connect(f"ws://{host}/ws/chat") as socket:
            await socket.send("x" * 70000)
            with pytest.raises(ConnectionClosed):
                await socket.recv()


async def test_sse_stream(loaded_client: httpx.AsyncClient, loaded_signup) -> None:
    headers = bearer(await loaded_signup())
    room_id = await _room(loaded_client, headers)
    async with loaded_client.stream(
        "POST",
        f"/api/v1/chat/rooms/{room_id}/stream",
        headers=headers,
        json={"text": "감기 빨리 낫는 법", "sequence": 1},
    ) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [
            line.removeprefix("event: ")
            async for line in response.aiter_lines()
            if line.startswith("event: ")
        ]
    assert events[0] == "typing" and events[-1] == "final" and "delta" in events
    missing = await loaded_client.post(
        f"/api/v1/chat/rooms/{'0' * 36}/stream", headers=headers, json={"text": "hi", "sequence": 1}
    )
    assert missing.status_code == 404


async def test_seed_chatbot_routes(loaded_client: httpx.AsyncClient) -> None:
    signup = (
        await loaded_client.post(
            "/account/signup",
            json={"id": "seed_user", "password": "test_password", "accessToken": "", "sequence": 1},
        )
    ).json()
    token = signup["accessToken"]
    room = (await loaded_client.post("/chatbot/room/new", json={"accessToken": token, "sequence": 2})).json()
    assert room["errorCode"] == 0 and room["roomId"]
    message = (
        await loaded_client.post(
            "/chatbot/message",
            json={
                "message": "감기 증상에 대해 알려주세요",
                "user_id": "seed_user",
                "accessToken": token,
                "sequence": 3,
                "roomId": room["roomId"],
            },
        )
    ).json()
    assert (message["errorCode"], message["sequence"]) == (0, 3)
    assert message["response"]["domain"] in ("general", "clinic") and message["message"]
    resent = (
        await loaded_client.post(
            "/chatbot/message",
            json={
                "message": "감기 증상에 대해 알려주세요",
                "accessToken": token,
                "sequence": 3,
                "roomId": room["roomId"],
            },
        )
    ).json()
    assert resent["messageId"] == message["messageId"]
    rooms = (await loaded_client.post("/chatbot/rooms", json={"accessToken": token, "sequence": 4})).json()
    assert [r["roomId"] for r in rooms["rooms"]] == [room["roomId"]]
    history = (
        await loaded_client.post(
            "/chatbot/history", json={"accessToken": token, "sequence": 5, "roomId": room["roomId"]}
        )
    ).json()
    assert [m["role"] for m in history["messages"]] == ["user", "assistant"]
    refused = (await loaded_client.post("/chatbot/rooms", json={"accessToken": "bad", "sequence": 6})).json()
    assert (refused["errorCode"], refused["sequence"]) == (401, 6)
