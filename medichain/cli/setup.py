"""First-run setup: secrets in `.env`, migrated databases, registered shards."""

import os
import secrets
from pathlib import Path

from medichain.cli.runtime import with_platform
from medichain.config import get_settings
from medichain.core.security.crypto import new_key
from medichain.platform import Platform

ENV_FILE = Path(".env")


def ensure_secrets(env_file: Path = ENV_FILE) -> list[str]:
    """Write missing secrets (JWT, data key, lookup key) into `.env`; returns the names written.

    Secrets given by the environment are left there. Existing values are never replaced: replacing the data key would make stored fields unreadable.
    """
    existing = env_file.read_text() if env_file.exists() else ""
    wanted = {
        "MEDICHAIN_JWT_SECRET": secrets.token_urlsafe(48),
        "MEDICHAIN_DATA_KEYS": f"k1:{new_key()}",
        "MEDICHAIN_LOOKUP_KEY": secrets.token_urlsafe(32),
    }
    missing = {
        name: value for name, value in wanted.items() if f"{name}=" not in existing and name not in os.environ
    }
    if missing:
        lines = [f"{name}={value}" for name, value in missing.items()]
        prefix = "" if not existing or existing.endswith("\n") else "\n"
        with env_file.open("a") as handle:
            handle.write(prefix + "\n".join(lines) + "\n")
        env_file.chmod(0o600)
    return list(missing)


def prepare() -> tuple[list[str], dict[str, int]]:
    """Everything a fresh checkout needs before serving: secrets, migrations, bundled data (idempotent).

    Returns the secrets written to `.env` and the counts of bundled data loaded.
    """
    written = ensure_secrets()
    if written:
        get_settings.cache_clear()

    async def install(platform: Platform) -> dict[str, int]:
        return await platform.install_bundled_data()

    return written, with_platform(install, migrate=True)
