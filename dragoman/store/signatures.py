"""Stored near-duplicate signatures made again when they were made another way.

A signature is only comparable with one made by the same hashing, so a store records
which (``meta.near_duplicate_signatures``). A store written before (blake2b shingles and
hand-written 61-bit permutations, no record) or by other settings has every stored
signature made again from the document's text and furniture, and its bands rebuilt, in one
transaction, when an ingest or a reprocess opens it: once, about 14 ms a document of
12,000 characters (measured on 1,000 such documents).
"""

from __future__ import annotations

from dragoman.domain.records import Document
from dragoman.ingest.dedup import SIGNATURE_VERSION, NearDuplicateIndex, body_text
from dragoman.store.db import Store
from dragoman.store.rows import to_json
from dragoman.store.schema import insert_bands

META_KEY = "near_duplicate_signatures"
CHUNK = 500  # documents read at a time, so memory does not grow with the store


def refresh_signatures(store: Store) -> int:
    """Make the stored signatures again if they were made otherwise; returns how many were."""
    if store.scalar("SELECT value FROM meta WHERE key = ?", [META_KEY]) == SIGNATURE_VERSION:
        return 0
    ids = [
        row[0]
        for row in store.con.execute(
            "SELECT doc_id FROM documents WHERE signature IS NOT NULL ORDER BY doc_id"
        ).fetchall()
    ]
    with store.transaction():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            furniture: dict[str, list[tuple[int, int, str]]] = {}
            for doc_id, begin, end, kind in store.con.execute(
                'SELECT doc_id, start, "end", kind FROM furniture WHERE doc_id = ANY(?)', [chunk]
            ).fetchall():
                furniture.setdefault(doc_id, []).append((begin, end, kind))
            texts = store.con.execute("SELECT doc_id, text FROM documents WHERE doc_id = ANY(?)", [chunk]).fetchall()
            store.con.executemany(
                "UPDATE documents SET signature = ? WHERE doc_id = ?",
                [
                    (to_json(NearDuplicateIndex.signature(body_text(_document(doc_id, text, furniture)))), doc_id)
                    for doc_id, text in texts
                ],
            )
        store.con.execute("DELETE FROM near_duplicate_bands")
        store.con.execute(insert_bands("TRUE"))
        store.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [META_KEY, SIGNATURE_VERSION])
    return len(ids)


def _document(doc_id: str, text: str, furniture: dict[str, list[tuple[int, int, str]]]) -> Document:
    return Document(doc_id, "", text, "", "", furniture=sorted(furniture.get(doc_id, [])))
