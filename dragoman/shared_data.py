"""Where the third-party evaluation and benchmark data lives: read at run time, never copied."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir(needs: str = "") -> Path:
    """$DRAGOMAN_SHARED, else ../shared beside the checkout, else /work/shared; the first that holds ``needs``."""
    for candidate in (os.environ.get("DRAGOMAN_SHARED"), REPO.parent / "shared", Path("/work/shared")):
        if candidate and (Path(candidate) / needs).is_dir():
            return Path(candidate)
    raise FileNotFoundError(f"shared data{' (' + needs + ')' if needs else ''} not found: set DRAGOMAN_SHARED")
