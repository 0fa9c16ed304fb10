"""Location evaluation: hand-written briefs (placed within 50 km, country right) and re3d's
Location spans (how many the gazetteer knows, and whether its country agrees with the actor
knowledge base's where that resolves the same words to a state).

re3d has no coordinates, so its figures are coverage and agreement, not accuracy.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dragoman.domain.ranges import Ranges
from dragoman.domain.records import Document, EventMention, Location
from dragoman.places.gazetteer import distance_km

WITHIN_KM = 50.0
BASIS_ORDER = {"clause": 0, "context": 1, "dateline": 2}  # which located event stands for a brief
RE3D_SOURCES = ("Australian-Department-of-Foreign-Affairs", "CENTCOM", "UK-Government", "US-State-Department")


def default_briefs() -> Path:
    """The briefs the figures are reported on."""
    return Path(str(resources.files("dragoman.evaluation") / "data" / "locations.yaml"))


def dev_briefs() -> Path:
    """The development briefs, kept apart from the reported set: rules are tried on these."""
    return Path(str(resources.files("dragoman.evaluation") / "data" / "locations_dev.yaml"))


@dataclass
class BriefResult:
    text: str
    expected: dict[str, Any]
    located: Location | None
    n_events: int

    @property
    def km(self) -> float | None:
        if self.located is None:
            return None
        return distance_km(self.located.lat, self.located.lon, self.expected["lat"], self.expected["lon"])

    @property
    def placed(self) -> bool:
        return self.km is not None and self.km <= WITHIN_KM

    @property
    def country_right(self) -> bool:
        return self.located is not None and self.located.country == self.expected.get("country")


@dataclass
class Re3dTally:
    spans: int = 0
    known: int = 0
    named: int = 0  # spans that are proper names (a capital letter after any leading 'the')
    named_known: int = 0
    agreement_checked: int = 0
    agreed: int = 0
    unknown_names: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        return {
            "spans": self.spans,
            "coverage": 100.0 * self.known / max(1, self.spans),
            "named": self.named,
            "named_coverage": 100.0 * self.named_known / max(1, self.named),
            "checked": self.agreement_checked,
            "country_agreement": 100.0 * self.agreed / max(1, self.agreement_checked),
        }


class _Pipeline:
    """The per-document stages as an ingest runs them (spaCy, actors, events, places)."""

    def __init__(self) -> None:
        from dragoman.pipeline.process import DocumentProcessor

        self.processor = DocumentProcessor()

    def events(self, doc_id: str, text: str) -> list[EventMention]:
        document = Document(doc_id=doc_id, path=doc_id, text=text, content_hash=doc_id, source_format="txt")
        [result] = self.processor.process([document])
        return result.events


def evaluate_briefs(path: Path | None = None) -> list[BriefResult]:
    """Each brief through the whole pipeline; its place is the first clause-located event's,
    else the first carried from the sentence before, else the dateline's."""
    data = yaml.safe_load((path or default_briefs()).read_text(encoding="utf-8"))
    pipeline = _Pipeline()
    results = []
    for index, brief in enumerate(data["briefs"]):
        events = pipeline.events(f"brief-{index}", brief["text"])
        located = [e.location for e in events if e.location is not None]
        ranked = sorted(located, key=lambda loc: BASIS_ORDER.get(loc.basis, len(BASIS_ORDER)))
        best = ranked[0] if ranked else None
        results.append(BriefResult(brief["text"], brief["place"], best, len(events)))
    return results


def brief_summary(results: list[BriefResult]) -> dict[str, float]:
    located = [r for r in results if r.located is not None]
    return {
        "briefs": len(results),
        "with_event": sum(r.n_events > 0 for r in results),
        "located": len(located),
        "placed_within_50km": 100.0 * sum(r.placed for r in results) / max(1, len(results)),
        "country_of_located": 100.0 * sum(r.country_right for r in located) / max(1, len(located)),
    }


def _re3d_documents(root: Path) -> Iterator[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    for source in RE3D_SOURCES:
        folder = root / source
        docs = {d["_id"]: d for d in _json_lines(folder / "documents.json")}
        spans: dict[str, list[dict[str, Any]]] = {}
        for entity in _json_lines(folder / "entities.json"):
            if entity["type"] == "Location":
                spans.setdefault(entity["documentId"], []).append(entity)
        for doc_id, doc in docs.items():
            yield source, doc, spans.get(doc_id, [])


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def evaluate_re3d(root: Path, limit: int | None = None) -> Re3dTally:
    """Every gold Location span: the place the locator finds in its words, with the document's countries."""
    from dragoman.actors.kb import KnowledgeBase
    from dragoman.actors.resolver import Resolver
    from dragoman.nlp import corrected, load_model, sentence_records
    from dragoman.places.gazetteer import Gazetteer
    from dragoman.places.locator import DocumentCountries, EventLocator

    kb = KnowledgeBase.load()
    gazetteer = Gazetteer.load(kb=kb)
    resolver = Resolver(kb)
    locator = EventLocator(gazetteer)
    nlp = load_model()
    tally = Re3dTally()
    for n, (_, doc, spans) in enumerate(_re3d_documents(root)):
        if limit is not None and n >= limit:
            break
        text = doc["text"]
        document = Document(doc_id=doc["_id"], path=doc["_id"], text=text, content_hash=doc["_id"], source_format="txt")
        parsed = corrected(nlp(text))
        mentions = resolver.resolve(document, parsed, sentence_records(document, parsed))
        context = DocumentCountries(mentions)
        states = {
            (m.start, m.end): m.actor.country
            for m in mentions
            if m.actor is not None and m.actor.kind == "state" and m.method in {"ner", "alias", "metonym", "location"}
        }
        found = [s for s, _ in locator.place_spans(parsed[:], Ranges([]))]
        for span in spans:
            name = text[span["begin"] : span["end"]]
            tally.spans += 1
            proper = _is_proper_name(name)
            tally.named += proper
            # What the locator would take from these words: the first known name overlapping the span.
            inside = next((f for f in found if f.start_char < span["end"] and span["begin"] < f.end_char), None)
            places = []
            if inside is not None:
                nearby = context.without(inside.text)
                places = gazetteer.candidates(inside.text, nearby) or gazetteer.minor_candidates(inside.text, nearby)
            if not places:
                tally.unknown_names.append(name)
                continue
            tally.known += 1
            tally.named_known += proper
            state = states.get((span["begin"], span["end"]))
            if state is not None:
                tally.agreement_checked += 1
                if places[0].country == state:
                    tally.agreed += 1
                else:
                    tally.disagreements.append(f"{name}: gazetteer {places[0].label()}, knowledge base {state}")
    return tally


def _is_proper_name(text: str) -> bool:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()
