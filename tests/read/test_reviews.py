"""Reviews combined per target and applied to frames in one place."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dragoman.analysis.review import add_review
from dragoman.read.reviews import apply_reviews, load_reviews, reviews_state, target_exists
from dragoman.store import Store


def test_later_reviews_add_up(store_path: Path) -> None:
    with Store(store_path) as store:
        add_review(store, "event", "m1", None, "ana", {"date": "2022-03-14"})
        add_review(store, "event", "m1", None, "ben", {"type": "AGREE"})
        add_review(store, "event", "m1", "right", "cy")
        combined = load_reviews(store, "event")["m1"]
    assert (combined.verdict, combined.reviewer, combined.n) == ("right", "cy", 3)
    assert combined.corrections == {"date": "2022-03-14", "date_precision": "day", "type": "AGREE", "quad": 1}


def test_a_review_is_applied_to_text_and_decoded_columns_alike(store_path: Path) -> None:
    with Store(store_path) as store:
        add_review(store, "event", "m3", None, "ana", {"actors": ["USA"]})
        raw = store.df("SELECT id, actors, actor_keys FROM event_mentions WHERE id IN ('m1', 'm3') ORDER BY id")
        out = apply_reviews(raw, "event", store).set_index("id")
    assert out.loc["m3", "actors"].startswith('[{"actor_id": "USA"')
    assert out.loc["m3", "actor_keys"] == '["USA"]'
    assert (bool(out.loc["m3", "reviewed"]), bool(out.loc["m1", "reviewed"])) == (True, False)


def test_an_empty_frame_gets_the_review_columns(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        out = apply_reviews(pd.DataFrame({"id": pd.Series(dtype=object)}), "quote", store)
    assert list(out.columns) == [
        "id",
        "reviewed",
        "review_verdict",
        "corrected_by",
        "corrected_at",
        "review_corrections",
    ]


def test_targets_exist_by_kind(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        assert target_exists(store, "event", "m1")
        assert not target_exists(store, "event", "e1")
        assert target_exists(store, "merged_event", "e1")
        assert target_exists(store, "quote", "q1")


def test_the_reviews_state_moves_with_each_review(store_path: Path) -> None:
    with Store(store_path) as store:
        assert reviews_state(store) == (0, None)
        row = add_review(store, "quote", "q1", "right", "ana")
        count, latest = reviews_state(store)
    assert count == 1
    assert latest is not None and latest.isoformat() == row["created_at"]
