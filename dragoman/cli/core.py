"""Commands for getting a corpus in and records out: ingest, summary, export, disputes, demo."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dragoman.cli.app import DB_OPTION_HELP, app, export_app, read_settings
from dragoman.cli.text import cell, clean, first_present
from dragoman.read.summary import store_summary
from dragoman.store import Store, StoreError
from dragoman.store.rows import from_json

console = Console(stderr=True)
out = Console()

DbOption = Annotated[Path | None, typer.Option("--db", help=DB_OPTION_HELP)]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet")]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: standard output)")]

SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "sample" / "iran-russia-briefs"


def printable(text: str) -> str:
    """Text safe for one terminal line: line breaks, tabs, escapes and other controls shown escaped."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode() for c in text)


def error_line(message: str) -> None:
    """One unwrapped line on standard error, whatever the terminal width or the file names in it."""
    typer.echo(f"error: {printable(message)}", err=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    error_line(message)
    return typer.Exit(code)


def open_store(db: Path | None, read_only: bool = True) -> Store:
    settings = read_settings(db=db)
    try:
        return Store(settings.db, read_only=read_only)
    except StoreError as exc:
        raise fail(str(exc)) from None


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders to ingest")] = None,
    manifest: Annotated[
        Path | None, typer.Option("--manifest", help="CSV: path,title,author,publisher,published,url")
    ] = None,
    db: DbOption = None,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra knowledge-base YAML file")] = None,
    lexicon: Annotated[list[Path] | None, typer.Option("--lexicon", help="Language-data override YAML file")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Local worker processes")] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Address of a Dask distributed scheduler")
    ] = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", help="Documents per batch")] = None,
    allow_outside: Annotated[
        bool, typer.Option("--allow-outside", help="Let a manifest name files outside its own folder")
    ] = False,
    parquet_out: Annotated[
        Path | None, typer.Option("--parquet-out", help="Also write each batch as Parquet parts under this folder")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
    default_date: Annotated[
        str | None,
        typer.Option(
            "--default-date",
            help="Date (YYYY, YYYY-MM or YYYY-MM-DD) for documents without one: titles such as "
            "'the chancellor' then resolve to the holder at that date (otherwise to the office)",
        ),
    ] = None,
) -> None:
    """Read documents, extract actors, events and quotes, and store them."""
    from dragoman.actors import KBError
    from dragoman.domain.errors import LexiconError
    from dragoman.pipeline.ingest import ingest as run_ingest
    from dragoman.pipeline.parallel import make_executor

    if not paths and manifest is None:
        raise fail("give files or folders to ingest, or --manifest FILE")
    settings = read_settings(
        db=db,
        kb_files=tuple(kb) if kb else None,
        lexicon_files=tuple(lexicon) if lexicon else None,
        workers=workers,
        batch_size=batch_size,
        default_date=default_date,
        allow_outside=allow_outside or None,
    )
    executor = make_executor(settings, scheduler)
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=quiet or not console.is_terminal,
    )
    with progress:
        task = progress.add_task("ingest", total=None)
        try:
            report = run_ingest(
                list(paths or []),
                settings,
                manifest=manifest,
                executor=executor,
                on_error=lambda e: error_line(str(e)),
                on_progress=lambda n: progress.advance(task, n),
                parquet_out=parquet_out,
            )
        except (StoreError, KBError, LexiconError, OSError) as exc:
            raise fail(str(exc)) from None
    console.print(
        f"{report.added} added, {report.unchanged} unchanged, {report.duplicates} near-duplicates linked, "
        f"{len(report.errors)} failed -> {settings.db}",
        soft_wrap=True,
    )
    if report.not_english:
        console.print(not_english_line(report.not_english), highlight=False, markup=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


def not_english_line(documents: list[tuple[str, str]], shown: int = 10) -> str:
    """How many documents are not in English, and which: stored and flagged, not extracted."""
    listed = ", ".join(f"{printable(path)} ({language or '?'})" for path, language in documents[:shown])
    more = f" and {len(documents) - shown} more" if len(documents) > shown else ""
    return f"{len(documents)} not in English (stored and flagged; no events or quotes extracted): {listed}{more}"


@app.command()
def summary(db: DbOption = None) -> None:
    """Documents, actors, events, quotes and disputes in the store."""
    with open_store(db) as store:
        print_summary(store)


def print_summary(store: Store) -> None:
    found = store_summary(store)
    counts = found.counts
    table = Table(title=clean(f"dragoman store {store.path}"))
    table.add_column("records")
    table.add_column("count", justify="right")
    table.add_row("documents", f"{counts['documents']} ({found.original_documents} original)")
    table.add_row("sentences", str(counts["sentences"]))
    table.add_row("actor mentions", f"{counts['mentions']} ({found.resolved_mentions} resolved)")
    table.add_row("distinct actors mentioned", str(found.distinct_actors))
    table.add_row("event mentions", str(counts["event_mentions"]))
    table.add_row("events (merged)", str(counts["events"]))
    table.add_row("quotes", str(counts["statements"]))
    table.add_row("propositions", str(counts["propositions"]))
    table.add_row("disputes", str(counts["disputes"]))
    out.print(table)
    if found.events_by_type:
        out.print(cell("events by type: " + ", ".join(f"{t} {n}" for t, n in found.events_by_type)))
    if found.most_mentioned:
        out.print(cell("most mentioned: " + ", ".join(f"{a} {n}" for a, n in found.most_mentioned)))
    if found.not_english:
        out.print(not_english_line(found.not_english), highlight=False, markup=False, soft_wrap=True)


def _export(
    kind: str, fmt: str, out_file: Path | None, db: Path | None, level: str = "mention", min_confidence: float = 0.0
) -> None:
    from dragoman.read.events import at_least_confidence
    from dragoman.read.export import KINDS, frame, write

    table = KINDS[kind]
    if kind == "events" and level == "event":
        table = "events"
    if fmt == "plover" and table != "event_mentions":
        raise fail("--format plover is for event mentions (export events --level mention)")
    if fmt == "geojson" and table != "event_mentions":
        raise fail("--format geojson is for event mentions (export events --level mention)")
    with open_store(db) as store:
        df = frame(store, table)
    if min_confidence > 0:
        df = at_least_confidence(df, min_confidence)
    try:
        write(df, fmt, out_file, sys.stdout)
    except (ValueError, OSError) as exc:
        raise fail(str(exc)) from None
    if out_file is not None:
        console.print(f"{len(df)} {kind} -> {out_file}")


def _register_export(kind: str, doc: str) -> None:
    def command(fmt: FormatOption = "jsonl", out_file: OutOption = None, db: DbOption = None) -> None:
        _export(kind, fmt, out_file, db)

    command.__doc__ = doc
    export_app.command(kind)(command)


for _kind, _doc in {
    "documents": "Documents: metadata, normalised text, furniture, duplicate links.",
    "mentions": "Actor mentions with their resolution (unresolved ones included).",
    "actors": "Actors known to the store (knowledge base and user files).",
    "quotes": "Statements: speaker, cue, content span, targets and stances.",
    "propositions": "Propositions: event mentions and statements about one thing, across documents.",
    "disputes": "Disputes: propositions whose sources disagree, with the competing versions.",
}.items():
    _register_export(_kind, _doc)


@export_app.command("events")
def export_events(
    level: Annotated[str, typer.Option("--level", help="mention (one row per report) or event (merged)")] = "mention",
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet, plover or geojson")] = "jsonl",
    out_file: OutOption = None,
    db: DbOption = None,
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", help="Keep events whose confidence (a probability) is at least this"),
    ] = None,
) -> None:
    """PLOVER-coded events, per mention or merged across sources."""
    if level not in {"mention", "event"}:
        raise fail("--level is 'mention' or 'event'")
    threshold = read_settings(min_confidence=min_confidence).min_confidence
    _export("events", fmt, out_file, db, level, threshold)


@export_app.command("all")
def export_all(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder to create: one sub-folder a table")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet (hive-partitioned by year/month)")] = "parquet",
    db: DbOption = None,
) -> None:
    """Every table as partitioned Parquet, streamed: DIR/<table>/year=YYYY/month=MM/*.parquet."""
    from dragoman.store.parquet import ParquetError, export_parquet

    if fmt != "parquet":
        raise fail("export all writes --format parquet only (use `export TABLE` for jsonl or csv)")
    with open_store(db) as store:
        try:
            written = export_parquet(store, out_dir)
        except (ParquetError, OSError) as exc:
            raise fail(str(exc)) from None
    console.print(", ".join(f"{n} {table}" for table, n in written.items()) + f" -> {out_dir}")


@app.command("load-parquet")
def load_parquet(
    source: Annotated[Path, typer.Argument(help="Folder written by `export all` or `ingest --parquet-out`")],
    db: DbOption = None,
) -> None:
    """Build or extend a store from partitioned Parquet; documents already stored are skipped."""
    from dragoman.pipeline.parquet import load_parquet as run_load
    from dragoman.store.lock import writer_lock
    from dragoman.store.parquet import ParquetError

    settings = read_settings(db=db)
    try:
        with writer_lock(settings.db), Store(settings.db) as store:
            added = run_load(store, source)
    except (ParquetError, StoreError, OSError) as exc:
        raise fail(str(exc)) from None
    console.print(", ".join(f"{n} {table}" for table, n in added.items() if n) or "nothing new", end="")
    console.print(f" -> {settings.db}")


@app.command()
def disputes(
    actors: Annotated[list[str] | None, typer.Argument(help="Optionally two actors (ids or ISO3 codes)")] = None,
    db: DbOption = None,
) -> None:
    """Print where the sources disagree, with the competing versions and their sources."""
    from dragoman.read.disputes import dispute_rows
    from dragoman.read.documents import documents_by_id

    wanted = {a.upper() for a in actors or []}
    with open_store(db) as store:
        rows = dispute_rows(store, wanted)
        documents = documents_by_id(store, ("doc_id", "path", "title", "publisher", "published"))
    shown = 0
    for row in rows:
        shown += 1
        out.rule(cell(f"{row['kind']} dispute: {row['summary']}"))
        for version in from_json(row["versions"], []):
            out.print(cell(f"  {version.get('value')}"))
            for source in version.get("sources", version.get("members", [])):
                doc = documents.get(source.get("doc_id", ""), {})
                origin = first_present(doc.get("publisher"), doc.get("title"), doc.get("path"), source.get("doc_id"))
                who = source.get("attributed_to")
                who_text = f" (according to {who.get('name')})" if isinstance(who, dict) and who else ""
                out.print(cell(f"    - {origin}{who_text}: {source.get('sentence', '')}"), highlight=False)
    if not shown:
        out.print(cell("no disputes found" + (f" between {' and '.join(sorted(wanted))}" if wanted else "")))


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Store for the demo")] = Path("demo.duckdb"),
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Start the dashboard afterwards")] = True,
    port: Annotated[int, typer.Option("--port")] = 8765,
) -> None:
    """Ingest the sample corpus that ships with dragoman, summarise it and open the dashboard."""
    from dragoman.pipeline.ingest import ingest as run_ingest

    settings = read_settings(db=db)
    report = run_ingest(
        [SAMPLE_CORPUS],
        settings,
        on_error=lambda e: error_line(str(e)),
    )
    console.print(
        f"{report.added} added, {report.unchanged} unchanged, {report.duplicates} near-duplicates linked, "
        f"{len(report.errors)} failed"
    )
    with Store(db, read_only=True) as store:
        print_summary(store)
    url = f"http://127.0.0.1:{port}/"
    if not serve:
        out.print(f"Dashboard: run `dragoman serve --db {db}` and open {url}")
        return
    from dragoman.cli.surfaces import run_server

    out.print(f"Dashboard: {url}  (Ctrl-C to stop)")
    run_server(db, "127.0.0.1", port, None)


@app.command()
def stance(
    speaker: Annotated[str, typer.Argument(help="Who speaks: actor id or ISO3/IGO code")],
    target: Annotated[str, typer.Argument(help="About whom: actor id or ISO3/IGO code")],
    by: Annotated[str, typer.Option("--by", help="year, month or day")] = "month",
    quotes: Annotated[bool, typer.Option("--quotes/--no-quotes", help="Show the quotes behind each point")] = True,
    db: DbOption = None,
) -> None:
    """What one actor said about another, period by period, with the quotes behind each point."""
    from dragoman.analysis.stance import stance_timeline

    with open_store(db) as store:
        try:
            points = stance_timeline(store, speaker, target, by)
        except ValueError as exc:
            raise fail(str(exc)) from None
    if not points:
        out.print(cell(f"no statements by {speaker} about {target}"))
        return
    table = Table(title=cell(f"stance of {speaker} toward {target} by {by}"))
    for column in ("period", "support", "oppose", "neutral", "net"):
        table.add_column(column, justify="right")
    for point in points:
        table.add_row(
            point["period"], str(point["support"]), str(point["oppose"]), str(point["neutral"]), f"{point['net']:+.2f}"
        )
    out.print(table)
    if quotes:
        for point in points:
            for quote in point["quotes"]:
                line = f"{point['period']} [{quote['stance']}] {quote['speaker']}: {quote['content']}"
                out.print(cell(f"{line} ({quote['source']})"), highlight=False)


@app.command()
def reprocess(
    db: DbOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Every document, not only outdated ones")] = False,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help="Extra knowledge-base YAML file")] = None,
    lexicon: Annotated[list[Path] | None, typer.Option("--lexicon", help="Language-data override YAML file")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Local worker processes")] = None,
    default_date: Annotated[
        str | None, typer.Option("--default-date", help="Date for documents without one (see ingest)")
    ] = None,
) -> None:
    """Re-extract stored documents whose extractor versions differ from the current ones."""
    from dragoman.domain.errors import LexiconError
    from dragoman.pipeline.parallel import make_executor
    from dragoman.pipeline.process import ProcessorConfig
    from dragoman.pipeline.reprocess import reprocess as run_reprocess

    settings = read_settings(
        db=db,
        kb_files=tuple(kb) if kb else None,
        lexicon_files=tuple(lexicon) if lexicon else None,
        workers=workers,
        default_date=default_date,
    )
    if not settings.db.exists():
        raise fail(f"{settings.db}: no such store")
    try:
        report = run_reprocess(
            settings.db,
            ProcessorConfig.from_settings(settings),
            only_outdated=not everything,
            batch_size=settings.batch_size,
            executor=make_executor(settings),
            on_error=lambda e: error_line(str(e)),
        )
    except (StoreError, LexiconError) as exc:
        raise fail(str(exc)) from None
    console.print(
        f"{report.reprocessed} documents re-extracted, {len(report.errors)} failed (kept as stored) -> {settings.db}",
        soft_wrap=True,
    )
    if not report.ok:
        raise typer.Exit(1)
