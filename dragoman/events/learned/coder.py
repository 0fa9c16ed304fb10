"""The learned event coder: for each body sentence, the type model says which PLOVER events
it reports (NONE is the common answer); the rule frames of the parse propose who did it to
whom; the parse fills the rest. Rules are candidates and features here, not the gate.

Interface: ``LearnedEventCoder().extract(document, spacy_doc, sentences, mentions)`` returns
EventMention records, like the rule extractor it replaces as the default.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc, Span, Token

from dragoman.domain.records import Document, EventMention, Mention, Sentence
from dragoman.events import triggers as lex
from dragoman.events.event_dates import DocumentDates, EventDate
from dragoman.events.extractor import (
    NON_ACTORS,
    EventExtractor,
    Frame,
    _key,
    _repeated_dates,
    _top,
    frame_mention,
)
from dragoman.events.learned.corpus import NONE
from dragoman.events.learned.encoder import SentenceEncoder, shared_encoder
from dragoman.events.learned.typemodel import TypeModel
from dragoman.events.ontology import quad_of

# A type is reported when its probability reaches THRESHOLD; failing that, the most likely
# type when it reaches FALLBACK and beats NONE. A rule frame adds its own type when the
# model gives that type at least RULE_SUPPORT.
THRESHOLD = 0.5
FALLBACK = 0.15
RULE_SUPPORT = 0.2
MAX_TYPES = 3
MODIFIER_DEPS = {"compound", "amod", "nmod"}
# "(Reuters)", "AFP -", "Reuters -": a news agency's credit, not a participant.
CREDIT_BEFORE = re.compile(r"\(\s*$")
CREDIT_AFTER = re.compile(r"^\s*(\)|-|\u2013|\u2014)")


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    import yaml

    text = (resources.files("dragoman.events.learned") / "words.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.safe_load(text)["reporting_verbs"])


def is_credit(mention: Mention, text: str) -> bool:
    """A news agency named as the source of the copy ("(Reuters)", "AFP - ...")."""
    if mention.actor is None or mention.actor.kind != "media":
        return False
    return bool(
        CREDIT_BEFORE.search(text[max(0, mention.start - 3) : mention.start])
        or CREDIT_AFTER.match(text[mention.end : mention.end + 3])
    )


@dataclass
class Decision:
    type: str
    probability: float


class LearnedEventCoder:
    NAME = "events.learned"
    VERSION = "1.0"

    def __init__(self, model: TypeModel | None = None, encoder: SentenceEncoder | None = None) -> None:
        self.model = model or TypeModel.load()
        self._encoder = encoder
        self.rules = EventExtractor()

    @property
    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            self._encoder = shared_encoder()
        return self._encoder

    @property
    def component(self) -> str:
        return f"{self.NAME}@{self.VERSION}+{self.model.fingerprint()}"

    # -- decisions -------------------------------------------------------------------
    def decide(self, probabilities: np.ndarray, rule_types: list[str]) -> list[Decision]:
        """Types of one sentence from its label probabilities, the rule frames' types as support."""
        by_label = dict(zip(self.model.labels, (float(p) for p in probabilities), strict=True))
        none = by_label.pop(NONE, 0.0)
        ranked = sorted(by_label.items(), key=lambda item: -item[1])
        chosen = [Decision(t, p) for t, p in ranked if p >= THRESHOLD][:MAX_TYPES]
        if not chosen and ranked and ranked[0][1] >= FALLBACK and ranked[0][1] > none:
            chosen = [Decision(*ranked[0])]
        for rule_type in rule_types:
            p = by_label.get(rule_type, 0.0)
            if p >= RULE_SUPPORT and all(d.type != rule_type for d in chosen):
                chosen.append(Decision(rule_type, p))
        return chosen

    # -- extraction ------------------------------------------------------------------
    def extract(
        self, document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
    ) -> list[EventMention]:
        dating = DocumentDates(document)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            if dating.in_dateline(mention.start):
                continue  # "TEHRAN, March 8 (Reuters) -" is where and when the report was filed
            if (
                mention.actor is not None
                and mention.actor.kind not in NON_ACTORS
                and not is_credit(mention, document.text)
            ):
                by_sentence.setdefault(mention.sentence_index, []).append(mention)
        work: list[tuple[Sentence, Span, list[Mention]]] = []
        for sentence in sentences:
            if sentence.furniture:
                continue
            sentence_mentions = by_sentence.get(sentence.index, [])
            span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if sentence_mentions and span is not None:
                work.append((sentence, span, sentence_mentions))
        if not work:
            return []
        probabilities = self.model.probabilities(self.encoder.encode([s.text for s, _, _ in work]))
        results: list[EventMention] = []
        previous_frames: list[Frame] = []
        previous: Sentence | None = None
        for (sentence, span, sentence_mentions), row in zip(work, probabilities, strict=True):
            if previous is None or "\n" in document.text[previous.end : sentence.start]:
                previous_frames = []
            previous = sentence
            frames = self.rules._frames(span, sentence_mentions, previous_frames)
            previous_frames = frames or previous_frames
            used: set[int] = set()
            for decision in self.decide(row, [f.type for f in frames]):
                frame = self._frame_for(decision.type, frames, used, span, sentence_mentions)
                if frame is None:
                    continue
                frame = _clean(frame, span)
                # The date of the event's own clause, an earlier mention of it, or the report (as the rules do).
                when = dating.date_event(
                    frame.trigger,
                    sentence,
                    frame.status,
                    frame.type,
                    frozenset(_key(m) for m in frame.actors),
                    frozenset(_key(m) for m in frame.recipients),
                )
                repeated = _repeated_dates(frame, sentence, document.published)
                for occasion in [EventDate(d, "text") for d in repeated] or [when]:
                    results.append(self._event(document, sentence, frame, decision, occasion, split=bool(repeated)))
        return _unique(results)

    def _frame_for(
        self, event_type: str, frames: list[Frame], used: set[int], span: Span, mentions: list[Mention]
    ) -> Frame | None:
        """Participants for a decided type: the rule frame of that type, else of its quad, else
        any unused frame, else the parse around the sentence's main verb."""
        for same in (
            lambda f: f.type == event_type,
            lambda f: quad_of(f.type) == quad_of(event_type),
            lambda f: True,
        ):
            for index, frame in enumerate(frames):
                if index not in used and same(frame):
                    used.add(index)
                    chosen = copy.copy(frame)
                    if chosen.type != event_type:
                        chosen.type, chosen.mode = event_type, None
                    return chosen
        return self._parse_frame(event_type, span, mentions)

    def _parse_frame(self, event_type: str, span: Span, mentions: list[Mention]) -> Frame | None:
        """Subject → actor, object or recipient preposition → recipient, from the main verb; else the
        first actor named outside a modifier, with no recipient rather than a guessed one."""
        verb = _main_verb(span)
        actors: list[Mention] = []
        recipients: list[Mention] = []
        if verb is not None:
            actors, recipients = self.rules._participants(verb, mentions)
        free = [m for m in _top(mentions) if not _in_modifier(m, span)]
        if not actors:
            if not free:
                return None
            actors = [free[0]]
            keys = {_key(actors[0])}
            recipients = [m for m in recipients if _key(m) not in keys]
        recipients = [m for m in recipients if not _in_modifier(m, span)]
        trigger = verb if verb is not None else span.root
        frame = Frame(trigger, event_type, None, actors, recipients)
        status = copy.copy(frame)
        EventExtractor._modality(status, mentions)  # status and attribution only: the model's type stands
        frame.status, frame.attributed_to = status.status, status.attributed_to
        return frame

    def _event(
        self,
        document: Document,
        sentence: Sentence,
        frame: Frame,
        decision: Decision,
        dated: EventDate,
        split: bool = False,
    ) -> EventMention:
        actor_keys = sorted(_key(m) for m in frame.actors)
        recipient_keys = sorted(_key(m) for m in frame.recipients)
        key = f"{document.doc_id}|{sentence.index}|{frame.type}|{actor_keys}|{recipient_keys}|{frame.status}"
        if split and dated.value is not None:
            key += f"|{dated.value.value}"
        confidence = round(decision.probability, 3)
        return frame_mention(document, sentence, frame, key, self.component, confidence, dated.value, dated.basis)


def _main_verb(span: Span) -> Token | None:
    """The sentence's main verb; for "X said (that) ...", the verb of what was said."""
    root = span.root
    if root.pos_ not in {"VERB", "AUX"}:
        return next((t for t in span if t.pos_ == "VERB"), None)
    if root.lemma_.lower() in reporting_verbs():
        said = next((c for c in root.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}), None)
        if said is not None and any(c.dep_ in {"nsubj", "nsubjpass"} for c in said.children):
            return said
    return root


def _head(mention: Mention, span: Span) -> Token | None:
    tokens = [t for t in span if mention.start <= t.idx < mention.end]
    if not tokens:
        return None
    return next((t for t in tokens if t.head not in tokens or t.head == t), tokens[-1])


def _in_modifier(mention: Mention, span: Span) -> bool:
    """ "Vienna talks", "Iranian-made drones", "a NATO member": a name that only qualifies a noun
    names no participant. A demonym before people or forces ("Kenyan fishermen") still does."""
    head = _head(mention, span)
    if head is None or head.head.pos_ not in {"NOUN", "PROPN"} or head.head == head:
        return False
    if head.dep_ in {"compound", "nmod"}:
        return True
    made = head.i + 1 < len(head.doc) and head.nbor(1).text in {"-", "–"}
    if head.dep_ == "amod" and made:
        return True
    # "Iranian-made drones" parsed as Iranian → made → drones: a name inside a modifier.
    governor = head.head
    return governor.dep_ in {"amod", "compound"} and governor.head.pos_ in {"NOUN", "PROPN"}


def _under_other_noun(mention: Mention, trigger: Token, span: Span) -> bool:
    """ "criticised sanctions against Russia": a name inside a phrase that hangs on another event
    noun than the trigger is that event's participant, not this one's."""
    current = _head(mention, span)
    for _ in range(12):
        if current is None or current == trigger or current.head == current:
            return False
        noun = current.head
        if current.dep_ == "prep" and noun != trigger and noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.NOUNS:
            return True
        current = current.head
    return False


def _clean(frame: Frame, span: Span) -> Frame:
    """Drop participants named only as modifiers, or only inside another noun's phrase."""
    recipients = [
        m for m in frame.recipients if not _in_modifier(m, span) and not _under_other_noun(m, frame.trigger, span)
    ]
    actors = [m for m in frame.actors if not _in_modifier(m, span)] or frame.actors[:1]
    frame.actors, frame.recipients = actors, recipients
    return frame


def _unique(events: list[EventMention]) -> list[EventMention]:
    seen: set[str] = set()
    kept = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            kept.append(event)
    return kept
