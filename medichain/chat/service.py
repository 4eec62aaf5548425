"""Chat turns for a signed-in person: idempotent resend, follow-up context, profile medicines, and
persistence of every answered turn on the person's shard."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date

from medichain.accounts.service import AccountService
from medichain.answering.responses import ChatResponse
from medichain.chat.pipeline import ChatPipeline, Delta, Final, TurnInput, Typing
from medichain.conversations.service import ConversationService, TurnContext
from medichain.domains.template import GeoPoint
from medichain.observability.metrics import stage
from medichain.triage import TriageContext


@dataclass(frozen=True)
class Answered:
    """The final, stored answer of a turn (`replayed` when the sequence had been answered before)."""

    message_id: int
    room_id: str
    sequence: int
    response: ChatResponse
    replayed: bool = False


ChatEvent = Typing | Delta | Answered


def _age_months(birth_date: date | None) -> int | None:
    if birth_date is None:
        return None
    today = date.today()
    return (today.year - birth_date.year) * 12 + today.month - birth_date.month


class ChatService:
    """Runs a person's turn in one of their rooms."""

    def __init__(
        self, pipeline: ChatPipeline, conversations: ConversationService, accounts: AccountService
    ) -> None:
        self.pipeline = pipeline
        self._conversations = conversations
        self._accounts = accounts

    async def ensure_room(self, user_id: str, room_id: str) -> None:
        """404 unless the room exists and belongs to the user."""
        await self._conversations.room(user_id, room_id)

    async def turn(
        self, user_id: str, room_id: str, sequence: int, text: str, location: GeoPoint | None = None
    ) -> AsyncIterator[ChatEvent]:
        """Typing, deltas, then the stored answer; a resent sequence yields the stored answer only."""
        opening = await self._conversations.open_turn(user_id, room_id, sequence)
        if (stored := opening.stored) is not None:
            yield Answered(
                stored.message_id, room_id, sequence, ChatResponse.model_validate(stored.response), True
            )
            return
        previous = opening.context
        profile = await self._accounts.profile(user_id)
        turn = TurnInput(
            text=text,
            location=location,
            medications=tuple(profile.medications),
            previous_domain=previous.domain,
            previous_entities=previous.entities,
            triage_context=TriageContext(age_months=_age_months(profile.birth_date)),
        )
        async for event in self.pipeline.run(turn):
            if isinstance(event, Final):
                with stage("persist"):
                    recorded = await self._conversations.record_turn(
                        user_id,
                        room_id,
                        sequence,
                        text,
                        event.response.model_dump(),
                        TurnContext(event.domain, event.entities),
                    )
                response = ChatResponse.model_validate(recorded.response)
                yield Answered(recorded.message_id, room_id, sequence, response, recorded.replayed)
            else:
                yield event
