"""The fuzzed application: the whole platform with the bundled data behind a real uvicorn server (in a
thread of the test process), and the identities the fuzzer calls it as (anonymous, a user, an admin).

Not Schemathesis' ASGI transport: its pytest plugin ends an ASGI application's lifespan after every test,
and each restart would start a new platform whose in-process session store forgets every token."""

import collections
import functools
import ipaddress
import itertools
import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import anyio.from_thread
import pytest
import requests
import schemathesis
import uvicorn
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from medichain.accounts.schemas import ProfileFields
from medichain.app import create_app
from medichain.chat.websocket import MAX_FRAME_BYTES
from medichain.config import Settings
from medichain.platform import Platform
from tests.conftest import backend_settings, base_settings, drop_mariadb_databases
from tests.servers import free_port

settings.register_profile("hardening", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def examples(share: float) -> settings:
    """Hypothesis settings for a property test: `share` of the active profile's `max_examples` (100 by
    default, 2000 with `HYPOTHESIS_PROFILE=hardening`), without a deadline (CPU time here is shared)."""
    return settings(
        max_examples=max(1, round(settings.default.max_examples * share)),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


ANY_TEXT = st.one_of(
    st.text(st.characters(codec=None), max_size=300),
    st.lists(st.one_of(st.characters(), st.characters(categories=["Cs"])), max_size=60).map("".join),
)
"""Any code points, lone surrogates included: a Python str can hold them (UTF-8 text cannot, and `st.text`
never makes them)."""


FUZZ_EXAMPLES = int(os.environ.get("MEDICHAIN_FUZZ_EXAMPLES") or 6)
"""Generated requests per operation and identity in the fuzzing phase (`MEDICHAIN_FUZZ_EXAMPLES` raises it
for the long run); the examples and coverage phases add their own cases."""
PROXY = "127.0.0.1"
"""Where the fuzzer connects from. The fuzz settings trust it as a proxy, so that each case can come from
its own client address (`X-Forwarded-For`), as it would behind a load balancer."""
FUZZ_SETTINGS = {"trusted_proxies": [PROXY], "argon2_memory_kib": 1024, "argon2_time_cost": 1}
"""Each case from its own address (see `Caller`), and password hashing cheap enough for thousands of
signups and logins (the cost is a setting; its strength is not what is fuzzed)."""
SENT: collections.Counter[str] = collections.Counter()
"""Generated requests sent in this run, by identity (printed at the end of the run)."""
PASSWORD = "fuzz-password-7"
FIRST_ADDRESS = ipaddress.IPv4Address("10.0.0.1")
_ADDRESSES = itertools.count()


def api_schema() -> schemathesis.BaseSchema:
    """The application's own OpenAPI document (building it needs no database, so tests can be collected
    per operation; each call names the server's `base_url`)."""
    return schemathesis.openapi.from_dict(create_app(base_settings()).openapi())


class Caller:
    """Calls the application as one identity, each request from a new client address.

    Fuzz cases carry injection-looking strings in paths and queries; the edge counts them per address and
    blocks an address after `MEDICHAIN_SUSPICIOUS_PROBES_PER_IP` of them. One fuzzer is many clients here,
    so a block earned by one case cannot mask what the next case gets (`test_probe_block` checks the
    block itself). For a signed-in identity the access token also goes into the seed protocol's
    `accessToken` body field, and a 36-character `room_id` is replaced by a room of the user's own in
    about half of the cases, so that both a stored room and an unknown one are exercised.
    """

    def __init__(self, base_url: str, user_id: str | None = None, admin: "Caller | None" = None) -> None:
        self.name = "admin" if user_id and admin is None else "user" if user_id else "anonymous"
        self.base_url = base_url
        self.session = requests.Session()
        self.user_id = user_id
        self.admin = admin
        self.token = ""
        self.room_id = ""
        if user_id is not None:
            self.log_in()

    @staticmethod
    def address() -> str:
        """A client address not used before in this run."""
        return str(FIRST_ADDRESS + next(_ADDRESSES))

    def send(self, method: str, path: str, body: dict | None = None) -> requests.Response:
        """A request of the fuzzer's own (not a fuzz case), from a fresh address."""
        return self.session.request(
            method, self.base_url + path, json=body, headers=self.headers(), timeout=60
        )

    def post(self, path: str, body: dict | None = None) -> dict:
        """A POST that must succeed; its JSON answer."""
        response = self.send("POST", path, body)
        assert response.status_code < 300, response.text
        return response.json() if response.content else {}

    def log_in(self) -> None:
        """A new session, and a room to fuzz in. Wrong passwords sent by the fuzzer to the password change
        and account deletion count towards the lockout, so a locked account is unlocked by the admin."""
        self.token = ""
        credentials = {"login": self.user_id, "password": PASSWORD}
        response = self.send("POST", "/api/v1/auth/login", credentials)
        if response.status_code == 423 and self.admin is not None:
            self.admin.post(f"/api/v1/admin/users/{self.user_id}/unlock")
            response = self.send("POST", "/api/v1/auth/login", credentials)
        assert response.status_code == 200, response.text
        self.token = response.json()["access_token"]
        self.new_room()

    def new_room(self) -> None:
        """A room of the user's own (after the fuzzer deleted the last one)."""
        self.room_id = self.post("/api/v1/chat/rooms", {})["id"]

    def headers(self) -> dict[str, str]:
        """Headers of one request."""
        headers = {"X-Forwarded-For": self.address()}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def prepare(self, case: schemathesis.Case) -> None:
        """Put the identity's token and room where a generated value stands for them."""
        SENT[self.name] += 1
        if not self.token:
            return
        body = case.body if isinstance(case.body, dict) else {}
        if "accessToken" in body:
            body["accessToken"] = self.token
        for holder, key in ((case.path_parameters, "room_id"), (body, "roomId")):
            value = holder.get(key) if holder else None
            if isinstance(value, str) and len(value) == 36 and ord(value[0]) % 2 == 0:
                holder[key] = self.room_id  # type: ignore[index]

    def after(self, case: schemathesis.Case, response: schemathesis.Response) -> None:
        """Start a new session or room when the case ended the old one; fail when the session ended
        without the fuzzer knowing (every later case would run without its identity)."""
        if not self.token:
            return
        refused = (response.status_code == 401 and case.path != "/api/v1/auth/refresh") or (
            case.path.startswith("/chatbot/")
            and response.status_code == 200
            and response.json()["errorCode"] == 401
        )
        assert not refused or "invalid_token" not in response.text, f"{self.user_id} lost its session"
        seed_logout = case.path == "/account/logout" and response.json().get("errorCode") == 0
        if seed_logout or (case.path, response.status_code) == ("/api/v1/auth/logout", 204):
            self.log_in()
        elif (
            case.method == "DELETE"
            and case.path == "/api/v1/chat/rooms/{room_id}"
            and response.status_code == 204
        ):
            self.new_room()


async def _prepare(settings: Settings, admin_id: str, user_id: str) -> None:
    """Migrate, load the bundled data and create the accounts (their sessions come from logging in)."""
    platform = await Platform.start(settings, migrate=True)
    try:
        await platform.install_bundled_data()
        await platform.accounts.signup(admin_id, PASSWORD, ProfileFields(), role="admin")
        await platform.accounts.signup(user_id, PASSWORD, ProfileFields())
    finally:
        await platform.stop()


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve `app` with uvicorn (lifespan included) in a thread, as `medichain serve` does; its base URL."""
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host=PROXY,
            port=free_port(),
            log_level="warning",
            proxy_headers=False,
            ws_max_size=MAX_FRAME_BYTES,
        )
    )
    thread = threading.Thread(target=server.run, name="fuzzed-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the fuzzed server did not start"
        time.sleep(0.05)
    try:
        yield f"http://{PROXY}:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(60)


@dataclass(frozen=True)
class Target:
    """The served application and the accounts made for the fuzzer."""

    base_url: str
    settings: Settings
    admin_id: str
    user_id: str


@pytest.fixture(scope="module", params=["sqlite", pytest.param("mariadb", marks=pytest.mark.hardening)])
def target(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    """The application on SQLite (and, in the long run, MariaDB + Redis), with the bundled data loaded."""
    suffix = uuid.uuid4().hex[:6]
    admin_id, user_id = f"fuzzadmin{suffix}", f"fuzzuser{suffix}"
    folder = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    with anyio.from_thread.start_blocking_portal() as portal:
        settings = portal.call(functools.partial(backend_settings, request.param, folder))
        settings = settings.model_copy(update=FUZZ_SETTINGS)
        portal.call(_prepare, settings, admin_id, user_id)
    with serving(create_app(settings)) as base_url:
        yield Target(base_url, settings, admin_id, user_id)
    if request.param == "mariadb":
        with anyio.from_thread.start_blocking_portal() as portal:
            portal.call(drop_mariadb_databases, settings.redis_prefix.rstrip(":"))


@pytest.fixture(scope="module")
def callers(target: Target) -> dict[str, Caller]:
    """The identities: nobody, a user, an admin."""
    admin = Caller(target.base_url, target.admin_id)
    return {
        "anonymous": Caller(target.base_url),
        "user": Caller(target.base_url, target.user_id, admin),
        "admin": admin,
    }


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many generated requests the OpenAPI fuzzing sent."""
    if SENT:
        sent = ", ".join(f"{count} as {who}" for who, count in sorted(SENT.items()))
        terminalreporter.write_line(f"Schemathesis: {SENT.total()} generated requests ({sent})")
