"""Request and response bodies of the accounts API. Requests refuse unknown fields."""

import re
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field, StringConstraints

USER_ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]{2,99}$"


def _lower(value: str) -> str:
    return value.strip().lower()


def _phone(value: str) -> str:
    if not re.fullmatch(r"\+?[0-9][0-9 -]{6,18}[0-9]", value):
        raise ValueError("phone must contain 8–20 digits, spaces or hyphens")
    return value


UserId = Annotated[
    str,
    StringConstraints(min_length=3, max_length=100),
    AfterValidator(_lower),
    AfterValidator(lambda v: v if re.fullmatch(USER_ID_PATTERN, v) else _bad_user_id()),
]
Password = Annotated[str, StringConstraints(min_length=1, max_length=128)]
NewPassword = Annotated[str, StringConstraints(min_length=8, max_length=128)]
Gender = Literal["M", "F", "Other"]
MedicationName = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]


def _bad_user_id() -> str:
    raise ValueError(
        "user id must be 3–100 characters: letters, digits, '_', '.', '-', starting with a letter/digit"
    )


class Strict(BaseModel):
    """Base for request bodies: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class ProfileFields(Strict):
    """Optional personal fields; each is encrypted at rest."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)] | None = None
    phone: Annotated[str, AfterValidator(_phone)] | None = None
    email: EmailStr | None = None
    birth_date: date | None = None
    gender: Gender | None = None
    medications: list[MedicationName] | None = Field(None, max_length=50)


class SignupRequest(ProfileFields):
    """A new account."""

    user_id: UserId
    password: NewPassword


class LoginRequest(Strict):
    """Log in with the user id or the email address."""

    login: Annotated[str, StringConstraints(min_length=1, max_length=255, strip_whitespace=True)]
    password: Password


class RefreshRequest(Strict):
    """Swap a refresh token for a new pair."""

    refresh_token: Annotated[str, StringConstraints(min_length=10, max_length=200)]


class PasswordChange(Strict):
    """Change the password; other sessions are logged out."""

    current_password: Password
    new_password: NewPassword


class AccountDeletion(Strict):
    """Delete the account and every piece of its data; the password confirms it."""

    password: Password


class TokenPair(BaseModel):
    """Tokens issued at login and refresh."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    user_id: str
    role: str


class ProfileUpdate(ProfileFields):
    """Fields to change; a field set to null is cleared, an absent field is kept."""


class Profile(BaseModel):
    """The account as its owner sees it (decrypted)."""

    user_id: str
    role: str
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    birth_date: date | None = None
    gender: Gender | None = None
    medications: list[str] = []
    created_at: datetime
    last_login: datetime | None = None
    is_active: bool = True


class UserSummary(BaseModel):
    """An account as listed for admins (no personal fields)."""

    user_id: str
    role: str
    shard_id: int
    is_active: bool
    created_at: datetime
    last_login: datetime | None = None
