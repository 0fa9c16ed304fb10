"""Deeds a news sentence names in passing: "riots over the killing of twelve drivers in Iraq",
"a man linked to last week's bombing of a hotel in Jakarta", "accused of torturing prisoners".

The type model types a sentence by what it reports (the riots, the arrest); wire coders also
code the violent deed such a sentence names by its noun, with its doer where the phrase names
one (its possessor, "by X", the accused of a charge) and otherwise the place where it happened
standing for its unnamed doers, as event datasets code an attack nobody has claimed. Only
assaults are read so: a named attack is news on its own, while a named meeting or sanction in
passing is most often background.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dragoman.domain.records import Mention
from dragoman.events import triggers as lex
from dragoman.events.extractor import (
    EventExtractor,
    Frame,
    _halted,
    _mentions_in,
    _object_mentions,
    _prep_object_mentions,
    laid_to,
)
from dragoman.events.learned.roles import head_token
from dragoman.events.learned.words import background_event_noun
from dragoman.nlp.syntax import negated
from dragoman.places.cues import Cues

REFERENCED_TYPES = frozenset({"ASSAULT"})


def referenced_deeds(
    span: Span, mentions: list[Mention], coded: set[str], rules: EventExtractor, cues: Cues
) -> list[Frame]:
    """A frame for the first noun (or gerund after "of", "with") of a referenced type in the
    sentence, when the sentence has no event of that type already and the phrase gives the
    deed a doer."""
    frames: list[Frame] = []
    done = set(coded)
    for token in span:
        entry = _deed_entry(token)
        if entry is None or entry[0] not in REFERENCED_TYPES or entry[0] in done:
            continue
        if token.pos_ == "NOUN" and (negated(token) or _halted(token) or _light_object(token)):
            continue
        actors, recipients = _noun_parties(token, mentions, rules)
        place = [m for m in _place_of(token, span, mentions, cues) if m not in recipients]
        if not actors and _doer_told_elsewhere(token):
            continue
        if not actors:
            actors = place
        elif not recipients:
            recipients = [m for m in place if m not in actors]  # "the murder of a civilian in Iraq"
        if not actors:
            continue
        frames.append(Frame(token, entry[0], entry[1], actors, recipients))
        done.add(entry[0])
    return frames


def _deed_entry(token: Token) -> tuple[str, str | None] | None:
    """The type a deed word gives: an event noun, or a gerund after a preposition ("of torturing")."""
    lemma = token.lemma_.lower()
    if background_event_noun(lemma):
        return None
    if token.pos_ == "NOUN" and token.dep_ != "compound":
        return lex.NOUNS.get(lemma)
    if token.tag_ == "VBG" and token.dep_ == "pcomp":
        return lex.VERBS.get(lemma)
    return None


def _noun_parties(deed: Token, mentions: list[Mention], rules: EventExtractor) -> tuple[list[Mention], list[Mention]]:
    """Who did it and to whom, from the deed's own phrase: its possessor or qualifier, "by X" or
    "from X", the accused of a charge; the object of a gerund, "of", "on", "against" X."""
    actors: list[Mention] = []
    recipients: list[Mention] = []
    if deed.pos_ == "NOUN":
        frame = rules._noun_frame(deed, mentions)
        if frame is not None:
            actors, recipients = list(frame.actors), list(frame.recipients)
    else:
        accused = laid_to(deed)
        if accused is not None:
            actors = _object_mentions(accused, mentions)
        recipients = [m for c in deed.children if c.dep_ == "dobj" for m in _object_mentions(c, mentions)]
    for child in deed.children:
        if child.dep_ == "prep" and child.lower_ in lex.AUTHOR_PREPOSITIONS:  # "attacks by X", "fire from X"
            actors += [m for m in _prep_object_mentions(child, mentions) if m not in actors]
        elif child.dep_ == "prep" and child.lower_ in lex.RECIPIENT_PREPS | {"of"}:
            recipients += [m for m in _prep_object_mentions(child, mentions) if m not in recipients + actors]
    return actors, [m for m in recipients if m not in actors]


def _light_object(deed: Token) -> bool:
    """ "launched an attack on X": the noun is the sentence's own event, which the type model
    types (most often a verbal attack, "launched a scathing attack on the government")."""
    return deed.dep_ == "dobj" and deed.head.lemma_.lower() in lex.LIGHT_VERBS


def _doer_told_elsewhere(deed: Token) -> bool:
    """The deed is the object of a verb ("plotting attacks in X", "must end attacks on X") or a
    gerund ("accused the law of attacking ..."): its doer is that verb's subject or the one the
    gerund is said of, not the place, and with no actor named there the deed has no doer."""
    return deed.dep_ == "dobj" or deed.pos_ != "NOUN"


def _place_of(deed: Token, span: Span, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """The place the deed's own phrase says it happened in ("the killing of ... in Iraq"), a
    state or a town standing for its unnamed doers."""
    for mention in _mentions_in(deed.subtree, mentions):
        head = head_token(mention, span)
        if (
            head is not None
            and head.dep_ == "pobj"
            and head.head.lower_ in cues.prepositions
            and head.head.lower_ not in lex.RECIPIENT_PREPS
            and mention.actor is not None
            and mention.actor.kind == "state"
        ):
            return [mention]
    return []
