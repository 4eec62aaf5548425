"""Every model module, imported so each database kind's metadata is complete for migrations."""

from sqlalchemy import MetaData

from medichain.accounts import models as _accounts
from medichain.audit import models as _audit
from medichain.conversations import models as _conversations
from medichain.core.db import models as _routing
from medichain.core.db.base import GlobalBase, ShardBase
from medichain.domains.clinic import models as _clinic
from medichain.domains.drug import models as _drug
from medichain.health import models as _health
from medichain.knowledge import store as _knowledge
from medichain.monitoring import models as _monitoring

_MODEL_MODULES = (
    _accounts,
    _audit,
    _conversations,
    _routing,
    _health,
    _drug,
    _clinic,
    _knowledge,
    _monitoring,
)

METADATA: dict[str, MetaData] = {"global": GlobalBase.metadata, "shard": ShardBase.metadata}
