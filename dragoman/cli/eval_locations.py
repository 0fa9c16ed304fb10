"""`dragoman eval locations`: hand-written briefs placed within 50 km, and re3d's Location spans."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dragoman.cli.app import eval_app

out = Console()


@eval_app.command("locations")
def eval_locations(
    briefs: Annotated[
        Path | None,
        typer.Option("--briefs", help="YAML of briefs (default: the packaged set, then the development set)"),
    ] = None,
    re3d: Annotated[
        Path | None, typer.Option("--re3d", help="re3d folder (default: ../shared/eval/re3d when present)")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N re3d documents")] = None,
    misses: Annotated[int, typer.Option("--misses", help="Print N misses of each set")] = 0,
) -> None:
    """Place accuracy (within 50 km) and country accuracy on the briefs; gazetteer coverage and
    country agreement with the actor knowledge base on re3d's Location spans."""
    from dragoman.evaluation.locations import dev_briefs, evaluate_re3d
    from dragoman.evaluation.shared import shared_dir

    if briefs is not None and not briefs.is_file():
        typer.echo(f"error: {briefs}: no such file", err=True)
        raise typer.Exit(1)
    sets = [("Hand-written briefs", briefs)] if briefs is not None else [
        ("Hand-written briefs", None), ("Development briefs", dev_briefs()),
    ]  # fmt: skip
    for title, path in sets:
        _brief_table(title, path, misses)
    if re3d is None:
        try:
            re3d = shared_dir("eval/re3d") / "eval" / "re3d"
        except FileNotFoundError:
            out.print("re3d: not found (give --re3d)")
            return
    if not re3d.is_dir():
        typer.echo(f"error: {re3d}: no such folder", err=True)
        raise typer.Exit(1)
    tally = evaluate_re3d(re3d, limit)
    r = tally.summary()
    table = Table(title=f"re3d Location spans: {r['spans']:.0f}")
    for name in ("known %", "proper names", "proper names known %", "checked against the KB", "country agreement %"):
        table.add_column(name, justify="right")
    table.add_row(
        f"{r['coverage']:.1f}", f"{r['named']:.0f}", f"{r['named_coverage']:.1f}", f"{r['checked']:.0f}",
        f"{r['country_agreement']:.1f}",
    )  # fmt: skip
    out.print(table)
    for line in tally.disagreements[:misses]:
        out.print(f"  disagreement: {line}", highlight=False)
    for name in tally.unknown_names[:misses]:
        out.print(f"  unknown: {name}", highlight=False)


def _brief_table(title: str, path: Path | None, misses: int) -> None:
    from dragoman.evaluation.locations import brief_summary, evaluate_briefs

    results = evaluate_briefs(path)
    s = brief_summary(results)
    table = Table(title=f"{title}: {s['briefs']:.0f} ({s['with_event']:.0f} with an event)")
    for name in ("located", "placed within 50 km %", "country of located %"):
        table.add_column(name, justify="right")
    table.add_row(f"{s['located']:.0f}", f"{s['placed_within_50km']:.1f}", f"{s['country_of_located']:.1f}")
    out.print(table)
    for miss in [b for b in results if not b.placed][:misses]:
        where = miss.located
        got = f"{where.name} ({where.country}, {miss.km:.0f} km)" if where and miss.km is not None else "none"
        out.print(f"  missed: {miss.expected['name']}: got {got}: {miss.text}", highlight=False)
