"""`dragoman eval plv` (the PLV pair protocol), `eval key-events` and `eval key-quotes` (hand-coded lists)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dragoman.cli.app import eval_app

out = Console()


@eval_app.command("plv")
def eval_plv(
    file: Annotated[Path, typer.Argument(help="PLV pairs (tab-separated; gold_root/gold_penta optional)")],
    predictions: Annotated[
        Path | None,
        typer.Option("--predictions", help='Write {"row": n, "root": ..., "quad": 1-4} per row, n from 0, in order'),
    ] = None,
    cv: Annotated[int, typer.Option("--cv", help="Cross-validate with K folds on FILE instead")] = 0,
) -> None:
    """Type each marked source-target pair; print binary, quad and root macro-F1 where gold is given."""
    from dragoman.evaluation.plv import cross_validate, score
    from dragoman.events.plv.data import read_pairs
    from dragoman.events.plv.encoder import TrainingStackMissing, require_training_stack
    from dragoman.events.plv.model import PairClassifier

    try:
        require_training_stack()
    except TrainingStackMissing as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    try:
        rows = read_pairs(file)
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {file}: {exc}", err=True)
        raise typer.Exit(1) from None
    table = Table(title=f"PLV pairs: {file.name} ({len(rows.marked)} rows)")
    for column in ("", "binary", "quad", "root"):
        table.add_column(column, justify="right")
    if cv:
        folds = cross_validate(rows, cv)
        for index, fold in enumerate(folds, start=1):
            table.add_row(f"fold {index}", f"{fold.binary:.1f}", f"{fold.quad:.1f}", f"{fold.root or 0:.1f}")
        mean = [sum(getattr(f, k) or 0 for f in folds) / len(folds) for k in ("binary", "quad", "root")]
        table.add_row("mean", *(f"{m:.1f}" for m in mean))
        out.print(table)
        return
    model = PairClassifier.load()
    results = model.predict_marked(rows.marked)
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as handle:
            for index, result in enumerate(results):
                handle.write(json.dumps({"row": index, "root": result.root, "quad": result.quad}) + "\n")
    if rows.quads is not None:
        scores = score(results, rows.quads, rows.roots)
        table.add_row(
            "macro-F1",
            f"{scores.binary:.1f}",
            f"{scores.quad:.1f}",
            f"{scores.root:.1f}" if scores.root is not None else "-",
        )
        out.print(table)
    else:
        out.print(f"{len(results)} rows typed" + (f" -> {predictions}" if predictions else ""))


@eval_app.command("key-events")
def eval_key_events(
    key_file: Annotated[Path, typer.Argument(help="YAML list of hand-coded events (doc, type, actors, ...)")],
    db: Annotated[Path | None, typer.Option("--db", help="Store holding the ingested documents")] = None,
) -> None:
    """Share of hand-coded key events found with the right type, actors, recipients, date and status."""
    from dragoman.cli.core import open_store
    from dragoman.evaluation.key_events import check_key_events

    with open_store(db) as store:
        results = check_key_events(store, key_file)
    _print_checks(
        [(r.found, f"{r.expected['doc']} {r.expected.get('what', '')}", f"nearest: {r.nearest}") for r in results],
        "key events right",
    )


@eval_app.command("key-quotes")
def eval_key_quotes(
    key_file: Annotated[Path, typer.Argument(help="YAML list of hand-coded statements (doc, cue, speaker)")],
    db: Annotated[Path | None, typer.Option("--db", help="Store holding the ingested documents")] = None,
) -> None:
    """Share of hand-coded attributed statements found with the right speaker."""
    from dragoman.cli.core import open_store
    from dragoman.evaluation.key_quotes import check_key_quotes

    with open_store(db) as store:
        results = check_key_quotes(store, key_file)
    _print_checks(
        [
            (
                r.found,
                f"{r.expected['doc']} {r.expected['cue']} -> {r.expected['speaker']}",
                f"got: {', '.join(r.got) or 'nothing'}",
            )
            for r in results
        ],
        "attributed statements with the right speaker",
    )


def _print_checks(checks: list[tuple[bool, str, str]], summary: str) -> None:
    """A line per (found, item, what was there instead), then the share found."""
    for found, item, instead in checks:
        out.print(f"{'ok  ' if found else 'MISS'} {item}" + ("" if found else f"  ({instead})"), highlight=False)
    right = sum(found for found, _, _ in checks)
    out.print(f"{right}/{len(checks)} {summary} ({100 * right / max(1, len(checks)):.0f}%)")
