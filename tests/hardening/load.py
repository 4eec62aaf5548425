"""A focused load driver for the fault runs: people who each chat in a room of their own, over REST or
WebSocket, one message at a time with increasing `sequence`. A failed sequence is resent until it is
answered, as a client of the idempotent API does, and the outcome of every attempt is kept."""

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from typing import Any, Literal

import aiohttp
import orjson

PASSWORD = "hardening-Passw0rd!"
REQUEST_TIMEOUT_S = 30.0
QUESTIONS = (
    "타이레놀 효능이 뭐야?",
    "근처 소아과 찾아줘",
    "감기 걸렸을 때 좋은 음식",
    "이부프로펜 부작용 알려줘",
    "what is the dose of ibuprofen?",
    "두통이 계속되는데 어느 과로 가야 해?",
    "아스피린 복용법 알려줘",
    "가슴이 쥐어짜듯 아프고 식은땀이 나요",
)
Channel = Literal["rest", "ws"]


@dataclass
class Attempt:
    """One send of a message: answered (its message id) or failed (HTTP status and error code, or how the
    connection failed: `connection_refused`, `connection_lost`, `timeout`)."""

    user_id: str
    channel: Channel
    sequence: int
    started: float
    ended: float = 0.0
    message_id: int | None = None
    replayed: bool = False
    provider: str | None = None
    status: int | None = None
    code: str | None = None
    retry_after: str | None = None

    @property
    def ok(self) -> bool:
        return self.message_id is not None


@dataclass
class Person:
    """A signed-up user with a room, chatting over one channel; `answered` maps sequence to message id."""

    user_id: str
    token: str
    room_id: str
    channel: Channel
    answered: dict[int, int] = field(default_factory=dict)
    next_sequence: int = 1

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def _failure_kind(exc: BaseException) -> str:
    if isinstance(exc, aiohttp.ClientConnectorError):
        return "connection_refused"
    if isinstance(exc, TimeoutError):
        return "timeout"
    return "connection_lost"


def _error_code(body: bytes) -> str | None:
    try:
        return orjson.loads(body)["error"]["code"]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return None


class Sender:
    """Sends a person's messages over their channel and fills in the attempt's outcome."""

    def __init__(self, http: aiohttp.ClientSession, base: str, person: Person) -> None:
        self.http = http
        self.base = base
        self.person = person
        self._socket: aiohttp.ClientWebSocketResponse | None = None

    async def send(self, attempt: Attempt, text: str) -> None:
        try:
            if self.person.channel == "rest":
                await self._rest(attempt, text)
            else:
                await self._ws(attempt, text)
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            attempt.code = _failure_kind(exc)
            await self.close()
        finally:
            attempt.ended = time.time()

    async def _rest(self, attempt: Attempt, text: str) -> None:
        url = f"{self.base}/api/v1/chat/rooms/{self.person.room_id}/messages"
        body = {"text": text, "sequence": attempt.sequence}
        async with self.http.post(url, json=body, headers=self.person.headers()) as response:
            payload = await response.read()
            if response.status == 200:
                answer = orjson.loads(payload)
                attempt.message_id, attempt.replayed = answer["message_id"], answer["replayed"]
                attempt.provider = answer["response"]["provider"]
                return
            attempt.status, attempt.code = response.status, _error_code(payload)
            attempt.retry_after = response.headers.get("Retry-After")

    async def _ws(self, attempt: Attempt, text: str) -> None:
        socket = self._socket or await self._connect()
        frame = {
            "type": "message",
            "room_id": self.person.room_id,
            "sequence": attempt.sequence,
            "text": text,
        }
        await socket.send_str(orjson.dumps(frame).decode())
        async with asyncio.timeout(REQUEST_TIMEOUT_S):
            while True:
                answer = await self._receive(socket)
                if answer.get("sequence") != attempt.sequence:
                    continue
                if answer["type"] == "final":
                    attempt.message_id, attempt.replayed = answer["message_id"], answer["replayed"]
                    attempt.provider = answer["response"]["provider"]
                    return
                if answer["type"] == "error":
                    attempt.code = answer["code"]
                    return

    async def _connect(self) -> aiohttp.ClientWebSocketResponse:
        socket = await self.http.ws_connect(self.base.replace("http", "ws", 1) + "/ws/chat", heartbeat=None)
        self._socket = socket
        await socket.send_str(orjson.dumps({"type": "auth", "token": self.person.token}).decode())
        if (await self._receive(socket))["type"] != "ready":
            raise aiohttp.ClientError("authentication refused")
        return socket

    async def _receive(self, socket: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
        message = await socket.receive()
        if message.type != aiohttp.WSMsgType.TEXT:
            raise aiohttp.ServerDisconnectedError(f"socket {message.type.name.lower()}")
        return orjson.loads(message.data)

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
            self._socket = None


def backoff_s(attempt: Attempt, failures: int) -> float:
    """How long to wait before resending: the server's Retry-After (at most 2 s), else doubling from 0.25 s."""
    if attempt.retry_after and attempt.retry_after.isdigit():
        return min(2.0, float(attempt.retry_after))
    return min(2.0, 0.25 * 2 ** min(failures, 3))


class Load:
    """Drives every person until `stop()`; `attempts` holds each send, `in_flight` counts those running."""

    def __init__(self, base: str, people: list[Person], think_s: float) -> None:
        self.base = base
        self.people = people
        self.think_s = think_s
        self.attempts: list[Attempt] = []
        self.in_flight = 0
        self._stopping = asyncio.Event()

    async def run(self) -> None:
        """Chat until stopped; the sequence being resent when it stops stays unanswered."""
        async with http_session() as http:
            await asyncio.gather(*(self._chat(Sender(http, self.base, person)) for person in self.people))

    def stop(self) -> None:
        self._stopping.set()

    async def _chat(self, sender: Sender) -> None:
        person = sender.person
        try:
            while not self._stopping.is_set():
                sequence = person.next_sequence
                text = QUESTIONS[sequence % len(QUESTIONS)]
                for failures in itertools.count():
                    attempt = Attempt(person.user_id, person.channel, sequence, time.time())
                    self.attempts.append(attempt)
                    self.in_flight += 1
                    await sender.send(attempt, text)
                    self.in_flight -= 1
                    if attempt.ok:
                        person.answered[sequence] = attempt.message_id  # type: ignore[assignment]
                        break
                    if self._stopping.is_set():
                        break
                    await asyncio.sleep(backoff_s(attempt, failures))
                person.next_sequence += 1
                await asyncio.sleep(self.think_s)
        finally:
            await sender.close()


def http_session() -> aiohttp.ClientSession:
    """A client session with the driver's timeout."""
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S))


async def sign_up(http: aiohttp.ClientSession, base: str, user_id: str, channel: Channel) -> Person:
    """A new account with a room of its own."""
    async with http.post(
        f"{base}/api/v1/auth/signup", json={"user_id": user_id, "password": PASSWORD}
    ) as response:
        assert response.status == 201, await response.text()
        token = (await response.json())["access_token"]
    async with http.post(
        f"{base}/api/v1/chat/rooms", json={}, headers={"Authorization": f"Bearer {token}"}
    ) as response:
        assert response.status == 201, await response.text()
        room_id = (await response.json())["id"]
    return Person(user_id, token, room_id, channel)


async def history(http: aiohttp.ClientSession, base: str, person: Person) -> list[dict[str, Any]]:
    """Every message of the person's room, oldest first (paging back 200 at a time)."""
    url = f"{base}/api/v1/chat/rooms/{person.room_id}/messages"
    messages: list[dict[str, Any]] = []
    params: dict[str, int] = {"limit": 200}
    while True:
        async with http.get(url, params=params, headers=person.headers()) as response:
            assert response.status == 200, await response.text()
            page = await response.json()
        messages[:0] = page
        if len(page) < params["limit"]:
            return messages
        params["before_id"] = page[0]["id"]
