"""`create_app()`: the ASGI application for the embedded platform and for each service."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from medichain import __version__
from medichain.accounts import admin_endpoints, endpoints, seed_endpoints
from medichain.accounts import errors as account_errors
from medichain.audit import endpoints as audit_endpoints
from medichain.chat import endpoints as chat_endpoints
from medichain.chat import seed_endpoints as chat_seed_endpoints
from medichain.chat import websocket as chat_websocket
from medichain.config import Settings, get_settings
from medichain.conversations import endpoints as conversation_endpoints
from medichain.core.errors import EDGE_ERRORS, document_errors, install_error_handlers
from medichain.core.logging import configure_logging
from medichain.core.middleware import EdgeMiddleware
from medichain.dashboard import endpoints as dashboard_endpoints
from medichain.domains import endpoints as domain_endpoints
from medichain.domains.registry import discover
from medichain.health import endpoints as health_endpoints
from medichain.knowledge import endpoints as knowledge_endpoints
from medichain.observability import endpoints as metrics_endpoints
from medichain.observability.tracing import configure_tracing
from medichain.observability.traffic import TrafficMetrics
from medichain.platform import Platform
from medichain.services import internal_endpoints
from medichain.services.catalog import ServiceSpec, spec
from medichain.services.prober import probing

DESCRIPTION = """Medical information chatbot platform: KTAS triage, domain routing, grounded answers.

MediChain gives general health information. It never diagnoses or prescribes; in an emergency call 119."""


def create_app(settings: Settings | None = None, *, service_name: str = "chatbot_server") -> FastAPI:
    """Build the application of one service (the gateway serves everything in embedded mode); the platform
    (databases, stores) starts in the lifespan."""
    settings = settings or get_settings()
    service = spec(service_name)
    configure_logging(settings, service_name)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.platform = await Platform.start(settings, service_name=service_name)
        try:
            async with probing(app.state.platform):
                yield
        finally:
            await app.state.platform.stop()

    app = FastAPI(
        title="MediChain",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        responses=EDGE_ERRORS,
    )
    install_error_handlers(app)
    document_errors(app)
    account_errors.install(app)
    conversation_endpoints.install(app)
    chat_endpoints.install(app)
    chat_seed_endpoints.install(app)
    for module in _modules(service):
        app.include_router(module.router)
    for domain in discover(settings.domains or None).values():
        domain_router = domain.router()
        if domain_router is not None and (service.role == "gateway" or domain.name == service.domain):
            app.include_router(domain_router)
    _mount_docs(app)
    if service.role == "gateway" and (settings.web_dir / "index.html").is_file():
        app.mount("/", StaticFiles(directory=settings.web_dir, html=True), name="web")
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
        expose_headers=["X-Request-ID", "Retry-After"],
        max_age=600,
    )
    app.add_middleware(EdgeMiddleware)
    app.add_middleware(TrafficMetrics)
    configure_tracing(app, settings, service_name)
    return app


_GATEWAY_MODULES = (
    health_endpoints,
    endpoints,
    seed_endpoints,
    admin_endpoints,
    audit_endpoints,
    domain_endpoints,
    knowledge_endpoints,
    conversation_endpoints,
    chat_endpoints,
    chat_seed_endpoints,
    chat_websocket,
    dashboard_endpoints,
    metrics_endpoints,
)
_BACKEND_MODULES = (health_endpoints, domain_endpoints, metrics_endpoints, internal_endpoints)


def _modules(service: ServiceSpec) -> tuple[Any, ...]:
    """The routers a service mounts: all of them on the gateway, health, metrics and internal calls elsewhere."""
    return _GATEWAY_MODULES if service.role == "gateway" else _BACKEND_MODULES


def _mount_docs(app: FastAPI) -> None:
    """Serve the OpenAPI UI from the bundled Swagger UI files, so it works offline."""
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="MediChain API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
        )
