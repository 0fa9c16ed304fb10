"""Unnamed domestic agents take the country where the text places them.

Wire copy names most perpetrators and victims of domestic events without a state: "police
arrested ...", "gunmen killed ...", "protesters marched ...".  Event datasets code such an
agent to the country of the event's place (POLECAT and ICEWS do, and so do the hand-coded
sets dragoman is measured on), and without a country the coders cannot use it at all.  This
stage adds one resolved mention for each such agent that the resolver left alone (an agent
with a state of its own, "Thai police", is already the resolver's): its country is that of a
state among its modifiers ("Sudanese rebels"), else of a place after "in", "near", ... in its
sentence, else of the wire dateline, else of the nearest place in its sentence, else of one
in the sentence before in the same paragraph.  An agent said to be foreign ("coalition
forces", "foreign militants") or with nothing to place it is left out.

The mentions carry ``method="agent"``, so a reader can tell an inferred country from a named one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from dragoman.actors import KnowledgeBase
from dragoman.actors.coreference import Layout
from dragoman.domain.ranges import Ranges, Spans
from dragoman.domain.records import ActorRef, Document, Mention, Sentence
from dragoman.lexicon import active_overrides, load_lexicon
from dragoman.places.locator import NAMED_ACTOR_KINDS, PLACE_LABELS, DocumentCountries, EventLocator

NAME = "places.agents"
# 1.1: an agent that modifies a noun of a deed does it ("police killings")
# 1.2: a state before "-backed" and the like is no home of the agent ("Turkish-backed rebels")
VERSION = "1.2"
# An agent noun that modifies another noun is no agent ("police station", "rebel leader"), save a
# noun of a deed (agents.yaml deed_nouns).
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}


@dataclass(frozen=True)
class AgentWords:
    """The words of dragoman/lexicon/en/agents.yaml."""

    agents: dict[str, tuple[str, str]]  # phrase -> (label, sector)
    institutions: dict[str, str]  # phrase -> institution key
    foreign_modifiers: frozenset[str]
    leanings: frozenset[str]  # "pro-", "anti-": a state after them is no agent's own
    deed_nouns: frozenset[str]  # "police killings": an agent that modifies one of these does it


def load_agent_words() -> AgentWords:
    return _agent_words(active_overrides())


@lru_cache(maxsize=8)
def _agent_words(overrides: tuple[Path, ...]) -> AgentWords:
    words = load_lexicon(["agents"], overrides)["agents"]
    return AgentWords(
        words["agents"], words["institutions"], words["foreign_modifiers"], words["leanings"], words["deed_nouns"]
    )


class AgentPlacer:
    """Adds the placed agents of a document to its mentions."""

    NAME = NAME
    VERSION = VERSION

    def __init__(self, kb: KnowledgeBase, locator: EventLocator, words: AgentWords | None = None) -> None:
        self.kb = kb
        self.locator = locator
        self.words = words or load_agent_words()
        self._matchers: dict[int, PhraseMatcher] = {}

    def _matcher(self, doc: Doc) -> PhraseMatcher:
        key = id(doc.vocab)
        if key not in self._matchers:
            matcher = PhraseMatcher(doc.vocab, attr="LOWER")
            nlp = spacy.blank("en", vocab=doc.vocab)
            for phrase in self.words.agents:
                matcher.add(phrase, [nlp.make_doc(phrase)])
            self._matchers[key] = matcher
        return self._matchers[key]

    def place(
        self, document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
    ) -> list[Mention]:
        """``mentions`` with one resolved mention added for each agent placed, in text order."""
        matcher = self._matcher(spacy_doc)
        taken = Ranges((m.start, m.end) for m in mentions)
        spans = spacy.util.filter_spans(
            [spacy_doc[start:end] for _, start, end in matcher(spacy_doc)]  # longest wins: "riot police"
        )
        agents = [
            span for span in spans if not taken.overlapping(span.start_char, span.end_char) and self._is_agent(span)
        ]
        if not agents:
            return mentions
        where = Where(self.locator, document, spacy_doc, mentions)
        layout = Layout.of(document.text, sentences)  # sentence indexes as the resolver gives them
        added: list[Mention] = []
        for span in agents:
            country = _modifier_country(span, where.states, self.words.leanings) or self._country(span, where)
            actor = self._actor(span.text.lower(), country) if country else None
            if actor is None:
                continue
            mention_id = f"{document.doc_id}:a{len(added)}"
            added.append(inferred_mention(document, layout, span, "agent", actor, mention_id, f"{NAME}@{VERSION}"))
        return sorted([*mentions, *added], key=lambda m: (m.start, m.end))

    def _is_agent(self, span: Span) -> bool:
        """A noun phrase's head with no state of its own and not said to be foreign."""
        head = span[-1]
        if (
            head.dep_ in MODIFIER_DEPS
            and head.head.i > head.i
            and head.head.lemma_.lower() not in self.words.deed_nouns
        ):
            return False  # "police chief", "rebel-held town"; not "police killings", "army raids"
        modifiers = [t for t in head.subtree if t.i < span.start]
        return not any(t.lower_ in self.words.foreign_modifiers for t in modifiers)

    def _country(self, span: Span, where: Where) -> str | None:
        """Where the agent is: a place after a preposition of place in its sentence ("in Najaf"),
        else the wire dateline, else the nearest place in its sentence, else in the sentence
        before it within the paragraph."""
        sentence = span.sent
        ranked = self._places(sentence, span, where)
        locative = [country for (kind, _), country in ranked if kind == 0]
        if locative:
            return locative[0]
        if where.dateline:
            return where.dateline
        if ranked:
            return ranked[0][1]
        if sentence.start > 0:
            before = span.doc[sentence.start - 1].sent
            if "\n" not in where.text[before.end_char : sentence.start_char]:
                ranked = self._places(before, span, where)
        return ranked[0][1] if ranked else None

    def _places(self, sentence: Span, agent: Span, where: Where) -> list[tuple[tuple[int, int], str]]:
        """The countries of the places in ``sentence``, nearest first, places of "in X" before others.
        Only whole names count (a place entity or a state), not a capitalised word the gazetteer
        happens to list ("Bridge", "River")."""
        ranked: list[tuple[tuple[int, int], str]] = []
        for place_span, country in named_places(self.locator, sentence, where):
            if place_span.start <= agent.start < place_span.end:
                continue
            locative = self.locator.cues.is_locative(place_span.root)
            ranked.append(((0 if locative else 1, abs(place_span.start - agent.start)), country))
        return sorted(ranked)

    def _actor(self, phrase: str, country: str) -> ActorRef | None:
        key = self.words.institutions.get(phrase)
        if key is not None:
            return self.kb.generic_institution(country, key)
        state = self.kb.entries.get(country)
        if state is None or phrase not in self.words.agents:
            return None
        label, sector = self.words.agents[phrase]
        slug = label.lower().replace(" ", "-")
        return ActorRef(
            name=f"{label} in {state.name}", actor_id=f"{country}.{slug}", country=country, sector=sector, kind="group"
        )


class Where:
    """What a document says of where things are: its states, place names and dateline."""

    def __init__(self, locator: EventLocator, document: Document, spacy_doc: Doc, mentions: list[Mention]) -> None:
        self.text = document.text
        self.place_entities = {(e.start, e.end) for e in spacy_doc.ents if e.label_ in PLACE_LABELS}
        self.countries = DocumentCountries(mentions)
        self.named_actors = Ranges(
            (m.start, m.end) for m in mentions if m.actor is not None and m.actor.kind in NAMED_ACTOR_KINDS
        )
        states = [m for m in mentions if m.actor is not None and m.actor.kind == "state"]
        self.states = Spans(states, lambda m: (m.start, m.end))
        self.state_spans = {(m.start, m.end) for m in states}
        found = locator.dateline(document, self.countries)
        self.dateline = found.country if found is not None else None

    def is_name(self, span: Span, place_nouns: frozenset[str]) -> bool:
        """A whole place entity, a state's name, or a name before a noun of place ("the Donetsk
        region"), which the entity tagger often misses."""
        if (span.start_char, span.end_char) in self.state_spans:
            return True
        if span[-1].lower_ in place_nouns or (span.end < len(span.doc) and span.doc[span.end].lower_ in place_nouns):
            return True
        return (span.start, span.end) in self.place_entities


def named_places(locator: EventLocator, sentence: Span, where: Where) -> Iterator[tuple[Span, str]]:
    """Each whole place name of ``sentence`` the gazetteer knows (a place entity, a state, a name
    before a noun of place), with the country of its likeliest reading."""
    for span, qualifier in locator.place_spans(sentence, where.named_actors):
        if not where.is_name(span, locator.cues.place_nouns):
            continue
        found = locator.candidates(span, qualifier, where.countries)
        if found and found[0].country is not None:
            yield span, found[0].country


def inferred_mention(
    document: Document, layout: Layout, span: Span, method: str, actor: ActorRef, mention_id: str, component: str
) -> Mention:
    """A mention a stage adds for ``span`` with the actor it infers (``method`` says how)."""
    return Mention(
        mention_id=mention_id,
        doc_id=document.doc_id,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        sentence_index=layout.sentence(span.start_char),
        method=method,
        actor=actor,
        component=component,
    )


def _modifier_country(agent: Span, states: Spans[Mention], leanings: frozenset[str]) -> str | None:
    """The state named among the agent's modifiers nearest to it ("Sudanese rebels"); one that
    names a leaning ("pro-Russian separatists") or a backer ("Turkish-backed rebels") says
    nothing of where the agent belongs."""
    doc = agent.doc
    for token in reversed([t for t in agent[-1].subtree if t.i < agent.start]):
        for mention in states.holding(token.idx, token.idx + len(token)):
            first = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if first is not None and first.start >= 2 and doc[first.start - 1].text == "-":
                if doc[first.start - 2].lower_ in leanings:
                    return None
            if first is not None and first.end + 1 < len(doc) and doc[first.end].text == "-":
                if doc[first.end + 1].tag_ == "VBN":
                    return None  # "Turkish-backed rebels": their backer, not where they belong
            return mention.actor.country if mention.actor is not None else None
    return None
