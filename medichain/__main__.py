"""`python -m medichain`: the command line (used by `medichain up --services` to start each service)."""

from medichain.cli.main import app

app(prog_name="medichain")
