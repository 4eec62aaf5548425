"""Five failed logins in the window lock the account for the configured time, with security events."""

import httpx

from tests.conftest import client_for


async def _login(client: httpx.AsyncClient, password: str) -> httpx.Response:
    return await client.post("/api/v1/auth/login", json={"login": "lockme", "password": password})


async def test_lockout_after_five_failures(client: httpx.AsyncClient, signup, app) -> None:
    await signup("lockme")
    for _ in range(4):
        assert (await _login(client, "wrong-pass-1")).status_code == 401
    fifth = await _login(client, "wrong-pass-1")
    assert fifth.status_code == 401
    locked = await _login(client, "correct-horse-9")
    assert locked.status_code == 423
    assert int(locked.headers["Retry-After"]) > 29 * 60
    # The lock holds from any address (another replica or IP sees the same shared state).
    async with client_for(app, ip="198.51.100.7") as elsewhere:
        assert (await _login(elsewhere, "correct-horse-9")).status_code == 423
    audit = app.state.platform.audit
    assert len(await audit.events(kind="account_locked", user_id="lockme")) == 1
    assert len(await audit.events(kind="login_failed", user_id="lockme")) == 5
    await app.state.platform.accounts.unlock("lockme")
    assert (await _login(client, "correct-horse-9")).status_code == 200


async def test_success_resets_the_failure_count(client: httpx.AsyncClient, signup) -> None:
    await signup("lockme")
    for _ in range(4):
        await _login(client, "wrong-pass-1")
    assert (await _login(client, "correct-horse-9")).status_code == 200
    for _ in range(4):
        await _login(client, "wrong-pass-1")
    assert (await _login(client, "correct-horse-9")).status_code == 200


async def test_one_ip_failing_on_many_accounts_is_blocked(client: httpx.AsyncClient, app) -> None:
    limit = app.state.platform.settings.suspicious_accounts_per_ip
    for i in range(limit):
        await client.post("/api/v1/auth/login", json={"login": f"stuffed{i}", "password": "guess-guess-1"})
    blocked = await client.get("/api/v1/account/profile")
    assert blocked.status_code == 403
    assert blocked.json()["error"]["code"] == "ip_blocked"
    assert len(await app.state.platform.audit.events(kind="credential_stuffing")) == 1
    async with client_for(app, ip="198.51.100.8") as other:
        assert (await other.get("/health")).status_code == 200
        assert (await other.get("/api/v1/account/profile")).status_code == 401
