"""`medichain import …` through Typer: the summary table, `--json`, idempotent re-runs, exit codes and
messages for unusable input, and no tracebacks."""

import asyncio
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from medichain.cli import imports
from medichain.config import Settings
from medichain.platform import Platform
from tests.conftest import base_settings
from tests.importers.helpers import FIXTURES

runner = CliRunner()


def sqlite_settings(tmp_path: Path) -> Settings:
    return base_settings(
        global_database_url=f"sqlite+aiosqlite:///{tmp_path}/global.db",
        shard_urls=[f"sqlite+aiosqlite:///{tmp_path}/shard1.db"],
        data_dir=tmp_path / "data",
    )


async def migrate(settings: Settings) -> None:
    platform = await Platform.start(settings, migrate=True)
    await platform.stop()


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Migrated SQLite databases shared by the module (each test imports into other tables)."""
    settings = sqlite_settings(tmp_path_factory.mktemp("cli"))
    asyncio.run(migrate(settings))
    return settings


@pytest.fixture
def migrated(databases: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The command line pointed at the module's migrated databases."""
    monkeypatch.setattr(imports, "get_settings", lambda: databases)
    return databases


def invoke(*args: str | Path) -> Result:
    return runner.invoke(imports.app, [str(a) for a in args], env={"COLUMNS": "160"})


def summary(*args: str | Path) -> dict:
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_summary_table_lists_counts_and_rejected_rows(migrated: Settings) -> None:
    result = invoke("hospitals", FIXTURES / "hira_hospitals.csv")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"hospitals from {FIXTURES / 'hira_hospitals.csv'} (CSV, UTF-8)" in out
    assert all(column in out for column in ("loaded", "updated", "skipped", "rejected"))
    assert "│ 4      │ 0       │ 0       │ 3        │" in out
    assert "line 6" in out and "missing field YPos" in out
    assert "line 7" in out and "invalid coordinate: YPos 0 is outside Korea" in out
    assert "line 8" in out and "missing field yadmNm" in out


def test_json_summary_and_idempotent_rerun(migrated: Settings) -> None:
    first = summary("dur", FIXTURES / "mfds_dur_cp949.csv")
    assert first["encoding"] == "CP949"
    assert {k: first[k] for k in ("rows", "loaded", "updated", "skipped", "duplicates", "rejected")} == {
        "rows": 8,
        "loaded": 4,
        "updated": 0,
        "skipped": 2,
        "duplicates": 1,
        "rejected": 2,
    }
    assert first["rejections"] == [
        {"line": 8, "reason": "missing field MIXTURE_INGR_KOR_NAME"},
        {"line": 9, "reason": "invalid NOTIFICATION_DATE '2008.13' (expected YYYYMMDD)"},
    ]
    second = summary("dur", FIXTURES / "mfds_dur_cp949.csv")
    assert (second["loaded"], second["updated"], second["skipped"], second["rejected"]) == (0, 0, 6, 2)


def test_emergency_rooms_json_lists_item_numbers(migrated: Settings) -> None:
    rooms = summary("emergency-rooms", FIXTURES / "egen_emergency_rooms.xml")
    assert (rooms["format"], rooms["loaded"], rooms["rejected"]) == ("XML", 3, 2)
    assert rooms["rejections"][0] == {
        "item": 4,
        "reason": "invalid coordinate: wgs84Lat 0 is outside Korea (latitude 33–39.5)",
    }


def test_documents_command_indexes_and_reports_files_and_lines(migrated: Settings) -> None:
    folder = FIXTURES / "documents"
    result = summary(
        "documents", folder / "faq.jsonl", folder / "heatstroke-leaflet.pdf", "--source", "사내 자료"
    )
    assert (result["loaded"], result["rejected"], result["passages_indexed"]) == (3, 3, 3)
    assert result["rejections"][0] == {"file": str(folder / "faq.jsonl"), "line": 3, "reason": "empty text"}
    rerun = summary(
        "documents", folder / "faq.jsonl", folder / "heatstroke-leaflet.pdf", "--source", "사내 자료"
    )
    assert (rerun["loaded"], rerun["skipped"], rerun["passages_indexed"]) == (0, 3, 0)

    refused = invoke("documents", folder / "travel-vaccines.txt", "--domain", "dentistry")
    assert refused.exit_code == 2
    assert "unknown domain 'dentistry'" in refused.stderr


def test_format_option_overrides_the_extension(migrated: Settings, tmp_path: Path) -> None:
    saved = tmp_path / "response.txt"
    saved.write_bytes((FIXTURES / "mfds_easy_drugs.xml").read_bytes())
    assert invoke("drugs", saved).exit_code == 2
    assert summary("drugs", saved, "--format", "xml")["loaded"] == 2


@pytest.mark.parametrize(
    ("command", "name", "content", "message"),
    [
        ("drugs", "missing.json", None, "cannot read"),
        ("drugs", "drugs.csv", "a,b\n", "unknown format '.csv': expected .json or .xml"),
        ("drugs", "drugs.json", '{"body": {"items": [{"itemSeq": ', "malformed JSON at line 1"),
        ("dur", "dur.csv", "\x00\x01PK", "binary content"),
        (
            "dur",
            "dur.csv",
            "성분명,내용\n케토코나졸,x\n",
            "missing column(s) INGR_KOR_NAME, MIXTURE_INGR_KOR_NAME",
        ),
        ("hospitals", "hira.csv", "", "empty file"),
        ("emergency-rooms", "egen.xml", "<html>503 Service Unavailable", "malformed XML at line 1"),
        (
            "emergency-rooms",
            "egen.xml",
            "<response><header><resultCode>30</resultCode><resultMsg>SERVICE KEY IS NOT REGISTERED ERROR."
            "</resultMsg></header></response>",
            "resultCode 30 (SERVICE KEY IS NOT REGISTERED ERROR.)",
        ),
        ("documents", "notes.docx", "PK", "unknown format '.docx'"),
    ],
)
def test_unusable_input_exits_2_with_a_message(
    migrated: Settings, tmp_path: Path, command: str, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = invoke(command, path)
    assert result.exit_code == 2, result.output
    assert "cannot import:" in result.stderr
    assert message in " ".join(result.stderr.split())
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_unprepared_database_exits_1_without_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = sqlite_settings(tmp_path)
    monkeypatch.setattr(imports, "get_settings", lambda: settings)
    result = invoke("hospitals", FIXTURES / "hira_hospitals.csv")
    assert result.exit_code == 1
    assert "import failed:" in result.stderr and "medichain init" in result.stderr
    assert "Traceback" not in result.output
