"""Bodies of the conversation endpoints."""

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]


class RoomCreate(BaseModel):
    """A new conversation (the title defaults to the first question)."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = None


class RoomRename(BaseModel):
    """A new title."""

    model_config = ConfigDict(extra="forbid")

    title: Title


class RoomOut(BaseModel):
    """A conversation."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    title: str
    created_at: datetime
    updated_at: datetime


class MessageOut(BaseModel):
    """A message; assistant messages carry their response object."""

    id: int
    role: str
    content: str
    sequence: int | None
    created_at: datetime
    response: dict[str, Any] | None = None


class FeedbackIn(BaseModel):
    """A rating of one answer."""

    model_config = ConfigDict(extra="forbid")

    score: int = Field(ge=1, le=5)
    comment: Annotated[str, StringConstraints(max_length=2000)] = ""


class FeedbackOut(BaseModel):
    """A stored rating."""

    message_id: int
    score: int
    comment: str
