"""The status of what a statement says, read inside its content with the event status cues."""

from __future__ import annotations

import pytest

from dragoman.domain.records import Statement
from dragoman.quotes import QuoteExtractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract(analyse):  # type: ignore[no-untyped-def]
    extractor = QuoteExtractor()

    def run(text: str) -> list[Statement]:
        return extractor.extract(*analyse(text, "2023-03-10"))

    return run


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Raisi said Iran would send drones to Russia.", "hypothetical"),
        ("Raisi said Iran may send drones to Russia.", "hypothetical"),
        ("Raisi said Iran reportedly sent drones to Russia.", "alleged"),
        ("Raisi said Iran sent drones to Russia.", "asserted"),
        ("Raisi said Ukraine denied that Iran sent drones to Russia.", "asserted"),
        ('"Iran will never send drones to Russia," Raisi said.', "hypothetical"),
    ],
)
def test_content_status(extract, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    [statement] = extract(text)
    assert statement.status == status
