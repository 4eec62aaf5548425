"""`profile`: the chat turn under pyinstrument, in-process (a platform on a temporary SQLite data
directory, a signed-up user, the seed scenario's questions through `ChatService.turn`, persistence
included). Reports the turn's time unprofiled, what each stage costs per turn, and the hot spots
(functions by self time). Await time is attributed to the awaiting stage (`async_mode="enabled"`),
so work done in worker threads (retrieval) counts for the stage that waits for it."""

import secrets
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from medichain.bench.context import Context
from medichain.bench.questions import questions
from medichain.config import Settings
from medichain.core.security.crypto import new_key
from medichain.platform import Platform

MAX_USERS = 20
HOT_SPOTS = 15
STAGES: tuple[tuple[str, str, frozenset[str]], ...] = (
    (
        "turn context (room, replay, history, profile)",
        "medichain/conversations/service.py",
        frozenset({"room", "replay", "context"}),
    ),
    (
        "turn context (room, replay, history, profile)",
        "medichain/accounts/service.py",
        frozenset({"profile"}),
    ),
    ("triage", "medichain/triage/", frozenset({"assess"})),
    ("route", "medichain/routing/", frozenset({"route"})),
    ("semantic cache", "medichain/answering/cache.py", frozenset({"get", "put"})),
    ("domain (retrieval, lookups)", "medichain/domains/", frozenset({"answer"})),
    ("compose (grounded)", "medichain/answering/grounded.py", frozenset({"compose"})),
    ("safety", "medichain/answering/safety.py", frozenset({"validate"})),
    ("persist", "medichain/conversations/service.py", frozenset({"record_turn"})),
)
"""(stage, where its code lives, its entry functions): the first match on a stack owns the time below it."""


def _stage_of(frame: Any) -> str | None:
    path = (frame.file_path or "").replace("\\", "/")
    for name, where, functions in STAGES:
        if where in path and frame.function in functions:
            return name
    return None


def _frames(frame: Any) -> Iterator[Any]:
    yield frame
    for child in frame.children:
        yield from _frames(child)


def stage_costs(root: Any) -> dict[str, float]:
    """Seconds spent under each stage's entry function (outermost match), the rest as `other`."""
    totals: dict[str, float] = defaultdict(float)

    def walk(frame: Any) -> None:
        stage = _stage_of(frame)
        if stage is not None:
            totals[stage] += frame.time
            return
        for child in frame.children:
            walk(child)

    walk(root)
    totals["other (event loop, pydantic, streaming)"] = root.time - sum(totals.values())
    return dict(totals)


def hot_spots(root: Any, top: int) -> list[tuple[str, float]]:
    """The functions with the most self time: `function (file:line)` and seconds."""
    by_function: dict[str, float] = defaultdict(float)
    for frame in _frames(root):
        if frame.total_self_time > 0:
            by_function[f"{frame.function} ({frame.file_path_short}:{frame.line_no})"] += (
                frame.total_self_time
            )
    return sorted(by_function.items(), key=lambda item: -item[1])[:top]


def _settings(data_dir: Path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        env="production",
        log_level="WARNING",
        data_dir=data_dir,
        global_database_url=f"sqlite+aiosqlite:///{data_dir}/global.db",
        shard_urls=[f"sqlite+aiosqlite:///{data_dir}/shard1.db", f"sqlite+aiosqlite:///{data_dir}/shard2.db"],
        jwt_secret=secrets.token_urlsafe(48),
        data_keys=[f"k1:{new_key()}"],
        lookup_key=secrets.token_urlsafe(32),
    )


async def run(ctx: Context) -> None:
    """Warm up, time the turns unprofiled, then profile the same workload in fresh rooms."""
    from pyinstrument import Profiler

    from medichain.accounts.schemas import ProfileFields

    options = ctx.options
    users = min(options.users, MAX_USERS)
    with tempfile.TemporaryDirectory(prefix="medichain-profile-") as tmp:
        platform = await Platform.start(_settings(Path(tmp)), migrate=True)
        try:
            await platform.install_bundled_data()
            await platform.accounts.signup("profiler", "profile-Passw0rd!", ProfileFields())

            async def workload() -> int:
                turns = 0
                for n in range(users):
                    room = await platform.conversations.create_room("profiler", None)
                    for sequence, text in enumerate(questions(n, options.messages)):
                        async for _ in platform.chat.turn("profiler", room.id, sequence, text):
                            pass
                        turns += 1
                return turns

            await workload()  # warm-up; fills the semantic cache as a running server's would be
            started = time.perf_counter()
            turns = await workload()
            unprofiled = time.perf_counter() - started
            profiler = Profiler(interval=0.0005, async_mode="enabled")
            profiler.start()
            await workload()
            profiler.stop()
        finally:
            await platform.stop()
    root = profiler.last_session.root_frame() if profiler.last_session else None
    if root is None:
        ctx.notes.append("the profiler recorded no samples")
        return
    per_turn = 1000.0 / turns
    ctx.extra["turns"] = turns
    ctx.extra["turn_ms_unprofiled"] = round(1000.0 * unprofiled / turns, 3)
    ctx.extra["turn_ms_profiled"] = round(root.time * per_turn, 3)
    costs = stage_costs(root)
    ctx.extra["stages_ms_per_turn"] = {name: round(seconds * per_turn, 3) for name, seconds in costs.items()}
    ctx.extra["hot_spots_self_ms_per_turn"] = {
        name: round(s * per_turn, 3) for name, s in hot_spots(root, HOT_SPOTS)
    }
    ctx.notes.append(
        f"{users} users x {options.messages} messages, one process, a warm cache (the workload ran once before)"
    )
