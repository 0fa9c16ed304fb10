"""The channel of a statement apart from its speaker: the outlet that quoted, carried or
interviewed ("X quoted Y as saying", "Y told X", "in an interview with X", "a statement carried
by X", "X reported Y said")."""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.domain.records import Mention
from dragoman.quotes.cues import QuoteWords, packaged_words


def is_medium(tokens: list[Token], mentions: list[Mention], words: QuoteWords | None = None) -> bool:
    """A news medium: a listed outlet among the tokens, or a name or phrase with a medium word."""
    if not tokens:
        return False
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if any(m.actor and m.actor.kind == "media" and start <= m.start and m.end <= end for m in mentions):
        return True
    medium_words = (words or packaged_words()).medium_words
    return any(t.lower_ in medium_words for t in tokens)


def phrase(tokens: list[Token], mentions: list[Mention]) -> str:
    """The channel's name: the listed outlet among the tokens, else the phrase as written."""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    listed = [m for m in mentions if m.actor and m.actor.kind == "media" and start <= m.start and m.end <= end]
    if listed:
        assert listed[0].actor is not None
        return listed[0].actor.name
    words = [t for t in tokens if not (t.i == tokens[0].i and t.lower_ in {"the", "a", "an"})]
    return " ".join(t.text for t in words)


def _subtree(token: Token) -> list[Token]:
    return [t for t in token.subtree if not t.is_punct]


def channel_of_cue(cue: Token, mentions: list[Mention], words: QuoteWords | None = None) -> str | None:
    """A channel named around the cue: its object when told to a medium, an interview with one,
    a statement carried by one."""
    words = words or packaged_words()
    for child in cue.children:
        if cue.lemma_.lower() == "tell" and child.dep_ in {"dobj", "dative", "iobj"}:
            tokens = _subtree(child)
            if is_medium(tokens, mentions, words):
                return phrase(tokens, mentions)
    for token in cue.subtree:
        if token.i == cue.i:
            continue
        if token.lemma_.lower() in words.occasion_nouns:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"with", "to", "on", "in"}:
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects and is_medium(_subtree(objects[0]), mentions, words):
                        return phrase(_subtree(objects[0]), mentions)
            for child in token.children:
                if child.dep_ == "acl" and child.lemma_.lower() in words.carrier_verbs:
                    agent = [c for c in child.children if c.dep_ == "agent" or c.lower_ == "by"]
                    objects = [c for a in agent for c in a.children if c.dep_ == "pobj"]
                    if objects:
                        return phrase(_subtree(objects[0]), mentions)
    return None


def carrier_of(cue: Token, mentions: list[Mention], words: QuoteWords | None = None) -> tuple[Token, str] | None:
    """An outlet's own cue that reports this one ("X reported (that) Y said", "Y said, X reported"):
    that cue and the outlet's name."""
    words = words or packaged_words()
    candidates = [cue.head] if cue.dep_ in {"ccomp", "parataxis"} else []
    candidates += [c for c in cue.children if c.dep_ in {"parataxis", "ccomp"}]
    for other in candidates:
        if other.i == cue.i or other.lemma_.lower() not in words.carrier_verbs | {"say"}:
            continue
        subjects = [c for c in other.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            continue
        # "Reuters - China has said": a wire credit the parse joins to a subject that is no outlet.
        holders = [m for m in mentions if m.start <= subjects[0].idx < m.end]
        if holders and not any(m.actor and m.actor.kind == "media" for m in holders):
            continue
        if is_medium(_subtree(subjects[0]), mentions, words):
            return other, phrase(_subtree(subjects[0]), mentions)
    return None
