"""Every model module, imported so each database kind's metadata is complete for migrations."""

from sqlalchemy import MetaData

from medichain.accounts import models as _accounts
from medichain.audit import models as _audit
from medichain.conversations import models as _conversations
from medichain.core.db import models as _routing
from medichain.core.db.base import GlobalBase, ShardBase
from medichain.health import models as _health

_MODEL_MODULES = (_accounts, _audit, _conversations, _routing, _health)

METADATA: dict[str, MetaData] = {"global": GlobalBase.metadata, "shard": ShardBase.metadata}
