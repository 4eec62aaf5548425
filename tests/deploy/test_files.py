"""Every YAML and JSON file of deploy/ parses, and no secret is committed there."""

import re
from pathlib import Path

import pytest

from tests.deploy.manifests import DEPLOY, load_json, yaml_documents

YAML_FILES = sorted([*DEPLOY.rglob("*.yml"), *DEPLOY.rglob("*.yaml")])
JSON_FILES = sorted(DEPLOY.rglob("*.json"))


def _name(path: Path) -> str:
    return str(path.relative_to(DEPLOY))


def test_deploy_has_the_expected_files() -> None:
    names = {_name(p) for p in DEPLOY.rglob("*") if p.is_file()}
    assert {
        "Dockerfile",
        ".env.example",
        "docker-compose.yml",
        "mysql/init.sql",
        "prometheus/prometheus.yml",
        "prometheus/alerts.yml",
        "prometheus/alerts.test.yml",
        "grafana/provisioning/datasources/prometheus.yml",
        "grafana/provisioning/dashboards/medichain.yml",
        "grafana/dashboards/medichain.json",
        "k8s/kustomization.yaml",
    } <= names


@pytest.mark.parametrize("path", YAML_FILES, ids=_name)
def test_yaml_parses(path: Path) -> None:
    documents = yaml_documents(path)
    assert documents and all(isinstance(doc, dict) for doc in documents)


@pytest.mark.parametrize("path", JSON_FILES, ids=_name)
def test_json_parses(path: Path) -> None:
    assert isinstance(load_json(path), dict)


def test_env_example_holds_placeholders_only() -> None:
    """Every secret in .env.example is CHANGE_ME; nothing real is committed."""
    entries = dict(
        line.split("=", 1)
        for line in (DEPLOY / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    secrets = {k: v for k, v in entries.items() if re.search(r"PASSWORD|SECRET|KEY", k)}
    assert secrets and set(secrets.values()) == {"CHANGE_ME"}, secrets
