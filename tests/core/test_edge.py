"""Security headers, request ids, CORS allow-list, docs served offline, health and readiness."""

import httpx


async def test_security_headers_and_request_id(client: httpx.AsyncClient) -> None:
    response = await client.get("/health", headers={"X-Request-ID": "trace-123"})
    assert response.headers["x-request-id"] == "trace-123"
    for header in ("x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy"):
        assert header in response.headers
    bogus = await client.get("/health", headers={"X-Request-ID": "bad id\nwith newline"})
    assert bogus.headers["x-request-id"] != "bad id\nwith newline"
    api = await client.post("/api/v1/auth/login", json={})
    assert api.headers["cache-control"] == "no-store"
    assert api.headers["x-frame-options"] == "DENY"


async def test_cors_allow_list(client: httpx.AsyncClient) -> None:
    allowed = await client.options(
        "/api/v1/auth/login",
        headers={"Origin": "http://127.0.0.1:8000", "Access-Control-Request-Method": "POST"},
    )
    assert allowed.headers.get("access-control-allow-origin") == "http://127.0.0.1:8000"
    denied = await client.options(
        "/api/v1/auth/login",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in denied.headers


async def test_docs_and_openapi_offline(client: httpx.AsyncClient) -> None:
    docs = await client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert (await client.get("/static/swagger/swagger-ui-bundle.js")).status_code == 200
    spec = (await client.get("/openapi.json")).json()
    for path in ("/api/v1/auth/signup", "/account/login", "/api/v1/admin/shards", "/ready"):
        assert path in spec["paths"]


async def test_ready_reports_every_dependency(client: httpx.AsyncClient, app) -> None:
    ready = await client.get("/ready")
    assert ready.status_code == 200
    assert set(ready.json()["checks"]) == {"global_db", "shard_1", "shard_2", "store"}
