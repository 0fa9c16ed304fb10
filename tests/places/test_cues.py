"""Which names the place words call locative: the object of a preposition of place, or a name
inside one, and not the object of a preposition of origin or party."""

from __future__ import annotations

import pytest

from dragoman.places.cues import load_cues

pytestmark = pytest.mark.slow

# (sentence, word, locative)
CASES = [
    ("Delegates met in Tehran on Monday.", "Tehran", True),
    ("Envoys held talks at Geneva.", "Geneva", True),
    ("Gunmen attacked a market in the Baghdad district of Sadr City.", "Baghdad", True),
    ("Officials from Armenia held talks.", "Armenia", False),
    ("Chile signed an accord with Peru.", "Peru", False),
    ("Kenya accused Somalia of harbouring the gunmen.", "Somalia", False),
    ("Envoys held talks in Oslo between Armenia and Azerbaijan.", "Armenia", False),
    ("Rebels agreed to take part in talks with Sudan.", "Sudan", False),
]


@pytest.mark.parametrize(("text", "word", "locative"), CASES)
def test_is_locative(analyse, text: str, word: str, locative: bool) -> None:  # type: ignore[no-untyped-def]
    _document, parsed, _sentences, _mentions = analyse(text)
    token = next(t for t in parsed if t.text == word)
    assert load_cues().is_locative(token) is locative
