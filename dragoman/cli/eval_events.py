"""`dragoman eval events FILE.tsv`: PLV-format sentences coded end to end by the whole pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from dragoman.cli.app import eval_app

if TYPE_CHECKING:
    from dragoman.evaluation.sentence_events import Report

out = Console()


def print_report(report: Report, title: str, with_status: bool = False) -> None:
    """Per type and overall: gold found with the right type, type and actors (and status); extracted that match."""
    from dragoman.evaluation.sentence_events import reliability, report_rows, status_rows

    table = Table(title=title)
    headers = ["type", "gold", "type", "type+actors"] + (["+status"] if with_status else [])
    headers += ["extracted", "of a gold type", "right"]
    for header in headers:
        table.add_column(header, justify="right")
    for row in report_rows(report, with_status):
        table.add_row(*row)
    out.print(table)
    if with_status and report.by_status:
        by_status = Table(title="gold events by their coded status")
        for header in ("status", "gold", "type", "type+actors", "+status"):
            by_status.add_column(header, justify="right")
        for row in status_rows(report):
            by_status.add_row(*row)
        out.print(by_status)
    out.print(
        f"{report.items} items, {report.items_without_events} without gold events; "
        f"{report.silent_items} items with gold events gave no event"
    )
    rows, error = reliability(report.calibration)
    bands = "; ".join(f"{band}: {n} at {mean:.2f}, {100 * right:.0f}% of a gold type" for band, n, mean, right in rows)
    out.print(f"reliability (confidence band: mentions at mean confidence, share right): {bands}; ECE {error:.3f}")


MIN_CONFIDENCE = typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Score only the mentions at this confidence or above"
)


@eval_app.command("events")
def eval_events(
    file: Annotated[Path, typer.Argument(help="PLV-format TSV (sentence_id, marked_sentence, gold_root)")],
    cv: Annotated[int, typer.Option("--cv", help="Train the learned coder on K-1 folds, score the K-th")] = 0,
    coder: Annotated[str, typer.Option("--coder", help="combined (the pipeline default), learned or rules")] = "",
    min_confidence: Annotated[float, MIN_CONFIDENCE] = 0.0,
) -> None:
    """Code each sentence as its own document with the whole pipeline and score the events."""
    from dragoman.evaluation.gold_items import read_plv_items
    from dragoman.evaluation.runs import run_items

    try:
        items = read_plv_items(file)
    except ValueError as exc:
        typer.echo(f"error: {file}: {exc}", err=True)
        raise typer.Exit(1) from None
    report = run_items(items, coder=coder or None, cv=cv, min_confidence=min_confidence)
    label = f", {cv}-fold cross-validation" if cv else ""
    label += f", mentions at confidence >= {min_confidence}" if min_confidence else ""
    print_report(report, f"Events end to end: {file.name} ({len(items)} sentences{label})")
