"""`medichain up --services`: every service of the topology as a child process on one machine.

Backends (category and domain services) start first; the gateways start once every backend answers
`/health`, with `MEDICHAIN_SERVICE_URLS` pointing at them. A child that dies is reported and not
restarted (the gateway degrades; restart it with `medichain service run NAME`). Ctrl-C or SIGTERM
stops them all: SIGTERM first, then SIGKILL after a grace period. The running topology (names, ports,
pids) is written to `<data_dir>/services.json` for operators and tests.
"""

import http.client
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType

from medichain.services.catalog import GATEWAY, SECOND_GATEWAY_OFFSET, SERVICES, service_urls

START_TIMEOUT_S = 180.0
STOP_GRACE_S = 10.0


@dataclass
class Child:
    """A started service process."""

    name: str
    port: int
    pid: int


class Topology:
    """Starts, watches and stops the service processes."""

    def __init__(self, host: str, base_port: int, gateways: int, state_file: Path) -> None:
        self.host = host
        self.base_port = base_port
        self.gateways = gateways
        self.state_file = state_file
        self._procs: dict[str, subprocess.Popen[bytes]] = {}
        self._children: list[Child] = []
        self._stopping = False

    def start(self) -> list[Child]:
        """Start the backends, wait until they serve, then the gateways; returns what runs."""
        for service in SERVICES:
            if service.role != "gateway":
                self._spawn(service.name, self.base_port + service.offset, {})
        self._wait_serving()
        urls = ",".join(f"{k}={v}" for k, v in service_urls(self.host, self.base_port).items())
        for replica in range(self.gateways):
            port = self.base_port + replica * SECOND_GATEWAY_OFFSET
            self._spawn(GATEWAY, port, {"MEDICHAIN_SERVICE_URLS": urls}, label=f"{GATEWAY}#{replica + 1}")
        self._wait_serving()
        self._write_state()
        return self._children

    def watch(self) -> int:
        """Block until a signal asks to stop, reporting children that exit; returns the exit status."""
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)
        reported: set[str] = set()
        while not self._stopping:
            for label, proc in self._procs.items():
                if proc.poll() is not None and label not in reported:
                    reported.add(label)
                    print(f"{label} exited with {proc.returncode}; the others keep running", file=sys.stderr)
            time.sleep(0.5)
        self.stop()
        return 0

    def stop(self) -> None:
        """SIGTERM every child, then SIGKILL those still running after the grace period."""
        for proc in self._procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_S
        for proc in self._procs.values():
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.state_file.unlink(missing_ok=True)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True

    def _spawn(self, name: str, port: int, env: dict[str, str], label: str | None = None) -> None:
        command = [sys.executable, "-m", "medichain", "service", "run", name, "--host", self.host]
        proc = subprocess.Popen([*command, "--port", str(port)], env={**os.environ, **env})
        self._procs[label or name] = proc
        self._children.append(Child(label or name, port, proc.pid))

    def _wait_serving(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        for child in self._children:
            url = f"http://{self.host}:{child.port}/health"
            while not _answers(url):
                if self._procs[child.name].poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"{child.name} did not start on port {child.port}")
                time.sleep(0.25)

    def _write_state(self) -> None:
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        self.state_file.write_text(json.dumps([asdict(c) for c in self._children], indent=2))


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, http.client.HTTPException):
        # HTTPException: a poll of a port in the ephemeral range can connect to itself while nothing
        # listens there yet, and reads its own request back as a malformed status line.
        return False
