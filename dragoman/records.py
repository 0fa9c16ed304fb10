"""Kept for imports written before ``dragoman.domain``: the records live in ``dragoman.domain.records``."""

from dragoman.domain.records import (
    ActorRef,
    Component,
    DateBasis,
    DatePrecision,
    Document,
    EventMention,
    IngestError,
    Location,
    Mention,
    ProcessedDocument,
    Sentence,
    Stance,
    StanceTarget,
    Statement,
    Status,
)

__all__ = [
    "ActorRef",
    "Component",
    "DateBasis",
    "DatePrecision",
    "Document",
    "EventMention",
    "IngestError",
    "Location",
    "Mention",
    "ProcessedDocument",
    "Sentence",
    "Stance",
    "StanceTarget",
    "Statement",
    "Status",
]
