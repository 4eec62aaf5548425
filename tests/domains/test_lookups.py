"""Structured lookups over the bundled data through the REST API: drugs, interactions, hospitals,
departments, knowledge search — on SQLite and on MariaDB."""

import httpx


async def test_drug_search_by_brand_ingredient_and_typo(loaded_client: httpx.AsyncClient) -> None:
    for query, expected in (
        ("타이레놀", "아세트아미노펜"),
        ("tylenol", "acetaminophen"),
        ("타이래놀", "아세트아미노펜"),
        ("amoxicilin", "amoxicillin"),
        ("아목시", "amoxicillin"),
    ):
        response = await loaded_client.get("/api/v1/drugs", params={"q": query})
        assert response.status_code == 200
        ingredients = {i["ko"] for d in response.json() for i in d["ingredients"]} | {
            i["en"] for d in response.json() for i in d["ingredients"]
        }
        assert expected in ingredients, (query, response.json()[:2])


async def test_drug_detail_and_unknown(loaded_client: httpx.AsyncClient) -> None:
    first = (await loaded_client.get("/api/v1/drugs", params={"q": "타이레놀"})).json()[0]
    detail = (await loaded_client.get(f"/api/v1/drugs/{first['id']}")).json()
    assert detail["record"]["source"]
    assert detail["record"]["indications"]["ko"]
    missing = await loaded_client.get("/api/v1/drugs/not-a-drug")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


async def test_interaction_check_every_pair(loaded_client: httpx.AsyncClient) -> None:
    response = await loaded_client.post(
        "/api/v1/interactions/check", json={"drugs": ["와파린", "부루펜", "타이레놀", "없는약이름xyz"]}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["pairs_checked"] == 3
    assert body["unresolved"] == ["없는약이름xyz"]
    severities = {
        tuple(sorted(i["ingredients"])): i["severity"] for i in body["interactions"] if i["ingredients"][0]
    }
    assert severities[("ibuprofen", "warfarin")] == "major"
    assert body["interactions"][0]["severity"] == "major", "worst first"


async def test_contraindicated_pair_in_english(loaded_client: httpx.AsyncClient) -> None:
    body = (
        await loaded_client.post(
            "/api/v1/interactions/check", json={"drugs": ["viagra", "nitroglycerin"], "lang": "en"}
        )
    ).json()
    assert body["interactions"][0]["severity"] == "contraindicated"
    assert body["interactions"][0]["summary"].isascii()


async def test_interaction_check_validation(loaded_client: httpx.AsyncClient) -> None:
    assert (
        await loaded_client.post("/api/v1/interactions/check", json={"drugs": ["one"]})
    ).status_code == 422
    many = {"drugs": [f"d{i}" for i in range(21)]}
    assert (await loaded_client.post("/api/v1/interactions/check", json=many)).status_code == 422


async def test_hospitals_near_with_filters(loaded_client: httpx.AsyncClient) -> None:
    seoul_city_hall = {"lat": 37.5665, "lng": 126.9780}
    near = (await loaded_client.get("/api/v1/hospitals", params={**seoul_city_hall, "radius_km": 5})).json()
    assert near and all(h["distance_km"] <= 5 for h in near)
    assert [h["distance_km"] for h in near] == sorted(h["distance_km"] for h in near)
    er = (
        await loaded_client.get(
            "/api/v1/hospitals", params={**seoul_city_hall, "radius_km": 10, "emergency": True}
        )
    ).json()
    assert er and all(h["emergency"] for h in er)
    kids = (
        await loaded_client.get(
            "/api/v1/hospitals", params={**seoul_city_hall, "radius_km": 15, "department": "소아과"}
        )
    ).json()
    assert kids and all("소아청소년과" in h["departments"] for h in kids)
    busan = (
        await loaded_client.get("/api/v1/hospitals", params={"lat": 35.1796, "lng": 129.0756, "radius_km": 3})
    ).json()
    assert busan and all(h["lat"] < 36 for h in busan)
    bad = await loaded_client.get("/api/v1/hospitals", params={"lat": 200, "lng": 0})
    assert bad.status_code == 422


async def test_department_suggestion(loaded_client: httpx.AsyncClient) -> None:
    for text, department in (
        ("무릎이 아프고 붓고 시큰거려요", "정형외과"),
        ("피부에 두드러기가 났어요", "피부과"),
        ("귀가 아프고 먹먹해요", "이비인후과"),
    ):
        suggestions = (await loaded_client.get("/api/v1/departments/suggest", params={"q": text})).json()
        assert department in [s["name"]["ko"] for s in suggestions], (text, suggestions)
    assert len((await loaded_client.get("/api/v1/departments")).json()) >= 20


async def test_knowledge_search_carries_citations(loaded_client: httpx.AsyncClient) -> None:
    hits = (
        await loaded_client.get("/api/v1/knowledge/search", params={"q": "머리가 지끈지끈 아파요", "k": 5})
    ).json()
    assert hits and all(h["source"] for h in hits)
    assert any(h["doc_id"] == "symptom-headache" for h in hits)
    english = (
        await loaded_client.get("/api/v1/knowledge/search", params={"q": "how to do CPR", "lang": "en"})
    ).json()
    assert english and all(h["lang"] == "en" for h in english)
    only_first_aid = (
        await loaded_client.get("/api/v1/knowledge/search", params={"q": "화상", "domain": "emergency"})
    ).json()
    assert only_first_aid and all(h["domain"] == "emergency" for h in only_first_aid)
