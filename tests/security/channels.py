"""Helpers that speak each channel the way an attacker's client would: REST, the seed envelope and the
WebSocket protocol."""

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import websockets
from websockets.exceptions import ConnectionClosed

PASSWORD = "correct-horse-9"
FRAME_TIMEOUT_S = 30


@dataclass
class Person:
    """A signed-up account and its current token pair."""

    user_id: str
    password: str
    tokens: dict[str, Any]

    @property
    def access(self) -> str:
        """The current access token."""
        return self.tokens["access_token"]

    @property
    def headers(self) -> dict[str, str]:
        """The bearer header of the current access token."""
        return {"Authorization": f"Bearer {self.access}"}


async def new_person(client: httpx.AsyncClient, password: str = PASSWORD, **profile: object) -> Person:
    """Sign a new, uniquely named person up through `client`."""
    user_id = f"p{uuid.uuid4().hex[:10]}"
    response = await client.post(
        "/api/v1/auth/signup", json={"user_id": user_id, "password": password, **profile}
    )
    assert response.status_code == 201, response.text
    return Person(user_id, password, response.json())


async def login(client: httpx.AsyncClient, person: Person) -> Person:
    """A second session of the same person."""
    response = await client.post(
        "/api/v1/auth/login", json={"login": person.user_id, "password": person.password}
    )
    assert response.status_code == 200, response.text
    return Person(person.user_id, person.password, response.json())


async def new_room(client: httpx.AsyncClient, person: Person, title: str | None = None) -> str:
    """A room of `person`; its id."""
    response = await client.post("/api/v1/chat/rooms", headers=person.headers, json={"title": title})
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def seed(client: httpx.AsyncClient, path: str, token: str, **fields: object) -> dict[str, Any]:
    """POST a seed-protocol envelope (`accessToken`, `sequence`) and return its JSON answer."""
    response = await client.post(path, json={"accessToken": token, "sequence": 7, **fields})
    assert response.status_code == 200, response.text
    return response.json()


async def ws_auth_outcome(host: str, token: str) -> str:
    """`ready` when the socket accepts `token`, else `closed <code>`."""
    async with websockets.connect(f"ws://{host}/ws/chat") as socket:
        await socket.send(json.dumps({"type": "auth", "token": token}))
        try:
            return json.loads(await asyncio.wait_for(socket.recv(), FRAME_TIMEOUT_S))["type"]
        except ConnectionClosed as closed:
            return f"closed {closed.rcvd.code if closed.rcvd else None}"


@asynccontextmanager
async def ws_session(host: str, token: str) -> AsyncIterator[websockets.ClientConnection]:
    """An authenticated chat socket."""
    async with websockets.connect(f"ws://{host}/ws/chat") as socket:
        await socket.send(json.dumps({"type": "auth", "token": token}))
        assert json.loads(await asyncio.wait_for(socket.recv(), FRAME_TIMEOUT_S))["type"] == "ready"
        yield socket


async def ws_outcome(socket: websockets.ClientConnection, frame: dict[str, Any]) -> dict[str, Any]:
    """Send a frame and return the server's conclusive frame (`final`, `error`, `pong`), skipping
    `typing` and `delta`; a close comes back as `{"type": "closed", "code": ...}`."""
    await socket.send(json.dumps(frame))
    try:
        while True:
            reply = json.loads(await asyncio.wait_for(socket.recv(), FRAME_TIMEOUT_S))
            if reply["type"] not in ("typing", "delta"):
                return reply
    except ConnectionClosed as closed:
        return {"type": "closed", "code": closed.rcvd.code if closed.rcvd else None}
