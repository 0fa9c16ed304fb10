"""Propositions and disputes: the records of the claims layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dragoman.domain.records import ActorRef


@dataclass
class PropositionMember:
    """One source's version of a proposition: an event mention or a statement."""

    kind: str  # event | statement
    member_id: str
    doc_id: str
    status: str
    attributed_to: dict[str, Any] | None
    sentence: str
    start: int
    end: int
    detail: dict[str, Any] = field(default_factory=dict)  # initiator, recipients, date, figures


@dataclass
class Proposition:
    """Event mentions and statements about one thing, across documents."""

    id: str
    key: str
    summary: str
    type: str
    actors: list[ActorRef]
    recipients: list[ActorRef]
    members: list[PropositionMember]
    n_members: int = 0
    n_documents: int = 0


@dataclass
class Dispute:
    """A proposition whose sources disagree, with each competing version and its sources."""

    id: str
    proposition_id: str
    kind: str  # status | initiator | figure | date
    summary: str
    versions: list[dict[str, Any]]
    actor_keys: list[str]
