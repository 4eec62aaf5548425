"""Token-bucket limits answer 429 with Retry-After; with Redis two app instances share the buckets."""

from pathlib import Path

import pytest

from tests.conftest import backend_settings, client_for, drop_mariadb_databases, running_app


async def test_ip_limit_shared_by_two_instances_on_one_redis(tmp_path: Path) -> None:
    settings = await backend_settings("mariadb", tmp_path, rate_limit_ip_per_s=0.01, rate_limit_ip_burst=5)
    try:
        async with running_app(settings) as first, running_app(settings, migrate=False) as second:
            async with client_for(first) as a, client_for(second) as b:
                for _ in range(3):
                    assert (await a.get("/api/v1/account/profile")).status_code == 401
                for _ in range(2):
                    assert (await b.get("/api/v1/account/profile")).status_code == 401
                limited = await b.get("/api/v1/account/profile")
                assert limited.status_code == 429
                assert int(limited.headers["Retry-After"]) >= 1
                assert (await a.get("/api/v1/account/profile")).status_code == 429
            events = await first.state.platform.audit.events(kind="rate_limited")
            assert len(events) >= 1
    finally:
        await drop_mariadb_databases(settings.redis_prefix.rstrip(":"))


async def test_per_user_limit(tmp_path: Path) -> None:
    settings = await backend_settings("sqlite", tmp_path, rate_limit_user_per_s=0.01, rate_limit_user_burst=3)
    async with running_app(settings) as app, client_for(app) as client:
        signup = await client.post(
            "/api/v1/auth/signup", json={"user_id": "busy", "password": "correct-horse-9"}
        )
        headers = {"Authorization": f"Bearer {signup.json()['access_token']}"}
        codes = [(await client.get("/api/v1/account/profile", headers=headers)).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        # The user's bucket follows them to another address (credential sharing / stuffing across IPs).
        async with client_for(app, ip="198.51.100.9") as other:
            assert (await other.get("/api/v1/account/profile", headers=headers)).status_code == 429


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_auth_endpoints_have_a_stricter_bucket(backend: str, tmp_path: Path) -> None:
    settings = await backend_settings(backend, tmp_path, rate_limit_auth_per_min=3)
    async with running_app(settings) as app, client_for(app) as client:
        codes = [
            (
                await client.post("/api/v1/auth/login", json={"login": "x" * 5, "password": "y" * 9})
            ).status_code
            for _ in range(4)
        ]
        assert codes == [401, 401, 401, 429]
