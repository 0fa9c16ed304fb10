"""Corpus-level consolidation: re-merging only the touched groups equals a full rebuild."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from dragoman.domain.records import ActorRef, Document, EventMention, ProcessedDocument, Sentence, Statement
from dragoman.pipeline import consolidate as consolidation
from dragoman.pipeline.consolidate import consolidate
from dragoman.store import Store

ACTORS = [
    ActorRef(name="Iran", actor_id="IRN", country="IRN", kind="state"),
    ActorRef(name="Russia", actor_id="RUS", country="RUS", kind="state"),
    ActorRef(name="Ebrahim Raisi", actor_id="raisi", country="IRN", kind="person"),
    ActorRef(name="NATO", actor_id="NATO", org="NATO", kind="igo"),
    ActorRef(name="the ministry", kind="institution"),
]
TYPES = ["CONSULT", "AGREE", "SANCTION", "AID", "ACCUSE"]
DATES = [None, "2022-07", "2022-07-19", "2022-07-21", "2022-10-20", "2023-05-17"]


def corpus(n: int, seed: int = 7) -> list[ProcessedDocument]:
    """Made-up documents whose events collide on type, actors and dates often enough to merge."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        doc_id = f"doc{i:03d}"
        text = "An event sentence of the test corpus. " * 4
        events, statements = [], []
        for j in range(rng.randint(0, 4)):
            actors = rng.sample(ACTORS, rng.randint(1, 2))
            recipients = [a for a in rng.sample(ACTORS, rng.randint(0, 2)) if a not in actors]
            sentence = rng.randint(0, 3)
            events.append(
                EventMention(
                    id=f"{doc_id}-e{j}",
                    doc_id=doc_id,
                    sentence_index=sentence,
                    type=rng.choice(TYPES),
                    quad=1,
                    actors=actors,
                    recipients=recipients,
                    sentence="An event sentence of the test corpus.",
                    start=sentence * 38,
                    end=sentence * 38 + 37,
                    extractor="test@1",
                    confidence=0.5,
                    mode=rng.choice([None, None, "economic"]),
                    date=rng.choice(DATES),
                    date_precision="day",
                    status=rng.choice(["asserted", "asserted", "alleged", "denied"]),
                )
            )
            if rng.random() < 0.5:
                statements.append(
                    Statement(
                        id=f"{doc_id}-s{j}",
                        doc_id=doc_id,
                        sentence_index=sentence,
                        kind="direct",
                        speaker=rng.choice(ACTORS),
                        speaker_text=None,
                        cue="said",
                        content="words",
                        content_start=sentence * 38,
                        content_end=sentence * 38 + 5,
                        start=sentence * 38,
                        end=sentence * 38 + 37,
                        extractor="test@1",
                        confidence=0.5,
                    )
                )
        docs.append(
            ProcessedDocument(
                document=Document(doc_id, f"{doc_id}.txt", text, f"h{i}", "txt"),
                sentences=[Sentence(doc_id, k, k * 38, k * 38 + 37, text[:37]) for k in range(4)],
                events=events,
                statements=statements,
            )
        )
    return docs


def tables(store: Store) -> dict[str, Any]:
    return {
        "events": store.rows("SELECT * FROM events ORDER BY ALL"),
        "propositions": store.rows("SELECT * FROM propositions ORDER BY ALL"),
        "disputes": store.rows("SELECT * FROM disputes ORDER BY ALL"),
        "links": store.rows("SELECT id, event_id FROM event_mentions ORDER BY ALL"),
    }


def test_incremental_consolidation_equals_a_full_one(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(consolidation, "CHUNK", 7)  # many chunks, groups never split
    docs = corpus(60)
    with Store(tmp_path / "full.duckdb") as store:
        store.write_documents(docs)
        consolidate(store)
        expected = tables(store)
    assert expected["disputes"] and any(e["n_mentions"] > 1 for e in expected["events"])
    with Store(tmp_path / "steps.duckdb") as store:
        for part in (docs[:25], docs[25:26], docs[26:]):
            store.write_documents(part)
            consolidate(store, incremental=True)
        assert tables(store) == expected
        counts = consolidate(store, incremental=True)
        assert counts == {k: len(expected[k]) for k in ("events", "propositions", "disputes")}
        assert tables(store) == expected


def test_chunked_full_consolidation_equals_one_chunk(tmp_path: Path, monkeypatch: Any) -> None:
    docs = corpus(40, seed=3)
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents(docs)
        consolidate(store)
        whole = tables(store)
        monkeypatch.setattr(consolidation, "CHUNK", 3)
        consolidate(store)
        assert tables(store) == whole


def test_consolidated_claims_are_those_build_claims_finds(tmp_path: Path) -> None:
    """The store-side grouping must not drift from build_claims (undirected events without recipients too)."""
    from dragoman.claims import build_claims
    from dragoman.store import load as load_records

    docs = corpus(40, seed=5)
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents(docs)
        consolidate(store)
        stored = {row["id"] for row in store.rows("SELECT id FROM propositions")}
        propositions, _ = build_claims(load_records.event_mentions(store), load_records.statements(store))
    undirected_pairs = [
        e for d in docs for e in d.events if e.type in {"CONSULT", "AGREE"} and not e.recipients and len(e.actors) == 2
    ]
    assert undirected_pairs and stored == {p.id for p in propositions}
