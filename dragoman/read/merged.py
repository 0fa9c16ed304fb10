"""Merged events as analyses count them: one row per real event, with reviews applied.

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

from typing import Any

import pandas as pd

from dragoman.domain.dates import precision_of
from dragoman.read.columns import actor_list, decoded
from dragoman.read.events import mention_records
from dragoman.read.reviews import load_reviews
from dragoman.store import Store

EVENT_COLUMNS = (
    "event_id", "type", "quad", "actors", "recipients", "date", "date_precision", "status",
    "mention_ids", "n_mentions", "n_documents", "reviewed", "corrected",
    "date_basis",
)  # fmt: skip


def effective_events(store: Store) -> pd.DataFrame:
    """One row per real event (EVENT_COLUMNS), reviews applied, wrong ones dropped."""
    mentions = mention_records(store)
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
            listed = decoded(row["mention_ids"]) or []
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
