"""Cue verbs that introduce speech, and what a cue says about the speaker's stance."""

from __future__ import annotations

import re

# Lemma -> stance the verb itself expresses toward what it is about (None: neutral reporting).
CUE_LEMMAS: dict[str, str | None] = {
    "say": None,
    "tell": None,
    "state": None,
    "add": None,
    "declare": None,
    "announce": None,
    "claim": None,
    "allege": None,
    "insist": None,
    "stress": None,
    "emphasize": None,
    "emphasise": None,
    "underline": None,
    "underscore": None,
    "note": None,
    "argue": None,
    "write": None,
    "tweet": None,
    "post": None,
    "publish": None,
    "affirm": None,
    "express": None,
    "explain": None,
    "suggest": None,
    "assert": None,
    "maintain": None,
    "report": None,
    "quote": None,
    "reiterate": None,
    "remark": None,
    "confirm": None,
    "acknowledge": None,
    "admit": None,
    "describe": None,
    "characterize": None,
    "attribute": None,
    "deny": None,
    "reply": None,
    "respond": None,
    "predict": None,
    "promise": "support",
    "warn": "oppose",
    "accuse": "oppose",
    "blame": "oppose",
    "condemn": "oppose",
    "decry": "oppose",
    "denounce": "oppose",
    "criticize": "oppose",
    "criticise": "oppose",
    "reject": "oppose",
    "dismiss": "oppose",
    "threaten": "oppose",
    "slam": "oppose",
    "lambast": "oppose",
    "praise": "support",
    "welcome": "support",
    "hail": "support",
    "commend": "support",
    "endorse": "support",
    "justify": "support",
    "defend": "support",
    "thank": "support",
    "show": None,
    "find": None,
    "indicate": None,
    "reveal": None,
    "recall": None,
    "concede": None,
    "contend": None,
    "estimate": None,
    "testify": None,
    "disclose": None,
    "urge": None,
    "call": None,
    "demand": None,
    "ask": None,
    "clarify": None,
    "chant": None,
    "vow": None,
    "pledge": "support",
    "proclaim": None,
    "appeal": None,
    "propose": None,
    "question": "oppose",
    "complain": "oppose",
    "mock": "oppose",
    "tout": "support",
    "cite": None,
    "think": None,
    "believe": None,
    "know": None,
    "expect": None,
    "hope": None,
    "fear": "oppose",
    "doubt": None,
    "feel": None,
    "worry": None,
}
# Verbs of belief are statements only with a clause of their own ("Tehran believes that ...",
# not "knows the region"); first person inside a quote is already the quoted words.
CLAUSE_ONLY = frozenset("think believe know expect hope fear doubt feel worry".split())
# Evidential cues whose subject can be a relative pronoun continuing someone's words ("..., which shows").
EVIDENTIAL = frozenset("show indicate reveal suggest find prove demonstrate".split())
# Cues that take a clause; with a plain object ("added a new dimension") they are not speech.
OBJECT_NOT_SPEECH = frozenset({"add"})
# "call" is a cue only as "call for" / "call on" / "called X a Y"; handled by the extractor.
NEEDS_PARTICLE = {"call": ("for", "on", "upon"), "appeal": ("to", "for")}
# Cues whose plain object is what was said ("announced plans for ...", "proposed talks").
OBJECT_SPEECH = frozenset({"announce", "promise", "pledge", "propose", "vow", "deny", "confirm", "unveil"})
# After an object, the prepositions that carry on what was said ("warned X against Y").
OBJECT_PREPOSITIONS = frozenset({"against", "to", "of", "about", "over", "that"})

# Surface forms for when the tagger misreads the verb (a name before it read as an adjective).
CUE_SURFACE = re.compile(
    r"^(said|says|told|stated|states|added|declared|announced|claimed|alleged|insisted|stressed|"
    r"emphasi[sz]ed|underlined|noted|argued|wrote|tweeted|affirmed|decried|condemned|denounced|"
    r"criticized|criticised|warned|accused|blamed|praised|welcomed|rejected|denied|urged|justified|clarified)$"
)

NOUN_CUES = {"statement", "remarks", "comments", "headline", "tweet", "interview", "speech", "message", "emphasis"}
# Nouns of saying whose "that" clause is what was said ("his claim that ...", "a warning that ...").
CLAIM_NOUNS = frozenset(
    "claim assertion argument suggestion insistence warning promise pledge allegation charge accusation "
    "statement remark comment announcement contention complaint denial admission assurance".split()
)

SPEECH_WORDS = frozenset(CUE_LEMMAS)
