"""Command-line interface: one Typer app, thin; each module registers its commands."""

from __future__ import annotations

from dragoman.cli.app import app

# Each import registers the commands of one concern on ``app``.
from dragoman.cli import core  # noqa: E402,F401


def main() -> None:
    app()


__all__ = ["app", "main"]
