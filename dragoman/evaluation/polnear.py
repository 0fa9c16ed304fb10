"""PolNeAR attribution: content spans (exact, overlap, token F1) and speaker accuracy.

The text is taken as it is in the data (no normalisation) so gold offsets apply as they stand;
speakers come from the real knowledge base and resolver.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dragoman.domain.ranges import trimmed
from dragoman.domain.records import Document, Statement

TRIM = " \t\n\"'“”‘’.,;:"
WORD = re.compile(r"\w+")
STOP = frozenset("the a an of to in on for and or said says told his her their its mr mrs ms".split())


@dataclass
class Gold:
    content: tuple[int, int]
    source: str


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap_gold: int = 0
    overlap_predicted: int = 0
    token_tp: int = 0
    token_predicted: int = 0
    token_gold: int = 0
    speaker_checked: int = 0
    speaker_right: int = 0
    misses: list[str] = field(default_factory=list)

    def f1(self, hits_p: int, hits_g: int, predicted: int, gold: int) -> float:
        p = hits_p / predicted if predicted else 0.0
        r = hits_g / gold if gold else 0.0
        return 100 * 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, float]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "exact_f1": self.f1(self.exact, self.exact, self.predicted, self.gold),
            "overlap_f1": self.f1(self.overlap_predicted, self.overlap_gold, self.predicted, self.gold),
            "token_f1": self.f1(self.token_tp, self.token_tp, self.token_predicted, self.token_gold),
            "speaker_accuracy": 100 * self.speaker_right / self.speaker_checked if self.speaker_checked else 0.0,
        }


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    return trimmed(text, start, end, TRIM)


def read_gold(ann: Path) -> list[Gold]:
    spans: dict[str, tuple[str, int, int, str]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, *offsets = parts[1].replace(";", " ").split()
            spans[parts[0]] = (label, int(offsets[0]), int(offsets[-1]), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(item.split(":", 1) for item in parts[1].split()))
    gold = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""))
        if content is None:
            continue
        source = spans.get(relation.get("Source", ""))
        gold.append(Gold((content[1], content[2]), source[3] if source else ""))
    return gold


def pairs(root: Path) -> Iterator[tuple[Path, Path]]:
    texts = {p.stem: p for p in (root / "text").glob("*.txt")}
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in texts:
            yield texts[stem], ann


def _words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in STOP}


def _speaker_right(statement: Statement, source: str) -> bool:
    guess = " ".join(filter(None, [statement.speaker_text, statement.speaker.name if statement.speaker else None]))
    return bool(_words(guess) & _words(source)) if source else False


def score_document(text: str, statements: list[Statement], gold: list[Gold], tally: Tally) -> None:
    predicted = [_trim(text, s.content_start, s.content_end) for s in statements]
    golds = [_trim(text, *g.content) for g in gold]
    tally.gold += len(golds)
    tally.predicted += len(predicted)
    tally.exact += len(set(predicted) & set(golds))
    overlapping = [[i for i, p in enumerate(predicted) if p[0] < g[1] and g[0] < p[1]] for g in golds]
    tally.overlap_gold += sum(bool(o) for o in overlapping)
    tally.overlap_predicted += len({i for o in overlapping for i in o})
    gold_chars = {c for g in golds for c in range(*g)}
    predicted_chars = {c for p in predicted for c in range(*p)}
    tally.token_tp += len(gold_chars & predicted_chars)
    tally.token_gold += len(gold_chars)
    tally.token_predicted += len(predicted_chars)
    for g, (start, end), matches in zip(gold, golds, overlapping, strict=True):
        if not matches:
            if len(tally.misses) < 40:
                tally.misses.append(text[start:end][:120])
            continue
        best = max(matches, key=lambda i: min(end, predicted[i][1]) - max(start, predicted[i][0]))
        tally.speaker_checked += 1
        tally.speaker_right += _speaker_right(statements[best], g.source)


def evaluate_polnear(root: Path, limit: int | None = None) -> Tally:
    from dragoman.actors import KnowledgeBase, Resolver
    from dragoman.nlp import corrected, load_model, sentence_records
    from dragoman.quotes import QuoteExtractor

    nlp = load_model()
    resolver = Resolver(KnowledgeBase.load())
    extractor = QuoteExtractor()
    tally = Tally()
    for index, (text_path, ann) in enumerate(pairs(root)):
        if limit is not None and index >= limit:
            break
        text = text_path.read_text(encoding="utf-8")
        document = Document(
            doc_id=text_path.stem,
            path=str(text_path),
            text=text,
            content_hash=text_path.stem,
            source_format="txt",
            published=text_path.stem.split("_")[1] if "_" in text_path.stem else None,
        )
        parsed = corrected(nlp(text))
        sentences = sentence_records(document, parsed)
        statements = extractor.extract(document, parsed, sentences, resolver.resolve(document, parsed, sentences))
        score_document(text, statements, read_gold(ann), tally)
    return tally
