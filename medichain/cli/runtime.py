"""Running a command's work against a started platform."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from medichain.config import get_settings
from medichain.platform import Platform

T = TypeVar("T")


def with_platform(action: Callable[[Platform], Awaitable[T]], *, migrate: bool = False) -> T:
    """Start the platform (migrating first when asked), run `action(platform)`, stop it."""

    async def run() -> T:
        platform = await Platform.start(get_settings(), migrate=migrate)
        try:
            return await action(platform)
        finally:
            await platform.stop()

    return asyncio.run(run())
