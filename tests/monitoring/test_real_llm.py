"""A real model (SmolLM2 through llama.cpp, in process) behind the pipeline: its tokens and timings reach the
metrics and `answer_log`, and the row's score is the score of the response shown. Whatever the small model
writes (it is often wrong, and replaced), the figures must add up."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from medichain.answering.providers.base import LLMProvider
from medichain.monitoring.monitor import AnswerMonitor
from medichain.monitoring.quality import score
from medichain.platform import Platform
from tests.answering.conftest import SERVER_CONTEXT, smollm2_gguf  # noqa: F401 - the model fixture
from tests.chat.helpers import answer, pipeline_for, sample
from tests.monitoring.conftest import last_id, rows_after

pytestmark = [pytest.mark.llm, pytest.mark.parametrize("loaded_settings", ["sqlite"], indirect=True)]


@pytest.fixture
async def smollm2(smollm2_gguf: Path) -> AsyncIterator[LLMProvider]:  # noqa: F811 - uses the imported fixture
    from medichain.answering.providers.llamacpp import LlamaCppProvider

    provider = LlamaCppProvider(model_path=str(smollm2_gguf), threads=2, context=SERVER_CONTEXT)
    yield provider
    await provider.aclose()


async def test_a_real_models_tokens_and_timings_are_recorded(
    platform: Platform, monitor: AnswerMonitor, smollm2: LLMProvider
) -> None:
    tokens = {
        k: sample("medichain_llm_tokens_total", provider="llamacpp", kind=k) for k in ("prompt", "completion")
    }
    requests = sample("medichain_llm_request_duration_seconds_count", provider="llamacpp")
    before = await last_id(platform.dbs)
    response = await answer(
        pipeline_for(platform, monitor, llm=smollm2, max_tokens=48), "what is hypertension?"
    )
    await monitor.flush()
    (row,) = await rows_after(platform.dbs, before)
    assert row.provider == "llamacpp" and row.replaced == response.safety.replaced
    assert row.prompt_tokens > 100 and 0 < row.completion_tokens <= 48
    assert row.first_token_ms is not None and row.first_token_ms <= row.latency_ms
    assert row.quality == score(response).score
    assert (
        sample("medichain_llm_tokens_total", provider="llamacpp", kind="prompt")
        == tokens["prompt"] + row.prompt_tokens
    )
    assert (
        sample("medichain_llm_tokens_total", provider="llamacpp", kind="completion")
        == tokens["completion"] + row.completion_tokens
    )
    assert sample("medichain_llm_request_duration_seconds_count", provider="llamacpp") == requests + 1
