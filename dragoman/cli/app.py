"""The Typer application and its sub-groups; command modules register on these."""

from __future__ import annotations

import typer

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
