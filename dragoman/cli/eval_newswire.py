"""`dragoman eval newswire`: short wire reports nobody tuned for (../shared/eval/newswire), coded end to end.

One command, one mode per flag: events are scored by default (type, actors, status; dates
not scored); ``--quotes`` scores the speakers of the hand-coded attributed statements
(dev-quotes.jsonl).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dragoman.cli.app import eval_app
from dragoman.cli.eval_events import MIN_CONFIDENCE, print_report

out = Console()


def newswire_folder(folder: Path | None) -> Path:
    """The folder given, else ../shared/eval/newswire (one line if it is not there)."""
    from dragoman.evaluation.shared import shared_dir

    if folder is not None:
        return folder
    try:
        return shared_dir("eval/newswire") / "eval" / "newswire"
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


@eval_app.command("newswire")
def eval_newswire(
    path: Annotated[Path | None, typer.Argument(help="The newswire folder (world-dev.csv and dev-*.jsonl)")] = None,
    quotes: Annotated[bool, typer.Option("--quotes", help="Score the speakers of attributed statements")] = False,
    coder: Annotated[str, typer.Option("--coder", help="event coder: combined (the default), learned or rules")] = "",
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N items with statements")] = None,
    misses: Annotated[int, typer.Option("--misses", help="Print N statements with a wrong or no speaker")] = 0,
    min_confidence: Annotated[float, MIN_CONFIDENCE] = 0.0,
) -> None:
    """Score the pipeline on hand-coded wire copy: events (default) or, with --quotes, speakers."""
    folder = newswire_folder(path)
    if quotes:
        if not (folder / "dev-quotes.jsonl").is_file() or not (folder / "world-dev.csv").is_file():
            typer.echo(f"error: {folder}: no dev-quotes.jsonl and world-dev.csv", err=True)
            raise typer.Exit(1)
        eval_newswire_quotes(folder, limit, misses)
    else:
        run_events(folder, coder or None, min_confidence)


def run_events(folder: Path, coder: str | None, min_confidence: float = 0.0) -> None:
    """Every coded item (headline and description as one document) through the pipeline."""
    from dragoman.evaluation.gold_items import read_newswire_items
    from dragoman.evaluation.runs import run_items

    try:
        items = read_newswire_items(folder)
    except (OSError, ValueError, KeyError) as exc:
        typer.echo(f"error: {folder}: {exc}", err=True)
        raise typer.Exit(1) from None
    report = run_items(items, coder=coder, min_confidence=min_confidence)
    above = f", mentions at confidence >= {min_confidence}" if min_confidence else ""
    print_report(report, f"Events end to end: newswire ({len(items)} items{above})", with_status=True)


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
