"""SQL, script and template payloads in every text field: stored as given, returned as given, as JSON that
a browser will not run (nosniff, `default-src 'none'`), and never a 500; identifiers carrying payloads
are refused and the address that keeps sending them is blocked."""

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from tests.conftest import client_for
from tests.security.channels import Person, new_person, new_room, seed, ws_outcome, ws_session
from tests.security.conftest import fresh_ip
from tests.security.ledger import Ledger

PAYLOADS = [
    "' OR '1'='1",
    "'; DROP TABLE users; --",
    '" UNION SELECT password_hash FROM users --',
    "1; SELECT SLEEP(5)",
    "<script>alert(document.cookie)</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "\\' \\\" \\\\ %_",
    "가나다 🙂 ' -- /*",
    "nul\x00byte",
]


def _not_inert(response: httpx.Response) -> str:
    """Why a response could be run by a browser or shows a server fault ('' when it is inert)."""
    if response.status_code >= 500:
        return f"status {response.status_code}"
    if not response.headers.get("content-type", "").startswith("application/json"):
        return f"content-type {response.headers.get('content-type')}"
    if response.headers.get("x-content-type-options") != "nosniff":
        return "no nosniff"
    return ""


class Field:
    """Stores a payload through one field and reads it back: (what came back, the responses seen)."""

    def __init__(self, client: httpx.AsyncClient, person: Person, ws_host: str) -> None:
        self.client = client
        self.person = person
        self.ws_host = ws_host
        self.sequence = 0
        self.room_id = ""

    async def room(self) -> str:
        if not self.room_id:
            self.room_id = await new_room(self.client, self.person, "plain")
        return self.room_id

    async def get(self, path: str, **params: object) -> httpx.Response:
        return await self.client.get(path, headers=self.person.headers, params=params)

    async def profile(self, field: str, payload: str) -> tuple[Any, list[httpx.Response]]:
        value: object = [payload] if field == "medications" else payload
        written = await self.client.patch(
            "/api/v1/account/profile", headers=self.person.headers, json={field: value}
        )
        read = await self.get("/api/v1/account/profile")
        stored = read.json()[field]
        return (stored[0] if field == "medications" else stored), [written, read]

    async def signup_name(self, payload: str) -> tuple[Any, list[httpx.Response]]:
        other = await new_person(self.client, name=payload)
        read = await self.client.get("/api/v1/account/profile", headers=other.headers)
        return read.json()["name"], [read]

    async def room_title(self, payload: str) -> tuple[Any, list[httpx.Response]]:
        created = await self.client.post(
            "/api/v1/chat/rooms", headers=self.person.headers, json={"title": payload}
        )
        listed = await self.get("/api/v1/chat/rooms")
        titles = {r["id"]: r["title"] for r in listed.json()}
        return titles.get(created.json()["id"]), [created, listed]

    async def room_rename(self, payload: str) -> tuple[Any, list[httpx.Response]]:
        room_id = await self.room()
        renamed = await self.client.patch(
            f"/api/v1/chat/rooms/{room_id}", headers=self.person.headers, json={"title": payload}
        )
        listed = await self.get("/api/v1/chat/rooms")
        return {r["id"]: r["title"] for r in listed.json()}[room_id], [renamed, listed]

    async def seed_title(self, payload: str) -> tuple[Any, list[httpx.Response]]:
        created = await seed(self.client, "/chatbot/room/new", self.person.access, title=payload)
        rooms = await seed(self.client, "/chatbot/rooms", self.person.access)
        return {r["roomId"]: r["title"] for r in rooms["rooms"]}[created["roomId"]], []

    async def _question(self, room_id: str) -> Any:
        messages = (await self.get(f"/api/v1/chat/rooms/{room_id}/messages", limit=200)).json()
        return next(m["content"] for m in messages if m["role"] == "user" and m["sequence"] == self.sequence)

    async def message(self, payload: str) -> tuple[Any, list[httpx.Response]]:
        room_id = await self.room()
        self.sequence += 1
        sent = await self.client.post(
            f"/api/v1/chat/rooms/{room_id}/messages",
            headers=self.person.headers,
            json={"text": payload, "sequence": self.sequence},
        )
        return await self._question(room_id), [sent]

    async def seed_message(self, payload: str) -> tuple[Any, list[httpx.Response]]:
        room_id = await self.room()
        self.sequence += 1
        await seed(
            self.client,
            "/chatbot/message",
            self.person.access,
            roomId=room_id,
            message=payload,
            sequence=self.sequence,
        )
        history = await seed(self.client, "/chatbot/history", self.person.access, roomId=room_id)
        return next(
            m["content"]
            for m in history["messages"]
            if m["sequence"] == self.sequence and m["role"] == "user"
        ), []

    async def ws_message(self, payload: str) -> tuple[Any, list[httpx.Response]]:
        room_id = await self.room()
        self.sequence += 1
        async with ws_session(self.ws_host, self.person.access) as socket:
            reply = await ws_outcome(
                socket, {"type": "message", "room_id": room_id, "text": payload, "sequence": self.sequence}
            )
        assert reply["type"] == "final", reply
        return await self._question(room_id), []

    async def feedback_comment(self, payload: str) -> tuple[Any, list[httpx.Response]]:
        room_id = await self.room()
        if not self.sequence:
            await self.message("감기")
        messages = (await self.get(f"/api/v1/chat/rooms/{room_id}/messages")).json()
        answer_id = next(m["id"] for m in messages if m["role"] == "assistant")
        rated = await self.client.post(
            f"/api/v1/chat/messages/{answer_id}/feedback",
            headers=self.person.headers,
            json={"score": 3, "comment": payload},
        )
        export = await self.get("/api/v1/account/export")
        return export.json()["feedback"][0]["comment"], [rated, export]


STORE_AND_READ: dict[str, Callable[[Field, str], Awaitable[tuple[Any, list[httpx.Response]]]]] = {
    "profile name": lambda f, p: f.profile("name", p),
    "saved medication": lambda f, p: f.profile("medications", p),
    "name given at signup": Field.signup_name,
    "room title": Field.room_title,
    "room rename": Field.room_rename,
    "seed room title": Field.seed_title,
    "REST message": Field.message,
    "seed message": Field.seed_message,
    "WebSocket message": Field.ws_message,
    "feedback comment": Field.feedback_comment,
}


@pytest.mark.parametrize("field", STORE_AND_READ)
async def test_payload_is_stored_and_returned_as_given(
    field: str, http: httpx.AsyncClient, person: Person, ws_host: str, attacks: Ledger
) -> None:
    target = Field(http, person, ws_host)
    for payload in PAYLOADS:
        returned, responses = await STORE_AND_READ[field](target, payload)
        faults = [reason for reason in map(_not_inert, responses) if reason]
        attacks.attempt(
            "stored_injection",
            f"{field}: {payload!r}",
            returned != payload or bool(faults),
            (returned, faults),
        )


async def test_search_terms_are_literal(security_app: FastAPI, person: Person, attacks: Ledger) -> None:
    """LIKE wildcards and quotes in `q` match literally: a room titled 'plain' matches none of them. (Each
    search comes from its own address: payloads in a URL count as probes, and five block the address.)"""
    for payload in [*PAYLOADS, "%", "_____", "' OR title LIKE '%"]:
        async with client_for(security_app, ip=fresh_ip()) as client:
            await new_room(client, person, "plain")
            found = await client.get("/api/v1/chat/rooms", headers=person.headers, params={"q": payload})
        fault = _not_inert(found)
        attacks.attempt(
            "stored_injection",
            f"room search: {payload!r}",
            bool(fault) or found.json() != [],
            fault or found.text,
        )


async def test_login_field(http: httpx.AsyncClient, person: Person, attacks: Ledger) -> None:
    for payload in [*PAYLOADS, f"{person.user_id}' --", f"{person.user_id}' OR '1'='1"]:
        response = await http.post("/api/v1/auth/login", json={"login": payload, "password": "x"})
        fault = _not_inert(response)
        attacks.attempt(
            "stored_injection", f"login: {payload!r}", response.status_code == 200 or bool(fault), fault
        )


async def test_payloads_in_identifiers_are_refused_then_blocked(
    security_app: FastAPI, attacks: Ledger
) -> None:
    async with client_for(security_app, ip=fresh_ip()) as client:
        person = await new_person(client)
        probes = ["' OR '1'='1' --", "1 UNION SELECT 1,2 --", "<script>alert(1)</script>", "../../etc/passwd"]
        for payload in probes:
            room = quote(payload.ljust(36, "x"), safe="")
            response = await client.get(f"/api/v1/chat/rooms/{room}/messages", headers=person.headers)
            fault = _not_inert(response)
            attacks.attempt(
                "stored_injection",
                f"room id: {payload!r}",
                response.status_code not in (404, 422) or bool(fault),
                fault or response.text,
            )
        response = await client.get("/api/v1/admin/users", params={"shard_id": "1' OR '1'='1"})
        blocked = await client.get("/api/v1/account/profile", headers=person.headers)
        attacks.attempt(
            "stored_injection", "fifth probe from one address", blocked.status_code != 403, blocked.text
        )


async def test_tables_survive(security_app: FastAPI, http: httpx.AsyncClient) -> None:
    """After every payload above, the tables are there and still work."""
    dbs = security_app.state.platform.dbs
    for shard_id in dbs.shards:
        async with dbs.shard_session(shard_id) as session:
            assert await session.scalar(text("SELECT COUNT(*) FROM users")) > 0
    assert await new_person(http)
