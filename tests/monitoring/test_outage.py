"""A global database outage (cut through a TCP proxy) never fails a turn: the answer rows wait in memory, up
to `answer_log_buffer` of them, and reach `answer_log` once the database is back."""

import httpx
import pytest

from medichain.config import Settings
from tests.chat.helpers import QUESTION
from tests.conftest import client_for, running_app
from tests.monitoring.conftest import last_id, rows_after
from tests.tcp_proxy import TcpProxy

QUESTIONS = [QUESTION, "what is hypertension?", "가슴이 쥐어짜듯 아프고 식은땀이 나요", "두통"]


async def ask(client: httpx.AsyncClient, text: str) -> dict:
    response = await client.post("/api/v1/chat/ask", json={"text": text})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("loaded_settings", ["mariadb"], indirect=True)
async def test_answer_rows_wait_out_a_database_outage(loaded_settings: Settings) -> None:
    proxy = TcpProxy(3306)
    await proxy.start()
    routed = loaded_settings.model_copy(
        update={
            "global_database_url": loaded_settings.global_database_url.replace("3306", str(proxy.port)),
            "db_pool_timeout_s": 2.0,
            "answer_log_buffer": 3,
            "answer_log_flush_s": 3600.0,  # the test flushes
        }
    )
    try:
        async with running_app(routed, migrate=False) as app, client_for(app) as client:
            monitor = app.state.platform.monitor
            before = await last_id(app.state.platform.dbs)
            await ask(client, QUESTIONS[0])
            assert await monitor.flush() == 1

            await proxy.stop()
            for text in QUESTIONS:
                await ask(client, text)
            assert await monitor.flush() == 0, "the database is down"
            assert (monitor.pending, monitor.dropped) == (3, 1), "the oldest row made room"
            await ask(client, QUESTIONS[1])
            assert (monitor.pending, monitor.dropped) == (3, 2)

            await proxy.start()
            assert await monitor.flush() == 3
            assert monitor.pending == 0
            rows = await rows_after(app.state.platform.dbs, before)
            assert [row.domain for row in rows] == ["drug", "emergency", "general", "general"]
    finally:
        await proxy.stop()
