"""Logical backups of the global database and every shard (JSONL per table, a checksummed manifest),
and their restore into fresh databases of either backend."""
