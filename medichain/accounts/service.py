"""Account logic: signup on the least-loaded shard, login with lockout, token rotation, profile with
encrypted fields, password change, PIPA export and deletion."""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

from medichain.accounts import repository
from medichain.accounts.lockout import Lockout
from medichain.accounts.models import ENCRYPTED_FIELDS, User
from medichain.accounts.schemas import Profile, ProfileFields, TokenPair, UserSummary
from medichain.accounts.sessions import RefreshReuseError, SessionStore
from medichain.audit.service import SecurityAudit
from medichain.config import Settings
from medichain.conversations.repository import delete_user_data, export_user_data
from medichain.core.db.shards import Databases, DuplicateUserError, NoShardAvailableError
from medichain.core.ratelimit import RateLimiter
from medichain.core.security.crypto import FieldCipher
from medichain.core.security.passwords import Passwords
from medichain.core.security.tokens import AccessClaims, AccessTokens, Role, TokenError


class AccountError(Exception):
    """A refused account operation; `code` is stable, the message safe to show."""

    def __init__(self, code: str, message: str, retry_after_s: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry_after_s = retry_after_s


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller behind a verified access token with a live session."""

    user_id: str
    role: Role
    session_id: str
    claims: AccessClaims

    @property
    def is_admin(self) -> bool:
        """Whether the caller holds the admin role."""
        return self.role == "admin"


class AccountService:
    """One instance per process; every method routes to the user's shard."""

    def __init__(
        self,
        settings: Settings,
        dbs: Databases,
        cipher: FieldCipher,
        passwords: Passwords,
        tokens: AccessTokens,
        sessions: SessionStore,
        lockout: Lockout,
        audit: SecurityAudit,
        limiter: RateLimiter,
    ) -> None:
        self._settings = settings
        self._dbs = dbs
        self._cipher = cipher
        self._passwords = passwords
        self._tokens = tokens
        self._sessions = sessions
        self._lockout = lockout
        self._audit = audit
        self._limiter = limiter

    # --- signup, login, tokens

    async def signup(
        self, user_id: str, password: str, profile: ProfileFields, role: Role = "user"
    ) -> TokenPair:
        """Create an account on the least-loaded shard and log it in."""
        self._check_password_policy(user_id, password)
        email_hash = self._cipher.lookup_hash(profile.email) if profile.email else None
        try:
            shard_id = await self._dbs.place_user(user_id, email_hash)
        except DuplicateUserError as exc:
            raise AccountError("duplicate_user", "this user id or email is already registered") from exc
        except NoShardAvailableError as exc:
            raise AccountError("no_capacity", "no shard can take new users right now") from exc
        user = User(
            id=user_id,
            password_hash=await asyncio.to_thread(self._passwords.hash, password),
            role=role,
            email_hash=email_hash,
        )
        self._apply_profile(user, profile, profile.model_fields_set)
        try:
            async with self._dbs.shard_session(shard_id) as session, session.begin():
                session.add(user)
        except BaseException:
            await self._dbs.release_user(user_id)
            raise
        return await self._start_session(user_id, role)

    async def login(self, login: str, password: str, ip: str) -> TokenPair:
        """Verify credentials with lockout; `login` is a user id or an email address."""
        user_id = await self._resolve_login(login)
        if user_id is None:
            await asyncio.to_thread(self._passwords.verify, None, password)
            await self._audit.login_failed(ip, login.lower(), "unknown_user")
            raise AccountError("unknown_user", "invalid credentials")
        locked = await self._lockout.locked_for(user_id)
        if locked:
            await self._audit.record("login_while_locked", ip=ip, user_id=user_id, once_per_s=60)
            raise AccountError("locked", "account temporarily locked after repeated failures", locked)
        shard_id = await self._shard(user_id)
        async with self._dbs.shard_session(shard_id) as session:
            user = await repository.get(session, user_id)
        # Argon2 runs in a worker thread with no connection held: it takes tens of milliseconds, and
        # neither the event loop nor the shard's other requests should wait for it.
        if user is None or not await asyncio.to_thread(self._passwords.verify, user.password_hash, password):
            await self._audit.login_failed(ip, user_id, "bad_password")
            if await self._lockout.failure(user_id):
                await self._audit.record("account_locked", severity="high", ip=ip, user_id=user_id)
            raise AccountError("bad_credentials", "invalid credentials")
        if not user.is_active:
            raise AccountError("disabled", "this account is disabled")
        rehashed = None
        if self._passwords.needs_rehash(user.password_hash):
            rehashed = await asyncio.to_thread(self._passwords.hash, password)
        async with self._dbs.shard_session(shard_id) as session, session.begin():
            await repository.record_login(session, user_id, user.password_hash, rehashed)
        role: Role = "admin" if user.role == "admin" else "user"
        await self._lockout.success(user_id)
        return await self._start_session(user_id, role)

    async def refresh(self, refresh_token: str, ip: str) -> TokenPair:
        """Rotate a refresh token; a replayed one revokes its family and is recorded."""
        try:
            user_id, role, successor = await self._sessions.rotate(refresh_token)
        except RefreshReuseError as exc:
            await self._audit.record("refresh_reuse", severity="high", ip=ip, user_id=exc.user_id)
            raise AccountError("token_reused", "refresh token reuse detected; please log in again") from exc
        except TokenError as exc:
            await self._audit.record("token_refused", ip=ip, detail={"reason": exc.reason}, once_per_s=60)
            raise AccountError("invalid_token", "invalid or expired refresh token") from exc
        return self._pair(user_id, role, successor.family, successor.encode())

    async def authenticate(self, access_token: str, ip: str) -> Principal:
        """Verify an access token and that its session is still live."""
        try:
            claims = self._tokens.verify(access_token)
        except TokenError as exc:
            await self._audit.record("token_refused", ip=ip, detail={"reason": exc.reason}, once_per_s=60)
            raise AccountError("invalid_token", "invalid or expired access token") from exc
        role = await self._sessions.active_role(claims.session_id)
        if role is None:
            await self._audit.record(
                "token_refused", ip=ip, detail={"reason": "revoked session"}, once_per_s=60
            )
            raise AccountError("invalid_token", "this session has ended; please log in again")
        return Principal(claims.user_id, role, claims.session_id, claims)

    async def session_live(self, principal: Principal) -> bool:
        """Whether the caller's session still stands (no logout, revocation or expiry since it began)."""
        return await self._sessions.active_role(principal.session_id) is not None

    async def logout(self, principal: Principal) -> None:
        """End the caller's session (its refresh and access tokens stop working)."""
        await self._sessions.revoke(principal.user_id, principal.session_id)

    # --- profile

    async def profile(self, user_id: str) -> Profile:
        """The decrypted profile of a user."""
        async with self._dbs.shard_session(await self._shard(user_id)) as session:
            user = await repository.get(session, user_id)
            if user is None:
                raise AccountError("not_found", "user not found")
            return self._to_profile(user)

    async def update_profile(self, user_id: str, changes: ProfileFields) -> Profile:
        """Apply the fields present in `changes` (null clears a field)."""
        fields = changes.model_fields_set
        shard_id = await self._shard(user_id)
        if "email" in fields:
            email_hash = self._cipher.lookup_hash(changes.email) if changes.email else None
            try:
                await self._dbs.set_email_hash(user_id, email_hash)
            except DuplicateUserError as exc:
                raise AccountError("duplicate_user", "this email is already registered") from exc
        async with self._dbs.shard_session(shard_id) as session, session.begin():
            user = await repository.get(session, user_id)
            if user is None:
                raise AccountError("not_found", "user not found")
            self._apply_profile(user, changes, fields)
            if "email" in fields:
                user.email_hash = email_hash
            return self._to_profile(user)

    async def change_password(self, principal: Principal, current: str, new: str) -> None:
        """Change the password after checking the current one; other sessions end."""
        self._check_password_policy(principal.user_id, new)
        async with self._dbs.shard_session(await self._shard(principal.user_id)) as session, session.begin():
            user = await repository.get(session, principal.user_id)
            if user is None:
                raise AccountError("not_found", "user not found")
            await self._confirm_password(user, current)
            user.password_hash = await asyncio.to_thread(self._passwords.hash, new)
        await self._sessions.revoke_all(principal.user_id, keep=principal.session_id)

    # --- PIPA: export and deletion

    async def export(self, user_id: str) -> dict[str, Any]:
        """Everything stored about a user, decrypted, in one document."""
        async with self._dbs.shard_session(await self._shard(user_id)) as session:
            user = await repository.get(session, user_id)
            if user is None:
                raise AccountError("not_found", "user not found")
            conversations = await export_user_data(session, user_id)
        return {"profile": self._to_profile(user).model_dump(mode="json"), **conversations}

    async def delete_account(self, user_id: str, password: str | None) -> None:
        """Delete the user and all their rows on their shard, their mapping, and their sessions.

        `password` confirms a self-service deletion; admins pass None.
        """
        shard_id = await self._shard(user_id)
        async with self._dbs.shard_session(shard_id) as session, session.begin():
            user = await repository.get(session, user_id)
            if user is None:
                raise AccountError("not_found", "user not found")
            if password is not None:
                await self._confirm_password(user, password)
            await delete_user_data(session, user_id)
            await repository.remove(session, user_id)
        await self._dbs.release_user(user_id)
        await self._sessions.revoke_all(user_id)
        await self._lockout.unlock(user_id)
        await self._limiter.forget("user", user_id)
        await self._audit.record("account_deleted", user_id=user_id)

    # --- admin

    async def list_users(self, shard_id: int, offset: int, limit: int) -> Sequence[UserSummary]:
        """A page of users on one shard (no personal fields)."""
        async with self._dbs.shard_session(shard_id) as session:
            users = await repository.page(session, offset, limit)
        return [
            UserSummary(
                user_id=u.id,
                role=u.role,
                shard_id=shard_id,
                is_active=u.is_active,
                created_at=u.created_at,
                last_login=u.last_login,
            )
            for u in users
        ]

    async def set_active(self, user_id: str, active: bool) -> None:
        """Enable or disable an account; disabling ends its sessions."""
        async with self._dbs.shard_session(await self._shard(user_id)) as session, session.begin():
            user = await repository.get(session, user_id)
            if user is None:
                raise AccountError("not_found", "user not found")
            user.is_active = active
        if not active:
            await self._sessions.revoke_all(user_id)

    async def unlock(self, user_id: str) -> None:
        """Lift a lockout."""
        await self._lockout.unlock(user_id)

    # --- helpers

    async def _shard(self, user_id: str) -> int:
        shard_id = await self._dbs.shard_of(user_id)
        if shard_id is None:
            raise AccountError("not_found", "user not found")
        return shard_id

    async def _resolve_login(self, login: str) -> str | None:
        if "@" in login:
            return await self._dbs.find_by_email_hash(self._cipher.lookup_hash(login))
        user_id = login.lower()
        return user_id if await self._dbs.shard_of(user_id) is not None else None

    async def _start_session(self, user_id: str, role: Role) -> TokenPair:
        refresh = await self._sessions.create(user_id, role)
        return self._pair(user_id, role, refresh.family, refresh.encode())

    def _pair(self, user_id: str, role: Role, family: str, refresh_token: str) -> TokenPair:
        access, _ = self._tokens.issue(user_id, role, family)
        return TokenPair(
            access_token=access,
            refresh_token=refresh_token,
            expires_in=self._settings.access_token_ttl_s,
            user_id=user_id,
            role=role,
        )

    async def _confirm_password(self, user: User, password: str) -> None:
        """Check the password of a signed-in person before a sensitive change. Failures count towards
        the login lockout, so a stolen access token cannot be used to guess the password either."""
        locked = await self._lockout.locked_for(user.id)
        if locked:
            raise AccountError("locked", "account temporarily locked after repeated failures", locked)
        if not await asyncio.to_thread(self._passwords.verify, user.password_hash, password):
            if await self._lockout.failure(user.id):
                await self._audit.record("account_locked", severity="high", user_id=user.id)
            raise AccountError("bad_credentials", "password is incorrect")

    def _check_password_policy(self, user_id: str, password: str) -> None:
        if len(password) < self._settings.password_min_length:
            raise AccountError(
                "weak_password", f"password must be at least {self._settings.password_min_length} characters"
            )
        if user_id.lower() in password.lower() or len(set(password)) < 4:
            raise AccountError("weak_password", "password is too easy to guess")

    def _apply_profile(self, user: User, profile: ProfileFields, fields: set[str]) -> None:
        for field in ENCRYPTED_FIELDS:
            if field not in fields:
                continue
            value = getattr(profile, field)
            text = _serialise(value)
            setattr(user, f"{field}_enc", self._cipher.encrypt(text, f"{user.id}:{field}"))

    def _to_profile(self, user: User) -> Profile:
        values = {
            field: self._cipher.decrypt(getattr(user, f"{field}_enc"), f"{user.id}:{field}")
            for field in ENCRYPTED_FIELDS
        }
        medications_json = values.pop("medications")
        medications = orjson.loads(medications_json) if medications_json else []
        return Profile(
            user_id=user.id,
            role=user.role,
            medications=medications,
            created_at=user.created_at,
            last_login=user.last_login,
            is_active=user.is_active,
            **values,
        )


def _serialise(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return orjson.dumps(value).decode()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
