"""A statement's channel through the store: written, read back, exported, and added to old stores."""

from __future__ import annotations

from pathlib import Path

from dragoman.domain.records import ActorRef, Document, ProcessedDocument, Sentence, Statement
from dragoman.read.export import frame
from dragoman.store import Store
from dragoman.store import load as load_records
from dragoman.store.schema import SCHEMA_VERSION

TEXT = "Lavrov told TASS that the talks were frozen."


def processed() -> ProcessedDocument:
    document = Document("d1", "d1.txt", TEXT, "h1", "txt", published="2023-01-05")
    statement = Statement(
        "q1",
        "d1",
        0,
        "indirect",
        ActorRef("Sergey Lavrov", actor_id="sergey-lavrov", country="RUS", kind="person"),
        "Lavrov",
        "told",
        "that the talks were frozen",
        17,
        43,
        0,
        44,
        "quotes.rules@1.3",
        0.8,
        channel="TASS",
    )
    return ProcessedDocument(document, [Sentence("d1", 0, 0, 44, TEXT)], [], [], [statement])


def test_channel_round_trip_and_export(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([processed()])
        assert [s.channel for s in load_records.statements(store)] == ["TASS"]
        assert frame(store, "statements")["channel"].tolist() == ["TASS"]


def test_a_store_without_the_channel_column_gets_it(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write_documents([processed()])
        store.con.execute("ALTER TABLE statements DROP COLUMN channel")
        store.con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.rows("SELECT id, channel FROM statements") == [{"id": "q1", "channel": None}]
