"""What leaks: a whole journey (signup with a full profile, logins right and wrong, token refresh and
reuse, chat, profile changes, errors, export, deletion) is run while the platform's JSON log output is
captured; the password, tokens and personal data are then looked for in the logs, in `/metrics` and in
every error body. And every kind of response carries the security headers."""

import io
import logging
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI

from medichain.core.logging import JsonFormatter
from tests.conftest import client_for
from tests.security.channels import Person, new_person, new_room
from tests.security.conftest import fresh_ip
from tests.security.ledger import Ledger


@pytest.fixture
def platform_logs() -> Iterator[io.StringIO]:
    """Everything the platform logs (DEBUG and up), formatted as in production."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(JsonFormatter("chatbot_server"))
    logger = logging.getLogger("medichain")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield output
    logger.removeHandler(handler)
    logger.setLevel(level)


async def _journey(client: httpx.AsyncClient, secrets: dict[str, str]) -> tuple[Person, list[httpx.Response]]:
    """Every step a person takes, with mistakes; the error responses met on the way."""
    seen: list[httpx.Response] = []

    async def call(method: str, url: str, **kwargs: object) -> httpx.Response:
        response = await client.request(method, url, **kwargs)  # type: ignore[arg-type]
        seen.append(response)
        return response

    person = await new_person(
        client,
        password=secrets["password"],
        name=secrets["name"],
        phone=secrets["phone"],
        email=secrets["email"],
        birth_date="1988-08-08",
        medications=[secrets["medication"]],
    )
    await call(
        "POST", "/api/v1/auth/login", json={"login": person.user_id, "password": secrets["password"] + "x"}
    )
    await call(
        "POST", "/api/v1/auth/login", json={"login": secrets["email"], "password": secrets["password"] + "y"}
    )
    again = (
        await call(
            "POST", "/api/v1/auth/login", json={"login": secrets["email"], "password": secrets["password"]}
        )
    ).json()
    rotated = (
        await call("POST", "/api/v1/auth/refresh", json={"refresh_token": again["refresh_token"]})
    ).json()
    await call("POST", "/api/v1/auth/refresh", json={"refresh_token": again["refresh_token"]})  # reuse
    secrets |= {
        "access token": person.access,
        "refresh token": person.tokens["refresh_token"],
        "rotated refresh token": rotated["refresh_token"],
    }
    await call("PATCH", "/api/v1/account/profile", headers=person.headers, json={"phone": "010-0000-0000"})
    await call("PATCH", "/api/v1/account/profile", headers=person.headers, json={"phone": secrets["phone"]})
    await call("PATCH", "/api/v1/account/profile", headers=person.headers, json={"email": secrets["name"]})
    room_id = await new_room(client, person)
    await call(
        "POST",
        f"/api/v1/chat/rooms/{room_id}/messages",
        headers=person.headers,
        json={"text": secrets["message"], "sequence": 1},
    )
    await call(
        "POST",
        f"/api/v1/chat/rooms/{room_id}/messages",
        headers=person.headers,
        json={"text": "", "sequence": 2},
    )
    await call(
        "POST",
        "/api/v1/auth/signup",
        json={"user_id": person.user_id, "password": secrets["password"], "email": secrets["email"]},
    )
    await call(
        "POST",
        "/api/v1/auth/signup",
        content=f'{{"user_id": "x{person.user_id}", "password": "{secrets["password"]}", "phone": "{secrets["phone"]}x'.encode(),
        headers={"content-type": "application/json"},
    )
    await call(
        "POST", "/api/v1/auth/signup", json={"user_id": "weak", "password": secrets["name"], "phone": "x"}
    )
    await call(
        "POST",
        "/api/v1/account/password",
        headers=person.headers,
        json={"current_password": secrets["password"] + "z", "new_password": secrets["new password"]},
    )
    await call(
        "POST",
        "/api/v1/account/password",
        headers=person.headers,
        json={"current_password": secrets["password"], "new_password": secrets["new password"]},
    )
    await call("GET", "/api/v1/account/export", headers=person.headers)
    await call("POST", "/account/login", json={"id": person.user_id, "password": secrets["password"]})
    await call(
        "POST", "/api/v1/account/delete", headers=person.headers, json={"password": secrets["new password"]}
    )
    await call("GET", "/api/v1/account/profile", headers=person.headers)
    return person, [r for r in seen if r.status_code >= 400]


async def test_no_secret_or_personal_data_leaks(
    security_app: FastAPI, platform_logs: io.StringIO, attacks: Ledger
) -> None:
    secrets = {
        "password": "Zq-secret-Pa55",
        "new password": "Zq-newer-Pa55",
        "name": "비밀스러운김씨",
        "phone": "010-7272-3131",
        "email": "hidden.person@example.kr",
        "medication": "zqmedicine",
        "message": "비밀스러운김씨 010-7272-3131 인데 두통이 심해요",
    }
    async with client_for(security_app, ip=fresh_ip()) as client:
        person, errors = await _journey(client, secrets)
        metrics = (await client.get("/metrics")).text
    logs = platform_logs.getvalue()
    assert "login_failed" in logs or "security event" in logs, "the journey did log"
    assert len(errors) >= 8, [e.status_code for e in errors]
    bodies = "\n".join(e.text for e in errors)
    sinks = {"logs": logs, "metrics": metrics, "error bodies": bodies}
    for kind, value in secrets.items():
        for sink, text in sinks.items():
            attacks.attempt(
                "data_exposure", f"{kind} in {sink}", value in text or value.lower() in text.lower()
            )
    attacks.attempt("data_exposure", "user id in metrics", person.user_id in metrics)


# --- security headers

COMMON = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}
API_CSP = "default-src 'none'"


async def _blocked(app: FastAPI, client: httpx.AsyncClient) -> httpx.Response:
    ip = fresh_ip()
    await app.state.platform.audit.block_ip(ip, "test")
    async with client_for(app, ip=ip) as blocked:
        return await blocked.get("/api/v1/domains")


REQUESTS = {
    "API success": lambda app, c: c.get("/api/v1/domains"),
    "API 401": lambda app, c: c.get("/api/v1/account/profile"),
    "API 404": lambda app, c: c.get("/api/v1/nothing-here"),
    "API 405": lambda app, c: c.delete("/api/v1/auth/login"),
    "API 422": lambda app, c: c.post("/api/v1/auth/login", json={"login": 1}),
    "API 413": lambda app, c: c.post(
        "/api/v1/auth/login", content=b"x" * 2_000_000, headers={"content-type": "application/json"}
    ),
    "API 403 blocked address": _blocked,
    "seed account route": lambda app, c: c.post("/account/login", json={"id": "nobody", "password": "x"}),
    "seed chatbot route": lambda app, c: c.post("/chatbot/rooms", json={"accessToken": "x", "sequence": 1}),
    "one-off chat": lambda app, c: c.post("/api/v1/chat/ask", json={"text": "감기"}),
    "health": lambda app, c: c.get("/health"),
    "readiness": lambda app, c: c.get("/ready"),
    "metrics": lambda app, c: c.get("/metrics"),
    "API docs": lambda app, c: c.get("/docs"),
    "OpenAPI document": lambda app, c: c.get("/openapi.json"),
}


@pytest.mark.parametrize("name", REQUESTS)
async def test_security_headers(
    name: str, security_app: FastAPI, http: httpx.AsyncClient, attacks: Ledger
) -> None:
    response = await REQUESTS[name](security_app, http)
    missing = [header for header, value in COMMON.items() if response.headers.get(header) != value]
    if "content-security-policy" not in response.headers:
        missing.append("content-security-policy")
    path = response.request.url.path
    api = path.startswith(("/api/", "/account/", "/chatbot/"))
    if api and not response.headers.get("content-security-policy", "").startswith(API_CSP):
        missing.append(f"content-security-policy {API_CSP}")
    if api and response.headers.get("cache-control") != "no-store":
        missing.append("cache-control: no-store")
    attacks.attempt("security_headers", f"{name} ({response.status_code})", bool(missing), missing)
