"""deploy/k8s: every manifest valid against the Kubernetes OpenAPI schemas (kubernetes-validate,
offline, strict), and wired together: a Deployment, Service and HPA per service of the contract with
probes, resources and the restricted pod security profile, config and secrets every pod reads, the
init Job, and a kustomization listing it all."""

import shutil
import subprocess
from typing import Any

import kubernetes_validate
import pytest
from kubernetes_validate.utils import all_versions

from tests.deploy.manifests import (
    CONTRACT_SETTINGS,
    EXPECTED,
    GATEWAY_SERVICE,
    K8S,
    SERVICE_URLS,
    Expected,
    is_command,
    service_started_by,
    yaml_documents,
)

KUSTOMIZATION = "kustomization.yaml"
SECRET_TEMPLATE = "secret.yaml"
"""Left out of the kustomization on purpose: applying it would replace real secrets with placeholders."""
MANIFESTS = sorted(p for p in K8S.glob("*.yaml") if p.name != KUSTOMIZATION)
OBJECTS: list[dict[str, Any]] = [doc for path in MANIFESTS for doc in yaml_documents(path)]
SCHEMA_VERSIONS = (all_versions()[0], all_versions()[-1])
"""The oldest and newest Kubernetes releases whose schemas kubernetes-validate bundles."""


def find(kind: str, name: str) -> dict[str, Any]:
    (found,) = [o for o in OBJECTS if o["kind"] == kind and o["metadata"]["name"] == name]
    return found


def _id(obj: dict[str, Any]) -> str:
    return f"{obj['kind']}/{obj['metadata']['name']}"


def schema_problem(obj: dict[str, Any], version: str) -> str | None:
    """Why `obj` is not a valid object of Kubernetes `version` (unknown fields included), or None."""
    try:
        kubernetes_validate.validate(obj, version, strict=True)
    except kubernetes_validate.ValidationError as exc:
        return f"{'/'.join(map(str, exc.path))}: {exc.message}"
    return None


@pytest.mark.parametrize("version", SCHEMA_VERSIONS)
@pytest.mark.parametrize("obj", OBJECTS, ids=_id)
def test_manifest_is_valid_kubernetes(obj: dict[str, Any], version: str) -> None:
    assert schema_problem(obj, version) is None


def test_everything_lives_in_the_medichain_namespace() -> None:
    assert find("Namespace", "medichain")
    assert {o["metadata"].get("namespace") for o in OBJECTS if o["kind"] != "Namespace"} == {"medichain"}


def test_kustomization_lists_every_manifest_but_the_secret_template() -> None:
    (kustomization,) = yaml_documents(K8S / KUSTOMIZATION)
    assert kustomization["namespace"] == "medichain"
    assert sorted(kustomization["resources"]) == sorted(
        p.name for p in MANIFESTS if p.name != SECRET_TEMPLATE
    )


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl not installed")
def test_kubectl_builds_the_kustomization() -> None:
    out = subprocess.run(["kubectl", "kustomize", str(K8S)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    kinds = [line.split(": ", 1)[1] for line in out.stdout.splitlines() if line.startswith("kind: ")]
    assert len(kinds) == len(OBJECTS) - 1  # all but the Secret


def _pod(obj: dict[str, Any]) -> dict[str, Any]:
    return obj["spec"]["template"]["spec"]


def _container(obj: dict[str, Any]) -> dict[str, Any]:
    (container,) = _pod(obj)["containers"]
    return container


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.name)
def test_deployment_runs_the_service_with_probes_and_resources(
    expected: Expected, monkeypatch: pytest.MonkeyPatch
) -> None:
    deployment = find("Deployment", expected.host)
    container = _container(deployment)
    assert container["args"] == expected.args
    assert service_started_by(["service", "run", *container["args"]], monkeypatch) == (
        expected.name,
        "0.0.0.0",
        expected.port,
    )
    assert container["ports"] == [{"name": "http", "containerPort": expected.port}]
    for probe, path in (
        ("startupProbe", "/health"),
        ("livenessProbe", "/health"),
        ("readinessProbe", "/ready"),
    ):
        assert container[probe]["httpGet"] == {"path": path, "port": "http"}, probe
    for bound in ("requests", "limits"):
        assert container["resources"][bound].keys() == {"cpu", "memory"}
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(expected.port)


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.name)
def test_service_and_autoscaler_point_at_the_deployment(expected: Expected) -> None:
    deployment = find("Deployment", expected.host)
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    selector = deployment["spec"]["selector"]["matchLabels"]
    assert selector.items() <= labels.items()
    service = find("Service", expected.host)
    assert service["spec"]["selector"] == selector
    assert service["spec"]["ports"] == [{"name": "http", "port": expected.port, "targetPort": "http"}]
    hpa = find("HorizontalPodAutoscaler", expected.host)
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": expected.host,
    }
    assert 2 <= hpa["spec"]["minReplicas"] == deployment["spec"]["replicas"] < hpa["spec"]["maxReplicas"]


WORKLOADS = [o for o in OBJECTS if o["kind"] in {"Deployment", "Job"}]


@pytest.mark.parametrize("workload", WORKLOADS, ids=_id)
def test_pods_read_the_config_and_secret_and_meet_the_restricted_profile(workload: dict[str, Any]) -> None:
    pod, container = _pod(workload), _container(workload)
    sources = [next(iter(source.items())) for source in container["envFrom"]]
    assert sources == [
        ("configMapRef", {"name": "medichain-config"}),
        ("secretRef", {"name": "medichain-secrets"}),
    ]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    security = container["securityContext"]
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"] == {"drop": ["ALL"]}
    assert security["readOnlyRootFilesystem"] is True
    data_dir = find("ConfigMap", "medichain-config")["data"]["MEDICHAIN_DATA_DIR"]
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert {data_dir, "/tmp"} <= mounts


def test_config_and_secret_hold_the_contract_settings_and_only_placeholders() -> None:
    config = find("ConfigMap", "medichain-config")["data"]
    secret = find("Secret", "medichain-secrets")["stringData"]
    assert not config.keys() & secret.keys()
    assert config.keys() | secret.keys() >= CONTRACT_SETTINGS
    assert all("CHANGE_ME" in value for value in secret.values())
    assert not any(
        k in config for k in ("MEDICHAIN_JWT_SECRET", "MEDICHAIN_DATA_KEYS", "MEDICHAIN_LOOKUP_KEY")
    )


def test_only_the_gateway_is_told_where_the_services_are() -> None:
    for expected in EXPECTED:
        env = {e["name"]: e["value"] for e in _container(find("Deployment", expected.host)).get("env", [])}
        assert env == ({"MEDICHAIN_SERVICE_URLS": SERVICE_URLS} if expected == GATEWAY_SERVICE else {})


def test_init_job_runs_medichain_init() -> None:
    job = find("Job", "medichain-init")
    container = _container(job)
    assert container["command"] == ["medichain", "init"] and "args" not in container
    assert is_command(container["command"][1:])
    assert _pod(job)["restartPolicy"] == "Never"
    images = {_container(w)["image"] for w in WORKLOADS}
    assert images == {"medichain:0.1.0"}
