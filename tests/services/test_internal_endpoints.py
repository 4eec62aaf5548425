"""The internal endpoints of a domain service: closed without the service token, precise errors for a
wrong call, and the same answer over the wire as in process."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from medichain.app import create_app
from medichain.config import Settings
from medichain.domains.template import Query
from medichain.services.client import SERVICE_TOKEN_HEADER, service_token
from medichain.services.remote import ANSWER, QUERY, ROUTE_PATH, answer_path
from tests.conftest import client_for


@pytest.fixture
async def drug_app(loaded_settings: Settings) -> FastAPI:
    return create_app(loaded_settings, service_name="drug_server")


@pytest.fixture
async def drug_service(drug_app: FastAPI, loaded_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = drug_app
    async with app.router.lifespan_context(app), client_for(app) as client:
        client.headers[SERVICE_TOKEN_HEADER] = service_token(loaded_settings)
        yield client


QUERY_JSON = {"query": QUERY.dump_python(Query(text="타이레놀 부작용 알려줘", lang="ko"), mode="json")}


async def test_closed_without_the_service_token(drug_service: httpx.AsyncClient) -> None:
    for token in ("", "forged"):
        response = await drug_service.post(
            answer_path("drug"), json=QUERY_JSON, headers={SERVICE_TOKEN_HEADER: token}
        )
        assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert "/internal/v1/route" not in (await drug_service.get("/openapi.json")).text


async def test_precise_errors(drug_service: httpx.AsyncClient) -> None:
    unknown = await drug_service.post(answer_path("dental"), json=QUERY_JSON)
    assert unknown.status_code == 404 and "dental" in unknown.json()["error"]["message"]
    invalid = await drug_service.post(answer_path("drug"), json={"query": {"text": "x", "lang": "fr"}})
    assert invalid.status_code == 422
    context = await drug_service.post(ROUTE_PATH, json={"text": "두통", "context": {"mood": "x"}})
    assert context.status_code == 422 and "routing context" in context.json()["error"]["message"]


async def test_same_answer_over_the_wire_as_in_process(
    drug_service: httpx.AsyncClient, drug_app: FastAPI
) -> None:
    response = await drug_service.post(answer_path("drug"), json=QUERY_JSON)
    assert response.status_code == 200
    remote = ANSWER.validate_python(response.json())
    platform = drug_app.state.platform
    local = await platform.domains["drug"].answer(
        Query(text="타이레놀 부작용 알려줘", lang="ko"), platform.domain_context
    )
    assert remote == local and remote.citations
    routed = await drug_service.post(ROUTE_PATH, json={"text": "타이레놀 부작용 알려줘", "context": {}})
    assert routed.status_code == 200 and routed.json()["domain"] == "drug"
