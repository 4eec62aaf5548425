"""Argon2id password hashing with parameters from settings; rehash when they change."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from medichain.config import Settings


class Passwords:
    """Hash and verify passwords with Argon2id."""

    def __init__(self, settings: Settings) -> None:
        self._hasher = PasswordHasher(
            time_cost=settings.argon2_time_cost,
            memory_cost=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        )
        # A fixed hash lets unknown-user logins cost the same as known ones (no timing oracle).
        self._decoy = self._hasher.hash("decoy-password-for-constant-time")

    def hash(self, password: str) -> str:
        """Argon2id hash of `password`."""
        return self._hasher.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        """True when `password` matches; a missing hash still spends the same time."""
        try:
            return self._hasher.verify(password_hash or self._decoy, password) and password_hash is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the stored hash used weaker parameters than the current settings."""
        return self._hasher.check_needs_rehash(password_hash)
