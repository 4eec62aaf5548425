"""Observability: Prometheus metrics (more figures arrive with the services topology)."""
