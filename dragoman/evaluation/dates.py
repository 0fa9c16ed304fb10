"""TempEval-3 protocol for time expressions: span F1 (strict and relaxed) and value accuracy.

Each TimeML file gives a text, its document creation time (DCT) and the gold TIMEX3 spans with
their normalised values. A system finds spans in the text given the DCT; a found span matches a
gold one exactly (strict) or by overlap (relaxed); value accuracy is the share of relaxed
matches whose value equals the gold value. Baselines in the same run: dateparser's
``search_dates`` and spaCy's DATE and TIME entities (values from ``dateparser.parse``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from pathlib import Path

from dragoman.events.dates import find_timexes

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str


@dataclass
class TimeMLDocument:
    name: str
    text: str
    dct: str
    gold: list[Timex]


@dataclass
class Score:
    """Counts over a collection; the figures are properties."""

    gold: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    value_right: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, text, gold, got

    @staticmethod
    def _f1(hits: int, found: int, gold: int) -> float:
        return 2 * hits / (found + gold) if found + gold else 0.0

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict, self.found, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return self._f1(self.relaxed, self.found, self.gold)

    @property
    def value_accuracy(self) -> float:
        return self.value_right / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        """TempEval-3's value F1: relaxed F1 times value accuracy."""
        return self.relaxed_f1 * self.value_accuracy


Finder = Callable[[str, str], list[Timex]]


def read_timeml(path: Path) -> TimeMLDocument:
    """Text of <TEXT> with the gold TIMEX3 spans as character offsets into it, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if dct_match is None or body is None:
        raise ValueError("no <DCT> or <TEXT> element")
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, str] | None = None
    gold: list[Timex] = []
    position = 0
    source = body.group(1)
    for tag in TAG.finditer(source):
        chunk = unescape(source[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attributes = tag.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(ATTRIBUTE.findall(attributes)).get("value", ""))
        elif open_timex is not None:
            start, value = open_timex
            gold.append(Timex(start, length, "".join(pieces)[start:length], value))
            open_timex = None
    pieces.append(unescape(source[position:]))
    return TimeMLDocument(path.name, "".join(pieces), dct_match.group(1)[:10], gold)


def read_corpus(folder: Path) -> tuple[list[TimeMLDocument], list[str]]:
    """Every .tml file under the folder, sorted by name, and a one-line error per unreadable file."""
    documents, errors = [], []
    for path in sorted(folder.rglob("*.tml")):
        try:
            documents.append(read_timeml(path))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            errors.append(f"{path}: {exc}")
    return documents, errors


def dragoman_finder(text: str, dct: str) -> list[Timex]:
    return [
        Timex(t.span[0], t.span[1], text[t.span[0] : t.span[1]], t.timex or t.value) for t in find_timexes(text, dct)
    ]


def dateparser_finder(text: str, dct: str) -> list[Timex]:
    """dateparser's own search: spans by its matched strings, values as days."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(dct)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    return list(_locate(text, ((s, moment.date().isoformat()) for s, moment in found)))


def spacy_finder(nlp: object) -> Finder:
    """spaCy DATE and TIME entities, each valued by ``dateparser.parse``."""
    import dateparser

    def find(text: str, dct: str) -> list[Timex]:
        base = datetime.fromisoformat(dct)
        doc = nlp(text)  # type: ignore[operator]
        out = []
        for entity in doc.ents:
            if entity.label_ not in {"DATE", "TIME"}:
                continue
            moment = dateparser.parse(entity.text, languages=["en"], settings={"RELATIVE_BASE": base})
            value = moment.date().isoformat() if moment else ""
            out.append(Timex(entity.start_char, entity.end_char, entity.text, value))
        return out

    return find


def _locate(text: str, found: Iterable[tuple[str, str]]) -> Iterable[Timex]:
    cursor = 0
    for surface, value in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        yield Timex(start, cursor, surface, value)


def score(documents: list[TimeMLDocument], finder: Finder) -> Score:
    total = Score()
    for document in documents:
        found = finder(document.text, document.dct)
        total.gold += len(document.gold)
        total.found += len(found)
        used: set[int] = set()
        for gold in document.gold:
            match = next(
                (i for i, f in enumerate(found) if i not in used and f.start < gold.end and gold.start < f.end), None
            )
            if match is None:
                continue
            used.add(match)
            got = found[match]
            total.relaxed += 1
            total.strict += (got.start, got.end) == (gold.start, gold.end)
            if got.value == gold.value:
                total.value_right += 1
            else:
                total.errors.append((document.name, gold.text, gold.value, got.value))
    return total
