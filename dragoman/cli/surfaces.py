"""Analyst commands: dyad, network, search, review and serve (the dashboard)."""

from __future__ import annotations

import getpass
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dragoman.cli.app import DB_OPTION_HELP, app, store_path
from dragoman.cli.text import cell, clean, first_present
from dragoman.store import Store, StoreError

console = Console(stderr=True)
out = Console()

DbOption = Annotated[Path | None, typer.Option("--db", help=DB_OPTION_HELP)]
SinceOption = Annotated[str | None, typer.Option("--since", help="First date (YYYY, YYYY-MM or YYYY-MM-DD)")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Last date (YYYY, YYYY-MM or YYYY-MM-DD)")]
CountriesOption = Annotated[bool, typer.Option("--countries", help="Count people and institutions under their country")]


def _fail(message: str) -> typer.Exit:
    console.print(f"[red]error:[/red] {escape(clean(message))}", highlight=False)
    return typer.Exit(1)


def _open(db: Path | None, write: bool = False) -> Store:
    try:
        return Store(store_path(db), read_only=not write)
    except StoreError as exc:
        raise _fail(str(exc)) from None


def _check_date(value: str | None, name: str) -> None:
    from dragoman.analysis.review import ReviewError, parse_date

    if value is not None:
        try:
            parse_date(value)
        except ReviewError as exc:
            raise _fail(f"{name}: {exc}") from None


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor: an actor id or ISO3 country code")],
    b: Annotated[str, typer.Argument(help="Second actor")],
    by: Annotated[str, typer.Option("--by", help="week, month or year")] = "month",
    countries: CountriesOption = False,
    directed: Annotated[bool, typer.Option("--directed", help="Only events where A acts on B")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    evidence: Annotated[bool, typer.Option("--evidence", help="Print the sentence behind each event")] = False,
    db: DbOption = None,
) -> None:
    """How two actors' relations moved: events per quad class and a cooperation–conflict score."""
    from dragoman.analysis.dyad import PERIODS, dyad_events, timeline
    from dragoman.analysis.dyad import evidence as evidence_of
    from dragoman.analysis.plover import QUAD_KEYS

    if by not in PERIODS:
        raise _fail(f"--by is one of {', '.join(PERIODS)}")
    _check_date(since, "--since")
    _check_date(until, "--until")
    with _open(db) as store:
        found = dyad_events(store, a, b, countries, directed, since, until)
        frame = timeline(found, by)
        sentences = evidence_of(store, [m for ms in found["mention_ids"] for m in ms]) if evidence else None
    arrow = "->" if directed else "<->"
    table = Table(title=cell(f"{a.upper()} {arrow} {b.upper()} by {by}" + (" (countries)" if countries else "")))
    for column, justify in (("period", "left"), ("events", "right"), ("v.coop", "right"),
                            ("m.coop", "right"), ("v.confl", "right"),
                            ("m.confl", "right"), ("score", "right"), ("types", "left")):  # fmt: skip
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    type_columns = [c for c in frame.columns if c.isupper()]
    for row in frame.to_dict(orient="records"):
        score = row["score"]
        types = ", ".join(f"{t} {row[t]}" for t in type_columns if row[t])
        table.add_row(
            cell(row["period"]), str(row["n_events"]), *(str(row[k]) for k in QUAD_KEYS.values()),
            "" if score is None or score != score else f"{score:+.2f}", cell(types),
        )  # fmt: skip
    out.print(table)
    unplaced = frame.attrs.get("unplaced", [])
    dated = {e for e, d in zip(found["event_id"], found["date"], strict=True) if isinstance(d, str) and d}
    undated = sum(1 for e in unplaced if e not in dated)
    out.print(
        f"{len(found)} events; not in the table: {undated} undated, "
        f"{len(unplaced) - undated} dated too coarsely for a {by}"
    )
    if sentences is not None:
        for row in sentences.to_dict(orient="records"):
            source = first_present(row.get("publisher"), row.get("title"), row["doc_id"])
            out.print(cell(f"  [{row['event_id']}] {source}: {row['sentence']}"), highlight=False)


@app.command()
def network(
    fmt: Annotated[str, typer.Option("--format", "-f", help="graphml or gexf")] = "graphml",
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Output file")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    countries: CountriesOption = False,
    db: DbOption = None,
) -> None:
    """Export the actor network (edges weighted by events per quad class) for Gephi."""
    from dragoman.analysis.network import build_network, write_network

    if fmt not in {"graphml", "gexf"}:
        raise _fail("--format is graphml or gexf")
    _check_date(since, "--since")
    _check_date(until, "--until")
    target = out_file or Path(f"dragoman-network.{fmt}")
    with _open(db) as store:
        graph = build_network(store, since, until, countries)
    try:
        write_network(graph, fmt, target)
    except OSError as exc:
        raise _fail(f"{target}: {exc.strerror or exc}") from None
    console.print(cell(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges -> {target}"))


@app.command()
def search(
    q: Annotated[str, typer.Argument(help='Words that must all occur ("quoted phrase" kept whole)')] = "",
    kind: Annotated[str | None, typer.Option("--kind", help="sentence or quote")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor id or ISO3 code mentioned")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type of an event in it")] = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="Quad class 1-4")] = None,
    status: Annotated[str | None, typer.Option("--status", help="asserted, alleged, denied, hypothetical")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Published from")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published until")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Document id")] = None,
    publisher: Annotated[str | None, typer.Option("--publisher")] = None,
    page: Annotated[int, typer.Option("--page", min=1)] = 1,
    page_size: Annotated[int, typer.Option("--page-size", min=1, max=500)] = 20,
    db: DbOption = None,
) -> None:
    """Search sentences and quotes, with facets."""
    from dragoman.read.search import SearchQuery
    from dragoman.read.search import search as run_search

    if kind not in (None, "sentence", "quote"):
        raise _fail("--kind is sentence or quote")
    _check_date(date_from, "--from")
    _check_date(date_to, "--to")
    query = SearchQuery(q, kind, actor, event_type, quad, status, date_from, date_to, doc, publisher, page, page_size)
    with _open(db) as store:
        result = run_search(store, query)
    table = Table(title=f"{result.total} matches (page {result.page})")
    for column in ("kind", "source", "published", "text"):
        table.add_column(column)
    for row in result.results.to_dict(orient="records"):
        source = first_present(row.get("publisher"), row.get("title"), row["doc_id"])
        table.add_row(cell(row["kind"]), cell(source), cell(first_present(row.get("published"))), cell(row["text"]))
    out.print(table)
    for name, counts in result.facets.items():
        if counts:
            out.print(cell(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.items())), highlight=False)


@app.command()
def review(
    kind: Annotated[str, typer.Argument(help="event (a mention or merged event id), merged-event or quote")],
    target: Annotated[str, typer.Argument(help="The id of the event mention, event or quote")],
    right: Annotated[bool, typer.Option("--right", help="Mark it right")] = False,
    wrong: Annotated[bool, typer.Option("--wrong", help="Mark it wrong (left out of analyses)")] = False,
    event_type: Annotated[str | None, typer.Option("--type", help="Corrected PLOVER type")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Corrected date")] = None,
    actor: Annotated[list[str] | None, typer.Option("--actor", help="Corrected actor (repeatable)")] = None,
    recipient: Annotated[list[str] | None, typer.Option("--recipient", help="Corrected recipient")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Corrected speaker of a quote")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Reviewer's name (default: login name)")] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    db: DbOption = None,
) -> None:
    """Mark an event or quote right or wrong, or correct it; stored apart from machine output."""
    from dragoman.analysis.review import ReviewError, add_review
    from dragoman.read.reviews import target_exists

    kinds = {
        "event": "event",
        "merged-event": "merged_event",
        "merged_event": "merged_event",
        "quote": "quote",
    }
    if kind not in kinds:
        raise _fail("the kind is event, merged-event or quote")
    if right and wrong:
        raise _fail("--right and --wrong together make no sense")
    verdict = "right" if right else "wrong" if wrong else None
    corrections = {"type": event_type, "date": date, "actors": actor or None, "recipients": recipient or None,
                   "speaker": speaker}  # fmt: skip
    reviewer = by or os.environ.get("DRAGOMAN_REVIEWER") or getpass.getuser()
    with _open(db, write=True) as store:
        target_kind = kinds[kind]
        if target_kind == "event" and not target_exists(store, "event", target):
            if target_exists(store, "merged_event", target):
                target_kind = "merged_event"
        try:
            row = add_review(store, target_kind, target, verdict, reviewer, corrections, note)
        except (ReviewError, LookupError) as exc:
            raise _fail(str(exc.args[0] if exc.args else exc)) from None
    fixed = ", ".join(f"{k}={v}" for k, v in row["corrections"].items() if k in {"type", "date"})
    console.print(cell(f"{row['verdict']}: {target_kind} {target} by {reviewer}" + (f" ({fixed})" if fixed else "")))


def run_server(db: Path | None, host: str, port: int, token: str | None, allow_hosts: Sequence[str] = ()) -> None:
    """Serve the API and dashboard with uvicorn; print a generated token once."""
    import uvicorn

    from dragoman.api import create_app
    from dragoman.api.security import allowed_hosts

    path = store_path(db)
    if not path.exists():
        raise _fail(f"{path}: no such store (run `dragoman ingest` first)")
    token = token or os.environ.get("DRAGOMAN_TOKEN") or None
    if token is None:
        token = secrets.token_urlsafe(24)
        console.print(f"write token for reviews (shown once): {token}", highlight=False, markup=False)
    if host not in {"127.0.0.1", "localhost", "::1"}:
        console.print(f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach it can read the store")
    console.print(f"dashboard: http://{'[' + host + ']' if ':' in host else host}:{port}/", highlight=False)
    hosts = allowed_hosts(host, allow_hosts)
    if host in {"0.0.0.0", "::"} and not allow_hosts:
        console.print("[yellow]warning:[/yellow] only loopback names are answered; name others with --allow-host")
    app = create_app(path, token, hosts)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8765,
    token: Annotated[
        str | None,
        typer.Option("--token", help="Write token for reviews (default: $DRAGOMAN_TOKEN, else generated)"),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="Another Host name to answer (besides loopback and --host); repeatable"),
    ] = None,
) -> None:
    """Serve the REST API and the dashboard (reading is open; reviews need the token).

    Only requests whose Host header is a loopback name, the --host address or an
    --allow-host name are answered (a guard against DNS rebinding).
    """
    run_server(db, host, port, token, allow_host or ())
