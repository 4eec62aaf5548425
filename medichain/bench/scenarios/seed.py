"""`seed`: the seed's load test. N users log in at once through `/account/login`, then each sends M
messages one after another through `/chatbot/message` (the first opens a room, the rest follow up in
it), with the seed's question mixed into realistic Korean and English questions."""

import asyncio
import time

from medichain.bench.client import RequestFailed, post_json, seed_account, sign_up
from medichain.bench.context import Context
from medichain.bench.questions import questions


async def run(ctx: Context) -> None:
    """Sign the users up (not measured), then measure logins and messages."""
    options = ctx.options
    accounts = await sign_up(ctx.http, ctx.url, options.users)
    logins, messages = ctx.recorder("login"), ctx.recorder("message")

    async def user(n: int, user_id: str) -> None:
        started = time.perf_counter()
        try:
            token = await seed_account(ctx.http, ctx.url, "login", user_id)
        except RequestFailed as exc:
            logins.error(exc.kind)
            return
        logins.ok(time.perf_counter() - started)
        room_id = ""
        for sequence, text in enumerate(questions(n, options.messages)):
            body = {"message": text, "roomId": room_id, "accessToken": token, "sequence": sequence}
            started = time.perf_counter()
            try:
                answer = await post_json(ctx.http, f"{ctx.url}/chatbot/message", body, token)
                if answer.get("errorCode") != 0 or not answer.get("response"):
                    raise RequestFailed(f"errorCode {answer.get('errorCode')}")
            except RequestFailed as exc:
                messages.error(exc.kind)
                continue
            messages.ok(time.perf_counter() - started)
            ctx.cache.count(answer["response"])
            room_id = answer["roomId"]

    async with ctx.measure():
        wall = time.perf_counter()
        await asyncio.gather(*(user(n, user_id) for n, (user_id, _) in enumerate(accounts)))
        wall = time.perf_counter() - wall
    done = len(logins.samples) + len(messages.samples)
    ctx.extra["requests_per_s"] = round(done / wall, 2)
    ctx.extra["wall_s"] = round(wall, 2)
