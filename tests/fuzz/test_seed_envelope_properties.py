"""Properties of the seed protocol (`/account/*`, `/chatbot/*`): any valid envelope is answered with the
envelope, its `sequence` echoed and what it stored read back the same; anything else is a 422 with the
shared error body, never another status (on SQLite, and on MariaDB + Redis)."""

import ipaddress
import itertools
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st

from medichain.chat.pipeline import InvalidMessage, clean_message
from tests.conftest import client_for, signup_with
from tests.fuzz.conftest import examples

ADDRESSES = itertools.count(1)
SEQUENCE = st.integers(min_value=0, max_value=2**31 - 1)
TEXT = st.text(max_size=60)
USER_ID = st.from_regex(r"[a-z][a-z0-9_]{3,19}", fullmatch=True)
ROUTES = [
    "/account/signup",
    "/account/login",
    "/account/logout",
    *(f"/chatbot/{route}" for route in ("rooms", "room/new", "message", "history")),
]
FIELDS = ["id", "password", "accessToken", "sequence", "roomId", "message", "title", "user_id", "lat", "lng"]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
bodies = st.one_of(json_values, st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), json_values))


@asynccontextmanager
async def _client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client with an address of its own (TEST-NET-2 and on): examples log in with ids that do not
    exist, and many such failures from one address would get it blocked as credential stuffing."""
    async with client_for(app, ip=str(ipaddress.IPv4Address("198.51.100.0") + next(ADDRESSES))) as client:
        yield client


def _envelope(answer: httpx.Response, sequence: int) -> dict:
    """The envelope of a 200 answer, checked: an errorCode, the request's sequence."""
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert isinstance(body["errorCode"], int) and body["sequence"] == sequence
    return body


async def _post(client: httpx.AsyncClient, route: str, body: dict) -> dict:
    """A valid envelope sent, its answer checked and returned."""
    return _envelope(await client.post(route, json=body), body.get("sequence", 0))


@examples(0.3)
@given(USER_ID, st.text(min_size=1, max_size=128), SEQUENCE, SEQUENCE)
async def test_account_envelopes_round_trip(
    loaded_app: FastAPI, user_id: str, password: str, first: int, second: int
) -> None:
    """Ids are made unique: a taken id is checked on its own below."""
    credentials = {"id": f"{user_id}{uuid.uuid4().hex[:6]}", "password": password, "accessToken": ""}
    async with _client(loaded_app) as client:
        signup = await _post(client, "/account/signup", {**credentials, "sequence": first})
        assert signup["errorCode"] in (0, 400)
        assert bool(signup["accessToken"]) == (signup["errorCode"] == 0) == bool(signup["refreshToken"])
        assert signup["errorCode"] == 0 or signup["message"]
        login = await _post(client, "/account/login", {**credentials, "sequence": second})
        assert login["errorCode"] == (0 if signup["errorCode"] == 0 else 404)
        if signup["errorCode"] == 0:
            again = await _post(client, "/account/signup", {**credentials, "sequence": second})
            assert again["errorCode"] == 409
            logout = await _post(
                client, "/account/logout", {"accessToken": login["accessToken"], "sequence": first}
            )
            assert logout["errorCode"] == 0
            after = await _post(
                client, "/chatbot/rooms", {"accessToken": login["accessToken"], "sequence": second}
            )
            assert after["errorCode"] == 401


@examples(0.2)
@given(st.text(max_size=200), st.text(min_size=1, max_size=300), SEQUENCE, SEQUENCE)
async def test_chat_envelopes_round_trip(
    loaded_app: FastAPI, title: str, message: str, first: int, second: int
) -> None:
    async with _client(loaded_app) as client:
        token = (await signup_with(client)())["access_token"]
        room = await _post(
            client, "/chatbot/room/new", {"accessToken": token, "sequence": first, "title": title}
        )
        rooms = await _post(client, "/chatbot/rooms", {"accessToken": token, "sequence": second})
        assert [(r["roomId"], r["title"]) for r in rooms["rooms"]] == [(room["roomId"], title or "새 대화")]
        sent = {"accessToken": token, "sequence": second, "roomId": room["roomId"], "message": message}
        answer = await _post(client, "/chatbot/message", sent)
        history = await _post(
            client, "/chatbot/history", {"accessToken": token, "sequence": first, "roomId": room["roomId"]}
        )
    stored = [(m["role"], m["content"], m["sequence"]) for m in history["messages"]]
    try:
        clean_message(message)
    except InvalidMessage:  # nothing left after control characters and surrounding space
        assert answer["errorCode"] == 400 and answer["message"] and stored == []
        return
    assert answer["errorCode"] == 0 and answer["messageId"] and answer["roomId"] == room["roomId"]
    assert stored == [("user", message, second), ("assistant", answer["message"], second)]  # as sent


@examples(0.5)
@given(st.sampled_from(ROUTES), bodies, st.booleans())
async def test_any_body_gets_the_envelope_or_a_422(
    loaded_app: FastAPI, route: str, body: object, with_token: bool
) -> None:
    """A valid token is put into some object bodies, so that requests get past authentication too."""
    async with _client(loaded_app) as client:
        if with_token and isinstance(body, dict):
            body["accessToken"] = (await signup_with(client)())["access_token"]
        answer = await client.post(route, json=body)
    if answer.status_code == 422:
        error = answer.json()
        assert set(error) == {"error", "request_id"}
        assert error["error"]["code"] in ("validation_error", "invalid_json")
        assert error["error"]["message"] and error["error"]["details"]
        return
    assert isinstance(body, dict), answer.text
    _envelope(answer, body.get("sequence", 0))
