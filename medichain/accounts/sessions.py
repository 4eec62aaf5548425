"""Login sessions as refresh-token families in the shared store.

Each login starts a family; each refresh rotates its token. Presenting an already-rotated token
means it was stolen or replayed, so the whole family is revoked. Access tokens name their family
(`sid`), so revoking a family also refuses its access tokens at once.
"""

import hashlib
import hmac

import orjson

from medichain.config import Settings
from medichain.core.kv import KeyValueStore
from medichain.core.security.tokens import RefreshToken, Role, TokenError


class RefreshReuseError(TokenError):
    """A rotated refresh token was presented again; its family has been revoked."""

    def __init__(self, user_id: str) -> None:
        super().__init__("refresh token reuse")
        self.user_id = user_id


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class SessionStore:
    """Create, rotate, check and revoke session families."""

    def __init__(self, store: KeyValueStore, settings: Settings) -> None:
        self._store = store
        self._ttl = settings.refresh_token_ttl_s

    async def create(self, user_id: str, role: Role) -> RefreshToken:
        """A new family for a fresh login."""
        token = RefreshToken.first()
        await self._store.put(self._key(token.family), self._state(user_id, role, token), self._ttl)
        await self._store.add_to_set(self._index(user_id), token.family, self._ttl)
        return token

    async def rotate(self, presented: str) -> tuple[str, Role, RefreshToken]:
        """Swap a current refresh token for its successor; reuse revokes the family."""
        token = RefreshToken.parse(presented)
        key = self._key(token.family)
        raw = await self._store.get(key)
        if raw is None:
            raise TokenError("unknown or revoked session")
        state = orjson.loads(raw)
        current = state["g"] == token.generation and hmac.compare_digest(state["h"], _digest(token.secret))
        if not current:
            await self.revoke(state["u"], token.family)
            raise RefreshReuseError(state["u"])
        successor = token.rotated()
        if not await self._store.compare_and_set(
            key, raw, self._state(state["u"], state["r"], successor), self._ttl
        ):
            await self.revoke(state["u"], token.family)
            raise RefreshReuseError(state["u"])
        # The user's index of families must live as long as the family it lists.
        await self._store.add_to_set(self._index(state["u"]), token.family, self._ttl)
        return state["u"], state["r"], successor

    async def active_role(self, family: str) -> Role | None:
        """The role of a live session, or None once it is revoked or expired."""
        raw = await self._store.get(self._key(family))
        return orjson.loads(raw)["r"] if raw else None

    async def revoke(self, user_id: str, family: str) -> None:
        """End one session."""
        await self._store.delete(self._key(family))
        await self._store.remove_from_set(self._index(user_id), family)

    async def revoke_all(self, user_id: str, keep: str | None = None) -> None:
        """End every session of a user (optionally keeping the current one)."""
        for family in await self._store.members(self._index(user_id)):
            if family != keep:
                await self.revoke(user_id, family)
        if keep is None:
            await self._store.delete(self._index(user_id))

    @staticmethod
    def _key(family: str) -> str:
        return f"sess:{family}"

    @staticmethod
    def _index(user_id: str) -> str:
        return f"usess:{user_id}"

    @staticmethod
    def _state(user_id: str, role: Role, token: RefreshToken) -> str:
        return orjson.dumps(
            {"u": user_id, "r": role, "g": token.generation, "h": _digest(token.secret)}
        ).decode()
