"""Parse-level facts shared by the event and the statement extractors.

Negation: "did not send", "no meeting", "refused to condemn", "refrained from endorsing"
are not things that happened or were said. Exclusion: "Iran, unlike Belarus, ..." does not
make Belarus part of the subject. The words are in ``dragoman/lexicon/en/syntax.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.domain.records import Mention
from dragoman.lexicon import lexicon_file


def negated(trigger: Token) -> bool:
    """ "did not send", "no meeting", "refused to condemn", "did not sign a deal", "a refusal to sign"."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trigger.children):
        return True
    governor = trigger.head
    if governor.i == trigger.i:
        return False
    cancelling = lexicon_file("syntax")["cancelling"]
    if trigger.dep_ in {"xcomp", "ccomp"} and governor.lemma_.lower() in cancelling:
        return True
    if trigger.dep_ == "pcomp" and governor.dep_ == "prep" and governor.head.lemma_.lower() in cancelling:
        return True  # "refrained from supplying"
    sharing = sharing_verb(trigger)
    if sharing is not None and negated(sharing):
        return True  # "did not join its allies in recognising ..."
    if _after_a_cancelling_noun(trigger):
        return True  # "its hesitancy to endorse"
    governs_object = trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"dobj", "nsubjpass"}
    return (trigger.dep_ == "xcomp" or governs_object) and any(c.dep_ == "neg" for c in governor.children)


def sharing_verb(gerund: Token) -> Token | None:
    """The verb whose subject and clause a gerund after "by", "in", "after" ... shares ("By hosting
    the talks, Turkey signalled ...": "signalled"; syntax.yaml subject_sharing_prepositions)."""
    preposition = gerund.head
    if gerund.dep_ != "pcomp" or preposition.dep_ != "prep":
        return None
    if preposition.lower_ not in lexicon_file("syntax")["subject_sharing_prepositions"]:
        return None
    return preposition.head if preposition.head.pos_ in {"VERB", "AUX"} else None


def declines_comment(verb: Token) -> bool:
    """ "declined to comment", "refused to say whether": a source's silence, no refusal of anyone."""
    words = lexicon_file("syntax")
    return verb.lemma_.lower() in words["cancelling"] and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in words["comment_verbs"] for c in verb.children
    )


def _after_a_cancelling_noun(trigger: Token) -> bool:
    """ "A refusal to sign", "its hesitancy to endorse": read off the words, since the parser
    often hangs the infinitive elsewhere."""
    if trigger.i < 2 or trigger.nbor(-1).lower_ != "to":
        return False
    return trigger.nbor(-2).lemma_.lower() in lexicon_file("syntax")["cancelling_nouns"]


def set_apart(subject: Token) -> set[int]:
    """Indices of the tokens an excluding preposition sets apart from a subject."""
    excluding = lexicon_file("syntax")["excluding"]
    return {t.i for c in subject.subtree if c.dep_ == "prep" and c.lower_ in excluding for t in c.subtree}


def in_phrase(mention: Mention, head: Token) -> bool:
    """The mention lies inside ``head``'s phrase (its subtree's characters)."""
    first, last = head.left_edge, head.right_edge
    return first.idx <= mention.start and mention.end <= last.idx + len(last)
