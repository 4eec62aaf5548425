"""The seed's wire protocol: `{id, password, accessToken, sequence}` in, `{errorCode, sequence, ...}` out."""

from pydantic import BaseModel, ConfigDict, Field


class SeedRequest(BaseModel):
    """Fields every seed request carries."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    access_token: str = Field("", alias="accessToken", max_length=2048)
    sequence: int = Field(0, ge=0, le=2**31 - 1)


class SeedAccountRequest(SeedRequest):
    """Signup and login."""

    id: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=128)


class SeedResponse(BaseModel):
    """The seed's envelope: errorCode 0 is success; other codes follow HTTP meanings."""

    model_config = ConfigDict(populate_by_name=True)

    error_code: int = Field(0, serialization_alias="errorCode")
    sequence: int = 0
    access_token: str = Field("", serialization_alias="accessToken")
    refresh_token: str = Field("", serialization_alias="refreshToken")
    message: str = ""
