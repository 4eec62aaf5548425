"""`medichain backup create|restore` through Typer: 0 when done, 2 when refused (with every problem
listed), 1 when a database fails, never a traceback."""

import asyncio
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from medichain.backup.manifest import MANIFEST_FILE
from medichain.cli import backup as backup_cli
from medichain.cli.main import app
from medichain.config import Settings
from tests.backup.conftest import Fresh, Populated
from tests.backup.helpers import assert_same_data, untouched

runner = CliRunner()


def invoke(settings: Settings, monkeypatch: pytest.MonkeyPatch, *args: str | Path) -> Result:
    monkeypatch.setattr(backup_cli, "get_settings", lambda: settings)
    return runner.invoke(app, ["backup", *(str(a) for a in args)], env={"COLUMNS": "200"})


def test_create_and_restore_exit_codes(
    populated: Populated, fresh: Fresh, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = populated.settings
    folder = tmp_path / "nightly"
    created = invoke(source, monkeypatch, "create", folder)
    assert created.exit_code == 0, created.output
    assert "backup written to" in created.output and "keep MEDICHAIN_DATA_KEYS" in created.output
    assert (folder / MANIFEST_FILE).is_file()
    again = invoke(source, monkeypatch, "create", folder)
    assert again.exit_code == 2 and "already exists and is not an empty folder" in again.output

    target = asyncio.run(fresh(populated.backend))
    malformed = invoke(target, monkeypatch, "restore", folder, "--shard-url", "one=sqlite:///x.db")
    assert malformed.exit_code == 2 and "expected ID=URL" in malformed.output

    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / MANIFEST_FILE).write_text('{"format": "medichain-backup", "format_version": 7}')
    refused = invoke(target, monkeypatch, "restore", damaged)
    assert refused.exit_code == 2, refused.output
    assert (
        "restore refused:" in refused.output and "manifest.json: created_at: Field required" in refused.output
    )
    assert asyncio.run(untouched(target))

    restored = invoke(target, monkeypatch, "restore", folder)
    assert restored.exit_code == 0, restored.output
    assert "restored and verified" in restored.output
    asyncio.run(assert_same_data(source, target))

    occupied = invoke(target, monkeypatch, "restore", folder)
    assert occupied.exit_code == 2 and "pass --force" in occupied.output
    forced = invoke(target, monkeypatch, "restore", folder, "--force")
    assert forced.exit_code == 0, forced.output


def test_database_failure_exits_1(
    populated: Populated, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unreachable = populated.settings.model_copy(
        update={"global_database_url": "mysql://medichain:medichain@127.0.0.1:9/medichain_nowhere"}
    )
    failed = invoke(unreachable, monkeypatch, "create", tmp_path / "b")
    assert failed.exit_code == 1
    assert "backup failed: OperationalError" in failed.output and "Traceback" not in failed.output
