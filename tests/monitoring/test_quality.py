"""The quality score on real pipeline responses: grounded, cached and well-written LLM answers score full
marks; an answer in the wrong language without sources, a replaced answer and a failed LLM score less, and
every observed answer reaches `answer_log` with its figures (never its text)."""

import pytest

from medichain.answering.responses import ChatResponse
from medichain.monitoring.monitor import AnswerMonitor
from medichain.monitoring.quality import Quality, score
from medichain.platform import Platform
from tests.chat.helpers import (
    DIAGNOSIS,
    ENGLISH_WITHOUT_SOURCES,
    QUESTION,
    SCRIPTED_USAGE,
    WELL_WRITTEN,
    ScriptedLLM,
    answer,
    pipeline_for,
    sample,
)
from tests.monitoring.conftest import last_id, rows_after

pytestmark = pytest.mark.parametrize("loaded_settings", ["sqlite"], indirect=True)


async def test_grounded_answers_score_full_marks(platform: Platform, monitor: AnswerMonitor) -> None:
    pipeline = pipeline_for(platform, monitor)
    before = await last_id(platform.dbs)
    questions = [QUESTION, "what is hypertension?", "가슴이 쥐어짜듯 아프고 식은땀이 나요"]
    responses = [await answer(pipeline, question) for question in questions]
    assert [score(r) for r in responses] == [Quality(1.0)] * 3
    assert await monitor.flush() == 3
    rows = await rows_after(platform.dbs, before)
    assert [(r.domain, r.lang, r.triage_level) for r in rows] == [
        (r.domain, r.lang, r.triage.level) for r in responses
    ]
    assert all(r.quality == 1.0 and r.failed_checks == "" and r.alerts == "" for r in rows)
    assert all(r.provider == "grounded" and r.prompt_tokens == 0 and r.first_token_ms is None for r in rows)
    assert rows[2].domain == "emergency" and rows[2].triage_level <= 2


async def test_cached_answers_are_observed_too(platform: Platform) -> None:
    before = await last_id(platform.dbs)
    first = await answer(platform.chat.pipeline, "감기 걸렸을 때 좋은 음식 알려주세요")
    again = await answer(platform.chat.pipeline, "감기 걸렸을 때 좋은 음식 알려주세요")
    assert not first.cached and again.cached
    await platform.monitor.flush()
    rows = await rows_after(platform.dbs, before)
    assert [(r.cached, r.quality) for r in rows] == [(False, 1.0), (True, 1.0)]


async def test_a_well_written_llm_answer_scores_full_marks(
    platform: Platform, monitor: AnswerMonitor
) -> None:
    tokens = {
        kind: sample("medichain_llm_tokens_total", provider="scripted", kind=kind)
        for kind in ("prompt", "completion")
    }
    latencies = sample("medichain_llm_request_duration_seconds_count", provider="scripted")
    before = await last_id(platform.dbs)
    response = await answer(pipeline_for(platform, monitor, llm=ScriptedLLM(WELL_WRITTEN)), QUESTION)
    assert response.provider == "scripted" and not response.safety.replaced
    assert score(response) == Quality(1.0)
    await monitor.flush()
    (row,) = await rows_after(platform.dbs, before)
    assert (row.provider, row.prompt_tokens, row.completion_tokens) == ("scripted", 120, 40)
    assert row.first_token_ms is not None and row.quality == 1.0
    assert sample("medichain_llm_tokens_total", provider="scripted", kind="prompt") == tokens["prompt"] + 120
    assert (
        sample("medichain_llm_tokens_total", provider="scripted", kind="completion")
        == tokens["completion"] + SCRIPTED_USAGE.completion_tokens
    )
    assert sample("medichain_llm_request_duration_seconds_count", provider="scripted") == latencies + 1


@pytest.mark.parametrize(
    ("llm_text", "expected", "failed", "replaced"),
    [
        (ENGLISH_WITHOUT_SOURCES, 0.45, "cited,language", False),
        (DIAGNOSIS, 0.75, "own_answer", True),
        (None, 0.75, "own_answer", True),
    ],
    ids=["english-without-sources", "diagnosis-replaced", "llm-down"],
)
async def test_degraded_answers_score_less(
    platform: Platform,
    monitor: AnswerMonitor,
    llm_text: str | None,
    expected: float,
    failed: str,
    replaced: bool,
) -> None:
    before = await last_id(platform.dbs)
    response: ChatResponse = await answer(
        pipeline_for(platform, monitor, llm=ScriptedLLM(llm_text)), QUESTION
    )
    assert response.safety.replaced is replaced
    assert response.provider == ("grounded" if replaced else "scripted")
    assert score(response) == Quality(expected, tuple(failed.split(",")))
    await monitor.flush()
    (row,) = await rows_after(platform.dbs, before)
    assert (row.quality, row.failed_checks, row.replaced) == (expected, failed, replaced)
    assert row.provider == "scripted", "the row names the LLM that was asked, even when it was set aside"
    assert row.alerts == ("low_quality" if expected < platform.settings.answer_quality_min else "")


async def test_llm_failures_and_replacements_are_counted(platform: Platform, monitor: AnswerMonitor) -> None:
    counters = {
        "errors": ("medichain_llm_errors_total", {"provider": "scripted", "reason": "HTTP 503"}),
        "unavailable": ("medichain_safety_events_total", {"kind": "llm_unavailable"}),
        "replaced": ("medichain_safety_events_total", {"kind": "answer_replaced"}),
    }
    before = {key: sample(name, **labels) for key, (name, labels) in counters.items()}
    down = await answer(pipeline_for(platform, monitor, llm=ScriptedLLM(None)), QUESTION)
    assert down.safety.issues[0] == "llm_unavailable"
    await answer(pipeline_for(platform, monitor, llm=ScriptedLLM(DIAGNOSIS)), QUESTION)
    after = {key: sample(name, **labels) for key, (name, labels) in counters.items()}
    assert {key: after[key] - before[key] for key in counters} == {
        "errors": 1,
        "unavailable": 1,
        "replaced": 1,
    }
