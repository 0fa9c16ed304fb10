"""The one query of event mentions and its filters, over the hand-built store."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dragoman.analysis.review import add_review
from dragoman.read.events import (
    EventFilter,
    at_least_confidence,
    filter_events,
    find_mentions,
    in_dates,
    mention_ids_of,
    mention_page,
    mention_sentences,
    mentions_with_ids,
    without_inferred_dates,
)
from dragoman.store import Store


def test_a_filter_narrows_only_when_a_value_is_given() -> None:
    assert not EventFilter().narrows()
    assert not EventFilter(countries=True).narrows()
    assert EventFilter(type="ACCUSE").narrows()
    assert EventFilter(sort="-date").narrows()
    assert EventFilter(inferred_dates=False).narrows()


def test_page_in_sql_with_the_total(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        total, rows = mention_page(store, None, 2, 3)
        assert total == 10
        assert list(rows["id"]) == ["m2", "m4", "m5"]
        assert "duplicate_of" not in rows.columns
        assert "location_name" in rows.columns
        total, rows = mention_page(store, "doc3", 1, 50)
        assert (total, list(rows["id"])) == (4, ["m6", "m7", "m8", "m10"])


def test_filters_by_actor_type_status_and_dates(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        assert list(find_mentions(store, EventFilter(type="accuse"))["id"]) == ["m4", "m5"]
        assert list(find_mentions(store, EventFilter(actor="USA"))["id"]) == ["m5"]
        assert list(find_mentions(store, EventFilter(actor="IRN", countries=True, type="ACCUSE"))["id"]) == ["m4", "m5"]
        assert list(find_mentions(store, EventFilter(status="hypothetical"))["id"]) == ["m8"]
        assert list(find_mentions(store, EventFilter(date_from="2022-05", date_to="2022-05"))["id"]) == [
            "m6",
            "m7",
            "m8",
        ]
        assert list(find_mentions(store, EventFilter(quad=2), "doc3")["id"]) == ["m6"]


def test_a_corrected_mention_is_found_by_its_corrected_type_only(store_path: Path) -> None:
    with Store(store_path) as store:
        add_review(store, "event", "m5", None, "ana", {"type": "REJECT"})
        assert list(find_mentions(store, EventFilter(type="REJECT"))["id"]) == ["m9", "m5"]
        assert list(find_mentions(store, EventFilter(type="ACCUSE"))["id"]) == ["m4"]


def test_lookups_by_id_and_document(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        assert list(mentions_with_ids(store, ["m7", "m1"])["id"]) == ["m1", "m7"]
        assert mention_ids_of(store, "doc1") == {"m1", "m3", "m9"}
        sentences = mention_sentences(store, ["m5", "m1"])
        assert list(sentences["id"]) == ["m1", "m5"]
        assert list(sentences["publisher"]) == ["Alpha News", "Beta Wire"]
        assert list(mention_sentences(store, []).columns)[:2] == ["id", "event_id"]


def test_confidence_and_date_bounds() -> None:
    frame = pd.DataFrame({"id": ["a", "b", "c"], "confidence": [0.9, None, 0.4]})
    assert list(at_least_confidence(frame, 0.5)["id"]) == ["a"]
    assert list(at_least_confidence(frame, 0.0)["id"]) == ["a", "b", "c"]
    assert in_dates("2022-03-15", "2022-03", None)
    assert not in_dates("2022-02-28", "2022-03", None)
    assert in_dates("2022", None, "2022-01")
    assert not in_dates(None, "2022", None)
    assert in_dates(None, None, None)


def test_filter_events_works_on_merged_events_too() -> None:
    events = pd.DataFrame(
        {
            "event_id": ["e1", "e2"],
            "type": ["CONSULT", "AGREE"],
            "quad": [1, 1],
            "status": ["asserted", "asserted"],
            "date": ["2022-03-15", None],
            "actors": [[{"actor_id": "IRN", "country": "IRN", "kind": "state"}], []],
            "recipients": [[], [{"name": "Russia"}]],
        }
    )
    assert list(filter_events(events, EventFilter(actor="russia"))["event_id"]) == ["e2"]
    assert list(filter_events(events, EventFilter(date_from="2022"))["event_id"]) == ["e1"]


def test_dates_from_a_publication_can_be_left_out() -> None:
    events = pd.DataFrame(
        {
            "event_id": ["e1", "e2"], "type": ["CONSULT", "AGREE"], "quad": [1, 1],
            "status": ["asserted", "asserted"], "date": ["2022-03-15", "2022-04"],
            "date_precision": ["day", "month"], "date_basis": ["text", "publication"],
            "actors": [[], []], "recipients": [[], []],
        }
    )  # fmt: skip
    plain = without_inferred_dates(events)
    assert plain["date"].iloc[0] == "2022-03-15"
    assert plain["date"].isna().tolist() == [False, True]
    assert list(plain["date_precision"]) == ["day", "unknown"]
    assert list(plain["date_basis"]) == ["text", "none"]
    kept = filter_events(events, EventFilter(date_from="2022", inferred_dates=False))
    assert list(kept["event_id"]) == ["e1"]
