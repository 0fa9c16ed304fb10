"""End-to-end event scoring: short gold items coded by the whole per-document pipeline.

Each item (a PLV sentence, or a wire headline with its description) becomes one Document and
goes through ``DocumentProcessor``: parse, actor resolution, event coding. A gold event is
*typed* when a mention of the item has one of its types, *attributed* when that mention also
has the gold source among its actors and the gold target among its recipients (either way
round when the gold event is symmetric), and *with status* when the status agrees as well.
Actors are compared at country/organisation level: a gold actor is a set of codes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from dragoman.domain.records import ActorRef, Document, EventMention, ProcessedDocument

# PLV joins CONCEDE and RETREAT into one root.
GOLD_ALIASES = {"YIELD": ("CONCEDE", "RETREAT")}


@dataclass
class GoldEvent:
    types: tuple[str, ...]
    source: frozenset[str]  # acceptable codes; empty = not resolvable, never matched
    target: frozenset[str] | None  # None = the event has no target
    status: str | None = None  # None = status not scored
    symmetric: bool = False
    # Character span of the source/target in the item's text (PLV), resolved to codes after parsing.
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None


@dataclass
class Item:
    key: str
    text: str
    events: list[GoldEvent]
    published: str | None = None


@dataclass
class Tally:
    gold: int = 0
    typed: int = 0
    attributed: int = 0
    with_status: int = 0
    extracted: int = 0
    extracted_typed: int = 0
    extracted_right: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Report:
    by_type: dict[str, Tally] = field(default_factory=dict)
    # The gold events again, by their coded status: how many alleged or denied ones keep it.
    by_status: dict[str, Tally] = field(default_factory=dict)
    items: int = 0
    items_without_events: int = 0
    silent_items: int = 0  # items with gold events and no extracted mention
    # (confidence, of a gold type) per extracted mention: the reliability table's input.
    calibration: list[tuple[float, bool]] = field(default_factory=list)

    @property
    def overall(self) -> Tally:
        total = Tally()
        for tally in self.by_type.values():
            total.add(tally)
        return total

    def tally(self, event_type: str) -> Tally:
        return self.by_type.setdefault(event_type, Tally())


def actor_codes(actor: ActorRef) -> set[str]:
    """The codes an extracted actor answers to: its country, organisation and knowledge-base key."""
    return {code for code in (actor.country, actor.org, actor.actor_id) if code}


def expand(types: Iterable[str]) -> set[str]:
    return {t for gold in types for t in GOLD_ALIASES.get(gold, (gold,))}


def document_for(item: Item) -> Document:
    digest = hashlib.sha256(item.text.encode("utf-8")).hexdigest()
    return Document(
        doc_id=digest[:16],
        path=item.key,
        text=item.text,
        content_hash=digest,
        source_format="txt",
        published=item.published,
    )


def resolve_spans(item: Item, processed: ProcessedDocument) -> None:
    """Gold actors given as spans take the codes of the resolved mentions inside them."""
    for event in item.events:
        if event.source_span is not None:
            event.source = frozenset(_codes_in(processed, event.source_span))
        if event.target_span is not None:
            event.target = frozenset(_codes_in(processed, event.target_span))


def _codes_in(processed: ProcessedDocument, span: tuple[int, int]) -> set[str]:
    start, end = span
    codes: set[str] = set()
    for mention in processed.mentions:
        if mention.actor is not None and mention.start < end and start < mention.end:
            codes |= actor_codes(mention.actor)
    return codes


def _holds(gold: frozenset[str], actors: Sequence[ActorRef]) -> bool:
    return bool(gold) and any(actor_codes(a) & gold for a in actors)


def attributed(gold: GoldEvent, mention: EventMention) -> bool:
    """Source among the actors and target among the recipients (or no target wanted and none given)."""

    def one_way(source: frozenset[str], target: frozenset[str] | None) -> bool:
        if not _holds(source, mention.actors):
            return False
        if target is None:
            return True
        return _holds(target, mention.recipients) or (target <= source and not mention.recipients)

    if one_way(gold.source, gold.target):
        return True
    if gold.symmetric and gold.target is not None:
        # Talks or clashes with no leading side: either direction, or both sides as actors.
        together = list(mention.actors) + list(mention.recipients)
        return one_way(gold.target, gold.source) or (_holds(gold.source, together) and _holds(gold.target, together))
    return False


def score_item(item: Item, mentions: Sequence[EventMention], report: Report) -> None:
    report.items += 1
    if not item.events:
        report.items_without_events += 1
    elif not mentions:
        report.silent_items += 1
    for gold in item.events:
        wanted = expand(gold.types)
        typed = [m for m in mentions if m.type in wanted]
        right = [m for m in typed if attributed(gold, m)]
        tallies = [report.tally(gold.types[0])]
        if gold.status is not None:
            tallies.append(report.by_status.setdefault(gold.status, Tally()))
        for tally in tallies:
            tally.gold += 1
            tally.typed += bool(typed)
            tally.attributed += bool(right)
            tally.with_status += any(gold.status is None or m.status == gold.status for m in right)
    for mention in mentions:
        tally = report.tally(mention.type)
        tally.extracted += 1
        typed_golds = [g for g in item.events if mention.type in expand(g.types)]
        tally.extracted_typed += bool(typed_golds)
        report.calibration.append((mention.confidence, bool(typed_golds)))
        tally.extracted_right += any(attributed(g, mention) for g in typed_golds)


Process = Callable[[list[Document]], list[ProcessedDocument]]


def evaluate(items: Sequence[Item], process: Process, batch: int = 32, report: Report | None = None) -> Report:
    """Code every item with ``process`` (the pipeline's per-document step) and tally the matches."""
    report = report or Report()
    for offset in range(0, len(items), batch):
        chunk = list(items[offset : offset + batch])
        processed = process([document_for(item) for item in chunk])
        for item, result in zip(chunk, processed, strict=True):
            resolve_spans(item, result)
            score_item(item, result.events, report)
    return report


def status_rows(report: Report) -> list[list[str]]:
    """Per coded status: gold events, typed %, type+actors %, with that status too %."""
    return [
        [status, str(t.gold), share(t.typed, t.gold), share(t.attributed, t.gold), share(t.with_status, t.gold)]
        for status, t in sorted(report.by_status.items(), key=lambda kv: (-kv[1].gold, kv[0]))
    ]


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def report_rows(report: Report, with_status: bool) -> list[list[str]]:
    """Rows per type, then overall: gold, typed %, type+actors %, (status %), extracted, of a gold type %, right %."""
    rows = []
    order = sorted(report.by_type, key=lambda t: (-report.by_type[t].gold, t))
    for name, tally in [*((t, report.by_type[t]) for t in order), ("overall", report.overall)]:
        row = [
            name,
            str(tally.gold),
            share(tally.typed, tally.gold),
            share(tally.attributed, tally.gold),
        ]
        if with_status:
            row.append(share(tally.with_status, tally.gold))
        row += [
            str(tally.extracted),
            share(tally.extracted_typed, tally.extracted),
            share(tally.extracted_right, tally.extracted),
        ]
        rows.append(row)
    return rows


def type_counts(items: Iterable[Item]) -> Counter[str]:
    return Counter(g.types[0] for item in items for g in item.events)


def fold_indices(count: int, k: int, seed: int = 0) -> list[list[int]]:
    """K disjoint test folds over ``count`` items, shuffled once with a fixed seed."""
    import random

    order = list(range(count))
    random.Random(seed).shuffle(order)
    return [sorted(order[index::k]) for index in range(k)]


def reliability(
    pairs: Sequence[tuple[float, bool]], bins: int = 5
) -> tuple[list[tuple[str, int, float, float]], float]:
    """Rows (confidence band, mentions, mean confidence, share right) and the expected calibration error."""
    rows = []
    error = 0.0
    for index in range(bins):
        low, high = index / bins, (index + 1) / bins
        band = [(c, ok) for c, ok in pairs if low <= c < high or (index == bins - 1 and c == 1.0)]
        if not band:
            continue
        mean = sum(c for c, _ in band) / len(band)
        right = sum(ok for _, ok in band) / len(band)
        rows.append((f"{low:.1f}-{high:.1f}", len(band), mean, right))
        error += len(band) / max(1, len(pairs)) * abs(mean - right)
    return rows, error
