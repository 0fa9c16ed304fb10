"""`dragoman eval entities re3d|crossner [PATH]`: entity span F1 of NER + resolver."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dragoman.cli.app import eval_app

DEFAULT_PATHS = {"re3d": Path("eval/re3d"), "crossner": Path("eval/crossner-politics/dev.txt")}


@eval_app.command("entities")
def entities(
    dataset: Annotated[str, typer.Argument(help="Gold set: re3d or crossner.")],
    path: Annotated[Path | None, typer.Argument(help="Data path (default: the shared eval folder).")] = None,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra knowledge-base YAML file(s).")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the full result as JSON.")] = None,
) -> None:
    """Score entity spans (strict and overlap F1) for bare spaCy NER and the actor resolver."""
    from dragoman.evaluation.entities import _System, evaluate_crossner, evaluate_re3d
    from dragoman.evaluation.shared import shared_dir

    if dataset not in DEFAULT_PATHS:
        raise typer.BadParameter("dataset must be re3d or crossner", param_hint="DATASET")
    data = path or shared_dir() / DEFAULT_PATHS[dataset]
    system = _System(kb or [])
    result = evaluate_re3d(data, system) if dataset == "re3d" else evaluate_crossner(data, system)
    console = Console()
    table = Table(
        title=f"{result['dataset']}: {result['documents']} documents, {result['gold_entities']} gold entities"
    )
    for col in ("system", "match", "type", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="right" if col in {"precision", "recall", "F1", "support"} else "left")
    for name in ("spacy", "resolver"):
        for level in ("strict", "overlap"):
            for typ, row in result[name][level].items():
                table.add_row(
                    name,
                    level,
                    typ,
                    f"{row['precision']:.3f}",
                    f"{row['recall']:.3f}",
                    f"{row['f1']:.3f}",
                    str(row["support"]),
                )
    console.print(table)
    if json_out is not None:
        json_out.write_text(json.dumps(result, indent=1), encoding="utf-8")
