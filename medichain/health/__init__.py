"""Service health: liveness, readiness and the seed's `service_health` table."""
