"""Account lockout: N failed logins within a window lock the account for a while (the seed's 5/15/30)."""

from medichain.config import Settings
from medichain.core.kv import KeyValueStore


class Lockout:
    """Counts failures per account in the shared store."""

    def __init__(self, store: KeyValueStore, settings: Settings) -> None:
        self._store = store
        self._max = settings.lockout_max_failures
        self._window = settings.lockout_window_s
        self._duration = settings.lockout_duration_s

    async def locked_for(self, user_id: str) -> int:
        """Seconds left on a lock (0 when not locked)."""
        return max(0, await self._store.ttl(f"lock:{user_id}"))

    async def failure(self, user_id: str) -> bool:
        """Count a failure; True when this failure locked the account."""
        if await self._store.incr(f"loginfail:{user_id}", self._window) < self._max:
            return False
        await self._store.put(f"lock:{user_id}", "1", self._duration)
        await self._store.delete(f"loginfail:{user_id}")
        return True

    async def success(self, user_id: str) -> None:
        """A successful login clears the failure count."""
        await self._store.delete(f"loginfail:{user_id}")

    async def unlock(self, user_id: str) -> None:
        """Lift a lock (admin)."""
        await self._store.delete(f"lock:{user_id}", f"loginfail:{user_id}")
