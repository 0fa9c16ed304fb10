"""Events as analyses count them: merged across reports, with reviews applied.

One real event reported by five sources is counted once.  The merged ``events``
table is used where the consolidation stage filled it; mentions whose merged
event is missing are grouped by ``event_id`` (else counted alone), and mentions
of near-duplicate documents are left out of that fallback so a re-published
article never doubles a count.

Reviews: a mention marked wrong leaves its event; an event whose mentions are all
wrong, or that is itself marked wrong, is dropped.  Corrections to a merged event
override its fields; corrections to one of its mentions override them too (the
analyst looked at the evidence), a merged-event correction winning over both.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from dragoman.analysis.review import apply_reviews, load_reviews
from dragoman.domain.dates import precision_of
from dragoman.domain.identity import actor_key
from dragoman.store import Store
from dragoman.store.rows import from_json

EVENT_COLUMNS = (
    "event_id", "type", "quad", "actors", "recipients", "date", "date_precision", "status",
    "mention_ids", "n_mentions", "n_documents", "reviewed", "corrected",
    "date_basis",
)  # fmt: skip

MENTION_SQL = """
    SELECT m.id, m.event_id, m.doc_id, m.sentence_idx, m.type, m.quad, m.actors, m.recipients,
           m.date, m.date_precision, m.status, m.sentence, m.start, m."end", m.confidence,
           m.date_basis,
           d.duplicate_of, d.publisher, d.published, d.title
    FROM event_mentions m JOIN documents d USING (doc_id)
"""


def _decode(value: Any) -> Any:
    try:
        return from_json(value)
    except json.JSONDecodeError:
        return value


def actor_list(value: Any) -> list[dict[str, Any]]:
    """Actors of a row as a list of dicts, whatever malformed JSON the column held."""
    decoded = _decode(value)
    if isinstance(decoded, dict):
        decoded = [decoded]
    if not isinstance(decoded, list):
        return []
    return [a for a in decoded if isinstance(a, dict)]


def reviewed_mentions(
    store: Store,
    where: str = "TRUE",
    params: list[Any] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> pd.DataFrame:
    """Event mentions with document fields, JSON decoded and reviews applied.

    ``where`` is an SQL condition over ``m`` (mentions) and ``d`` (documents), with
    ``?`` placeholders bound to ``params``.
    """
    sql = f"{MENTION_SQL} WHERE {where} ORDER BY m.doc_id, m.start, m.id"
    params = list(params or [])
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    df = store.df(sql, params)
    for column in ("actors", "recipients"):
        df[column] = df[column].map(_decode)
    return apply_reviews(df, "event", store)


EVENT_MENTION_SQL = """
    SELECT m.id, m.event_id, m.doc_id, m.type, m.quad, m.actors, m.recipients, m.date, m.date_precision,
           m.status, m.date_basis, d.duplicate_of
    FROM event_mentions m JOIN documents d USING (doc_id) ORDER BY m.doc_id, m.start, m.id
"""


def _mention_records(store: Store) -> list[dict[str, Any]]:
    """Event mentions as plain dicts with their reviews (JSON decoded only where needed)."""
    reviews = load_reviews(store, "event")
    rows = store.rows(EVENT_MENTION_SQL)
    for row in rows:
        review = reviews.get(row["id"])
        row["review_verdict"] = review.verdict if review else None
        row["reviewed"] = review is not None
        row["review_corrections"] = review.corrections if review else None
        row["corrected_at"] = review.created_at if review else None
    return rows


def effective_events(store: Store) -> pd.DataFrame:
    """One row per real event (EVENT_COLUMNS), reviews applied, wrong ones dropped."""
    mentions = _mention_records(store)
    merged = {r["event_id"]: r for r in store.rows("SELECT * FROM events")}
    event_reviews = load_reviews(store, "merged_event")
    members: dict[str, list[dict[str, Any]]] = {}
    by_id: dict[str, dict[str, Any]] = {}
    for m in mentions:
        by_id[m["id"]] = m
        event_id = m["event_id"]
        if event_id is None or event_id not in merged:
            if m["duplicate_of"] is not None:
                continue  # a twin of another document: its reports are the original's
            event_id = event_id or m["id"]
        members.setdefault(event_id, []).append(m)
    for event_id, row in merged.items():  # events whose mentions are listed only on the event
        if event_id not in members:
            listed = _decode(row["mention_ids"]) or []
            members[event_id] = [by_id[i] for i in listed if i in by_id]
    out = []
    for event_id, group in members.items():
        alive = [m for m in group if m["review_verdict"] != "wrong"]
        review = event_reviews.get(event_id)
        if (group and not alive) or (review is not None and review.verdict == "wrong"):
            continue
        base = merged.get(event_id) or (alive[0] if alive else None)
        if base is None:
            continue
        fields = {
            "type": base["type"], "quad": base["quad"],
            "actors": actor_list(base["actors"]), "recipients": actor_list(base["recipients"]),
            "date": base["date"], "date_precision": base["date_precision"] or precision_of(base["date"]),
            "status": base["status"],
        }  # fmt: skip
        corrected = False
        for m in sorted((m for m in alive if m["review_corrections"]), key=lambda m: m["corrected_at"]):
            fields.update({k: v for k, v in m["review_corrections"].items() if k in fields})
            corrected = True
        if review is not None and review.corrections:
            fields.update(review.corrections)
            corrected = True
        out.append(
            {
                "event_id": event_id,
                **fields,
                "date_basis": date_basis_of(fields["date"], alive, corrected),
                "mention_ids": [m["id"] for m in alive],
                "n_mentions": len(alive),
                "n_documents": len({m["doc_id"] for m in alive}),
                "reviewed": review is not None or any(m["reviewed"] for m in group),
                "corrected": corrected,
            }
        )
    frame = pd.DataFrame(out, columns=list(EVENT_COLUMNS))
    return frame.sort_values(["date", "event_id"], na_position="last").reset_index(drop=True)


def date_basis_of(value: Any, mentions: list[dict[str, Any]], corrected: bool) -> str:
    """Where an event's date came from: ``text`` when a report's words give it, ``publication``
    when only a report's date does, ``review`` when an analyst set it, ``none`` when undated."""
    if not isinstance(value, str):
        return "none"
    bases = {m.get("date_basis") or "none" for m in mentions if m.get("date") == value}
    if "text" in bases:
        return "text"
    if "publication" in bases:
        return "publication"
    return "review" if corrected else "text"


def actor_keys(actor: dict[str, Any], countries: bool = False) -> set[str]:
    """The names a query can use for an actor: id, QID, IGO code, a state's ISO3 code, its name.

    With ``countries`` a person or institution also answers to its country's code.
    """
    keys = {str(actor.get(k)).upper() for k in ("actor_id", "kb_id", "org") if actor.get(k)}
    country = actor.get("country")
    if country and (countries or actor.get("kind") in (None, "state", "country") or not actor.get("actor_id")):
        keys.add(str(country).upper())
    if actor.get("name"):
        keys.add(str(actor["name"]).upper())
    return keys


def node_key(actor: dict[str, Any], countries: bool = False) -> str:
    """The node an actor is counted under (its country when aggregating).

    The actor-level identity (``actor_key``) with two differences on purpose: the key is the
    node's shown id, so an actor with no id, country or IGO keeps its name as written (not
    lower-cased); and aggregating puts only a country in an actor's place (an IGO's official stays
    a node of their own, where the country level of claims would count them under the IGO).
    """
    if countries and actor.get("country"):
        return str(actor["country"])
    if actor.get("actor_id") or actor.get("country") or actor.get("org"):
        return actor_key(actor)
    return str(actor.get("name", "?"))
