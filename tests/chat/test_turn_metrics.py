"""What a chat turn exports at `/metrics`: the time of each stage (persist included for a signed-in turn),
turns by domain and outcome, and the safety event of a domain service that cannot be reached."""

import httpx
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from medichain.monitoring.monitor import AnswerMonitor
from tests.chat.helpers import DownDomains, answer, pipeline_for, sample
from tests.conftest import bearer

STAGES = ("triage", "route", "cache", "retrieve", "compose", "safety", "persist")
FRESH_QUESTION = "이부프로펜은 어떤 약이에요?"  # asked nowhere else: a cache miss, then a put


async def stage_counts(client: httpx.AsyncClient) -> dict[str, float]:
    """Observations per stage of `medichain_chat_stage_duration_seconds`, read from `/metrics`."""
    text = (await client.get("/metrics")).text
    counts = dict.fromkeys(STAGES, 0.0)
    for family in text_string_to_metric_families(text):
        if family.name == "medichain_chat_stage_duration_seconds":
            for s in family.samples:
                if s.name.endswith("_count"):
                    counts[s.labels["stage"]] = s.value
    return counts


async def test_metrics_expose_every_stage_of_a_turn(loaded_client: httpx.AsyncClient, loaded_signup) -> None:
    headers = bearer(await loaded_signup())
    room = (await loaded_client.post("/api/v1/chat/rooms", headers=headers, json={})).json()
    answered = sample("medichain_chat_turns_total", domain="drug", outcome="answered")
    before = await stage_counts(loaded_client)
    turn = await loaded_client.post(
        f"/api/v1/chat/rooms/{room['id']}/messages",
        headers=headers,
        json={"text": FRESH_QUESTION, "sequence": 1},
    )
    assert turn.json()["response"]["domain"] == "drug" and not turn.json()["response"]["cached"]
    after = await stage_counts(loaded_client)
    assert {stage: after[stage] - before[stage] for stage in STAGES} == {
        "triage": 1,
        "route": 1,
        "cache": 2,  # lookup, then put
        "retrieve": 1,
        "compose": 1,
        "safety": 1,
        "persist": 1,
    }
    assert sample("medichain_chat_turns_total", domain="drug", outcome="answered") == answered + 1


async def test_turns_are_counted_by_outcome(loaded_client: httpx.AsyncClient) -> None:
    messages = {
        "오늘 주식 뭐 사면 좋을까?": ("out_of_scope", "out_of_scope"),
        "이거 괜찮은 거예요?": ("clinic", "clarify"),
        "숨을 못 쉬겠어요": ("emergency", "emergency"),
    }
    for text, (domain, outcome) in messages.items():
        before = sample("medichain_chat_turns_total", domain=domain, outcome=outcome)
        body = (await loaded_client.post("/api/v1/chat/ask", json={"text": text})).json()
        assert body["domain"] == domain
        assert sample("medichain_chat_turns_total", domain=domain, outcome=outcome) == before + 1, text


async def test_an_unreachable_domain_service_is_a_safety_event(loaded_app: FastAPI) -> None:
    platform = loaded_app.state.platform
    monitor = AnswerMonitor(platform.settings, platform.dbs)
    events = sample("medichain_safety_events_total", kind="service_unavailable")
    turns = sample("medichain_chat_turns_total", domain="drug", outcome="service_unavailable")
    response = await answer(pipeline_for(platform, monitor, domains=DownDomains()), FRESH_QUESTION)
    assert response.provider == "fallback" and response.domain == "drug"
    assert sample("medichain_safety_events_total", kind="service_unavailable") == events + 1
    assert sample("medichain_chat_turns_total", domain="drug", outcome="service_unavailable") == turns + 1
    assert monitor.pending == 0, "an apology is not an answer to score"
