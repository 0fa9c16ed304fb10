"""Whole tables as DataFrames, JSON columns decoded and reviews applied: what the exports and
``dragoman.open()`` hand out."""

from __future__ import annotations

import pandas as pd

from dragoman.domain.ontology import QUAD_NAMES
from dragoman.places.merged import EVENT_PLACES_SQL
from dragoman.read.reviews import apply_reviews
from dragoman.store.db import Store
from dragoman.store.rows import from_json

JSON_COLUMNS = {
    "documents": ("meta", "components"),
    "event_mentions": (
        "actors",
        "recipients",
        "attributed_to",
        "actor_keys",
        "recipient_keys",
        "location_alternatives",
    ),  # fmt: skip
    "events": ("actors", "recipients", "mention_ids"),
    "statements": ("speaker", "targets"),
    "propositions": ("actors", "recipients", "members"),
    "disputes": ("versions", "actor_keys"),
}

QUERIES = {
    "documents": "SELECT * EXCLUDE (signature) FROM documents ORDER BY ingested_at, doc_id",
    "mentions": "SELECT * FROM mentions ORDER BY doc_id, start, mention_id",
    "actors": "SELECT * FROM actors ORDER BY actor_id",
    "event_mentions": (
        "SELECT m.*, d.path AS doc_path, d.url AS doc_url, d.publisher, d.published "
        "FROM event_mentions m JOIN documents d USING (doc_id) ORDER BY m.doc_id, m.start, m.id"
    ),
    # merged events with the place most of their located reports name (dragoman.places.merged)
    "events": (
        f"SELECT e.*, p.* EXCLUDE (event_id) FROM events e LEFT JOIN ({EVENT_PLACES_SQL}) p USING (event_id) "
        "ORDER BY e.date NULLS LAST, e.event_id"
    ),
    "statements": (
        "SELECT s.*, d.path AS doc_path, d.url AS doc_url, d.publisher, d.published "
        "FROM statements s JOIN documents d USING (doc_id) ORDER BY s.doc_id, s.start, s.id"
    ),
    "propositions": "SELECT * FROM propositions ORDER BY id",
    "disputes": "SELECT * FROM disputes ORDER BY id",
}

# Kinds accepted on the command line, mapped to tables.
KINDS = {
    "documents": "documents",
    "mentions": "mentions",
    "actors": "actors",
    "events": "event_mentions",
    "quotes": "statements",
    "propositions": "propositions",
    "disputes": "disputes",
}

# The review kind of each table that reviews apply to.
REVIEWED = {"event_mentions": "event", "statements": "quote", "events": "merged_event"}


def frame(store: Store, table: str, decode_json: bool = True) -> pd.DataFrame:
    """A table as a DataFrame, JSON columns decoded and analysts' reviews applied."""
    df = store.df(QUERIES[table])
    if decode_json:
        for column in JSON_COLUMNS.get(table, ()):
            if column in df.columns:
                df[column] = df[column].map(from_json)
    if table == "event_mentions" and "quad" in df.columns:
        df.insert(df.columns.get_loc("quad") + 1, "quad_name", df["quad"].map(QUAD_NAMES))
    if table in REVIEWED:
        df = apply_reviews(df, REVIEWED[table], store)
    return df
