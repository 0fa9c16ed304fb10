"""Command-line interface: one Typer app, thin; each module registers its commands."""

from __future__ import annotations

# Each import registers the commands of one concern on ``app``.
from dragoman.cli import core, eval_entities, eval_events, eval_newswire, eval_plv, eval_polnear, maintenance, surfaces  # noqa: E402,F401
from dragoman.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
