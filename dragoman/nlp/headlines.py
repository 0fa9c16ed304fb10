"""Headline grammar: a headline drops the auxiliary of a passive ("British couple shot dead in
Thailand", "Trial suspended"), which the parser, trained on running prose, reads as a past
tense with its subject as the doer. A headline states past deeds in the present ("Rebels
storm town"), so a past form with a subject and no object is the passive it abbreviates:
its subject is marked as a passive subject and "by X" as the agent, for every stage that
reads the parse. A noun of what the subject became ("held hostage") is no object
(`complement_nouns` in lexicon/en/syntax.yaml).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dragoman.lexicon import lexicon_file

VERSION = "1.2"  # 1.1: a bare noun complement ("held hostage") is no object; 1.2: one headline test
# A first line of at most this many words, with no full stop of a sentence, is a headline.
HEADLINE_MAX_WORDS = 25
# Relations that show a verb has an object or a clause of its own, so is active.
OBJECTS = frozenset({"dobj", "dative", "attr", "ccomp", "xcomp"})
AUXILIARIES = frozenset({"aux", "auxpass", "nsubjpass"})


def headline(text: str) -> tuple[int, int, int] | None:
    """The headline of a report: its first line, short, with no full stop of a sentence, followed by
    more text; (start, end, where the body begins). The one test the parse's corrections, the
    dates (a headline tells its lead) and the statements (a headline's speaker) share."""
    match = re.match(r"\s*([^\n]+?)[ \t]*\n\s*(?=\S)", text)
    if match is None:
        return None
    line = match.group(1)
    if len(line.split()) > HEADLINE_MAX_WORDS or re.search(r"[.!?:;][\"”’')]*$", line):
        return None
    return match.start(1), match.end(1), match.end()


def headline_end(text: str) -> int | None:
    """Where the headline ends, if the text opens with one."""
    found = headline(text)
    return None if found is None else found[1]


def title_case(text: str) -> bool:
    """ "Chilean Minister Hopes To Calm Fishing Row": most words capitalised, as headlines are set in
    some styles; the parser, trained on running prose, reads such a line poorly."""
    words = text.split()
    return text.istitle() or sum(w[:1].isupper() for w in words) > 0.7 * max(1, len(words))


def mark_headline_passives(doc: Doc) -> Doc:
    """Read the headline's bare past forms as the passives they are (in place)."""
    end = headline_end(doc.text)
    if end is None:
        return doc
    for token in doc:
        if token.idx >= end:
            break
        if _bare_passive(token):
            for child in token.children:
                if child.dep_ == "nsubj":
                    child.dep_ = "nsubjpass"
                elif child.dep_ == "prep" and child.lower_ == "by" and child.i > token.i:
                    child.dep_ = "agent"
            token.tag_ = "VBN"
    return doc


def _bare_passive(verb: Token) -> bool:
    """ "couple shot dead", "drivers held hostage": a past form with a subject, no auxiliary and
    no object but a bare noun that says what the subject became."""
    if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBN"}:
        return False
    relations = {child.dep_ for child in verb.children if not _complement_noun(child)}
    return "nsubj" in relations and not relations & (OBJECTS | AUXILIARIES)


def _complement_noun(child: Token) -> bool:
    """ "held hostage", "taken prisoner": a noun of what the subject became (syntax.yaml)."""
    return child.dep_ == "dobj" and child.lower_ in lexicon_file("syntax")["complement_nouns"]
