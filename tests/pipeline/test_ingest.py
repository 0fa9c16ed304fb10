"""End-to-end ingest: dedup, re-ingest, errors, and identical results in parallel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.config import Settings
from dragoman.pipeline.ingest import ingest
from dragoman.pipeline.parallel import DaskBatchExecutor, ProcessPoolBatchExecutor
from dragoman.pipeline.process import ProcessorConfig
from dragoman.store import Store
from tests.pipeline.heap_probe import faults_reusing_large_buffers, profiler_running

pytestmark = pytest.mark.slow

BRIEFS = {
    "a.txt": "Putin visits Tehran\n\nRussian President Vladimir Putin visited Tehran on July 19, 2022, and met "
    "Supreme Leader Ali Khamenei. The two leaders discussed gas and grain.",
    "b.txt": "Drones reported\n\nIran has reportedly sent drones to Russia, according to US officials.",
    "c.txt": "Sanctions\n\nThe European Union imposed sanctions on Iran on October 20, 2022. Tehran condemned the "
    'decision. "These measures are illegal," the foreign ministry spokesman said.',
    "d.txt": "Denial\n\nTehran denies providing drones to Moscow for use in the war in Ukraine.",
    "e.md": "# Rail deal\n\nRussia and Iran signed an agreement on May 17, 2023, to build a railway.",
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in BRIEFS.items():
        (folder / name).write_text(text)
    return folder


def snapshot(db: Path) -> dict[str, list]:  # type: ignore[type-arg]
    with Store(db, read_only=True) as store:
        return {
            table: store.rows(f'SELECT * EXCLUDE ({exclude}) FROM "{table}" ORDER BY ALL')
            for table, exclude in {
                "documents": "ingested_at",
                "mentions": "component",
                "event_mentions": "confidence",
                "statements": "confidence",
                "events": "n_mentions",
                "disputes": "summary",
            }.items()
        }


def test_reingest_changes_nothing_and_errors_are_reported(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    db = tmp_path / "s.duckdb"
    errors: list[str] = []
    report = ingest([corpus], Settings(db=db), on_error=lambda e: errors.append(str(e)))
    assert report.added == 5 and len(report.errors) == 1 and "broken.pdf" in errors[0]
    before = snapshot(db)
    again = ingest([corpus], Settings(db=db))
    assert again.added == 0 and again.unchanged == 5
    assert snapshot(db) == before
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM event_mentions WHERE type = 'CONSULT'") >= 1
        assert store.scalar("SELECT count(*) FROM statements") >= 1


def test_near_duplicate_is_linked_not_counted(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "z.txt").write_text(
        "Another site\n\nRepublished with permission.\n" + BRIEFS["a.txt"].split("\n\n", 1)[1]
    )
    db = tmp_path / "s.duckdb"
    report = ingest([corpus], Settings(db=db))
    assert report.duplicates == 1
    with Store(db, read_only=True) as store:
        twin = store.rows("SELECT path, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL")[0]
        assert twin["path"].endswith("z.txt")
        assert (
            store.scalar(
                "SELECT count(*) FROM event_mentions WHERE doc_id IN "
                "(SELECT doc_id FROM documents WHERE duplicate_of IS NOT NULL)"
            )
            == 0
        )


def test_a_later_run_finds_the_twin_of_a_stored_article(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    ingest([write_corpus(tmp_path / "corpus")], Settings(db=db))
    later = tmp_path / "later"
    later.mkdir()
    (later / "z.txt").write_text("Another site\n\nRepublished with permission.\n" + BRIEFS["a.txt"].split("\n\n", 1)[1])
    (later / "y.txt").write_text("Copy\n\nRepublished.\n" + BRIEFS["a.txt"].split("\n\n", 1)[1])
    report = ingest([later], Settings(db=db))
    assert (report.added, report.duplicates) == (0, 2)
    with Store(db, read_only=True) as store:
        twins = store.rows(
            "SELECT d.duplicate_of, o.path FROM documents d JOIN documents o ON d.duplicate_of = o.doc_id"
        )
        assert len(twins) == 2 and all(t["path"].endswith("a.txt") for t in twins)
        assert store.scalar("SELECT count(DISTINCT doc_id) FROM near_duplicate_bands") == 5  # originals only


def test_workers_and_dask_store_what_a_serial_run_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dask.distributed import Client, LocalCluster

    from dragoman.pipeline import parallel

    monkeypatch.setattr(parallel, "TASK_DOCUMENTS", 1)  # batches of 2 go out as two tasks

    corpus = write_corpus(tmp_path / "corpus")
    serial = tmp_path / "serial.duckdb"
    ingest([corpus], Settings(db=serial, batch_size=2))
    expected = snapshot(serial)
    assert expected["event_mentions"]

    pooled = tmp_path / "pool.duckdb"
    ingest([corpus], Settings(db=pooled, batch_size=2), executor=ProcessPoolBatchExecutor(ProcessorConfig(), 2))
    assert snapshot(pooled) == expected

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        dasked = tmp_path / "dask.duckdb"
        executor = DaskBatchExecutor(ProcessorConfig(), client)
        profiling_during = client.run(profiler_running)
        ingest([corpus], Settings(db=dasked, batch_size=2), executor=executor)
        profiling_after = client.run(profiler_running)
        faults = client.run(faults_reusing_large_buffers)
    assert snapshot(dasked) == expected
    # the workers' profiler is paused for the ingest and resumes when it ends
    assert set(profiling_during.values()) == {False} and set(profiling_after.values()) == {True}
    # the worker plugin kept large buffers on the heap despite the nanny's malloc setting
    assert len(faults) == 2 and all(count < 2_000 for count in faults.values()), faults


def test_export_after_ingest_round_trips(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dragoman.cli import app

    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["export", "events", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0
    first = json.loads(out.read_text().splitlines()[0])
    with Store(db, read_only=True) as store:
        text = store.scalar("SELECT text FROM documents WHERE doc_id = ?", [first["doc_id"]])
    assert text[first["start"] : first["end"]] == first["sentence"]
    assert {"type", "quad", "actors", "recipients", "date", "date_precision", "status", "extractor"} <= set(first)


def test_parquet_parts_written_during_ingest_rebuild_the_store(tmp_path: Path) -> None:
    from dragoman.pipeline.parquet import load_parquet

    corpus = write_corpus(tmp_path / "corpus")
    db, parts = tmp_path / "s.duckdb", tmp_path / "parts"
    ingest([corpus], Settings(db=db, batch_size=2), parquet_out=parts)
    assert len(list((parts / "documents").iterdir())) == 3
    expected = snapshot(db)
    rebuilt = tmp_path / "rebuilt.duckdb"
    with Store(rebuilt) as store:
        load_parquet(store, parts)
    got = snapshot(rebuilt)
    assert got["event_mentions"] == expected["event_mentions"] and got["events"] == expected["events"]
    assert got["disputes"] == expected["disputes"]
    assert [d["doc_id"] for d in got["documents"]] == [d["doc_id"] for d in expected["documents"]]
