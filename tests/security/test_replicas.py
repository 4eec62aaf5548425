"""Two gateway replicas — real `medichain serve` processes on two ports, configured only through their
environment — sharing fresh MariaDB databases and one Redis prefix serve the same people: sessions,
refresh-token families, lockouts, rate limits, the semantic cache and idempotent resends hold across
them, and neither replica's log output carries a secret."""

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from medichain.config import Settings
from medichain.platform import Platform
from tests.conftest import backend_settings, drop_mariadb_databases
from tests.security.channels import PASSWORD, ws_auth_outcome, ws_outcome, ws_session
from tests.security.conftest import fresh_ip
from tests.security.ledger import Ledger
from tests.servers import free_port, stop_process, wait_until_serving

BIN = Path(sys.executable).parent
START_TIMEOUT_S = 240
IP_BURST, USER_BURST, LOGINS_PER_ADDRESS = 20, 30, 6


@dataclass
class Replicas:
    """Clients for replica A and B (each request names its address in `X-Forwarded-For`, as a load
    balancer would), their hosts, their log files, and the secrets the tests handed them."""

    a: httpx.AsyncClient
    b: httpx.AsyncClient
    hosts: tuple[str, str]
    logs: tuple[Path, Path]
    secrets: dict[str, str] = field(default_factory=dict)


def _environment(settings: Settings, home: Path) -> dict[str, str]:
    """The replicas' whole configuration: MEDICHAIN_* variables only (no `.env` where they run)."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("MEDICHAIN_")}
    env.update(
        MEDICHAIN_ENV="test",
        MEDICHAIN_GLOBAL_DATABASE_URL=settings.global_database_url,
        MEDICHAIN_SHARD_URLS=",".join(settings.shard_urls),
        MEDICHAIN_REDIS_URL=settings.redis_url,
        MEDICHAIN_REDIS_PREFIX=settings.redis_prefix,
        MEDICHAIN_JWT_SECRET=settings.jwt_secret.get_secret_value(),
        MEDICHAIN_DATA_KEYS=",".join(key.get_secret_value() for key in settings.data_keys),
        MEDICHAIN_LOOKUP_KEY=settings.lookup_key.get_secret_value(),
        MEDICHAIN_DATA_DIR=str(settings.data_dir),
        MEDICHAIN_WEB_DIR=str(home / "no-web-client"),
        MEDICHAIN_TRUSTED_PROXIES="127.0.0.1",
        MEDICHAIN_RATE_LIMIT_IP_PER_S="0.01",
        MEDICHAIN_RATE_LIMIT_IP_BURST=str(IP_BURST),
        MEDICHAIN_RATE_LIMIT_USER_PER_S="0.01",
        MEDICHAIN_RATE_LIMIT_USER_BURST=str(USER_BURST),
        MEDICHAIN_RATE_LIMIT_AUTH_PER_MIN=str(LOGINS_PER_ADDRESS),
        MEDICHAIN_LOG_JSON="true",
        MEDICHAIN_LOG_LEVEL="INFO",
    )
    return env


@contextmanager
def _serving(env: dict[str, str], home: Path) -> Iterator[tuple[list[int], list[Path]]]:
    """Two `medichain serve` processes, ready; stopped on exit."""
    ports, logs, processes = [free_port(), free_port()], [home / "replica-a.log", home / "replica-b.log"], []
    try:
        for port, log in zip(ports, logs, strict=True):
            command = [str(BIN / "medichain"), "serve", "--host", "127.0.0.1", "--port", str(port)]
            with log.open("wb") as out:
                processes.append(
                    subprocess.Popen(command, cwd=home, env=env, stdout=out, stderr=subprocess.STDOUT)
                )
        for port, process, log in zip(ports, processes, logs, strict=True):
            wait_until_serving(f"http://127.0.0.1:{port}/ready", process, log, START_TIMEOUT_S, log.stem)
        yield ports, logs
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            stop_process(process)


@pytest.fixture(scope="module")
async def replicas(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Replicas]:
    home = tmp_path_factory.mktemp("replicas")
    settings = await backend_settings("mariadb", home)
    try:
        platform = await Platform.start(settings, migrate=True)
        await platform.install_bundled_data()
        await platform.stop()
        with _serving(_environment(settings, home), home) as (ports, logs):
            async with (
                httpx.AsyncClient(base_url=f"http://127.0.0.1:{ports[0]}", timeout=60) as a,
                httpx.AsyncClient(base_url=f"http://127.0.0.1:{ports[1]}", timeout=60) as b,
            ):
                yield Replicas(a, b, (f"127.0.0.1:{ports[0]}", f"127.0.0.1:{ports[1]}"), (logs[0], logs[1]))
    finally:
        await drop_mariadb_databases(settings.redis_prefix.rstrip(":"))


def _from(ip: str, headers: dict[str, str] | None = None) -> dict[str, str]:
    return {"X-Forwarded-For": ip, **(headers or {})}


def _bearer(tokens: dict, ip: str) -> dict[str, str]:
    return _from(ip, {"Authorization": f"Bearer {tokens['access_token']}"})


async def _signup(client: httpx.AsyncClient, ip: str, **profile: object) -> dict:
    user_id = f"r{uuid.uuid4().hex[:10]}"
    response = await client.post(
        "/api/v1/auth/signup", headers=_from(ip), json={"user_id": user_id, "password": PASSWORD, **profile}
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_session_started_on_one_replica_holds_and_ends_on_both(
    replicas: Replicas, attacks: Ledger
) -> None:
    ip = fresh_ip()
    first = await _signup(replicas.a, ip, name="레플리카김씨", email="replica.person@example.kr")
    replicas.secrets |= {"name": "레플리카김씨", "email": "replica.person@example.kr", "password": PASSWORD}
    assert (await replicas.b.get("/api/v1/account/profile", headers=_bearer(first, ip))).json()[
        "name"
    ] == "레플리카김씨"
    refreshed = await replicas.b.post(
        "/api/v1/auth/refresh", headers=_from(ip), json={"refresh_token": first["refresh_token"]}
    )
    assert refreshed.status_code == 200, refreshed.text
    second = refreshed.json()
    replicas.secrets |= {"access token": second["access_token"], "refresh token": second["refresh_token"]}
    assert (await replicas.a.get("/api/v1/account/profile", headers=_bearer(second, ip))).status_code == 200
    assert await ws_auth_outcome(replicas.hosts[1], second["access_token"]) == "ready"

    async with ws_session(replicas.hosts[1], second["access_token"]) as socket_on_b:
        assert (await replicas.a.post("/api/v1/auth/logout", headers=_bearer(second, ip))).status_code == 204
        reply = await ws_outcome(socket_on_b, {"type": "ping"})
        attacks.attempt(
            "session", "replicas: socket on B after logout on A", reply["type"] != "closed", reply
        )
    profile = await replicas.b.get("/api/v1/account/profile", headers=_bearer(second, ip))
    attacks.attempt(
        "session", "replicas: access token on B after logout on A", profile.status_code != 401, profile.text
    )
    refresh = await replicas.b.post(
        "/api/v1/auth/refresh", headers=_from(ip), json={"refresh_token": second["refresh_token"]}
    )
    attacks.attempt(
        "session", "replicas: refresh on B after logout on A", refresh.status_code == 200, refresh.text
    )
    outcome = await ws_auth_outcome(replicas.hosts[1], second["access_token"])
    attacks.attempt(
        "session", "replicas: new socket on B after logout on A", outcome != "closed 4401", outcome
    )


async def test_refresh_token_reuse_on_the_other_replica_revokes_the_family(
    replicas: Replicas, attacks: Ledger
) -> None:
    ip = fresh_ip()
    first = await _signup(replicas.a, ip)
    rotated = (
        await replicas.a.post(
            "/api/v1/auth/refresh", headers=_from(ip), json={"refresh_token": first["refresh_token"]}
        )
    ).json()
    replay = await replicas.b.post(
        "/api/v1/auth/refresh", headers=_from(ip), json={"refresh_token": first["refresh_token"]}
    )
    attacks.attempt(
        "refresh_token", "replicas: rotated token replayed on B", replay.status_code == 200, replay.text
    )
    assert replay.json()["error"]["code"] == "token_reused"
    successor = await replicas.a.post(
        "/api/v1/auth/refresh", headers=_from(ip), json={"refresh_token": rotated["refresh_token"]}
    )
    attacks.attempt(
        "refresh_token", "replicas: successor refreshed on A after the reuse", successor.status_code == 200
    )
    profile = await replicas.a.get("/api/v1/account/profile", headers=_bearer(rotated, ip))
    attacks.attempt(
        "refresh_token", "replicas: successor's access token on A after the reuse", profile.status_code == 200
    )


async def test_lockout_holds_on_both_replicas(replicas: Replicas, attacks: Ledger) -> None:
    person = await _signup(replicas.a, fresh_ip())
    for client in (replicas.a, replicas.a, replicas.a, replicas.b, replicas.b):
        wrong = await client.post(
            "/api/v1/auth/login",
            headers=_from(fresh_ip()),
            json={"login": person["user_id"], "password": "wrong-horse-1"},
        )
        assert wrong.status_code == 401
    for name, client in (("A", replicas.a), ("B", replicas.b)):
        right = await client.post(
            "/api/v1/auth/login",
            headers=_from(fresh_ip()),
            json={"login": person["user_id"], "password": PASSWORD},
        )
        attacks.attempt(
            "brute_force", f"replicas: right password on {name} after 3+2 guesses", right.status_code != 423
        )


async def test_rate_limits_are_shared(replicas: Replicas, attacks: Ledger) -> None:
    ip = fresh_ip()
    for client in (replicas.a, replicas.b):
        for _ in range(IP_BURST // 2):
            assert (await client.get("/api/v1/domains", headers=_from(ip))).status_code == 200
    for name, client in (("A", replicas.a), ("B", replicas.b)):
        response = await client.get("/api/v1/domains", headers=_from(ip))
        attacks.attempt(
            "rate_limit", f"replicas: address over its shared bucket, on {name}", response.status_code != 429
        )

    person = await _signup(replicas.a, fresh_ip())
    for client in (replicas.a, replicas.b):
        ip = fresh_ip()
        for _ in range(USER_BURST // 2):
            assert (
                await client.get("/api/v1/account/profile", headers=_bearer(person, ip))
            ).status_code == 200
    for name, client in (("A", replicas.a), ("B", replicas.b)):
        response = await client.get("/api/v1/account/profile", headers=_bearer(person, fresh_ip()))
        attacks.attempt(
            "rate_limit", f"replicas: person over their shared bucket, on {name}", response.status_code != 429
        )

    ip = fresh_ip()
    for client in (replicas.a, replicas.b):
        for _ in range(LOGINS_PER_ADDRESS // 2):
            login = await client.post(
                "/api/v1/auth/login", headers=_from(ip), json={"login": "nobody", "password": "x"}
            )
            assert login.status_code == 401
    for name, client in (("A", replicas.a), ("B", replicas.b)):
        login = await client.post(
            "/api/v1/auth/login", headers=_from(ip), json={"login": "nobody", "password": "x"}
        )
        attacks.attempt(
            "rate_limit", f"replicas: logins over the shared bucket, on {name}", login.status_code != 429
        )


async def test_an_answer_cached_on_one_replica_is_a_hit_on_the_other(replicas: Replicas) -> None:
    question = {"text": "감기에 좋은 음식이 있나요?"}
    first = (await replicas.a.post("/api/v1/chat/ask", headers=_from(fresh_ip()), json=question)).json()
    second = (await replicas.b.post("/api/v1/chat/ask", headers=_from(fresh_ip()), json=question)).json()
    assert (first["cached"], second["cached"]) == (False, True)
    assert second["answer"] == first["answer"]


async def test_a_resent_sequence_is_answered_once_across_replicas(replicas: Replicas) -> None:
    ip = fresh_ip()
    person = await _signup(replicas.a, ip)
    room = (await replicas.a.post("/api/v1/chat/rooms", headers=_bearer(person, ip), json={})).json()["id"]
    url = f"/api/v1/chat/rooms/{room}/messages"
    first = (
        await replicas.a.post(url, headers=_bearer(person, ip), json={"text": "두통이 심해요", "sequence": 1})
    ).json()
    again = (
        await replicas.b.post(url, headers=_bearer(person, ip), json={"text": "두통이 심해요", "sequence": 1})
    ).json()
    assert not first["replayed"] and again["replayed"]
    assert (again["message_id"], again["response"]["answer"]) == (
        first["message_id"],
        first["response"]["answer"],
    )

    raced = await asyncio.gather(
        *(
            client.post(url, headers=_bearer(person, ip), json={"text": "기침이 나요", "sequence": 2})
            for client in (replicas.a, replicas.b, replicas.a, replicas.b)
        )
    )
    assert len({r.json()["message_id"] for r in raced}) == 1, [r.text[:100] for r in raced]
    async with ws_session(replicas.hosts[1], person["access_token"]) as socket:
        resumed = await ws_outcome(socket, {"type": "resume", "room_id": room, "sequence": 1})
    assert (resumed["type"], resumed["message_id"]) == ("final", first["message_id"])

    history = (await replicas.b.get(url, headers=_bearer(person, ip))).json()
    assert [(m["sequence"], m["role"]) for m in history] == [
        (1, "user"),
        (1, "assistant"),
        (2, "user"),
        (2, "assistant"),
    ]


async def test_replica_logs_hold_no_secrets(replicas: Replicas, attacks: Ledger) -> None:
    """Runs last: the logs of both processes after every test above."""
    assert replicas.secrets, "the session test ran first and handed its secrets over"
    logs = "\n".join(log.read_text(errors="replace") for log in replicas.logs)
    assert "/api/v1/auth/login" in logs, "the replicas' logs hold the requests"
    for kind, value in replicas.secrets.items():
        attacks.attempt("data_exposure", f"replica logs: {kind}", value in logs)
