"""Analysts' reviews: verdicts and corrections checked and stored apart from machine output.

Reviews live in the ``reviews`` table, keyed by the target's deterministic id, so
they survive re-ingest and re-extraction.  This module writes them; the read layer
(``dragoman.read.reviews``) combines and applies them wherever data is read out.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any

from dragoman.analysis.plover import quad_of
from dragoman.domain.dates import PartialDate
from dragoman.domain.errors import PartialDateError
from dragoman.read.actors import known_actor
from dragoman.read.reviews import KINDS, target_exists
from dragoman.store import Store

VERDICTS: tuple[str, ...] = ("right", "wrong", "corrected")
FIELDS: dict[str, tuple[str, ...]] = {
    "event": ("type", "date", "actors", "recipients"),
    "merged_event": ("type", "date", "actors", "recipients"),
    "quote": ("speaker", "date"),
}


class ReviewError(ValueError):
    """A review that cannot be stored, with a one-line reason."""


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
    known = known_actor(store, key)
    if known is not None:
        return {**known, "role": None}
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
    if not target_exists(store, kind, target_id):
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
