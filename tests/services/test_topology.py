"""End to end: `medichain up --services` on MariaDB + Redis, a conversation through the gateway, a domain
service killed mid-conversation (degraded but safe answers, breaker open, service_health down), then
restarted (recovery without touching the gateway), metrics on every service, and a clean Ctrl-C."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

from medichain.services.catalog import SERVICES
from tests.conftest import backend_settings, bearer, drop_mariadb_databases
from tests.servers import stop_process
from tests.services.topology import Running, environment, start_topology

pytestmark = pytest.mark.services


@pytest.fixture(scope="module")
def topology(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    workdir = tmp_path_factory.mktemp("topology")
    settings = asyncio.run(backend_settings("mariadb", workdir))
    running = start_topology(workdir, environment(settings))
    yield running
    running.stop()
    asyncio.run(drop_mariadb_databases(settings.redis_prefix.rstrip(":")))


@pytest.fixture
def gateway(topology: Running) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=topology.url(), timeout=30) as client:
        yield client


def _admin(topology: Running, client: httpx.Client) -> dict[str, str]:
    subprocess.run(
        [sys.executable, "-m", "medichain", "users", "create", "opsadmin", "--admin", "--password-stdin"],
        input=b"correct-horse-admin-9\n",
        env=topology.env,
        cwd=topology.workdir,
        check=True,
        capture_output=True,
    )
    login = client.post("/api/v1/auth/login", json={"login": "opsadmin", "password": "correct-horse-admin-9"})
    assert login.status_code == 200, login.text
    return bearer(login.json())


def _wait_for(predicate: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    pytest.fail(f"timed out waiting for {what}")


def _health_of(client: httpx.Client, headers: dict[str, str], service: str) -> dict:
    rows = client.get("/api/v1/admin/service-health", headers=headers).json()
    return next((row for row in rows if row["service_name"] == service), {})


def test_kill_and_restart_a_domain_service(topology: Running, gateway: httpx.Client) -> None:
    admin = _admin(topology, gateway)
    user = gateway.post("/api/v1/auth/signup", json={"user_id": "topo1", "password": "correct-horse-9"})
    headers = bearer(user.json())
    room = gateway.post("/api/v1/chat/rooms", headers=headers, json={}).json()["id"]
    url = f"/api/v1/chat/rooms/{room}/messages"

    def say(sequence: int, text: str, request_id: str = "") -> dict:
        traced = {**headers, "X-Request-ID": request_id} if request_id else headers
        response = gateway.post(url, headers=traced, json={"text": text, "sequence": sequence})
        assert response.status_code == 200, response.text
        return response.json()["response"]

    healthy = say(1, "타이레놀 효능이 뭐야?")
    assert healthy["domain"] == "drug" and healthy["provider"] == "grounded" and healthy["citations"]
    _wait_for(lambda: _health_of(gateway, admin, "drug_server").get("status") == "healthy", 10, "probe")

    os.kill(topology.pid("drug_server"), signal.SIGKILL)
    degraded = say(2, "이부프로펜 부작용 알려줘")
    assert degraded["domain"] == "drug" and degraded["provider"] == "fallback"
    assert "서비스" in degraded["answer"] and degraded["disclaimer"] in degraded["answer"]
    assert not degraded["citations"]
    emergency = say(3, "가슴이 쥐어짜듯 아프고 식은땀이 나요")
    assert emergency["triage"]["is_emergency"] and "119" in emergency["answer"]
    say(4, "아스피린 복용법 알려줘")  # the breaker opens after two failures
    metrics = gateway.get("/metrics").text
    assert 'medichain_circuit_breaker_state{target="drug"} 2.0' in metrics
    _wait_for(
        lambda: _health_of(gateway, admin, "drug_server").get("status") == "down", 10, "drug_server down"
    )

    log = topology.workdir / "drug.log"
    restarted = topology.run_service(
        "drug_server", log, MEDICHAIN_LOG_LEVEL="INFO", MEDICHAIN_LOG_JSON="true"
    )
    try:
        time.sleep(1.2)  # the breaker's cool-down: the next call is its half-open trial
        recovered = say(5, "이부프로펜 부작용 알려줘", request_id="trace-topology-5")
        assert recovered["provider"] == "grounded" and recovered["citations"]
        assert 'medichain_circuit_breaker_state{target="drug"} 0.0' in gateway.get("/metrics").text
        _wait_for(
            lambda: _health_of(gateway, admin, "drug_server").get("status") == "healthy", 10, "recovery"
        )
        lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
        traced = [line for line in lines if line.get("request_id") == "trace-topology-5"]
        assert traced and traced[0]["service"] == "drug_server", "the request id crosses services"
        history = gateway.get(url, headers=headers).json()
        assert [m["role"] for m in history].count("assistant") == 5
    finally:
        stop_process(restarted)


def _samples(url: str) -> dict[str, list[Sample]]:
    """The scraped samples by sample name (histograms give `_bucket`, `_count`, `_sum`)."""
    samples: dict[str, list[Sample]] = {}
    for family in text_string_to_metric_families(httpx.get(f"{url}/metrics").text):
        for sample in family.samples:
            samples.setdefault(sample.name, []).append(sample)
    return samples


def _value(samples: dict[str, list[Sample]], name: str, **labels: str) -> float:
    """The sum of the samples called `name` whose labels include `labels`."""
    return sum(s.value for s in samples.get(name, []) if labels.items() <= s.labels.items())


def test_every_service_exports_metrics_after_traffic(topology: Running, gateway: httpx.Client) -> None:
    for text in ("감기 걸렸을 때 좋은 음식", "근처 소아과 찾아줘", "what is the dose of ibuprofen?"):
        assert gateway.post("/api/v1/chat/ask", json={"text": text}).status_code == 200
    seen = _samples(topology.url())
    assert _value(seen, "medichain_http_requests_total", route="/api/v1/chat/ask", status="200") >= 3
    assert _value(seen, "medichain_http_request_duration_seconds_count", route="/api/v1/chat/ask") >= 3
    for stage in ("triage", "route", "retrieve", "compose", "safety"):
        assert _value(seen, "medichain_chat_stage_duration_seconds_count", stage=stage) >= 1, stage
    routed = _value(seen, "medichain_downstream_calls_total", target="category", outcome="ok")
    assert routed >= 3 and _value(seen, "medichain_downstream_calls_total", outcome="ok") > routed
    assert _value(seen, "medichain_triage_level_total") >= 3
    assert _value(seen, "medichain_semantic_cache_lookups_total") >= 1
    assert _value(seen, "medichain_answer_quality_score_count") >= 3
    assert "medichain_db_pool_connections" in seen and "medichain_circuit_breaker_state" in seen
    assert _value(seen, "medichain_store_degraded") == 0
    for service in SERVICES[1:]:
        if service.name == "drug_server":
            continue  # killed and restarted by the other test
        served = _samples(topology.url(service.offset))
        assert _value(served, "medichain_http_requests_total", route="/health") >= 1, service.name
        assert "medichain_db_pool_connections" in served, service.name
    category = _samples(topology.url(1))
    assert _value(category, "medichain_http_requests_total", route="/internal/v1/route", status="200") >= 3


def test_ctrl_c_stops_every_service(topology: Running) -> None:
    pids = [child["pid"] for child in topology.children()]
    assert len(pids) == len(SERVICES)
    topology.supervisor.send_signal(signal.SIGINT)
    assert topology.supervisor.wait(30) == 0
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
