"""Hostile WebSocket clients against a real uvicorn server: binary, huge, malformed and unknown frames,
messages before authentication, out-of-order and repeated sequences, frames after a close, protocol
violations and rapid open/close. The server answers with its documented error frames and close codes, logs
no failure, and keeps serving everyone else."""

import asyncio
import base64
import json
import logging
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import httpx
import pytest
import websockets
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st
from prometheus_client import REGISTRY
from typer.testing import CliRunner
from websockets.exceptions import ConnectionClosed

from medichain.chat.websocket import CLOSE_TOO_LARGE, CLOSE_UNAUTHORIZED, MAX_FRAME_BYTES
from medichain.cli import main as cli
from tests.conftest import bearer, live_server
from tests.fuzz.conftest import examples

SERVER_FRAMES = {"ready", "typing", "delta", "final", "error", "pong"}
ERROR_CODES = {
    "invalid_frame",
    "invalid_message",
    "already_authenticated",
    "not_found",
    "not_answered",
    "rate_limited",
    "too_many_in_flight",
}
"""The documented in-band errors a client's frames can cause (`turn_failed` would mean a failure)."""
UVICORN_DEFAULT_MAX_SIZE = 16 * 1024 * 1024


@pytest.fixture
def no_failures_logged(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fails the test when the server logged an error: a failed turn, or an exception that escaped the
    endpoint ("Exception in ASGI application", on uvicorn's logger, which does not propagate)."""
    uvicorn_log = logging.getLogger("uvicorn.error")  # its configuration keeps handlers added here
    uvicorn_log.addHandler(caplog.handler)
    caplog.set_level(logging.ERROR)
    try:
        yield
    finally:
        uvicorn_log.removeHandler(caplog.handler)
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not failures, [f"{r.name}: {r.getMessage()}" for r in failures]


@pytest.fixture
async def chat(loaded_app: FastAPI, loaded_client: httpx.AsyncClient, loaded_signup, no_failures_logged):
    """A live server, a user's token and one of their rooms."""
    tokens = await loaded_signup()
    room = (await loaded_client.post("/api/v1/chat/rooms", headers=bearer(tokens), json={})).json()["id"]
    async with live_server(loaded_app) as host:
        yield host, tokens["access_token"], room


async def _receive(socket: websockets.ClientConnection) -> dict:
    """The next frame, checked against the documented ones."""
    frame = json.loads(await asyncio.wait_for(socket.recv(), 30))
    assert isinstance(frame, dict) and frame["type"] in SERVER_FRAMES, frame
    if frame["type"] == "error":
        assert frame["code"] in ERROR_CODES and isinstance(frame["message"], str), frame
        assert frame["sequence"] is None or type(frame["sequence"]) is int, frame
    return frame


@asynccontextmanager
async def _signed_in(host: str, token: str) -> AsyncIterator[websockets.ClientConnection]:
    async with websockets.connect(f"ws://{host}/ws/chat", max_size=None) as socket:
        await socket.send(json.dumps({"type": "auth", "token": token}))
        assert (await _receive(socket))["type"] == "ready"
        yield socket


async def _until(socket: websockets.ClientConnection, kind: str) -> list[dict]:
    """Frames up to and including the first of `kind`."""
    frames = [await _receive(socket)]
    while frames[-1]["type"] != kind:
        frames.append(await _receive(socket))
    return frames


async def _still_serving(host: str, token: str) -> None:
    async with _signed_in(host, token) as socket:
        await socket.send(json.dumps({"type": "ping"}))
        assert (await _receive(socket))["type"] == "pong"


async def _closed_with(socket: websockets.ClientConnection) -> int | None:
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            await asyncio.wait_for(socket.recv(), 15)
    return closed.value.rcvd.code if closed.value.rcvd else None


@pytest.mark.parametrize(
    "first",
    [
        b"\x00\x01binary",
        "not json",
        "",
        json.dumps([1, 2]),
        json.dumps({"type": "ping"}),
        json.dumps({"type": "message", "room_id": "0" * 36, "text": "hi", "sequence": 1}),
        json.dumps({"type": "auth"}),
        json.dumps({"type": "auth", "token": 12}),
        json.dumps({"type": "auth", "token": "forged"}),
    ],
)
async def test_anything_but_auth_first_is_refused(chat: tuple[str, str, str], first: str | bytes) -> None:
    host, token, _ = chat
    async with websockets.connect(f"ws://{host}/ws/chat") as socket:
        await socket.send(first)
        assert await _closed_with(socket) == CLOSE_UNAUTHORIZED
    await _still_serving(host, token)


@pytest.mark.parametrize("server_limit", [UVICORN_DEFAULT_MAX_SIZE, MAX_FRAME_BYTES])
@pytest.mark.parametrize("signed_in", [False, True])
async def test_a_frame_over_64_kib_closes_the_socket(
    loaded_app: FastAPI, chat: tuple[str, str, str], signed_in: bool, server_limit: int
) -> None:
    """Whether the server refuses it (`medichain serve` sets `ws_max_size`) or the endpoint does."""
    _, token, _ = chat
    async with live_server(loaded_app, ws_max_size=server_limit) as host:
        async with websockets.connect(f"ws://{host}/ws/chat", max_size=None) as socket:
            if signed_in:
                await socket.send(json.dumps({"type": "auth", "token": token}))
                await _receive(socket)
            await socket.send("x" * (MAX_FRAME_BYTES + 1))
            assert await _closed_with(socket) == CLOSE_TOO_LARGE
        await _still_serving(host, token)


def test_found_medichain_serve_limits_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    """`medichain serve` left uvicorn's 16 MiB frame limit in place (the README promised 64 KiB)."""
    served: dict = {}
    monkeypatch.setattr(cli.uvicorn, "run", lambda *args, **options: served.update(options))
    assert CliRunner().invoke(cli.app, ["serve", "--port", "8123"]).exit_code == 0
    assert served["ws_max_size"] == MAX_FRAME_BYTES


def _frames(room: str) -> st.SearchStrategy[str | bytes]:
    """Client frames, mostly wrong: binary, text, JSON of any shape, and messages, resumes and pings with
    fields of any type (the user's real room in some)."""
    json_values = st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
        max_leaves=5,
    )
    fields = st.dictionaries(
        st.sampled_from(["room_id", "text", "sequence", "lat", "lng", "token", "extra"]),
        st.one_of(json_values, st.just(room), st.integers(min_value=-(2**64), max_value=2**64)),
        max_size=5,
    )
    typed = st.builds(
        lambda kind, rest: json.dumps({**rest, "type": kind}),
        st.sampled_from(["message", "resume", "ping", "auth", "pong", "", "MESSAGE"]),
        fields,
    )
    return st.one_of(st.binary(max_size=50), st.text(max_size=50), json_values.map(json.dumps), typed)


@examples(0.5)
@given(st.data())
async def test_hostile_frames_get_documented_answers(chat: tuple[str, str, str], data: st.DataObject) -> None:
    """After any frames, the socket still answers a ping; every frame the server sent is documented."""
    host, token, room = chat
    await _send_all(host, token, data.draw(st.lists(_frames(room), max_size=8)))


async def _send_all(host: str, token: str, frames: list[str | bytes]) -> None:
    async with _signed_in(host, token) as socket:
        for frame in frames:
            await socket.send(frame)
        await socket.send(json.dumps({"type": "ping"}))
        await _until(socket, "pong")
    # Turns the frames started may still run: closing cancels them, which must not fail either.


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ({"type": "resume", "sequence": 2**63}, "invalid_frame"),
        ({"type": "resume", "sequence": -1}, "invalid_frame"),
        ({"type": "resume", "sequence": True}, "not_answered"),  # read as 1, as REST reads it
        ({"type": "resume"}, "invalid_frame"),
        ({"type": "resume", "sequence": 1, "room_id": "x" * 5000}, "invalid_frame"),
        ({"type": "message", "text": "hi", "sequence": {"deep": [1]}}, "invalid_message"),
        ({"type": "message", "text": "hi", "sequence": 1.5}, "invalid_message"),
        ({"type": "message", "text": "hi", "sequence": 2**63}, "invalid_message"),
        ({"type": "message", "text": "\x00\x01", "sequence": 1}, "invalid_message"),
        ({"type": "message", "text": "hi", "sequence": 1, "lat": 37.5}, "invalid_message"),
    ],
)
async def test_found_frames_with_out_of_range_fields(
    chat: tuple[str, str, str], frame: dict, code: str
) -> None:
    host, token, room = chat
    async with _signed_in(host, token) as socket:
        await socket.send(json.dumps({"room_id": room, **frame}))
        answer = await _receive(socket)
        assert (answer["type"], answer["code"]) == ("error", code), answer


def _message(room: str, sequence: int, text: str = "두통이 있어요") -> str:
    return json.dumps({"type": "message", "room_id": room, "text": text, "sequence": sequence})


def _resume(room: str, sequence: int) -> str:
    return json.dumps({"type": "resume", "room_id": room, "sequence": sequence})


async def _outcomes(socket: websockets.ClientConnection, count: int) -> list[dict]:
    """The next `count` finals and errors, in arrival order (typing and deltas skipped)."""
    outcomes: list[dict] = []
    while len(outcomes) < count:
        frame = await _receive(socket)
        if frame["type"] in ("final", "error"):
            outcomes.append(frame)
    return outcomes


async def _stored_sequences(client: httpx.AsyncClient, headers: dict, room: str) -> list[tuple[str, int]]:
    messages = (await client.get(f"/api/v1/chat/rooms/{room}/messages?limit=200", headers=headers)).json()
    return sorted((m["role"], m["sequence"]) for m in messages)


async def test_out_of_order_and_repeated_sequences(
    chat: tuple[str, str, str], loaded_client: httpx.AsyncClient
) -> None:
    """Sequences in any order, repeated, resumed before they were sent, and one sent twice at once: each
    is answered, none is stored twice."""
    host, token, room = chat
    async with _signed_in(host, token) as socket:
        answered = {}
        for sequence in (5, 3, 5):
            await socket.send(_message(room, sequence))
            [final] = await _outcomes(socket, 1)
            assert final["type"] == "final" and final["sequence"] == sequence
            answered.setdefault(sequence, []).append(final)
        assert answered[5][1]["replayed"] and answered[5][1]["message_id"] == answered[5][0]["message_id"]
        await socket.send(_resume(room, 4))
        assert (await _outcomes(socket, 1))[0]["code"] == "not_answered"
        await socket.send(_resume(room, 3))
        [resumed] = await _outcomes(socket, 1)
        assert resumed["replayed"] and resumed["message_id"] == answered[3][0]["message_id"]
        await socket.send(_message(room, 7))
        await socket.send(_message(room, 7))
        twins = await _outcomes(socket, 2)
        assert [t["type"] for t in twins] == ["final", "final"]
        assert twins[0]["message_id"] == twins[1]["message_id"]
    headers = {"Authorization": f"Bearer {token}"}
    assert await _stored_sequences(loaded_client, headers, room) == [
        ("assistant", 3),
        ("assistant", 5),
        ("assistant", 7),
        ("user", 3),
        ("user", 5),
        ("user", 7),
    ]


async def test_answers_in_flight_are_bounded(
    chat: tuple[str, str, str], loaded_client: httpx.AsyncClient
) -> None:
    """Six messages at once: each is answered or refused as too many in flight, and a refused one sent
    again is answered; the room holds each answered sequence once."""
    host, token, room = chat
    async with _signed_in(host, token) as socket:
        for sequence in range(1, 7):
            await socket.send(_message(room, sequence, f"{sequence}일째 기침이 나요"))
        outcomes = await _outcomes(socket, 6)
        assert sorted(o["sequence"] for o in outcomes) == list(range(1, 7))
        refused = [o["sequence"] for o in outcomes if o["type"] == "error"]
        assert all(o["code"] == "too_many_in_flight" for o in outcomes if o["type"] == "error")
        for sequence in refused:
            await socket.send(_message(room, sequence, f"{sequence}일째 기침이 나요"))
            assert (await _outcomes(socket, 1))[0]["type"] == "final"
    headers = {"Authorization": f"Bearer {token}"}
    stored = await _stored_sequences(loaded_client, headers, room)
    assert stored == sorted([("user", n) for n in range(1, 7)] + [("assistant", n) for n in range(1, 7)])


# --- below the client library: raw frames, including ones a conforming client never sends

TEXT, BINARY, CLOSE, PING = 0x1, 0x2, 0x8, 0x9


def _raw_frame(opcode: int, payload: bytes, *, fin: bool = True, masked: bool = True) -> bytes:
    """One WebSocket frame as a client writes it (RFC 6455 §5.2)."""
    length = len(payload)
    mask_bit = 0x80 if masked else 0
    if length < 126:
        header = bytes([(0x80 if fin else 0) | opcode, mask_bit | length])
    else:
        header = bytes([(0x80 if fin else 0) | opcode, mask_bit | 126]) + length.to_bytes(2, "big")
    if not masked:
        return header + payload
    key = os.urandom(4)
    return header + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


@asynccontextmanager
async def _raw_socket(host: str) -> AsyncIterator[tuple[asyncio.StreamReader, asyncio.StreamWriter]]:
    """A TCP connection that has completed the WebSocket handshake."""
    name, port = host.split(":")
    reader, writer = await asyncio.open_connection(name, int(port))
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(
        f"GET /ws/chat HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    assert (await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)).startswith(b"HTTP/1.1 101")
    try:
        yield reader, writer
    finally:
        writer.close()


async def _read_raw(reader: asyncio.StreamReader) -> tuple[int, bytes] | None:
    """The next frame from the server (opcode, payload), or None at the end of the stream."""
    try:
        first, second = await asyncio.wait_for(reader.readexactly(2), 15)
        length = second & 0x7F
        if length == 126:
            length = int.from_bytes(await reader.readexactly(2), "big")
        elif length == 127:
            length = int.from_bytes(await reader.readexactly(8), "big")
        return first & 0x0F, await reader.readexactly(length)
    except (asyncio.IncompleteReadError, ConnectionError):
        return None


async def _close_code(reader: asyncio.StreamReader) -> int | None:
    """Read until the server's close frame; its code (None when the stream just ends)."""
    while (frame := await _read_raw(reader)) is not None:
        opcode, payload = frame
        if opcode == CLOSE:
            return int.from_bytes(payload[:2], "big") if len(payload) >= 2 else None
    return None


def _auth(token: str) -> bytes:
    return _raw_frame(TEXT, json.dumps({"type": "auth", "token": token}).encode())


PING_FRAME = json.dumps({"type": "ping"}).encode()
VIOLATIONS = {
    "unmasked frame": _raw_frame(TEXT, PING_FRAME, masked=False),
    "reserved opcode": _raw_frame(0x3, b"?"),
    "continuation without a start": _raw_frame(0x0, PING_FRAME),
    "fragmented control frame": _raw_frame(PING, b"x", fin=False),
    "invalid UTF-8 text": _raw_frame(TEXT, b'{"type": "ping", "x": "\xff\xfe"}'),
    "garbage": b"\xff" * 64,
}


@pytest.mark.parametrize("violation", sorted(VIOLATIONS))
async def test_protocol_violations_close_the_socket(chat: tuple[str, str, str], violation: str) -> None:
    host, token, _ = chat
    async with _raw_socket(host) as (reader, writer):
        writer.write(_auth(token))
        assert json.loads((await _read_raw(reader))[1])["type"] == "ready"  # type: ignore[index]
        writer.write(VIOLATIONS[violation])
        assert await _close_code(reader) in (None, 1002, 1007)
    await _still_serving(host, token)


async def test_fragments_and_interleaved_pings_are_one_message(chat: tuple[str, str, str]) -> None:
    """Legal but unusual: a text message in three fragments with a control ping between them."""
    host, token, _ = chat
    async with _raw_socket(host) as (reader, writer):
        writer.write(_auth(token))
        await _read_raw(reader)
        writer.write(_raw_frame(TEXT, PING_FRAME[:5], fin=False))
        writer.write(_raw_frame(PING, b"are you there"))
        writer.write(_raw_frame(0x0, PING_FRAME[5:9], fin=False))
        writer.write(_raw_frame(0x0, PING_FRAME[9:]))
        frames = [await _read_raw(reader), await _read_raw(reader)]
        assert (0xA, b"are you there") in frames  # the protocol's pong
        assert (TEXT, b'{"type":"pong"}') in frames


async def test_frames_after_a_close_are_ignored(
    chat: tuple[str, str, str], loaded_client: httpx.AsyncClient
) -> None:
    """A client that closes and keeps writing: the server answers the close and acts on nothing after it."""
    host, token, room = chat
    async with _raw_socket(host) as (reader, writer):
        writer.write(_auth(token))
        await _read_raw(reader)
        writer.write(_raw_frame(CLOSE, (1000).to_bytes(2, "big")))
        writer.write(_raw_frame(TEXT, _message(room, 9).encode()))
        writer.write(_raw_frame(BINARY, b"\x00" * 10))
        assert await _close_code(reader) == 1000
    assert await _stored_sequences(loaded_client, {"Authorization": f"Bearer {token}"}, room) == []
    await _still_serving(host, token)


async def _visit(host: str, token: str, room: str, kind: int, sequence: int) -> None:
    """One short-lived client; `kind` picks how it leaves."""
    if kind == 0:  # the TCP connection drops right after the handshake
        async with _raw_socket(host) as (_, writer):
            writer.transport.abort()
        return
    async with websockets.connect(f"ws://{host}/ws/chat") as socket:
        if kind == 1:  # garbage instead of the auth frame
            await socket.send(b"\x00garbage")
            return
        await socket.send(json.dumps({"type": "auth", "token": token}))
        await socket.recv()
        if kind == 3:  # a message, then gone before the answer
            await socket.send(_message(room, sequence))


def _open_sockets() -> float:
    return REGISTRY.get_sample_value("medichain_websocket_connections") or 0.0


@pytest.mark.parametrize("clients", [40, pytest.param(400, marks=pytest.mark.hardening)])
async def test_rapid_open_and_close(
    chat: tuple[str, str, str], loaded_client: httpx.AsyncClient, clients: int
) -> None:
    """Clients that drop the connection, send garbage, leave right after signing in, or leave mid-turn, all
    at once: the server serves the next client, counts no socket as still open, and a turn cut short is
    either stored once or not at all (so resending its sequence is answered, once)."""
    host, token, room = chat
    before = _open_sockets()
    await asyncio.gather(*(_visit(host, token, room, n % 4, n) for n in range(clients)))
    await _still_serving(host, token)
    async with asyncio.timeout(30):
        while _open_sockets() > before:  # noqa: ASYNC110 - a gauge has no event to wait on
            await asyncio.sleep(0.05)
    cut_short = [n for n in range(clients) if n % 4 == 3]
    async with _signed_in(host, token) as socket:
        for sequence in cut_short:
            await socket.send(_resume(room, sequence))
            [outcome] = await _outcomes(socket, 1)
            if outcome["type"] == "error":
                assert outcome["code"] == "not_answered"
                await socket.send(_message(room, sequence))
                assert (await _outcomes(socket, 1))[0]["type"] == "final"
    stored = await _stored_sequences(loaded_client, {"Authorization": f"Bearer {token}"}, room)
    assert stored == sorted([("user", n) for n in cut_short] + [("assistant", n) for n in cut_short])
