"""Asynchronous clients of the server under test (aiohttp): the seed's account and chatbot routes,
rooms, the WebSocket chat channel, and the cache counters of `/metrics`."""

import asyncio
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson

PASSWORD = "bench-Passw0rd!"
_CACHE_LINE = re.compile(r"^medichain_semantic_cache_lookups_total\{([^}]*)\}\s+([0-9.e+]+)$", re.MULTILINE)
_STAGE_LINE = re.compile(
    r'^medichain_chat_stage_duration_seconds_sum\{stage="([^"]+)"\}\s+([0-9.e+]+)$', re.MULTILINE
)


class BenchError(RuntimeError):
    """The scenario cannot go on (its set-up failed); the message says why."""


class RequestFailed(Exception):
    """One measured request failed; `kind` names how (`http 500`, `errorCode 401`, `timeout`, ...)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def http_session(timeout_s: float) -> aiohttp.ClientSession:
    """A session without a connection cap (the scenario bounds its own concurrency)."""
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=0, force_close=False),
        timeout=aiohttp.ClientTimeout(total=timeout_s),
        json_serialize=lambda value: orjson.dumps(value).decode(),
    )


async def post_json(http: aiohttp.ClientSession, url: str, body: dict[str, Any], token: str = "") -> Any:
    """POST a JSON body; the decoded answer, or `RequestFailed`."""
    headers = {"Authorization": f"Bearer {token}"} if token else None
    try:
        async with http.post(url, json=body, headers=headers) as response:
            payload = await response.read()
            if response.status >= 400:
                raise RequestFailed(f"http {response.status}")
            return orjson.loads(payload)
    except TimeoutError as exc:
        raise RequestFailed("timeout") from exc
    except aiohttp.ClientError as exc:
        raise RequestFailed(type(exc).__name__) from exc


async def seed_account(http: aiohttp.ClientSession, base: str, route: str, user_id: str) -> str:
    """`POST /account/{signup|login}` with the seed's envelope; the access token, or `RequestFailed`."""
    body = {"id": user_id, "password": PASSWORD, "accessToken": "", "sequence": 0}
    answer = await post_json(http, f"{base}/account/{route}", body)
    if answer.get("errorCode") != 0:
        raise RequestFailed(f"errorCode {answer.get('errorCode')}")
    return str(answer["accessToken"])


async def sign_up(
    http: aiohttp.ClientSession, base: str, count: int, parallel: int = 4
) -> list[tuple[str, str]]:
    """`count` new accounts through the seed's signup route; `(user_id, access token)` for each."""
    run = secrets.token_hex(3)
    gate = asyncio.Semaphore(parallel)

    async def one(n: int) -> tuple[str, str]:
        user_id = f"bench_{run}_{n}"
        async with gate:
            try:
                return user_id, await seed_account(http, base, "signup", user_id)
            except RequestFailed as exc:
                raise BenchError(
                    f"signup of {user_id} failed ({exc.kind}): is {base} a MediChain server?"
                ) from exc

    return list(await asyncio.gather(*(one(n) for n in range(count))))


async def create_room(http: aiohttp.ClientSession, base: str, token: str) -> str:
    """A new room of the token's user; its id."""
    try:
        answer = await post_json(http, f"{base}/api/v1/chat/rooms", {"title": "bench"}, token)
    except RequestFailed as exc:
        raise BenchError(f"could not create a room ({exc.kind})") from exc
    return str(answer["id"])


@dataclass(frozen=True)
class Counters:
    """The server's cumulative counters that a run reports as differences."""

    cache_hits: float
    cache_lookups: float
    stage_seconds: dict[str, float]


async def scrape(http: aiohttp.ClientSession, base: str) -> Counters | None:
    """Cache lookups and chat stage time from `/metrics`, or None when it is unreachable."""
    try:
        async with http.get(f"{base}/metrics") as response:
            if response.status != 200:
                return None
            text = await response.text()
    except (aiohttp.ClientError, TimeoutError):
        return None
    hits = lookups = 0.0
    for labels, value in _CACHE_LINE.findall(text):
        lookups += float(value)
        if 'result="hit"' in labels:
            hits += float(value)
    stages = {stage: float(value) for stage, value in _STAGE_LINE.findall(text)}
    return Counters(hits, lookups, stages)


@dataclass(frozen=True)
class Timed:
    """A chat answer over WebSocket: time to the first delta, time to the final frame, the response."""

    first_token_s: float
    final_s: float
    response: dict[str, Any]


class ChatSocket:
    """One authenticated `/ws/chat` connection that asks questions one at a time.

    A reader task drains the socket all the time, so the server's protocol pings are answered even
    while the user thinks or idles (aiohttp answers them only inside `receive`)."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self._frames: asyncio.Queue[aiohttp.WSMessage] = asyncio.Queue()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        while True:
            message = await self.socket.receive()
            self._frames.put_nowait(message)
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                return

    @classmethod
    async def open(cls, http: aiohttp.ClientSession, base: str, token: str) -> "ChatSocket":
        """Connect, send the `auth` frame and wait for `ready`; `RequestFailed` otherwise."""
        ws_url = base.replace("http", "ws", 1) + "/ws/chat"
        try:
            socket = await http.ws_connect(ws_url, heartbeat=None, autoping=True, max_msg_size=1 << 20)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RequestFailed(f"connect {type(exc).__name__}") from exc
        chat = cls(socket)
        await chat._send({"type": "auth", "token": token})
        frame = await chat._next()
        if frame.get("type") != "ready":
            await chat.close()
            raise RequestFailed(f"auth {frame.get('type')}")
        return chat

    async def _send(self, frame: dict[str, Any]) -> None:
        try:
            await self.socket.send_str(orjson.dumps(frame).decode())
        except (aiohttp.ClientError, ConnectionError) as exc:
            raise RequestFailed("socket closed") from exc

    async def _next(self) -> dict[str, Any]:
        message = await self._frames.get()
        if message.type != aiohttp.WSMsgType.TEXT:
            self._frames.put_nowait(message)  # every later read sees the closed socket too
            raise RequestFailed(f"socket {message.type.name.lower()}")
        return orjson.loads(message.data)

    async def ask(self, room_id: str, sequence: int, text: str) -> Timed:
        """Send one message; the timings of its first delta and final frame."""
        started = time.perf_counter()
        await self._send({"type": "message", "room_id": room_id, "sequence": sequence, "text": text})
        first: float | None = None
        while True:
            answer = await self._next()
            kind = answer.get("type")
            if kind == "delta" and first is None:
                first = time.perf_counter() - started
            elif kind == "final":
                final = time.perf_counter() - started
                return Timed(first if first is not None else final, final, answer["response"])
            elif kind == "error":
                raise RequestFailed(f"error {answer.get('code')}")

    async def ping(self) -> None:
        """An application-level ping (it also resets the server's idle timeout); waits for the pong."""
        await self._send({"type": "ping"})
        answer = await self._next()
        if answer.get("type") != "pong":
            raise RequestFailed(f"ping answered {answer.get('type')}")

    async def close(self) -> None:
        """Close the connection."""
        self._reader.cancel()
        await self.socket.close()
