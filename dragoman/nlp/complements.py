"""A passive without its auxiliary in running text: "four cooks held hostage in Yemen since March
landed in Kathmandu", "two soldiers taken prisoner in the raid returned". A past form followed at once by a singular
noun of what its subject became (`complement_nouns` in lexicon/en/syntax.yaml) and with no
object of its own abbreviates a passive, as in a headline (nlp/headlines.py); the parser, which
reads it as a past tense, makes the captives the captors. Its subject is marked as a passive
subject, for every stage that reads the parse. "Gunmen held hostage twenty passengers" (an
object follows) and "rebels held hostages" (a plural noun is the object) stay active.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dragoman.lexicon import lexicon_file

VERSION = "1.0"
# Tags of a noun of state after the verb: "hostage" (a noun), "captive" (read as an adjective).
SINGULAR_TAGS = frozenset({"NN", "JJ"})
ACTIVE_RELATIONS = frozenset({"dobj", "dative", "aux", "auxpass", "nsubjpass"})


def mark_complement_passives(doc: Doc) -> Doc:
    """Read each past form followed by a noun of what its subject became as a passive (in place)."""
    nouns = lexicon_file("syntax")["complement_nouns"]
    for verb in doc[:-1]:
        complement = doc[verb.i + 1]
        if complement.lower_ not in nouns or complement.tag_ not in SINGULAR_TAGS or not _bare_past(verb, complement):
            continue
        for child in verb.children:
            if child.dep_ == "nsubj":
                child.dep_ = "nsubjpass"
        if complement.head.i == verb.i and complement.dep_ == "dobj":
            complement.dep_ = "oprd"
        verb.tag_ = "VBN"
    return doc


def _bare_past(verb: Token, complement: Token) -> bool:
    """A past form with a subject and neither an auxiliary nor an object besides the noun of state."""
    if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBN"}:
        return False
    relations = [child.dep_ for child in verb.children if child.i != complement.i]
    return "nsubj" in relations and not ACTIVE_RELATIONS.intersection(relations)
