from __future__ import annotations

import multiprocessing
from pathlib import Path

import duckdb
import pytest

from dragoman.domain.records import ActorRef, Document, EventMention, Mention, ProcessedDocument, Sentence
from dragoman.ingest.dedup import band_keys
from dragoman.store import Store, StoreError
from dragoman.store import load as load_records
from dragoman.store.schema import SCHEMA_VERSION, TABLES, insert_bands

IRAN = ActorRef(name="Iran", actor_id="IRN", country="IRN", kind="state", sector="GOV")
RUSSIA = ActorRef(name="Russia", actor_id="RUS", country="RUS", kind="state", sector="GOV")
TEXT = "Iran and Russia held talks in Moscow.\nFollow us on social media"


def processed(doc_id: str = "d1", content_hash: str = "h1") -> ProcessedDocument:
    document = Document(
        doc_id=doc_id,
        path="brief.txt",
        text=TEXT,
        content_hash=content_hash,
        source_format="txt",
        published="2022-03",
        furniture=[(38, len(TEXT), "social")],
    )
    event = EventMention(
        id=f"{doc_id}-e1",
        doc_id=doc_id,
        sentence_index=0,
        type="CONSULT",
        quad=1,
        actors=[IRAN, RUSSIA],
        recipients=[],
        sentence=TEXT[:37],
        start=0,
        end=37,
        extractor="events.rules@test",
        confidence=0.9,
        date="2022-03",
        date_precision="month",
    )
    return ProcessedDocument(
        document=document,
        sentences=[
            Sentence(doc_id, 0, 0, 37, TEXT[:37]),
            Sentence(doc_id, 1, 38, len(TEXT), TEXT[38:], True),
        ],
        mentions=[
            Mention(f"{doc_id}-m1", doc_id, 0, 4, "Iran", 0, "ner", IRAN),
            Mention(f"{doc_id}-m2", doc_id, 30, 36, "Moscow", 0, "metonym", None),
        ],
        events=[event],
    )


def test_new_store_has_current_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts()["documents"] == 0


SIGNATURE = [(i * 2654435761) % (1 << 61) for i in range(64)]


def old_store(tmp_path: Path, version: int, *statements: str) -> Path:
    """A store written now, then altered by ``statements`` to look as one of ``version`` did."""
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write_documents([processed()], signatures={"d1": SIGNATURE})
        for statement in statements:
            store.con.execute(statement)
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    return db


def test_a_store_at_the_current_version_opens_without_running_ddl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(tmp_path / "s.duckdb").close()
    # An ingest opens its store once a batch: at our version, no table statement runs.
    monkeypatch.setitem(TABLES, "broken", "THIS IS NOT SQL")
    with Store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_version_1_store_migrates_and_loses_its_per_document_indexes(tmp_path: Path) -> None:
    with Store(old_store(tmp_path, 1, "CREATE INDEX idx_mentions_doc ON mentions(doc_id)")) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.scalar("SELECT count(*) FROM duckdb_indexes() WHERE index_name LIKE 'idx_%'") == 0
        assert store.scalar("SELECT count(*) FROM mentions") > 0


def test_version_2_store_gets_the_bands_of_its_stored_signatures(tmp_path: Path) -> None:
    with Store(old_store(tmp_path, 2, "DELETE FROM near_duplicate_bands")) as store:
        assert store.schema_version() == SCHEMA_VERSION
        keys = [row[0] for row in store.con.execute("SELECT band_key FROM near_duplicate_bands").fetchall()]
        assert sorted(keys) == sorted(band_keys(SIGNATURE))  # the SQL keys are the Python keys


def test_version_3_store_keeps_its_documents_without_key_constraints(tmp_path: Path) -> None:
    keyed = TABLES["documents"].replace("doc_id VARCHAR NOT NULL", "doc_id VARCHAR PRIMARY KEY")
    db = old_store(
        tmp_path,
        3,
        "CREATE TABLE old_documents AS SELECT * FROM documents",
        "DROP TABLE documents",
        keyed,
        "INSERT INTO documents SELECT * FROM old_documents",
        "DROP TABLE old_documents",
    )
    with Store(db, read_only=True) as store:
        assert store.scalar(KEY_CONSTRAINTS) == 1
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.scalar(KEY_CONSTRAINTS) == 0
        assert store.rows("SELECT doc_id, content_hash FROM documents") == [{"doc_id": "d1", "content_hash": "h1"}]
        assert store.near_duplicate_candidates(band_keys(SIGNATURE)[:1]) == {band_keys(SIGNATURE)[0]: {"d1": SIGNATURE}}


KEY_CONSTRAINTS = (
    "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'documents' "
    "AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
)


def test_stored_originals_are_found_by_their_bands_and_replaced_with_them(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([processed()], signatures={"d1": SIGNATURE})
        key = band_keys(SIGNATURE)[3]
        assert store.near_duplicate_candidates([key, 12345]) == {key: {"d1": SIGNATURE}}
        store.write_documents([processed()], signatures={"d1": SIGNATURE})  # reprocessed: bands not doubled
        assert store.scalar("SELECT count(*) FROM near_duplicate_bands") == 16
        assert store.near_duplicate_candidates([]) == {}


def test_a_batch_gets_the_bands_sql_would_give_it_and_twins_get_none(tmp_path: Path) -> None:
    twin = processed("d2", "h2")
    twin.document.duplicate_of = "d1"
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([processed(), twin], signatures={"d1": SIGNATURE, "d2": SIGNATURE})
        written = store.rows("SELECT band_key, doc_id FROM near_duplicate_bands ORDER BY ALL")
        store.con.execute("DELETE FROM near_duplicate_bands")
        store.con.execute(insert_bands("TRUE"))
        assert store.rows("SELECT band_key, doc_id FROM near_duplicate_bands ORDER BY ALL") == written
        assert {row["doc_id"] for row in written} == {"d1"}


def test_rewriting_a_document_replaces_its_rows(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([processed()])
        store.write_documents([processed()])
        counts = store.counts()
        assert counts["documents"] == 1
        assert counts["event_mentions"] == 1
        assert counts["mentions"] == 2
        assert store.doc_ids_for_hashes(["h1", "other"]) == {"h1": "d1"}


def test_offsets_read_back_the_evidence(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([processed()])
        row = store.rows(
            'SELECT substr(d.text, m.start + 1, m."end" - m.start) AS span, m.text '
            "FROM mentions m JOIN documents d USING (doc_id) WHERE m.mention_id = 'd1-m2'"
        )[0]
        assert row["span"] == row["text"] == "Moscow"


def test_unresolved_mentions_are_kept_and_furniture_flagged(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([processed()])
        assert store.scalar("SELECT count(*) FROM mentions WHERE NOT resolved") == 1
        assert store.scalar("SELECT count(*) FROM sentences WHERE furniture") == 1


def test_event_mentions_round_trip_as_records(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([processed()])
        [event] = list(load_records.event_mentions(store))
        assert event.actors == [IRAN, RUSSIA]
        assert event.date == "2022-03" and event.date_precision == "month"


def test_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    bad = processed("d2", "h2")
    bad.events[0].quad = None  # type: ignore[assignment]  # violates NOT NULL
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents([processed()])
        with pytest.raises(duckdb.ConstraintException):
            store.write_documents([processed("d3", "h3"), bad])
        assert store.scalar("SELECT count(*) FROM documents") == 1
        assert store.scalar("SELECT count(*) FROM sentences WHERE doc_id IN ('d2', 'd3')") == 0


def test_read_only_open_of_a_missing_store_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing.duckdb"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_a_file_that_is_not_a_store_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "junk.duckdb"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="junk.duckdb"):
        Store(path)


def _hold_lock(path: str, ready: multiprocessing.synchronize.Event, done: multiprocessing.synchronize.Event) -> None:
    with Store(path):
        ready.set()
        done.wait(30)


def test_second_writer_gets_a_clear_message(tmp_path: Path) -> None:
    path = str(tmp_path / "s.duckdb")
    Store(path).close()
    ctx = multiprocessing.get_context("spawn")
    ready, done = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(path, ready, done))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(StoreError, match="in use by another process"):
            Store(path)
    finally:
        done.set()
        holder.join(30)


def test_a_store_whose_creation_fails_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Store) -> None:
        raise duckdb.IOException("disk full while creating tables")

    monkeypatch.setattr(Store, "migrate", broken)
    with pytest.raises(StoreError, match="cannot create the store: disk full"):
        Store(tmp_path / "new.duckdb")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    with Store(tmp_path / "new.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION
    assert [p.name for p in tmp_path.iterdir()] == ["new.duckdb"]
