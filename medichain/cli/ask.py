"""`medichain ask`: one turn in-process, readable or as the response object; `--batch` for JSONL files."""

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.markdown import Markdown

from medichain.answering.responses import ChatResponse
from medichain.chat.pipeline import ChatPipeline, Final, InvalidMessage, TurnInput
from medichain.domains.template import GeoPoint
from medichain.platform import Platform

err = Console(stderr=True)


async def answer(pipeline: ChatPipeline, text: str, location: GeoPoint | None) -> ChatResponse:
    """Run one turn and return its response object."""
    async for event in pipeline.run(TurnInput(text=text, location=location)):
        if isinstance(event, Final):
            return event.response
    raise AssertionError("the pipeline always ends with a final event")


def print_readable(response: ChatResponse) -> None:
    """The answer as rendered markdown, with what triage and routing decided, then the sources."""
    console = Console()
    triage = response.triage
    status = f"KTAS {triage.level} · {triage.action} · {response.domain} ({response.confidence:.2f})"
    console.print(f"[bold red]{status}[/]" if triage.is_emergency else f"[dim]{status}[/]")
    console.print(Markdown(response.answer))
    for number, citation in enumerate(response.citations, start=1):
        console.print(f"[dim][{number}] {citation.title} — {citation.source}[/]")
    for hospital in response.hospitals:
        console.print(f"[dim]🏥 {hospital.name} {hospital.distance_km:.1f}km {hospital.phone}[/]")


def _batch_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, parsed object or None, error) for each non-empty line."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                yield number, None, f"line {number}: invalid JSON ({exc})"
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                yield number, None, f'line {number}: expected an object with a string "text"'
                continue
            yield number, item, ""


def _location(item: dict[str, Any]) -> GeoPoint | None:
    lat, lng = item.get("lat"), item.get("lng")
    if (
        isinstance(lat, int | float)
        and isinstance(lng, int | float)
        and -90 <= lat <= 90
        and -180 <= lng <= 180
    ):
        return GeoPoint(float(lat), float(lng))
    return None


async def run_batch(platform: Platform, path: Path) -> int:
    """Answer every line of a JSONL file; one JSON object per line on stdout, in order. Returns failures."""
    failures = 0
    out = sys.stdout
    items = list(_batch_lines(path))
    for done, (number, item, problem) in enumerate(items, start=1):
        if item is None:
            failures += 1
            out.write(
                orjson.dumps({"line": number, "error": {"code": "invalid_line", "message": problem}}).decode()
            )
        else:
            try:
                response = await answer(platform.chat.pipeline, item["text"], _location(item))
                record = {"text": item["text"], **response.model_dump(mode="json")}
            except InvalidMessage as exc:
                failures += 1
                record = {
                    "text": item["text"],
                    "line": number,
                    "error": {"code": "invalid_message", "message": str(exc)},
                }
            out.write(orjson.dumps(record).decode())
        out.write("\n")
        out.flush()
        if done % 25 == 0 or done == len(items):
            err.print(f"[dim]{done}/{len(items)} answered[/]")
    return failures


BatchOption = Annotated[
    Path | None,
    typer.Option(
        "--batch", exists=True, dir_okay=False, readable=True, help='JSONL lines {"text", "lat"?, "lng"?}'
    ),
]
