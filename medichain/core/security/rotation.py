"""Key rotation: rewrite every ciphertext with the current data key, so old keys can be retired."""

from typing import TYPE_CHECKING

from sqlalchemy import select

from medichain.accounts.models import ENCRYPTED_FIELDS, User
from medichain.core.db.models import ShardInfo

if TYPE_CHECKING:
    from medichain.platform import Platform


async def reencrypt_all(platform: "Platform") -> dict[str, int]:
    """Re-encrypt user fields on every shard and the shard URLs; returns counts of rows and fields."""
    cipher = platform.cipher
    rows = fields = 0
    for shard_id in platform.dbs.shards:
        async with platform.dbs.shard_session(shard_id) as session, session.begin():
            for user in (await session.scalars(select(User))).all():
                changed = 0
                for field in ENCRYPTED_FIELDS:
                    token = getattr(user, f"{field}_enc")
                    if token and cipher.key_id(token) != cipher.current_kid:
                        context = f"{user.id}:{field}"
                        setattr(user, f"{field}_enc", cipher.encrypt(cipher.decrypt(token, context), context))
                        changed += 1
                rows += bool(changed)
                fields += changed
    async with platform.dbs.global_sessions.begin() as session:
        for info in (await session.scalars(select(ShardInfo))).all():
            if cipher.key_id(info.url_encrypted) != cipher.current_kid:
                context = f"shard:{info.shard_id}"
                info.url_encrypted = (
                    cipher.encrypt(cipher.decrypt(info.url_encrypted, context), context) or ""
                )
                rows += 1
                fields += 1
    return {"rows": rows, "fields": fields}
