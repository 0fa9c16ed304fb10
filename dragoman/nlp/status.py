"""Status of an event (or a statement's content) from the cues that govern its own clause.

A cue counts only where it governs: "allegedly" on the drone clause leaves a meeting in the
coordinated clause asserted; "The minister denied that Iran has been continuing to provide
drones" is a denied delivery, attributed to the minister, however deep the complement;
"threatens to strike" makes the strike hypothetical but not the threat; "even if" concedes a fact;
"a possible deal", "reached a possible deal", "a looming offensive" and "sanctions loom" are
expected, not done.
Denied beats alleged, which beats hypothetical. The cue words live in
``dragoman/lexicon/en/status.yaml`` (``--lexicon`` overrides apply).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dragoman.domain.records import Status
from dragoman.lexicon import LexiconFile, lexicon_file
from dragoman.nlp.syntax import sharing_verb

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Relations through which a governing word reaches the event's clause.
COMPLEMENTS = {
    "ccomp",
    "xcomp",
    "pcomp",
    "acl",
    "dobj",
    "pobj",
    "prep",
    "attr",
    "oprd",
    "advcl",
    "relcl",
    "conj",
    "appos",
}
RANK: dict[Status, int] = {"asserted": 0, "hypothetical": 1, "alleged": 2, "denied": 3}
MAX_LEVELS = 8
# The statuses of a reported event, which a cue gives on someone's word ("X alleges", "X denies"):
# they belong to the event reported, not to the act of reporting or denying it.
REPORTED_STATUSES: frozenset[Status] = frozenset({"alleged", "denied"})


@dataclass(frozen=True)
class StatusCue:
    """The status, the word that set it, and the head of the phrase naming who alleges or denies."""

    status: Status = "asserted"
    cue: Token | None = None
    source: Token | None = None


def cues() -> LexiconFile:
    """The status cue words of the run, each section a set of words."""
    return lexicon_file("status")


def clause_head(token: Token) -> Token:
    """The verb of the clause a word belongs to (the word itself when it is a verb)."""
    current = token
    for _ in range(MAX_LEVELS):
        if current.pos_ in {"VERB", "AUX"} or current.head.i == current.i:
            return current
        current = current.head
    return current


def clause_status(trigger: Token, within: tuple[int, int] | None = None, event_noun: Token | None = None) -> StatusCue:
    """The status of the event at ``trigger``; ``within`` (character offsets) bounds the climb,
    so the status of a statement's content is read inside the content only. ``event_noun`` is the
    object that names the event of a light-verb trigger ("reached a possible deal"): the verb only
    carries it, so what the noun's own modifiers expect is expected of the event."""
    found: list[StatusCue] = []
    head = clause_head(trigger)
    found += _nouns_between(trigger, head)
    # "talks scheduled for Monday", "the planned visit", "a proposed deal": an event noun arranged,
    # not yet done
    found += [
        StatusCue("hypothetical", c)
        for c in trigger.children
        if c.dep_ in {"acl", "amod"} and c.tag_ == "VBN" and c.lemma_.lower() in cues()["intention_verbs"]
    ]
    found += _expected(trigger) + _alleging_modifiers(trigger)
    if event_noun is not None:
        found += _expecting_modifiers(event_noun)
    if head.i != trigger.i:  # "denied the meeting", "accused Iran of deliveries": the verb governs the noun
        below = next(t for t in trigger.ancestors if t.head.i == head.i) if trigger.head.i != head.i else trigger
        found += _governing(head, below)
    # "Amir-Abdollahian's trip was apparently more successful": an adverb on the predicate of a
    # noun subject says nothing about whether the trip happened.
    subject = head.i != trigger.i and any(
        t.dep_ in SUBJECTS and t.head.i == head.i for t in [trigger, *trigger.ancestors]
    )
    found += [cue for cue in _own_clause(head) if not (subject and cue.status == "alleged")]
    if subject:
        found += _dismissed_subject(head)
    current = head
    for _ in range(MAX_LEVELS):
        relation = current.dep_
        governor = current.head
        # A relative clause or an adverbial clause is a clause of its own, except "claims that
        # Russia attacked", which the parser may read as a relative clause of "claims".
        content = relation == "relcl" and governor.lemma_.lower() in cues()["allege_nouns"]
        # "is to visit Kabul to discuss trade": a clause of purpose is as real as the deed it serves.
        # "allegedly shelled Kharkiv, killing ten": so is a participle adjunct to the deed.
        purpose = relation == "advcl" and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
            or (current.tag_ == "VBG" and not any(c.dep_ in {"mark", "aux"} for c in current.children))
        )
        if (
            governor.i == current.i
            or relation not in COMPLEMENTS
            or (relation in {"relcl", "advcl"} and not (content or purpose))
        ):
            break
        if within is not None and not within[0] <= governor.idx < within[1]:
            break
        if relation == "prep" and governor.pos_ not in {"VERB", "AUX", "NOUN", "PROPN"}:
            current = governor
            continue
        if relation != "conj":
            found += _governing(governor, current)
            if (
                governor.dep_ in SUBJECTS
                and governor.pos_ == "NOUN"
                and governor.lemma_.lower() in cues()["allege_nouns"]
            ):
                found += _dismissed_subject(governor.head)  # "reports that X shelled Y were baseless"
            if relation == "xcomp" or purpose:
                found += _own_clause(governor)  # "could start supplying": the modal reaches the complement
        shared = sharing_verb(current)
        if shared is not None:
            found += _own_clause(shared)  # "will return the favour by supplying ...": so does the gerund's
        current = governor
    if not found:
        return StatusCue()
    return max(found, key=lambda cue: RANK[cue.status])


def _own_clause(head: Token) -> list[StatusCue]:
    c = cues()
    found: list[StatusCue] = []
    for child in head.children:
        word = child.lower_
        if child.dep_ == "advmod" and word in c["allege_adverbs"]:
            found.append(StatusCue("alleged", child))
        elif child.dep_ == "advmod" and word in c["hypothetical_modifiers"]:
            found.append(StatusCue("hypothetical", child))  # "Iran possibly sent drones"
        elif child.dep_ in {"aux", "auxpass"} and word in c["modals"] | c["future"]:
            found.append(StatusCue("hypothetical", child))
        elif child.dep_ == "aux" and word == "to" and head.dep_ == "ROOT":
            found.append(StatusCue("hypothetical", child))  # "Minister to visit Kabul"
        elif child.dep_ == "mark" and word in c["conditions"]:
            before = child.nbor(-1).lower_ if child.i > child.sent.start else ""
            if before not in c["concessive_before_condition"]:
                found.append(StatusCue("hypothetical", child))
        elif child.dep_ == "prep" and word == "according":
            to = next((t for t in child.children if t.lower_ == "to"), None)
            source = next((t for t in to.children if t.dep_ == "pobj"), None) if to is not None else None
            found.append(StatusCue("alleged", child, source))
    return found


def _expected(trigger: Token) -> list[StatusCue]:
    """ "a possible deal", "a looming offensive", "UN sanctions loom": an event word that a
    modifier or its predicate marks as only possible or expected has not happened."""
    found = _expecting_modifiers(trigger)
    governor = trigger.head
    if trigger.dep_ in {"nsubj", "nsubjpass"} and governor.lemma_.lower() in cues()["hypothetical_predicates"]:
        found.append(StatusCue("hypothetical", governor))
    return found


def _expecting_modifiers(word: Token) -> list[StatusCue]:
    """The adjectives and adverbs on ``word`` that make what it names only possible or expected."""
    modifiers = cues()["hypothetical_modifiers"]
    return [
        StatusCue("hypothetical", child)
        for child in word.children
        if child.dep_ in {"amod", "advmod"} and (child.lower_ in modifiers or child.lemma_.lower() in modifiers)
    ]


def accusing_verbs() -> frozenset[str]:
    """The verbs that lay a deed to their object or passive subject: of accusing and of blaming."""
    c = cues()
    return frozenset(c["accusing_verbs"] | c["blaming_verbs"])


def _alleging_modifiers(word: Token) -> list[StatusCue]:
    """ "alleged police killings", "the purported raid": an adjective on the event's noun that
    says it is only told of (status.yaml allege_modifiers)."""
    if word.pos_ != "NOUN":
        return []  # "Alleged Deserter Set to Surrender": the parser's proper noun is a person's word
    modifiers = cues()["allege_modifiers"]
    return [
        StatusCue("alleged", child) for child in word.children if child.dep_ == "amod" and child.lower_ in modifiers
    ]


def _dismissed_subject(head: Token) -> list[StatusCue]:
    """ "talk of a raid was baseless", "reports of an attack are false, the ministry said": a
    dismissal predicated of the event (or of the news of it) denies it, on the word of whoever says so."""
    if head.lemma_.lower() != "be":
        return []
    dismissal = _dismissal_word(head, {"acomp", "attr"})
    if dismissal is None:
        return []
    sayer = _subject(head.head) if head.dep_ == "ccomp" else None
    return [StatusCue("denied", dismissal, sayer)]


def _dismissal_word(verb: Token, relations: set[str]) -> Token | None:
    """The dismissal word ("baseless", "false") a verb predicates through one of ``relations``:
    of its subject ("reports ... were false": acomp, attr) or of its object ("called the reports
    baseless": oprd and the parser's other readings of it)."""
    words = cues()["dismissal_words"]
    return next((ch for ch in verb.children if ch.dep_ in relations and ch.lower_ in words), None)


def _nouns_between(trigger: Token, head: Token) -> list[StatusCue]:
    """ "reports of a meeting", "claims of deliveries": an alleging noun above a noun trigger;
    "plans for an offensive": a noun of intention above it."""
    found: list[StatusCue] = []
    current = trigger
    while current.i != head.i and current.head.i != current.i:
        current = current.head
        if current.pos_ == "NOUN" and current.lemma_.lower() in cues()["allege_nouns"]:
            found.append(StatusCue("alleged", current, _possessor(current)))
        elif current.pos_ == "NOUN" and current.lemma_.lower() in cues()["intention_nouns"]:
            found.append(StatusCue("hypothetical", current))  # "plans for a new offensive"
    return found


def _governing(governor: Token, below: Token) -> list[StatusCue]:
    """What a governing word makes of the clause below it."""
    c = cues()
    lemma = governor.lemma_.lower()
    subject = _subject(governor)
    passive = any(ch.dep_ == "nsubjpass" for ch in governor.children)
    if passive and below.dep_ == "xcomp" and lemma in c["hearsay_verbs"]:
        return [StatusCue("alleged", governor, _agent(governor))]  # "is said to have supplied"
    if lemma in c["deny_verbs"]:
        if denies_news(governor, below):
            return [StatusCue("denied", governor, subject)]
        return []
    if (
        below.dep_ == "dobj"
        and (dismissal := _dismissal_word(governor, {"oprd", "ccomp", "xcomp", "acomp"})) is not None
    ):
        return [StatusCue("denied", dismissal, subject)]  # "called reports of a strike baseless"
    if governor.pos_ in {"VERB", "AUX"} and lemma in c["allege_verbs"]:
        deed_prepositions = c["accusing_prepositions"] | c["blaming_prepositions"]
        if lemma in accusing_verbs() and below.dep_ == "prep" and below.lower_ not in deed_prepositions:
            return []  # "During the war, X blamed Y for ...": the setting is not what is alleged
        if lemma in c["crediting_verbs"] and subject is not None and subject.lemma_.lower() in c["news_outlets"]:
            return []  # "La Nacion newspaper reported": the press credited, not an allegation
        return [StatusCue("alleged", governor, _agent(governor) if passive else subject)]
    if governor.pos_ in {"VERB", "AUX"} and lemma in c["saying_verbs"]:
        if subject is not None and subject.lower_ in c["alleging_sayers"] | c["allege_nouns"]:
            return [StatusCue("alleged", governor)]
        if subject is not None and subject.lemma_.lower() in c["alleging_sayers"] | c["allege_nouns"]:
            return [StatusCue("alleged", governor)]
    if governor.pos_ == "NOUN" and lemma in c["allege_nouns"]:
        return [StatusCue("alleged", governor, _possessor(governor))]
    if lemma in c["intention_verbs"] and below.dep_ == "xcomp":
        return [StatusCue("hypothetical", governor)]
    if governor.pos_ == "ADJ" and lemma in c["intention_adjectives"] and below.dep_ == "xcomp":
        return [StatusCue("hypothetical", governor)]  # "is willing to sell"
    if governor.pos_ == "NOUN" and lemma in c["intention_nouns"] and below.dep_ == "acl":
        return [StatusCue("hypothetical", governor)]  # "announced plans to expel"
    if lemma in c["requesting_verbs"] and below.dep_ in {"xcomp", "ccomp"}:
        return [StatusCue("hypothetical", governor)]  # "demanded that Peru withdraw": asked for, not done
    return []


def denies_news(verb: Token, below: Token) -> bool:
    """Whether a denial verb denies what ``below`` tells. "Deny" always does; a refusal verb
    ("reject", "dismiss") only a clause ("rejected that Iran sent drones"), a report, claim or
    allegation ("dismissed reports that ..."), or anything called baseless ("dismissed as
    baseless ..."); an event it takes as object is refused, not denied."""
    c = cues()
    if verb.lemma_.lower() not in c["refusal_verbs"]:
        return True
    if below.dep_ == "ccomp" or below.lemma_.lower() in c["allege_nouns"]:
        return True
    return any(t.lower_ in c["dismissal_words"] for t in verb.subtree)


def _subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(3):  # "has been quick to deny": the subject sits on the governing verb
        subject = next((c for c in current.children if c.dep_ in SUBJECTS), None)
        if subject is not None or current.dep_ not in {"xcomp", "conj"}:
            return subject
        current = current.head
    return None


def _agent(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _possessor(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ in {"poss", "compound", "amod"} and c.pos_ != "ADJ"), None)


def content_status(doc: Doc, start: int, end: int) -> StatusCue:
    """The status of what a statement says ("Iran may send drones"), read inside its content only."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return StatusCue()
    inside = [t for t in span[0].sent if start <= t.idx < end]  # the first sentence of the content
    roots = [t for t in inside if t.head.i == t.i or not start <= t.head.idx < end]
    main = next((t for t in roots if t.pos_ in {"VERB", "AUX"}), roots[0] if roots else None)
    return clause_status(main, within=(start, end)) if main is not None else StatusCue()
