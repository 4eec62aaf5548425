"""Signup, login, shards, profile, password change, logout — on SQLite and on MariaDB + Redis."""

import httpx
from sqlalchemy import select

from medichain.core.db.models import UserShardMapping
from tests.conftest import bearer


async def test_users_spread_over_shards_and_are_found_again(client: httpx.AsyncClient, app, signup) -> None:
    ids = [f"spread{i}" for i in range(6)]
    for user_id in ids:
        await signup(user_id, name=f"사용자 {user_id}")
    dbs = app.state.platform.dbs
    async with dbs.global_sessions() as session:
        mapping = dict(
            (await session.execute(select(UserShardMapping.user_id, UserShardMapping.shard_id))).all()
        )
    assert {mapping[u] for u in ids} == {1, 2}, "least-loaded placement alternates between the two shards"
    for user_id in ids:
        login = await client.post(
            "/api/v1/auth/login", json={"login": user_id, "password": "correct-horse-9"}
        )
        assert login.status_code == 200
        profile = await client.get("/api/v1/account/profile", headers=bearer(login.json()))
        assert profile.json()["name"] == f"사용자 {user_id}"
        async with dbs.shard_session(mapping[user_id]) as session:
            from medichain.accounts.models import User

            assert await session.get(User, user_id) is not None


async def test_duplicate_user_id_is_409(client: httpx.AsyncClient, signup) -> None:
    await signup("dupe-user")
    again = await client.post(
        "/api/v1/auth/signup", json={"user_id": "DUPE-user", "password": "another-pass-1"}
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "duplicate_user"


async def test_login_by_email_uses_keyed_hash(client: httpx.AsyncClient, signup) -> None:
    await signup("mailer", email="Mailer@Example.com")
    login = await client.post(
        "/api/v1/auth/login", json={"login": "mailer@example.com", "password": "correct-horse-9"}
    )
    assert login.status_code == 200
    assert login.json()["user_id"] == "mailer"


async def test_wrong_password_and_unknown_user_look_alike(client: httpx.AsyncClient, signup) -> None:
    await signup("known")
    wrong = await client.post("/api/v1/auth/login", json={"login": "known", "password": "nope-nope-1"})
    unknown = await client.post("/api/v1/auth/login", json={"login": "ghost", "password": "nope-nope-1"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"]["code"] == unknown.json()["error"]["code"] == "bad_credentials"


async def test_profile_update_and_clear(client: httpx.AsyncClient, signup) -> None:
    tokens = await signup(phone="010-1234-5678")
    headers = bearer(tokens)
    updated = await client.patch(
        "/api/v1/account/profile",
        headers=headers,
        json={
            "name": "홍길동",
            "gender": "M",
            "birth_date": "1980-05-17",
            "medications": ["와파린"],
            "phone": None,
        },
    )
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert (body["name"], body["gender"], body["birth_date"], body["medications"], body["phone"]) == (
        "홍길동",
        "M",
        "1980-05-17",
        ["와파린"],
        None,
    )


async def test_password_change_ends_other_sessions(client: httpx.AsyncClient, signup) -> None:
    first = await signup("changer")
    second = (
        await client.post("/api/v1/auth/login", json={"login": "changer", "password": "correct-horse-9"})
    ).json()
    changed = await client.post(
        "/api/v1/account/password",
        headers=bearer(first),
        json={"current_password": "correct-horse-9", "new_password": "brand-new-pass-2"},
    )
    assert changed.status_code == 204
    assert (await client.get("/api/v1/account/profile", headers=bearer(first))).status_code == 200
    assert (await client.get("/api/v1/account/profile", headers=bearer(second))).status_code == 401
    old = await client.post("/api/v1/auth/login", json={"login": "changer", "password": "correct-horse-9"})
    assert old.status_code == 401
    new = await client.post("/api/v1/auth/login", json={"login": "changer", "password": "brand-new-pass-2"})
    assert new.status_code == 200


async def test_logout_revokes_access_and_refresh(client: httpx.AsyncClient, signup) -> None:
    tokens = await signup()
    assert (await client.post("/api/v1/auth/logout", headers=bearer(tokens))).status_code == 204
    assert (await client.get("/api/v1/account/profile", headers=bearer(tokens))).status_code == 401
    refresh = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refresh.status_code == 401


async def test_weak_password_refused(client: httpx.AsyncClient) -> None:
    short = await client.post("/api/v1/auth/signup", json={"user_id": "weakling", "password": "short"})
    assert short.status_code == 422
    contains_id = await client.post(
        "/api/v1/auth/signup", json={"user_id": "weakling", "password": "weakling123"}
    )
    assert contains_id.status_code == 422
    assert contains_id.json()["error"]["code"] == "weak_password"
