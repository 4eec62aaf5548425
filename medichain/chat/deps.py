"""Typed dependencies for the chat endpoints."""

from typing import Annotated

from fastapi import Depends

from medichain.chat.pipeline import ChatPipeline
from medichain.chat.service import ChatService
from medichain.deps import PlatformDep


def get_chat(platform: PlatformDep) -> ChatService:
    """The chat service."""
    return platform.chat


def get_pipeline(platform: PlatformDep) -> ChatPipeline:
    """The turn pipeline."""
    return platform.chat.pipeline


ChatDep = Annotated[ChatService, Depends(get_chat)]
PipelineDep = Annotated[ChatPipeline, Depends(get_pipeline)]
