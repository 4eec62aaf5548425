"""Databases: one global database and N user shards (SQLite embedded, MySQL/MariaDB in production)."""
