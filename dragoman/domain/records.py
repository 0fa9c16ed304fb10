"""Typed records that flow between the stages.

Every stage reads records made by earlier stages and returns records of its
own; nothing is passed through globals.  Offsets (``start``/``end``) are
always character offsets into ``Document.text``, the stored normalised text,
so ``document.text[start:end]`` reads back the evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from dragoman.domain.dates import DateBasis, DatePrecision
from dragoman.domain.ontology import Status
from dragoman.domain.ranges import Ranges

__all__ = [
    "ActorRef",
    "Component",
    "DateBasis",
    "DatePrecision",
    "Document",
    "EventMention",
    "IngestError",
    "Location",
    "Mention",
    "ProcessedDocument",
    "Sentence",
    "Stance",
    "StanceTarget",
    "Statement",
    "Status",
]

Stance = Literal["support", "oppose", "neutral"]


@dataclass(frozen=True)
class Component:
    """A named, versioned producer of records (``events.rules@1.0``)."""

    name: str
    version: str

    def __str__(self) -> str:
        return f"{self.name}@{self.version}"


@dataclass
class Document:
    """One ingested article: normalised text, metadata and furniture spans."""

    doc_id: str
    path: str
    text: str
    content_hash: str
    source_format: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    furniture: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind)
    duplicate_of: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    language: str | None = None  # ISO 639-1 code; None when too short to tell

    def is_furniture(self, start: int, end: int) -> bool:
        """True when the span lies mostly inside a furniture range."""
        length = max(1, end - start)
        ranges = self._furniture_ranges()
        covered = sum(
            max(0, min(end, f_end) - max(start, f_start)) for f_start, f_end in ranges.overlapping(start, end)
        )
        return covered * 2 >= length

    def _furniture_ranges(self) -> Ranges:
        """The furniture found by position (a long report has thousands of lines of it), built
        again whenever the list is replaced or grows."""
        key = (id(self.furniture), len(self.furniture))
        cached = self.__dict__.get("_furniture_index")
        if cached is None or cached[0] != key:
            cached = (key, Ranges((a, b) for a, b, _ in self.furniture))
            self.__dict__["_furniture_index"] = cached
        return cached[1]

    def __getstate__(self) -> dict[str, Any]:
        """Sent to workers without the position index, which is rebuilt on first use."""
        return {k: v for k, v in self.__dict__.items() if k != "_furniture_index"}


@dataclass
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    furniture: bool = False


@dataclass
class ActorRef:
    """A resolved actor as it appears on a record."""

    name: str
    actor_id: str | None = None  # knowledge-base key; None for an unlisted person
    country: str | None = None  # ISO 3166-1 alpha-3
    org: str | None = None  # IGO code (NATO, UN, EU ...)
    kb_id: str | None = None  # Wikidata QID
    sector: str | None = None  # GOV, MIL, MED, REB, PTY, BUS, ...
    kind: str | None = None  # state, igo, group, media, person, institution, ...
    role: str | None = None  # office held at the document's date

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorRef:
        values: dict[str, Any] = {k: data.get(k) for k in cls.__dataclass_fields__}
        return cls(**values)


@dataclass
class Mention:
    """A span of text that names or refers to an actor; unresolved ones are kept."""

    mention_id: str
    doc_id: str
    start: int
    end: int
    text: str
    sentence_index: int
    method: str  # ner, alias, title, metonym, demonym, short-name, pronoun, ...
    actor: ActorRef | None = None
    label: str | None = None  # spaCy entity label where the mention came from NER
    component: str = ""

    @property
    def resolved(self) -> bool:
        return self.actor is not None


@dataclass
class Location:
    """Where an event happened: a gazetteer place and the words of the document that say so."""

    name: str
    kind: str  # city, region, country, sea, facility
    country: str | None  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    precision: str  # exact, near, area, country
    start: int  # evidence span: character offsets into Document.text
    end: int
    text: str
    basis: str = "clause"  # clause: the event's own clause; context: the sentence before; dateline: a fallback
    place_id: str | None = None  # geonames:<id> or kb:<id>
    alternatives: list[dict[str, Any]] = field(default_factory=list)  # other places the name may be

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


@dataclass
class EventMention:
    """One report of an event in one sentence of one document (PLOVER coded)."""

    id: str
    doc_id: str
    sentence_index: int
    type: str
    quad: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    actors: list[ActorRef]
    recipients: list[ActorRef]
    sentence: str
    start: int
    end: int
    extractor: str
    confidence: float
    mode: str | None = None
    date: str | None = None
    date_end: str | None = None
    date_precision: DatePrecision = "unknown"
    status: Status = "asserted"
    attributed_to: ActorRef | None = None
    trigger: str | None = None
    date_basis: DateBasis = "none"  # text: a date word of the event; publication: the report's date
    event_id: str | None = None  # the merged event this mention belongs to
    location: Location | None = None  # where it happened (dragoman/places)


@dataclass
class StanceTarget:
    actor: ActorRef
    stance: Stance
    evidence: str
    start: int
    end: int


@dataclass
class Statement:
    """Who said what: a direct, partial or indirect quote with its speaker."""

    id: str
    doc_id: str
    sentence_index: int
    kind: str  # direct, partial, indirect, headline, tweet
    speaker: ActorRef | None
    speaker_text: str | None
    cue: str | None
    content: str
    content_start: int
    content_end: int
    start: int
    end: int
    extractor: str
    confidence: float
    targets: list[StanceTarget] = field(default_factory=list)
    date: str | None = None
    status: Status = "asserted"
    channel: str | None = None  # who carried it ("X quoted Y", "Y told X"): X, apart from the speaker Y


@dataclass
class ProcessedDocument:
    """Everything the per-document stages made for one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)
    error: str | None = None  # why extraction failed; such a document is reported, not stored


@dataclass
class IngestError:
    """A file (or a line of one) that could not be read, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
