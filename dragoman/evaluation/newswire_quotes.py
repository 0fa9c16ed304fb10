"""Speakers of attributed statements on short wire reports nobody tuned for (newswire dev).

Each item (headline and description) is one document; a hand-coded statement counts as found
when a statement's content overlaps its excerpt, and as right when one of those statements has
the coded speaker: the same country (or organisation code) or a name sharing a word with it.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dragoman.domain.records import Document, Statement

WORD = re.compile(r"\w+")
ENTITY = re.compile(r" #(\d+);")
NAMED_ENTITY = re.compile(r" (quot|amp|lt|gt);")
TAG = re.compile(r"</?\w+>")
GENERIC = frozenset("the a an of in at to and s he she they i we it his her their its".split())


@dataclass
class Item:
    row: int
    title: str
    description: str

    @property
    def text(self) -> str:
        """Headline, a blank line, the description, with the wire's escaped entities read."""
        return clean(self.title) + "\n\n" + clean(self.description)


@dataclass
class GoldQuote:
    row: int
    speaker: str
    country: str
    text: str


@dataclass
class NewswireTally:
    gold: int = 0
    found: int = 0
    right: int = 0
    predicted: int = 0
    wrong: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "found": 100 * self.found / self.gold if self.gold else 0.0,
            "right_speaker": 100 * self.right / self.gold if self.gold else 0.0,
            "right_where_found": 100 * self.right / self.found if self.found else 0.0,
        }


def clean(text: str) -> str:
    """The wire's ` #39;` entities and escaped characters as the characters they stand for."""
    text = ENTITY.sub(lambda m: chr(int(m.group(1))), text)
    text = NAMED_ENTITY.sub(lambda m: html.unescape(f"&{m.group(1)};"), html.unescape(text))
    return TAG.sub("", text).replace("\\$", "$").replace("\\", " ")


def read_items(path: Path) -> dict[int, Item]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {int(r["row"]): Item(int(r["row"]), r["title"], r["description"]) for r in csv.DictReader(handle)}


def read_quotes(path: Path) -> list[GoldQuote]:
    quotes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            quotes.append(GoldQuote(int(data["row"]), data["speaker"], data["country"], data["text"]))
    return quotes


def _words(text: str | None) -> set[str]:
    return {w for w in WORD.findall((text or "").lower()) if w not in GENERIC}


def speaker_right(statement: Statement, gold: GoldQuote) -> bool:
    """The coded speaker's country or organisation, or a word of its name, on the statement's speaker."""
    actor = statement.speaker
    if actor is not None and gold.country in {actor.country, actor.org, actor.actor_id}:
        return True
    names = _words(actor.name if actor else None) | _words(statement.speaker_text)
    return bool(names & _words(gold.speaker))


def locate(text: str, excerpt: str) -> tuple[int, int] | None:
    """Where the excerpt stands in the cleaned item text (spacing may differ after cleaning)."""
    excerpt = clean(excerpt)
    at = text.find(excerpt)
    if at >= 0:
        return at, at + len(excerpt)
    pattern = r"\s+".join(re.escape(w) for w in excerpt.split())
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def score_item(text: str, statements: list[Statement], golds: list[GoldQuote], tally: NewswireTally) -> None:
    tally.predicted += len(statements)
    for gold in golds:
        tally.gold += 1
        span = locate(text, gold.text)
        if span is None:
            tally.wrong.append(f"{gold.row}: excerpt not found")
            continue
        overlapping = [s for s in statements if s.content_start < span[1] and span[0] < s.content_end]
        if overlapping:
            tally.found += 1
        if any(speaker_right(s, gold) for s in overlapping):
            tally.right += 1
        else:
            got = [s.speaker.name if s.speaker else s.speaker_text for s in overlapping] or ["(not found)"]
            tally.wrong.append(f"{gold.row}: {gold.speaker} [{gold.country}] <- {', '.join(map(str, got))}")


def items_with_quotes(root: Path) -> Iterator[tuple[Item, list[GoldQuote]]]:
    items = read_items(root / "world-dev.csv")
    by_row: dict[int, list[GoldQuote]] = {}
    for quote in read_quotes(root / "dev-quotes.jsonl"):
        by_row.setdefault(quote.row, []).append(quote)
    for row, golds in sorted(by_row.items()):
        if row in items:
            yield items[row], golds


def evaluate_newswire_quotes(root: Path, limit: int | None = None) -> NewswireTally:
    from dragoman.actors import KnowledgeBase, Resolver
    from dragoman.nlp import corrected, load_model, sentence_records
    from dragoman.quotes import QuoteExtractor

    nlp = load_model()
    resolver = Resolver(KnowledgeBase.load())
    extractor = QuoteExtractor()
    tally = NewswireTally()
    for index, (item, golds) in enumerate(items_with_quotes(root)):
        if limit is not None and index >= limit:
            break
        text = item.text
        document = Document(
            doc_id=f"newswire-{item.row}",
            path=f"newswire/{item.row}",
            text=text,
            content_hash=f"newswire-{item.row}",
            source_format="txt",
            published="2004-09-01",
        )
        parsed = corrected(nlp(text))
        sentences = sentence_records(document, parsed)
        statements = extractor.extract(document, parsed, sentences, resolver.resolve(document, parsed, sentences))
        score_item(text, statements, golds, tally)
    return tally
