"""Helpers for tests that start a real server process: a free port, and waiting until it serves."""

import http.client
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (at the time of asking)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, log: Path, timeout_s: float, name: str) -> None:
    """Poll `url` until it answers 200; fail with the server's log when it exits or never answers."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{name} exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError, http.client.HTTPException):
            pass  # not listening yet (a port connecting to itself reads back a malformed status line)
        time.sleep(0.25)
    pytest.fail(f"{name} not ready within {timeout_s} s:\n{log.read_text()[-4000:]}")


def stop_process(process: subprocess.Popen, grace_s: float = 20.0) -> None:
    """SIGTERM a server process, then SIGKILL it when it has not exited within `grace_s`."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
