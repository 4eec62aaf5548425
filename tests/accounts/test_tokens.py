"""Refresh rotation, family revocation on reuse, and refused access tokens."""

import time

import httpx
import jwt

from tests.conftest import bearer


async def test_refresh_rotates_and_reuse_revokes_family(client: httpx.AsyncClient, signup, app) -> None:
    tokens = await signup("rotator")
    first = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert first.status_code == 200
    rotated = first.json()
    assert rotated["refresh_token"] != tokens["refresh_token"]
    assert (await client.get("/api/v1/account/profile", headers=bearer(rotated))).status_code == 200

    replay = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert replay.status_code == 401
    assert replay.json()["error"]["code"] == "token_reused"
    # The whole family is gone: the newest refresh token and its access token are refused too.
    assert (
        await client.post("/api/v1/auth/refresh", json={"refresh_token": rotated["refresh_token"]})
    ).status_code == 401
    assert (await client.get("/api/v1/account/profile", headers=bearer(rotated))).status_code == 401
    events = await app.state.platform.audit.events(kind="refresh_reuse", user_id="rotator")
    assert len(events) == 1


async def test_other_sessions_survive_a_family_revocation(client: httpx.AsyncClient, signup) -> None:
    phone = await signup("twodevices")
    laptop = (
        await client.post("/api/v1/auth/login", json={"login": "twodevices", "password": "correct-horse-9"})
    ).json()
    await client.post("/api/v1/auth/refresh", json={"refresh_token": phone["refresh_token"]})
    await client.post("/api/v1/auth/refresh", json={"refresh_token": phone["refresh_token"]})
    assert (await client.get("/api/v1/account/profile", headers=bearer(laptop))).status_code == 200


async def test_forged_tokens_are_refused(client: httpx.AsyncClient, signup, settings) -> None:
    tokens = await signup("victim")
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
    forged = {
        "alg none": jwt.encode({**claims, "role": "admin"}, key="", algorithm="none"),
        "wrong key": jwt.encode(claims, "x" * 48, algorithm="HS256"),
        "expired": jwt.encode(
            {**claims, "exp": int(time.time()) - 10},
            settings.jwt_secret.get_secret_value(),
            algorithm="HS256",
        ),
        "tampered": tokens["access_token"][:-4]
        + ("AAAA" if not tokens["access_token"].endswith("AAAA") else "BBBB"),
        "garbage": "not-a-token",
    }
    for name, token in forged.items():
        response = await client.get("/api/v1/account/profile", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
    assert (await client.get("/api/v1/account/profile")).status_code == 401


async def test_admin_endpoints_closed_to_users(client: httpx.AsyncClient, signup) -> None:
    tokens = await signup()
    for path in (
        "/api/v1/admin/users",
        "/api/v1/admin/shards",
        "/api/v1/admin/security-events",
        "/api/v1/admin/service-health",
    ):
        assert (await client.get(path, headers=bearer(tokens))).status_code == 403, path
