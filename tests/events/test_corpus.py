"""The five real analyses: key events recovered, nothing from page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.config import Settings
from dragoman.evaluation.key_events import check_key_events
from dragoman.evaluation.key_quotes import check_key_quotes
from dragoman.pipeline.ingest import ingest
from dragoman.store import Store

pytestmark = pytest.mark.slow
KEY_EVENTS = Path(__file__).resolve().parents[1] / "data" / "iran_russia_key_events.yaml"
KEY_QUOTES = KEY_EVENTS.with_name("iran_russia_key_quotes.yaml")


@pytest.fixture(scope="module")
def corpus_store(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    folder = shared / "corpus" / "iran-russia"
    report = ingest([folder], Settings(db=db))
    assert report.added == 5 and report.ok
    return db


def test_key_events_recovered(corpus_store: Path) -> None:
    with Store(corpus_store, read_only=True) as store:
        results = check_key_events(store, KEY_EVENTS)
    assert sum(r.found for r in results) >= 0.75 * len(results)


def test_no_event_or_quote_from_furniture(corpus_store: Path) -> None:
    with Store(corpus_store, read_only=True) as store:
        for table in ("event_mentions", "statements"):
            assert (
                store.scalar(
                    f"SELECT count(*) FROM {table} x JOIN sentences s ON s.doc_id = x.doc_id "
                    "AND s.idx = x.sentence_idx WHERE s.furniture"
                )
                == 0
            )


def test_the_two_disputes_are_found(corpus_store: Path) -> None:
    with Store(corpus_store, read_only=True) as store:
        disputes = store.rows("SELECT kind, summary, versions FROM disputes")
    kinds = {(d["kind"], d["summary"].split(":")[0]) for d in disputes}
    assert any(kind == "status" and "AID" in d["summary"] for kind, _ in kinds for d in disputes)
    drone = next(d for d in disputes if d["kind"] == "status" and "AID" in d["summary"])
    assert all(word in drone["versions"] for word in ('"asserted"', '"alleged"', '"denied"'))
    assert any(
        d["kind"] == "initiator" and "CONSULT" in d["summary"] and "2022-02-24" in d["summary"] for d in disputes
    )


def test_attributed_quotes_have_the_right_speaker(corpus_store: Path) -> None:
    with Store(corpus_store, read_only=True) as store:
        results = check_key_quotes(store, KEY_QUOTES)
    assert len(results) >= 50
    assert sum(r.found for r in results) >= 0.9 * len(results)
