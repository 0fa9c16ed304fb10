"""Timeline invariants on random events: nothing counted twice, nothing lost, periods contiguous."""

from __future__ import annotations

from datetime import date

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.analysis.dyad import next_period, timeline
from dragoman.analysis.events import precision_of
from dragoman.analysis.plover import QUAD_KEYS, TYPE_QUAD

dates = st.one_of(
    st.none(),
    st.dates(date(2019, 1, 1), date(2024, 12, 31)).map(lambda d: d.isoformat()),
    st.dates(date(2019, 1, 1), date(2024, 12, 31)).map(lambda d: d.isoformat()[:7]),
    st.integers(2019, 2024).map(str),
)
events = st.lists(st.tuples(st.sampled_from(sorted(TYPE_QUAD)), dates), max_size=40)


@settings(max_examples=60, deadline=None)
@given(events, st.sampled_from(["week", "month", "year"]))
def test_every_event_is_placed_once_or_listed_unplaced(rows: list[tuple[str, str | None]], by: str) -> None:
    frame = pd.DataFrame(
        [
            {
                "event_id": f"e{i}",
                "type": t,
                "quad": TYPE_QUAD[t],
                "date": d,
                "date_precision": precision_of(d),
            }
            for i, (t, d) in enumerate(rows)
        ],
        columns=["event_id", "type", "quad", "date", "date_precision"],
    )
    out = timeline(frame, by)
    placed = [e for ids in out["event_ids"] for e in ids]
    assert len(placed) == len(set(placed))
    assert sorted(placed + out.attrs["unplaced"]) == sorted(frame["event_id"])
    assert list(out["n_events"]) == [len(ids) for ids in out["event_ids"]]
    assert all(out[list(QUAD_KEYS.values())].sum(axis=1) == out["n_events"])
    labels = list(out["period"])
    assert all(next_period(a, by) == b for a, b in zip(labels, labels[1:], strict=False))
    assert all((s is None or s != s) or -10 <= s <= 10 for s in out["score"])
