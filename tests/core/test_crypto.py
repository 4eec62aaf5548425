"""Field encryption: context binding, tamper detection, key rotation."""

import pytest

from medichain.core.security.crypto import CryptoError, FieldCipher, new_key
from tests.conftest import base_settings


def test_roundtrip_and_context_binding() -> None:
    cipher = FieldCipher(base_settings())
    token = cipher.encrypt("010-1234-5678", "alice:phone")
    assert token is not None and "010" not in token
    assert cipher.decrypt(token, "alice:phone") == "010-1234-5678"
    with pytest.raises(CryptoError):
        cipher.decrypt(token, "mallory:phone")
    with pytest.raises(CryptoError):
        cipher.decrypt(token[:-2] + "AA", "alice:phone")
    assert cipher.encrypt(None, "x") is None


def test_rotation_keeps_old_ciphertexts_readable() -> None:
    old_key = f"k1:{new_key()}"
    before = FieldCipher(base_settings(data_keys=[old_key]))
    token = before.encrypt("secret", "ctx")
    after = FieldCipher(
        base_settings(data_keys=[f"k2:{new_key()}", old_key], lookup_key=before._lookup_key.decode())
    )
    assert after.decrypt(token, "ctx") == "secret"
    assert after.key_id(after.encrypt("secret", "ctx") or "") == "k2"
    without_old = FieldCipher(base_settings(data_keys=[f"k2:{new_key()}"]))
    with pytest.raises(CryptoError):
        without_old.decrypt(token, "ctx")


def test_lookup_hash_is_keyed_and_normalised() -> None:
    a = FieldCipher(base_settings())
    b = FieldCipher(base_settings())
    assert a.lookup_hash("Me@Example.com ") == a.lookup_hash("me@example.com")
    assert a.lookup_hash("me@example.com") != b.lookup_hash("me@example.com")
