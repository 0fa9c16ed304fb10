"""The processed output of sample/ stays byte-identical across refactorings (see tests/golden.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden import GOLDEN, processed_corpus_digest, processed_sample


@pytest.mark.slow
def test_sample_output_is_unchanged(tmp_path: Path) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(processed_sample(tmp_path), ensure_ascii=False, sort_keys=True))
    assert sorted(actual) == sorted(expected)
    for table in expected:
        assert actual[table] == expected[table], table


@pytest.mark.slow
def test_the_five_analyses_process_as_before(tmp_path: Path, shared: Path) -> None:
    """The digest was made with the code before the redesign step (commit 8d4d58a), the
    corpus read from ../shared at test time; no text of it is kept here."""
    expected = (GOLDEN.parent / "golden_corpus.sha256").read_text(encoding="utf-8").strip()
    assert processed_corpus_digest(tmp_path, shared / "corpus" / "iran-russia") == expected
