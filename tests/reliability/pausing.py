"""Waiting on an ingest held at a crash point (``DRAGOMAN_PAUSE_AT``), and letting it go on."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path


def pause_env(point: str, folder: Path) -> dict[str, str]:
    folder.mkdir(exist_ok=True)
    return {"DRAGOMAN_PAUSE_AT": point, "DRAGOMAN_PAUSE_DIR": str(folder)}


def wait_until_paused(process: subprocess.Popen[bytes], folder: Path, point: str, nth: int) -> bool:
    """True once the process waits at the nth pass of ``point``; False if it ended first."""
    waiting = folder / f"{point}-{nth}.waiting"
    while not waiting.exists():
        if process.poll() is not None:
            return waiting.exists()
        time.sleep(0.01)
    return True


def let_go(folder: Path, point: str, nth: int) -> None:
    (folder / f"{point}-{nth}.go").touch()
