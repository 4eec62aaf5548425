"""deploy/docker-compose.yml: valid against the Compose specification, the six services of the
contract from one image, the init job first, MySQL with the databases the services use, Redis,
Prometheus and Grafana with files that exist, and every variable documented in .env.example."""

import importlib.resources
import json
import re
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest

from tests.deploy.manifests import (
    CONTRACT_SETTINGS,
    DEPLOY,
    EXPECTED,
    GATEWAY_SERVICE,
    SERVICE_URLS,
    Expected,
    is_command,
    load_yaml,
    service_started_by,
)

COMPOSE = load_yaml(DEPLOY / "docker-compose.yml")
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
APP = [e.host for e in EXPECTED]
VARIABLE = re.compile(r"\$\{(\w+)(?::?([-?])([^}]*))?\}")


def env_example() -> dict[str, str]:
    lines = (DEPLOY / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def interpolate(value: str) -> str:
    """Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?error}` with the values of .env.example."""
    values = env_example()

    def substitute(match: re.Match[str]) -> str:
        name, kind, default = match.groups()
        if name in values:
            return values[name]
        assert kind == "-", f"${{{name}}} has no value in .env.example and no default"
        return default

    return VARIABLE.sub(substitute, value).replace("$$", "$")


def test_compose_file_follows_the_compose_specification() -> None:
    vendored = importlib.resources.files("check_jsonschema.builtin_schemas.vendor") / "compose-spec.json"
    schema = json.loads(vendored.read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(COMPOSE)]
    assert errors == []


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.name)
def test_each_service_runs_from_the_one_image_on_its_contract_port(
    expected: Expected, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = SERVICES[expected.host]
    assert service["command"] == expected.args
    serving = service_started_by(["service", "run", *service["command"]], monkeypatch)
    assert serving == (expected.name, "0.0.0.0", expected.port)
    assert service["environment"]["HEALTHCHECK_PORT"] == str(expected.port)
    assert service["image"] == SERVICES["init"]["image"]
    assert service["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert (DEPLOY / ".." / service["build"]["dockerfile"]).is_file()
    assert service["environment"].keys() >= CONTRACT_SETTINGS
    after = service["depends_on"]
    assert after["init"] == {"condition": "service_completed_successfully"}
    assert after["mysql"] == after["redis"] == {"condition": "service_healthy"}


def test_only_the_gateway_is_published_and_it_reaches_every_other_service() -> None:
    published = {name for name in APP if "ports" in SERVICES[name]}
    assert published == {GATEWAY_SERVICE.host}
    (mapping,) = SERVICES[GATEWAY_SERVICE.host]["ports"]
    assert interpolate(mapping) == f"{GATEWAY_SERVICE.port}:{GATEWAY_SERVICE.port}"
    gateway_env = SERVICES[GATEWAY_SERVICE.host]["environment"]
    assert gateway_env["MEDICHAIN_SERVICE_URLS"] == SERVICE_URLS
    assert not any("MEDICHAIN_SERVICE_URLS" in SERVICES[name]["environment"] for name in APP[1:])
    others = {name for name in APP if name != GATEWAY_SERVICE.host}
    assert {n for n, c in SERVICES[GATEWAY_SERVICE.host]["depends_on"].items() if n in APP} == others


def test_init_runs_medichain_init_once_after_mysql_and_redis() -> None:
    init = SERVICES["init"]
    assert init["entrypoint"] == ["medichain", "init"]
    assert is_command(init["entrypoint"][1:])
    assert init["restart"] == "no"
    assert init["depends_on"] == {
        "mysql": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    assert init["environment"].keys() >= CONTRACT_SETTINGS


def _created_and_granted() -> tuple[set[str], set[str]]:
    sql = (DEPLOY / "mysql" / "init.sql").read_text()
    created = set(re.findall(r"CREATE DATABASE IF NOT EXISTS `(\w+)`", sql))
    granted = set(re.findall(r"GRANT ALL PRIVILEGES ON `(\w+)`\.\* TO 'medichain'@'%'", sql))
    return created, granted


def test_mysql_creates_and_grants_exactly_the_databases_the_services_use() -> None:
    mysql = SERVICES["mysql"]
    assert mysql["image"].startswith("mysql:8")
    assert "./mysql/init.sql:/docker-entrypoint-initdb.d/01-medichain.sql:ro" in mysql["volumes"]
    env = SERVICES["init"]["environment"]
    urls = [
        urlsplit(interpolate(u))
        for u in [env["MEDICHAIN_GLOBAL_DATABASE_URL"], *env["MEDICHAIN_SHARD_URLS"].split(",")]
    ]
    assert {u.path.lstrip("/") for u in urls} == _created_and_granted()[0] == _created_and_granted()[1]
    assert len(urls) == 3
    assert {(u.scheme, u.hostname, u.port, u.username) for u in urls} == {
        ("mysql", "mysql", 3306, "medichain")
    }
    assert {u.password for u in urls} == {interpolate(mysql["environment"]["MYSQL_PASSWORD"])}
    assert mysql["environment"]["MYSQL_USER"] == "medichain"


def test_redis_7_requires_the_password_the_services_use() -> None:
    redis = SERVICES["redis"]
    assert redis["image"].startswith("redis:7")
    password = interpolate(redis["command"][redis["command"].index("--requirepass") + 1])
    url = urlsplit(interpolate(SERVICES["init"]["environment"]["MEDICHAIN_REDIS_URL"]))
    assert (url.hostname, url.port, url.password) == ("redis", 6379, password)


def test_every_bind_mount_exists() -> None:
    mounts = [
        volume.split(":")[0]
        for service in SERVICES.values()
        for volume in service.get("volumes", [])
        if volume.startswith("./")
    ]
    assert len(mounts) >= 5
    assert [m for m in mounts if not (DEPLOY / m).exists()] == []


def test_prometheus_and_grafana_load_the_provisioned_files() -> None:
    prometheus, grafana = SERVICES["prometheus"], SERVICES["grafana"]
    assert "./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro" in prometheus["volumes"]
    assert "./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro" in prometheus["volumes"]
    assert "--config.file=/etc/prometheus/prometheus.yml" in prometheus["command"]
    assert "./grafana/provisioning:/etc/grafana/provisioning:ro" in grafana["volumes"]
    assert "./grafana/dashboards:/var/lib/grafana/dashboards:ro" in grafana["volumes"]


def test_every_variable_is_documented_in_env_example_and_every_entry_used() -> None:
    text = (DEPLOY / "docker-compose.yml").read_text()
    required = {name for name, kind, _ in VARIABLE.findall(text) if kind != "-"}
    documented = env_example().keys()
    assert required <= documented
    assert documented <= {name for name, _, _ in VARIABLE.findall(text)}
