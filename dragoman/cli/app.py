"""The Typer application and its sub-groups; command modules register on these."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from dragoman.cli.text import clean
from dragoman.config import Settings, SettingsError, load_settings

app = typer.Typer(
    name="dragoman",
    help="Turn a collection of international-affairs articles into a sourced record of events, "
    "statements and disputes.",
    no_args_is_help=True,
    add_completion=False,
)
export_app = typer.Typer(help="Export records from the store.", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluate the extractors on public gold sets.", no_args_is_help=True)
app.add_typer(export_app, name="export")
app.add_typer(eval_app, name="eval")

DB_OPTION_HELP = "DuckDB store file (default: $DRAGOMAN_DB or ./dragoman.duckdb)."


def read_settings(**overrides: Any) -> Settings:
    """The settings every command runs with (dragoman.toml < environment < flags); one line if unusable."""
    try:
        return load_settings().with_overrides(**overrides)
    except SettingsError as exc:
        typer.echo(f"error: {clean(str(exc))}", err=True)
        raise typer.Exit(2) from None


def store_path(db: Path | None) -> Path:
    """The store a command works on: --db, else $DRAGOMAN_DB, else dragoman.toml, else ./dragoman.duckdb."""
    return read_settings(db=db).db
