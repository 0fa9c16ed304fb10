"""Grouping event mentions and statements into propositions, and finding where sources disagree."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from dragoman.claims.model import Dispute, Proposition, PropositionMember
from dragoman.domain import identity
from dragoman.domain.dates import compatible as dates_compatible
from dragoman.domain.ontology import DIRECTED_MODES, RECIPROCAL_TYPES
from dragoman.domain.records import ActorRef, Document, EventMention, Statement

NAME = "claims.grouping"
VERSION = "1.3"

# Statuses that take a side on whether something happened.
SIDED = ("asserted", "alleged", "denied")
MONEY = re.compile(
    r"(?:US)?\$\s?(\d+(?:[.,]\d+)?)\s*(trillion|billion|bn|million|m)\b"
    r"|(\d+(?:\.\d+)?)\s*(trillion|billion|million) dollars",
    re.I,
)
SCALE = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6}


def actor_key(actor: ActorRef) -> str:
    """Claims compare states: a person or ministry counts for its country."""
    return identity.actor_key(actor, level="country")


def figures(text: str) -> list[float]:
    """Money amounts in a sentence, in dollars."""
    found = []
    for match in MONEY.finditer(text):
        number = match.group(1) or match.group(3)
        unit = (match.group(2) or match.group(4)).lower()
        found.append(float(number.replace(",", "")) * SCALE[unit])
    return found


GroupKey = tuple[str, str, tuple[str, ...]]


def group_key(event_type: str, mode: str | None, actors: list[ActorRef], recipients: list[ActorRef]) -> GroupKey | None:
    """The proposition group of an event: (type, mode, participants); None for a one-sided event.

    An event is between two sides when it has a recipient, or two actors of an undirected
    type ("trade between A and B"); "Iran mobilised" is not a claim about a relation.
    """
    actor_keys = {actor_key(a) for a in actors}
    if not recipients and not (event_type in RECIPROCAL_TYPES and len(actor_keys) >= 2):
        return None
    recipient_keys = {actor_key(a) for a in recipients}
    if event_type in RECIPROCAL_TYPES:
        participants: tuple[str, ...] = tuple(sorted(actor_keys | recipient_keys))
    else:
        participants = ("+".join(sorted(actor_keys)), "+".join(sorted(recipient_keys)))
    return (event_type, mode or "", participants)


def _digest(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _member(event: EventMention) -> PropositionMember:
    return PropositionMember(
        kind="event",
        member_id=event.id,
        doc_id=event.doc_id,
        status=event.status,
        attributed_to=asdict(event.attributed_to) if event.attributed_to else None,
        sentence=event.sentence,
        start=event.start,
        end=event.end,
        detail={
            "initiators": sorted({actor_key(a) for a in event.actors}),
            "recipients": sorted({actor_key(a) for a in event.recipients}),
            "date": event.date,
            "date_end": event.date_end,
            "date_precision": event.date_precision,
            "figures": figures(event.sentence),
        },
    )


def _clusters(events: list[EventMention]) -> list[list[EventMention]]:
    """Greedy date clustering: dated mentions first, undated ones join the biggest cluster.

    A range ("since August 2022") and a date inside it are one cluster, so sources that date the
    same supply differently still meet in one proposition."""
    dated = sorted((e for e in events if e.date), key=lambda e: (e.date or "", e.doc_id, e.id))
    clusters: list[list[EventMention]] = []
    for event in dated:
        for cluster in clusters:
            if all(
                dates_compatible(event.date, other.date, a_end=event.date_end, b_end=other.date_end)
                for other in cluster
            ):
                cluster.append(event)
                break
        else:
            clusters.append([event])
    undated = [e for e in events if not e.date]
    if undated:
        if clusters:
            max(clusters, key=len).extend(undated)
        else:
            clusters.append(undated)
    return clusters


def build_claims(
    events: Iterable[EventMention],
    statements: Iterable[Statement],
    documents: Mapping[str, Document] | None = None,
) -> tuple[list[Proposition], list[Dispute]]:
    """Propositions across documents and the disputes among their members."""
    groups: dict[GroupKey, list[EventMention]] = defaultdict(list)
    for event in events:
        group = group_key(event.type, event.mode, event.actors, event.recipients)
        if group is not None:
            groups[group].append(event)

    by_sentence: dict[tuple[str, int], list[Statement]] = defaultdict(list)
    for statement in statements:
        by_sentence[(statement.doc_id, statement.sentence_index)].append(statement)

    propositions: list[Proposition] = []
    disputes: list[Dispute] = []
    for (event_type, mode, participants), members in sorted(groups.items()):
        for cluster in _clusters(members):
            cluster.sort(key=lambda e: (e.doc_id, e.start, e.id))
            first = cluster[0]
            dates = sorted({e.date for e in cluster if e.date})
            key = f"{event_type}|{mode}|{'|'.join(participants)}|{dates[0] if dates else ''}"
            proposition_id = "p" + _digest(key, *(e.id for e in cluster))
            prop_members = [_member(e) for e in cluster]
            for event in cluster:
                for statement in by_sentence.get((event.doc_id, event.sentence_index), []):
                    prop_members.append(_statement_member(statement))
            summary = _summary(event_type, mode, first, dates)
            proposition = Proposition(
                id=proposition_id,
                key=key,
                summary=summary,
                type=event_type,
                actors=first.actors,
                recipients=first.recipients,
                members=prop_members,
                n_members=len(prop_members),
                n_documents=len({m.doc_id for m in prop_members}),
            )
            propositions.append(proposition)
            keys = sorted({k for part in participants for k in part.split("+")})
            disputes.extend(find_disputes(proposition, keys, mode))
    return propositions, disputes


def _statement_member(statement: Statement) -> PropositionMember:
    denied = (statement.cue or "").lower().startswith(("den", "reject", "dismiss"))
    return PropositionMember(
        kind="statement",
        member_id=statement.id,
        doc_id=statement.doc_id,
        status="denied" if denied else statement.status,
        attributed_to=asdict(statement.speaker) if statement.speaker else None,
        sentence=statement.content,
        start=statement.content_start,
        end=statement.content_end,
        detail={},
    )


def _summary(event_type: str, mode: str, first: EventMention, dates: list[str]) -> str:
    actors = ", ".join(a.name for a in first.actors) or "?"
    recipients = ", ".join(a.name for a in first.recipients)
    when = f" ({dates[0]}{'…' + dates[-1] if len(dates) > 1 else ''})" if dates else ""
    what = f"{event_type}{' ' + mode if mode else ''}"
    return f"{actors} {what}{' → ' + recipients if recipients else ''}{when}"


def _source(member: PropositionMember) -> dict[str, Any]:
    return {
        "doc_id": member.doc_id,
        "member_id": member.member_id,
        "kind": member.kind,
        "status": member.status,
        "attributed_to": member.attributed_to,
        "sentence": member.sentence,
        "start": member.start,
        "end": member.end,
    }


def _versions(values: dict[str, list[PropositionMember]]) -> list[dict[str, Any]]:
    return [{"value": value, "sources": [_source(m) for m in members]} for value, members in sorted(values.items())]


def _disagreement(values: dict[str, list[PropositionMember]]) -> bool:
    """Two or more versions, told by at least two different documents."""
    if len(values) < 2:
        return False
    documents = {m.doc_id for members in values.values() for m in members}
    return len(documents) >= 2


def _contested(status: dict[str, list[PropositionMember]], actor_keys: list[str]) -> bool:
    """A denial against a report, or a third party's allegation against an assertion.

    A party's own account ("according to the Kremlin's readout") beside a plain report of the
    same event is attribution, not disagreement.
    """
    if "denied" in status:
        return True
    third_party = [
        m
        for m in status.get("alleged", [])
        if not m.attributed_to or (m.attributed_to.get("country") or m.attributed_to.get("actor_id")) not in actor_keys
    ]
    return bool(third_party)


def find_disputes(proposition: Proposition, actor_keys: list[str], mode: str) -> list[Dispute]:
    """Status, initiator, figure and date disagreements among a proposition's members.

    Who initiated is disputed only where the text tells a direction: not for a reciprocal type,
    whose parties' order is only the order they are named in, unless its mode tells who
    travelled, hosted or called."""
    events = [m for m in proposition.members if m.kind == "event"]
    found: list[Dispute] = []

    status: dict[str, list[PropositionMember]] = defaultdict(list)
    for member in events:  # statements in the same sentences add context, not votes
        if member.status in SIDED:
            status[member.status].append(member)
    if _disagreement(status) and _contested(status, actor_keys):
        found.append(
            _dispute(
                proposition, "status", f"{proposition.summary}: " + " vs ".join(sorted(status)), status, actor_keys
            )
        )

    initiator: dict[str, list[PropositionMember]] = defaultdict(list)
    directed = proposition.type not in RECIPROCAL_TYPES or mode in DIRECTED_MODES
    for member in events if directed else []:
        if member.detail["initiators"] and member.detail["recipients"]:
            direction = f"{'+'.join(member.detail['initiators'])} → {'+'.join(member.detail['recipients'])}"
            initiator[direction].append(member)
    if _disagreement(initiator):
        found.append(_dispute(proposition, "initiator", f"who initiated: {proposition.summary}", initiator, actor_keys))

    amounts: dict[str, list[PropositionMember]] = defaultdict(list)
    for member in events:
        for amount in member.detail["figures"]:
            amounts[_money(amount)].append(member)
    if _disagreement(amounts):
        found.append(_dispute(proposition, "figure", f"figures differ: {proposition.summary}", amounts, actor_keys))

    days: dict[str, list[PropositionMember]] = defaultdict(list)
    for member in events:
        # a range ("between 3 and 5 March") does not disagree with a day inside it
        if member.detail["date"] and member.detail["date_precision"] == "day" and not member.detail["date_end"]:
            days[member.detail["date"]].append(member)
    if _disagreement(days):
        found.append(_dispute(proposition, "date", f"dates differ: {proposition.summary}", days, actor_keys))
    return found


def _money(amount: float) -> str:
    if amount >= 1e9:
        return f"${amount / 1e9:g} billion"
    return f"${amount / 1e6:g} million"


def _dispute(
    proposition: Proposition, kind: str, summary: str, values: dict[str, list[PropositionMember]], keys: list[str]
) -> Dispute:
    return Dispute(
        id="d" + _digest(proposition.id, kind),
        proposition_id=proposition.id,
        kind=kind,
        summary=summary,
        versions=_versions(values),
        actor_keys=keys,
    )
