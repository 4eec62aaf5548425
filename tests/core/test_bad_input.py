"""Malformed, oversized, mistyped or hostile input gets a precise 4xx, never a 500, and stores nothing odd."""

import httpx

from tests.conftest import bearer


async def test_malformed_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login",
        content=b'{"login": "a", "password":',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_json"
    assert response.json()["request_id"] == response.headers["x-request-id"]


async def test_invalid_utf8(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login",
        content=b'{"login": "\xff\xfe", "password": "x"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_json"


async def test_wrong_types_and_unknown_fields(client: httpx.AsyncClient) -> None:
    wrong = await client.post("/api/v1/auth/signup", json={"user_id": 12, "password": ["x"]})
    assert wrong.status_code == 422
    fields = {d["field"] for d in wrong.json()["error"]["details"]}
    assert {"user_id", "password"} <= fields
    unknown = await client.post(
        "/api/v1/auth/signup", json={"user_id": "extra", "password": "correct-horse-9", "is_admin": True}
    )
    assert unknown.status_code == 422
    assert unknown.json()["error"]["details"][0]["type"] == "extra_forbidden"


async def test_oversized_body(client: httpx.AsyncClient, settings) -> None:
    big = b'{"login": "' + b"a" * (settings.max_body_bytes + 10) + b'", "password": "x"}'
    response = await client.post(
        "/api/v1/auth/login", content=big, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


async def test_oversized_chunked_body(client: httpx.AsyncClient, settings) -> None:
    async def chunks():
        for _ in range(settings.max_body_bytes // 65536 + 2):
            yield b"a" * 65536

    response = await client.post(
        "/api/v1/auth/login", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


async def test_script_and_sql_text_stored_inert(client: httpx.AsyncClient, signup) -> None:
    tokens = await signup()
    payload = "<script>alert(1)</script>'; DROP TABLE users; --"
    updated = await client.patch("/api/v1/account/profile", headers=bearer(tokens), json={"name": payload})
    assert updated.status_code == 200
    assert (await client.get("/api/v1/account/profile", headers=bearer(tokens))).json()["name"] == payload
    assert (
        await client.post("/api/v1/auth/signup", json={"user_id": "afterdrop", "password": "correct-horse-9"})
    ).status_code == 201


async def test_injection_probe_in_login_id_is_recorded(client: httpx.AsyncClient, app) -> None:
    response = await client.get("/api/v1/admin/users?shard_id=1' OR '1'='1")
    assert response.status_code in (401, 422)
    events = await app.state.platform.audit.events(kind="injection_probe")
    assert len(events) == 1


async def test_unknown_route_and_method(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/v1/nope")).json()["error"]["code"] == "not_found"
    assert (await client.delete("/api/v1/auth/login")).status_code == 405
