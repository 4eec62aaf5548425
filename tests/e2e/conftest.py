"""End-to-end fixtures: the real platform on a free port serving the built web client, an admin
account, and Debian's Chromium driven by Playwright.

Needs `apt-get install chromium fonts-nanum`, `pip install playwright` (the Python package only; the
browser is Debian's, never downloaded) and Node 20 + npm to build `frontend/dist` when it is missing.
Set MEDICHAIN_E2E_URL (and MEDICHAIN_E2E_ADMIN_PASSWORD for the `admin` account) to test a server
that is already running instead.
"""

import base64
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.browser import Server, Session, new_session
from tests.servers import free_port, stop_process, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHROMIUM = Path(os.environ.get("MEDICHAIN_E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: drives the web client in Chromium against a running server")


@pytest.fixture(scope="session")
def frontend_dist() -> Path:
    """The built web client; built now when missing."""
    dist = ROOT / "frontend" / "dist"
    if not (dist / "index.html").exists():
        subprocess.run(["bash", str(ROOT / "scripts" / "build-frontend.sh")], check=True)
    return dist


@pytest.fixture(scope="session")
def server(frontend_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The embedded platform with fresh secrets and SQLite files in a temporary directory."""
    if url := os.environ.get("MEDICHAIN_E2E_URL"):
        yield Server(url.rstrip("/"), "admin", os.environ["MEDICHAIN_E2E_ADMIN_PASSWORD"])
        return
    home = tmp_path_factory.mktemp("medichain")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {name: value for name, value in os.environ.items() if not name.startswith("MEDICHAIN_")}
    env.update(
        MEDICHAIN_DATA_DIR=str(home),
        MEDICHAIN_GLOBAL_DATABASE_URL=f"sqlite+aiosqlite:///{home}/global.db",
        MEDICHAIN_SHARD_URLS=f"sqlite+aiosqlite:///{home}/s1.db,sqlite+aiosqlite:///{home}/s2.db",
        MEDICHAIN_JWT_SECRET=secrets.token_urlsafe(36),  # 48 characters
        MEDICHAIN_DATA_KEYS="k1:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        MEDICHAIN_LOOKUP_KEY=secrets.token_urlsafe(32),
        MEDICHAIN_CORS_ORIGINS=base_url,
        MEDICHAIN_LOG_JSON="false",
        MEDICHAIN_WEB_DIR=str(frontend_dist),
    )
    # `init` migrates the databases and may build the search index: minutes on a small machine.
    subprocess.run(
        [str(BIN / "medichain"), "init"], cwd=home, env=env, check=True, capture_output=True, timeout=900
    )
    log = home / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(BIN / "python"),
                "-m",
                "uvicorn",
                "medichain.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=home,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_serving(f"{base_url}/ready", process, log, 300, "the server")
        admin_password = secrets.token_urlsafe(16)
        subprocess.run(
            [str(BIN / "medichain"), "users", "create", "admin", "--admin", "--password-stdin"],
            cwd=home,
            env=env,
            input=f"{admin_password}\n",
            text=True,
            check=True,
            capture_output=True,
        )
        yield Server(base_url, "admin", admin_password)
    finally:
        stop_process(process, grace_s=15)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, with no network beyond this machine."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the e2e tests need the Playwright package: pip install playwright")
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install chromium fonts-nanum")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def session(browser: Any, server: Server) -> Iterator[Session]:
    """A fresh browser session on the server."""
    current = new_session(browser, server.base_url)
    yield current
    current.page.context.close()
