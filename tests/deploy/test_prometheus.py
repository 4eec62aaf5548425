"""deploy/prometheus: every service scraped under its name, alert rules over metrics that exist,
and `promtool` (Debian's `prometheus` package, installed by scripts/services.sh) checking the config,
the rules and the rules' unit tests."""

import shutil
import subprocess
from typing import Any

import pytest

from tests.deploy.manifests import DEPLOY, EXPECTED, load_yaml, metric_problems

PROMETHEUS = DEPLOY / "prometheus"
CONFIG = load_yaml(PROMETHEUS / "prometheus.yml")
RULES: list[dict[str, Any]] = [
    rule for group in load_yaml(PROMETHEUS / "alerts.yml")["groups"] for rule in group["rules"]
]
REQUIRED_ALERTS = {
    "MedichainServiceDown",
    "MedichainHighErrorRate",
    "MedichainChatStageSlow",
    "MedichainCircuitBreakerOpen",
    "MedichainLLMSlow",
    "MedichainLowAnswerQuality",
    "MedichainRedisDegraded",
    "MedichainDBPoolSaturated",
    "MedichainSlowQueries",
}
PROMTOOL = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(
    PROMTOOL is None,
    reason="promtool not installed (Debian package prometheus; scripts/services.sh installs it)",
)


def test_every_service_is_scraped_under_its_name() -> None:
    (job,) = [job for job in CONFIG["scrape_configs"] if job["job_name"] == "medichain"]
    assert job["metrics_path"] == "/metrics"
    scraped = {
        target: group["labels"]["service"] for group in job["static_configs"] for target in group["targets"]
    }
    assert scraped == {f"{e.host}:{e.port}": e.name for e in EXPECTED}


def test_the_rule_files_exist() -> None:
    assert CONFIG["rule_files"] == ["alerts.yml"]
    assert (PROMETHEUS / "alerts.yml").is_file()


def test_the_required_alerts_exist_with_severity_and_text() -> None:
    names = [rule["alert"] for rule in RULES]
    assert len(names) == len(set(names))
    assert set(names) >= REQUIRED_ALERTS
    for rule in RULES:
        assert rule["labels"]["severity"] in {"critical", "warning"}, rule["alert"]
        assert rule["annotations"].keys() >= {"summary", "description"}, rule["alert"]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule["alert"])
def test_alert_expressions_name_catalogue_metrics_and_labels(rule: dict[str, Any]) -> None:
    assert metric_problems(rule["expr"]) == []


def test_every_alert_has_a_unit_test() -> None:
    tests = load_yaml(PROMETHEUS / "alerts.test.yml")
    assert tests["rule_files"] == ["alerts.yml"]
    tested = {
        case["alertname"] for test in tests["tests"] for case in test["alert_rule_test"] if case["exp_alerts"]
    }
    assert tested == {rule["alert"] for rule in RULES}


def _promtool(*args: str) -> subprocess.CompletedProcess[str]:
    assert PROMTOOL is not None
    return subprocess.run([PROMTOOL, *args], cwd=PROMETHEUS, capture_output=True, text=True, timeout=120)


@needs_promtool
def test_promtool_accepts_the_config() -> None:
    result = _promtool("check", "config", "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr


@needs_promtool
def test_promtool_accepts_the_rules() -> None:
    result = _promtool("check", "rules", "alerts.yml")
    assert result.returncode == 0, result.stdout + result.stderr


@needs_promtool
def test_alert_rules_pass_their_unit_tests() -> None:
    """Each alert fires on the series meant to trip it and stays quiet on its healthy neighbour."""
    result = _promtool("test", "rules", "alerts.test.yml")
    assert result.returncode == 0, result.stdout + result.stderr
