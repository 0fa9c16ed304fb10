from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.ingest.normalise import normalise, normalised_text


def test_emphasis_removed_and_offsets_true() -> None:
    text, offsets = normalise("**O**n October 10 the envoys met.")
    assert text == "On October 10 the envoys met."
    start = text.index("October 10")
    assert text[start : start + 10] == "October 10"
    assert offsets[start] == "**O**n October 10 the envoys met.".index("October")


def test_odd_spaces_and_line_ends() -> None:
    text, _ = normalise("Tehran\u00a0and\u202fMoscow\r\nagreed\u200b.")
    assert text == "Tehran and Moscow\nagreed."


def test_smart_quotes_kept_and_nfc() -> None:
    raw = "The minister\u2019s \u201cred line\u201d in Mashhad" + "e\u0301"
    text, _ = normalise(raw)
    assert "\u2019s \u201cred line\u201d" in text
    assert text.endswith("\u00e9")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_offset_map_points_back_to_the_same_characters(raw: str) -> None:
    text, offsets = normalise(raw)
    source = unicodedata.normalize("NFC", raw)
    assert len(offsets) == len(text)
    assert offsets == sorted(offsets)
    for char, index in zip(text, offsets, strict=True):
        assert char == source[index] or char in " \n"


@given(st.text(alphabet=st.sampled_from(list("ab *_\\\r\n\t.\u00a0\u200b\u00adé\u0301")), max_size=40))
def test_text_without_the_map_is_the_same_text(raw: str) -> None:
    assert normalised_text(raw) == normalise(raw)[0]
