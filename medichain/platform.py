"""The process-wide container: settings, stores, databases, domains and feature services, started once."""

from dataclasses import dataclass
from functools import cache

import numpy as np

from medichain.accounts.lockout import Lockout
from medichain.accounts.service import AccountService
from medichain.accounts.sessions import SessionStore
from medichain.answering.cache import SemanticCache
from medichain.audit.service import SecurityAudit
from medichain.chat.composer import create_composer
from medichain.chat.domain_client import InProcessDomains
from medichain.chat.pipeline import ChatPipeline
from medichain.chat.route_client import LocalRoutes
from medichain.chat.service import ChatService
from medichain.config import Settings
from medichain.conversations.retention import HistoryPurgeJob
from medichain.conversations.service import ConversationService
from medichain.core.db.shards import Databases
from medichain.core.failover_store import create_store
from medichain.core.kv import KeyValueStore
from medichain.core.ratelimit import RateLimiter
from medichain.core.security.crypto import FieldCipher
from medichain.core.security.passwords import Passwords
from medichain.core.security.tokens import AccessTokens
from medichain.domains.registry import discover
from medichain.domains.template import DomainContext, DomainTemplate
from medichain.knowledge.service import KnowledgeBase
from medichain.knowledge.store import article_row, bundled_articles, upsert_documents
from medichain.monitoring.monitor import AnswerMonitor
from medichain.routing import Router
from medichain.routing.examples import OUT_OF_SCOPE_FILE, read_examples
from medichain.services.client import ServiceClient
from medichain.services.remote import downstream_clients, wire_remote
from medichain.triage import TriageEngine


@cache
def _triage_engine() -> TriageEngine:
    """The triage engine, compiled once per process (it holds no state)."""
    return TriageEngine()


@cache
def _router(domain_names: tuple[str, ...]) -> Router:
    """The router trained on the enabled domains' examples (a plug-in domain teaches it too), once."""
    domains = discover(list(domain_names))
    examples = {name: domain.examples for name, domain in domains.items()}
    return Router.from_examples(examples, read_examples(OUT_OF_SCOPE_FILE))


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
    knowledge: KnowledgeBase
    domains: dict[str, DomainTemplate]
    conversations: ConversationService
    chat: ChatService
    service_name: str
    downstream: dict[str, ServiceClient]
    """Services this process calls (services mode's gateway); empty in embedded mode."""
    monitor: AnswerMonitor
    history_purge: HistoryPurgeJob

    @classmethod
    async def start(
        cls, settings: Settings, *, service_name: str = "chatbot_server", migrate: bool = False
    ) -> "Platform":
        """Connect stores and databases (migrating them first when asked), wire the services, start domains."""
        cipher = FieldCipher(settings)
        store = create_store(settings)
        dbs = Databases(settings, cipher)
        await dbs.open(migrate=migrate)
        audit = SecurityAudit(settings, dbs, store, cipher)
        limiter = RateLimiter(store)
        accounts = AccountService(
            settings,
            dbs,
            cipher,
            Passwords(settings),
            AccessTokens(settings),
            SessionStore(store, settings),
            Lockout(store, settings),
            audit,
            limiter,
        )
        knowledge = KnowledgeBase(settings.index_dir, settings.embedder)
        domains = discover(settings.domains or None)
        conversations = ConversationService(dbs)
        context = DomainContext(settings, dbs, knowledge, domains)

        async def embed(text: str) -> np.ndarray:
            return await knowledge.embed_query(dbs, text)

        async def record_replaced(domain: str, provider: str, issues: list[str]) -> None:
            detail = {"domain": domain, "provider": provider, "issues": issues}
            await audit.record("answer_replaced", severity="medium", detail=detail)

        downstream = downstream_clients(settings)
        domain_client, routes = wire_remote(
            downstream, InProcessDomains(domains, context), LocalRoutes(_router(tuple(domains)))
        )
        monitor = AnswerMonitor(settings, dbs)
        pipeline = ChatPipeline(
            _triage_engine(),
            routes,
            domain_client,
            SemanticCache(store, settings.cache_ttl_s, settings.cache_similarity, embed),
            composer=create_composer(settings),
            on_replaced=record_replaced,
            monitor=monitor,
        )
        platform = cls(
            settings,
            cipher,
            store,
            dbs,
            audit,
            limiter,
            accounts,
            knowledge,
            domains,
            conversations,
            ChatService(pipeline, conversations, accounts),
            service_name,
            downstream,
            monitor,
            HistoryPurgeJob(settings, dbs, store, audit),
        )
        await platform.start_domains()
        monitor.start()
        platform.history_purge.start()
        return platform

    @property
    def domain_context(self) -> DomainContext:
        """What domains receive at startup and per question."""
        return DomainContext(self.settings, self.dbs, self.knowledge, self.domains)

    async def start_domains(self) -> None:
        """(Re)load every domain's catalogs from the databases."""
        ctx = self.domain_context
        for domain in self.domains.values():
            await domain.startup(ctx)

    async def install_bundled_data(self) -> dict[str, int]:
        """Load the bundled drugs, hospitals and articles (idempotent) and bring the index up to date."""
        ctx = self.domain_context
        counts: dict[str, int] = {}
        for domain in self.domains.values():
            counts.update(await domain.install(ctx))
        async with self.dbs.global_sessions.begin() as session:
            articles = await upsert_documents(session, [article_row(a) for a in bundled_articles()])
        counts["articles"] = articles.inserted + articles.updated
        counts["passages_indexed"] = await self.knowledge.sync(self.dbs)
        await self.start_domains()
        return counts

    async def stop(self) -> None:
        """Close connections."""
        for client in self.downstream.values():
            await client.close()
        await self.monitor.stop()
        await self.history_purge.stop()
        await self.dbs.close()
        await self.store.close()
