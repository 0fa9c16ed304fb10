from __future__ import annotations

from dragoman.ingest.normalise import normalised_text


def test_emphasis_removed() -> None:
    assert normalised_text("**O**n October 10 the envoys met.") == "On October 10 the envoys met."


def test_odd_spaces_and_line_ends() -> None:
    assert normalised_text("Tehran\u00a0and\u202fMoscow\r\nagreed\u200b.") == "Tehran and Moscow\nagreed."


def test_smart_quotes_kept_and_nfc() -> None:
    text = normalised_text("The minister\u2019s \u201cred line\u201d in Mashhad" + "e\u0301")
    assert "\u2019s \u201cred line\u201d" in text
    assert text.endswith("\u00e9")
