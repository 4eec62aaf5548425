"""Automated abuse: password guessing against the lockout (from other addresses, other routes, and the
password-confirming endpoints), credential stuffing, and requests past the rate limits.

`tests/accounts/test_lockout.py` and `tests/core/test_rate_limits.py` test the mechanisms; here each is
attacked the way a script would, on MariaDB + Redis."""

from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
from fastapi import FastAPI

from medichain.config import Settings
from tests.conftest import client_for, live_server, running_app
from tests.security.channels import Person, new_person, seed, ws_outcome, ws_session
from tests.security.conftest import fresh_ip
from tests.security.ledger import Ledger

WRONG = "wrong-horse-1"
NO_ROOM = "0" * 36


async def _login(client: httpx.AsyncClient, login: str, password: str) -> int:
    return (await client.post("/api/v1/auth/login", json={"login": login, "password": password})).status_code


async def _seed_login(client: httpx.AsyncClient, login: str, password: str) -> int:
    response = await client.post("/account/login", json={"id": login, "password": password})
    if response.status_code != 200:  # refused before the route (address blocked, rate limited)
        return response.status_code
    return response.json()["errorCode"] or 200


async def _lock(client: httpx.AsyncClient, person: Person) -> None:
    """Five wrong guesses: the account locks."""
    codes = [await _login(client, person.user_id, WRONG) for _ in range(5)]
    assert codes == [401] * 5


# --- brute force past the lockout


async def _same_address(app: FastAPI, client: httpx.AsyncClient, person: Person) -> int:
    return await _login(client, person.user_id, person.password)


async def _other_address(app: FastAPI, client: httpx.AsyncClient, person: Person) -> int:
    async with client_for(app, ip=fresh_ip()) as elsewhere:
        return await _login(elsewhere, person.user_id, person.password)


async def _by_email(app: FastAPI, client: httpx.AsyncClient, person: Person) -> int:
    return await _login(client, f"{person.user_id}@example.com", person.password)


async def _seed_route(app: FastAPI, client: httpx.AsyncClient, person: Person) -> int:
    return await _seed_login(client, person.user_id, person.password)


async def _keep_guessing(app: FastAPI, client: httpx.AsyncClient, person: Person) -> int:
    """A locked account gives no verdict on further guesses (401 would tell a wrong one apart)."""
    code = await _login(client, person.user_id, WRONG)
    return 200 if code == 401 else code


AFTER_LOCK: dict[str, Callable[[FastAPI, httpx.AsyncClient, Person], Awaitable[int]]] = {
    "right password, same address": _same_address,
    "right password, another address": _other_address,
    "right password, by email": _by_email,
    "right password, seed login route": _seed_route,
    "further guesses get a verdict": _keep_guessing,
}


@pytest.mark.parametrize("name", AFTER_LOCK)
async def test_guessing_stops_at_the_lockout(
    name: str, security_app: FastAPI, http: httpx.AsyncClient, attacks: Ledger
) -> None:
    person = await new_person(http)
    await http.patch(
        "/api/v1/account/profile", headers=person.headers, json={"email": f"{person.user_id}@example.com"}
    )
    await _lock(http, person)
    code = await AFTER_LOCK[name](security_app, http, person)
    attacks.attempt("brute_force", name, code not in (423,), code)


async def test_guesses_on_both_login_routes_lock_together(http: httpx.AsyncClient, attacks: Ledger) -> None:
    person = await new_person(http)
    codes = [await _login(http, person.user_id, WRONG) for _ in range(3)]
    codes += [await _seed_login(http, person.user_id, WRONG) for _ in range(2)]
    assert codes == [401] * 5
    code = await _login(http, person.user_id, person.password)
    attacks.attempt("brute_force", "3 REST + 2 seed guesses, then the right password", code != 423, code)


async def _change_password(client: httpx.AsyncClient, person: Person, password: str) -> int:
    response = await client.post(
        "/api/v1/account/password",
        headers=person.headers,
        json={"current_password": password, "new_password": "taken-over-42"},
    )
    return response.status_code


async def _delete_account(client: httpx.AsyncClient, person: Person, password: str) -> int:
    response = await client.post(
        "/api/v1/account/delete", headers=person.headers, json={"password": password}
    )
    return response.status_code


CONFIRMATIONS = {"password change": _change_password, "account deletion": _delete_account}


@pytest.mark.parametrize("name", CONFIRMATIONS)
async def test_stolen_token_cannot_guess_the_password(
    name: str, http: httpx.AsyncClient, person: Person, attacks: Ledger
) -> None:
    """With a stolen access token, the endpoints that confirm the password are another guessing oracle."""
    confirm = CONFIRMATIONS[name]
    codes = [await confirm(http, person, f"guess-{n}-horse") for n in range(5)]
    assert codes == [401] * 5, codes
    code = await confirm(http, person, person.password)
    attacks.attempt("brute_force", f"{name}: right password after five wrong ones", code != 423, code)
    code = await _login(http, person.user_id, person.password)
    attacks.attempt("brute_force", f"{name}: login after five wrong confirmations", code != 423, code)


# --- credential stuffing


async def test_one_address_many_accounts(
    security_app: FastAPI, security_settings: Settings, http: httpx.AsyncClient, attacks: Ledger
) -> None:
    """A stuffing list: the address is blocked before the valid pair further down the list gets in."""
    async with client_for(security_app, ip=fresh_ip()) as elsewhere:
        real = await new_person(elsewhere)
    for n in range(security_settings.suspicious_accounts_per_ip):
        assert await _login(http, f"stuffed{n}x{real.user_id}", WRONG) == 401
    for where, attempt in (("REST", _login), ("seed", _seed_login)):
        code = await attempt(http, real.user_id, real.password)
        attacks.attempt("credential_stuffing", f"valid pair after the list, {where} login", code == 200, code)


async def test_many_addresses_one_account(security_app: FastAPI, person: Person, attacks: Ledger) -> None:
    """Guesses spread over addresses still count against the one account."""
    for _ in range(5):
        async with client_for(security_app, ip=fresh_ip()) as client:
            assert await _login(client, person.user_id, WRONG) == 401
    async with client_for(security_app, ip=fresh_ip()) as client:
        code = await _login(client, person.user_id, person.password)
    attacks.attempt("credential_stuffing", "right password from a sixth address", code != 423, code)


# --- rate limits


@pytest.fixture(scope="module")
async def strict_app(security_settings: Settings) -> AsyncIterator[FastAPI]:
    """The same databases and Redis with small buckets: 8 requests per address, 4 per person, 4 logins
    per address (refilling too slowly to matter during a test)."""
    strict = security_settings.model_copy(
        update={
            "rate_limit_ip_per_s": 0.01,
            "rate_limit_ip_burst": 8,
            "rate_limit_user_per_s": 0.01,
            "rate_limit_user_burst": 4,
            "rate_limit_auth_per_min": 4,
        }
    )
    async with running_app(strict, migrate=False) as app:
        yield app


async def test_per_address_limit(strict_app: FastAPI, attacks: Ledger) -> None:
    async with client_for(strict_app, ip=fresh_ip()) as client:
        codes = [(await client.get("/api/v1/domains")).status_code for _ in range(8)]
        assert codes == [200] * 8
        for n in range(3):
            response = await client.get("/api/v1/domains")
            attacks.attempt(
                "rate_limit",
                f"request {9 + n} from one address",
                response.status_code != 429,
                response.status_code,
            )
            assert int(response.headers["Retry-After"]) >= 1


async def test_login_limit_per_address_across_routes(
    strict_app: FastAPI, person: Person, attacks: Ledger
) -> None:
    async with client_for(strict_app, ip=fresh_ip()) as client:
        codes = [await _login(client, f"nobody{n}", WRONG) for n in range(2)]
        codes += [await _seed_login(client, f"nobody{n}", WRONG) for n in range(2)]
        assert codes == [401, 401, 404, 404]
        for where, attempt in (("REST", _login), ("seed", _seed_login)):
            code = await attempt(client, person.user_id, person.password)
            attacks.attempt("rate_limit", f"fifth login from one address, {where}", code != 429, code)


async def test_stolen_token_from_many_addresses(
    strict_app: FastAPI, security_app: FastAPI, person: Person, attacks: Ledger
) -> None:
    """The person's bucket follows the token across addresses and channels."""
    for n in range(4):
        async with client_for(strict_app, ip=fresh_ip()) as client:
            if n % 2:
                assert (await seed(client, "/chatbot/rooms", person.access))["errorCode"] == 0
            else:
                assert (
                    await client.get("/api/v1/account/profile", headers=person.headers)
                ).status_code == 200
    async with client_for(strict_app, ip=fresh_ip()) as client:
        rest = await client.get("/api/v1/account/profile", headers=person.headers)
        attacks.attempt("rate_limit", "fifth request of one person, REST", rest.status_code != 429, rest.text)
        routes = await client.post("/chatbot/rooms", json={"accessToken": person.access, "sequence": 1})
        attacks.attempt(
            "rate_limit", "sixth request of one person, seed", routes.status_code != 429, routes.text
        )


async def test_websocket_message_flood(strict_app: FastAPI, person: Person, attacks: Ledger) -> None:
    async with live_server(strict_app) as host, ws_session(host, person.access) as socket:
        # The socket's authentication took one token; three messages take the rest.
        for sequence in range(3):
            reply = await ws_outcome(
                socket, {"type": "message", "room_id": NO_ROOM, "text": "두통", "sequence": sequence}
            )
            assert reply["code"] == "not_found", reply
        for sequence in range(3, 6):
            reply = await ws_outcome(
                socket, {"type": "message", "room_id": NO_ROOM, "text": "두통", "sequence": sequence}
            )
            attacks.attempt(
                "rate_limit", f"WebSocket message {sequence + 1}", reply.get("code") != "rate_limited", reply
            )
