"""The seed's `/account/*` routes: `{id, password, accessToken, sequence}` in, `{errorCode, ...}` out."""

import httpx


def _body(user_id: str, password: str = "test_password", sequence: int = 0, token: str = "") -> dict:
    return {"id": user_id, "password": password, "accessToken": token, "sequence": sequence}


async def test_seed_signup_login_logout(client: httpx.AsyncClient) -> None:
    signup = (await client.post("/account/signup", json=_body("test_user_1", sequence=3))).json()
    assert (signup["errorCode"], signup["sequence"]) == (0, 3)
    assert signup["accessToken"]

    duplicate = (await client.post("/account/signup", json=_body("test_user_1", sequence=4))).json()
    assert (duplicate["errorCode"], duplicate["sequence"]) == (409, 4)

    login = (await client.post("/account/login", json=_body("test_user_1", sequence=5))).json()
    assert (login["errorCode"], login["sequence"]) == (0, 5)
    token = login["accessToken"]
    profile = await client.get("/api/v1/account/profile", headers={"Authorization": f"Bearer {token}"})
    assert profile.json()["user_id"] == "test_user_1", "seed and REST routes share one service"

    bad = (await client.post("/account/login", json=_body("test_user_1", "wrong_password", 6))).json()
    assert (bad["errorCode"], bad["sequence"], bad["accessToken"]) == (401, 6, "")
    unknown = (await client.post("/account/login", json=_body("nobody_here", sequence=7))).json()
    assert (unknown["errorCode"], unknown["sequence"]) == (404, 7)

    logout = (await client.post("/account/logout", json={"accessToken": token, "sequence": 8})).json()
    assert (logout["errorCode"], logout["sequence"]) == (0, 8)
    after = await client.get("/api/v1/account/profile", headers={"Authorization": f"Bearer {token}"})
    assert after.status_code == 401
    again = (await client.post("/account/logout", json={"accessToken": token, "sequence": 9})).json()
    assert again["errorCode"] == 401


async def test_seed_signup_validates_ids(client: httpx.AsyncClient) -> None:
    bad = (await client.post("/account/signup", json=_body("' OR 1=1 --", sequence=2))).json()
    assert (bad["errorCode"], bad["sequence"]) == (400, 2)
    malformed = await client.post("/account/login", json={"id": 5, "password": [], "sequence": "x"})
    assert malformed.status_code == 422
