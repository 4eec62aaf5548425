"""JWT access tokens (short-lived, HS256) and opaque refresh tokens."""

import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Literal

import jwt

from medichain.config import Settings

Role = Literal["user", "admin"]
_ALGORITHM = "HS256"


class TokenError(ValueError):
    """A token was refused; `reason` is safe to log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What an access token asserts."""

    user_id: str
    role: Role
    session_id: str
    jti: str
    expires_at: int


@dataclass(frozen=True, slots=True)
class RefreshToken:
    """An opaque refresh token: `family.generation.secret`."""

    family: str
    generation: int
    secret: str

    def encode(self) -> str:
        """The string handed to the client."""
        return f"{self.family}.{self.generation}.{self.secret}"

    @classmethod
    def parse(cls, text: str) -> "RefreshToken":
        """Parse a client-supplied refresh token."""
        parts = text.split(".")
        if len(parts) != 3 or not parts[1].isdigit() or len(parts[0]) != 32 or len(parts[2]) < 32:
            raise TokenError("malformed refresh token")
        return cls(parts[0], int(parts[1]), parts[2])

    @classmethod
    def first(cls) -> "RefreshToken":
        """The first token of a new family (a new login)."""
        return cls(uuid.uuid4().hex, 1, secrets.token_urlsafe(32))

    def rotated(self) -> "RefreshToken":
        """The successor token in the same family."""
        return RefreshToken(self.family, self.generation + 1, secrets.token_urlsafe(32))


class AccessTokens:
    """Issue and verify signed access tokens."""

    def __init__(self, settings: Settings) -> None:
        secret = settings.jwt_secret.get_secret_value()
        if len(secret) < 32:
            raise ValueError("MEDICHAIN_JWT_SECRET must be at least 32 characters: run `medichain init`")
        self._secret = secret
        self._ttl = settings.access_token_ttl_s
        self._issuer = settings.jwt_issuer

    def issue(self, user_id: str, role: Role, session_id: str) -> tuple[str, AccessClaims]:
        """A signed token and the claims it carries."""
        now = int(time.time())
        claims = AccessClaims(user_id, role, session_id, uuid.uuid4().hex, now + self._ttl)
        payload = {
            "sub": user_id,
            "role": role,
            "sid": session_id,
            "jti": claims.jti,
            "iat": now,
            "exp": claims.expires_at,
            "iss": self._issuer,
            "typ": "access",
        }
        return jwt.encode(payload, self._secret, algorithm=_ALGORITHM), claims

    def verify(self, token: str) -> AccessClaims:
        """Claims of a valid token; `TokenError` otherwise (bad signature, alg, expiry, type)."""
        try:
            payload = jwt.decode(
                token,
                self._secret,
                algorithms=[_ALGORITHM],
                issuer=self._issuer,
                options={"require": ["sub", "exp", "iat", "jti", "sid", "typ"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise TokenError("expired token") from exc
        except jwt.PyJWTError as exc:
            raise TokenError("invalid token") from exc
        if payload.get("typ") != "access" or payload.get("role") not in ("user", "admin"):
            raise TokenError("invalid token claims")
        return AccessClaims(payload["sub"], payload["role"], payload["sid"], payload["jti"], payload["exp"])
