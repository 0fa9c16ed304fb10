"""Long texts parsed in windows: offsets stay true, and short texts parse as they did whole."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.domain.records import Document
from dragoman.nlp import load_model, sentence_records
from dragoman.nlp.windows import parse_each, windows

PARAGRAPHS = [
    "Envoys from Tehran and Moscow met in Baku on March 15 to discuss a rail corridor.",
    "The Iranian foreign minister said the talks were useful. Russia's deputy prime minister agreed.",
    "On Tuesday, the European Union imposed sanctions on three Iranian drone makers.",
    '"These measures are illegal," the ministry spokesman in Tehran said on Wednesday.',
    "Azerbaijan offered to host the next round of talks in the spring.",
]
TEXT = "Rail talks\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def test_windows_cover_the_text_and_cut_after_paragraph_breaks() -> None:
    spans = windows(TEXT, size=200)
    assert spans[0][0] == 0 and spans[-1][1] == len(TEXT)
    assert all(end == next_start for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False))
    assert all(end - start <= 200 for start, end in spans)
    assert all(TEXT[end - 2 : end] == "\n\n" for _, end in spans[:-1])


def test_a_line_without_breaks_is_cut_at_spaces_within_the_size() -> None:
    text = "word " * 1000 + "end"
    spans = windows(text, size=1000)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= 1000 and text[e - 1] == " " for s, e in spans[:-1])
    assert windows("x" * 2500, size=1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def _facts(doc: Doc) -> dict[str, Any]:
    return {
        "tokens": [(t.idx, t.text, t.tag_, t.dep_, t.head.i, t.is_sent_start) for t in doc],
        "entities": [(e.start_char, e.end_char, e.label_) for e in doc.ents],
        "sentences": [(s.start_char, s.end_char) for s in doc.sents],
    }


@pytest.mark.slow
def test_windowed_parse_equals_the_whole_text_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = load_model()
    [whole] = parse_each(nlp, [TEXT])
    monkeypatch.setattr("dragoman.nlp.windows.CONTEXT_CHARS", 60)  # a few words of each neighbour
    monkeypatch.setattr("dragoman.nlp.windows.windows", lambda text, size=120: windows(text, size))
    assert len(windows(TEXT, 120)) == 5
    [windowed] = parse_each(nlp, [TEXT], budget=200)
    assert isinstance(whole, Doc) and isinstance(windowed, Doc)
    assert windowed.text == TEXT
    assert _facts(windowed) == _facts(whole)
    document = Document("t", "t.txt", TEXT, "h", "txt")
    records = sentence_records(document, windowed)
    assert [TEXT[s.start : s.end] for s in records] == [s.text for s in records]
    assert records[0].text == "Rail talks" and records[1].text == PARAGRAPHS[0]
    for entity in windowed.ents:  # offsets into the whole text read back the entity
        assert TEXT[entity.start_char : entity.end_char] == entity.text


@Language.component("test_fails_on_marker")
def fails_on_marker(doc: Doc) -> Doc:
    if "FAILS" in doc.text:
        raise ValueError("this window cannot be parsed")
    return doc


def test_a_text_that_fails_to_parse_is_returned_as_its_error_and_the_others_parse() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_fails_on_marker")
    texts = [
        "Iran met Russia in Baku.",
        "Good start.\n\n" + "A middle paragraph. " * 20 + "\n\nIt FAILS here.",
        "Turkey hosted.",
    ]
    results = list(parse_each(nlp, texts, budget=50))
    assert [type(r).__name__ for r in results] == ["Doc", "ValueError", "Doc"]
    assert [r.text for r in results if isinstance(r, Doc)] == [texts[0], texts[2]]
