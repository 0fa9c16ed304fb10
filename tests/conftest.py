"""Shared fixtures: where the third-party data lives, and small hand-made records."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """../shared beside the checkout (as in CI), or $DRAGOMAN_SHARED."""
    candidates = [os.environ.get("DRAGOMAN_SHARED"), REPO.parent / "shared", Path("/work/shared")]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    pytest.skip("../shared is not available")
    raise AssertionError  # unreachable


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()
