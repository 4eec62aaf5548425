"""`profile`: the chat turn in-process (a platform on a temporary SQLite data directory, a signed-up
user, the seed scenario's questions through `ChatService.turn`, persistence included). Reports the
turn's time, what each stage costs per turn (from the pipeline's own stage timings,
`medichain_chat_stage_duration_seconds`; the rest of the turn is opening it and loading the profile),
and the hot spots: functions by self time under pyinstrument."""

import secrets
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prometheus_client import REGISTRY

from medichain.bench.context import Context
from medichain.bench.questions import WARM_UP, questions
from medichain.config import Settings
from medichain.core.security.crypto import new_key
from medichain.platform import Platform

MAX_USERS = 20
HOT_SPOTS = 15
STAGE_SERIES = "medichain_chat_stage_duration_seconds"


def _frames(frame: Any) -> Iterator[Any]:
    yield frame
    for child in frame.children:
        yield from _frames(child)


def stage_seconds() -> dict[str, float]:
    """Seconds recorded so far per stage of the chat turn (this process's registry)."""
    totals: dict[str, float] = {}
    for metric in REGISTRY.collect():
        if metric.name == STAGE_SERIES:
            for sample in metric.samples:
                if sample.name == f"{STAGE_SERIES}_sum":
                    totals[sample.labels["stage"]] = sample.value
    return totals


def hot_spots(root: Any, top: int) -> list[tuple[str, float]]:
    """The functions with the most self time: `function (file:line)` and seconds."""
    by_function: dict[str, float] = defaultdict(float)
    for frame in _frames(root):
        if frame.total_self_time > 0 and not frame.is_synthetic and __file__ != frame.file_path:
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

            warm_up = await platform.conversations.create_room("profiler", None)
            for sequence, text in enumerate(WARM_UP):  # loads models and catalogs; the cache stays cold
                async for _ in platform.chat.turn("profiler", warm_up.id, sequence, text):
                    pass
            before = stage_seconds()
            started = time.perf_counter()
            turns = await workload()
            unprofiled = time.perf_counter() - started
            stages = {name: seconds - before.get(name, 0.0) for name, seconds in stage_seconds().items()}
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
    ctx.extra["turn_ms"] = round(unprofiled * per_turn, 3)
    costs = {
        name: round(seconds * per_turn, 3) for name, seconds in sorted(stages.items(), key=lambda i: -i[1])
    }
    costs["opening the turn, profile, streaming"] = round((unprofiled - sum(stages.values())) * per_turn, 3)
    ctx.extra["stages_ms_per_turn"] = costs
    ctx.extra["hot_spots_self_ms_per_turn"] = {
        name: round(s * per_turn, 3) for name, s in hot_spots(root, HOT_SPOTS)
    }
    ctx.notes.append(
        f"{users} users x {options.messages} messages, one process, starting with an empty semantic cache like "
        "a fresh server under `seed`; stage times are wall time, awaits included; hot spots from a second, "
        "profiled pass (warm cache)"
    )
