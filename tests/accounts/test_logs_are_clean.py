"""Logs never carry passwords, tokens or personal data, whatever the requests do."""

import logging

import httpx
import pytest

from tests.conftest import bearer


async def test_no_secrets_or_personal_data_in_logs(
    client: httpx.AsyncClient, signup, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="medichain")
    secrets = ["Pa55-word-secret-1", "민감한이름", "private.person@example.kr", "010-7777-8888"]
    tokens = await signup(
        "logwatch", password=secrets[0], name=secrets[1], email=secrets[2], phone=secrets[3]
    )
    await client.post("/api/v1/auth/login", json={"login": "logwatch", "password": "wrong-" + secrets[0]})
    await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    await client.get("/api/v1/account/profile", headers=bearer(tokens))
    logged = caplog.text + "".join(str(record.__dict__) for record in caplog.records)
    assert caplog.records, "the requests above do log (failed login, token reuse)"
    for value in [*secrets, tokens["access_token"], tokens["refresh_token"]]:
        assert value not in logged
