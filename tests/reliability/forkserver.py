"""Runs ingests, each in a fork of one process that has loaded dragoman and its model once.

The soak test kills fifty ingests. Started afresh, each would spend most of its short
life importing spaCy and loading the model (about two seconds, several times that on a
loaded machine); forked from a warm process, each is a real process of its own that
dies with SIGKILL as a fresh one would, and costs only its ingest.

Protocol: one JSON object a line on stdin, ``{"args": [...], "env": {...}}``; one line
back on stdout, the child's exit code (negative for a signal, as subprocess reports it).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


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


def serve() -> None:
    from dragoman.cli import app  # noqa: F401  (imported once, before any fork)
    from dragoman.nlp.model import load_model

    load_model()
    print("ready", flush=True)
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            run_child(json.loads(line))
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


if __name__ == "__main__":
    serve()
