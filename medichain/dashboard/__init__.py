"""The admin dashboard's figures: chat volume, latency, cache, feedback, triage, safety, health."""
