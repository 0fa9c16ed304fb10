"""Speaker accuracy on hand-coded attributed statements: each must be found with the right speaker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dragoman.evaluation.hand_coded import expected_and_stored, in_document
from dragoman.quotes.marks import quote_spans
from dragoman.store import Store


@dataclass
class KeyQuoteResult:
    expected: dict[str, Any]
    found: bool
    got: list[str]


def speaker_matches(spec: str, row: dict[str, Any]) -> bool:
    """An actor id matches itself; a country code matches an unnamed speaker of that country
    ("Iran's ambassador") or one of its institutions; ``~Name`` matches an unresolved speaker by name."""
    actor_id, country = row["speaker_id"], row["speaker_country"]
    if spec.startswith("~"):
        return spec[1:].lower() in (row["speaker_text"] or "").lower()
    if spec == actor_id:
        return True
    return spec == country and (actor_id is None or actor_id.startswith(spec + "."))


def pieces(text: str, row: dict[str, Any]) -> int:
    """How many quoted pieces a statement holds: a quote split by its cue ("“...,” he said, “...”")
    is one statement that answers for each of its pieces."""
    start, end = row["content_start"], row["content_end"]
    inside = [q for q in quote_spans(text) if start <= q.start and q.end <= end + 1]
    return max(1, len(inside))


def check_key_quotes(store: Store, key_file: Path) -> list[KeyQuoteResult]:
    """Each expected item (doc prefix, cue word, speaker, how many) against the stored statements.

    An item with ``count: 2`` (two quoted pieces under one cue) is two checks.
    """
    expected, rows = expected_and_stored(
        store,
        key_file,
        "SELECT s.cue, s.speaker_id, s.speaker_country, s.speaker_text, d.path, "
        "s.content_start, s.content_end, d.doc_id "
        "FROM statements s JOIN documents d USING (doc_id)",
    )
    texts = {r["doc_id"]: r["text"] for r in store.rows("SELECT doc_id, text FROM documents")}
    results = []
    for item in expected:
        candidates = [r for r in rows if in_document(r, item["doc"]) and r["cue"].lower() == item["cue"].lower()]
        right = sum(pieces(texts[r["doc_id"]], r) for r in candidates if speaker_matches(item["speaker"], r))
        got = [r["speaker_id"] or r["speaker_text"] or "?" for r in candidates]
        for index in range(item.get("count", 1)):
            results.append(KeyQuoteResult(item, index < right, got))
    return results
