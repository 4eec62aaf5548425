"""deploy/Dockerfile read statically (Docker is not needed): stages, user, the command it runs (parsed
by the real CLI), its health check (run against real HTTP servers) and the build context."""

import json
import re
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.deploy.manifests import DEPLOY, GATEWAY_SERVICE, ROOT, service_started_by

Instruction = tuple[str, str]


def instructions() -> list[Instruction]:
    """The Dockerfile's instructions (keyword, arguments) with continuation lines joined."""
    text = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [
        (keyword.upper(), rest.strip())
        for keyword, _, rest in (line.partition(" ") for line in lines if line and not line.startswith("#"))
    ]


def stages() -> list[list[Instruction]]:
    """Instructions grouped by build stage (the global ARGs before the first FROM are stage 0's)."""
    result: list[list[Instruction]] = [[]]
    for keyword, rest in instructions():
        if keyword == "FROM" and result[-1] and any(k == "FROM" for k, _ in result[-1]):
            result.append([])
        result[-1].append((keyword, rest))
    return result


def base_image(stage: list[Instruction]) -> str:
    """The image a stage starts from, with global ARG defaults substituted."""
    defaults = dict(rest.split("=", 1) for k, rest in instructions() if k == "ARG" and "=" in rest)
    image = next(rest for k, rest in stage if k == "FROM").split()[0]
    return re.sub(r"\$\{(\w+)\}", lambda m: defaults[m.group(1)], image)


def env_of(stage: list[Instruction]) -> str:
    """The ENV instructions of a stage, joined."""
    return " ".join(rest for k, rest in stage if k == "ENV")


def exec_form(keyword: str) -> list[str]:
    """The JSON (exec) form of the last ENTRYPOINT or CMD."""
    rest = [r for k, r in instructions() if k == keyword][-1]
    return json.loads(rest)


def test_the_web_client_is_built_with_node_20_and_copied_into_the_runtime() -> None:
    web, _, runtime = stages()
    assert base_image(web).startswith("node:20")
    assert ("RUN", "npm ci --no-audit --no-fund") in web and ("RUN", "npm run build") in web
    copies = [rest for k, rest in runtime if k == "COPY"]
    assert "--from=web /src/frontend/dist /opt/medichain/web" in copies
    assert "MEDICHAIN_WEB_DIR=/opt/medichain/web" in env_of(runtime)


def test_the_runtime_is_python_311_slim_with_the_package_and_a_non_root_user() -> None:
    _, build, runtime = stages()
    assert base_image(build) == base_image(runtime)
    assert base_image(runtime).startswith("python:3.11-slim")
    assert any(k == "RUN" and "pip install ." in rest for k, rest in build)
    assert "--from=build /opt/medichain /opt/medichain" in [rest for k, rest in runtime if k == "COPY"]
    users = [rest for k, rest in runtime if k == "USER"]
    assert users and users[-1].split(":")[0] not in {"root", "0"}


def test_entrypoint_runs_a_service_and_cmd_is_the_gateway() -> None:
    assert exec_form("ENTRYPOINT") == ["medichain", "service", "run"]
    assert exec_form("CMD") == GATEWAY_SERVICE.args


def test_the_cli_accepts_the_image_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """`medichain service run` with the image's default arguments reaches the server with them."""
    argv = exec_form("ENTRYPOINT")[1:] + exec_form("CMD")
    assert service_started_by(argv, monkeypatch) == (GATEWAY_SERVICE.name, "0.0.0.0", GATEWAY_SERVICE.port)


class _Health(BaseHTTPRequestHandler):
    status = 200
    paths: list[str]

    def do_GET(self) -> None:
        self.paths.append(self.path)
        self.send_response(self.status)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@contextmanager
def _server(status: int) -> Iterator[tuple[int, list[str]]]:
    handler = type("Handler", (_Health,), {"status": status, "paths": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], handler.paths
    finally:
        server.shutdown()
        server.server_close()


def _healthcheck(port: int) -> int:
    """Run the image's HEALTHCHECK command (its Python one-liner) against a port; its exit status."""
    rest = next(r for k, r in instructions() if k == "HEALTHCHECK")
    command = json.loads(rest[rest.index("CMD") + 3 :])
    assert command[0] == "python"
    env = {"HEALTHCHECK_PORT": str(port), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, *command[1:]], env=env, capture_output=True, timeout=30).returncode


@pytest.mark.parametrize(("status", "healthy"), [(200, True), (503, False)])
def test_healthcheck_asks_health_and_follows_its_status(status: int, healthy: bool) -> None:
    with _server(status) as (port, paths):
        assert (_healthcheck(port) == 0) is healthy
    assert paths == ["/health"]


def test_healthcheck_defaults_to_the_gateway_port() -> None:
    assert f"HEALTHCHECK_PORT={GATEWAY_SERVICE.port}" in env_of(stages()[-1])


# --- the build context (.dockerignore)


def _patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    return [line.strip().rstrip("/") for line in lines if line.strip() and not line.startswith("#")]


def _matches(pattern: str, path: str) -> bool:
    regex = "".join(
        ".*" if part == "**" else "[^/]*" if part == "*" else "[^/]" if part == "?" else re.escape(part)
        for part in re.split(r"(\*\*|\*|\?)", pattern)
    )
    return re.fullmatch(regex, path) is not None


def in_context(path: str) -> bool:
    """Whether Docker sends `path` to the build: the last matching pattern decides, as Docker's does
    (a pattern matching a folder applies to everything in it)."""
    parts = path.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    excluded = False
    for pattern in _patterns():
        negated = pattern.startswith("!")
        if any(_matches(pattern.lstrip("!"), c) for c in candidates):
            excluded = not negated
    return not excluded


def _tracked(*paths: str) -> list[str]:
    out = subprocess.run(["git", "ls-files", *paths], cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_build_context_has_every_copied_source_and_every_package_file() -> None:
    sources = [
        src.rstrip("/")
        for k, rest in instructions()
        if k == "COPY" and not rest.startswith("--from")
        for src in shlex.split(rest)[:-1]
    ]
    assert sources and all((ROOT / s).exists() and in_context(s) for s in sources), sources
    missing = [
        p for p in _tracked("medichain", "frontend", "pyproject.toml", "README.md") if not in_context(p)
    ]
    assert missing == []


@pytest.mark.parametrize(
    "path",
    [
        ".env",
        ".venv/bin/python",
        "var/global.db",
        ".git/HEAD",
        "frontend/node_modules/react/index.js",
        "frontend/dist/index.html",
        "medichain/__pycache__/app.cpython-311.pyc",
        "tests/conftest.py",
    ],
)
def test_build_context_leaves_out_local_state(path: str) -> None:
    assert not in_context(path)
