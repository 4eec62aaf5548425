"""With an exporter configured, a chat turn is one trace: the request's server span with a child span
per stage; without one, nothing is installed."""

from pathlib import Path

from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from medichain.app import create_app
from medichain.config import Settings
from medichain.observability.tracing import configure_tracing
from medichain.platform import Platform
from tests.conftest import backend_settings, client_for


async def test_chat_turn_is_one_trace(tmp_path: Path) -> None:
    settings = await backend_settings("sqlite", tmp_path)  # one process-wide tracer provider: one backend
    await (await Platform.start(settings, migrate=True)).stop()
    exporter = InMemorySpanExporter()
    app = create_app(settings)
    assert configure_tracing(app, settings, "chatbot_server", SimpleSpanProcessor(exporter))
    async with app.router.lifespan_context(app), client_for(app) as client:
        response = await client.post("/api/v1/chat/ask", json={"text": "감기에 좋은 음식 알려줘"})
        assert response.status_code == 200
    spans = exporter.get_finished_spans()
    server = next(s for s in spans if s.name.startswith("POST /api/v1/chat/ask") and s.parent is None)
    stages = {s.name for s in spans if s.context.trace_id == server.context.trace_id}
    assert {"chat.triage", "chat.route", "chat.retrieve"} <= stages, stages
    assert server.resource.attributes["service.name"] == "chatbot_server"


def test_no_exporter_no_tracing() -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert configure_tracing(create_app(settings), settings, "chatbot_server") is None
