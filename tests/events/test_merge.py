"""Merging mentions into events: a range takes in the mentions dated inside it."""

from __future__ import annotations

from dragoman.domain.records import ActorRef, EventMention
from dragoman.events.merge import merge_events

IRAN = ActorRef(name="Iran", actor_id="IRN", country="IRN", kind="state", sector="GOV")
RUSSIA = ActorRef(name="Russia", actor_id="RUS", country="RUS", kind="state", sector="GOV")


def visit(doc: str, date: str | None, end: str | None = None) -> EventMention:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)] if date else "unknown"
    return EventMention(
        id=f"{doc}-{date}-{end}",
        doc_id=doc,
        sentence_index=0,
        type="CONSULT",
        quad=1,
        actors=[IRAN],
        recipients=[RUSSIA],
        sentence="Iranian officials visited Moscow.",
        start=0,
        end=33,
        extractor="test@1",
        confidence=0.8,
        mode="visit",
        date=date,
        date_end=end,
        date_precision=precision,  # type: ignore[arg-type]
        date_basis="text" if date else "none",
    )


def test_a_range_merges_with_a_visit_inside_it_and_not_one_before() -> None:
    since = visit("a", "2022-02", "2022-12-01")  # "have visited Moscow since February 2022"
    inside = visit("b", "2022-03-15")
    before = visit("c", "2021-11-20")
    events = merge_events([since, inside, before])
    assert [(e.date, e.date_end, e.n_mentions) for e in events] == [
        ("2021-11-20", None, 1),
        ("2022-03-15", None, 2),
    ]
    assert since.event_id == inside.event_id != before.event_id


def test_two_days_far_apart_stay_two_events() -> None:
    events = merge_events([visit("a", "2022-03-15"), visit("b", "2022-05-01")])
    assert [e.n_mentions for e in events] == [1, 1]
