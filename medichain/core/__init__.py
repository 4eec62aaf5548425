"""Infrastructure shared by every feature: settings-driven db, cache, security, http, observability."""
