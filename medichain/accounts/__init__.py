"""Accounts: signup, login, sessions, profile with encrypted personal fields, export and deletion."""
