"""Documents, quotes, disputes and the summary read from the hand-built store."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.read.actors import actor_keys, known_actor
from dragoman.read.disputes import count_disputes, dispute_frame, dispute_rows, dispute_summaries, names_all
from dragoman.read.documents import documents_by_id, like_pattern, list_documents, read_document, recent_documents
from dragoman.read.quotes import QuoteFilter, dated_quotes, find_quotes
from dragoman.read.summary import store_summary
from dragoman.store import Store


def test_documents_listed_and_read_whole(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        assert list(list_documents(store)["doc_id"]) == ["doc1", "doc2", "doc3"]
        assert list(list_documents(store, publisher="beta wire")["doc_id"]) == ["doc2"]
        assert list(list_documents(store, title="doc3")["doc_id"]) == ["doc3"]
        assert list(recent_documents(store, 2)["doc_id"]) == ["doc3", "doc2"]
        assert documents_by_id(store, ("doc_id", "publisher"))["doc1"] == {"doc_id": "doc1", "publisher": "Alpha News"}
        with pytest.raises(ValueError):
            documents_by_id(store, ("doc_id", "text"))
        found = read_document(store, "doc2")
        assert read_document(store, "nope") is None
    assert found is not None
    assert found.document["publisher"] == "Beta Wire"
    assert list(found.sentences["idx"]) == [0, 1, 2, 3]
    assert list(found.events["id"]) == ["m2", "m4", "m5"]
    assert list(found.quotes["id"]) == ["q1"]
    assert like_pattern("50%_a\\b") == "50\\%\\_a\\\\b"


def test_quotes_filtered(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        assert list(find_quotes(store, QuoteFilter(speaker="rus"))["id"]) == ["q1"]
        assert len(find_quotes(store, QuoteFilter(text="Washington"))) == 0
        assert len(find_quotes(store, QuoteFilter(date_from="2022-05"))) == 0
        assert len(find_quotes(store, QuoteFilter(min_confidence=0.9))) == 0
        assert [(q["id"], q["date"]) for q in dated_quotes(store)] == [("q1", "2022-04-02")]


def test_disputes_between_actors(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        assert [r["id"] for r in dispute_rows(store, {"irn", "RUS"})] == ["d1"]
        assert dispute_rows(store, {"IRN", "USA"}) == []
        assert list(dispute_frame(store, ["RUS"])["id"]) == ["d1"]
        assert list(dispute_summaries(store, 5)["summary"]) == ["When Iran and Russia met"]
        assert count_disputes(store) == 1
    assert names_all(None, [])
    assert not names_all(None, ["IRN"])


def test_the_summary(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        found = store_summary(store)
    assert (found.counts["documents"], found.original_documents, found.resolved_mentions) == (3, 3, 1)
    assert found.distinct_actors == 1
    assert found.events_by_type[:2] == [("ACCUSE", 2), ("AGREE", 1)]
    assert found.most_mentioned == [("Minister Volkov", 1)]
    assert found.not_english == []


def test_actors_by_key(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        assert known_actor(store, "volkov") == {
            "actor_id": "volkov", "name": "Minister Volkov", "country": "RUS", "org": None, "kb_id": None,
            "sector": "GOV", "kind": "person",
        }  # fmt: skip
        assert known_actor(store, "nobody") is None
    volkov = {"actor_id": "volkov", "name": "Minister Volkov", "country": "RUS", "kind": "person"}
    assert actor_keys(volkov) == {"VOLKOV", "MINISTER VOLKOV"}
    assert actor_keys(volkov, countries=True) == {"VOLKOV", "MINISTER VOLKOV", "RUS"}
