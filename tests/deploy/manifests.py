"""What the deploy tests share: the files of `deploy/`, the services each file must run, and the
metric catalogue that PromQL in alert rules and the dashboard must name."""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import promql_parser
import pytest
import yaml
from prometheus_client.metrics import MetricWrapperBase
from typer.testing import CliRunner

from medichain.cli import services as services_cli
from medichain.cli.main import app
from medichain.observability import metrics
from medichain.services.catalog import GATEWAY, SERVICES

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
BASE_PORT = 8000
"""The gateway's port in the contract; the other services follow it by their catalogue offset."""


@dataclass(frozen=True, slots=True)
class Expected:
    """One service as the deploy files must run it: its name, host name (Compose service and
    Kubernetes Service/Deployment) and port."""

    name: str
    host: str
    port: int

    @property
    def args(self) -> list[str]:
        """The arguments of `medichain service run` in a container."""
        return [self.name, "--host", "0.0.0.0", "--port", str(self.port)]


EXPECTED = tuple(
    Expected(s.name, "gateway" if s.name == GATEWAY else s.key, BASE_PORT + s.offset) for s in SERVICES
)
GATEWAY_SERVICE = next(e for e in EXPECTED if e.name == GATEWAY)
SERVICE_URLS = ",".join(
    f"{s.key}=http://{e.host}:{e.port}" for s, e in zip(SERVICES, EXPECTED, strict=True) if s.name != GATEWAY
)
"""`MEDICHAIN_SERVICE_URLS` of a gateway whose services are reached by their host names."""
CONTRACT_SETTINGS = frozenset(
    {
        "MEDICHAIN_GLOBAL_DATABASE_URL",
        "MEDICHAIN_SHARD_URLS",
        "MEDICHAIN_REDIS_URL",
        "MEDICHAIN_JWT_SECRET",
        "MEDICHAIN_DATA_KEYS",
        "MEDICHAIN_LOOKUP_KEY",
        "MEDICHAIN_ENV",
        "MEDICHAIN_DATA_DIR",
        "MEDICHAIN_LOG_JSON",
    }
)
"""The settings every service and the init job are given (the services contract)."""


def service_started_by(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, int]:
    """Run `medichain ARGV` with the server replaced by a recorder: the (service, host, port) that
    `medichain service run` would serve."""
    started: list[tuple[str, str, int]] = []
    monkeypatch.setattr(services_cli, "serve_service", lambda *args: started.append(args))
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    (serving,) = started
    return serving


def is_command(argv: list[str]) -> bool:
    """Whether `medichain ARGV --help` names an existing command."""
    return CliRunner().invoke(app, [*argv, "--help"]).exit_code == 0


def yaml_documents(path: Path) -> list[Any]:
    """Every document of a YAML file (empty documents dropped)."""
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc is not None]


def load_yaml(path: Path) -> Any:
    """A one-document YAML file."""
    (doc,) = yaml_documents(path)
    return doc


def load_json(path: Path) -> Any:
    return json.loads(path.read_text())


# --- the metric catalogue

SCRAPE_LABELS = frozenset({"job", "instance", "service"})
"""Labels Prometheus adds to every series it scrapes (`service` from deploy/prometheus/prometheus.yml)."""
PROMETHEUS_SERIES = frozenset({"up", "ALERTS"})
"""Series Prometheus makes itself: scrape health and the alerts of the rule files."""
_SUFFIXES = {"counter": ("_total",), "gauge": ("",), "histogram": ("_bucket", "_sum", "_count")}


def catalogue() -> dict[str, frozenset[str]]:
    """Every exposed series name of `medichain/observability/metrics.py` with its labels (`le` on buckets)."""
    series: dict[str, frozenset[str]] = {}
    for metric in vars(metrics).values():
        if not isinstance(metric, MetricWrapperBase):
            continue
        labels = frozenset(metric._labelnames)  # prometheus_client keeps the declared label names here
        for suffix in _SUFFIXES[metric._type]:
            series[metric._name + suffix] = labels | {"le"} if suffix == "_bucket" else labels
    return series


def catalogue_families() -> set[str]:
    """The metric names as declared (counters with `_total`, histograms without a suffix)."""
    return {
        m._name + ("_total" if m._type == "counter" else "")
        for m in vars(metrics).values()
        if isinstance(m, MetricWrapperBase)
    }


def family_of(series: str) -> str:
    """The declared metric behind an exposed series (`x_bucket` → `x`, counters keep `_total`)."""
    return re.sub(r"_(bucket|sum|count)$", "", series)


@dataclass(frozen=True, slots=True)
class Selector:
    """A series selector in a PromQL expression: the metric and the labels it matches on."""

    metric: str
    labels: frozenset[str]


@dataclass(frozen=True, slots=True)
class Grouping:
    """An aggregation `by (...)`: the labels it keeps and the metrics aggregated."""

    labels: frozenset[str]
    metrics: frozenset[str]


_BY = promql_parser.AggModifierType.By


def _selectors(tree: object) -> list[Selector]:
    found: list[Selector] = []

    def visit(node: object) -> None:
        if isinstance(node, promql_parser.VectorSelector):
            labels = frozenset(m.name for m in node.matchers.matchers if m.name != "__name__")
            found.append(Selector(node.name, labels))

    promql_parser.walk(tree, visit)
    return found


def selectors_and_groupings(expr: str) -> tuple[list[Selector], list[Grouping]]:
    """Parse PromQL (ValueError when it is not valid) into its selectors and `by` groupings."""
    tree = promql_parser.parse(expr)
    groupings: list[Grouping] = []

    def visit(node: object) -> None:
        modifier = getattr(node, "modifier", None)
        if isinstance(node, promql_parser.AggregateExpr) and modifier and modifier.type == _BY:
            metrics_in = frozenset(s.metric for s in _selectors(node.expr))
            groupings.append(Grouping(frozenset(modifier.labels), metrics_in))

    promql_parser.walk(tree, visit)
    return _selectors(tree), groupings


def metric_problems(expr: str) -> list[str]:
    """What is wrong with the metrics an expression names: unknown series, labels they do not have."""
    series = catalogue()
    selectors, groupings = selectors_and_groupings(expr)
    problems = []
    for selector in selectors:
        if selector.metric in PROMETHEUS_SERIES:
            continue
        if selector.metric not in series:
            problems.append(f"unknown metric {selector.metric}")
            continue
        unknown = selector.labels - series[selector.metric] - SCRAPE_LABELS
        if unknown:
            problems.append(f"{selector.metric} has no label {sorted(unknown)}")
    for grouping in groupings:
        for metric in grouping.metrics & series.keys():
            missing = grouping.labels - series[metric] - SCRAPE_LABELS
            if missing:
                problems.append(f"by {sorted(grouping.labels)}: {metric} has no label {sorted(missing)}")
    return problems
