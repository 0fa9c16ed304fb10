"""`dragoman check`: does the store hold together? Every row has its document, every offset reads back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dragoman.store.db import Store, StoreError
from dragoman.store.schema import DOCUMENT_TABLES, SCHEMA_VERSION


@dataclass(frozen=True)
class Problem:
    table: str
    message: str

    def __str__(self) -> str:
        return f"{self.table}: {self.message}"


# (table, SQL counting bad rows, what is wrong with them)
CHECKS: tuple[tuple[str, str, str], ...] = (
    *(
        (
            table,
            f'SELECT count(*) FROM "{table}" t WHERE t.doc_id NOT IN (SELECT doc_id FROM documents)',
            "rows whose document is missing",
        )
        for table in DOCUMENT_TABLES
    ),
    ("documents", "SELECT count(*) - count(DISTINCT doc_id) FROM documents", "duplicate document ids"),
    ("documents", "SELECT count(*) - count(DISTINCT content_hash) FROM documents", "duplicate content hashes"),
    ("documents", "SELECT count(*) FROM documents WHERE n_chars <> length(text)", "stored length differs from text"),
    (
        "documents",
        "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL AND duplicate_of NOT IN "
        "(SELECT doc_id FROM documents)",
        "near-duplicates whose twin is missing",
    ),
    (
        "sentences",
        "SELECT count(*) FROM sentences s JOIN documents d USING (doc_id) "
        'WHERE substr(d.text, s.start + 1, s."end" - s.start) <> s.text',
        "sentence text does not match offsets",
    ),
    (
        "mentions",
        "SELECT count(*) FROM mentions m JOIN documents d USING (doc_id) "
        'WHERE substr(d.text, m.start + 1, m."end" - m.start) <> m.text',
        "mention text does not match offsets",
    ),
    (
        "event_mentions",
        "SELECT count(*) FROM event_mentions e JOIN documents d USING (doc_id) "
        'WHERE substr(d.text, e.start + 1, e."end" - e.start) <> e.sentence',
        "sentence does not match offsets",
    ),
    (
        "statements",
        "SELECT count(*) FROM statements s JOIN documents d USING (doc_id) "
        "WHERE substr(d.text, s.content_start + 1, s.content_end - s.content_start) <> s.content",
        "content does not match offsets",
    ),
    ("event_mentions", "SELECT count(*) - count(DISTINCT id) FROM event_mentions", "duplicate ids"),
    ("statements", "SELECT count(*) - count(DISTINCT id) FROM statements", "duplicate ids"),
    (
        "events",
        "SELECT count(*) FROM event_mentions WHERE event_id IS NOT NULL AND event_id NOT IN "
        "(SELECT event_id FROM events)",
        "mentions pointing to a missing merged event",
    ),
)


def check(path: Path) -> list[Problem]:
    """Every problem found; an empty list means the store is sound."""
    try:
        store = Store(path, read_only=True)
    except StoreError as exc:
        return [Problem("store", str(exc))]
    problems: list[Problem] = []
    with store:
        version = store.schema_version()
        if version != SCHEMA_VERSION:
            problems.append(Problem("meta", f"schema v{version}, expected v{SCHEMA_VERSION}"))
        if version == 0:
            return problems  # no dragoman tables to check (a DuckDB file made elsewhere)
        for table, sql, what in CHECKS:
            bad = store.scalar(sql)
            if bad:
                problems.append(Problem(table, f"{bad} {what}"))
    return problems
