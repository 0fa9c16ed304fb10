"""`dragoman eval polnear`: attribution (content spans and speakers) on PolNeAR."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dragoman.cli.app import eval_app

out = Console()


@eval_app.command("polnear")
def eval_polnear(
    path: Annotated[Path | None, typer.Argument(help="A PolNeAR split folder (text/ and attributions/)")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N articles")] = None,
    misses: Annotated[int, typer.Option("--misses", help="Print N missed gold contents")] = 0,
) -> None:
    """Content-span F1 (exact, overlap, character) and speaker accuracy where the content is found."""
    from dragoman.evaluation.polnear import evaluate_polnear
    from dragoman.evaluation.shared import shared_dir

    if path is None:  # the dev split beside the checkout (../shared, or $DRAGOMAN_SHARED)
        path = shared_dir("eval/polnear/dev") / "eval" / "polnear" / "dev"
    if not (path / "attributions").is_dir():
        typer.echo(f"error: {path}: no attributions/ folder", err=True)
        raise typer.Exit(1)
    tally = evaluate_polnear(path, limit)
    summary = tally.summary()
    table = Table(title=f"PolNeAR {path.name}: {summary['gold']:.0f} gold, {summary['predicted']:.0f} predicted")
    for name in ("exact_f1", "overlap_f1", "token_f1", "speaker_accuracy"):
        table.add_column(name.replace("_", " "), justify="right")
    table.add_row(*(f"{summary[k]:.1f}" for k in ("exact_f1", "overlap_f1", "token_f1", "speaker_accuracy")))
    out.print(table)
    for miss in tally.misses[:misses]:
        out.print(f"  missed: {miss}", highlight=False)
