"""The attack ledger: every attempt of the security suite is counted per category, with whether the
server let it through, and the totals are written to `test-artifacts/security-report.json` at the end
of the session (the README quotes them)."""

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPORT = Path(__file__).resolve().parents[2] / "test-artifacts" / "security-report.json"

CATEGORIES = {
    "jwt_forgery": "access tokens with alg none, a wrong key, another algorithm, expired, tampered or "
    "missing claims, over REST, the seed routes and WebSocket",
    "refresh_token": "revoked, rotated, replayed, forged and raced refresh tokens",
    "session": "access tokens and open sockets after logout, password change or a disabled account",
    "idor": "reading, renaming, deleting, answering in or rating another person's rooms and messages "
    "through REST, SSE, WebSocket and the seed routes",
    "admin_access": "every admin endpoint called by users, anonymously, with forged or self-assigned admin "
    "roles",
    "brute_force": "password guessing past the lockout, from other addresses and other routes",
    "credential_stuffing": "one address trying many accounts, many addresses trying one account, a stolen "
    "token used from many addresses",
    "rate_limit": "requests beyond the per-address, per-user and login buckets",
    "stored_injection": "SQL, script and template payloads in every text field (stored, returned, searched) "
    "and in identifiers",
    "prompt_injection": "instructions, fake system prompts and markup in messages and imported documents",
    "data_exposure": "passwords, tokens and personal data looked for in logs, metrics and error bodies",
    "security_headers": "responses checked for the security headers",
}


class AttackLetThrough(AssertionError):
    """The server let an attack through."""


@dataclass
class Ledger:
    """Attempts and successes per category."""

    attempts: Counter[str] = field(default_factory=Counter)
    succeeded: Counter[str] = field(default_factory=Counter)
    breaches: list[str] = field(default_factory=list)

    def attempt(self, category: str, what: str, let_through: bool, evidence: object = "") -> None:
        """Count one attempt; fail the calling test when the server let it through."""
        if category not in CATEGORIES:
            raise KeyError(f"unknown attack category {category!r}")
        self.attempts[category] += 1
        if let_through:
            self.succeeded[category] += 1
            self.breaches.append(f"{category}: {what}")
            raise AttackLetThrough(f"{category}: {what} got through: {evidence}")

    def report(self) -> dict[str, object]:
        """The figures, by category."""
        categories = {
            name: {
                "description": description,
                "attempts": self.attempts[name],
                "succeeded": self.succeeded[name],
            }
            for name, description in CATEGORIES.items()
            if self.attempts[name]
        }
        return {
            "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "categories": categories,
            "attempts": sum(self.attempts.values()),
            "succeeded": sum(self.succeeded.values()),
            "breaches": self.breaches,
        }

    def write(self, path: Path = REPORT) -> None:
        """Write the report (nothing when no attempt was made)."""
        if not self.attempts:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.report(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
