"""Schemathesis against the application's own OpenAPI document: every operation, anonymously and with a
valid user token (admin operations also as an admin). No 5xx, and every answer is one the document
describes: its status code, content type and body."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.fuzz.conftest import FUZZ_EXAMPLES, Caller, Target, api_schema

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
schema = api_schema()
bounded = settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def _check(case: schemathesis.Case, caller: Caller) -> None:
    caller.prepare(case)
    response = case.call_and_validate(
        headers=caller.headers(), checks=CHECKS, base_url=caller.base_url, session=caller.session
    )
    caller.after(case, response)


@pytest.fixture(params=["anonymous", "user"])
def caller(request: pytest.FixtureRequest, callers: dict[str, Caller]) -> Caller:
    """Each operation is fuzzed once without a token and once with a valid user token."""
    return callers[request.param]


@schema.parametrize()
@bounded
def test_every_operation(case: schemathesis.Case, caller: Caller) -> None:
    _check(case, caller)


@schema.include(tag="admin").parametrize()
@bounded
def test_admin_operations(case: schemathesis.Case, callers: dict[str, Caller]) -> None:
    _check(case, callers["admin"])


def test_probe_block(target: Target, callers: dict[str, Caller]) -> None:
    """What the fuzz run spreads over many addresses, from one: after `suspicious_probes_per_ip` injection
    probes the address gets the documented 403 `ip_blocked` on every operation, until an admin lifts it."""
    address = {"X-Forwarded-For": Caller.address()}
    probe = schema["/api/v1/drugs"]["GET"].Case(query={"q": "' or 1=1 --"})
    other = schema["/api/v1/departments"]["GET"].Case()
    answers = [
        probe.call_and_validate(headers=address, checks=CHECKS, base_url=target.base_url).status_code
        for _ in range(target.settings.suspicious_probes_per_ip)
    ]
    assert answers == [200] * target.settings.suspicious_probes_per_ip
    blocked = other.call_and_validate(headers=address, checks=CHECKS, base_url=target.base_url)
    assert blocked.status_code == 403 and blocked.json()["error"]["code"] == "ip_blocked"
    assert int(blocked.headers["retry-after"][0]) <= target.settings.ip_block_duration_s
    callers["admin"].send("DELETE", f"/api/v1/admin/ip-blocks/{address['X-Forwarded-For']}")
    assert (
        other.call_and_validate(headers=address, checks=CHECKS, base_url=target.base_url).status_code == 200
    )


BEYOND_64_BITS = 2**64


@pytest.mark.parametrize(
    ("who", "path", "method", "kwargs", "status", "code"),
    [
        ("admin", "/api/v1/admin/users", "GET", {"query": {"shard_id": 999}}, 404, "not_found"),
        ("admin", "/api/v1/admin/shards", "POST", {"body": {"url": "00000000"}}, 422, "invalid_shard_url"),
        (
            "admin",
            "/api/v1/admin/shards",
            "POST",
            {"body": {"url": "mysql://user:pass@127.0.0.1:9/medichain_none"}},
            422,
            "shard_unreachable",
        ),
        (
            "admin",
            "/api/v1/admin/users",
            "GET",
            {"query": {"offset": BEYOND_64_BITS}},
            422,
            "validation_error",
        ),
        (
            "user",
            "/api/v1/chat/messages/{message_id}/feedback",
            "POST",
            {"path_parameters": {"message_id": BEYOND_64_BITS}, "body": {"score": 3}},
            422,
            "validation_error",
        ),
        (
            "user",
            "/api/v1/chat/rooms/{room_id}/messages",
            "GET",
            {"path_parameters": {"room_id": "own"}, "query": {"before_id": BEYOND_64_BITS}},
            422,
            "validation_error",
        ),
    ],
)
def test_found_inputs(
    target: Target,
    callers: dict[str, Caller],
    who: str,
    path: str,
    method: str,
    kwargs: dict,
    status: int,
    code: str,
) -> None:
    """Found by the fuzz run: an unknown shard was a 500 (KeyError), an unparsable shard URL a 500 and an
    unreachable one a 503 `database_unavailable`, as if MediChain's own database were down; ids and offsets
    past 64 bits were a 500 on SQLite (OverflowError) and a 503 on MariaDB."""
    caller = callers[who]
    if kwargs.get("path_parameters", {}).get("room_id") == "own":
        kwargs = {**kwargs, "path_parameters": {"room_id": caller.room_id}}
    case = schema[path][method].Case(**kwargs)
    response = case.call_and_validate(headers=caller.headers(), checks=CHECKS, base_url=target.base_url)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code), response.text
