"""Field encryption at rest (AES-256-GCM with key ids, for rotation) and keyed lookup hashes."""

import base64
import hashlib
import hmac
import os
import secrets

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from medichain.config import Settings

_PREFIX = "v1"


class CryptoError(ValueError):
    """A ciphertext could not be decrypted (unknown key id, tampering, wrong context)."""


def new_key() -> str:
    """A fresh 256-bit key, URL-safe base64, for settings."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def _decode_key(text: str) -> bytes:
    key = base64.urlsafe_b64decode(text.encode())
    if len(key) != 32:
        raise ValueError("data keys must be 32 bytes, URL-safe base64 encoded")
    return key


class FieldCipher:
    """Encrypts personal fields. The first key in `data_keys` encrypts; every key decrypts.

    Keys are given as `KID:BASE64KEY`. Ciphertexts read `v1:KID:BASE64(nonce|ciphertext)` and are
    bound to a context (user id and field name) so a value cannot be moved to another row or column.
    """

    def __init__(self, settings: Settings) -> None:
        self._keys: dict[str, AESGCM] = {}
        for entry in settings.data_keys:
            kid, _, key = entry.get_secret_value().partition(":")
            if not kid or not key:
                raise ValueError("each data key must read KID:BASE64KEY")
            self._keys[kid] = AESGCM(_decode_key(key))
        if not self._keys:
            raise ValueError("MEDICHAIN_DATA_KEYS is empty: run `medichain init` or set a key")
        self.current_kid = next(iter(self._keys))
        self._lookup_key = settings.lookup_key.get_secret_value().encode()
        if len(self._lookup_key) < 16:
            raise ValueError("MEDICHAIN_LOOKUP_KEY must be set (at least 16 characters)")

    def encrypt(self, plaintext: str | None, context: str) -> str | None:
        """Encrypt with the current key; None stays None."""
        if plaintext is None:
            return None
        nonce = os.urandom(12)
        sealed = self._keys[self.current_kid].encrypt(nonce, plaintext.encode(), context.encode())
        return f"{_PREFIX}:{self.current_kid}:{base64.urlsafe_b64encode(nonce + sealed).decode()}"

    def decrypt(self, token: str | None, context: str) -> str | None:
        """Decrypt a value written by `encrypt` with any configured key."""
        if token is None:
            return None
        try:
            prefix, kid, body = token.split(":", 2)
            raw = base64.urlsafe_b64decode(body.encode())
            if prefix != _PREFIX or kid not in self._keys:
                raise CryptoError(f"unknown key id {kid!r}")
            return self._keys[kid].decrypt(raw[:12], raw[12:], context.encode()).decode()
        except CryptoError:
            raise
        except Exception as exc:
            raise CryptoError("ciphertext could not be decrypted") from exc

    def key_id(self, token: str) -> str:
        """The key id a ciphertext was written with (for rotation)."""
        return token.split(":", 2)[1]

    def lookup_hash(self, value: str) -> str:
        """Keyed hash (HMAC-SHA256) for finding a value without storing it in clear."""
        return hmac.new(self._lookup_key, value.strip().lower().encode(), hashlib.sha256).hexdigest()
