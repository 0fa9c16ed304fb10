"""Corpus-level stages: merge event mentions into events, group claims, find disputes.

These read what the per-document stages stored and rewrite their own tables, so they
can be rerun at any time (after an ingest, a review, a new extractor).  Memory stays
bounded: mentions are merged a chunk of whole groups at a time, never all at once.
Groups are independent (an event never spans two (type, actors, recipients) groups, a
proposition never spans two claim groups) and every id is a hash of its members, so
re-merging only the groups that new documents touched gives exactly the tables a
full rebuild gives.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import pyarrow as pa
from duckdb.func import FunctionNullHandling

from dragoman import crashpoints
from dragoman.claims import build_claims
from dragoman.claims.build import group_key
from dragoman.domain.ontology import RECIPROCAL_TYPES
from dragoman.events.merge import merge_events
from dragoman.store import Store
from dragoman.store import load as load_records
from dragoman.store.rows import actors_from_json, to_json

# Mentions merged at a time (whole groups; a group larger than this is merged alone).
CHUNK = 20_000

# The merge group of an event mention, as stored (both use dragoman.domain.identity.actor_key).
MERGE_KEY = "type || chr(31) || coalesce(actor_keys, '') || chr(31) || coalesce(recipient_keys, '')"
CLAIM_KEY_FUNCTION = "_dragoman_claim_key"
# A mention with no recipient can still be a claim when its type is undirected (checked by claim_key).
UNDIRECTED_SQL = ", ".join(f"'{t}'" for t in sorted(RECIPROCAL_TYPES))
TEMP_TABLES = ("_touched", "_mkeys", "_ckeys", "_cgroups")


def _row(record: Any, json_fields: tuple[str, ...]) -> dict[str, Any]:
    data = asdict(record)
    for name in json_fields:
        if name in data:
            data[name] = to_json(data[name])
    return data


def claim_key(event_type: str, mode: str | None, actors: str | None, recipients: str | None) -> str | None:
    """``build_claims``'s group of a stored event mention (JSON columns); None if it makes no claim."""
    key = group_key(
        event_type,
        mode,
        actors_from_json(actors),
        actors_from_json(recipients),
    )
    return None if key is None else json.dumps([key[0], key[1], list(key[2])], ensure_ascii=False)


def _chunked(sql_counts: str) -> str:
    """Number groups into chunks of about CHUNK mentions (``sql_counts`` yields key, n)."""
    return (
        f"SELECT key, (sum(n) OVER (ORDER BY key ROWS UNBOUNDED PRECEDING) - n) // {CHUNK} AS chunk FROM ({sql_counts})"
    )


def _merge(store: Store, incremental: bool) -> None:
    con = store.con
    touched = (
        f"WHERE {MERGE_KEY} IN (SELECT {MERGE_KEY} FROM event_mentions WHERE doc_id IN (SELECT doc_id FROM _touched))"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _mkeys AS "
        + _chunked(
            f"SELECT {MERGE_KEY} AS key, count(*) AS n FROM event_mentions {touched if incremental else ''} GROUP BY 1"
        )
    )
    if incremental:
        con.execute(
            "DELETE FROM events WHERE event_id IN (SELECT event_id FROM event_mentions "
            f"WHERE {MERGE_KEY} IN (SELECT key FROM _mkeys))"
        )
    chunks = con.execute("SELECT coalesce(max(chunk) + 1, 0) FROM _mkeys").fetchone()
    for chunk in range(int(chunks[0]) if chunks else 0):
        mentions = list(
            load_records.event_mentions_from(
                store,
                f"SELECT * FROM event_mentions WHERE {MERGE_KEY} IN (SELECT key FROM _mkeys WHERE chunk = ?) "
                "ORDER BY doc_id, start, id",
                [chunk],
            )
        )
        events = merge_events(mentions)
        store.insert_rows("events", [_row(e, ("actors", "recipients", "mention_ids")) for e in events])
        links = pa.Table.from_pylist(
            [{"id": m.id, "event_id": m.event_id} for m in mentions],
            schema=pa.schema([("id", pa.string()), ("event_id", pa.string())]),
        )
        con.register("_event_links", links)
        try:
            con.execute(
                "UPDATE event_mentions SET event_id = l.event_id FROM _event_links l WHERE event_mentions.id = l.id"
            )
        finally:
            con.unregister("_event_links")


def _claims(store: Store, incremental: bool) -> None:
    con = store.con
    types = "AND type IN (SELECT type FROM event_mentions WHERE doc_id IN (SELECT doc_id FROM _touched))"
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _ckeys AS SELECT * FROM (SELECT id, doc_id, sentence_idx, "
        f"{CLAIM_KEY_FUNCTION}(type, mode, actors, recipients) AS key FROM event_mentions "
        f"WHERE (recipients <> '[]' OR type IN ({UNDIRECTED_SQL})) {types if incremental else ''}) "
        "WHERE key IS NOT NULL"
    )
    touched = "WHERE key IN (SELECT key FROM _ckeys WHERE doc_id IN (SELECT doc_id FROM _touched))"
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _cgroups AS "
        + _chunked(f"SELECT key, count(*) AS n FROM _ckeys {touched if incremental else ''} GROUP BY 1")
    )
    if incremental:
        con.execute(
            "DELETE FROM propositions WHERE id IN (SELECT p.id FROM "
            "(SELECT id, unnest(json_extract_string(members, '$[*].member_id')) AS member_id FROM propositions) p "
            "WHERE p.member_id IN (SELECT id FROM _ckeys WHERE key IN (SELECT key FROM _cgroups)))"
        )
        con.execute("DELETE FROM disputes WHERE proposition_id NOT IN (SELECT id FROM propositions)")
    chunks = con.execute("SELECT coalesce(max(chunk) + 1, 0) FROM _cgroups").fetchone()
    for chunk in range(int(chunks[0]) if chunks else 0):
        members = "SELECT c.* FROM _ckeys c JOIN _cgroups g USING (key) WHERE g.chunk = ?"
        mentions = list(
            load_records.event_mentions_from(
                store,
                f"SELECT em.* FROM event_mentions em WHERE em.id IN (SELECT id FROM ({members})) "
                "ORDER BY em.doc_id, em.start, em.id",
                [chunk],
            )
        )
        statements = list(
            load_records.statements_from(
                store,
                f"SELECT s.* FROM statements s SEMI JOIN (SELECT DISTINCT doc_id, sentence_idx FROM ({members})) k "
                "ON s.doc_id = k.doc_id AND s.sentence_idx IS NOT DISTINCT FROM k.sentence_idx "
                "ORDER BY s.doc_id, s.start, s.id",
                [chunk],
            )
        )
        propositions, disputes = build_claims(mentions, statements)
        store.insert_rows("propositions", [_row(p, ("actors", "recipients", "members")) for p in propositions])
        store.insert_rows("disputes", [_row(d, ("versions", "actor_keys")) for d in disputes])


def consolidate(store: Store, incremental: bool = False) -> dict[str, int]:
    """Rebuild events, propositions and disputes from the stored mentions and statements.

    ``incremental``: re-merge only the groups touched by documents whose event mentions
    are not linked to an event yet (those written since the last consolidation, even by
    an interrupted run); the result is the same as a full rebuild when documents were only
    added.  Reprocessing (documents replaced) rebuilds fully.
    """
    con = store.con
    con.create_function(
        CLAIM_KEY_FUNCTION,
        claim_key,
        ["varchar"] * 4,
        "varchar",
        null_handling=FunctionNullHandling.SPECIAL,
    )
    try:
        with store.transaction():
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _touched AS "
                "SELECT DISTINCT doc_id FROM event_mentions WHERE event_id IS NULL"
            )
            if not incremental:
                for table in ("events", "propositions", "disputes"):
                    con.execute(f'DELETE FROM "{table}"')
            _merge(store, incremental)
            _claims(store, incremental)
            # Actors met in text but not listed in the knowledge base (generic institutions).
            con.execute(
                "INSERT INTO actors SELECT actor_id, any_value(name), any_value(kind), any_value(country), "
                "any_value(org), any_value(kb_id), any_value(sector) FROM mentions "
                "WHERE actor_id IS NOT NULL AND actor_id NOT IN (SELECT actor_id FROM actors) GROUP BY actor_id"
            )
            crashpoints.reached(crashpoints.IN_CONSOLIDATION)
    finally:
        for table in TEMP_TABLES:
            con.execute(f"DROP TABLE IF EXISTS {table}")
        con.remove_function(CLAIM_KEY_FUNCTION)
    tables = ("events", "propositions", "disputes")
    return {name: int(store.scalar(f'SELECT count(*) FROM "{name}"')) for name in tables}
