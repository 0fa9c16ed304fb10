"""The processed output of sample/ stays byte-identical across refactorings (see tests/golden.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden import CORPUS_DIGEST, GOLDEN, processed_corpus_digest, processed_sample


@pytest.mark.slow
def test_sample_output_is_unchanged(tmp_path: Path) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(processed_sample(tmp_path), ensure_ascii=False, sort_keys=True))
    assert sorted(actual) == sorted(expected)
    for table in expected:
        assert actual[table] == expected[table], table


@pytest.mark.slow
def test_the_five_analyses_process_as_before(tmp_path: Path, shared: Path) -> None:
    """The digest of the processed analyses (first made with the code before the redesign
    step, commit 8d4d58a; rewritten by ``python -m tests.golden --write`` when a change is
    meant to alter the output); the corpus is read from ../shared, no text of it is kept here."""
    expected = CORPUS_DIGEST.read_text(encoding="utf-8").strip()
    assert processed_corpus_digest(tmp_path, shared / "corpus" / "iran-russia") == expected
