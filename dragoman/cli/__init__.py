"""Command-line interface: one Typer app, thin; each module registers its commands."""

from __future__ import annotations

# Each import registers the commands of one concern on ``app``.
from dragoman.cli import (  # noqa: E402,F401
    core,
    eval_dates,
    eval_entities,
    eval_events,
    eval_locations,
    eval_newswire,
    eval_plv,
    eval_polnear,
    maintenance,
    surfaces,
)
from dragoman.cli.app import app
from dragoman.cli.core import error_line


def main() -> None:
    from dragoman.config import SettingsError

    try:
        app()
    except SettingsError as exc:  # settings read outside a command's own handling
        error_line(str(exc))
        raise SystemExit(2) from None


__all__ = ["app", "main"]
