"""Corpus-level stages: merge event mentions into events, group claims, find disputes.

These read what the per-document stages stored and rewrite their own tables
whole, so they can be rerun at any time (after an ingest, a review, a new extractor).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pyarrow as pa

from dragoman.claims import build_claims
from dragoman.events.merge import merge_events
from dragoman.store import Store
from dragoman.store import load as load_records
from dragoman.store.rows import to_json


def _row(record: Any, json_fields: tuple[str, ...]) -> dict[str, Any]:
    data = asdict(record)
    for name in json_fields:
        if name in data:
            data[name] = to_json(data[name])
    return data


def consolidate(store: Store) -> dict[str, int]:
    """Rebuild events, propositions and disputes from the stored mentions and statements."""
    mentions = list(load_records.event_mentions(store))
    events = merge_events(mentions)
    statements = list(load_records.statements(store))
    propositions, disputes = build_claims(mentions, statements)

    event_rows = [_row(e, ("actors", "recipients", "mention_ids")) for e in events]
    proposition_rows = [_row(p, ("actors", "recipients", "members")) for p in propositions]
    dispute_rows = [_row(d, ("versions", "actor_keys")) for d in disputes]
    links = pa.Table.from_pylist(
        [{"id": m.id, "event_id": m.event_id} for m in mentions],
        schema=pa.schema([("id", pa.string()), ("event_id", pa.string())]),
    )
    store.con.register("_event_links", links)
    try:
        store.replace_tables(
            {"events": event_rows, "propositions": proposition_rows, "disputes": dispute_rows},
            updates=(
                "UPDATE event_mentions SET event_id = l.event_id FROM _event_links l WHERE event_mentions.id = l.id",
                # Actors met in text but not listed in the knowledge base (generic institutions).
                "INSERT INTO actors SELECT actor_id, any_value(name), any_value(kind), any_value(country), "
                "any_value(org), any_value(kb_id), any_value(sector) FROM mentions "
                "WHERE actor_id IS NOT NULL AND actor_id NOT IN (SELECT actor_id FROM actors) GROUP BY actor_id",
            ),
        )
    finally:
        store.con.unregister("_event_links")
    return {"events": len(event_rows), "propositions": len(proposition_rows), "disputes": len(dispute_rows)}
