"""Bodies of the chat endpoints."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from medichain.answering.responses import ChatResponse
from medichain.chat.pipeline import MAX_MESSAGE_CHARS
from medichain.domains.template import GeoPoint

MessageText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_MESSAGE_CHARS)]
RoomIdText = Annotated[str, StringConstraints(min_length=36, max_length=36)]
SequenceNumber = Annotated[int, Field(ge=0, le=2**31 - 1)]


class Located(BaseModel):
    """An optional location (both coordinates or neither)."""

    model_config = ConfigDict(extra="forbid")

    lat: float | None = Field(None, ge=-90, le=90)
    lng: float | None = Field(None, ge=-180, le=180)

    @model_validator(mode="after")
    def _both_or_neither(self) -> "Located":
        if (self.lat is None) != (self.lng is None):
            raise ValueError("give both lat and lng, or neither")
        return self

    @property
    def point(self) -> GeoPoint | None:
        """The location, if given."""
        return GeoPoint(self.lat, self.lng) if self.lat is not None and self.lng is not None else None


class AskIn(Located):
    """A one-off question (nothing stored)."""

    text: MessageText


class MessageIn(Located):
    """A message in a room; `sequence` is chosen by the client, and a resend with the same one is answered
    from storage instead of twice."""

    text: MessageText
    sequence: SequenceNumber


class ResumeIn(BaseModel):
    """A request for the stored answer of a turn again (the WebSocket's `resume` frame)."""

    model_config = ConfigDict(extra="forbid")

    room_id: RoomIdText
    sequence: SequenceNumber


class TurnOut(BaseModel):
    """A stored answer."""

    message_id: int
    room_id: str
    sequence: int
    replayed: bool
    response: ChatResponse
