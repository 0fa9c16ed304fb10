"""The processed output of sample/ stays identical across refactorings (see tests/golden.py), floats to
within FLOAT_TOLERANCE."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.golden import CORPUS_DIGEST, GOLDEN, processed_corpus_digest, processed_sample

# Model confidences may differ by a unit of their last digit between machines: the encoder's
# float operations (layer norms, GELU) take different vector instructions on different CPUs.
# Everything else is compared exactly.
FLOAT_TOLERANCE = 0.002


def _without_floats(row: list[Any]) -> str:
    return json.dumps([None if isinstance(value, float) else value for value in row], sort_keys=True)


def assert_rows_match(actual: list[list[Any]], expected: list[list[Any]], table: str) -> None:
    """The same columns and rows, floats within FLOAT_TOLERANCE."""
    assert actual[0] == expected[0], table
    found = sorted(actual[1:], key=_without_floats)
    wanted = sorted(expected[1:], key=_without_floats)
    keys = [_without_floats(row) for row in found]
    wanted_keys = [_without_floats(row) for row in wanted]
    assert keys == wanted_keys, (table, sorted(set(keys) ^ set(wanted_keys))[:4])
    for row, wanted_row in zip(found, wanted, strict=True):
        for value, wanted_value in zip(row, wanted_row, strict=True):
            if isinstance(wanted_value, float):
                assert value == pytest.approx(wanted_value, abs=FLOAT_TOLERANCE), (table, wanted_row)


@pytest.mark.slow
def test_sample_output_is_unchanged(tmp_path: Path) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(processed_sample(tmp_path), ensure_ascii=False, sort_keys=True))
    assert sorted(actual) == sorted(expected)
    for table in expected:
        assert_rows_match(actual[table], expected[table], table)


def test_a_confidence_may_move_by_a_unit_of_its_last_digit_and_nothing_else_may() -> None:
    columns = ["type", "confidence"]
    assert_rows_match([columns, ["AID", 0.629]], [columns, ["AID", 0.63]], "t")
    with pytest.raises(AssertionError):
        assert_rows_match([columns, ["AID", 0.62]], [columns, ["AID", 0.63]], "t")
    with pytest.raises(AssertionError):
        assert_rows_match([columns, ["SUPPORT", 0.63]], [columns, ["AID", 0.63]], "t")


@pytest.mark.slow
def test_the_five_analyses_process_as_before(tmp_path: Path, shared: Path) -> None:
    """The digest of the processed analyses (first made with the code before the redesign
    step, commit 8d4d58a; rewritten by ``python -m tests.golden --write`` when a change is
    meant to alter the output); the corpus is read from ../shared, no text of it is kept here."""
    expected = CORPUS_DIGEST.read_text(encoding="utf-8").strip()
    assert processed_corpus_digest(tmp_path, shared / "corpus" / "iran-russia") == expected
