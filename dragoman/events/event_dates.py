"""The date of one event: from its own clause, from an earlier mention of it, or from the report.

A date counts for an event only when it hangs on the event's word or on the verb of its clause:
"summoned the ambassador after the 1943 Tehran Conference" leaves the summons undated by 1943,
and "the talks of March 1" do not date a meeting on March 15. A later mention of an event
already dated in the document ("Amir-Abdollahian's visit") takes that date. An event of a news
report with no date of its own takes the report's date, marked ``publication``, unless its
sentence is background (past perfect, "has long", "for decades"); events of analyses never do.
"by 2030" dates only a hypothetical event; "since August 2022" opens a range to the report date,
and so does a date in a clause opened by "since" ("Since talks resumed in May 2021, X has backed").
A dateline at the head of a wire story (or of its first paragraph, under a headline) is the
report's place and date, never an event's. An event of a news headline with no date of its own
takes the date of the lead's main clause ("Putin visits Grozny" over "... visited Grozny on Sunday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dragoman.domain.ontology import RECIPROCAL_TYPES
from dragoman.domain.records import DateBasis, Document, Sentence, Status
from dragoman.events import triggers
from dragoman.events.dates import DateValue, alternation, find_dates, words
from dragoman.nlp.headlines import headline
from dragoman.nlp.status import clause_head
from dragoman.nlp.status import cues as status_cues
from dragoman.nlp.syntax import sharing_verb

# A report up to this many words with a day-precise publication date is news, longer is analysis;
# ``genre`` in the document's metadata overrides it.
NEWS_MAX_WORDS = 1200
NEWS_GENRES = frozenset({"news", "report", "wire"})
# What separates the dates of a list: a comma or semicolon and/or "and", "or", then "in" or "on".
LIST_GAP = re.compile(r"\s*(?:[,;]\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:(?:in|on)\s+)?")
# The most clauses followed down a chain of coordinated clauses from a fronted date.
MAX_CHAIN = 8


@dataclass(frozen=True)
class EventDate:
    value: DateValue | None
    basis: DateBasis


NO_DATE = EventDate(None, "none")


def dateline(text: str) -> tuple[int, int] | None:
    """The span of "TEHRAN, April 24 (Reuters) -", "MOSCOW (AP) —" or a bare agency credit ("AFP -")
    at the head of the text, or at the head of the first paragraph after a headline."""
    found = _dateline_at(text, 0)
    if found is None:
        lead = headline(text)
        if lead is not None:
            found = _dateline_at(text, lead[2])
    return found


def _dateline_at(text: str, offset: int) -> tuple[int, int] | None:
    agencies = alternation(words()["agencies"])
    place = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*"
    dash = r"(?:[-–—:]+|_)"
    credit = rf"(?:(?:{agencies})\s+{dash}\s*)"
    pattern = (
        rf"\s*{credit}?{place}(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)?(?:,?\s+[A-Z][a-z]+\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?)?"
        rf"\s*(?:\((?:{agencies})\)\s*)?{dash}\s*"
    )
    head_text = text[offset : offset + 200]
    match = re.match(pattern, head_text)
    if match is not None:
        head = match.group(0)
        has_agency = "(" in head
        has_capital_place = bool(re.match(rf"\s*{credit}?[A-Z]{{3,}}", head))
        if has_capital_place and (has_agency or "," in head):
            return offset + match.start(), offset + match.end()
    # "Cairo, March 8 (MENA):": a place in ordinary case needs both the date and an agency in capitals
    titled = re.match(
        rf"\s*{credit}?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*(?:,\s+[A-Z][\w.]+)?,\s+[A-Z][a-z]+\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?"
        rf"\s*\([A-Z]{{2,}}\)\s*{dash}\s*",
        head_text,
    )
    if titled is not None:
        return offset + titled.start(), offset + titled.end()
    alone = re.match(rf"\s*{credit}", head_text)  # "AFP - Iran sent drones ...": the credit alone
    return (offset + alone.start(), offset + alone.end()) if alone is not None else None


def declared_genre(document: Document) -> str | None:
    """The genre the document's metadata gives (a manifest column, a JSONL key), lower-cased."""
    return str(document.meta.get("genre") or "").lower() or None


def is_news(document: Document) -> bool:
    """A short report with a day-precise date, or one headed by a dateline; ``meta['genre']`` decides first."""
    genre = declared_genre(document)
    if genre:
        return genre in NEWS_GENRES
    if dateline(document.text) is not None:
        return True
    return bool(document.published and len(document.published) == 10) and len(document.text.split()) <= NEWS_MAX_WORDS


def background(trigger: Token) -> bool:
    """Past perfect on the event's clause, or a background phrase in its sentence."""
    head = clause_head(trigger)
    auxiliaries = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in words()["past_perfect_auxiliaries"] for a in auxiliaries) and head.tag_ == "VBN":
        return True
    sentence = trigger.sent.text.lower()
    return any(re.search(rf"\b{re.escape(cue)}\b", sentence) for cue in words()["background_cues"])


def clause_tense(trigger: Token) -> bool | None:
    """True for a clause about the future ("will meet", "plans to meet"), False for the past, None unknown.
    A gerund after "by", "in" ... has the tense of the verb whose subject it shares ("In December,
    X joined Y in praising ...": the past December)."""
    head = clause_head(trigger)
    for _ in range(4):
        shared = sharing_verb(head)
        if shared is None:
            break
        head = shared
    auxiliaries = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & status_cues()["future"] or ("to" in auxiliaries and head.dep_ == "ROOT"):
        return True  # "will meet", "Putin to meet Raisi on Monday"
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in status_cues()["intention_verbs"]:
        return True  # "plans to meet", "is scheduled to meet"
    if head.tag_ == "VBD" or auxiliaries & set(words()["past_auxiliaries"]):
        return False
    return None


def own_dates(trigger: Token, sentence: Span, dates: list[DateValue]) -> list[DateValue]:
    """The dates of the event's clause (spans relative to the sentence), nearest first: on the trigger,
    on the verb of its clause (or of the clause it completes: "arrived ... to hold talks"), on a figure
    of the clause ("at $4 billion in 2022"), inside a time adjunct of the clause ("hours after the
    invasion on February 24"). A date that modifies another noun ("the 1943 Tehran Conference")
    or sits in another clause never counts, except a date put before the subject of the first of
    a chain of coordinated clauses, which dates those after it that have no date of their own,
    and a date in a clause opened by "since", which opens a range for the event."""
    heads = _clause_heads(trigger)
    own_head = clause_head(trigger)
    ranked: list[tuple[int, int, DateValue]] = []
    for order, value in enumerate(dates):
        found = _owner(sentence, value)
        if found is None:
            continue
        owner, via_preposition, inside = found
        if owner.i == trigger.i or _happening_of(owner, trigger):
            rank = 0
        elif owner.i in heads or inside & heads or (owner.dep_ == "dobj" and owner.head.i == trigger.i):
            rank = 1  # on the clause's verb, or on the object of a light verb ("held talks between ...")
        elif clause_head(owner).i in heads and (_amount(owner) or (via_preposition and _thing(owner))):
            rank = 2  # "put trade at $4 billion in 2022", "sent shells ... between October and April"
        elif via_preposition and _in_time_adjunct(owner, heads):
            rank = 3
        elif not via_preposition and _dated_occasion(owner, heads, own_head):
            rank = 3  # "after Russia's 2014 annexation of Crimea, X criticised ...": the occasion's year
        elif _fronted_over(owner, inside, own_head):
            rank = 4  # "Since 2022, X has visited Y, and Z has visited W": the date heads both clauses
            order = -order  # down a chain, the nearest fronted date before the clause
        elif via_preposition and _since_clause(owner, heads):
            rank = 3  # "Since talks resumed in May 2021, X has backed ...": from then on
            value = replace(value, kind="since", end=None)
        else:
            continue
        ranked.append((rank, order, value))
    return [value for _, _, value in sorted(ranked, key=lambda item: item[:2])]


def listed_through(chosen: DateValue, dates: list[DateValue], text: str) -> DateValue:
    """ "fought three wars (in 1801–1803, 1850 and 1911)": a date that heads a list of
    dates dates the event from the first to the last, not by the first alone."""
    if chosen.kind not in {"point", "range"}:
        return chosen
    following = [d for d in dates if d.span[0] >= chosen.span[1]]
    last = chosen
    for value in following:
        if value.kind not in {"point", "range"} or not LIST_GAP.fullmatch(text[last.span[1] : value.span[0]]):
            break
        last = value
    if last is chosen:
        return chosen
    span = (chosen.span[0], last.span[1])
    return DateValue(chosen.value, chosen.precision, last.end or last.value, span, "range", chosen.timex)


def _fronted_over(owner: Token, date_tokens: set[int], head: Token) -> bool:
    """A date put before the subject (or the expletive "there") of the first of a chain of
    coordinated clauses, on its verb, when the event's clause (``head``) is a later one: it sets
    the time of them all ("This summer, Tehran sent drones, Moscow paid in gold, and ...")."""
    if head.i <= owner.i or owner.pos_ not in {"VERB", "AUX"} or head.i not in _coordinated(owner):
        return False
    subjects = [c.left_edge.i for c in owner.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    return bool(subjects) and max(date_tokens) < min(subjects)


def _coordinated(first: Token) -> set[int]:
    """The verbs of the clauses coordinated with ``first``: its conjuncts and theirs, and, for a
    list of three or more ("A, B and C"), the clause the parser makes ``first`` a complement of
    when ``first`` stands before it with no "that" and that clause is itself coordinated."""
    top = first
    for _ in range(MAX_CHAIN):
        if top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        elif top.dep_ == "ccomp" and top.i < top.head.i and _listing(top, top.head):
            top = top.head
        else:
            break
    heads: set[int] = set()
    pending = [top]
    while pending and len(heads) < MAX_CHAIN:
        verb = pending.pop()
        heads.add(verb.i)
        pending += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.i not in heads]
    return heads | {first.i}


def _listing(clause: Token, governor: Token) -> bool:
    """ "A, B and C" read as A a complement of B: no subordinating word opens A, a comma follows
    it, and B is coordinated with a later clause."""
    if any(c.dep_ == "mark" for c in clause.children):
        return False
    after = clause.doc[clause.right_edge.i + 1] if clause.right_edge.i + 1 < len(clause.doc) else None
    if after is None or after.text not in {",", ";"}:
        return False
    return any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in governor.children)


def _dated_occasion(owner: Token, heads: set[int], head: Token) -> bool:
    """An event noun a date modifies ("the 2014 annexation"), heading a time adjunct ("after",
    "during") of a clause in the simple past: the clause took place then. The adjunct may stand
    before the subject of the first of two coordinated clauses and so set the time of both."""
    if owner.pos_ != "NOUN" or head.tag_ != "VBD" or owner.dep_ != "pobj":
        return False
    link = owner.head
    if link.lower_ not in words()["occasion_links"]:
        return False
    verb = link.head
    if verb.i in heads:
        return True
    subjects = [c.left_edge.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return head.dep_ == "conj" and head.head.i == verb.i and bool(subjects) and link.i < min(subjects)


def _since_clause(owner: Token, heads: set[int]) -> bool:
    """The verb of a clause opened by "since" on the event's clause: what it dates is when the
    event began."""
    return (
        owner.dep_ == "advcl"
        and owner.head.i in heads
        and any(c.dep_ == "mark" and c.lower_ in words()["since"] for c in owner.children)
    )


def _clause_heads(trigger: Token) -> set[int]:
    """The verb of the trigger's clause and the verbs it completes through "to" ("began to supply")
    or whose subject a gerund after "by", "in" ... shares."""
    head = clause_head(trigger)
    heads = {head.i}
    for _ in range(4):
        shared = sharing_verb(head)  # "In December, X joined Y in praising ...": the verb's date
        if shared is not None:
            head = shared
            heads.add(head.i)
            continue
        purpose = head.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        # "an interview in April 2021, where he criticised": the time of the noun the clause describes
        setting = head.dep_ == "relcl" and any(c.lower_ in words()["setting_relatives"] for c in head.children)
        # "a deal was reached on Tuesday when Egypt and Sudan held talks": the same time as the clause
        setting = setting or (
            head.dep_ == "advcl"
            and any(c.dep_ in {"advmod", "mark"} and c.lower_ in words()["setting_relatives"] for c in head.children)
        )
        if head.head.i == head.i or not (
            head.dep_ == "xcomp" or purpose or setting or participle_adjunct(head) or _shares_subject(head)
        ):
            break
        head = head.head
        heads.add(head.i)
    return heads


def _shares_subject(head: Token) -> bool:
    """ "visited Tehran on November 9 and met X": a verb coordinated with the one before it and
    sharing its subject continues that clause, and happened when it did unless dated itself."""
    return (
        head.dep_ == "conj"
        and head.head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in head.children)
    )


def participle_adjunct(head: Token) -> bool:
    """ "held talks on Tuesday, calling for a ceasefire": a participle with no conjunction of its own,
    adjunct to a clause, tells what happened at that clause's time."""
    return head.dep_ == "advcl" and head.tag_ == "VBG" and not any(c.dep_ in {"mark", "aux"} for c in head.children)


def _happening_of(owner: Token, trigger: Token) -> bool:
    """ "the meeting, which took place in July", "talks scheduled for Monday": a clause on the event
    noun saying when it happened or is to happen."""
    return (
        owner.dep_ in {"relcl", "acl"}
        and owner.head.i == trigger.i
        and owner.lemma_.lower() in words()["occurrence_verbs"]
    )


def new_names(trigger: Token) -> set[str]:
    """Proper names a noun event adds through its prepositions ("invasion of Ukraine")."""
    return {t.text for prep in trigger.children if prep.dep_ == "prep" for t in prep.subtree if t.pos_ == "PROPN"}


def refers_back(trigger: Token) -> bool:
    """ "Amir-Abdollahian's visit", "the meeting": a definite noun naming an event already told."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.lemma_.lower() in words()["ongoing_nouns"]:
        return False
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in words()["definite_determiners"]) for c in trigger.children
    )


def _thing(token: Token) -> bool:
    """A common noun that names no event: a date hung on it by the parser belongs to the clause."""
    return token.pos_ == "NOUN" and token.lemma_.lower() not in triggers.NOUNS


def _amount(token: Token) -> bool:
    return token.like_num or token.pos_ in {"NUM", "SYM"} or token.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"}


def _in_time_adjunct(owner: Token, heads: set[int]) -> bool:
    links = set(words()["temporal_links"])
    current, linked = owner, False
    for _ in range(6):
        if current.dep_ == "relcl":
            return False
        linked = (
            linked or current.lower_ in links or any(c.dep_ == "mark" and c.lower_ in links for c in current.children)
        )
        if current.head.i == current.i:
            return False
        current = current.head
        if current.i in heads:
            return linked or current.lower_ in links
        if current.pos_ in {"VERB", "AUX"} and current.lower_ not in links:
            return False  # another clause's verb ("..., and backed X following the 2020 intervention")
    return False


def _owner(sentence: Span, value: DateValue) -> tuple[Token, bool, set[int]] | None:
    """The word a date expression hangs on, passing through prepositions, whether one was passed,
    and the tokens of the expression."""
    start, end = sentence.start_char + value.span[0], sentence.start_char + value.span[1]
    tokens = [t for t in sentence if start <= t.idx < end]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    current = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    before = sentence.doc[tokens[0].i - 1] if tokens[0].i > sentence.start else None
    if current.dep_ == "compound" and before is not None and before.pos_ in {"VERB", "AUX"}:
        return before, True, inside  # "said Monday Somalia had ...": a bare date right after a verb is its time
    via_preposition = current.pos_ == "ADP"
    for _ in range(6):
        if current.head.i == current.i:
            return current, via_preposition, inside
        governor = current.head
        if governor.pos_ == "ADP" or governor.dep_ in {"prep", "agent"}:
            via_preposition = True
            current = governor
            continue
        return governor, via_preposition or current.dep_ in {"npadvmod", "tmod", "appos"}, inside
    return None


@dataclass(frozen=True)
class Telling:
    """An event noun with a date of its own ("the invasion on February 24")."""

    lemma: str
    names: frozenset[str]
    value: DateValue
    token: int


def dated_tellings(doc: Doc, reference: str | None, dateline_span: tuple[int, int] | None) -> list[Telling]:
    """Every event noun of the document with a date hung on the noun itself."""
    found: list[Telling] = []
    for sentence in doc.sents:
        if not any(t.pos_ == "NOUN" and t.lemma_.lower() in triggers.NOUNS for t in sentence):
            continue
        for value in find_dates(sentence.text, reference, None):
            if value.kind not in {"point", "range"}:
                continue
            if dateline_span is not None and dateline_span[0] <= sentence.start_char + value.span[0] < dateline_span[1]:
                continue
            owner = _owner(sentence, value)
            if owner is None:
                continue
            noun, _, inside = owner
            if noun.pos_ == "NOUN" and noun.lemma_.lower() in triggers.NOUNS:
                date_words = {doc[i].text for i in inside}
                found.append(Telling(noun.lemma_.lower(), phrase_names(noun) - date_words, value, noun.i))
    return found


def phrase_names(noun: Token) -> frozenset[str]:
    """The proper names of an event noun's phrase: its possessor and modifiers ("Russia's"),
    and those its prepositions add ("of Ukraine")."""
    modifiers = {
        t.text
        for c in noun.children
        if c.dep_ in {"poss", "compound", "amod", "nmod"}
        for t in c.subtree
        if t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.text[:1].isupper())
    }
    return frozenset(modifiers | new_names(noun))


@dataclass
class DocumentDates:
    """Dating the events of one document: the report date, the genre, the dateline, and the dated events so far."""

    document: Document
    news: bool = False
    dateline_span: tuple[int, int] | None = None
    headline_span: tuple[int, int, int] | None = None
    lead: list[DateValue | None] = field(default_factory=list)  # the lead's date, once looked for
    seen: list[tuple[str, frozenset[str], frozenset[str], DateValue, str]] = field(default_factory=list)
    tellings: list[Telling] | None = None  # the document's dated event nouns, once looked for

    def __post_init__(self) -> None:
        self.news = is_news(self.document)
        self.dateline_span = dateline(self.document.text)
        self.headline_span = headline(self.document.text) if self.news else None

    def report_date(self) -> DateValue | None:
        """The dateline's date when it has one ("TEHRAN, March 8 (Reuters) -"), else the publication date."""
        if self.dateline_span is not None:
            head = self.document.text[self.dateline_span[0] : self.dateline_span[1]]
            dated = [d for d in find_dates(head, self.document.published, None) if d.precision == "day"]
            if dated:
                return replace(dated[0], span=(0, 0))
        published = self.document.published
        if not published:
            return None
        precision = {4: "year", 7: "month", 10: "day"}.get(len(published))
        if precision is None:
            return None
        return DateValue(published, precision, timex=published)  # type: ignore[arg-type]

    def reference(self) -> str | None:
        """What relative dates resolve against: the dateline's day ("CAIRO, March 1 (Reuters) - ... on
        Tuesday" is the Tuesday before March 1), else the publication date."""
        report = self.report_date()
        if self.dateline_span is not None and report is not None and report.precision == "day":
            return report.value
        return self.document.published

    def in_dateline(self, offset: int) -> bool:
        return self.dateline_span is not None and self.dateline_span[0] <= offset < self.dateline_span[1]

    def in_headline(self, offset: int) -> bool:
        return self.headline_span is not None and self.headline_span[0] <= offset < self.headline_span[1]

    def lead_date(self, doc: Doc) -> DateValue | None:
        """The date of the main clause of a news report's first sentence after its headline ("Putin
        visits Grozny" over "Putin made a visit to Grozny on Sunday"): a headline tells the lead."""
        if not self.lead and self.headline_span is not None:
            body = self.headline_span[2]
            if self.dateline_span is not None and self.dateline_span[0] >= body:
                body = self.dateline_span[1]  # the parser may make "TEHRAN (Reuters) -" sentences of its own
            first = next((s for s in doc.sents if s.end_char > body and s.start_char >= self.headline_span[1]), None)
            found = None
            if first is not None:
                # the lead's main clause, else what it reports ("X was killed on Sunday, Y said")
                root = first.root
                reported = [c for c in root.children if c.dep_ == "ccomp"]
                for head in [root, *reported]:
                    dates = find_dates(first.text, self.reference(), clause_tense(head))
                    if self.dateline_span is not None:
                        start, end = self.dateline_span
                        dates = [d for d in dates if not start <= first.start_char + d.span[0] < end]
                    usable = [d for d in own_dates(head, first, dates) if d.kind in {"point", "range"}]
                    if usable:
                        found = usable[0]
                        break
            self.lead.append(found)
        return self.lead[0] if self.lead else None

    def dates_in(self, sentence: Sentence, future: bool | None) -> list[DateValue]:
        """The dates of a sentence, less any inside the dateline."""
        found = find_dates(sentence.text, self.reference(), future)
        if self.dateline_span is None:
            return found
        start, end = self.dateline_span
        return [d for d in found if not (start <= sentence.start + d.span[0] < end)]

    def date_event(
        self,
        trigger: Token,
        sentence: Sentence,
        status: Status,
        event_type: str,
        actors: frozenset[str],
        recipients: frozenset[str],
    ) -> EventDate:
        span = trigger.sent
        found = self.dates_in(sentence, clause_tense(trigger))
        candidates = own_dates(trigger, span, found)
        usable = [d for d in candidates if d.kind != "target" or status == "hypothetical"]
        if usable:
            chosen = listed_through(usable[0], found, sentence.text)
            if chosen.kind == "since" and chosen.end is None and self.document.published:
                chosen = replace(chosen, end=self.document.published)
            if status != "hypothetical":
                self.seen.append((event_type, actors, recipients, chosen, sentence.text))
            return EventDate(chosen, "text")
        if refers_back(trigger):
            earlier = self._earlier(event_type, actors, recipients, new_names(trigger))
            earlier = earlier if earlier is not None else self._told_elsewhere(trigger)
            if earlier is not None:
                return EventDate(earlier, "text")
        if status in {"asserted", "alleged"} and self.in_headline(trigger.idx):
            lead = self.lead_date(trigger.doc)
            if lead is not None:
                self.seen.append((event_type, actors, recipients, lead, sentence.text))
                return EventDate(lead, "text")
        report = self.report_date()
        if self.news and report is not None and status in {"asserted", "alleged"} and not background(trigger):
            return EventDate(report, "publication")
        return NO_DATE

    def _told_elsewhere(self, trigger: Token) -> DateValue | None:
        """ "Russia's invasion of Ukraine" before (or after) "hours after the invasion on February 24":
        the one date the document puts on the same noun where it names nothing the reference
        does not ("the invasion of Georgia in 2008" is another invasion), whether or not that
        telling names a doer. Two such dates, and the reference stays undated."""
        if self.tellings is None:
            self.tellings = dated_tellings(trigger.doc, self.reference(), self.dateline_span)
        lemma, names = trigger.lemma_.lower(), phrase_names(trigger)
        dates = {
            telling.value
            for telling in self.tellings
            if telling.lemma == lemma and telling.token != trigger.i and telling.names <= names
        }
        return next(iter(dates)) if len(dates) == 1 else None

    def _earlier(
        self, event_type: str, actors: frozenset[str], recipients: frozenset[str], names: set[str]
    ) -> DateValue | None:
        """The date of an earlier mention of the same event: same type, same actors, compatible
        recipients, and no name the earlier sentence did not have ("Russia's invasion of Ukraine"
        is not the invasion of Georgia told before). Failing that, for an event of both sides,
        one where the actor was the other side ("Putin called Raisi ... During the call, Raisi ...")."""
        both_sides = (False, True) if event_type in RECIPROCAL_TYPES else (False,)
        for either_side in both_sides:
            for seen_type, seen_actors, seen_recipients, value, seen_text in reversed(self.seen):
                if any(name not in seen_text for name in names):
                    continue
                doers = seen_actors | seen_recipients if either_side else seen_actors
                if seen_type != event_type or not actors or not (actors & doers):
                    continue
                if recipients and not recipients <= seen_recipients | seen_actors:
                    continue  # "Russia's invasion of Ukraine" is not the invasion of Georgia told before
                return value
        return None
