"""A subject read as an apposition: after a phrase put before the clause that ends in a name
and a comma ("In a meeting with the Turkish president, Iraq's prime minister praised ..."), the
parser often hangs the clause's subject on that name as its apposition and leaves the verb with
no subject at all. A verb with no subject takes such a phrase back as its subject, for every
stage that reads the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

VERSION = "1.0"
SUBJECT_RELATIONS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Relations of a phrase put before the clause: "In a meeting with X, ...", "Speaking to X, ...".
FRONTED_RELATIONS = frozenset({"prep", "advcl", "npadvmod"})
# What may stand between the subject and its verb: "has", "also", "all but", "not".
BETWEEN_SUBJECT_AND_VERB = frozenset({"advmod", "aux", "auxpass", "neg", "cc", "prep", "punct"})


def restore_fronted_subjects(doc: Doc) -> Doc:
    """Give each subjectless main verb the apposition that ends its fronted phrase (in place)."""
    for verb in doc:
        if verb.dep_ != "ROOT" or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if any(child.dep_ in SUBJECT_RELATIONS for child in verb.children):
            continue
        subject = _misread_subject(verb)
        if subject is not None:
            subject.head = verb
            subject.dep_ = "nsubj"
    return doc


def _misread_subject(verb: Token) -> Token | None:
    doc = verb.doc
    for phrase in verb.lefts:
        if phrase.dep_ not in FRONTED_RELATIONS or phrase.left_edge.i != verb.sent.start:
            continue
        for token in phrase.subtree:
            if (
                token.dep_ == "appos"
                and token.head.i < token.i < verb.i
                and token.left_edge.i > 0
                and doc[token.left_edge.i - 1].text == ","
                and all(t.dep_ in BETWEEN_SUBJECT_AND_VERB for t in doc[token.right_edge.i + 1 : verb.i])
            ):
                return token
    return None
