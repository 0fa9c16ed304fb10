from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.analysis.review import ReviewError, add_review, parse_date
from dragoman.read.reviews import apply_reviews, list_reviews
from dragoman.store import Store
from tests.analysis.fixture_store import make_store


def test_apply_reviews_overrides_and_records_who(store_path: Path) -> None:
    with Store(store_path) as store:
        add_review(store, "event", "m3", None, "ana", {"type": "aid", "actors": ["USA"], "date": "2022-03"})
        add_review(store, "event", "m3", "right", "ben")
        add_review(store, "quote", "q1", None, "ana", {"speaker": "RUS"})
        raw = store.df("SELECT * FROM event_mentions ORDER BY id")
        decoded = raw.copy()
        decoded["actors"] = decoded["actors"].map(json.loads)
        out = apply_reviews(raw, "event", store).set_index("id")
        out_decoded = apply_reviews(decoded, "event", store).set_index("id")
        quotes = apply_reviews(store.df("SELECT * FROM statements"), "quote", store).set_index("id")
    row = out.loc["m3"]
    assert row["type"] == "AID" and row["quad"] == 2 and row["date"] == "2022-03"
    assert row["date_precision"] == "month"
    assert json.loads(row["actors"])[0]["actor_id"] == "USA" and json.loads(row["actor_keys"]) == ["USA"]
    assert row["review_verdict"] == "right" and row["corrected_by"] == "ben" and row["reviewed"]
    assert out_decoded.loc["m3", "actors"][0]["name"] == "United States"
    assert not out.loc["m1", "reviewed"] and out.loc["m1", "review_verdict"] is None
    assert quotes.loc["q1", "speaker_id"] == "RUS"


def test_reviews_survive_reextraction(tmp_path: Path) -> None:
    path = make_store(tmp_path / "s.duckdb")
    with Store(path) as store:
        add_review(store, "event", "m9", "wrong", "ana")
    make_store(path)  # the same documents written again, as a re-ingest does
    with Store(path, read_only=True) as store:
        out = apply_reviews(store.df("SELECT * FROM event_mentions"), "event", store).set_index("id")
        assert out.loc["m9", "review_verdict"] == "wrong"
        assert len(list_reviews(store, "event")) == 1


@pytest.mark.parametrize(
    ("kind", "target", "verdict", "fixes"),
    [
        ("event", "nope", "wrong", None),
        ("event", "m1", None, None),
        ("event", "m1", None, {"type": "HUG"}),
        ("event", "m1", None, {"date": "2022-02-30"}),
        ("quote", "q1", None, {"type": "AID"}),
        ("thing", "m1", "wrong", None),
    ],
)
def test_bad_reviews_are_refused(store_path: Path, kind: str, target: str, verdict: str | None,
                                 fixes: dict[str, str] | None) -> None:  # fmt: skip
    with Store(store_path) as store, pytest.raises((ReviewError, LookupError)):
        add_review(store, kind, target, verdict, "ana", fixes)


def test_parse_date() -> None:
    assert parse_date("2022") == ("2022", "year")
    with pytest.raises(ReviewError):
        parse_date("March 2022")
