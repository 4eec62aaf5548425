"""`medichain domain new` writes an installable domain whose own tests pass."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from medichain.cli.main import app


def test_scaffolded_domain_passes_its_tests(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["domain", "new", "dental", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    root = tmp_path / "medichain-domain-dental"
    project = tomllib.loads((root / "pyproject.toml").read_text())
    assert project["project"]["entry-points"]["medichain.domains"] == {
        "dental": "medichain_dental.domain:DentalDomain"
    }
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(root / "tests")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    again = CliRunner().invoke(app, ["domain", "new", "dental", "--dir", str(tmp_path)])
    assert again.exit_code == 2
    bad = CliRunner().invoke(app, ["domain", "new", "Bad-Name", "--dir", str(tmp_path)])
    assert bad.exit_code == 2
