"""The default coder: which coder reads which genre, and how their events are joined in news."""

from __future__ import annotations

from typing import Any

import pytest

from dragoman.domain.records import ActorRef, Document, EventMention, Status
from dragoman.events.combined import (
    RULE_CONFIDENCE_IN_NEWS,
    TITLE_CASE_HEADLINE_CONFIDENCE,
    CombinedEventCoder,
    is_analysis,
)
from dragoman.events.event_dates import NEWS_MAX_WORDS

LONG_PROSE = "Moscow and Tehran have drawn closer since the war began. " * (NEWS_MAX_WORDS // 10 + 1)


def document(text: str, genre: str | None = None, published: str | None = "2022-11-15") -> Document:
    return Document(
        doc_id="d",
        path="d.txt",
        text=text,
        content_hash="d",
        source_format="txt",
        published=published,
        meta={"genre": genre} if genre else {},
    )


@pytest.mark.parametrize(
    ("text", "genre", "analysis"),
    [
        (LONG_PROSE, None, True),
        ("Iran and Russia signed a gas deal on Tuesday.", None, False),
        ("TEHRAN, March 8 (Reuters) - " + LONG_PROSE, None, False),
        ("Iran and Russia signed a gas deal on Tuesday.", "analysis", True),
        (LONG_PROSE, "wire", False),
        (LONG_PROSE, "News", False),
    ],
    ids=["long-prose", "short-report", "dateline", "genre-analysis", "genre-wire", "genre-case"],
)
def test_the_genre_decides_which_coder_reads_a_text(text: str, genre: str | None, analysis: bool) -> None:
    assert is_analysis(document(text, genre)) is analysis


def test_a_short_text_without_a_date_counts_as_news() -> None:
    assert is_analysis(document("Chad and Niger signed a border accord.", published=None)) is False


def event(
    event_id: str, sentence_index: int, event_type: str, confidence: float, status: Status = "asserted"
) -> EventMention:
    return EventMention(
        id=event_id,
        doc_id="d",
        sentence_index=sentence_index,
        type=event_type,
        quad=1,
        actors=[ActorRef(name="Iran", kind="state", country="IRN")],
        recipients=[],
        sentence="s",
        start=100 * sentence_index,
        end=100 * sentence_index + 50,
        extractor="x",
        confidence=confidence,
        status=status,
    )


class Fixed:
    """A coder that returns the events it was given, and counts its calls; as the learned coder,
    the sentences it reports on are those of its events but the ones ``in_passing``."""

    def __init__(self, events: list[EventMention], in_passing: tuple[str, ...] = ()) -> None:
        self.events = events
        self.in_passing = in_passing
        self.calls = 0

    def extract(self, *args: Any) -> list[EventMention]:
        self.calls += 1
        return list(self.events)

    def extract_parts(self, *args: Any) -> tuple[list[EventMention], set[int]]:
        events = self.extract(*args)
        return events, {e.sentence_index for e in events if e.id not in self.in_passing}


def combined(
    learned: list[EventMention], ruled: list[EventMention], in_passing: tuple[str, ...] = ()
) -> tuple[CombinedEventCoder, Fixed, Fixed]:
    learned_coder, rule_coder = Fixed(learned, in_passing), Fixed(ruled)
    return CombinedEventCoder(learned_coder, rule_coder), learned_coder, rule_coder  # type: ignore[arg-type]


def test_analysis_prose_is_coded_by_the_rules_alone() -> None:
    coder, learned, _ = combined([event("l1", 0, "AID", 0.9)], [event("r1", 0, "CONSULT", 0.8)])
    events = coder.extract(document(LONG_PROSE), None, [], [])  # type: ignore[arg-type]
    assert [(e.id, e.confidence) for e in events] == [("r1", 0.8)]
    assert learned.calls == 0


def test_news_keeps_the_rules_events_only_where_the_learned_coder_is_silent() -> None:
    coder, _, _ = combined(
        [event("l0", 0, "AID", 0.9), event("l2", 2, "ASSAULT", 0.7)],
        [event("r0", 0, "CONSULT", 0.8), event("r1", 1, "AGREE", 0.85), event("r3", 3, "ACCUSE", 0.3)],
    )
    events = coder.extract(document("Iran sent aid."), None, [], [])  # type: ignore[arg-type]
    assert [(e.id, e.sentence_index, e.type, e.confidence) for e in events] == [
        ("l0", 0, "AID", 0.9),
        ("r1", 1, "AGREE", RULE_CONFIDENCE_IN_NEWS),
        ("l2", 2, "ASSAULT", 0.7),
        ("r3", 3, "ACCUSE", 0.3),
    ]


def test_a_denied_or_alleged_rule_event_joins_the_learned_events_of_its_sentence() -> None:
    coder, _, _ = combined(
        [event("l0", 0, "REJECT", 0.8, "denied"), event("l1", 1, "AID", 0.7)],
        [event("r0", 0, "AID", 0.8, "denied"), event("r1", 1, "AID", 0.8, "alleged"), event("r2", 1, "ACCUSE", 0.6)],
    )
    events = coder.extract(document("Iran denied sending drones."), None, [], [])  # type: ignore[arg-type]
    assert [(e.id, e.type, e.status, e.confidence) for e in events] == [
        ("l0", "REJECT", "denied", 0.8),
        ("r0", "AID", "denied", RULE_CONFIDENCE_IN_NEWS),
        ("l1", "AID", "asserted", 0.7),
    ]


def test_a_deed_named_in_passing_leaves_the_rules_the_report_of_its_sentence() -> None:
    """ "X was arrested after being accused of shooting Y": the learned coder adds the shooting
    it names, the rules code what the sentence reports; an event of the same type is not doubled."""
    coder, _, _ = combined(
        [event("l0", 0, "ASSAULT", 0.7)],
        [event("r0", 0, "COERCE", 0.8), event("r1", 0, "ASSAULT", 0.8, "alleged")],
        in_passing=("l0",),
    )
    events = coder.extract(document("Iran arrested a man."), None, [], [])  # type: ignore[arg-type]
    assert [(e.id, e.type, e.confidence) for e in events] == [
        ("l0", "ASSAULT", 0.7),
        ("r0", "COERCE", RULE_CONFIDENCE_IN_NEWS),
    ]


@pytest.mark.parametrize(
    ("headline", "kept"),
    [
        ("Chilean Minister Hopes To Calm Fishing Row", ["l0", "l1"]),
        ("Chilean minister hopes to calm fishing row", ["l0", "l0-weak", "l1"]),
    ],
    ids=["title-case", "sentence-case"],
)
def test_a_title_case_headline_keeps_only_its_confident_events(headline: str, kept: list[str]) -> None:
    body = "Chile's fisheries minister met Peruvian officials in Lima on Monday."
    weak = TITLE_CASE_HEADLINE_CONFIDENCE - 0.01
    coder, _, _ = combined(
        [event("l0", 0, "CONSULT", TITLE_CASE_HEADLINE_CONFIDENCE), event("l0-weak", 0, "REQUEST", weak)]
        + [event("l1", 1, "CONSULT", weak)],
        [],
    )
    events = coder.extract(document(f"{headline}\n\n{body}"), None, [], [])  # type: ignore[arg-type]
    assert [e.id for e in events] == kept


@pytest.mark.slow
def test_the_combined_coder_codes_a_news_report_with_the_learned_model(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Norway sent field hospitals and medicine to Nepal after the landslides."
    events = CombinedEventCoder().extract(*analyse(text, "2021-05-10", "t"))
    assert [(e.type, e.actors[0].country, e.recipients[0].country, e.extractor.split("@")[0]) for e in events] == [
        ("AID", "NOR", "NPL", "events.learned")
    ]


@pytest.mark.slow
def test_a_claim_of_ones_own_deed_is_no_accusation(analyse) -> None:  # type: ignore[no-untyped-def]
    """ "claimed to have arrested": the arrest, alleged by the claimant; no accusation beside it."""
    text = "Kenyan police claimed on Friday to have arrested the leader of a Somali gang."
    events = CombinedEventCoder().extract(*analyse(text, "2021-05-10", "t"))
    assert [(e.type, e.status, e.actors[0].country, e.recipients[0].country) for e in events] == [
        ("COERCE", "alleged", "KEN", "SOM")
    ]
