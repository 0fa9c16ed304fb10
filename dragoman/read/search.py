"""Full-text search over sentences and quotes, with facets, paginated.

Every word of the query must occur (case-insensitive substring match, ``ILIKE``
with parameterised, escaped patterns).  The store is opened read-only by the API,
so a DuckDB FTS index (which must be written into the file) is not used; on the
corpus sizes dragoman targets a scan of the sentences takes milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dragoman.store import Store

MAX_PAGE_SIZE = 500
MAX_TERMS = 12
KINDS = ("sentence", "quote")


@dataclass
class SearchQuery:
    """A search: words plus facets; ``None`` means "any"."""

    q: str = ""
    kind: str | None = None
    actor: str | None = None
    type: str | None = None
    quad: int | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    doc_id: str | None = None
    publisher: str | None = None
    page: int = 1
    page_size: int = 50


@dataclass
class SearchResult:
    total: int
    page: int
    page_size: int
    results: pd.DataFrame
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def terms(q: str) -> list[str]:
    """The words of a query (quoted phrases kept whole), at most MAX_TERMS."""
    found = [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', q or "")]
    return [t for t in found if t.strip()][:MAX_TERMS]


def _pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


HITS = """
    SELECT 'sentence' AS kind, s.doc_id, s.idx AS sentence_idx, s.start, s."end", s.text,
           NULL AS quote_id, NULL AS speaker, NULL AS quote_status, NULL AS speaker_id,
           NULL AS speaker_country
    FROM sentences s WHERE NOT s.furniture
    UNION ALL
    SELECT 'quote', q.doc_id, q.sentence_idx, q.start, q."end", q.content,
           q.id, coalesce(q.speaker_text, q.speaker_id), q.status, q.speaker_id, q.speaker_country
    FROM statements q
"""


def _where(query: SearchQuery) -> tuple[str, list[Any]]:
    clauses = ["d.duplicate_of IS NULL"]
    params: list[Any] = []
    for term in terms(query.q):
        clauses.append("h.text ILIKE ? ESCAPE '\\'")
        params.append(_pattern(term))
    if query.kind:
        clauses.append("h.kind = ?")
        params.append(query.kind)
    if query.doc_id:
        clauses.append("h.doc_id = ?")
        params.append(query.doc_id)
    if query.publisher:
        clauses.append("lower(d.publisher) = lower(?)")
        params.append(query.publisher)
    if query.date_from:
        clauses.append("d.published >= ?")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("substr(d.published, 1, ?) <= ?")
        params.extend([len(query.date_to), query.date_to])
    if query.actor:
        clauses.append(
            "(upper(?) IN (upper(h.speaker_id), upper(h.speaker_country)) "
            "OR EXISTS (SELECT 1 FROM mentions mm WHERE mm.doc_id = h.doc_id "
            "AND mm.sentence_idx = h.sentence_idx AND upper(?) IN "
            "(upper(mm.actor_id), upper(mm.country), upper(mm.org), upper(mm.kb_id), upper(mm.name))))"
        )
        params.extend([query.actor, query.actor])
    exists = (
        "EXISTS (SELECT 1 FROM event_mentions em WHERE em.doc_id = h.doc_id "
        "AND em.sentence_idx = h.sentence_idx AND {})"
    )
    if query.type or query.quad is not None:
        event_type = query.type.upper() if query.type else None
        clauses.append(exists.format("(? IS NULL OR em.type = ?) AND (? IS NULL OR em.quad = ?)"))
        params.extend([event_type, event_type, query.quad, query.quad])
    if query.status:
        # a quote matches on its own status, a sentence on the status of its events
        clauses.append(
            "((h.kind = 'quote' AND h.quote_status = ?) OR (h.kind = 'sentence' AND "
            + exists.format("em.status = ?")
            + "))"
        )
        params.extend([query.status, query.status])
    return " AND ".join(clauses), params


def search(store: Store, query: SearchQuery) -> SearchResult:
    """Matching sentences and quotes, newest documents first, with facet counts."""
    page_size = max(1, min(int(query.page_size), MAX_PAGE_SIZE))
    page = max(1, int(query.page))
    where, params = _where(query)
    base = f"FROM ({HITS}) h JOIN documents d USING (doc_id) WHERE {where}"
    total = int(store.scalar(f"SELECT count(*) {base}", params) or 0)
    results = store.df(
        'SELECT h.kind, h.doc_id, h.sentence_idx, h.start, h."end", h.text, h.quote_id, h.speaker, '
        f"d.title, d.publisher, d.published {base} "
        "ORDER BY d.published DESC NULLS LAST, h.doc_id, h.start, h.kind LIMIT ? OFFSET ?",
        [*params, page_size, (page - 1) * page_size],
    )
    facets = {
        "kind": {r["k"]: r["n"] for r in store.rows(f"SELECT h.kind AS k, count(*) AS n {base} GROUP BY 1", params)},
        "publisher": {
            r["k"]: r["n"]
            for r in store.rows(
                f"SELECT coalesce(d.publisher, '?') AS k, count(*) AS n {base} GROUP BY 1 ORDER BY n DESC LIMIT 20",
                params,
            )
        },
        "type": {
            r["k"]: r["n"]
            for r in store.rows(
                "SELECT em.type AS k, count(DISTINCT h.doc_id || ':' || h.sentence_idx) AS n "
                f"FROM ({HITS}) h JOIN documents d USING (doc_id) JOIN event_mentions em "
                f"ON em.doc_id = h.doc_id AND em.sentence_idx = h.sentence_idx WHERE {where} "
                "GROUP BY 1 ORDER BY n DESC",
                params,
            )
        },
    }
    return SearchResult(total, page, page_size, results, facets)
