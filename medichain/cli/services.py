"""`medichain up` (embedded or every service) and `medichain service run NAME` (one service)."""

from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.console import Console
from rich.table import Table

from medichain.app import create_app
from medichain.chat.websocket import MAX_FRAME_BYTES
from medichain.cli.setup import prepare
from medichain.config import get_settings
from medichain.core.process import tune_server_process
from medichain.services.catalog import BY_NAME, GATEWAY, spec
from medichain.services.supervisor import Topology

app = typer.Typer(help="Services of the microservice topology.", no_args_is_help=True)
err = Console(stderr=True)

HostOption = Annotated[str | None, typer.Option(help="Bind address (default from settings).")]


def serve_service(name: str, host: str, port: int) -> None:
    """Run one service in this process until it is stopped."""
    settings = get_settings()
    tune_server_process()
    uvicorn.run(
        create_app(settings, service_name=name),
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        proxy_headers=False,
        ws_max_size=MAX_FRAME_BYTES,
    )


@app.command("run")
def run(
    name: Annotated[str, typer.Argument(help=f"One of: {', '.join(BY_NAME)}.")],
    host: HostOption = None,
    port: Annotated[
        int | None, typer.Option(min=1, max=65535, help="Port (default: its port in the topology).")
    ] = None,
) -> None:
    """Run one service of the topology (databases must be migrated: `medichain init`)."""
    try:
        service = spec(name)
    except ValueError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    settings = get_settings()
    serve_service(name, host or settings.host, port or settings.port + service.offset)


def up(
    services: Annotated[
        bool, typer.Option("--services", help="One process per service instead of one for all.")
    ] = False,
    gateways: Annotated[
        int,
        typer.Option(min=1, max=2, help="Gateway replicas (services mode): 2 adds one on base port + 10."),
    ] = 1,
    host: HostOption = None,
    base_port: Annotated[
        int | None, typer.Option(min=1, max=65000, help="Gateway port; the others follow it.")
    ] = None,
) -> None:
    """Prepare the databases and start MediChain: embedded (default) or as the seed's microservices."""
    written, _ = prepare()
    if written:
        err.print(f"wrote {', '.join(written)} to .env")
    settings = get_settings()
    host, port = host or settings.host, base_port or settings.port
    if not services:
        serve_service(GATEWAY, host, port)
        return
    topology = Topology(host, port, gateways, Path(settings.data_dir) / "services.json")
    try:
        children = topology.start()
    except RuntimeError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    table = Table("service", "url", "pid")
    for child in children:
        table.add_row(child.name, f"http://{host}:{child.port}", str(child.pid))
    err.print(table)
    err.print("Ctrl-C stops every service.")
    raise typer.Exit(topology.watch())
