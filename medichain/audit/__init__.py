"""Security events: login failures, lockouts, refused tokens, rate-limit hits, suspicious patterns."""
