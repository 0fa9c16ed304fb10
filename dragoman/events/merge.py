"""Merging mentions of one real event, reported by many sources, into one event."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from dragoman.domain.dates import DatePrecision
from dragoman.domain.dates import compatible as dates_compatible
from dragoman.domain.identity import actor_key
from dragoman.domain.records import ActorRef, EventMention

PRECISION_RANK = {"unknown": 0, "year": 1, "month": 2, "day": 3}


@dataclass
class Event:
    event_id: str
    type: str
    mode: str | None
    quad: int
    actors: list[ActorRef]
    recipients: list[ActorRef]
    date: str | None
    date_end: str | None
    date_precision: DatePrecision
    status: str
    n_mentions: int
    n_documents: int
    mention_ids: list[str] = field(default_factory=list)


def merge_events(mentions: Iterable[EventMention]) -> list[Event]:
    """Same type, same actors and recipients, compatible dates: one event. Sets ``event_id``.

    Dates compare as ranges where a mention has one ("since 2022" takes in a visit in May 2023).

    Undated mentions merge only within their own document, so an undated background
    sentence never swallows a dated event reported elsewhere.
    """
    groups: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[EventMention]] = defaultdict(list)
    for mention in mentions:
        key = (
            mention.type,
            tuple(sorted({actor_key(a) for a in mention.actors})),
            tuple(sorted({actor_key(a) for a in mention.recipients})),
        )
        groups[key].append(mention)
    events: list[Event] = []
    for group in groups.values():
        clusters: list[list[EventMention]] = []
        for mention in sorted(group, key=lambda m: (m.date is None, m.date or "", m.doc_id, m.start, m.id)):
            for cluster in clusters:
                if mention.date is None:
                    fits = all(m.date is None and m.doc_id == mention.doc_id for m in cluster)
                else:
                    fits = all(
                        m.date is not None
                        and dates_compatible(m.date, mention.date, a_end=m.date_end, b_end=mention.date_end)
                        for m in cluster
                    )
                if fits:
                    cluster.append(mention)
                    break
            else:
                clusters.append([mention])
        events.extend(_event(cluster) for cluster in clusters)
    return sorted(events, key=lambda e: (e.date or "", e.event_id))


def _event(cluster: list[EventMention]) -> Event:
    ids = sorted(m.id for m in cluster)
    event_id = "v" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:15]
    # A date the text gives wins over the report's date at the same precision.
    best = max(cluster, key=lambda m: (PRECISION_RANK[m.date_precision], m.date_basis == "text", m.confidence))
    statuses = {m.status for m in cluster}
    status = "asserted" if "asserted" in statuses else sorted(statuses)[0]
    for mention in cluster:
        mention.event_id = event_id
    return Event(
        event_id=event_id,
        type=best.type,
        mode=best.mode,
        quad=best.quad,
        actors=best.actors,
        recipients=best.recipients,
        date=best.date,
        date_end=best.date_end,
        date_precision=best.date_precision,
        status=status,
        n_mentions=len(cluster),
        n_documents=len({m.doc_id for m in cluster}),
        mention_ids=ids,
    )
