"""Reading typed records back from the store, for corpus-level stages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from dragoman.domain.records import ActorRef, EventMention, Location, StanceTarget, Statement
from dragoman.store.db import Store
from dragoman.store.rows import actor_from_json, actors_from_json, from_json


def _location(row: dict[str, Any]) -> Location | None:
    if row.get("location_name") is None:
        return None
    data = {k: row.get(f"location_{k}") for k in Location.__dataclass_fields__}
    data["alternatives"] = from_json(data["alternatives"], [])
    return Location.from_dict(data)


def _rows(store: Store, sql: str, params: Sequence[Any] | None) -> Iterator[dict[str, Any]]:
    cursor = store.con.execute(sql, params or [])
    names = [d[0] for d in cursor.description or []]
    while batch := cursor.fetchmany(2000):
        for values in batch:
            yield dict(zip(names, values, strict=True))


def event_mentions(store: Store, where: str = "TRUE") -> Iterator[EventMention]:
    """Event mentions from original documents (near-duplicates carry none)."""
    return event_mentions_from(store, f"SELECT * FROM event_mentions WHERE {where} ORDER BY doc_id, start, id")


def event_mentions_from(store: Store, sql: str, params: Sequence[Any] | None = None) -> Iterator[EventMention]:
    """Event mentions from any query returning event_mentions rows (consume before the next query)."""
    for row in _rows(store, sql, params):
        yield EventMention(
            id=row["id"],
            doc_id=row["doc_id"],
            sentence_index=row["sentence_idx"],
            type=row["type"],
            quad=row["quad"],
            actors=actors_from_json(row["actors"]),
            recipients=actors_from_json(row["recipients"]),
            sentence=row["sentence"],
            start=row["start"],
            end=row["end"],
            extractor=row["extractor"],
            confidence=row["confidence"],
            mode=row["mode"],
            date=row["date"],
            date_end=row["date_end"],
            date_precision=row["date_precision"],
            date_basis=row.get("date_basis") or "none",
            status=row["status"],
            attributed_to=actor_from_json(row["attributed_to"]),
            trigger=row["trigger"],
            event_id=row["event_id"],
            location=_location(row),
        )


def statements(store: Store) -> Iterator[Statement]:
    return statements_from(store, "SELECT * FROM statements ORDER BY doc_id, start, id")


def statements_from(store: Store, sql: str, params: Sequence[Any] | None = None) -> Iterator[Statement]:
    """Statements from any query returning statements rows (consume before the next query)."""
    for row in _rows(store, sql, params):
        targets = [
            StanceTarget(
                actor=ActorRef.from_dict(t["actor"]),
                stance=t["stance"],
                evidence=t["evidence"],
                start=t["start"],
                end=t["end"],
            )
            for t in from_json(row["targets"], [])
        ]
        yield Statement(
            id=row["id"],
            doc_id=row["doc_id"],
            sentence_index=row["sentence_idx"],
            kind=row["kind"],
            speaker=actor_from_json(row["speaker"]),
            speaker_text=row["speaker_text"],
            cue=row["cue"],
            content=row["content"],
            content_start=row["content_start"],
            content_end=row["content_end"],
            start=row["start"],
            end=row["end"],
            extractor=row["extractor"],
            confidence=row["confidence"],
            targets=targets,
            date=row["date"],
            status=row["status"],
            channel=row.get("channel"),
        )
