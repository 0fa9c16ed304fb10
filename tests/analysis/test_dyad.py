"""Dyad timelines checked against the hand counts of the fixture store."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.analysis import Analyst
from dragoman.analysis.dyad import next_period, period_of
from dragoman.analysis.plover import INTENSITY, TYPE_QUAD
from dragoman.analysis.review import add_review
from dragoman.store import Store
from tests.analysis.fixture_store import HAND_COUNTS


def _check(frame, counts) -> None:  # type: ignore[no-untyped-def]
    rows = {r["period"]: r for r in frame.to_dict(orient="records")}
    assert set(rows) == set(counts)
    for period, expected in counts.items():
        row = rows[period]
        assert row["n_events"] == expected["n"], period
        for key in ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict"):
            assert row[key] == expected.get(key, 0), (period, key)
        if expected["score"] is None:
            assert row["score"] != row["score"] or row["score"] is None  # NaN or None
        else:
            assert row["score"] == pytest.approx(expected["score"])


@pytest.mark.parametrize("fixture", ["store_path", "unmerged_path"])
def test_month_counts_match_hand_counts(fixture: str, request: pytest.FixtureRequest) -> None:
    with Analyst(request.getfixturevalue(fixture)) as analyst:
        frame = analyst.dyad("IRN", "RUS", by="month")
    _check(frame, HAND_COUNTS)
    # one event reported by two documents (m1, m2) is counted once
    assert frame.iloc[0]["CONSULT"] == 1
    assert frame.attrs["unplaced"] == ["e9"]  # dated only to the year


def test_year_and_week(store_path: Path) -> None:
    with Analyst(store_path) as analyst:
        year = analyst.dyad("rus", "irn", by="year")
        week = analyst.dyad("IRN", "RUS", by="week")
    assert year.to_dict(orient="records")[0]["n_events"] == 6  # e1 e2 e8 e5 e6 e9; e7 is hypothetical
    assert list(week["period"])[0] == "2022-W11"
    assert int(week["n_events"].sum()) == 4  # month-precision e6 and year-precision e9 not placed


def test_countries_aggregate_people(store_path: Path) -> None:
    with Analyst(store_path) as analyst:
        plain = analyst.dyad("IRN", "RUS")
        aggregated = analyst.dyad("IRN", "RUS", countries=True)
    april = aggregated[aggregated["period"] == "2022-04"].iloc[0]
    assert april["n_events"] == 1 and april["ACCUSE"] == 1
    assert april["score"] == INTENSITY["ACCUSE"]
    assert plain[plain["period"] == "2022-04"].iloc[0]["n_events"] == 0


def test_directed_and_statuses(store_path: Path) -> None:
    with Analyst(store_path) as analyst:
        directed = analyst.dyad("RUS", "IRN", directed=True)
        with_hypothetical = analyst.dyad("IRN", "RUS", statuses=("asserted", "hypothetical"))
    assert int(directed["n_events"].sum()) == 2  # e2, e5
    assert int(with_hypothetical["material_conflict"].sum()) == 1


def test_reviews_change_the_timeline(store_path: Path) -> None:
    with Store(store_path) as store:
        add_review(store, "event", "m9", "wrong", "ana")
        add_review(store, "event", "m6", None, "ana", {"type": "AID"})
        add_review(store, "merged_event", "e6", None, "ben", {"date": "2022-06-02"})
    with Analyst(store_path) as analyst:
        frame = analyst.dyad("IRN", "RUS")
    rows = {r["period"]: r for r in frame.to_dict(orient="records")}
    assert rows["2022-03"]["n_events"] == 2 and rows["2022-03"]["verbal_conflict"] == 0
    assert rows["2022-05"]["AID"] == 1 and rows["2022-05"]["score"] == INTENSITY["AID"]
    assert rows["2022-06"]["THREATEN"] == 1


def test_an_event_stays_while_one_report_is_right(store_path: Path) -> None:
    with Store(store_path) as store:
        add_review(store, "event", "m1", "wrong", "ana")
    with Analyst(store_path) as analyst:
        events = analyst.events().set_index("event_id")
    assert events.loc["e1", "n_mentions"] == 1


def test_periods() -> None:
    assert period_of("2022-01-02", "week") == "2021-W52"
    assert next_period("2021-W52", "week") == "2022-W01"
    assert next_period("2022-12", "month") == "2023-01"
    assert set(TYPE_QUAD) == set(INTENSITY)


def test_malformed_rows_do_not_break_analyses(store_path: Path) -> None:
    with Store(store_path) as store:
        store.con.execute("UPDATE events SET actors = 'not json', quad = 7, type = 'HUG' WHERE event_id = 'e4'")
        store.con.execute(
            'UPDATE events SET recipients = \'{"name": "Russia", "actor_id": "RUS"}\' WHERE event_id = \'e6\''
        )
    with Analyst(store_path) as analyst:
        frame = analyst.dyad("IRN", "RUS")
        network = analyst.network()
    assert int(frame["n_events"].sum()) == 5 and len(network) == 3  # e4 lost its actors
