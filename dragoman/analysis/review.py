"""Analysts' reviews: verdicts and corrections stored apart from machine output.

Reviews live in the ``reviews`` table, keyed by the target's deterministic id, so
they survive re-ingest and re-extraction.  Several reviews of one target add up
in time order: corrections accumulate (a later value of a field wins) and the
latest verdict stands.  ``apply_reviews`` lays them over any frame of event
mentions, merged events or quotes; exports call it, so corrections go out with
who made them and when.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from dragoman.analysis.plover import QUAD_NAMES, quad_of
from dragoman.domain.dates import PartialDate
from dragoman.domain.errors import PartialDateError
from dragoman.domain.identity import actor_key
from dragoman.store import Store
from dragoman.store.rows import from_json

KINDS: tuple[str, ...] = ("event", "merged_event", "quote")
VERDICTS: tuple[str, ...] = ("right", "wrong", "corrected")
FIELDS: dict[str, tuple[str, ...]] = {
    "event": ("type", "date", "actors", "recipients"),
    "merged_event": ("type", "date", "actors", "recipients"),
    "quote": ("speaker", "date"),
}
ID_COLUMN = {"event": "id", "merged_event": "event_id", "quote": "id"}
TARGET_QUERY = {
    "event": "SELECT count(*) FROM event_mentions WHERE id = ?",
    "merged_event": "SELECT count(*) FROM events WHERE event_id = ?",
    "quote": "SELECT count(*) FROM statements WHERE id = ?",
}


class ReviewError(ValueError):
    """A review that cannot be stored, with a one-line reason."""


@dataclass
class Review:
    """The combined effect of all reviews of one target."""

    verdict: str
    reviewer: str
    created_at: datetime
    corrections: dict[str, Any] = field(default_factory=dict)
    n: int = 1


def parse_date(value: str) -> tuple[str, str]:
    """Check a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date; return it with its precision."""
    try:
        parsed = PartialDate.parse(value)
    except PartialDateError as exc:
        raise ReviewError(str(exc)) from None
    return value.strip(), parsed.precision


def resolve_actor(store: Store, key: str) -> dict[str, Any]:
    """An actor dict for a key typed by an analyst: a known actor id, an ISO3 code or a name."""
    key = key.strip()
    if not key or len(key) > 200:
        raise ReviewError("an actor must be a non-empty id, ISO3 code or name (at most 200 characters)")
    rows = store.rows(
        "SELECT actor_id, name, country, org, kb_id, sector, kind FROM actors WHERE actor_id = ? OR kb_id = ? LIMIT 1",
        [key, key],
    )
    if rows:
        return {**rows[0], "role": None}
    if re.fullmatch(r"[A-Z]{3}", key):
        return {"name": key, "actor_id": key, "country": key, "org": None, "kb_id": None,
                "sector": None, "kind": "state", "role": None}  # fmt: skip
    return {"name": key, "actor_id": None, "country": None, "org": None, "kb_id": None,
            "sector": None, "kind": None, "role": None}  # fmt: skip


def make_corrections(store: Store, kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """Validate corrected fields for a kind of target and normalise them for storage."""
    allowed = FIELDS[kind]
    out: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:
            continue
        if name not in allowed:
            raise ReviewError(f"a {kind} review cannot correct {name!r} (only {', '.join(allowed)})")
        if name == "type":
            event_type = str(value).strip().upper()
            try:
                out["quad"] = quad_of(event_type)
            except ValueError as exc:
                raise ReviewError(str(exc)) from None
            out["type"] = event_type
        elif name == "date":
            out["date"], out["date_precision"] = parse_date(str(value))
        elif name in {"actors", "recipients"}:
            keys = [value] if isinstance(value, str) else list(value)
            if not keys or len(keys) > 20:
                raise ReviewError(f"{name}: give between 1 and 20 actors")
            out[name] = [resolve_actor(store, str(k)) for k in keys]
        elif name == "speaker":
            out["speaker"] = resolve_actor(store, str(value))
    return out


def review_id(kind: str, target_id: str, reviewer: str, created_at: datetime) -> str:
    raw = f"{kind}\x1f{target_id}\x1f{reviewer}\x1f{created_at.isoformat()}"
    return "rv_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def add_review(
    store: Store,
    kind: str,
    target_id: str,
    verdict: str | None,
    reviewer: str,
    corrections: dict[str, Any] | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Store one review; a correction without a verdict is a ``corrected`` verdict."""
    if kind not in KINDS:
        raise ReviewError(f"unknown review target {kind!r} (one of {', '.join(KINDS)})")
    reviewer = (reviewer or "").strip()
    if not reviewer or len(reviewer) > 100:
        raise ReviewError("give the reviewer's name (at most 100 characters)")
    if note is not None and len(note) > 2000:
        raise ReviewError("a note is at most 2000 characters")
    fixed = make_corrections(store, kind, corrections or {})
    verdict = verdict or ("corrected" if fixed else None)
    if verdict not in VERDICTS:
        raise ReviewError("give a verdict (right, wrong) or a correction")
    if verdict == "corrected" and not fixed:
        raise ReviewError("a 'corrected' verdict needs at least one corrected field")
    if not store.scalar(TARGET_QUERY[kind], [target_id]):
        raise LookupError(f"no {kind} with id {target_id!r} in the store")
    created_at = datetime.now(UTC).replace(tzinfo=None)
    row = {
        "review_id": review_id(kind, target_id, reviewer, created_at),
        "target_kind": kind,
        "target_id": target_id,
        "verdict": verdict,
        "corrections": json.dumps(fixed, ensure_ascii=False, sort_keys=True) if fixed else None,
        "note": note,
        "reviewer": reviewer,
        "created_at": created_at,
    }
    store.con.execute(
        "INSERT INTO reviews (review_id, target_kind, target_id, verdict, corrections, note, reviewer, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [row[k] for k in ("review_id", "target_kind", "target_id", "verdict", "corrections", "note",
                          "reviewer", "created_at")],
    )  # fmt: skip
    return {**row, "corrections": fixed, "created_at": created_at.isoformat()}


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
