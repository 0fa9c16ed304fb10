"""Time and peak memory of processing one long document (parse in windows, then extraction).

Builds a multi-paragraph text of the size asked for from the BBC politics articles in
../shared/bench (read at run time, never copied), processes it as one document in a fresh
process, and prints one line: size, seconds, peak RSS.

    PYTHONPATH=. python -m benchmarks.long_document 1000000 10000000
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

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


def measure(chars: int) -> dict[str, float]:
    """Process one document of ``chars`` characters in this process; seconds and peak RSS."""
    from dragoman.ingest import build_document
    from dragoman.ingest.readers import RawText
    from dragoman.pipeline.process import DocumentProcessor

    processor = DocumentProcessor()
    document = build_document("long.txt", RawText(long_text(chars), "txt"), {})
    assert not isinstance(document, Exception) and not hasattr(document, "reason"), document
    start = time.perf_counter()
    [result] = processor.process([document])
    seconds = time.perf_counter() - start
    assert result.error is None, result.error
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "chars": chars,
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_mb),
        "sentences": len(result.sentences),
        "mentions": len(result.mentions),
        "events": len(result.events),
        "quotes": len(result.statements),
    }


def main(sizes: list[int]) -> None:
    for chars in sizes:  # each size in a fresh process, so peaks do not carry over
        code = f"import json; from benchmarks.long_document import measure; print(json.dumps(measure({chars})))"
        output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
        print(json.dumps(json.loads(output.strip().splitlines()[-1])), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000_000, 10_000_000])
