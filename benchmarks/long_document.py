"""Time and peak memory of processing one long document (parse in windows, then extraction).

Builds a multi-paragraph text of the size asked for from the BBC politics articles in
../shared/bench (read at run time, never copied), processes it as one document in a fresh
process, and prints one line a size: wall and CPU seconds, and peak RSS, after the parse and after the
extractors (on a shared machine the CPU seconds are the figure to compare).

With ``--ingest`` the text is written to a file and ingested whole into a fresh store, as
``dragoman ingest`` does it (reading, normalising, furniture, dedup, parse, extraction,
writing, closing merge), with the model loaded before the clock starts.

    PYTHONPATH=. python -m benchmarks.long_document 250000 1000000
    PYTHONPATH=. python -m benchmarks.long_document --parse-only 1000000 10000000
    PYTHONPATH=. python -m benchmarks.long_document --ingest 1000000 2500000 5000000 10000000
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dragoman.evaluation.shared import shared_dir


def long_text(chars: int) -> str:
    """Paragraphs of the articles in turn, separated by blank lines, cut to ``chars`` characters."""
    corpus = shared_dir("bench/bbc/politics") / "bench" / "bbc" / "politics"
    articles = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.glob("*.txt"))]
    if not articles:
        raise SystemExit(f"no articles in {corpus}")
    parts: list[str] = []
    total = 0
    while total < chars:
        for article in articles:
            parts.append(article.strip() + "\n\n")
            total += len(parts[-1])
            if total >= chars:
                break
    return "".join(parts)[:chars]


def _peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def measure(chars: int, extract: bool = True) -> dict[str, float]:
    """Parse one document of ``chars`` characters in windows, then (if ``extract``) run the
    extractors on it; seconds and peak RSS after each phase."""
    from dragoman.domain.records import Document
    from dragoman.ingest import build_document
    from dragoman.ingest.readers import RawText
    from dragoman.nlp import load_model, sentence_records
    from dragoman.nlp.windows import parse_each
    from dragoman.pipeline.stages import DocState, ProcessorConfig, stage_specs

    config = ProcessorConfig()
    after_parse = [spec.build(config) for spec in stage_specs(config)[1:]]
    nlp = load_model()
    document = build_document("long.txt", RawText(long_text(chars), "txt"), {})
    if not isinstance(document, Document):
        raise SystemExit(str(document))
    figures: dict[str, float] = {"chars": chars, "rss_mb_model_loaded": _peak_mb()}
    start, cpu = time.perf_counter(), time.process_time()
    [parsed] = parse_each(nlp, [document.text])
    figures |= {
        "parse_s": round(time.perf_counter() - start, 1),
        "parse_cpu_s": round(time.process_time() - cpu, 1),
        "peak_rss_mb_parse": _peak_mb(),
    }
    if isinstance(parsed, Exception):
        raise SystemExit(repr(parsed))
    figures["tokens"] = len(parsed)
    if extract:
        start, cpu = time.perf_counter(), time.process_time()
        stream = iter([DocState(document, spacy_doc=parsed, sentences=sentence_records(document, parsed))])
        for stage in after_parse:
            stream = stage.pipe(stream)
        result = next(stream).processed([])
        figures |= {
            "extract_s": round(time.perf_counter() - start, 1),
            "extract_cpu_s": round(time.process_time() - cpu, 1),
            "peak_rss_mb": _peak_mb(),
            "sentences": len(result.sentences),
            "mentions": len(result.mentions),
            "events": len(result.events),
            "quotes": len(result.statements),
        }
    return figures


def measure_ingest(chars: int) -> dict[str, float]:
    """Ingest one file of ``chars`` characters into a fresh store: the whole pipeline's
    seconds and this process's peak RSS (serial: the parse and extraction run here)."""
    from dragoman.config import Settings
    from dragoman.pipeline.ingest import ingest
    from dragoman.pipeline.process import ProcessorConfig, cached_processor
    from dragoman.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "long.txt"
        source.write_text(long_text(chars), encoding="utf-8")
        settings = Settings(db=folder / "long.duckdb")
        start = time.perf_counter()
        cached_processor(ProcessorConfig.from_settings(settings))  # the model, loaded once as a worker does
        figures: dict[str, float] = {
            "chars": chars,
            "load_s": round(time.perf_counter() - start, 1),
            "rss_mb_model_loaded": _peak_mb(),
        }
        start, cpu = time.perf_counter(), time.process_time()
        report = ingest([source], settings)
        figures |= {
            "ingest_s": round(time.perf_counter() - start, 1),
            "ingest_cpu_s": round(time.process_time() - cpu, 1),
            "peak_rss_mb": _peak_mb(),
            "added": report.added,
            "errors": len(report.errors),
        }
        with Store(settings.db, read_only=True) as store:
            for table in ("sentences", "mentions", "event_mentions", "statements"):
                figures[table] = int(store.scalar(f'SELECT count(*) FROM "{table}"'))
    return figures


def main(sizes: list[int], extract: bool, whole_ingest: bool = False) -> None:
    for chars in sizes:  # each size in a fresh process, so peaks do not carry over
        call = f"measure_ingest({chars})" if whole_ingest else f"measure({chars}, extract={extract})"
        code = f"import json; from benchmarks.long_document import measure, measure_ingest; print(json.dumps({call}))"
        output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        print(json.dumps(json.loads(output.strip().splitlines()[-1])), flush=True)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a not in {"--parse-only", "--ingest"}]
    main(
        [int(a) for a in arguments] or [1_000_000, 10_000_000],
        extract="--parse-only" not in sys.argv,
        whole_ingest="--ingest" in sys.argv,
    )
