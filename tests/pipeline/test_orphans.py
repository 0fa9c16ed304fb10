"""kill -9 of an ingest with local workers leaves no process behind: the workers exit with their parent."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
PR_SET_CHILD_SUBREAPER = 36
# The ingest's own executor with two workers; it says "ready" once both answer a task.
PARENT = """
import os, sys
from dragoman.pipeline.parallel import ProcessPoolBatchExecutor
from dragoman.pipeline.process import ProcessorConfig
executor = ProcessPoolBatchExecutor(ProcessorConfig(), 2)
seen = set()
while len(seen) < 2:
    seen.update(f.result() for f in [executor.pool.submit(os.getpid) for _ in range(4)])
print("ready", flush=True)
sys.stdin.read()
"""


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture()
def subreaper() -> Iterator[None]:
    """Orphans of the killed process come to this one, so it can wait for them (Linux)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        pytest.skip("cannot become a child subreaper here")
    try:
        yield
    finally:
        libc.prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)


def test_workers_exit_when_the_ingest_is_killed(subreaper: None) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None and parent.stdout.readline() == "ready\n"
    orphans = children_of(parent.pid)
    assert len(orphans) >= 2  # the two workers (and the resource tracker, if one was started)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    exited: dict[int, int] = {}

    def reap(pid: int) -> None:
        exited[pid] = os.waitpid(pid, 0)[1]  # each orphan is now this process's child

    waiters = [threading.Thread(target=reap, args=(pid,), daemon=True) for pid in orphans]
    for waiter in waiters:
        waiter.start()
    for waiter in waiters:
        waiter.join(timeout=120)  # a guard against hanging the suite, not a measure of time
    left = [pid for pid in orphans if pid not in exited]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"processes still running after their parent was killed: {left}"
