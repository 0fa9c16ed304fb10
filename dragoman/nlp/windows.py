"""Long documents parsed in bounded pieces.

The parser's working memory grows with the text it is given at once (about 3.5 GB for a
1 MB document given whole), so a document is cut into windows of at most WINDOW_CHARS
characters, parsed in batches like short documents, and joined back into one Doc whose
text is the document's text: every character offset stays true, and the extractors see
one document as before.

Windows end after a paragraph break where there is one (sentences never cross a paragraph
break here: ``dragoman_paragraph_breaks``), else after a line break, a sentence end or a
space, and only as a last resort inside a word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dragoman.nlp.heap import release_free_memory

WINDOW_CHARS = 20_000
# Characters parsed at once: the parser's memory follows the batch's text, not its count of
# documents (16 analyses of 20,000 characters took about 1 GB; 60,000 characters about 200 MB).
BATCH_CHARS = 60_000
# Text parsed on each side of a window and then dropped: the tagger sees four tokens either
# way and the entity recogniser looks ahead, so a window parsed with its neighbours' edges
# gets the tags, parse and entities the whole text would (tests/nlp/test_windows.py).
CONTEXT_CHARS = 1_000
# Where a window may end, best first; each cut falls after the separator.
SEPARATORS = ("\n\n", "\n", ". ", " ")
# Windows parsed between two returns of the heap's free pages to the system (nlp/heap.py).
TRIM_EVERY = 5


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """Contiguous (start, end) spans that cover the text, each at most ``size`` characters."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        end = limit
        for separator in SEPARATORS:
            cut = text.rfind(separator, start + size // 4, limit)
            if cut != -1:
                end = min(limit, cut + len(separator))
                break
        # A run of spaces or line breaks belongs to the window before it.
        while end < len(text) and text[end] in " \n" and end - start < size:
            end += 1
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


class _Joiner:
    """One Doc from consecutive windows, text and offsets as in the whole document.

    What ``Doc.from_docs`` does, but each window is reduced to its words and token array as
    it arrives and then let go: holding every window's Doc until the join raised the
    parse's peak memory by more than a third on long documents (docs/reliability.md).
    """

    ATTRS = list(Doc._get_array_attrs())

    def __init__(self) -> None:
        self.only: Doc | None = None  # the first window, kept whole until a second arrives
        self.vocab: Vocab | None = None
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.arrays: list[numpy.ndarray] = []

    def add(self, doc: Doc) -> None:
        if self.vocab is None:
            self.only, self.vocab = doc, doc.vocab
            return
        if self.only is not None:
            self._reduce(self.only)
            self.only = None
        self._reduce(doc)

    def _reduce(self, doc: Doc) -> None:
        if doc.user_data or doc.spans:
            raise ValueError("a window carries user data or span groups, which the join would drop")
        self.words.extend(token.text for token in doc)
        self.spaces.extend(bool(token.whitespace_) for token in doc)
        self.arrays.append(doc.to_array(self.ATTRS))
        if len(self.arrays) % TRIM_EVERY == 0:
            release_free_memory()

    def joined(self) -> Doc:
        if self.only is not None:
            return self.only
        if self.vocab is None:
            raise ValueError("no window was parsed")
        joined = Doc(self.vocab, words=self.words, spaces=self.spaces)
        self.words, self.spaces = [], []
        # Attribute by attribute, each window's rows copied in and let go: the transpose is
        # the layout from_array reads without a copy of its own.
        columns = numpy.empty((len(self.ATTRS), len(joined)), dtype=numpy.uint64)
        start = 0
        self.arrays.reverse()
        while self.arrays:
            array = self.arrays.pop()
            columns[:, start : start + len(array)] = array.T
            start += len(array)
        joined = _lean(joined.from_array(self.ATTRS, cast(Any, columns.T)))  # typed as thinc's Ints2d
        del columns
        release_free_memory()
        return joined


def _lean(doc: Doc) -> Doc:
    """Drop the token vectors the extractors never read (96 floats a token, kept per document)."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc


Piece = tuple[str, int, int, int]  # text parsed (window and context), document index, window start and end in it


def _pieces(texts: Sequence[str], indexes: Iterable[int]) -> Iterator[Piece]:
    """Each window of each text, with up to CONTEXT_CHARS of its neighbours on either side."""
    for index in indexes:
        text = texts[index]
        spans = windows(text)
        for start, end in spans:
            if len(spans) == 1:
                yield text, index, 0, len(text)
                continue
            before = max(0, start - CONTEXT_CHARS)
            after = min(len(text), end + CONTEXT_CHARS)
            yield text[before:after], index, start - before, end - before


def _own(nlp: Language, doc: Doc, start: int, end: int) -> Doc:
    """The window's part of a Doc parsed with context; parsed alone when a cut falls inside a token."""
    if start == 0 and end == len(doc.text):
        return _lean(doc)
    span = doc.char_span(start, end)
    own = span.as_doc() if span is not None else None
    if own is None or own.text != doc.text[start:end]:
        own = nlp(doc.text[start:end])
    return _lean(own)


def _batched(pieces: Iterator[Piece], budget: int) -> Iterator[list[Piece]]:
    """Consecutive pieces in groups of at most ``budget`` characters (a longer piece alone)."""
    group: list[Piece] = []
    filled = 0
    for piece in pieces:
        if group and filled + len(piece[0]) > budget:
            yield group
            group, filled = [], 0
        group.append(piece)
        filled += len(piece[0])
    if group:
        yield group


def _parsed(nlp: Language, pieces: Iterator[Piece], budget: int) -> Iterator[tuple[Doc, int]]:
    for group in _batched(pieces, budget):
        texts = ((text, (index, start, end)) for text, index, start, end in group)
        for doc, (index, start, end) in nlp.pipe(texts, as_tuples=True, batch_size=len(group)):
            yield _own(nlp, doc, start, end), index


def parse_each(nlp: Language, texts: Sequence[str], budget: int = BATCH_CHARS) -> Iterator[Doc | Exception]:
    """A Doc for each text, in order, or the exception that parsing that text raised.

    Windows of every text go through the pipeline together, short documents batched as
    before; when a batch fails, the texts not yet returned are parsed one by one, so only
    the text at fault gets its exception.
    """
    done = 0
    current: _Joiner | None = None
    try:
        for doc, index in _parsed(nlp, _pieces(texts, range(len(texts))), budget):
            if current is not None and index != done:
                yield current.joined()
                done, current = index, None
            current = current or _Joiner()
            current.add(doc)
        if current is not None:
            yield current.joined()
        return
    except Exception:  # which text failed is not known: find it below
        pass
    for index in range(done, len(texts)):
        try:
            joiner = _Joiner()
            for doc, _ in _parsed(nlp, _pieces(texts, [index]), budget):
                joiner.add(doc)
            yield joiner.joined()
        except Exception as exc:
            yield exc
