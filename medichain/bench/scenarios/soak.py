"""`soak`: C WebSocket users chatting for T seconds, each waiting a think time (exponentially
distributed around `--think`) between an answer and their next message, as people do."""

import asyncio
import random
import time

from medichain.bench.client import ChatSocket, RequestFailed, create_room, sign_up
from medichain.bench.context import Context
from medichain.bench.questions import questions
from medichain.bench.scenarios.ws import ask_recorded

QUESTIONS_PER_USER = 500
SIGNUP_PARALLEL = 8


async def run(ctx: Context) -> None:
    """Sign up C users and open their rooms and sockets (not measured), then chat until the deadline."""
    options = ctx.options
    accounts = await sign_up(ctx.http, ctx.url, options.concurrency, SIGNUP_PARALLEL)
    rooms = await asyncio.gather(*(create_room(ctx.http, ctx.url, token) for _, token in accounts))
    connects = ctx.recorder("connect")
    sockets: list[ChatSocket | None] = []
    for _, token in accounts:
        started = time.perf_counter()
        try:
            sockets.append(await ChatSocket.open(ctx.http, ctx.url, token))
            connects.ok(time.perf_counter() - started)
        except RequestFailed as exc:
            connects.error(exc.kind)
            sockets.append(None)

    async def user(n: int, chat: ChatSocket, room_id: str, deadline: float) -> None:
        rng = random.Random(n)
        await asyncio.sleep(rng.uniform(0, options.think_s))  # users do not all start at once
        for sequence, text in enumerate(questions(n, QUESTIONS_PER_USER)):
            if time.perf_counter() >= deadline:
                return
            if not await ask_recorded(ctx, chat, room_id, sequence, text):
                return
            await asyncio.sleep(min(rng.expovariate(1 / options.think_s), 4 * options.think_s))

    async with ctx.measure():
        deadline = time.perf_counter() + options.duration_s
        await asyncio.gather(
            *(
                user(n, chat, room, deadline)
                for n, (chat, room) in enumerate(zip(sockets, rooms, strict=True))
                if chat
            )
        )
    ctx.extra["connected_users"] = sum(chat is not None for chat in sockets)
    ctx.extra["think_s"] = options.think_s
    await asyncio.gather(*(chat.close() for chat in sockets if chat))
