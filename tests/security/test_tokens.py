"""Forged access tokens on every channel, refresh-token attacks, and sessions that must end.

`tests/accounts/test_tokens.py` covers rotation and the REST basics; here every forgery is tried on REST,
the seed routes and the WebSocket, and sessions are ended while sockets are open."""

import asyncio
import base64
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable

import httpx
import jwt
import pytest
from fastapi import FastAPI

from medichain.config import Settings
from tests.conftest import client_for
from tests.security.channels import (
    Person,
    login,
    new_person,
    new_room,
    seed,
    ws_auth_outcome,
    ws_outcome,
    ws_session,
)
from tests.security.conftest import fresh_ip
from tests.security.ledger import Ledger


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _assemble(header: dict, claims: dict, signature: str = "") -> str:
    return ".".join([_b64(json.dumps(header).encode()), _b64(json.dumps(claims).encode()), signature])


def _signed_with_empty_key(header: dict, claims: dict) -> str:
    """HS256 over an empty key (PyJWT refuses to make one), as a `kid: /dev/null` attack does."""
    unsigned = _assemble(header, claims).rstrip(".")
    return f"{unsigned}.{_b64(hmac.new(b'', unsigned.encode(), hashlib.sha256).digest())}"


Forge = Callable[[str, dict, str], str]
"""(real token, its claims, the server's key) → a forged token."""

FORGERIES: dict[str, Forge] = {
    "alg none, admin role": lambda t, c, k: jwt.encode({**c, "role": "admin"}, None, algorithm="none"),
    "alg None, no signature": lambda t, c, k: _assemble({"alg": "None", "typ": "JWT"}, c),
    "alg none, original signature": lambda t, c, k: _assemble({"alg": "none"}, c, t.rsplit(".", 1)[1]),
    "HS512 with the real key": lambda t, c, k: jwt.encode(c, k, algorithm="HS512"),
    "HS256 with a guessed key": lambda t, c, k: jwt.encode(c, "secret" * 8, algorithm="HS256"),
    "kid path traversal, empty key": lambda t, c, k: _signed_with_empty_key(
        {"alg": "HS256", "kid": "../../../../dev/null"}, c
    ),
    "expired": lambda t, c, k: jwt.encode({**c, "exp": int(time.time()) - 10}, k, algorithm="HS256"),
    "not yet valid": lambda t, c, k: jwt.encode({**c, "nbf": int(time.time()) + 3600}, k, algorithm="HS256"),
    "wrong issuer": lambda t, c, k: jwt.encode({**c, "iss": "evil"}, k, algorithm="HS256"),
    "refresh type": lambda t, c, k: jwt.encode({**c, "typ": "refresh"}, k, algorithm="HS256"),
    "no session id": lambda t, c, k: jwt.encode({x: v for x, v in c.items() if x != "sid"}, k, "HS256"),
    "session nobody started": lambda t, c, k: jwt.encode({**c, "sid": uuid.uuid4().hex}, k, "HS256"),
    "tampered claims, original signature": lambda t, c, k: _assemble(
        {"alg": "HS256", "typ": "JWT"}, {**c, "sub": "admin", "role": "admin"}, t.rsplit(".", 1)[1]
    ),
    "truncated signature": lambda t, c, k: t[:-6],
    "garbage": lambda t, c, k: "not-a-token",
    "empty": lambda t, c, k: "",
}


@pytest.fixture(scope="module")
async def victim(security_app: FastAPI) -> Person:
    """The account whose token is forged."""
    async with client_for(security_app, ip=fresh_ip()) as client:
        return await new_person(client)


def _forge(name: str, victim: Person, settings: Settings) -> str:
    claims = jwt.decode(victim.access, options={"verify_signature": False})
    return FORGERIES[name](victim.access, claims, settings.jwt_secret.get_secret_value())


@pytest.mark.parametrize("name", FORGERIES)
async def test_forged_access_token_over_rest(
    name: str, victim: Person, security_settings: Settings, http: httpx.AsyncClient, attacks: Ledger
) -> None:
    token = _forge(name, victim, security_settings)
    response = await http.get("/api/v1/account/profile", headers={"Authorization": f"Bearer {token}"})
    attacks.attempt("jwt_forgery", f"REST: {name}", response.status_code != 401, response.text)


@pytest.mark.parametrize("name", FORGERIES)
async def test_forged_access_token_on_seed_routes(
    name: str, victim: Person, security_settings: Settings, http: httpx.AsyncClient, attacks: Ledger
) -> None:
    answer = await seed(http, "/chatbot/rooms", _forge(name, victim, security_settings))
    attacks.attempt("jwt_forgery", f"seed: {name}", answer["errorCode"] != 401, answer)


@pytest.mark.parametrize("name", FORGERIES)
async def test_forged_access_token_on_websocket(
    name: str, victim: Person, security_settings: Settings, ws_host: str, attacks: Ledger
) -> None:
    outcome = await ws_auth_outcome(ws_host, _forge(name, victim, security_settings))
    attacks.attempt("jwt_forgery", f"WebSocket: {name}", outcome != "closed 4401", outcome)


async def test_the_real_token_is_accepted_everywhere(
    victim: Person, http: httpx.AsyncClient, ws_host: str
) -> None:
    """The control: the channels above do accept a genuine token, so their refusals mean something."""
    assert (await http.get("/api/v1/account/profile", headers=victim.headers)).status_code == 200
    assert (await seed(http, "/chatbot/rooms", victim.access))["errorCode"] == 0
    assert await ws_auth_outcome(ws_host, victim.access) == "ready"


# --- refresh tokens


async def _refresh(http: httpx.AsyncClient, token: str) -> httpx.Response:
    return await http.post("/api/v1/auth/refresh", json={"refresh_token": token})


def _with_secret(token: str, secret: str) -> str:
    family, generation, _ = token.split(".")
    return f"{family}.{generation}.{secret}"


async def _rotated_replay(http: httpx.AsyncClient, person: Person) -> bool:
    rotated = (await _refresh(http, person.tokens["refresh_token"])).json()
    replay = await _refresh(http, person.tokens["refresh_token"])
    successor = await _refresh(http, rotated["refresh_token"])
    profile = await http.get(
        "/api/v1/account/profile", headers={"Authorization": f"Bearer {rotated['access_token']}"}
    )
    return 200 in (replay.status_code, successor.status_code, profile.status_code)


async def _after_logout(http: httpx.AsyncClient, person: Person) -> bool:
    await http.post("/api/v1/auth/logout", headers=person.headers)
    return (await _refresh(http, person.tokens["refresh_token"])).status_code == 200


async def _after_password_change(http: httpx.AsyncClient, person: Person) -> bool:
    other = await login(http, person)
    await http.post(
        "/api/v1/account/password",
        headers=other.headers,
        json={"current_password": person.password, "new_password": "another-horse-7"},
    )
    return (await _refresh(http, person.tokens["refresh_token"])).status_code == 200


async def _forged_secret(http: httpx.AsyncClient, person: Person) -> bool:
    forged = _with_secret(person.tokens["refresh_token"], "A" * 43)
    return (await _refresh(http, forged)).status_code == 200


async def _forged_next_generation(http: httpx.AsyncClient, person: Person) -> bool:
    family, generation, secret = person.tokens["refresh_token"].split(".")
    return (await _refresh(http, f"{family}.{int(generation) + 1}.{secret}")).status_code == 200


async def _access_token_as_refresh(http: httpx.AsyncClient, person: Person) -> bool:
    return (await _refresh(http, person.access)).status_code == 200


async def _deleted_account(http: httpx.AsyncClient, person: Person) -> bool:
    await http.post("/api/v1/account/delete", headers=person.headers, json={"password": person.password})
    return (await _refresh(http, person.tokens["refresh_token"])).status_code == 200


async def _concurrent_replay(http: httpx.AsyncClient, person: Person) -> bool:
    answers = await asyncio.gather(*(_refresh(http, person.tokens["refresh_token"]) for _ in range(6)))
    return sum(a.status_code == 200 for a in answers) > 1


REFRESH_ATTACKS = {
    "rotated token replayed": _rotated_replay,
    "after logout": _after_logout,
    "after a password change elsewhere": _after_password_change,
    "forged secret on a live family": _forged_secret,
    "forged next generation": _forged_next_generation,
    "access token presented as refresh token": _access_token_as_refresh,
    "deleted account": _deleted_account,
    "six concurrent presentations of one token": _concurrent_replay,
}


@pytest.mark.parametrize("name", REFRESH_ATTACKS)
async def test_refresh_token_attacks(
    name: str, http: httpx.AsyncClient, person: Person, attacks: Ledger
) -> None:
    attacks.attempt("refresh_token", name, await REFRESH_ATTACKS[name](http, person))


# --- sessions that end


async def test_logout_ends_the_session_on_every_channel(
    http: httpx.AsyncClient, person: Person, ws_host: str, attacks: Ledger
) -> None:
    async with ws_session(ws_host, person.access) as socket:
        room_id = await new_room(http, person)
        assert (await http.post("/api/v1/auth/logout", headers=person.headers)).status_code == 204
        reply = await ws_outcome(
            socket, {"type": "message", "room_id": room_id, "text": "두통", "sequence": 1}
        )
        attacks.attempt(
            "session", "socket opened before logout keeps chatting", reply["type"] != "closed", reply
        )
    profile = await http.get("/api/v1/account/profile", headers=person.headers)
    attacks.attempt("session", "REST after logout", profile.status_code != 401, profile.text)
    rooms = await seed(http, "/chatbot/rooms", person.access)
    attacks.attempt("session", "seed route after logout", rooms["errorCode"] != 401, rooms)
    outcome = await ws_auth_outcome(ws_host, person.access)
    attacks.attempt("session", "new socket after logout", outcome != "closed 4401", outcome)


async def test_seed_logout_is_honoured_by_rest(
    http: httpx.AsyncClient, person: Person, attacks: Ledger
) -> None:
    assert (await seed(http, "/account/logout", person.access))["errorCode"] == 0
    profile = await http.get("/api/v1/account/profile", headers=person.headers)
    attacks.attempt("session", "REST after seed logout", profile.status_code != 401, profile.text)


async def test_password_change_ends_open_sockets_of_other_sessions(
    http: httpx.AsyncClient, person: Person, ws_host: str, attacks: Ledger
) -> None:
    stolen = await login(http, person)
    room_id = await new_room(http, person)
    async with ws_session(ws_host, stolen.access) as socket:
        changed = await http.post(
            "/api/v1/account/password",
            headers=person.headers,
            json={"current_password": person.password, "new_password": "another-horse-7"},
        )
        assert changed.status_code == 204
        reply = await ws_outcome(socket, {"type": "resume", "room_id": room_id, "sequence": 1})
        attacks.attempt(
            "session", "stolen session's socket after password change", reply["type"] != "closed", reply
        )
    rooms = await seed(http, "/chatbot/rooms", stolen.access)
    attacks.attempt(
        "session", "stolen session on seed route after password change", rooms["errorCode"] != 401, rooms
    )


async def test_disabled_account_is_refused(
    http: httpx.AsyncClient, person: Person, security_app: FastAPI, attacks: Ledger
) -> None:
    await security_app.state.platform.accounts.set_active(person.user_id, False)
    profile = await http.get("/api/v1/account/profile", headers=person.headers)
    attacks.attempt("session", "access token of a disabled account", profile.status_code != 401, profile.text)
    again = await http.post("/api/v1/auth/login", json={"login": person.user_id, "password": person.password})
    attacks.attempt("session", "login to a disabled account", again.status_code == 200, again.text)
