"""`dragoman eval newswire`: the hand-coded wire copy in ../shared/eval/newswire, coded end to end.

One command, one mode per flag: events are scored by default; other modes (such as attributed
statements) add their own flag and branch here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dragoman.cli.app import eval_app
from dragoman.cli.eval_events import print_report


def newswire_folder(folder: Path | None) -> Path:
    from dragoman.evaluation.shared import shared_dir

    if folder is not None:
        return folder
    try:
        return shared_dir("eval/newswire") / "eval" / "newswire"
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


def run_events(folder: Path, coder: str | None) -> None:
    """Every coded item (headline and description as one document) through the pipeline; dates not scored."""
    from dragoman.evaluation.gold_items import read_newswire_items
    from dragoman.evaluation.runs import run_items

    try:
        items = read_newswire_items(folder)
    except (OSError, ValueError, KeyError) as exc:
        typer.echo(f"error: {folder}: {exc}", err=True)
        raise typer.Exit(1) from None
    report = run_items(items, coder=coder)
    print_report(report, f"Events end to end: newswire ({len(items)} items)", with_status=True)


@eval_app.command("newswire")
def eval_newswire(
    folder: Annotated[
        Path | None, typer.Option("--folder", help="The newswire set (default: ../shared/eval/newswire)")
    ] = None,
    coder: Annotated[str, typer.Option("--coder", help="learned (default) or rules")] = "",
) -> None:
    """Score the pipeline on the hand-coded wire items: events by type, with actors and status."""
    run_events(newswire_folder(folder), coder or None)
