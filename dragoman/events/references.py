"""A later reference to an event already told takes the participants the first telling named.

Analyses name an event once in full ("the foreign minister visited Moscow on 15 March") and
then refer back to it ("Amir-Abdollahian's visit", "the meeting"). The reference names the
visitor but not the host; the first telling does. The date travels the same way
(event_dates.py); this module carries the recipients. A stance on an event told before ("the
reformists condemned the war") is aimed at that event's doers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Token

from dragoman.domain.identity import actor_key
from dragoman.domain.ontology import RECIPROCAL_TYPES
from dragoman.domain.records import Mention
from dragoman.events import triggers as lex
from dragoman.events.event_dates import new_names, refers_back
from dragoman.events.learned.words import event_noun_type
from dragoman.nlp.syntax import in_phrase


class Told(Protocol):
    """What a coded frame offers: its trigger, type and participants."""

    trigger: Token
    type: str
    actors: list[Mention]
    recipients: list[Mention]


@dataclass
class EventsTold:
    """The events of one document told so far with a recipient, in order."""

    told: list[tuple[Told, str]] = field(default_factory=list)

    def remember(self, frame: Told, sentence_text: str) -> None:
        if frame.recipients:
            self.told.append((frame, sentence_text))

    def recipients_for(self, frame: Told) -> list[Mention]:
        """The recipients of the latest earlier telling of the same event, when ``frame`` is a
        definite reference to one and names none itself: same type, a shared actor, and no
        proper name the earlier sentence lacks ("Russia's invasion of Ukraine" is not the
        invasion of Georgia told before). Failing that, in an event of both sides (a call, talks)
        told by the same word, the actor may have been the one called: "Putin called Raisi ...
        During the call, Raisi said ..." (the call was between the two)."""
        if frame.recipients or not frame.actors or not refers_back(frame.trigger):
            return frame.recipients
        actors = {_key(m) for m in frame.actors}
        names = new_names(frame.trigger)
        earlier_tellings = [
            earlier
            for earlier, text in reversed(self.told)
            if earlier.type == frame.type and all(name in text for name in names)
        ]
        for earlier in earlier_tellings:
            if actors & {_key(m) for m in earlier.actors}:
                return [m for m in earlier.recipients if _key(m) not in actors]
        if frame.type not in RECIPROCAL_TYPES:
            return frame.recipients
        for earlier in earlier_tellings:
            parties = earlier.actors + earlier.recipients
            if earlier.trigger.lemma_ == frame.trigger.lemma_ and actors & {_key(m) for m in parties}:
                return list({_key(m): m for m in parties if _key(m) not in actors}.values())
        return frame.recipients

    def judged_type(self, frame: Told, mentions: list[Mention]) -> str | None:
        """The type of "the" event a stance (triggers.yaml stance_types) with no recipient of
        its own takes as object, naming no one ("condemned the war": ASSAULT)."""
        if frame.recipients or frame.type not in lex.STANCE_TYPES:
            return None
        judged = _judged_event(frame.trigger)
        event_type = event_noun_type(judged.lemma_.lower()) if judged is not None else None
        if judged is None or not event_type or any(in_phrase(m, judged) for m in mentions):
            return None
        return event_type

    def doers_of_the_event_judged(
        self, frame: Told, mentions: list[Mention], after: int | None = None
    ) -> list[Mention]:
        """ "X condemned the war", "X refused to support the invasion": such a stance is aimed at
        the doers of the latest event of that type told before; with ``after`` (how many were
        told before the stance), once the document is read, of the first told after it."""
        event_type = self.judged_type(frame, mentions)
        if event_type is None:
            return frame.recipients
        told = self.told[after:] if after is not None else list(reversed(self.told))
        actors = {_key(m) for m in frame.actors}
        for earlier, _text in told:
            if earlier.type == event_type:
                return [m for m in earlier.actors if _key(m) not in actors]
        return frame.recipients


def _judged_event(trigger: Token) -> Token | None:
    """The definite event noun a stance takes as object, directly ("condemned the war") or through
    the deed it refuses or backs ("refused to support the invasion")."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    for head in heads:
        for obj in head.children:
            if obj.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
                return obj
    return None


def _key(mention: Mention) -> str:
    assert mention.actor is not None
    return actor_key(mention.actor)
