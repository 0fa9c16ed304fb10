"""Runs ingests, each in a fork of one process that has loaded dragoman and its model once.

The soak test kills fifty ingests. Started afresh, each would spend most of its short
life importing spaCy, loading the model, the knowledge base, the gazetteer and the event
coder's encoder (about five seconds, several times that on a loaded machine); forked from a
warm process that has processed one document, each is a real process of its own that dies
with SIGKILL as a fresh one would, and costs only its ingest (the kill points lie in the
ingest and the store, which a warm processor leaves as they are).

Protocol: one JSON object a line on stdin, ``{"args": [...], "env": {...}}``; one line
back on stdout, the child's exit code (negative for a signal, as subprocess reports it).
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dragoman.domain.records import Document


def run_child(request: dict[str, Any]) -> None:
    os.environ.update(request["env"])
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    code = 0
    try:
        from dragoman.cli import app

        app(args=request["args"], prog_name="dragoman")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        code = 1
    os._exit(code)


def warm_up_document() -> Document:
    from dragoman.domain.records import Document

    text = "Officials from Iran and Russia met in Tehran on March 3, 2023."
    return Document(doc_id="warm-up", path="warm-up.txt", text=text, content_hash="warm-up", source_format="txt")


def serve() -> None:
    from dragoman.cli import app  # noqa: F401  (imported once, before any fork)
    from dragoman.pipeline.process import ProcessorConfig, cached_processor

    # The processor the ingest builds (the spaCy model, the knowledge base, the gazetteer, the
    # word lists) and what the learned coder loads at its first sentence (the encoder's session,
    # scikit-learn for the word features): loaded once here, each fork costs only its ingest.
    processor = cached_processor(ProcessorConfig())
    processor.process([warm_up_document()])
    print("ready", flush=True)
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            run_child(json.loads(line))
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


if __name__ == "__main__":
    serve()
