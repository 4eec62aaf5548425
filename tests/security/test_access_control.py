"""Access control: one person going after another's rooms and messages (IDOR) through REST, SSE,
WebSocket and the seed routes, with the victim on the same shard and on the other one; and every admin
endpoint called by people who are not admins.

`tests/chat/test_turns.py::test_rooms_are_private` is the REST smoke test; this is the full matrix."""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import jwt
import pytest
from fastapi import FastAPI

from medichain.accounts.schemas import ProfileFields
from medichain.config import Settings
from tests.conftest import client_for
from tests.security.channels import Person, new_person, new_room, seed, ws_outcome, ws_session
from tests.security.conftest import fresh_ip
from tests.security.ledger import Ledger


@dataclass
class Scene:
    """The owner's room with one answered turn and a rating, and intruders on both shards."""

    client: httpx.AsyncClient
    ws_host: str
    owner: Person
    room_id: str
    question_id: int
    answer_id: int
    secret_word: str
    intruders: dict[str, Person]

    async def owner_state(self) -> tuple[Any, ...]:
        """What the owner sees of their room; any change made by an intruder shows here."""
        messages = await self.client.get(
            f"/api/v1/chat/rooms/{self.room_id}/messages", headers=self.owner.headers
        )
        rooms = await self.client.get("/api/v1/chat/rooms", headers=self.owner.headers)
        export = (await self.client.get("/api/v1/account/export", headers=self.owner.headers)).json()
        return (
            [(m["id"], m["content"]) for m in messages.json()],
            [(r["id"], r["title"]) for r in rooms.json()],
            [(f["message_id"], f["score"], f["comment"]) for f in export["feedback"]],
        )


@pytest.fixture(scope="module")
async def scene(security_app: FastAPI, ws_host: str) -> Any:
    async with client_for(security_app, ip=fresh_ip()) as client:
        owner = await new_person(client)
        secret_word = f"zq{uuid.uuid4().hex[:8]}"
        room_id = await new_room(client, owner, f"내 상담 {secret_word}")
        turn = await client.post(
            f"/api/v1/chat/rooms/{room_id}/messages",
            headers=owner.headers,
            json={"text": f"두통이 있어요 {secret_word}", "sequence": 1},
        )
        assert turn.status_code == 200, turn.text
        answer_id = turn.json()["message_id"]
        rated = await client.post(
            f"/api/v1/chat/messages/{answer_id}/feedback",
            headers=owner.headers,
            json={"score": 4, "comment": "좋아요"},
        )
        assert rated.status_code == 201
        dbs = security_app.state.platform.dbs
        owner_shard = await dbs.shard_of(owner.user_id)
        intruders: dict[str, Person] = {}
        while len(intruders) < 2:
            intruder = await new_person(client)
            same = await dbs.shard_of(intruder.user_id) == owner_shard
            intruders.setdefault("same shard" if same else "other shard", intruder)
        yield Scene(client, ws_host, owner, room_id, answer_id - 1, answer_id, secret_word, intruders)


Attempt = Callable[[Scene, Person], Awaitable[tuple[bool, object]]]
"""An intrusion: (let through?, evidence)."""


def _rest(method: str, path: str, body: dict | None = None, params: dict | None = None) -> Attempt:
    async def attempt(scene: Scene, intruder: Person) -> tuple[bool, object]:
        url = path.format(room=scene.room_id, question=scene.question_id, answer=scene.answer_id)
        response = await scene.client.request(method, url, headers=intruder.headers, json=body, params=params)
        return response.status_code != 404, f"{response.status_code} {response.text[:200]}"

    return attempt


def _ws(frame: dict) -> Attempt:
    async def attempt(scene: Scene, intruder: Person) -> tuple[bool, object]:
        async with ws_session(scene.ws_host, intruder.access) as socket:
            reply = await ws_outcome(socket, {**frame, "room_id": scene.room_id})
        return not (reply["type"] == "error" and reply["code"] == "not_found"), reply

    return attempt


def _seed(path: str, **fields: object) -> Attempt:
    async def attempt(scene: Scene, intruder: Person) -> tuple[bool, object]:
        values = {k: (scene.room_id if v == "{room}" else v) for k, v in fields.items()}
        answer = await seed(scene.client, path, intruder.access, **values)
        return answer["errorCode"] != 404, answer

    return attempt


async def _search(scene: Scene, intruder: Person) -> tuple[bool, object]:
    found = await scene.client.get(
        "/api/v1/chat/rooms", headers=intruder.headers, params={"q": scene.secret_word}
    )
    return found.status_code != 200 or found.json() != [], found.text


async def _export(scene: Scene, intruder: Person) -> tuple[bool, object]:
    export = await scene.client.get("/api/v1/account/export", headers=intruder.headers)
    return scene.secret_word in export.text or scene.room_id in export.text, export.text[:300]


async def _seed_naming_the_owner(scene: Scene, intruder: Person) -> tuple[bool, object]:
    answer = await seed(
        scene.client, "/chatbot/message", intruder.access, message="감기", user_id=scene.owner.user_id
    )
    return answer["roomId"] == scene.room_id or answer["errorCode"] != 0, answer


async def _seed_rooms(scene: Scene, intruder: Person) -> tuple[bool, object]:
    answer = await seed(scene.client, "/chatbot/rooms", intruder.access)
    return scene.room_id in str(answer["rooms"]), answer


INTRUSIONS: dict[str, Attempt] = {
    "REST read messages": _rest("GET", "/api/v1/chat/rooms/{room}/messages"),
    "REST read a page of messages": _rest(
        "GET", "/api/v1/chat/rooms/{room}/messages", params={"before_id": 10**9}
    ),
    "REST rename": _rest("PATCH", "/api/v1/chat/rooms/{room}", {"title": "hacked"}),
    "REST delete": _rest("DELETE", "/api/v1/chat/rooms/{room}"),
    "REST post a message": _rest(
        "POST", "/api/v1/chat/rooms/{room}/messages", {"text": "두통", "sequence": 99}
    ),
    "REST resend the owner's sequence": _rest(
        "POST", "/api/v1/chat/rooms/{room}/messages", {"text": "두통", "sequence": 1}
    ),
    "SSE stream the owner's sequence": _rest(
        "POST", "/api/v1/chat/rooms/{room}/stream", {"text": "x", "sequence": 1}
    ),
    "REST rate the owner's answer": _rest("POST", "/api/v1/chat/messages/{answer}/feedback", {"score": 1}),
    "REST rate the owner's question": _rest(
        "POST", "/api/v1/chat/messages/{question}/feedback", {"score": 1}
    ),
    "REST search the owner's words": _search,
    "REST export": _export,
    "WebSocket message in the room": _ws({"type": "message", "text": "두통", "sequence": 99}),
    "WebSocket resend the owner's sequence": _ws({"type": "message", "text": "두통", "sequence": 1}),
    "WebSocket resume the owner's sequence": _ws({"type": "resume", "sequence": 1}),
    "seed history": _seed("/chatbot/history", roomId="{room}"),
    "seed message in the room": _seed("/chatbot/message", roomId="{room}", message="두통"),
    "seed message naming the owner": _seed_naming_the_owner,
    "seed room list": _seed_rooms,
}


@pytest.mark.parametrize("placement", ["same shard", "other shard"])
@pytest.mark.parametrize("name", INTRUSIONS)
async def test_another_persons_rooms_and_messages(
    name: str, placement: str, scene: Scene, attacks: Ledger
) -> None:
    before = await scene.owner_state()
    let_through, evidence = await INTRUSIONS[name](scene, scene.intruders[placement])
    changed = await scene.owner_state() != before
    attacks.attempt("idor", f"{name} ({placement})", let_through or changed, evidence)


async def test_the_owner_does_reach_the_room(scene: Scene, ws_host: str) -> None:
    """The control: the same requests by the owner succeed, so the 404s above are refusals."""
    messages = await scene.client.get(
        f"/api/v1/chat/rooms/{scene.room_id}/messages", headers=scene.owner.headers
    )
    assert [m["id"] for m in messages.json()] == [scene.question_id, scene.answer_id]
    history = await seed(scene.client, "/chatbot/history", scene.owner.access, roomId=scene.room_id)
    assert history["errorCode"] == 0
    async with ws_session(ws_host, scene.owner.access) as socket:
        resumed = await ws_outcome(socket, {"type": "resume", "room_id": scene.room_id, "sequence": 1})
    assert resumed["type"] == "final" and resumed["message_id"] == scene.answer_id


# --- admin endpoints


def _admin_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every admin operation the application publishes (new ones are covered without editing this)."""
    return sorted(
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith("/api/v1/admin")
        for method in operations
    )


@pytest.fixture(scope="module")
async def admin(security_app: FastAPI) -> Person:
    """A real admin (the control)."""
    user_id = f"admin{uuid.uuid4().hex[:8]}"
    tokens = await security_app.state.platform.accounts.signup(
        user_id, "admin-horse-8", ProfileFields(), role="admin"
    )
    return Person(user_id, "admin-horse-8", tokens.model_dump())


def _credentials(kind: str, person: Person, settings: Settings) -> dict[str, str]:
    claims = jwt.decode(person.access, options={"verify_signature": False})
    token = {
        "anonymous": None,
        "user": person.access,
        "alg none admin": jwt.encode({**claims, "role": "admin"}, None, algorithm="none"),
        "signed admin claim on a user session": jwt.encode(
            {**claims, "role": "admin"}, settings.jwt_secret.get_secret_value(), algorithm="HS256"
        ),
    }[kind]
    return {"Authorization": f"Bearer {token}"} if token else {}


ADMIN_BODIES = {"/api/v1/admin/shards": {"url": "mysql://evil:evil@127.0.0.1:1/medichain_evil"}}
EXPECTED = {"anonymous": 401, "user": 403, "alg none admin": 401, "signed admin claim on a user session": 403}


@pytest.mark.parametrize("kind", EXPECTED)
async def test_admin_endpoints_are_closed(
    kind: str,
    security_app: FastAPI,
    security_settings: Settings,
    http: httpx.AsyncClient,
    person: Person,
    admin: Person,
    attacks: Ledger,
) -> None:
    routes = _admin_routes(security_app)
    assert len(routes) >= 10, routes
    headers = _credentials(kind, person, security_settings)
    for method, path in routes:
        url = path.format(user_id=admin.user_id, ip="203.0.113.99")
        response = await http.request(method, url, headers=headers, json=ADMIN_BODIES.get(path))
        attacks.attempt(
            "admin_access",
            f"{kind}: {method} {path}",
            response.status_code != EXPECTED[kind],
            response.text[:200],
        )
    # The admin was not touched by any of it (not disabled, deleted or locked).
    assert (await http.get("/api/v1/admin/users", headers=admin.headers)).status_code == 200


async def test_admin_reaches_every_read_endpoint(
    security_app: FastAPI, http: httpx.AsyncClient, admin: Person
) -> None:
    """The control: the admin's token opens the GET endpoints the refusals above were about."""
    for method, path in _admin_routes(security_app):
        if method == "GET":
            assert (await http.get(path, headers=admin.headers)).status_code == 200, path


async def _role(http: httpx.AsyncClient, token: str) -> str:
    return (await http.get("/api/v1/account/profile", headers={"Authorization": f"Bearer {token}"})).json()[
        "role"
    ]


async def _signup_with(http: httpx.AsyncClient, extra: dict[str, object]) -> tuple[bool, object]:
    user_id = f"m{uuid.uuid4().hex[:10]}"
    response = await http.post(
        "/api/v1/auth/signup", json={"user_id": user_id, "password": "correct-horse-9", **extra}
    )
    let_through = (
        response.status_code == 201 and await _role(http, response.json()["access_token"]) == "admin"
    )
    return let_through, response.text[:200]


async def _seed_signup_with_role(http: httpx.AsyncClient, person: Person) -> tuple[bool, object]:
    answer = (
        await http.post(
            "/account/signup",
            json={"id": f"m{uuid.uuid4().hex[:10]}", "password": "correct-horse-9", "role": "admin"},
        )
    ).json()
    return bool(answer.get("accessToken")) and await _role(http, answer["accessToken"]) == "admin", answer


async def _profile_role(http: httpx.AsyncClient, person: Person) -> tuple[bool, object]:
    response = await http.patch("/api/v1/account/profile", headers=person.headers, json={"role": "admin"})
    return await _role(http, person.access) == "admin", response.text[:200]


ESCALATIONS: dict[str, Callable[[httpx.AsyncClient, Person], Awaitable[tuple[bool, object]]]] = {
    "signup with role admin": lambda http, _: _signup_with(http, {"role": "admin"}),
    "signup with is_admin": lambda http, _: _signup_with(http, {"is_admin": True}),
    "seed signup with role admin": _seed_signup_with_role,
    "profile update with role admin": _profile_role,
}


@pytest.mark.parametrize("name", ESCALATIONS)
async def test_people_cannot_make_themselves_admin(
    name: str, http: httpx.AsyncClient, person: Person, attacks: Ledger
) -> None:
    let_through, evidence = await ESCALATIONS[name](http, person)
    attacks.attempt("admin_access", name, let_through, evidence)
