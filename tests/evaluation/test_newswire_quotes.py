"""Scoring speakers on wire items: cleaning the wire's escapes, finding excerpts, matching speakers."""

from __future__ import annotations

from dragoman.domain.records import ActorRef, Statement
from dragoman.evaluation.newswire_quotes import GoldQuote, NewswireTally, clean, locate, score_item, speaker_right


def statement(content_start: int, content_end: int, speaker: ActorRef | None, text: str | None) -> Statement:
    return Statement(
        "q", "d", 0, "indirect", speaker, text, "said", "x", content_start, content_end, 0, content_end, "t", 0.8
    )


def test_clean_reads_the_wire_entities() -> None:
    assert clean("the port #39;s gates") == "the port's gates"
    assert clean("he said  quot;never quot; twice") == 'he said "never" twice'
    assert clean("Minister <b>...</b> costs \\$5") == "Minister ... costs $5"


def test_locate_tolerates_spacing() -> None:
    assert locate("the  talks  will resume", "talks will resume") == (5, 23)
    assert locate("nothing here", "talks") is None


def test_speaker_by_country_or_by_a_word_of_the_name() -> None:
    gold = GoldQuote(1, "Foreign Ministry", "PER", "x")
    assert speaker_right(statement(0, 1, ActorRef("Peru", country="PER"), "Lima"), gold)
    assert speaker_right(statement(0, 1, None, "the ministry"), gold)
    assert not speaker_right(statement(0, 1, None, "he"), gold)
    assert speaker_right(statement(0, 1, ActorRef("United Nations", org="UN"), None), GoldQuote(1, "UN", "UN", "x"))


def test_score_item_counts_found_and_right() -> None:
    text = "The talks will resume next week, the ministry said."
    golds = [GoldQuote(1, "ministry", "PER", "talks will resume"), GoldQuote(1, "Lima", "PER", "absent words")]
    tally = NewswireTally()
    score_item(text, [statement(0, 31, None, "the ministry")], golds, tally)
    assert (tally.gold, tally.found, tally.right, tally.predicted) == (2, 1, 1, 1)
    assert tally.wrong == ["1: excerpt not found"]
    assert tally.summary()["right_speaker"] == 50.0
