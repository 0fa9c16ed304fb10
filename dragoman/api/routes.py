"""Read-only endpoints: documents, actors, events, quotes, propositions, disputes, analyses."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pandas as pd
from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi import Path as PathParam

from dragoman.analysis.actors import event_actors
from dragoman.analysis.dyad import PERIODS, dyad_events, in_range, main_span, timeline, unplaced_reason
from dragoman.analysis.network import build_network, network_json, network_text
from dragoman.analysis.overview import overview as corpus_overview
from dragoman.analysis.plover import COUNTED_STATUSES, INTENSITY, QUAD_KEYS, QUAD_NAMES, TYPE_QUAD
from dragoman.api.access import StoreAccess
from dragoman.api.serialize import page_of, records, sort_frame
from dragoman.domain.dates import DATE_PATTERN
from dragoman.domain.ontology import Status as EventStatus
from dragoman.places.geojson import feature_collection
from dragoman.places.merged import with_event_places
from dragoman.places.query import BoundingBoxError, parse_bbox
from dragoman.read.disputes import dispute_frame, proposition_frame
from dragoman.read.documents import documents_by_id, list_documents, read_document
from dragoman.read.events import (
    EventFilter,
    filter_events,
    find_mentions,
    located_mentions,
    mention_ids_of,
    mention_page,
    mention_sentences,
    mentions_with_ids,
)
from dragoman.read.quotes import QuoteFilter, find_quotes
from dragoman.read.reviews import list_reviews
from dragoman.read.search import SearchQuery, search
from dragoman.store import Store

router = APIRouter(prefix="/api")

Page = Annotated[int, Query(ge=1, le=100_000, description="1-based page number")]
PageSize = Annotated[int, Query(ge=1, le=500, description="rows per page (at most 500)")]
Text = Annotated[str | None, Query(max_length=200)]
Ident = Annotated[str, Query(min_length=1, max_length=200)]
DateParam = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Quad = Annotated[int | None, Query(ge=1, le=4)]
EventType = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,12}$")]
PathId = Annotated[str, PathParam(min_length=1, max_length=200)]
Status = Annotated[EventStatus | None, Query()]
Sort = Annotated[
    str | None,
    Query(pattern=r"^-?[a-z_]{1,40}$", description="column to sort on; a leading - sorts descending"),
]
Confidence = Annotated[float | None, Query(ge=0, le=1, description="lowest confidence kept (0..1)")]

Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 of the location")]
BoundingBox = Annotated[
    str | None,
    Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat (GeoJSON order; west > east crosses 180°)"),
]


def access(request: Request) -> StoreAccess:
    result: StoreAccess = request.app.state.access
    return result


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    with access(request).open() as store:
        return {"status": "ok", "schema_version": store.schema_version(), "counts": store.counts()}


@router.get("/meta")
def meta() -> dict[str, Any]:
    """PLOVER types, quad classes and the intensity scale used for scores."""
    return {
        "types": TYPE_QUAD,
        "quads": {str(k): {"name": v, "key": QUAD_KEYS[k]} for k, v in QUAD_NAMES.items()},
        "intensity": INTENSITY,
        "periods": list(PERIODS),
        "counted_statuses": list(COUNTED_STATUSES),
    }


@router.get("/documents")
def documents(
    request: Request, publisher: Text = None, q: Text = None, page: Page = 1, page_size: PageSize = 50
) -> dict[str, Any]:
    with access(request).open() as store:
        df = list_documents(store, publisher, q)
    return page_of(df, page, page_size)


@router.get("/documents/{doc_id}")
def document(request: Request, doc_id: PathId) -> dict[str, Any]:
    """A document's stored text with its sentences, furniture, event and quote spans."""
    with access(request).open() as store:
        found = read_document(store, doc_id)
    if found is None:
        raise HTTPException(status_code=404, detail="no such document")
    return {
        "document": records(pd.DataFrame([found.document]))[0],
        "sentences": records(found.sentences),
        "furniture": records(found.furniture),
        "events": records(found.events),
        "quotes": records(found.quotes),
    }


@router.get("/actors")
def actors(
    request: Request,
    countries: bool = False,
    q: Text = None,
    page: Page = 1,
    page_size: PageSize = 500,
) -> dict[str, Any]:
    """Actors that take part in events (or their countries), most active first."""
    with access(request).open() as store:
        df = _actor_list(access(request), store, countries)
    if q:
        needle = q.lower()
        df = df[
            df["key"].str.lower().str.contains(needle, regex=False)
            | df["name"].str.lower().str.contains(needle, regex=False)
        ]
    return page_of(df, page, page_size)


def _actor_list(shared: StoreAccess, store: Store, countries: bool) -> pd.DataFrame:
    """Every actor in the merged events (or their countries), cached until the store changes."""
    found: pd.DataFrame = shared.derived(store, f"actors:{countries}", lambda events: event_actors(events, countries))
    return found


@router.get("/events")
def events(
    request: Request,
    level: Literal["mention", "event"] = "mention",
    actor: Text = None,
    type: EventType = None,  # noqa: A002 - the API's field name
    quad: Quad = None,
    status: Status = None,
    doc_id: Text = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    countries: bool = False,
    page: Page = 1,
    page_size: PageSize = 50,
    sort: Sort = None,
    min_confidence: Confidence = None,
    country: Country = None,
    bbox: BoundingBox = None,
) -> dict[str, Any]:
    """Event mentions (one per report, with review and location columns) or merged events (reviews applied)."""
    wanted = EventFilter(
        actor, type, quad, status, date_from, date_to, countries, country, _bounding_box(bbox), min_confidence, sort
    )
    with access(request).open() as store:
        if level == "event":
            df = with_event_places(store, access(request).events(store))
            if doc_id:
                ids = mention_ids_of(store, doc_id)
                df = df[df["mention_ids"].map(lambda ms: bool(ids & set(ms)))]
            df = filter_events(df, wanted)
        elif not wanted.narrows():  # no filter that a correction could change: page in SQL
            total, rows = mention_page(store, doc_id, page, page_size)
            return {"total": total, "page": page, "page_size": page_size, "items": records(rows)}
        else:
            df = find_mentions(store, wanted, doc_id)
    return page_of(sort_frame(df, sort), page, page_size)


@router.get("/events/{event_id}")
def event(request: Request, event_id: PathId) -> dict[str, Any]:
    """One event mention (with its review) or one merged event with its reports."""
    with access(request).open() as store:
        hit = mentions_with_ids(store, [event_id])
        if len(hit):
            return {"level": "mention", "event": records(hit)[0]}
        merged = access(request).events(store)
        found = merged[merged["event_id"] == event_id]
        if not len(found):
            raise HTTPException(status_code=404, detail="no such event")
        row = records(found)[0]
        reports = mentions_with_ids(store, row["mention_ids"])
        return {"level": "event", "event": row, "mentions": records(reports)}


@router.get("/quotes")
def quotes(
    request: Request,
    speaker: Text = None,
    doc_id: Text = None,
    q: Text = None,
    status: Status = None,
    page: Page = 1,
    page_size: PageSize = 50,
    date_from: DateParam = None,
    date_to: DateParam = None,
    sort: Sort = None,
    min_confidence: Confidence = None,
) -> dict[str, Any]:
    """Quotes with their documents' title, publisher and date; dates filter on publication."""
    wanted = QuoteFilter(speaker, doc_id, q, status, date_from, date_to, min_confidence)
    with access(request).open() as store:
        df = find_quotes(store, wanted)
    return page_of(sort_frame(df, sort), page, page_size)


@router.get("/propositions")
def propositions(request: Request, page: Page = 1, page_size: PageSize = 50) -> dict[str, Any]:
    with access(request).open() as store:
        df = proposition_frame(store)
    return page_of(df, page, page_size)


@router.get("/disputes")
def disputes(
    request: Request, actor: Text = None, page: Page = 1, page_size: PageSize = 50, sort: Sort = None
) -> dict[str, Any]:
    """Disputes with each version's sources and their documents' titles and publishers."""
    with access(request).open() as store:
        df = dispute_frame(store, [actor] if actor else [])
        docs = documents_by_id(store, ("doc_id", "title", "publisher", "published", "url"))
    result = page_of(sort_frame(df, sort), page, page_size)
    for item in result["items"]:
        for version in item.get("versions") or []:
            for source in version.get("sources") or version.get("members") or []:
                if isinstance(source, dict) and source.get("doc_id") in docs:
                    source["document"] = docs[source["doc_id"]]
    return result


@router.get("/dyad")
def dyad(
    request: Request,
    a: Ident,
    b: Ident,
    by: Literal["week", "month", "year"] = "month",
    countries: bool = False,
    directed: bool = False,
    since: DateParam = None,
    until: DateParam = None,
    events_per_period: Annotated[int, Query(ge=0, le=1000, description="events listed per period")] = 100,
    inferred_dates: Annotated[
        bool, Query(description="place events dated only by their report's publication date")
    ] = True,
    default_range: Annotated[
        bool, Query(description="without since/until, keep to the run of years holding most events")
    ] = False,
) -> dict[str, Any]:
    """The timeline of two actors; each period lists (some of) its events and their sentences.

    ``unplaced`` lists the events without a bar (undated, or dated too coarsely for
    ``by``), each with ``unplaced_reason``; ``range`` tells the dates shown, the
    suggested range and how many dated events fall outside it.
    """
    with access(request).open() as store:
        every = dyad_events(
            store, a, b, countries, directed, events=access(request).events(store), inferred_dates=inferred_dates
        )
        dates = [d for d in every["date"] if isinstance(d, str) and d]
        span = main_span(dates)
        if default_range and since is None and until is None and span:
            since, until = span
        dated = every["date"].map(lambda v: isinstance(v, str) and bool(v)).astype(bool)
        inside = every["date"].map(lambda v: in_range(v, since, until)).astype(bool)
        found = every[~dated | inside].reset_index(drop=True)
        frame = timeline(found, by)
        unplaced = frame.attrs.get("unplaced", [])
        listed = set()
        for ids_of_period in frame["event_ids"]:
            listed.update(ids_of_period[:events_per_period])
        listed.update(unplaced[:events_per_period])
        shown = found[found["event_id"].isin(listed)]
        ids = [m for ms in shown["mention_ids"] for m in ms]
        sentences = mention_sentences(store, ids).drop(columns=["event_id"])
    by_mention = {r["id"]: r for r in records(sentences)}
    events_by_id = {}
    for row in records(shown.drop(columns=["intensity"])):
        row["mentions"] = [by_mention[m] for m in row["mention_ids"] if m in by_mention]
        events_by_id[row["event_id"]] = row
    periods = records(frame)
    for period in periods:
        ids_of_period = period.pop("event_ids")
        period["events"] = [events_by_id[e] for e in ids_of_period[:events_per_period]]
        period["events_truncated"] = len(ids_of_period) > events_per_period
    unplaced_rows = [events_by_id[e] for e in unplaced[:events_per_period]]
    for row in unplaced_rows:
        row["unplaced_reason"] = unplaced_reason(row, by)
    n_undated = sum(1 for r in found["date"] if not (isinstance(r, str) and r))
    return {
        "a": a.upper(), "b": b.upper(), "by": by, "countries": countries, "directed": directed,
        "n_events": len(found), "periods": periods, "inferred_dates": inferred_dates,
        "n_unplaced": len(unplaced), "n_undated": n_undated, "n_coarse": len(unplaced) - n_undated,
        "unplaced": unplaced_rows,
        "range": {
            "since": since, "until": until,
            "first": min(dates) if dates else None, "last": max(dates) if dates else None,
            "suggested_since": span[0] if span else None, "suggested_until": span[1] if span else None,
            "n_all": len(every), "n_outside": int((dated & ~inside).sum()),
        },
    }  # fmt: skip


@router.get("/network", response_model=None)
def network(
    request: Request,
    since: DateParam = None,
    until: DateParam = None,
    countries: bool = False,
    format: Literal["json", "graphml", "gexf"] = "json",  # noqa: A002 - the API's field name
) -> dict[str, Any] | Response:
    with access(request).open() as store:
        graph = build_network(store, since, until, countries, events=access(request).events(store))
    if format == "json":
        return network_json(graph)
    return Response(
        network_text(graph, format),
        media_type="application/xml",
        headers={"Content-Disposition": f'attachment; filename="dragoman-network.{format}"'},
    )


@router.get("/search")
def search_endpoint(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    kind: Literal["sentence", "quote"] | None = None,
    actor: Text = None,
    type: EventType = None,  # noqa: A002
    quad: Quad = None,
    status: Status = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    doc_id: Text = None,
    publisher: Text = None,
    page: Page = 1,
    page_size: PageSize = 50,
    sort: Sort = None,
) -> dict[str, Any]:
    """Sentences and quotes holding every word; ``sort`` orders the first 500 hits."""
    if sort:
        query = SearchQuery(q, kind, actor, type, quad, status, date_from, date_to, doc_id, publisher, 1, 500)
    else:
        query = SearchQuery(q, kind, actor, type, quad, status, date_from, date_to, doc_id, publisher, page, page_size)
    with access(request).open() as store:
        result = search(store, query)
    if sort:
        start = (page - 1) * page_size
        result.results = sort_frame(result.results, sort).iloc[start : start + page_size]
        result.page, result.page_size = page, page_size
    return {
        "total": result.total, "page": result.page, "page_size": result.page_size,
        "items": records(result.results), "facets": result.facets,
    }  # fmt: skip


@router.get("/reviews")
def reviews(
    request: Request,
    target_kind: Literal["event", "merged_event", "quote"] | None = None,
    target_id: Text = None,
    page: Page = 1,
    page_size: PageSize = 50,
) -> dict[str, Any]:
    with access(request).open() as store:
        df = list_reviews(store, target_kind, target_id)
    return page_of(df, page, page_size)


@router.get("/overview")
def overview(
    request: Request, limit: Annotated[int, Query(ge=1, le=50, description="rows per list")] = 8
) -> dict[str, Any]:
    """The corpus at a glance: counts, date span, busiest dyads and actors, disputes, recent documents."""
    shared = access(request)
    with shared.open() as store:
        people = _actor_list(shared, store, False)
        countries = _actor_list(shared, store, True)
        found = dict(
            shared.derived(
                store, f"overview:{limit}", lambda events: corpus_overview(store, events, limit, people, countries)
            )
        )
    for key in ("top_actors", "top_countries", "disputes", "recent_documents"):
        found[key] = records(found[key])
    return found


@router.get("/locations", response_model=None)
def locations(
    request: Request,
    country: Country = None,
    bbox: BoundingBox = None,
    type: EventType = None,  # noqa: A002 - the API's field name
    date_from: DateParam = None,
    date_to: DateParam = None,
    format: Literal["json", "geojson"] = "json",  # noqa: A002 - the API's field name
    page: Page = 1,
    page_size: PageSize = 50,
) -> dict[str, Any]:
    """Located event mentions, filtered by the location's country or a bounding box; GeoJSON on request."""
    wanted = EventFilter(type=type, date_from=date_from, date_to=date_to, country=country, bbox=_bounding_box(bbox))
    with access(request).open() as store:
        df = located_mentions(store, wanted)
    if format == "geojson":
        collection = feature_collection(df.iloc[(page - 1) * page_size : page * page_size])
        return {**collection, "total": len(df), "page": page, "page_size": page_size}
    return page_of(df, page, page_size)


def _bounding_box(bbox: str | None) -> tuple[float, float, float, float] | None:
    """The ``bbox`` parameter as numbers; a malformed box is a 422 naming the fault."""
    try:
        return parse_bbox(bbox) if bbox else None
    except BoundingBoxError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
