"""Give each event mention the place where it happened, from the event's own clause.

A place counts when the dependency parse ties it to the event's trigger: the object of a
preposition of place ("in Tehran", "near Donetsk", "outside the embassy in Kyiv"), the
object of an attack or a visit ("struck Kyiv", "visited Tehran"), or the subject of a
verb of undergoing ("Kyiv came under attack", "Kharkiv was shelled").  A place that is
the subject of the event is an actor ("Tehran said"), never its location.  When the
clause names no place, the place of the sentence before about the same actors is carried over
(``basis="context"``), and a wire dateline is the last fallback (``basis="dateline"``).
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import spacy
from spacy.tokens import Doc, Span, Token

from dragoman.domain.identity import actor_key
from dragoman.domain.ranges import Ranges
from dragoman.domain.records import Document, EventMention, Location, Mention
from dragoman.places.cues import Cues, load_cues
from dragoman.places.gazetteer import Gazetteer, Place, fold

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MINOR_PLACE_LABELS = PLACE_LABELS | {"PERSON"}
# Entity types whose words are never place names however the gazetteer reads them ("March").
# Not PERSON: the small model tags many Ukrainian and Syrian towns as people.
NOT_PLACE_ENTITIES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
MAX_NAME_TOKENS = 6
# Kinds from the most to the least specific: the most specific place in a clause wins.
SPECIFICITY = {"facility": 0, "city": 1, "region": 2, "sea": 2, "country": 3}
OBJECTS = {"dobj", "obj", "nsubjpass", "attr", "oprd"}
SUBJECTS = {"nsubj", "csubj", "agent", "expl"}
INSIDE_NAME = {"poss", "compound", "amod", "nmod", "appos", "case"}
# Verbs linked to the trigger that share its place: "arrived in Tehran to meet", "crossed ... and shelled".
SHARED_CLAUSE = {"xcomp", "conj", "advcl"}
# Actors whose names contain a place name ("Kyiv Independent", "Gaza Health Ministry").
NAMED_ACTOR_KINDS = {"person", "igo", "group", "institution", "media", "company"}
ALTERNATIVES_KEPT = 5


@dataclass
class _Found:
    place: Place
    others: list[Place]
    span: Span
    cue_start: int  # character offset where the evidence starts (the cue, or the name)
    precision: str


class EventLocator:
    NAME = "places.locator"
    VERSION = "1.2"  # 1.2: a word of a person's name is no place

    def __init__(self, gazetteer: Gazetteer, cues: Cues | None = None) -> None:
        self.gazetteer = gazetteer
        self.cues = cues or load_cues()

    def locate(
        self, document: Document, spacy_doc: Doc, mentions: list[Mention], events: list[EventMention]
    ) -> list[EventMention]:
        """Set ``location`` on each event mention (in place) and return them."""
        context = DocumentCountries(mentions)
        named_actors = Ranges(
            (m.start, m.end) for m in mentions if m.actor is not None and m.actor.kind in NAMED_ACTOR_KINDS
        )
        actor_spans = {(m.start, m.end) for m in mentions if m.actor is not None and m.method != "location"}
        dateline = self.dateline(document, context)
        located: dict[int, list[EventMention]] = {}
        entities = _Entities(spacy_doc)
        for event in events:
            span = spacy_doc.char_span(event.start, event.end, alignment_mode="expand")
            found = (
                self._from_clause(span, event, mentions, context, named_actors, actor_spans, entities)
                if span is not None
                else None
            )
            if found:
                event.location = _location(document, found, "clause")
            else:
                carried = self._from_context(document, spacy_doc, span, event, located, mentions, context)
                event.location = carried or dateline
            if event.location is not None and event.location.basis in {"clause", "context"}:
                located.setdefault(event.sentence_index, []).append(event)
        return events

    # -- the sentence before -----------------------------------------------------------
    def _from_context(
        self,
        document: Document,
        spacy_doc: Doc,
        span: Span | None,
        event: EventMention,
        located: dict[int, list[EventMention]],
        mentions: list[Mention],
        context: DocumentCountries,
    ) -> Location | None:
        """The place of the sentence just before, in the same paragraph, when it tells of the same
        actors: an event located there ("Putin visited Tehran. He met Raisi ...") or a journey
        ("The minister came to Phnom Penh. There he met ...").  Marked ``basis="context"``."""
        if event.type not in self.cues.context_types or span is None or span.start == 0:
            return None
        wanted = {actor_key(a) for a in event.actors}
        if not wanted:
            return None
        before = spacy_doc[span.start - 1].sent
        words = [t for t in before if not t.is_space]
        if not words or "\n" in document.text[words[-1].idx : event.start]:
            return None  # another paragraph
        for earlier in reversed(located.get(event.sentence_index - 1, [])):
            if earlier.location is not None and wanted & {actor_key(a) for a in earlier.actors}:
                return replace(earlier.location, basis="context")
        return self._journey(document, before, wanted, mentions, context)

    def _journey(
        self, document: Document, sentence: Span, wanted: set[str], mentions: list[Mention], context: DocumentCountries
    ) -> Location | None:
        """ "X came to Phnom Penh", "X arrived in Baku": the place a wanted actor travelled to."""
        for span, qualifier in self.place_spans(sentence, Ranges([])):
            prep = span.root.head
            verb = prep.head
            if not (span.root.dep_ == "pobj" and prep.lower_ in self.cues.journey_prepositions):
                continue
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.cues.travel_verbs:
                continue
            subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
            ranges = [(min(t.idx for t in c.subtree), max(t.idx + len(t) for t in c.subtree)) for c in subjects]
            travellers = {
                actor_key(m.actor)
                for m in mentions
                if m.actor is not None and any(a <= m.start and m.end <= b for a, b in ranges)
            }
            places = self.candidates(span, qualifier, context)
            if places and travellers & wanted:
                found = _Found(places[0], places[1:], span, prep.idx, _precision(places[0].kind, "exact"))
                return _location(document, found, "context")
        return None

    # -- the clause ------------------------------------------------------------------
    def _from_clause(
        self,
        sentence: Span,
        event: EventMention,
        mentions: list[Mention],
        context: DocumentCountries,
        named_actors: Ranges,
        actor_spans: set[tuple[int, int]],
        entities: _Entities | None = None,
    ) -> _Found | None:
        trigger = _trigger(sentence, event, mentions)
        if trigger is None:
            return None
        heads = _clause_heads(trigger)
        carrier = self._carrying_verb(trigger)
        if carrier is not None:
            heads.add(carrier.i)
        for child in trigger.children:  # "shelling near Kupiansk killed two people": the subject is the event
            if child.dep_ in SUBJECTS | {"nsubjpass"} and child.lower_ in self.cues.event_subjects:
                heads.add(child.i)
        undergo = self._undergo_verb(trigger)
        anchor = _date_anchor(sentence, event)
        found: list[tuple[tuple[int, int], _Found]] = []
        for span, qualifier in self.place_spans(sentence, named_actors, entities):
            places = self.candidates(span, qualifier, context)
            if not places:
                continue
            is_actor = (span.start_char, span.end_char) in actor_spans
            cue = self._cue(span, trigger, heads, undergo, event.type, places[0], is_actor, carrier)
            if cue is None:
                continue
            cue_start, precision = cue
            place = places[0]
            item = _Found(place, places[1:], span, cue_start, _precision(place.kind, precision))
            distance = abs(span.start_char - anchor) if anchor is not None else abs(span.root.idx - trigger.idx)
            found.append(((SPECIFICITY.get(place.kind, 9), distance), item))
        return min(found, key=lambda f: f[0])[1] if found else None

    def place_spans(
        self, sentence: Span, named_actors: Ranges, entities: _Entities | None = None
    ) -> list[tuple[Span, Span | None]]:
        """Names in the sentence the gazetteer knows, longest first, each with a ', Texas' qualifier."""
        doc = sentence.doc
        within = entities.within(sentence) if entities is not None else sentence.ents
        spans: list[Span] = [e for e in within if e.label_ in PLACE_LABELS and _clean(e) and e.text in self.gazetteer]
        # A town the main list lacks, when the parser calls it a place (or a person, as it
        # does for many Ukrainian and Syrian towns): read from the smaller towns' list.
        spans += [
            e for e in within
            if e.label_ in MINOR_PLACE_LABELS and _clean(e) and e.text not in self.gazetteer
            and self.gazetteer.knows_minor(e.text)
        ]  # fmt: skip
        for i in range(sentence.start, sentence.end):
            if not doc[i].text[:1].isupper():
                continue
            for j in range(min(sentence.end, i + MAX_NAME_TOKENS), i, -1):
                if _clean(doc[i:j]) and doc[i:j].text in self.gazetteer:
                    spans.append(doc[i:j])
                    break
        spans = [
            s for s in spacy.util.filter_spans(spans)
            if not any((a, b) != (s.start_char, s.end_char) for a, b in named_actors.holding(s.start_char, s.end_char))
        ]  # fmt: skip
        out: list[tuple[Span, Span | None]] = []
        taken: set[int] = set()
        for span in sorted(spans, key=lambda s: s.start):
            if any(t.ent_type_ in NOT_PLACE_ENTITIES for t in span):
                continue  # "March" on "on March 5" is a date
            if self._part_of_a_person(span):
                continue
            if span.start in taken:
                continue
            qualifier = next((q for q in spans if q.start == span.end + 1 and doc[span.end].text == ","), None)
            if qualifier is not None:
                taken.add(qualifier.start)
            out.append((span, qualifier))
        return out

    def _part_of_a_person(self, span: Span) -> bool:
        """A word of a person's name is no place ("Juan" or "Mendoza" of "Juan Mendoza"). A whole
        name the parser calls a person may still be a town, and so may one after an article or
        a preposition of place the small model took into the name ("al-X", "Near X" at the head
        of a line)."""
        if span.doc[span.start].ent_type_ != "PERSON":
            return False
        name = next(e for e in span.doc.ents if e.start <= span.start < e.end)
        rest = [t for t in name if not span.start <= t.i < span.end]
        return any(t.text[:1].isupper() and t.lower_ not in self.cues.prepositions for t in rest)

    def candidates(self, span: Span, qualifier: Span | None, context: DocumentCountries) -> list[Place]:
        places = self.gazetteer.candidates(span.text, context.without(span.text)) or self.gazetteer.minor_candidates(
            span.text, context.without(span.text)
        )
        if qualifier is not None:
            within = self.gazetteer.candidates(qualifier.text, context.without(qualifier.text))
            if within:
                outer = within[0]
                narrowed = [
                    p for p in places
                    if p.country == outer.country and (outer.kind != "region" or outer.admin in {None, p.admin})
                ]  # fmt: skip
                places = narrowed + [p for p in places if p not in narrowed]  # the others stay alternatives
        return places

    def _carrying_verb(self, trigger: Token) -> Token | None:
        """The verb that carries an event noun's place: "fighting continued north of Kharkiv",
        "an airstrike hit a house in Rafah", "arrived in Muscat for talks"."""
        if trigger.pos_ != "NOUN":
            return None
        head = trigger.head
        if trigger.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
            if head.lemma_.lower() in self.cues.light_verbs or trigger.lower_ in self.cues.event_subjects:
                return head
        if trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in self.cues.travel_verbs:
            return head.head
        return None

    def _undergo_verb(self, trigger: Token) -> Token | None:
        """'came' in 'Kyiv came under attack': the verb whose subject the event happened to."""
        prep = trigger.head
        if trigger.dep_ == "pobj" and prep.lower_ in self.cues.undergo_prepositions:
            if prep.head.lemma_.lower() in self.cues.undergo_verbs:
                return prep.head
        return None

    def _cue(
        self,
        span: Span,
        trigger: Token,
        heads: set[int],
        undergo: Token | None,
        event_type: str,
        place: Place,
        is_actor: bool,
        carrier: Token | None = None,
    ) -> tuple[int, str] | None:
        """How the place is tied to the event (evidence start, precision), or None when it is not.

        ``is_actor``: the actor resolver read these words as an actor (a capital standing for
        its government); as an object it is then the event's recipient, not its place, unless
        the event is one that happens at its object (an attack, a visit).
        """
        places_at_object = event_type in self.cues.object_place_types
        path: list[Token] = []
        token = span.root
        while token.i not in heads and (undergo is None or token.i != undergo.i):
            path.append(token)
            if token.head.i == token.i:
                return None  # the place is outside the event's clause
            token = token.head
        if not path:
            return None  # the place is the trigger itself
        top = path[-1]
        if undergo is not None and token.i == undergo.i:
            return (span.start_char, "exact") if top.dep_ in SUBJECTS | {"nsubjpass"} else None
        standing_for: set[int] = set()  # nouns the place stands for ("the village of X")
        for n, step in enumerate(path):
            if step.i in standing_for:
                continue
            if step.pos_ == "ADP" or step.dep_ in {"prep", "agent"}:
                if self._names_the_noun(step, span, trigger, place, is_actor):
                    standing_for.add(step.head.i)
                    continue
                later = path[n + 1 :]
                if any(t.pos_ in {"VERB", "AUX"} for t in later):
                    return None  # the phrase belongs to a clause of its own ("who lives in Tehran")
                if any(
                    t.lower_ in self.cues.not_places and not self._nested_allowed(t, event_type)
                    for t in later
                    if t.pos_ == "ADP"
                ):
                    return None  # a place inside a purpose or party phrase ("drones for use in Ukraine")
                if step.lower_ in self.cues.target_prepositions and not places_at_object:
                    return None  # the target of a sanction or a claim ("sanctions on Iran")
                return self._preposition(step, span, trigger, place, is_actor)
            # "in Beirut's southern suburbs"; not a country ("Russia's role in Iran's policy")
            possessed = n > 0 and path[n - 1].dep_ == "poss" and place.kind != "country"
            if step.dep_ not in INSIDE_NAME and step.i not in {top.i, span.root.i} and not possessed:
                return None
        if top.dep_ in SUBJECTS or token.i not in {trigger.i, carrier.i if carrier is not None else trigger.i}:
            return None  # the doer of the event ("Tehran said"), or an argument of another verb
        if top.dep_ in OBJECTS or (top.dep_ == "pobj" and trigger.pos_ == "NOUN"):
            if len(path) > 1 and place.kind == "country":
                return None  # a country modifying the object is a party to it ("U.S. guarantees")
            if places_at_object or (place.kind in self.cues.object_place_kinds and not is_actor):
                return span.start_char, "exact"
        return None

    def _names_the_noun(self, prep: Token, span: Span, trigger: Token, place: Place, is_actor: bool) -> bool:
        """ "the village of Robotyne": the name after 'of' stands where the noun of place stands."""
        return (
            prep.lower_ == "of"
            and (prep.head.lower_ in self.cues.place_nouns or prep.head.lemma_.lower() in self.cues.place_nouns)
            and self._preposition(prep, span, trigger, place, is_actor) is None
        )

    def _nested_allowed(self, prep: Token, event_type: str) -> bool:
        """A place phrase may sit inside an 'of' phrase of an attack's object ("dozens of fighters
        near Maiduguri") and inside a partner phrase of a meeting ("with his counterpart in Moscow")."""
        if prep.lower_ == "of":
            return event_type in self.cues.object_place_types
        return prep.lower_ in self.cues.partner_prepositions and event_type in self.cues.partner_types

    def _preposition(
        self, prep: Token, span: Span, trigger: Token, place: Place, is_actor: bool
    ) -> tuple[int, str] | None:
        doc = prep.doc
        if prep.lower_ in self.cues.travel_prepositions and (
            trigger.lemma_.lower() in self.cues.travel_verbs
            or (prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in self.cues.travel_verbs)
        ):
            return prep.idx, "exact"  # "travelled to Tehran", "flew to Tashkent to meet"
        if (
            prep.lower_ in self.cues.destination_prepositions
            and prep.head.lemma_.lower() in self.cues.destination_verbs
            and place.kind in self.cues.object_place_kinds
            and not is_actor
        ):
            return prep.idx, "exact"  # "delivered wheat to the port of Latakia"
        words = [t.lower_ for t in doc[max(0, prep.i - 3) : prep.i + 1]]
        for size in range(len(words), 0, -1):
            phrase = tuple(words[-size:])
            if phrase in self.cues.phrases:
                return doc[prep.i - size + 1].idx, self.cues.phrases[phrase]
        if prep.lower_ in self.cues.not_places:
            return None
        precision = self.cues.prepositions.get(prep.lower_)
        if precision is None:
            return None
        return (prep.idx if prep.idx < span.start_char else span.start_char), precision

    # -- the dateline ----------------------------------------------------------------
    def dateline(self, document: Document, context: DocumentCountries) -> Location | None:
        head = document.text[:300]
        for pattern in self.cues.datelines:
            match = pattern.match(head)
            if match is None:
                continue
            name = match.group("place")
            places = self.gazetteer.candidates(name, context.without(name))
            if places:
                start, end = match.span("place")
                place = places[0]
                return Location(
                    name=place.name, kind=place.kind, country=place.country, lat=place.lat, lon=place.lon,
                    precision=_precision(place.kind, "exact"), start=start, end=end, text=document.text[start:end],
                    basis="dateline", place_id=place.place_id, alternatives=_alternatives(places[1:]),
                )  # fmt: skip
        return None


def _clean(span: Span) -> bool:
    """A name stays on one line and ends on a word."""
    return not span[-1].is_punct and not any(t.is_space or "\n" in t.text for t in span)


class DocumentCountries:
    """The countries a document is about: those of its resolved actor mentions."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.names: dict[str, set[str]] = {}
        for m in mentions:
            if m.actor is not None and m.actor.country:
                self.names.setdefault(m.actor.country, set()).add(fold(m.text))

    def without(self, name: str) -> frozenset[str]:
        """The countries named other than by ``name`` (so 'Georgia' is no evidence for Georgia)."""
        key = fold(name)
        return frozenset(c for c, names in self.names.items() if names - {key})


def _date_anchor(sentence: Span, event: EventMention) -> int | None:
    """Where the event's own day is written, when the sentence names several dates.

    "met Raisi in Ashgabat on June 29, in Tehran on July 19 and in Samarkand on September 15"
    is one meeting a day; each takes the place written nearest its day.  The dates are the
    parser's DATE entities, matched to the event's day by month name and day number.
    """
    if event.date is None or event.date_precision != "day":
        return None
    dates = [e for e in sentence.ents if e.label_ == "DATE"]
    if len(dates) < 2:
        return None
    _, month, day = (int(part) for part in event.date.split("-")[:3])
    names = (calendar.month_name[month], calendar.month_abbr[month])
    own = [e for e in dates if any(n in e.text for n in names) and re.search(rf"\b{day}\b", e.text)]
    return own[0].start_char if len(own) == 1 else None


def _trigger(sentence: Span, event: EventMention, mentions: list[Mention]) -> Token | None:
    """The event's trigger word; when it occurs twice, the one whose subject names the event's actors
    ("Russian officials visited Iran, and Iranian officials visited Russia")."""
    if not event.trigger:
        return None
    matches = [t for t in sentence if t.text == event.trigger and t.pos_ in {"VERB", "NOUN", "AUX"}]
    matches = matches or [t for t in sentence if t.text == event.trigger]
    if len(matches) < 2:
        return matches[0] if matches else None
    wanted = {(a.actor_id, a.name) for a in event.actors}

    def actors_in_subject(token: Token) -> int:
        subjects = [c for c in token.children if c.dep_ in SUBJECTS | {"nsubjpass"}]
        ranges = [(min(t.idx for t in c.subtree), max(t.idx + len(t) for t in c.subtree)) for c in subjects]
        return sum(
            1
            for m in mentions
            if m.actor is not None
            and (m.actor.actor_id, m.actor.name) in wanted
            and any(a <= m.start and m.end <= b for a, b in ranges)
        )

    return max(matches, key=actors_in_subject)


def _clause_heads(trigger: Token) -> set[int]:
    """The trigger and the verbs it shares a clause with."""
    heads = {trigger.i}
    token = trigger
    while token.dep_ in SHARED_CLAUSE and token.head.i != token.i:
        token = token.head
        heads.add(token.i)
    return heads


def _precision(kind: str, cue: str) -> str:
    if kind == "country":
        return "country"
    if kind in {"region", "sea"} and cue == "exact":
        return "area"
    return cue


def _alternatives(places: Iterable[Place]) -> list[dict[str, object]]:
    return [
        {"place_id": p.place_id, "name": p.name, "kind": p.kind, "country": p.country, "lat": p.lat, "lon": p.lon}
        for p in list(places)[:ALTERNATIVES_KEPT]
    ]


def _location(document: Document, found: _Found, basis: str) -> Location:
    place = found.place
    start, end = found.cue_start, found.span.end_char
    return Location(
        name=place.name, kind=place.kind, country=place.country, lat=place.lat, lon=place.lon,
        precision=found.precision, start=start, end=end, text=document.text[start:end], basis=basis,
        place_id=place.place_id, alternatives=_alternatives(found.others),
    )  # fmt: skip


class _Entities:
    """The document's entities, found by position: ``Span.ents`` walks every entity of the
    document, which made locating each event of a long document cost its whole length."""

    def __init__(self, doc: Doc) -> None:
        self.ents = list(doc.ents)
        self.starts = [e.start for e in self.ents]

    def within(self, span: Span) -> list[Span]:
        """As ``span.ents``: from the first entity starting in the span, up to one that ends past it."""
        out = []
        for ent in self.ents[bisect.bisect_left(self.starts, span.start) :]:
            if ent.end > span.end:
                break
            out.append(ent)
        return out
