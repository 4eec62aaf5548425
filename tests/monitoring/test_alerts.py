"""Alerts: a slow or low-quality answer is counted and logged as a structured `answer alert` warning that
carries figures only (no message text, no user); the thresholds come from the settings."""

import logging
from collections.abc import Iterator

import pytest

from medichain.monitoring.monitor import AnswerMonitor
from medichain.platform import Platform
from tests.chat.helpers import ENGLISH_WITHOUT_SOURCES, QUESTION, ScriptedLLM, answer, pipeline_for, sample

pytestmark = pytest.mark.parametrize("loaded_settings", ["sqlite"], indirect=True)


def alert_count(kind: str) -> float:
    return sample("medichain_answer_alerts_total", kind=kind, domain="drug")


def alert_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage() == "answer alert"]


@pytest.fixture
def alerts_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Captures the monitor's warnings (`create_app` stops the platform's logs reaching the root logger)."""
    platform_logger = logging.getLogger("medichain")
    propagate, platform_logger.propagate = platform_logger.propagate, True
    caplog.set_level(logging.WARNING, logger="medichain.monitoring")
    yield caplog
    platform_logger.propagate = propagate


async def test_a_good_answer_raises_no_alert_at_the_default_thresholds(
    platform: Platform, monitor: AnswerMonitor, alerts_log: pytest.LogCaptureFixture
) -> None:
    before = alert_count("slow"), alert_count("low_quality")
    await answer(pipeline_for(platform, monitor), QUESTION)
    assert (alert_count("slow"), alert_count("low_quality")) == before
    assert not alert_records(alerts_log)


async def test_slow_past_the_setting(platform: Platform, alerts_log: pytest.LogCaptureFixture) -> None:
    strict = AnswerMonitor(platform.settings.model_copy(update={"answer_slow_s": 1e-6}), platform.dbs)
    before = alert_count("slow")
    response = await answer(pipeline_for(platform, strict), QUESTION)
    assert alert_count("slow") == before + 1
    (record,) = alert_records(alerts_log)
    assert record.levelno == logging.WARNING
    assert (record.kind, record.domain, record.provider) == ("slow", "drug", "grounded")
    assert record.score == 1.0 and record.latency_ms == response.latency_ms


async def test_low_quality_under_the_setting(
    platform: Platform, monitor: AnswerMonitor, alerts_log: pytest.LogCaptureFixture
) -> None:
    before = alert_count("low_quality")
    poor = await answer(pipeline_for(platform, monitor, llm=ScriptedLLM(ENGLISH_WITHOUT_SOURCES)), QUESTION)
    assert alert_count("low_quality") == before + 1
    (record,) = alert_records(alerts_log)
    assert (record.kind, record.provider, record.score) == ("low_quality", "scripted", 0.45)
    logged = "".join(str(r.__dict__) for r in alerts_log.records)
    for text in (QUESTION, poor.answer, ENGLISH_WITHOUT_SOURCES[:30]):
        assert text not in logged, "alerts carry figures, never message text"

    lenient = AnswerMonitor(platform.settings.model_copy(update={"answer_quality_min": 0.4}), platform.dbs)
    await answer(pipeline_for(platform, lenient, llm=ScriptedLLM(ENGLISH_WITHOUT_SOURCES)), QUESTION)
    assert alert_count("low_quality") == before + 1, "0.45 is not below a threshold of 0.4"


async def test_quality_is_exported_per_domain_and_provider(
    platform: Platform, monitor: AnswerMonitor
) -> None:
    labels = {"domain": "drug", "provider": "scripted"}
    count = sample("medichain_answer_quality_score_count", **labels)
    total = sample("medichain_answer_quality_score_sum", **labels)
    await answer(pipeline_for(platform, monitor, llm=ScriptedLLM(ENGLISH_WITHOUT_SOURCES)), QUESTION)
    assert sample("medichain_answer_quality_score_count", **labels) == count + 1
    assert sample("medichain_answer_quality_score_sum", **labels) == pytest.approx(total + 0.45)
