"""Turning typed records into table rows (and the JSON inside them)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, is_dataclass
from typing import Any

from dragoman.domain.identity import actor_key
from dragoman.domain.records import ActorRef, Document, EventMention, Location, Mention, ProcessedDocument, Statement


def to_json(value: Any) -> str | None:
    """JSON text for a record field; dataclasses become objects."""
    if value is None:
        return None
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, allow_nan=False)


def from_json(value: Any, default: Any = None) -> Any:
    """A JSON column's value: text is decoded, NULL gives ``default``, a decoded value is kept.

    The one decoder of the store's JSON columns (actors, targets, members, signatures, meta).
    """
    if value is None:
        return default
    if isinstance(value, str):
        return json.loads(value)
    return value


def actors_from_json(value: Any) -> list[ActorRef]:
    """The actors of a JSON actor-list column."""
    return [ActorRef.from_dict(a) for a in from_json(value, [])]


def actor_from_json(value: Any) -> ActorRef | None:
    """The actor of a JSON actor column; None when empty."""
    data = from_json(value)
    return ActorRef.from_dict(data) if data else None


def _plain(value: Any) -> Any:
    """Plain JSON values; NaN and infinities (which JSONL input may hold) become null, as strict JSON has neither."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def document_row(doc: Document, components: list[str], ingested_at: Any, signature: Any) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "title": doc.title,
        "author": doc.author,
        "publisher": doc.publisher,
        "published": doc.published,
        "url": doc.url,
        "source_format": doc.source_format,
        "content_hash": doc.content_hash,
        "duplicate_of": doc.duplicate_of,
        "n_chars": len(doc.text),
        "text": doc.text,
        "meta": to_json(doc.meta),
        "components": to_json(components),
        "ingested_at": ingested_at,
        "signature": to_json(signature),
        "language": doc.language,
    }


def mention_row(m: Mention, furniture: bool) -> dict[str, Any]:
    a = m.actor
    return {
        "mention_id": m.mention_id,
        "doc_id": m.doc_id,
        "sentence_idx": m.sentence_index,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "method": m.method,
        "label": m.label,
        "resolved": a is not None,
        "actor_id": a.actor_id if a else None,
        "name": a.name if a else None,
        "country": a.country if a else None,
        "org": a.org if a else None,
        "kb_id": a.kb_id if a else None,
        "sector": a.sector if a else None,
        "kind": a.kind if a else None,
        "role": a.role if a else None,
        "furniture": furniture,
        "component": m.component,
    }


def event_mention_row(e: EventMention) -> dict[str, Any]:
    return {
        "id": e.id,
        "doc_id": e.doc_id,
        "sentence_idx": e.sentence_index,
        "type": e.type,
        "mode": e.mode,
        "quad": e.quad,
        "actors": to_json(e.actors),
        "recipients": to_json(e.recipients),
        "actor_keys": to_json(sorted({actor_key(a) for a in e.actors})),
        "recipient_keys": to_json(sorted({actor_key(a) for a in e.recipients})),
        "date": e.date,
        "date_end": e.date_end,
        "date_precision": e.date_precision,
        "date_basis": e.date_basis,
        "status": e.status,
        "attributed_to": to_json(e.attributed_to),
        "negated": False,  # column kept for stores already written; nothing is stored negated
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "trigger": e.trigger,
        "extractor": e.extractor,
        "confidence": e.confidence,
        "event_id": e.event_id,
        **location_columns(e.location),
    }


def location_columns(location: Location | None) -> dict[str, Any]:
    """The location_* columns of an event mention (all NULL when it has no location)."""
    if location is None:
        return {f"location_{k}": None for k in Location.__dataclass_fields__}
    return {f"location_{k}": (to_json(v) if k == "alternatives" else v) for k, v in location.to_dict().items()}


def statement_row(s: Statement) -> dict[str, Any]:
    return {
        "id": s.id,
        "doc_id": s.doc_id,
        "sentence_idx": s.sentence_index,
        "kind": s.kind,
        "speaker": to_json(s.speaker),
        "speaker_id": (s.speaker.actor_id if s.speaker else None),
        "speaker_country": (s.speaker.country if s.speaker else None),
        "speaker_text": s.speaker_text,
        "cue": s.cue,
        "content": s.content,
        "content_start": s.content_start,
        "content_end": s.content_end,
        "start": s.start,
        "end": s.end,
        "targets": to_json(s.targets),
        "date": s.date,
        "status": s.status,
        "extractor": s.extractor,
        "confidence": s.confidence,
        "channel": s.channel,
    }


def processed_rows(result: ProcessedDocument) -> dict[str, list[dict[str, Any]]]:
    """Rows of every per-document table for one processed document."""
    doc = result.document
    return {
        "furniture": [{"doc_id": doc.doc_id, "start": s, "end": e, "kind": k} for s, e, k in doc.furniture],
        "sentences": [
            {
                "doc_id": s.doc_id,
                "idx": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "furniture": s.furniture,
            }
            for s in result.sentences
        ],
        "mentions": [mention_row(m, doc.is_furniture(m.start, m.end)) for m in result.mentions],
        "event_mentions": [event_mention_row(e) for e in result.events],
        "statements": [statement_row(s) for s in result.statements],
    }


def batch_rows(
    results: Sequence[ProcessedDocument], signatures: Mapping[str, Any], ingested_at: Any
) -> dict[str, list[dict[str, Any]]]:
    """Rows of the documents table and every per-document table for a batch, in input order."""
    tables: dict[str, list[dict[str, Any]]] = {"documents": []}
    for result in results:
        doc = result.document
        components = [str(c) for c in result.components]
        tables["documents"].append(document_row(doc, components, ingested_at, signatures.get(doc.doc_id)))
        for name, rows in processed_rows(result).items():
            tables.setdefault(name, []).extend(rows)
    return tables
