"""Back up a populated platform (accounts, rooms, messages, feedback, security events, reference data),
restore it into fresh databases of either backend and compare every table row by row; damaged backups,
occupied targets and missing keys are refused with a precise message and nothing written."""

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import SecretStr

from medichain.backup.create import create_backup
from medichain.backup.manifest import MANIFEST_FILE, BackupError, read_manifest
from medichain.backup.restore import restore_backup
from medichain.core.security.crypto import new_key
from tests.backup.conftest import Fresh, Populated
from tests.backup.helpers import assert_same_data, untouched
from tests.conftest import BACKENDS, bearer, client_for, running_app


async def test_manifest_lists_every_table_with_counts_and_checksums(
    populated: Populated, backup_dir: Path
) -> None:
    manifest = read_manifest(backup_dir)
    assert [d.name for d in manifest.databases] == ["global", "shard-1", "shard-2"]
    tables = {d.name: {t.name: t for t in d.tables} for d in manifest.databases}
    assert {"shard_info", "user_shard_mapping", "security_events", "drug_information"} <= set(
        tables["global"]
    )
    shard_rows = {name: sum(tables[f"shard-{n}"][name].rows for n in (1, 2)) for name in tables["shard-1"]}
    assert shard_rows["chat_messages"] >= 2 * 3 * 3, "three users, three turns, a question and an answer each"
    assert shard_rows["feedback"] >= 3 and shard_rows["consultation_history"] >= 9
    assert tables["global"]["drug_information"].rows >= 183
    for database in manifest.databases:
        assert database.revision
        for table in database.tables:
            lines = (backup_dir / table.file).read_bytes().count(b"\n")
            assert lines == table.rows, table.file


@pytest.mark.parametrize("target_backend", BACKENDS)
async def test_restore_into_fresh_databases_is_identical(
    populated: Populated, backup_dir: Path, fresh: Fresh, target_backend: str
) -> None:
    target = await fresh(target_backend)
    restored = await restore_backup(target, backup_dir, batch_rows=50)
    assert [r.name for r in restored] == ["shard-1", "shard-2", "global"], "shards first, the registry last"
    compared = await assert_same_data(populated.settings, target)
    manifest = read_manifest(backup_dir)
    assert compared == {d.name: sum(t.rows for t in d.tables) for d in manifest.databases}
    assert compared["global"] > 700 and compared["shard-1"] + compared["shard-2"] > 30

    async with running_app(target, migrate=False) as app, client_for(app) as client:
        user_id = populated.user_ids[0]
        login = await client.post(
            "/api/v1/auth/login", json={"login": user_id, "password": "correct-horse-9"}
        )
        assert login.status_code == 200, "password hashes and the shard mapping came back"
        export = (await client.get("/api/v1/account/export", headers=bearer(login.json()))).json()
    assert export["profile"]["name"] == "백업 0", "encrypted fields decrypt with the kept keys"
    assert len(export["chat_messages"]) == 6 and len(export["feedback"]) == 1


def _drop_file(backup: Path) -> str:
    (backup / "shard-1" / "chat_messages.jsonl").unlink()
    return "shard-1/chat_messages.jsonl is missing"


def _flip_byte(backup: Path) -> str:
    path = backup / "global" / "security_events.jsonl"
    data = bytearray(path.read_bytes())
    data[5] ^= 0x01
    path.write_bytes(bytes(data))
    return "global/security_events.jsonl is damaged: its SHA-256 is"


def _edit_manifest(backup: Path, change: Callable[[dict], None]) -> None:
    manifest = json.loads((backup / MANIFEST_FILE).read_text())
    change(manifest)
    (backup / MANIFEST_FILE).write_text(json.dumps(manifest))


def _unknown_revision(backup: Path) -> str:
    _edit_manifest(backup, lambda m: m["databases"][2].update(revision="ffffffffffff"))
    return "shard-2: schema revision ffffffffffff is unknown to this MediChain"


def _missing_manifest(backup: Path) -> str:
    (backup / MANIFEST_FILE).unlink()
    return "manifest.json is missing"


def _row_count(backup: Path) -> str:
    def grow(manifest: dict) -> None:
        manifest["databases"][0]["tables"][-1]["rows"] += 1

    _edit_manifest(backup, grow)
    return "global/user_shard_mapping.jsonl holds"


@pytest.mark.parametrize(
    "damage",
    [_drop_file, _flip_byte, _unknown_revision, _missing_manifest, _row_count],
    ids=lambda f: f.__name__,
)
async def test_damaged_backup_is_refused_with_nothing_written(
    populated: Populated, backup_dir: Path, fresh: Fresh, tmp_path: Path, damage: Callable[[Path], str]
) -> None:
    damaged = tmp_path / "damaged"
    shutil.copytree(backup_dir, damaged)
    expected = damage(damaged)
    target = await fresh(populated.backend)
    with pytest.raises(BackupError) as refused:
        await restore_backup(target, damaged)
    assert any(expected in problem for problem in refused.value.problems), refused.value.problems
    assert await untouched(target)


async def test_two_problems_are_reported_together(
    populated: Populated, backup_dir: Path, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged"
    shutil.copytree(backup_dir, damaged)
    expected = [_drop_file(damaged), _flip_byte(damaged)]
    with pytest.raises(BackupError) as refused:
        await restore_backup(populated.settings, damaged)
    assert [any(e in p for p in refused.value.problems) for e in expected] == [True, True]


async def test_occupied_target_is_refused_unless_forced(
    populated: Populated, backup_dir: Path, fresh: Fresh
) -> None:
    target = await fresh(populated.backend)
    await restore_backup(target, backup_dir)
    with pytest.raises(BackupError) as refused:
        await restore_backup(target, backup_dir)
    assert len(refused.value.problems) == 3, "each occupied database is named"
    assert (
        "global target" in refused.value.problems[-1]
        and "is not empty (rows in " in refused.value.problems[-1]
    )
    assert "pass --force" in refused.value.problems[0]

    # Forced, with no shard URLs configured: shards go where the target's registry says.
    registry_only = target.model_copy(update={"shard_urls": []})
    restored = await restore_backup(registry_only, backup_dir, force=True)
    assert [r.rows for r in restored] == [
        {t.name: t.rows for t in d.tables}
        for d in [*read_manifest(backup_dir).shards, read_manifest(backup_dir).global_database]
    ]
    await assert_same_data(populated.settings, target)


async def test_shard_targets_from_options(populated: Populated, backup_dir: Path, fresh: Fresh) -> None:
    target = await fresh(populated.backend)
    shard_urls = dict(enumerate(target.shard_urls, start=1))
    unconfigured = target.model_copy(update={"shard_urls": []})
    with pytest.raises(BackupError) as refused:
        await restore_backup(unconfigured, backup_dir, shard_urls={2: shard_urls[2], 7: shard_urls[1]})
    assert refused.value.problems == [
        "--shard-url 7=…: the backup has no shard 7 (it has shards 1, 2)",
        "shard-1: no target database; pass --shard-url 1=URL",
    ]
    with pytest.raises(BackupError) as clash:
        await restore_backup(unconfigured, backup_dir, shard_urls={1: shard_urls[1], 2: shard_urls[1]})
    assert clash.value.problems[0].startswith("shard-1 and shard-2 would both be restored into")
    assert await untouched(target)

    await restore_backup(unconfigured, backup_dir, shard_urls=shard_urls)
    await assert_same_data(populated.settings, target)


async def test_other_data_keys_are_refused(populated: Populated, backup_dir: Path, fresh: Fresh) -> None:
    target = await fresh(populated.backend)
    other_keys = target.model_copy(update={"data_keys": [SecretStr(f"k9:{new_key()}")]})
    with pytest.raises(BackupError) as refused:
        await restore_backup(other_keys, backup_dir)
    assert refused.value.problems[0].startswith(
        "MEDICHAIN_DATA_KEYS cannot read this backup (shard 1: unknown key id"
    )
    assert await untouched(target)


async def test_backup_refuses_a_used_folder(populated: Populated, backup_dir: Path) -> None:
    with pytest.raises(BackupError, match="already exists and is not an empty folder"):
        await create_backup(populated.settings, backup_dir)
    assert (backup_dir / MANIFEST_FILE).is_file(), "the existing backup is left alone"
