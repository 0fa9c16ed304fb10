"""``date_basis`` from the records to the store, the exports, the merged events and the dyad timeline."""

from __future__ import annotations

import io
import json
from pathlib import Path

from dragoman.analysis import Analyst
from dragoman.analysis.events import effective_events
from dragoman.domain.records import ActorRef, Document, EventMention, ProcessedDocument, Sentence
from dragoman.events.merge import merge_events
from dragoman.read.export import frame, plover_records, write
from dragoman.store import Store
from dragoman.store.schema import SCHEMA_VERSION

IRN = ActorRef("Iran", actor_id="IRN", country="IRN", kind="state", sector="GOV")
RUS = ActorRef("Russia", actor_id="RUS", country="RUS", kind="state", sector="GOV")
SENTENCES = [
    "Iranian envoys met Russian officials in Moscow on 15 March.",
    "Iran sent drones to Russia.",
    "Iran has long traded with Russia.",
]
# (id, type, quad, date, precision, basis)
EVENTS = [
    ("m1", "CONSULT", 1, "2023-03-15", "day", "text"),
    ("m2", "AID", 2, "2023-04-02", "day", "publication"),
    ("m3", "COOPERATE", 2, None, "unknown", "none"),
]


def _store(path: Path) -> Path:
    text = "\n".join(SENTENCES)
    sentences, offset = [], 0
    for index, sentence in enumerate(SENTENCES):
        sentences.append(Sentence("d1", index, offset, offset + len(sentence), sentence))
        offset += len(sentence) + 1
    document = Document("d1", "d1.txt", text, "h1", "txt", title="Report", published="2023-04-02")
    events = [
        EventMention(
            id=mid, doc_id="d1", sentence_index=index, type=etype, quad=quad, actors=[IRN], recipients=[RUS],
            sentence=sentences[index].text, start=sentences[index].start, end=sentences[index].end,
            extractor="test@1", confidence=0.9, date=date, date_precision=precision,  # type: ignore[arg-type]
            date_basis=basis,  # type: ignore[arg-type]
        )
        for index, (mid, etype, quad, date, precision, basis) in enumerate(EVENTS)
    ]  # fmt: skip
    merged = merge_events(events)
    with Store(path) as store:
        store.write_documents([ProcessedDocument(document, sentences, [], events, [])])
        store.replace_table(
            "events",
            [
                {
                    "event_id": e.event_id, "type": e.type, "mode": None, "quad": e.quad,
                    "actors": json.dumps([a.to_dict() for a in e.actors]),
                    "recipients": json.dumps([a.to_dict() for a in e.recipients]),
                    "date": e.date, "date_end": None, "date_precision": e.date_precision, "status": e.status,
                    "n_mentions": e.n_mentions, "n_documents": e.n_documents, "mention_ids": json.dumps(e.mention_ids),
                }
                for e in merged
            ],
        )  # fmt: skip
    return path


def test_stored_and_exported(tmp_path: Path) -> None:
    with Store(_store(tmp_path / "s.duckdb"), read_only=True) as store:
        rows = store.rows("SELECT id, date_basis FROM event_mentions ORDER BY id")
        assert [(r["id"], r["date_basis"]) for r in rows] == [("m1", "text"), ("m2", "publication"), ("m3", "none")]
        mentions = frame(store, "event_mentions")
        assert list(mentions["date_basis"]) == ["text", "publication", "none"]
        assert [r["date_basis"] for r in plover_records(mentions)] == ["text", "publication", "none"]
        out = io.StringIO()
        write(mentions, "jsonl", None, out)
        assert [json.loads(line)["date_basis"] for line in out.getvalue().splitlines()] == [
            "text",
            "publication",
            "none",
        ]
        merged = effective_events(store).sort_values("type")
        assert list(zip(merged["type"], merged["date_basis"], strict=True)) == [
            ("AID", "publication"),
            ("CONSULT", "text"),
            ("COOPERATE", "none"),
        ]


def test_timeline_includes_or_leaves_out_inferred_dates(tmp_path: Path) -> None:
    path = _store(tmp_path / "s.duckdb")
    with Analyst(path) as analyst:
        with_inferred = analyst.dyad("IRN", "RUS", by="month")
        without = analyst.dyad("IRN", "RUS", by="month", inferred_dates=False)
    assert list(zip(with_inferred["period"], with_inferred["n_events"], strict=True)) == [
        ("2023-03", 1),
        ("2023-04", 1),
    ]
    assert list(zip(without["period"], without["n_events"], strict=True)) == [("2023-03", 1)]
    assert len(without.attrs["unplaced"]) == 2


def test_an_older_store_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.con.execute("ALTER TABLE event_mentions DROP COLUMN date_basis")
        store.con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(path) as store:
        columns = {r["column_name"] for r in store.rows("DESCRIBE event_mentions")}
        assert "date_basis" in columns and store.schema_version() == SCHEMA_VERSION
