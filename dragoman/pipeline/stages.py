"""The per-document stages, declared like spaCy's components.

Each stage says what it reads and what it writes (fields of ``DocState``), and its
version is computed: the code version typed in the class, plus a hash of the data files
(word lists, knowledge base) and model it uses.  ``documents.components`` stores these
versions, so ``dragoman reprocess`` finds the documents that a changed word list or
retrained model affects.  The processor runs a configured list of stages, checked for
order before anything is built.

Adding a stage is one ``StageSpec`` in ``STAGES`` (or ``register``) and its name in
``ProcessorConfig.stages``; see docs/architecture.md, "Stages".
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Protocol

from dragoman.actors import KnowledgeBase, Resolver
from dragoman.actors import resolver as resolver_module
from dragoman.actors.kb import DATA_FILES as KB_FILES
from dragoman.actors.titles import Titles
from dragoman.config import Settings
from dragoman.domain.errors import StageOrderError
from dragoman.domain.records import Component, Document, EventMention, Mention, ProcessedDocument, Sentence, Statement
from dragoman.events import EventExtractor
from dragoman.events.combined import CombinedEventCoder
from dragoman.events.learned.coder import LearnedEventCoder
from dragoman.ingest.language import is_english
from dragoman.lexicon import OverridePart, lexicon_paths, lexicon_sources
from dragoman.nlp import corrected, load_model, sentence_records
from dragoman.nlp import corrections as nlp_corrections
from dragoman.nlp import model as nlp_model
from dragoman.nlp.windows import parse_each
from dragoman.places import targets as place_targets
from dragoman.places.agents import AgentPlacer
from dragoman.places.gazetteer import Gazetteer
from dragoman.places.locator import EventLocator
from dragoman.places.named import PlaceStandIns
from dragoman.places.targets import add_place_targets
from dragoman.quotes import QuoteExtractor

# The stage that codes events, by the ``event_coder`` setting: "events" is the default coder's.
EVENT_CODER_STAGES = {"combined": "events", "rules": "events-rules", "learned": "events-learned"}

# What a stage may read or write: the fields of DocState.
FIELDS = frozenset({"document", "spacy_doc", "sentences", "mentions", "events", "statements"})


@dataclass
class DocState:
    """One document on its way through the stages; each stage fills the fields it writes."""

    document: Document
    spacy_doc: Any = None  # a spacy.tokens.Doc once the parse stage has run
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    error: str | None = None  # why a stage failed on this document: it is reported, not stored

    @property
    def extracting(self) -> bool:
        """Whether the stages still work on this document: not failed, and in English (others
        are stored and flagged, since the English parser and word lists find nothing true in them)."""
        return self.error is None and is_english(self.document.language)

    def processed(self, components: list[Component]) -> ProcessedDocument:
        """The records of the document (the parse itself is not kept)."""
        if self.error is not None:
            return ProcessedDocument(document=self.document, error=self.error)
        return ProcessedDocument(
            document=self.document,
            sentences=self.sentences,
            mentions=self.mentions,
            events=self.events,
            statements=self.statements,
            components=list(components),
        )


@dataclass(frozen=True)
class ProcessorConfig:
    """What a worker needs to build its processor: picklable, hashable."""

    kb_files: tuple[Path, ...] = ()
    stages: tuple[str, ...] = ("parse", "actors", "agents", "events", "places", "quotes")
    lexicon_files: tuple[Path, ...] = ()  # --lexicon overrides, applied in order
    default_date: str | None = None  # for documents without a date (--default-date)

    @classmethod
    def from_settings(cls, settings: Settings) -> ProcessorConfig:
        """The configured stages; ``event_coder`` names which stage codes events."""
        stages = tuple(
            EVENT_CODER_STAGES.get(settings.event_coder, key) if key == "events" else key for key in cls.stages
        )
        return cls(
            kb_files=tuple(settings.kb_files),
            stages=stages,
            lexicon_files=tuple(settings.lexicon_files),
            default_date=settings.default_date,
        )


class Stage(Protocol):
    """A built stage: takes documents' states in order and yields them filled in."""

    def pipe(self, states: Iterable[DocState]) -> Iterator[DocState]: ...


class DocumentStage:
    """A stage that handles one document at a time: subclasses define ``__call__``."""

    def __call__(self, state: DocState) -> None:
        raise NotImplementedError

    def pipe(self, states: Iterable[DocState]) -> Iterator[DocState]:
        for state in states:
            if state.extracting:
                try:
                    self(state)
                except Exception as exc:  # one document's failure is reported; the batch goes on
                    state.error = failure("extraction failed", exc)
            yield state


def failure(what: str, error: BaseException) -> str:
    """One line: what failed and the exception's type and first line."""
    message = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
    return f"{what} ({type(error).__name__}{': ' + message if message else ''})"


DataFile = Traversable | Path | OverridePart
DataFiles = Callable[[ProcessorConfig], Sequence[DataFile]]


@dataclass(frozen=True)
class StageSpec:
    """A stage as the registry knows it, before it is built (nothing loaded)."""

    name: str  # the component name stored with every document ("events.rules")
    code_version: Callable[[], str]
    reads: frozenset[str]
    writes: frozenset[str]
    build: Callable[[ProcessorConfig], Stage]
    data_files: DataFiles = lambda config: ()

    def component(self, config: ProcessorConfig) -> Component:
        """``name@code_version``, plus ``+hash`` of the data files when the stage has any."""
        files = self.data_files(config)
        version = self.code_version()
        if files:
            version = f"{version}+{data_hash(files)}"
        return Component(self.name, version)


def data_hash(files: Iterable[DataFile]) -> str:
    """Eight hex digits of SHA-256 over the files' bytes, in the order given."""
    digest = hashlib.sha256()
    for file in files:
        data = file.read_bytes()
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:8]


# ----------------------------------------------------------------- the built-in stages
class _Parse:
    """spaCy: tokens, tags, dependencies, entities, with the project's corrections
    (nlp/corrections.py: entities cut at a spaced dash, a headline's bare passives); then the
    sentence records.

    Long texts are parsed in paragraph windows (nlp/windows.py), one document at a time,
    so a batch of long documents is never held parsed at once; a text that fails to
    parse fails alone.
    """

    def __init__(self, config: ProcessorConfig) -> None:
        self.nlp = load_model()

    def pipe(self, states: Iterable[DocState]) -> Iterator[DocState]:
        states = list(states)
        parses = parse_each(self.nlp, [state.document.text for state in states if state.extracting])
        for state in states:
            if state.extracting:
                spacy_doc = next(parses)
                if isinstance(spacy_doc, Exception):
                    state.error = failure("could not be parsed", spacy_doc)
                else:
                    state.spacy_doc = corrected(spacy_doc)
                    state.sentences = sentence_records(state.document, spacy_doc)
            yield state


class _Actors(DocumentStage):
    def __init__(self, config: ProcessorConfig) -> None:
        self.resolver = Resolver(
            KnowledgeBase.load(list(config.kb_files)), Titles.load(config.lexicon_files), config.default_date
        )

    def __call__(self, state: DocState) -> None:
        state.mentions = self.resolver.resolve(state.document, state.spacy_doc, state.sentences)


@lru_cache(maxsize=1)
def _kb_and_locator(config: ProcessorConfig) -> tuple[KnowledgeBase, EventLocator]:
    """The agents and places stages both read the gazetteer (seconds to load): loaded once for a
    build of the stages (``build_stages`` empties this cache before and after)."""
    kb = KnowledgeBase.load(list(config.kb_files))
    return kb, EventLocator(Gazetteer.load(config.kb_files, kb))


def place_stand_ins(config: ProcessorConfig) -> PlaceStandIns:
    """Towns and regions as their states' stand-ins, for the learned coder (places/named.py)."""
    return PlaceStandIns(*_kb_and_locator(config))


class _Agents(DocumentStage):
    """Unnamed domestic agents ("police", "gunmen") placed in the country their text names."""

    def __init__(self, config: ProcessorConfig) -> None:
        self.placer = AgentPlacer(*_kb_and_locator(config))

    def __call__(self, state: DocState) -> None:
        state.mentions = self.placer.place(state.document, state.spacy_doc, state.sentences, state.mentions)


class EventCoding(DocumentStage):
    """A stage that codes events with ``coder`` (anything with ``extract``); evaluation may swap it."""

    coder: Any

    def __call__(self, state: DocState) -> None:
        state.events = self.coder.extract(state.document, state.spacy_doc, state.sentences, state.mentions)


class _CombinedEvents(EventCoding):
    """The default: the learned coder on news, the rules on analysts' prose (events/combined.py)."""

    def __init__(self, config: ProcessorConfig) -> None:
        self.coder = CombinedEventCoder(LearnedEventCoder(places=place_stand_ins(config)))


class _RuleEvents(EventCoding):
    """The rule fallback: trigger words and dependency rules (events/extractor.py)."""

    def __init__(self, config: ProcessorConfig) -> None:
        self.coder = EventExtractor()


class _LearnedEvents(EventCoding):
    """The learned coder (events/learned): sentence types from MiniLM embeddings, roles from the parse."""

    def __init__(self, config: ProcessorConfig) -> None:
        self.coder = LearnedEventCoder(places=place_stand_ins(config))


class _Places(DocumentStage):
    """Where each event happened: a gazetteer place read from the event's clause; an attack
    that names no target takes that place's country (places/targets.py)."""

    def __init__(self, config: ProcessorConfig) -> None:
        self.kb, self.locator = _kb_and_locator(config)

    def __call__(self, state: DocState) -> None:
        self.locator.locate(state.document, state.spacy_doc, state.mentions, state.events)
        add_place_targets(state.events, self.kb)


class _Quotes(DocumentStage):
    def __init__(self, config: ProcessorConfig) -> None:
        self.extractor = QuoteExtractor(config.lexicon_files)

    def __call__(self, state: DocState) -> None:
        state.statements = self.extractor.extract(state.document, state.spacy_doc, state.sentences, state.mentions)


def _package_files(package: str, *names: str) -> list[Traversable]:
    root = resources.files(package)
    return [root / name for name in names]


# The language-data files (dragoman/lexicon/en/) each stage reads; ``--lexicon`` overrides
# count only for the files they name, so an edited trigger list outdates the events alone.
EVENT_WORDS = ("triggers", "dates", "status", "syntax")
RESOLVER_WORDS = ("titles", "names")
QUOTE_WORDS = ("status", "syntax", "references", "quotes")
PLACE_WORDS = ("places",)
AGENT_WORDS = ("agents", "places", "titles")
PARSE_WORDS = ("syntax",)  # a headline's passives keep their complement nouns


def _event_words(config: ProcessorConfig) -> list[DataFile]:
    """What both event coders read: trigger words, date words, status cues, and the nouns of
    background events (events/learned/words.yaml: "condemned the war" is aimed at its doers)."""
    return [
        *lexicon_sources(EVENT_WORDS, config.lexicon_files),
        *_package_files("dragoman.events.learned", "words.yaml"),
    ]


def _learned_files(config: ProcessorConfig) -> list[DataFile]:
    """The learned coder's models, what the rule frames it reads read, and the gazetteer with the
    place words (a town stands for its state; a name of where an event happened is no forced doer)."""
    return [
        *_package_files("dragoman.events.learned", "types.npz", "roles.npz", "minilm_top.npz"),
        *_event_words(config),
        *_gazetteer_files(config, PLACE_WORDS),
    ]


def _model_version() -> str:
    """The installed spaCy model package's version (a retrained model is a new version), the
    version of the paragraph breaks it parses with (nlp/model.py) and of the corrections laid
    over its parse (nlp/corrections.py)."""
    try:
        model = importlib.metadata.version(nlp_model.MODEL_NAME.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        model = nlp_model.VERSION
    return f"{model}-paragraphs{nlp_model.PARAGRAPHS_VERSION}-{nlp_corrections.VERSION}"


def _resolver_files(config: ProcessorConfig) -> list[DataFile]:
    packaged: list[DataFile] = [resources.files("dragoman.actors") / "data" / name for name in KB_FILES]
    return packaged + [Path(p) for p in config.kb_files] + lexicon_sources(RESOLVER_WORDS, config.lexicon_files)


def _gazetteer_files(config: ProcessorConfig, words: Sequence[str]) -> list[DataFile]:
    """What a stage reading the gazetteer reads: its places, the --kb files' places, and ``words``."""
    packaged: list[DataFile] = [*_package_files("dragoman.places", "data/places.yaml")]
    return packaged + [Path(p) for p in config.kb_files] + lexicon_sources(words, config.lexicon_files)


STAGES: dict[str, StageSpec] = {}


def register(key: str, spec: StageSpec) -> None:
    """Make a stage available to ``ProcessorConfig.stages`` under ``key``."""
    unknown = (spec.reads | spec.writes) - FIELDS
    if unknown:
        raise StageOrderError(f"stage {key!r}: unknown fields {', '.join(sorted(unknown))}; one of {sorted(FIELDS)}")
    STAGES[key] = spec


register(
    "parse",
    StageSpec(
        name="nlp.spacy",
        code_version=_model_version,
        reads=frozenset({"document"}),
        writes=frozenset({"spacy_doc", "sentences"}),
        build=_Parse,
        data_files=lambda config: lexicon_sources(PARSE_WORDS, config.lexicon_files),
    ),
)
register(
    "actors",
    StageSpec(
        name="actors.resolver",
        code_version=lambda: resolver_module.VERSION,
        reads=frozenset({"document", "spacy_doc", "sentences"}),
        writes=frozenset({"mentions"}),
        build=_Actors,
        data_files=_resolver_files,
    ),
)
register(
    "agents",
    StageSpec(
        name=AgentPlacer.NAME,
        code_version=lambda: AgentPlacer.VERSION,
        reads=frozenset({"document", "spacy_doc", "sentences", "mentions"}),
        writes=frozenset({"mentions"}),
        build=_Agents,
        data_files=lambda config: _gazetteer_files(config, AGENT_WORDS),
    ),
)
register(
    "events",
    StageSpec(
        name=CombinedEventCoder.NAME,
        code_version=lambda: (
            f"{CombinedEventCoder.VERSION}-rules{EventExtractor.VERSION}-learned{LearnedEventCoder.VERSION}"
        ),
        reads=frozenset({"document", "spacy_doc", "sentences", "mentions"}),
        writes=frozenset({"events"}),
        build=_CombinedEvents,
        data_files=_learned_files,
    ),
)
register(
    "events-rules",
    StageSpec(
        name="events.rules",
        code_version=lambda: EventExtractor.VERSION,
        reads=frozenset({"document", "spacy_doc", "sentences", "mentions"}),
        writes=frozenset({"events"}),
        build=_RuleEvents,
        data_files=_event_words,
    ),
)
register(
    "events-learned",
    StageSpec(
        name=LearnedEventCoder.NAME,
        # The learned coder takes its candidate frames and its status from the rule extractor's code.
        code_version=lambda: f"{LearnedEventCoder.VERSION}-rules{EventExtractor.VERSION}",
        reads=frozenset({"document", "spacy_doc", "sentences", "mentions"}),
        writes=frozenset({"events"}),
        build=_LearnedEvents,
        data_files=_learned_files,
    ),
)
register(
    "places",
    StageSpec(
        name=EventLocator.NAME,
        code_version=lambda: f"{EventLocator.VERSION}-targets{place_targets.VERSION}",
        reads=frozenset({"document", "spacy_doc", "mentions", "events"}),
        writes=frozenset({"events"}),
        build=_Places,
        data_files=lambda config: _gazetteer_files(config, PLACE_WORDS),
    ),
)
register(
    "quotes",
    StageSpec(
        name="quotes.rules",
        code_version=lambda: QuoteExtractor.VERSION,
        reads=frozenset({"document", "spacy_doc", "sentences", "mentions"}),
        writes=frozenset({"statements"}),
        build=_Quotes,
        data_files=lambda config: [
            *_package_files("dragoman.quotes", "cues.py"),
            *lexicon_sources(QUOTE_WORDS, config.lexicon_files),
            *_package_files("dragoman.actors", "data/antecedent_ranker.json"),
            *lexicon_paths("stance"),
        ],
    ),
)


def stage_specs(config: ProcessorConfig) -> list[StageSpec]:
    """The configured stages, checked: each reads only what the document or an earlier stage wrote."""
    specs: list[StageSpec] = []
    written = {"document"}
    for key in config.stages:
        if key not in STAGES:
            raise StageOrderError(f"unknown stage {key!r}; one of {', '.join(STAGES)}")
        spec = STAGES[key]
        missing = spec.reads - written
        if missing:
            raise StageOrderError(f"stage {key!r} reads {', '.join(sorted(missing))}, which no stage before it writes")
        written |= spec.writes
        specs.append(spec)
    return specs


def build_stages(config: ProcessorConfig) -> list[Stage]:
    """The configured stages, built; what two of them read is loaded once, and loaded afresh for
    the next build (a changed file is read again)."""
    _kb_and_locator.cache_clear()
    try:
        return [spec.build(config) for spec in stage_specs(config)]
    finally:
        _kb_and_locator.cache_clear()


def components(config: ProcessorConfig) -> list[Component]:
    """The versions a document processed with ``config`` is stamped with (no model is loaded)."""
    return [spec.component(config) for spec in stage_specs(config)]
