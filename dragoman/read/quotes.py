"""Quotes (statements) as the surfaces read them: filtered, with their documents, reviews applied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dragoman.read.documents import like_pattern
from dragoman.read.events import at_least_confidence, in_dates
from dragoman.read.reviews import apply_reviews
from dragoman.store import Store


@dataclass(frozen=True)
class QuoteFilter:
    """What to keep of the quotes; ``None`` means "any". Dates filter on publication."""

    speaker: str | None = None
    doc_id: str | None = None
    text: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_confidence: float | None = None


def find_quotes(store: Store, wanted: QuoteFilter) -> pd.DataFrame:
    """Quotes with their document's title, publisher and date, reviews applied, filtered."""
    pattern = like_pattern(wanted.text)
    df = store.df(
        "SELECT s.*, d.title, d.publisher, d.published FROM statements s JOIN documents d USING (doc_id) "
        "WHERE (? IS NULL OR s.doc_id = ?) AND (? IS NULL OR s.status = ?) "
        "AND (? IS NULL OR upper(?) IN "
        "(upper(s.speaker_id), upper(s.speaker_country), upper(s.speaker_text))) "
        "AND (? IS NULL OR s.content ILIKE '%' || ? || '%' ESCAPE '\\') "
        "ORDER BY d.published NULLS LAST, s.doc_id, s.start",
        [wanted.doc_id, wanted.doc_id, wanted.status, wanted.status, wanted.speaker, wanted.speaker, pattern, pattern],
    )
    df = apply_reviews(df, "quote", store)
    if wanted.date_from or wanted.date_to:
        df = df[df["published"].map(lambda v: in_dates(v, wanted.date_from, wanted.date_to)).astype(bool)]
    if wanted.min_confidence is not None:
        df = at_least_confidence(df, wanted.min_confidence)
    return df


def dated_quotes(store: Store) -> list[dict[str, Any]]:
    """Quotes of original documents with their date (their own, else their document's publication date)."""
    return store.rows(
        "SELECT s.id, s.doc_id, s.speaker, s.content, s.targets, s.cue, coalesce(s.date, d.published) AS date, "
        "d.title, d.publisher FROM statements s JOIN documents d USING (doc_id) WHERE d.duplicate_of IS NULL"
    )
