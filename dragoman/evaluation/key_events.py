"""Recall of hand-coded key events: type, actors, recipients, date and status all right."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dragoman.evaluation.hand_coded import expected_and_stored, in_document
from dragoman.store import Store
from dragoman.store.rows import from_json


@dataclass
class KeyEventResult:
    expected: dict[str, Any]
    found: bool
    nearest: str | None


def _codes(actors: list[dict[str, Any]]) -> set[str]:
    return {code for a in actors for code in (a.get("country"), a.get("org"), a.get("actor_id")) if code}


def _date_ok(expected: str | None, got: str | None) -> bool:
    if expected is None:
        return True
    return got is not None and (got.startswith(expected) or expected.startswith(got))


def check_key_events(store: Store, key_file: Path) -> list[KeyEventResult]:
    expected, rows = expected_and_stored(
        store,
        key_file,
        "SELECT e.type, e.actors, e.recipients, e.date, e.status, e.sentence, d.path "
        "FROM event_mentions e JOIN documents d USING (doc_id)",
    )
    results = []
    for item in expected:
        candidates = [r for r in rows if in_document(r, item["doc"]) and r["type"] == item["type"]]
        found, nearest = False, None
        for row in candidates:
            actors, recipients = _codes(from_json(row["actors"])), _codes(from_json(row["recipients"]))
            # Every coded actor and recipient must be there; extra participants are tolerated.
            if set(item["actors"]) <= actors and set(item.get("recipients") or []) <= recipients:
                nearest = f"{row['date']} {row['status']}: {row['sentence'][:90]}"
                if _date_ok(item.get("date"), row["date"]) and row["status"] == item["status"]:
                    found = True
                    break
        results.append(KeyEventResult(item, found, nearest))
    return results
