"""Keeping a store sound: check, backup, restore."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dragoman.cli.app import DB_OPTION_HELP, app, store_path
from dragoman.cli.text import clean
from dragoman.store import StoreError

DbOption = Annotated[Path | None, typer.Option("--db", help=DB_OPTION_HELP)]


def _db(db: Path | None) -> Path:
    return store_path(db)


@app.command()
def check(db: DbOption = None) -> None:
    """Check the store's integrity: one line per problem, exit status 1 if any."""
    from dragoman.store.integrity import check as run_check

    path = _db(db)
    problems = run_check(path)
    for problem in problems:
        typer.echo(clean(f"{path}: {problem}"), err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{path}: ok")


@app.command()
def backup(archive: Annotated[Path, typer.Argument(help="Archive to write (.tar.gz)")], db: DbOption = None) -> None:
    """Back up the whole store, reviews included."""
    from dragoman.store.backup import backup as run_backup

    try:
        counts = run_backup(_db(db), archive)
    except StoreError as exc:
        typer.echo(f"error: {clean(exc)}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{sum(counts.values())} rows in {len(counts)} tables -> {archive}")


@app.command()
def restore(
    archive: Annotated[Path, typer.Argument(help="Archive made by `dragoman backup`")],
    db: DbOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing store")] = False,
) -> None:
    """Restore a store from a backup archive."""
    from dragoman.store.backup import restore as run_restore

    try:
        counts = run_restore(archive, _db(db), force)
    except (StoreError, OSError) as exc:
        typer.echo(f"error: {clean(exc)}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"restored {sum(counts.values())} rows -> {_db(db)}")
