"""The command line: init on a fresh directory, first admin, shards add/list, key rotation."""

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from medichain.accounts.schemas import ProfileFields
from medichain.cli.main import app
from medichain.cli.setup import ensure_secrets
from medichain.config import get_settings
from medichain.core.db.models import UserShardMapping
from medichain.core.security.crypto import new_key
from medichain.platform import Platform

runner = CliRunner()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh checkout-like directory with no .env and no databases."""
    monkeypatch.chdir(tmp_path)
    for name in (
        "MEDICHAIN_JWT_SECRET",
        "MEDICHAIN_DATA_KEYS",
        "MEDICHAIN_LOOKUP_KEY",
        "MEDICHAIN_REDIS_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def _invoke(*args: str, stdin: str | None = None) -> str:
    get_settings.cache_clear()
    result = runner.invoke(app, list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_init_admin_shards_and_rotation(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _invoke("init")
    env = (workdir / ".env").read_text()
    assert all(
        name in env for name in ("MEDICHAIN_JWT_SECRET", "MEDICHAIN_DATA_KEYS", "MEDICHAIN_LOOKUP_KEY")
    )
    assert {p.name for p in (workdir / "var").glob("*.db")} == {"global.db", "shard1.db", "shard2.db"}
    _invoke("init")
    assert (workdir / ".env").read_text() == env, "init is idempotent and never replaces secrets"

    _invoke("users", "create", "root-admin", "--admin", "--password-stdin", stdin="admin-pass-123\n")
    refused = runner.invoke(
        app, ["users", "create", "root-admin", "--password-stdin"], input="admin-pass-123\n"
    )
    assert refused.exit_code == 1

    _invoke("shards", "add", f"sqlite+aiosqlite:///{workdir}/var/shard3.db", "--max-users", "500")
    assert "│ 500 " in _invoke("shards", "list")
    bad = runner.invoke(app, ["shards", "add", "postgres://nope/db"])
    assert bad.exit_code == 1

    get_settings.cache_clear()
    asyncio.run(_newcomer_lands_on_new_shard())

    old_keys = next(line for line in env.splitlines() if line.startswith("MEDICHAIN_DATA_KEYS="))
    monkeypatch.setenv("MEDICHAIN_DATA_KEYS", f"k2:{new_key()},{old_keys.split('=', 1)[1]}")
    assert "re-encrypted 4 fields" in _invoke("keys", "rotate")
    monkeypatch.setenv("MEDICHAIN_DATA_KEYS", f"k2:{new_key()}")
    get_settings.cache_clear()


async def _newcomer_lands_on_new_shard() -> None:
    platform = await Platform.start(get_settings())
    try:
        await platform.accounts.signup("filler", "correct-horse-9", ProfileFields())
        await platform.accounts.signup("newcomer", "correct-horse-9", ProfileFields(phone="010-5555-1234"))
        async with platform.dbs.global_sessions() as session:
            shard_id = await session.scalar(
                select(UserShardMapping.shard_id).where(UserShardMapping.user_id == "newcomer")
            )
        assert shard_id == 3, "the new, empty shard is the least loaded"
        assert (await platform.accounts.profile("root-admin")).role == "admin"
    finally:
        await platform.stop()


def test_init_leaves_secrets_given_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setenv("MEDICHAIN_JWT_SECRET", "from-the-environment-" + "x" * 32)
    env_file = tmp_path / ".env"
    assert ensure_secrets(env_file) == ["MEDICHAIN_DATA_KEYS", "MEDICHAIN_LOOKUP_KEY"]
    assert "MEDICHAIN_JWT_SECRET" not in env_file.read_text()
    assert ensure_secrets(env_file) == []
