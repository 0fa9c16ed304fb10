"""`dragoman eval newswire`: short wire reports nobody tuned for (../shared/eval/newswire).

``--quotes`` scores the speakers of the hand-coded attributed statements (dev-quotes.jsonl).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dragoman.cli.app import eval_app

out = Console()


def default_newswire() -> Path:
    from dragoman.evaluation.shared import shared_dir

    return shared_dir("eval/newswire") / "eval" / "newswire"


@eval_app.command("newswire")
def eval_newswire(
    path: Annotated[Path | None, typer.Argument(help="The newswire folder (world-dev.csv and dev-*.jsonl)")] = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="Score the speakers of attributed statements")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N items with statements")] = None,
    misses: Annotated[int, typer.Option("--misses", help="Print N statements with a wrong or no speaker")] = 0,
) -> None:
    """Speakers of attributed statements on unseen wire copy (with --quotes)."""
    if not quotes:
        typer.echo("error: say what to score: --quotes", err=True)
        raise typer.Exit(2)
    folder = path if path is not None else default_newswire()
    if not (folder / "dev-quotes.jsonl").is_file() or not (folder / "world-dev.csv").is_file():
        typer.echo(f"error: {folder}: no dev-quotes.jsonl and world-dev.csv", err=True)
        raise typer.Exit(1)
    eval_newswire_quotes(folder, limit, misses)


def eval_newswire_quotes(folder: Path, limit: int | None, misses: int) -> None:
    from dragoman.evaluation.newswire_quotes import evaluate_newswire_quotes

    tally = evaluate_newswire_quotes(folder, limit)
    summary = tally.summary()
    table = Table(title=f"newswire statements: {summary['gold']:.0f} coded, {summary['predicted']:.0f} extracted")
    for name in ("found", "right speaker", "right where found"):
        table.add_column(f"{name} %", justify="right")
    table.add_row(*(f"{summary[k]:.1f}" for k in ("found", "right_speaker", "right_where_found")))
    out.print(table)
    for miss in tally.wrong[:misses]:
        out.print(f"  {miss}", highlight=False)
