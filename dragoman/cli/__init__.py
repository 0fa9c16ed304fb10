"""Command-line interface: one Typer app, thin; each module registers its commands."""

from __future__ import annotations

# Each import registers the commands of one concern on ``app``.
from dragoman.cli import core, eval_entities, eval_plv, eval_polnear, maintenance, surfaces  # noqa: E402,F401
from dragoman.cli.app import app
from dragoman.cli.core import error_line


def main() -> None:
    from dragoman.config import SettingsError

    try:
        app()
    except SettingsError as exc:  # raised by any command that reads the settings
        error_line(str(exc))
        raise SystemExit(1) from None


__all__ = ["app", "main"]
