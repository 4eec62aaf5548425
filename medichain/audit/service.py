"""Records security events, spots suspicious patterns, and blocks IP addresses for a while."""

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select

from medichain.audit.models import SecurityEvent
from medichain.config import Settings
from medichain.core.db.shards import Databases
from medichain.core.kv import KeyValueStore
from medichain.core.request_context import current_request_id
from medichain.core.security.crypto import FieldCipher

log = logging.getLogger("medichain.security")


class SecurityAudit:
    """Security events go to the global database; users appear only as a keyed hash (`user_ref`)."""

    def __init__(self, settings: Settings, dbs: Databases, store: KeyValueStore, cipher: FieldCipher) -> None:
        self._settings = settings
        self._dbs = dbs
        self._store = store
        self._cipher = cipher

    def user_ref(self, user_id: str) -> str:
        """The pseudonymous reference under which a user's events are stored."""
        return self._cipher.lookup_hash(f"user:{user_id}")

    async def record(
        self,
        kind: str,
        *,
        severity: str = "info",
        ip: str | None = None,
        user_id: str | None = None,
        detail: dict[str, Any] | None = None,
        once_per_s: int | None = None,
    ) -> None:
        """Store one event; with `once_per_s`, repeats for the same kind/ip/user are folded together.

        Recording never fails the request that triggered it: an outage is logged instead.
        """
        user_ref = self.user_ref(user_id) if user_id else None
        try:
            if once_per_s and await self._store.incr(f"audit:{kind}:{ip}:{user_ref}", once_per_s) > 1:
                return
            async with self._dbs.global_sessions.begin() as session:
                session.add(
                    SecurityEvent(
                        kind=kind,
                        severity=severity,
                        ip=ip,
                        user_ref=user_ref,
                        request_id=current_request_id(),
                        detail=detail,
                    )
                )
        except Exception as exc:
            log.error("security event not stored", extra={"kind": kind, "error": type(exc).__name__})
        log.warning("security event", extra={"kind": kind, "severity": severity, "ip": ip})

    async def blocked_for(self, ip: str) -> int:
        """Seconds an IP stays blocked (0 when it is not blocked)."""
        if not self._settings.ip_block_enabled:
            return 0
        return max(0, await self._store.ttl(f"ipblock:{ip}"))

    async def block_ip(self, ip: str, reason: str) -> None:
        """Block an IP for the configured duration."""
        if not self._settings.ip_block_enabled:
            return
        await self._store.put(f"ipblock:{ip}", reason, self._settings.ip_block_duration_s)
        await self.record("ip_blocked", severity="high", ip=ip, detail={"reason": reason})

    async def unblock_ip(self, ip: str) -> None:
        """Lift a block early (admin)."""
        await self._store.delete(f"ipblock:{ip}")

    async def login_failed(self, ip: str, user_id: str, reason: str) -> None:
        """A failed login; one IP failing on many accounts is credential stuffing and gets blocked."""
        await self.record("login_failed", severity="low", ip=ip, user_id=user_id, detail={"reason": reason})
        accounts = await self._store.add_to_set(
            f"failedaccts:{ip}", self.user_ref(user_id), self._settings.lockout_window_s
        )
        if accounts == self._settings.suspicious_accounts_per_ip:
            await self.record("credential_stuffing", severity="high", ip=ip, detail={"accounts": accounts})
            await self.block_ip(ip, "failed logins on many accounts")

    async def probe(self, ip: str, where: str) -> None:
        """An injection payload in an identifier or URL; repeated probing blocks the IP."""
        await self.record("injection_probe", severity="medium", ip=ip, detail={"where": where[:100]})
        count = await self._store.incr(f"probes:{ip}", self._settings.lockout_window_s)
        if count == self._settings.suspicious_probes_per_ip:
            await self.block_ip(ip, "repeated injection probes")

    async def events(
        self,
        *,
        kind: str | None = None,
        ip: str | None = None,
        user_id: str | None = None,
        since: datetime | None = None,
        limit: int = 100,
    ) -> Sequence[SecurityEvent]:
        """Newest events first, filtered."""
        query = select(SecurityEvent).order_by(SecurityEvent.id.desc()).limit(limit)
        if kind:
            query = query.where(SecurityEvent.kind == kind)
        if ip:
            query = query.where(SecurityEvent.ip == ip)
        if user_id:
            query = query.where(SecurityEvent.user_ref == self.user_ref(user_id))
        if since:
            query = query.where(SecurityEvent.created_at >= since)
        async with self._dbs.global_sessions() as session:
            return (await session.scalars(query)).all()
