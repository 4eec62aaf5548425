"""The provisioned Grafana dashboard: wired to the provisioned Prometheus, laid out without
overlaps, every query valid PromQL over metrics and labels of the catalogue, and every metric of the
catalogue shown."""

import re
from typing import Any

import pytest

from tests.deploy.manifests import (
    DEPLOY,
    catalogue_families,
    family_of,
    load_json,
    load_yaml,
    metric_problems,
    selectors_and_groupings,
)

GRAFANA = DEPLOY / "grafana"
DASHBOARD = load_json(GRAFANA / "dashboards" / "medichain.json")
PANELS: list[dict[str, Any]] = [p for p in DASHBOARD["panels"] if p["type"] != "row"]
TARGETS = [(panel["title"], target) for panel in PANELS for target in panel["targets"]]
GRAFANA_INTERVALS = {"__rate_interval", "__interval", "__range"}


def promql(expr: str) -> str:
    """A panel query as Prometheus receives it: Grafana's interval variables become a duration and the
    dashboard's own variables match everything; any other `$name` is left in (and fails to parse)."""
    variables = {v["name"] for v in DASHBOARD["templating"]["list"]}

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        return "5m" if name in GRAFANA_INTERVALS else ".*" if name in variables else match.group(0)

    return re.sub(r"\$(\w+)", substitute, expr)


def test_the_datasource_and_dashboard_provider_match_compose() -> None:
    (datasource,) = load_yaml(GRAFANA / "provisioning" / "datasources" / "prometheus.yml")["datasources"]
    assert (datasource["type"], datasource["url"]) == ("prometheus", "http://prometheus:9090")
    uids = {panel["datasource"]["uid"] for panel in PANELS} | {t["datasource"]["uid"] for _, t in TARGETS}
    assert uids == {datasource["uid"]}
    (provider,) = load_yaml(GRAFANA / "provisioning" / "dashboards" / "medichain.yml")["providers"]
    assert provider["type"] == "file"
    assert provider["options"]["path"] == "/var/lib/grafana/dashboards"


def test_dashboard_identity_and_layout() -> None:
    assert DASHBOARD["uid"] and DASHBOARD["title"] == "MediChain"
    ids = [panel["id"] for panel in DASHBOARD["panels"]]
    assert len(ids) == len(set(ids))
    taken: set[tuple[int, int]] = set()
    for panel in DASHBOARD["panels"]:
        box = panel["gridPos"]
        assert box["x"] >= 0 and box["w"] > 0 and box["x"] + box["w"] <= 24, panel["title"]
        cells = {
            (x, y) for x in range(box["x"], box["x"] + box["w"]) for y in range(box["y"], box["y"] + box["h"])
        }
        assert not cells & taken, f"{panel['title']} overlaps another panel"
        taken |= cells


def test_every_panel_has_queries_with_distinct_ref_ids() -> None:
    for panel in PANELS:
        refs = [target["refId"] for target in panel["targets"]]
        assert refs and len(refs) == len(set(refs)), panel["title"]
        assert all(target["expr"].strip() for target in panel["targets"]), panel["title"]


@pytest.mark.parametrize(("title", "target"), TARGETS, ids=[f"{t}:{q['refId']}" for t, q in TARGETS])
def test_queries_are_promql_over_catalogue_metrics_and_labels(title: str, target: dict[str, Any]) -> None:
    assert metric_problems(promql(target["expr"])) == []


def test_the_service_variable_lists_scraped_services() -> None:
    (variable,) = DASHBOARD["templating"]["list"]
    assert variable["name"] == "service"
    assert variable["query"]["query"] == 'label_values(up{job="medichain"}, service)'


def _shown() -> list[tuple[str, frozenset[str]]]:
    """(metric family, labels grouped by) for every aggregation on every panel."""
    shown = []
    for _, target in TARGETS:
        selectors, groupings = selectors_and_groupings(promql(target["expr"]))
        shown += [(family_of(s.metric), frozenset()) for s in selectors]
        shown += [(family_of(m), g.labels) for g in groupings for m in g.metrics]
    return shown


def test_every_catalogue_metric_is_shown() -> None:
    assert catalogue_families() - {family for family, _ in _shown()} == set()


@pytest.mark.parametrize(
    ("family", "by"),
    [
        ("medichain_http_requests_total", "route"),
        ("medichain_http_requests_total", "status"),
        ("medichain_websocket_frames_total", "type"),
        ("medichain_chat_stage_duration_seconds", "stage"),
        ("medichain_llm_request_duration_seconds", "provider"),
        ("medichain_llm_first_token_seconds", "provider"),
        ("medichain_llm_tokens_total", "provider"),
        ("medichain_llm_errors_total", "provider"),
        ("medichain_answer_quality_score", "provider"),
        ("medichain_semantic_cache_lookups_total", "domain"),
        ("medichain_db_pool_connections", "state"),
        ("medichain_db_slow_queries_total", "database"),
        ("medichain_circuit_breaker_state", "target"),
        ("medichain_triage_level_total", "level"),
        ("medichain_safety_events_total", "kind"),
        ("medichain_answer_alerts_total", "kind"),
    ],
)
def test_the_breakdowns_the_dashboard_promises(family: str, by: str) -> None:
    assert any(f == family and by in labels for f, labels in _shown())


def test_cache_hit_rate_divides_hits_by_all_lookups() -> None:
    (expr,) = [t["expr"] for title, t in TARGETS if title == "Semantic cache hit rate"]
    hits, lookups = promql(expr).split(" / ")
    assert 'result="hit"' in hits and "result" not in lookups
