"""One document that cannot be read or processed is one error; the batch, the later files and the
closing merge go on, whichever executor runs the batch."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from dragoman import crashpoints
from dragoman.config import Settings
from dragoman.events import EventExtractor
from dragoman.pipeline.ingest import ingest
from dragoman.pipeline.parallel import WORKER_DIED, DaskBatchExecutor, ProcessPoolBatchExecutor, ready_worker
from dragoman.pipeline.process import ProcessorConfig
from dragoman.store import Store
from tests.ingest import hostile
from tests.ingest.test_language import FRENCH

pytestmark = pytest.mark.slow

GOOD = {
    "a.txt": "Putin visits Tehran\n\nRussian President Vladimir Putin visited Tehran on July 19, 2022, and met "
    "Supreme Leader Ali Khamenei.",
    "m.txt": "Sanctions\n\nThe European Union imposed sanctions on Iran on October 20, 2022.",
    "zz.md": "# Rail deal\n\nRussia and Iran signed an agreement on May 17, 2023, to build a railway.",
}
LISTED = {
    "p.txt": "Talks\n\nTurkey hosted talks between Armenia and Azerbaijan in Ankara on June 3, 2021.",
    "q.txt": "Sanctions\n\nJapan froze the assets of three Russian banks on March 1, 2022.",
    "r.txt": "Visit\n\nThe Indian foreign minister visited Moscow on November 8, 2022, and met Sergei Lavrov.",
}
MARKER = "This sentence breaks the extractor."


def stored(db: Path) -> dict[str, Any]:
    with Store(db, read_only=True) as store:
        return {
            "documents": [r["path"].rsplit("/", 1)[-1] for r in store.rows("SELECT path FROM documents ORDER BY path")],
            "languages": {
                r["path"].rsplit("/", 1)[-1]: r["language"] for r in store.rows("SELECT path, language FROM documents")
            },
            "titles": {
                r["path"].rsplit("/", 1)[-1]: r["title"] for r in store.rows("SELECT path, title FROM documents")
            },
            "unmerged": store.scalar("SELECT count(*) FROM event_mentions WHERE event_id IS NULL"),
            "events": store.scalar("SELECT count(*) FROM events"),
        }


def test_hostile_files_between_good_ones_are_one_error_each(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in GOOD.items():
        (corpus / name).write_text(text)
    hostile.jsonl_huge_integer(corpus / "b.jsonl")
    hostile.jsonl_lone_surrogate(corpus / "c.jsonl")
    hostile.jsonl_deep_nesting(corpus / "d.jsonl")
    hostile.pdf_bomb(corpus / "e.pdf")
    (corpus / "f.txt").write_text("word " * 1_060_000)  # over the limit of 5,000,000 characters set below
    (corpus / "g.txt").write_text(FRENCH)
    hostile.manifest_latin1(corpus / "manifest.csv", "a.txt")
    listed = tmp_path / "listed"  # a second folder, whose manifest leaves a quote open on its second row
    listed.mkdir()
    for name, text in LISTED.items():
        (listed / name).write_text(text)
    hostile.manifest_unterminated_quote(listed / "manifest.csv", "p.txt", "q.txt", "r.txt")
    settings = Settings(db=tmp_path / "s.duckdb", batch_size=2, max_chars=5_000_000)

    report = ingest([corpus, listed], settings)

    assert [str(e).removeprefix(str(corpus) + "/") for e in report.errors] == [
        "manifest.csv:2: manifest is not UTF-8 (byte 0xe9); save it as UTF-8",
        f"{listed}/manifest.csv:3: a quote opened on this line is never closed; row skipped",
        "b.jsonl: line 1: invalid JSON (Exceeds the limit (4300 digits) for integer string conversion)",
        "c.jsonl: line 1: not valid Unicode (a lone surrogate escape such as \\ud800)",
        "d.jsonl: line 1: invalid JSON (nested too deep)",
        "e.pdf: PDF content too large to read (a stream inflates past the reader's limit)",
        "f.txt: text is 5,300,000 characters, over the limit of 5,000,000 (max_chars in dragoman.toml)",
    ]
    assert (report.ok, report.added, report.not_english) == (False, 7, [(str(corpus / "g.txt"), "fr")])
    after = stored(settings.db)
    assert after["documents"] == ["a.txt", "g.txt", "m.txt", "zz.md", "p.txt", "q.txt", "r.txt"]
    assert after["titles"]["r.txt"] == "Title of r.txt" and after["titles"]["q.txt"] == "Sanctions"
    assert after["languages"] == {"a.txt": None, "g.txt": "fr", "m.txt": None, "zz.md": None} | dict.fromkeys(
        ("p.txt", "q.txt", "r.txt")
    )  # short: untold
    assert after["unmerged"] == 0 and after["events"] > 0  # the closing merge ran


def _corpus_with_a_breaking_document(folder: Path) -> Path:
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text)
    (folder / "b.txt").write_text(f"Trouble\n\nIran and Russia signed a deal in Baku. {MARKER}")
    return folder


def _breaking_extract(self: EventExtractor, document: Any, *args: Any) -> Any:
    if MARKER in document.text:
        raise RuntimeError("an extractor fault")
    return ORIGINAL_EXTRACT(self, document, *args)


ORIGINAL_EXTRACT = EventExtractor.extract


def install_fault_and_ready(config: ProcessorConfig) -> None:
    """A pool worker's initialiser: the event extractor fails on one document, then the usual readying."""
    EventExtractor.extract = _breaking_extract  # type: ignore[method-assign,assignment]
    ready_worker(config)


def _check_one_failure(report: Any, corpus: Path, db: Path) -> None:
    assert [str(e) for e in report.errors] == [
        f"{corpus / 'b.txt'}: extraction failed (RuntimeError: an extractor fault)"
    ]
    assert report.added == 3
    after = stored(db)
    assert after["documents"] == ["a.txt", "m.txt", "zz.md"] and after["unmerged"] == 0


def test_an_extraction_failure_in_the_serial_path_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EventExtractor, "extract", _breaking_extract)
    corpus = _corpus_with_a_breaking_document(tmp_path / "corpus")
    settings = Settings(db=tmp_path / "s.duckdb", batch_size=4)
    _check_one_failure(ingest([corpus], settings), corpus, settings.db)
    monkeypatch.undo()
    rerun = ingest([corpus], settings)  # the failed document was not stored: a rerun tries it again
    assert (rerun.added, rerun.unchanged, rerun.errors) == (1, 3, [])


def test_an_extraction_failure_in_a_worker_process_is_one_error(tmp_path: Path) -> None:
    corpus = _corpus_with_a_breaking_document(tmp_path / "corpus")
    settings = Settings(db=tmp_path / "p.duckdb", batch_size=4)
    config = ProcessorConfig()
    executor = ProcessPoolBatchExecutor(config, 1)
    executor.pool.shutdown()
    executor.pool = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=install_fault_and_ready,
        initargs=(config,),
    )
    _check_one_failure(ingest([corpus], settings, executor=executor), corpus, settings.db)


def test_an_extraction_failure_on_a_dask_worker_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dask.distributed import Client, LocalCluster

    monkeypatch.setattr(EventExtractor, "extract", _breaking_extract)  # the workers are threads of this process
    corpus = _corpus_with_a_breaking_document(tmp_path / "corpus")
    settings = Settings(db=tmp_path / "d.duckdb", batch_size=4)
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        report = ingest([corpus], settings, executor=DaskBatchExecutor(ProcessorConfig(), client))
    _check_one_failure(report, corpus, settings.db)


def test_a_document_that_kills_its_worker_process_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus_with_a_breaking_document(tmp_path / "corpus")
    (corpus / "c.txt").write_text("Talks\n\nTurkey hosted talks between Armenia and Azerbaijan on June 3, 2021.")
    killer = corpus / "b.txt"
    # The worker given b.txt dies by SIGKILL, every time: the pool breaks with every task in it.
    monkeypatch.setenv("DRAGOMAN_CRASH_AT", f"{crashpoints.IN_WORKER}@{killer}")
    settings = Settings(db=tmp_path / "k.duckdb", batch_size=2)
    report = ingest([corpus], settings, executor=ProcessPoolBatchExecutor(ProcessorConfig(), 2))
    assert [str(e) for e in report.errors] == [f"{killer}: {WORKER_DIED}"]
    assert (report.ok, report.added) == (False, 4)
    after = stored(settings.db)
    assert after["documents"] == ["a.txt", "c.txt", "m.txt", "zz.md"]
    assert after["unmerged"] == 0 and after["events"] > 0  # the closing merge ran


def test_a_document_that_kills_its_dask_worker_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dask
    from dask.distributed import Client, LocalCluster

    corpus = _corpus_with_a_breaking_document(tmp_path / "corpus")
    (corpus / "c.txt").write_text("Talks\n\nTurkey hosted talks between Armenia and Azerbaijan on June 3, 2021.")
    killer = corpus / "b.txt"
    # The worker given b.txt dies by SIGKILL, every time; its nanny starts a new one. The
    # scheduler gives up on a task at the first death here (allowed-failures 0), so the task
    # is retried twice, then its documents run one by one.
    monkeypatch.setenv("DRAGOMAN_CRASH_AT", f"{crashpoints.IN_WORKER}@{killer}")
    settings = Settings(db=tmp_path / "k.duckdb", batch_size=2)
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        report = ingest([corpus], settings, executor=DaskBatchExecutor(ProcessorConfig(), client))
    assert [str(e) for e in report.errors] == [f"{killer}: {WORKER_DIED}"]
    assert (report.ok, report.added) == (False, 4)
    after = stored(settings.db)
    assert after["documents"] == ["a.txt", "c.txt", "m.txt", "zz.md"]
    assert after["unmerged"] == 0 and after["events"] > 0  # the closing merge ran
