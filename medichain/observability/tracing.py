"""OpenTelemetry tracing, on when an exporter is configured (`MEDICHAIN_OTEL_ENDPOINT`, OTLP over HTTP).

Each request becomes a server span, each stage of a chat turn a child span (`observability.metrics.stage`),
and calls between services carry the W3C `traceparent` header, so a turn is one trace across the gateway
and the domain services. Without an exporter nothing is installed and the stage spans are no-ops.
"""

from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanProcessor

from medichain import __version__
from medichain.config import Settings


def configure_tracing(
    app: FastAPI, settings: Settings, service: str, processor: SpanProcessor | None = None
) -> TracerProvider | None:
    """Instrument `app` and outgoing service calls when an exporter is configured; returns the provider.

    `processor` replaces the OTLP exporter (tests use an in-memory one)."""
    if processor is None:
        if not settings.otel_endpoint:
            return None
        exporter: SpanExporter = OTLPSpanExporter(endpoint=settings.otel_endpoint)
        processor = BatchSpanProcessor(exporter)
    resource = Resource.create({"service.name": service, "service.version": __version__})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(processor)
    FastAPIInstrumentor.instrument_app(app, tracer_provider=provider, excluded_urls="health,ready,metrics")
    HTTPXClientInstrumentor().instrument(tracer_provider=provider)
    trace.set_tracer_provider(provider)  # the stage spans' tracer; one provider per process
    return provider
