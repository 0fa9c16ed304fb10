"""`dragoman eval dates`: time expressions and their values on TempEval-3 (TimeBank and AQUAINT)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dragoman.cli.app import eval_app

DEFAULT = "eval/tempeval3/TBAQ-cleaned"  # under the shared data folder (../shared beside the checkout)
PARTS = ("TimeBank", "AQUAINT")
out = Console()


@eval_app.command("dates")
def eval_dates(
    path: Annotated[
        Path | None,
        typer.Argument(help=f"TempEval-3 folder (.tml files, or TimeBank/ and AQUAINT/); default ../shared/{DEFAULT}"),
    ] = None,
    baselines: Annotated[bool, typer.Option(help="Also run dateparser and spaCy DATE/TIME entities")] = True,
    errors: Annotated[int, typer.Option("--errors", help="Print N value errors of dragoman per part")] = 0,
) -> None:
    """Span F1 (strict, relaxed) and value accuracy given each document's creation time."""
    from dragoman.evaluation.dates import Finder, dateparser_finder, dragoman_finder, read_corpus, score, spacy_finder

    if path is None:
        from dragoman.evaluation.shared import shared_dir

        try:
            path = shared_dir(DEFAULT) / DEFAULT
        except FileNotFoundError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
    if not path.is_dir():
        typer.echo(f"error: {path}: no such folder", err=True)
        raise typer.Exit(1)
    parts = [path / p for p in PARTS if (path / p).is_dir()] or [path]
    systems: list[tuple[str, Finder]] = [("dragoman", dragoman_finder)]
    if baselines:
        from dragoman.nlp import load_model

        systems += [("dateparser", dateparser_finder), ("spaCy DATE/TIME", spacy_finder(load_model()))]
    table = Table(title=f"TempEval-3 time expressions: {path.name}")
    for column in ("part", "system", "gold", "found", "strict F1", "relaxed F1", "value acc.", "value F1"):
        table.add_column(column, justify="left" if column in {"part", "system"} else "right")
    for part in parts:
        documents, problems = read_corpus(part)
        for problem in problems:
            typer.echo(f"error: {problem}", err=True)
        for name, finder in systems:
            result = score(documents, finder)
            table.add_row(
                f"{part.name} ({len(documents)} docs)", name, str(result.gold), str(result.found),
                f"{result.strict_f1:.3f}", f"{result.relaxed_f1:.3f}",
                f"{result.value_accuracy:.3f}", f"{result.value_f1:.3f}",
            )  # fmt: skip
            if name == "dragoman":
                for doc, text, gold, got in result.errors[:errors]:
                    out.print(f"  {part.name} {doc}: {text!r} gold {gold} got {got}", highlight=False)
    out.print(table)
