"""Analysts' reviews laid over what is read: the one place a verdict or correction is applied.

Reviews live in the ``reviews`` table, keyed by the target's deterministic id, so
they survive re-ingest and re-extraction.  Several reviews of one target add up
in time order: corrections accumulate (a later value of a field wins) and the
latest verdict stands.  ``apply_reviews`` lays them over any frame of event
mentions, merged events or quotes, so corrections go out with who made them and when.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pandas as pd

from dragoman.domain.identity import actor_key
from dragoman.domain.ontology import QUAD_NAMES
from dragoman.store import Store
from dragoman.store.rows import from_json

KINDS: tuple[str, ...] = ("event", "merged_event", "quote")
ID_COLUMN = {"event": "id", "merged_event": "event_id", "quote": "id"}
TARGET_QUERY = {
    "event": "SELECT count(*) FROM event_mentions WHERE id = ?",
    "merged_event": "SELECT count(*) FROM events WHERE event_id = ?",
    "quote": "SELECT count(*) FROM statements WHERE id = ?",
}


@dataclass
class Review:
    """The combined effect of all reviews of one target."""

    verdict: str
    reviewer: str
    created_at: datetime
    corrections: dict[str, Any] = field(default_factory=dict)
    n: int = 1


def target_exists(store: Store, kind: str, target_id: str) -> bool:
    """True when the store holds the event mention, merged event or quote a review names."""
    return bool(store.scalar(TARGET_QUERY[kind], [target_id]))


def reviews_state(store: Store) -> tuple[int, datetime | None]:
    """How many reviews there are and when the latest was made: changes whenever a review is added."""
    row = store.con.execute("SELECT count(*), max(created_at) FROM reviews").fetchone()
    return (int(row[0]), row[1]) if row else (0, None)


def list_reviews(store: Store, kind: str | None = None, target_id: str | None = None) -> pd.DataFrame:
    """Reviews in time order, optionally for one kind or one target."""
    sql = "SELECT * FROM reviews WHERE (? IS NULL OR target_kind = ?) AND (? IS NULL OR target_id = ?)"
    return store.df(sql + " ORDER BY created_at, review_id", [kind, kind, target_id, target_id])


def load_reviews(store: Store, kind: str) -> dict[str, Review]:
    """The combined review of every reviewed target of one kind."""
    out: dict[str, Review] = {}
    for row in store.rows(
        "SELECT target_id, verdict, corrections, reviewer, created_at FROM reviews "
        "WHERE target_kind = ? ORDER BY created_at, review_id",
        [kind],
    ):
        fixed = from_json(row["corrections"] or None, {})
        current = out.get(row["target_id"])
        if current is None:
            out[row["target_id"]] = Review(row["verdict"], row["reviewer"], row["created_at"], fixed)
            continue
        current.corrections.update(fixed)
        current.verdict = row["verdict"]
        current.reviewer = row["reviewer"]
        current.created_at = row["created_at"]
        current.n += 1
    return out


def _like(original: Any, value: Any) -> Any:
    """Keep a column's representation: JSON text stays JSON text, decoded stays decoded."""
    if isinstance(original, str):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def apply_reviews(df: pd.DataFrame, kind: str, store: Store) -> pd.DataFrame:
    """Add review columns to a frame and override the corrected fields.

    Adds ``reviewed``, ``review_verdict``, ``corrected_by``, ``corrected_at`` and
    ``review_corrections``; rows marked wrong stay in the frame (exports show them)
    and are dropped by the analyses.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown review kind {kind!r}")
    out = df.copy()
    n = len(out)
    out["reviewed"] = [False] * n
    out["review_verdict"] = pd.Series([None] * n, dtype=object, index=out.index)
    out["corrected_by"] = pd.Series([None] * n, dtype=object, index=out.index)
    out["corrected_at"] = pd.Series([None] * n, dtype=object, index=out.index)
    out["review_corrections"] = pd.Series([None] * n, dtype=object, index=out.index)
    id_column = ID_COLUMN[kind]
    if n == 0 or id_column not in out.columns:
        return out
    reviews = load_reviews(store, kind)
    if not reviews:
        return out
    for column in ("type", "quad_name", "date", "date_precision", "speaker_id", "speaker_country"):
        if column in out.columns:
            out[column] = out[column].astype(object)
    for index, target in out[id_column].items():
        review = reviews.get(target)
        if review is None:
            continue
        out.at[index, "reviewed"] = True
        out.at[index, "review_verdict"] = review.verdict
        out.at[index, "corrected_by"] = review.reviewer
        out.at[index, "corrected_at"] = pd.Timestamp(review.created_at).isoformat()
        fixed = review.corrections
        out.at[index, "review_corrections"] = fixed or None
        for name in ("type", "quad", "date", "date_precision"):
            if name in fixed and name in out.columns:
                out.at[index, name] = fixed[name]
        if "quad" in fixed and "quad_name" in out.columns:
            out.at[index, "quad_name"] = QUAD_NAMES[fixed["quad"]]
        for side, keys in (("actors", "actor_keys"), ("recipients", "recipient_keys")):
            if side in fixed and side in out.columns:
                out.at[index, side] = _like(out.at[index, side], fixed[side])
                if keys in out.columns:
                    out.at[index, keys] = _like(out.at[index, keys], sorted({actor_key(a) for a in fixed[side]}))
        if "speaker" in fixed:
            speaker = fixed["speaker"]
            if "speaker" in out.columns:
                out.at[index, "speaker"] = _like(out.at[index, "speaker"], speaker)
            if "speaker_id" in out.columns:
                out.at[index, "speaker_id"] = speaker.get("actor_id")
            if "speaker_country" in out.columns:
                out.at[index, "speaker_country"] = speaker.get("country")
    return out
