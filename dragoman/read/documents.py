"""Documents: listed, looked up as the sources of records, and read whole with their spans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dragoman.read.reviews import apply_reviews
from dragoman.store import Store

LISTED = "doc_id, path, title, author, publisher, published, url, source_format, duplicate_of, n_chars, ingested_at"
SOURCE_COLUMNS = frozenset({"doc_id", "path", "title", "author", "publisher", "published", "url"})


@dataclass(frozen=True)
class DocumentRead:
    """A document's stored fields with its sentences, furniture, event mentions and quotes (reviews applied)."""

    document: dict[str, Any]
    sentences: pd.DataFrame
    furniture: pd.DataFrame
    events: pd.DataFrame
    quotes: pd.DataFrame


def like_pattern(value: str | None) -> str | None:
    """Text for ``ILIKE '%' || ? || '%' ESCAPE '\\'``: its wildcards and escapes taken literally."""
    if value is None:
        return None
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_documents(store: Store, publisher: str | None = None, title: str | None = None) -> pd.DataFrame:
    """Documents by publication date, optionally of one publisher or with a title holding some text."""
    pattern = like_pattern(title)
    return store.df(
        f"SELECT {LISTED} FROM documents WHERE (? IS NULL OR lower(publisher) = lower(?)) "
        "AND (? IS NULL OR title ILIKE '%' || ? || '%' ESCAPE '\\') "
        "ORDER BY published NULLS LAST, doc_id",
        [publisher, publisher, pattern, pattern],
    )


def recent_documents(store: Store, limit: int) -> pd.DataFrame:
    """The most recently published original documents (near-duplicates left out)."""
    return store.df(
        "SELECT doc_id, title, author, publisher, published, url FROM documents WHERE duplicate_of IS NULL "
        "ORDER BY published DESC NULLS LAST, doc_id LIMIT ?",
        [limit],
    )


def documents_by_id(store: Store, columns: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Every document's source fields (``columns``, which must include ``doc_id``), by id."""
    unknown = set(columns) - SOURCE_COLUMNS
    if unknown or "doc_id" not in columns:
        raise ValueError(f"source columns are among {sorted(SOURCE_COLUMNS)} and include doc_id")
    return {r["doc_id"]: r for r in store.rows(f"SELECT {', '.join(columns)} FROM documents")}


def read_document(store: Store, doc_id: str) -> DocumentRead | None:
    """One document with everything found in it; ``None`` when there is no such document."""
    rows = store.rows("SELECT * EXCLUDE (signature) FROM documents WHERE doc_id = ?", [doc_id])
    if not rows:
        return None
    sentences = store.df('SELECT idx, start, "end", furniture FROM sentences WHERE doc_id = ? ORDER BY idx', [doc_id])
    furniture = store.df('SELECT start, "end", kind FROM furniture WHERE doc_id = ? ORDER BY start', [doc_id])
    events = apply_reviews(
        store.df(
            "SELECT id, event_id, sentence_idx, type, quad, actors, recipients, date, status, "
            'start, "end", date_basis FROM event_mentions WHERE doc_id = ? ORDER BY start',
            [doc_id],
        ),
        "event",
        store,
    )
    quotes = apply_reviews(
        store.df(
            "SELECT id, sentence_idx, kind, speaker, speaker_text, cue, content, content_start, "
            'content_end, start, "end", status, channel FROM statements WHERE doc_id = ? ORDER BY start',
            [doc_id],
        ),
        "quote",
        store,
    )
    return DocumentRead(rows[0], sentences, furniture, events, quotes)
