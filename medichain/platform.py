"""The process-wide container: settings, stores, databases and feature services, started once."""

from dataclasses import dataclass

from medichain.accounts.lockout import Lockout
from medichain.accounts.service import AccountService
from medichain.accounts.sessions import SessionStore
from medichain.audit.service import SecurityAudit
from medichain.config import Settings
from medichain.core.db.shards import Databases
from medichain.core.kv import KeyValueStore, create_store
from medichain.core.ratelimit import RateLimiter
from medichain.core.security.crypto import FieldCipher
from medichain.core.security.passwords import Passwords
from medichain.core.security.tokens import AccessTokens


@dataclass
class Platform:
    """Everything a request handler may need, built from one `Settings`."""

    settings: Settings
    cipher: FieldCipher
    store: KeyValueStore
    dbs: Databases
    audit: SecurityAudit
    limiter: RateLimiter
    accounts: AccountService
    service_name: str

    @classmethod
    async def start(
        cls, settings: Settings, *, service_name: str = "chatbot_server", migrate: bool = False
    ) -> "Platform":
        """Connect stores and databases (migrating them first when asked) and wire the services."""
        cipher = FieldCipher(settings)
        store = create_store(settings)
        dbs = Databases(settings, cipher)
        await dbs.open(migrate=migrate)
        audit = SecurityAudit(settings, dbs, store, cipher)
        accounts = AccountService(
            settings,
            dbs,
            cipher,
            Passwords(settings),
            AccessTokens(settings),
            SessionStore(store, settings),
            Lockout(store, settings),
            audit,
        )
        return cls(settings, cipher, store, dbs, audit, RateLimiter(store), accounts, service_name)

    async def stop(self) -> None:
        """Close connections."""
        await self.dbs.close()
        await self.store.close()
