"""Long texts parsed in windows: offsets stay true, and short texts parse as they did whole."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.domain.records import Document
from dragoman.nlp import load_model, sentence_records
from dragoman.nlp.heap import _libc, release_free_memory
from dragoman.nlp.windows import _Joiner, parse_each, windows

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


def _window(nlp: Language, words: list[str], spaces: list[bool], ents: list[str]) -> Doc:
    heads = [1] + [1] * (len(words) - 1)
    deps = ["nsubj", "ROOT"] + ["dobj"] * (len(words) - 2)
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        tags=["NNP", "VBD"] + ["NN"] * (len(words) - 2),
        heads=heads,
        deps=deps,
        ents=ents,
        lemmas=[w.lower() for w in words],
    )


def test_windows_are_joined_as_spacy_joins_them_each_let_go_on_arrival() -> None:
    nlp = spacy.blank("en")
    pieces = [
        _window(nlp, ["Iran", "struck", "Erbil", "."], [True, True, False, True], ["B-GPE", "O", "B-GPE", "O"]),
        _window(nlp, ["Kyiv", "protested", "strongly"], [True, True, True], ["B-GPE", "O", "O"]),
        _window(nlp, ["Moscow", "replied"], [True, False], ["B-GPE", "O"]),
    ]
    expected = Doc.from_docs(pieces, ensure_whitespace=False)
    joiner = _Joiner()
    for piece in pieces:
        joiner.add(piece)
    assert joiner.arrays and joiner.only is None  # reduced to token arrays, no window Doc kept
    joined = joiner.joined()
    assert joined.text == expected.text == "Iran struck Erbil. Kyiv protested strongly Moscow replied"
    assert (joined.to_array(_Joiner.ATTRS) == expected.to_array(_Joiner.ATTRS)).all()
    assert [(e.text, e.label_) for e in joined.ents] == [
        ("Iran", "GPE"),
        ("Erbil", "GPE"),
        ("Kyiv", "GPE"),
        ("Moscow", "GPE"),
    ]
    assert [t.head.i for t in joined] == [t.head.i for t in expected] == [1, 1, 1, 1, 5, 5, 5, 8, 8]


def test_a_text_of_one_window_is_returned_as_parsed() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Iran met Russia.")
    joiner = _Joiner()
    joiner.add(doc)
    assert joiner.joined() is doc


def test_free_heap_pages_are_handed_back_where_the_c_library_allows() -> None:
    assert release_free_memory() is (_libc() is not None)
