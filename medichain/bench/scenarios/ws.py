"""`ws`: the seed scenario over WebSocket. N users connect to `/ws/chat` at once and each sends M
messages one after another; measured: connection (with auth), time to the first answer delta, and
time to the final frame."""

import asyncio
import time

from medichain.bench.client import ChatSocket, RequestFailed, create_room, sign_up
from medichain.bench.context import Context
from medichain.bench.questions import questions


async def ask_recorded(ctx: Context, chat: ChatSocket, room_id: str, sequence: int, text: str) -> bool:
    """Ask one question, recording its first token and final frame; False once the socket is gone."""
    try:
        answer = await chat.ask(room_id, sequence, text)
    except RequestFailed as exc:
        ctx.recorder("final").error(exc.kind)
        return not exc.kind.startswith("socket")
    ctx.recorder("first token").ok(answer.first_token_s)
    ctx.recorder("final").ok(answer.final_s)
    ctx.cache.count(answer.response)
    return True


async def converse(ctx: Context, n: int, token: str, room_id: str, count: int) -> None:
    """Connect one user and ask `count` questions in their room, recording each stage."""
    connects = ctx.recorder("connect")
    started = time.perf_counter()
    try:
        chat = await ChatSocket.open(ctx.http, ctx.url, token)
    except RequestFailed as exc:
        connects.error(exc.kind)
        return
    connects.ok(time.perf_counter() - started)
    try:
        for sequence, text in enumerate(questions(n, count)):
            if not await ask_recorded(ctx, chat, room_id, sequence, text):
                return
    finally:
        await chat.close()


async def run(ctx: Context) -> None:
    """Sign up and open a room per user (not measured), then measure the conversations."""
    options = ctx.options
    accounts = await sign_up(ctx.http, ctx.url, options.users)
    rooms = await asyncio.gather(*(create_room(ctx.http, ctx.url, token) for _, token in accounts))
    async with ctx.measure():
        await asyncio.gather(
            *(
                converse(ctx, n, token, room, options.messages)
                for n, ((_, token), room) in enumerate(zip(accounts, rooms, strict=True))
            )
        )
