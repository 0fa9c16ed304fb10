"""Rule-based PLOVER event extraction over the dependency parse and the resolved mentions.

For each body sentence: find trigger words (verbs and the nouns analysis prose uses), take
actors from the subject (or possessor, or agent of a passive) and recipients from the object
and its prepositions; status comes from the cues governing the event's clause (status.py) and
the date from that clause, an earlier mention or the report (event_dates.py).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dragoman.actors.chains import chains_for
from dragoman.domain.identity import actor_key
from dragoman.domain.records import ActorRef, DateBasis, Document, EventMention, Mention, Sentence, Status
from dragoman.events import triggers as lex
from dragoman.events.dates import DateValue, find_dates
from dragoman.events.event_dates import DocumentDates, EventDate
from dragoman.events.ontology import quad_of
from dragoman.events.references import EventsTold
from dragoman.nlp.status import REPORTED_STATUSES, accusing_verbs, clause_head, clause_status, denies_news
from dragoman.nlp.status import cues as status_cues
from dragoman.nlp.syntax import declines_comment, in_phrase, negated, set_apart, sharing_verb

NON_ACTORS = {"region", "agreement"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Verbal and material cooperation (PLOVER quads 1 and 2), whose "against X" names an opponent.
COOPERATIVE_QUADS = frozenset({1, 2})
# Material cooperation and conflict (quads 2 and 4): deeds, as against words.
MATERIAL_QUADS = frozenset({2, 4})
# "(Reuters)", "AFP -", "Reuters -": a news agency's credit, not a participant.
CREDIT_BEFORE = re.compile(r"\(\s*$")
CREDIT_AFTER = re.compile(r"^\s*(\)|-|\u2013|\u2014)")
# spaCy entity labels of people: what a freeing verb frees ("released three Britons").
PEOPLE_ENTITIES = frozenset({"PERSON", "NORP"})
# What may stand between two listed days: ", in Tehran on ", " and in Samarkand on ", " and ".
LIST_GAP = re.compile(r"^\s*,?\s*(?:and\s+)?(?:in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+)?(?:on\s+)?$")


@dataclass
class Frame:
    """One trigger with its participants, before status and dates."""

    trigger: Token
    type: str
    mode: str | None
    actors: list[Mention]
    recipients: list[Mention]
    status: Status = "asserted"
    attributed_to: ActorRef | None = None


class EventExtractor:
    NAME = "events.rules"
    # 1.14: a modifier of expectation on the event noun a light verb takes ("reached a possible
    # deal") makes the event hypothetical; a "this" season in a past clause is the latest begun
    # 1.15: an event noun under a halting modifier is not that event ("a cease-fire")
    # 1.16: the deed of a charge is coded, alleged, done by the accused ("charged with the murder
    # of X", "men charged with kidnapping X"); PLOVER's abduction, torture and murder are assaults
    # 1.17: a news outlet credited for the copy ("X newspaper reported") makes nothing alleged
    # (status.yaml v4, news_outlets)
    # 1.18: a place named before an event noun is its venue, not a party ("the Vienna talks",
    # "a Geneva summit"); a seat of government stands for its state ("Tehran-Moscow talks")
    # 1.19: the possessor of a relational noun is no participant ("Iran's neighbours"), nor is a
    # name qualifying a possessed noun ("Russia's UN mission": triggers.yaml relational_nouns)
    # 1.20: a name before a hyphenated participle takes no part in the event noun it qualifies
    # ("Ukraine-linked sanctions"), save "-led" (triggers.yaml leading_participles)
    # 1.21: a verb of hosting is a meeting only with a guest named ("received weapons from X"
    # is none, "welcomed the decision" a support: triggers.yaml guest_verbs)
    # 1.22: a deed after a noun of refusal or reluctance ("its hesitancy to endorse") is no
    # event (syntax.yaml cancelling_nouns)
    # 1.23: an agreement noun after "under", "within" names an agreement in force, no event
    # (triggers.yaml standing_prepositions)
    # 1.24: the subject of "faces sanctions" is their target, the one after "from" or "by" their
    # source (triggers.yaml experiencer_verbs, author_prepositions)
    # 1.25: a name joined by a dash to a name modifying an event noun takes part ("Iran–Russia
    # trade" with "Iran" cut off by the parse)
    # 1.26: denying accusations denies what was alleged (the event before), and makes the denier
    # no accuser
    # 1.27: a verb sharing the subject of a dated verb before it happened then, unless dated itself
    # ("visited Tehran on November 9 and met X"; events/event_dates.py)
    # 1.28: a refusal is aimed at whom the refused deed concerns ("refused to recognize Russia's
    # annexation": Russia)
    # 1.29: what the verb's subject naming the event itself was aimed at is the target, not the
    # doer ("a rocket attack on X wounded two people"; triggers.yaml aimed_prepositions)
    # 1.30: declining to comment is no refusal ("declined to comment", "refused to say whether";
    # syntax.yaml comment_verbs)
    # 1.31: speaking with no partner is a consultation only between coordinated subjects, not a
    # party with a member named inside it; a thing that belongs to an actor ("Indian entry into
    # the council") has its owner as recipient; "against X" in a cooperative event names the
    # opponent (triggers.yaml opposed_prepositions)
    # 1.32: a reference with no date of its own takes the one date the document puts on the same
    # event noun elsewhere, before or after, doer named or not (event_dates.dated_tellings)
    # 1.33: whom a request asks to act ("demanded the US provide ...") is its recipient; what a
    # relative clause says an event noun was aimed at ("sanctions that target X"; triggers.yaml
    # aiming_verbs); a state's own forces are no recipient of what it does with them; a clause on
    # the subject names no party; what is demanded or urged is hypothetical (status.yaml
    # requesting_verbs)
    # 1.34: a stance on "the" event told before ("condemned the war", "refused to back the
    # invasion") is aimed at that event's doers (events/references.py)
    # 1.35: ... or, with none told before, at the doers of the first told after it
    # 1.36: the deed of a noun of intention ("announced plans to expel") is done by the subject of
    # the verb that takes the noun, and is hypothetical (status.yaml intention_nouns)
    # 1.37: a meeting noun a clause is set in ("In a meeting with X, Y endorsed ...") is met by the
    # clause's subject (triggers.yaml occasion_prepositions); a later "the call" of an event of
    # both sides takes the other side, and its date, when its actor was the one called
    # 1.38: "destroy" is an assault (triggers.yaml); a gerund after "by", "in", "after" ... is done
    # by the subject of the verb it hangs on, in that verb's clause ("By hosting the talks, Turkey
    # ...", "did not join Chile in condemning ...": syntax.yaml subject_sharing_prepositions)
    # 1.39: with the subject named, a descriptive apposition's names are no doers ("Alaei, a former
    # IRGC commander, urged ...": Alaei alone)
    # 1.40: civilians who mobilise protest ("protesters mobilized outside the embassy": PROTEST);
    # PLOVER's MOBILIZE is of armed forces
    # 1.41: ... and such a gerund takes that verb's date ("In December, X joined Y in praising ...")
    # 1.42: ... and its tense, for a yearless month ("In December, X joined Y in praising ...": last December)
    # 1.43: a verdict's deed is the convicted one's, asserted ("convicted two men of attacking X",
    # "found guilty of", "sentenced for"); "X was arrested after being accused of Y-ing": X is accused
    # 1.44: a deed laid to someone is theirs ("X was behind D", "X was responsible for D", "D was the
    # work of X", "X claimed responsibility for D", "Y blamed X for D": alleged); a phrase that sets
    # an accusation ("During X's shelling of Y, Z accused ...") is not what it alleges; an alleging
    # adjective on the event's noun makes it alleged ("the alleged attack", status.yaml allege_modifiers)
    # 1.45: the maker of a subject takes no part ("Iranian-made drones struck Kyiv": no attack by Iran;
    # triggers.yaml making_participles)
    # 1.46: weapons used against someone are an attack on them ("drones that Russia used against
    # Ukraine"; using_verbs); the origin of the weapons fired or used is no target ("fired Iranian
    # missiles at Kyiv": Kyiv's, not Iran's)
    # 1.47: the content of a denied claim is denied ("rejected claims that it had supplied drones": the
    # supply, by the denier when a pronoun names the doer); a report said to be false denies what it
    # tells ("reports that X shelled Y were baseless", "called reports of a strike baseless"), and
    # "called X baseless" is no call
    # 1.48: a freeing verb that also publishes ("release") frees only people: "released its yearly
    # figures" is no concession (triggers.yaml freeing_verbs, freed_nouns)
    # 1.49: "it" as a subject is the state its chain links it to ("Russia said it would deliver
    # jets to Iran"; actors/chains.py); an adjective of readiness after a copula passes its subject
    # to the deed and makes it hypothetical ("is willing to sell"; status.yaml intention_adjectives)
    # 1.50: goods of aid got from someone are their aid ("Russia bought drones from Iran": Iran to
    # Russia; triggers.yaml receiving_verbs, giver_prepositions); hearsay in the passive is alleged
    # ("Iran is said to have supplied drones"; status.yaml hearsay_verbs)
    # 1.51: the giver of an aid noun: "from X", or the state qualifying the goods ("the delivery of
    # Iranian drones to Russia"), where before such a noun had no actor, or "from X" as recipient
    # ... and an event noun owned by a pronoun is done by its clause's subject ("Russia intensified
    # its attacks on Kyiv"), where before it had no actor; the holder of a place in an event's object
    # is a party ("an assault on the rebel-held town"; triggers.yaml holding_participles)
    # 1.52: "they" as the names coordinated in the subject its chain links it to ("Iran and Russia
    # held talks. They agreed ..."), and as no one after a single name
    # 1.53: thanks and praise are support ("Putin thanked Iran for its support"; triggers.yaml 6); a
    # news agency credited in a headline or lead ("(AFP)", "AP -") is no party, as in the learned coder
    # 1.54: weapons counted ("launched dozens of drones at Kyiv", "a barrage of missiles") are
    # weapons fired (triggers.yaml 7 quantity_nouns)
    # 1.55: the nouns of buying ("Iran's purchase of jets from Russia", "Russian purchases of Iranian
    # drones": aid to the buyer; triggers.yaml 8 receiving_nouns)
    # 1.56: a purchase denied is denied aid to the denier ("Tehran denied buying jets from Moscow")
    # 1.57: with no "from", the state qualifying the goods got is their giver ("Russia has acquired
    # Iranian drones"), and an aid noun's giver is found before its "of" phrase, whose recipient
    # then counts ("the delivery of Iranian drones to Russia")
    VERSION = "1.57"

    @property
    def component(self) -> str:
        return f"{self.NAME}@{self.VERSION}"

    def extract(
        self, document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
    ) -> list[EventMention]:
        dating = DocumentDates(document)
        told = EventsTold()
        by_sentence = actors_by_sentence(
            document, [*mentions, *state_pronouns(document, spacy_doc, sentences, mentions)], dating
        )
        order = itertools.count()
        results: list[tuple[int, EventMention]] = []  # (place in the text's order, event)
        later: list[tuple[int, int, Sentence, Frame, list[EventDate], bool]] = []
        previous: Sentence | None = None
        previous_frames: list[Frame] = []
        for sentence in sentences:
            if previous is None or "\n" in document.text[previous.end : sentence.start]:
                previous_frames = []
            previous = sentence
            if sentence.furniture:
                continue
            sentence_mentions = by_sentence.get(sentence.index, [])
            if not sentence_mentions:
                continue
            span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            frames = self._frames(span, sentence_mentions, previous_frames)
            for frame in frames:
                frame = replace(frame, recipients=told.recipients_for(frame))
                frame = replace(frame, recipients=told.doers_of_the_event_judged(frame, sentence_mentions))
                told.remember(frame, sentence.text)
                occasions, split = frame_occasions(dating, frame, sentence)
                if not frame.recipients and told.judged_type(frame, sentence_mentions):
                    # "refused to support the invasion" before the invasion is told: settled at the end
                    later.append((next(order), len(told.told), sentence, frame, occasions, split))
                    continue
                for occasion in occasions:
                    results.append((next(order), self._event(document, sentence, frame, occasion, split=split)))
            if frames:
                previous_frames = frames
        for place, told_before, sentence, frame, occasions, split in later:
            frame = replace(frame, recipients=told.doers_of_the_event_judged(frame, [], after=told_before))
            for occasion in occasions:
                results.append((place, self._event(document, sentence, frame, occasion, split=split)))
        return [event for _, event in sorted(results, key=lambda item: item[0])]

    # -- frames ----------------------------------------------------------------------
    def _frames(self, span: Span, mentions: list[Mention], previous: list[Frame]) -> list[Frame]:
        frames: list[Frame] = []
        used_nouns: set[int] = set()
        for token in span:
            lemma = token.lemma_.lower()
            misread_verb = (
                token.pos_ == "NOUN" and token.dep_ == "ROOT" and lemma in lex.VERBS and lemma not in lex.NOUNS
            )
            if token.pos_ in {"VERB", "AUX"} or misread_verb:
                frame = self._verb_frame(token, mentions, previous, used_nouns)
            elif token.pos_ in {"NOUN", "PROPN"} and token.i not in used_nouns:
                frame = self._noun_frame(token, mentions)
            else:
                frame = None
            if frame is not None and frame.actors:
                frames.append(frame)
        return _dedupe(frames)

    def _verb_frame(
        self, verb: Token, mentions: list[Mention], previous: list[Frame], used_nouns: set[int]
    ) -> Frame | None:
        lemma = verb.lemma_.lower()
        obj = _child(verb, "dobj") or _child(verb, "oprd") or _child(verb, "dative")
        if lemma in lex.DENY:
            denial = self._denial(verb, mentions, previous)
            if denial is not None or obj is None or denies_news(verb, obj):
                return denial
            # "rejected the army's request": a refusal, coded as the verb's own event if it has one
        if lemma in lex.RECEIVING_VERBS and (receipt := self._receipt(verb, mentions)) is not None:
            return receipt
        entry = lex.VERBS.get(lemma)
        if (lemma in lex.LIGHT_VERBS or lemma in lex.EXCHANGE_VERBS) and obj is not None:
            if obj.lemma_.lower() in lex.NOUNS:
                entry = lex.NOUNS[obj.lemma_.lower()]
                used_nouns.add(obj.i)
        if entry is None:
            entry = _clear_event(verb, obj)
        elif lemma in lex.INTRANSITIVE_ONLY and obj is not None:
            return None  # "demonstrated its resolve" is no demonstration
        if entry is None:
            return None
        event_type, mode = entry
        if lemma == "call":
            particle = {
                c.lower_
                for c in verb.children
                if c.dep_ in {"prep", "prt"} and (c.lower_ == "for" or _mentions_in(c.subtree, mentions))
            }
            if particle & lex.REQUEST_PARTICLES:
                event_type, mode = "REQUEST", None
            elif obj is None or not _mentions_in(obj.subtree, mentions) or _names_its_object(verb):
                return None
        if lemma in lex.FREEING_VERBS and not _frees_people(verb, mentions):
            return None  # "released its yearly figures" publishes them
        if lemma in lex.GUEST_VERBS and event_type == "CONSULT" and not _names_a_guest(verb, mentions):
            # "received weapons from X" is no visit; "welcomed the decision" approves it
            if lemma not in lex.APPROVING_GUEST_VERBS:
                return None
            event_type, mode = "SUPPORT", None
        if negated(verb) or declines_comment(verb):
            return None  # a negated event is not an event; denials are handled apart
        actors, recipients = self._participants(verb, mentions)
        if event_type == "MOBILIZE" and _civilians_only(actors):
            # "protesters mobilized outside the embassy": PLOVER's MOBILIZE is of forces
            event_type, mode = "PROTEST", None
        aimed_at = aimed_at_by_subject(verb, event_type, mentions)
        if aimed_at:
            # "a rocket attack on X wounded two people": X was attacked
            actors = [m for m in actors if m not in aimed_at]
            recipients = _top(recipients + [m for m in aimed_at if m not in recipients])
        if event_type == "REJECT" and not recipients:
            recipients = self._refused_parties(verb, mentions, actors)
        if event_type == "REQUEST" and not recipients:
            recipients = _asked_parties(verb, mentions, actors)
        if quad_of(event_type) in COOPERATIVE_QUADS:
            opposed = opposed_parties(verb, mentions)
            recipients = [m for m in recipients if m not in opposed]
        if event_type in lex.STANCE_TYPES and obj is not None and obj.lemma_.lower() in lex.NOUNS:
            # "criticised sanctions against Russia": Russia is the sanctions' target, not the critic's.
            agents = _agent_mentions(obj, mentions)
            recipients = [m for m in recipients if m in agents or not in_phrase(m, obj)]
        if lemma in lex.NEEDS_PARTNER:
            partners = [
                m
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in {"with", "to"}
                for m in _mentions_in(c.subtree, mentions)
            ]
            recipients = [m for m in recipients if m in partners]
            if not recipients and len(_joint_subjects(verb, actors)) < 2:
                return None
        if event_type == "CONSULT" and mode is None and _by_phone(verb):
            mode = "phone"
        if obj is not None:
            used_nouns.add(obj.i)
        if event_type == "AID":
            mode = _aid_mode(verb)
            if mode is None:
                return None
        frame = Frame(verb, event_type, mode, actors, recipients)
        self._modality(frame, mentions)
        return frame

    def _receipt(self, verb: Token, mentions: list[Mention]) -> Frame | None:
        """ "Russia bought drones from Iran", "received missiles from Iran": aid from the giver
        (after "from", on the verb or on the goods) to the subject; None without goods of aid or a
        giver named."""
        obj = _child(verb, "dobj")
        givers = _givers([verb] if obj is None else [verb, obj], obj, mentions)
        mode = _aid_mode(verb)
        if not givers or mode is None or negated(verb):
            return None
        receivers, _ = self._participants(verb, mentions)
        giver_keys = {_key(m) for m in givers}
        frame = Frame(verb, "AID", mode, _top(givers), [m for m in _top(receivers) if _key(m) not in giver_keys])
        self._modality(frame, mentions)
        return frame

    def _bought(self, word: Token, mentions: list[Mention]) -> Frame | None:
        """The aid a verb or noun of buying tells, if any."""
        lemma = word.lemma_.lower()
        if word.pos_ == "VERB" and lemma in lex.RECEIVING_VERBS:
            return self._receipt(word, mentions)
        if word.pos_ == "NOUN" and lemma in lex.RECEIVING_NOUNS:
            return self._purchase(word, mentions, buyer_needed=False)
        return None

    def _purchase(self, noun: Token, mentions: list[Mention], buyer_needed: bool = True) -> Frame | None:
        """ "Iran's purchase of Su-35 jets from Russia", "Russian purchases of Iranian drones": aid
        from the giver ("from X", else the state qualifying the goods) to the buyer (the noun's
        possessor or modifier); none without goods of aid and a giver, nor without a buyer unless
        ``buyer_needed`` is off (a denial names the buyer itself)."""
        mode = _aid_mode(noun)
        if mode is None or noun.dep_ == "compound" or negated(noun):
            return None
        givers = _givers([noun], _goods_of(noun), mentions)
        buyers = [
            m
            for c in noun.children
            if c.dep_ in {"poss", "amod", "compound", "nmod"} and not agentive_modifier(c)
            for m in _mentions_in(c.subtree, mentions)
        ]
        giver_keys = {_key(m) for m in givers}
        buyers = [m for m in buyers if _key(m) not in giver_keys]
        if not givers or (buyer_needed and not buyers):
            return None
        frame = Frame(noun, "AID", mode, _top(givers), _top(buyers))
        self._modality(frame, mentions)
        return frame

    def _noun_frame(self, noun: Token, mentions: list[Mention]) -> Frame | None:
        if noun.lemma_.lower() in lex.RECEIVING_NOUNS:
            return self._purchase(noun, mentions)
        entry = lex.NOUNS.get(noun.lemma_.lower())
        if entry is None:
            return None
        event_type, mode = entry
        if noun.dep_ == "compound" or negated(noun) or _halted(noun):
            return None  # "a trade war" is not trade; "no meeting took place" is no meeting
        if event_type == "AGREE" and noun.dep_ == "pobj" and noun.head.lower_ in lex.STANDING_PREPOSITIONS:
            return None  # "deals under the treaty": the treaty in force, not its signing
        actors = [
            m
            for child in noun.children
            if child.dep_ in {"poss", "compound", "amod", "nmod"}
            and not (agentive_modifier(child) and child.lemma_.lower() not in lex.LEADING_PARTICIPLES)
            for m in _mentions_in(child.subtree, mentions)
            if not (child.dep_ != "poss" and m.method == "location")
        ]
        actors += [m for m in _dash_joined(noun, mentions) if m not in actors]
        if not actors and _owned_by_a_pronoun(noun):
            actors = self._participants(clause_head(noun), mentions)[0]  # "Russia intensified its attacks"
        if event_type == "AID" and not actors:
            # "the transfer of missiles from Iran", "the delivery of Iranian drones to Russia"
            actors = _givers([noun], _goods_of(noun), mentions)
        accused = laid_to(noun) if not actors else None
        if accused is not None:  # "was charged with the murder of a villager": the accused did it
            actors = _object_mentions(accused, mentions)
        recipients: list[Mention] = []
        preps = list(noun.children)
        if noun.dep_ == "dobj":  # "put trade between Russia and Iran at ...": the parser hangs it on the verb
            preps += [c for c in noun.head.children if c.lower_ == "between"]
        for prep in preps:
            if prep.dep_ == "prep" and prep.lower_ in lex.RECIPIENT_PREPS | {"between", "of"}:
                found = _prep_object_mentions(prep, mentions)
                if prep.lower_ == "between":
                    actors.extend(found)
                elif event_type == "AID" and prep.lower_ in lex.GIVER_PREPOSITIONS:
                    pass  # the giver, above
                elif prep.lower_ != "of":
                    recipients.extend(found)
                elif actors:  # "Russia's invasion of Ukraine": with its actor named, "of" names the target
                    recipients.extend(m for m in found if m not in actors)
        if event_type == "CONSULT" and not recipients and len(actors) >= 2:
            pass  # "the Putin-Khamenei meeting": every participant is an actor
        if event_type == "AID":
            mode = _aid_mode(noun)
            if mode is None:
                return None
        if event_type == "ASSAULT" and not recipients:
            recipients = _under_attack(noun, mentions)
        if not recipients:
            recipients = _aimed_by_relative_clause(noun, mentions)
        if event_type == "SANCTION" and not actors:
            governor = noun.head if noun.dep_ in {"dobj", "pobj", "nsubjpass"} else None
            if governor is not None and governor.pos_ == "VERB":
                subjects, _ = self._participants(governor, mentions)
                if governor.lemma_.lower() in lex.EXPERIENCER_VERBS and noun.dep_ == "dobj":
                    # "Venezuela faces sanctions from the United States": Venezuela is sanctioned
                    actors, recipients = _authors(noun, mentions), subjects
                else:
                    actors = subjects
        if not actors and noun.dep_ == "pobj":
            actors = self._clause_parties(noun, event_type, mentions)
        if not actors:
            return None
        frame = Frame(noun, event_type, mode, _top(actors), _top(recipients))
        self._modality(frame, mentions)
        return frame

    def _clause_parties(self, noun: Token, event_type: str, mentions: list[Mention]) -> list[Mention]:
        """Who takes part in an event noun the phrase of a verb names, by that verb's subject:
        "arrived in Muscat for talks with ..." (who travelled), "In a meeting with X, Y endorsed
        ..." (who met; triggers.yaml occasion_prepositions)."""
        preposition, verb = noun.head, noun.head.head
        if verb.pos_ != "VERB":
            return []
        travelled = preposition.lower_ == "for" and verb.lemma_.lower() in lex.TRAVEL_VERBS
        met = event_type == "CONSULT" and preposition.lower_ in lex.OCCASION_PREPOSITIONS
        return self._participants(verb, mentions)[0] if travelled or met else []

    def _participants(self, verb: Token, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        actors: list[Mention] = []
        recipients: list[Mention] = []
        head = verb
        controller = _controlling_object(verb)
        if controller is not None:
            # "led the Ukrainian government to expel ...": the object of "led" is who expels.
            actors.extend(_object_mentions(controller, mentions))
        # "Russia began to supply ...": the subject sits on the governing verb; "Chile announced
        # plans to expel ...": on the verb that takes the noun of intention.
        while controller is None and not any(c.dep_ in SUBJECTS for c in head.children):
            if head.head.i == head.i:
                break
            if head.dep_ in {"xcomp", "conj", "advcl"} or _ready(head):
                head = head.head  # "is willing to sell": the subject of "is" sells
            elif head.dep_ == "acl" and _intended_by(head.head):
                head = head.head.head
            elif (shared := sharing_verb(head)) is not None:
                head = shared  # "By hosting the talks, Turkey ...": the verb's subject hosts
            else:
                break
        # "Raisi is scheduled to visit": the passive subject of a governing verb is who visits.
        passive = head.i == verb.i and any(c.dep_ == "nsubjpass" for c in head.children)
        for child in head.children:
            if child.dep_ in SUBJECTS:
                found = _subject_mentions(child, mentions)
                (recipients if passive else actors).extend(found)
        for child in verb.children:
            if child.dep_ == "agent":
                actors.extend(m for c in child.children for m in _mentions_in(c.subtree, mentions))
            elif child.dep_ == "dobj" and fired_weapon(verb, child):
                # "fired Iranian missiles at Kyiv": the weapons are the means, not the target
                aimed = lex.FIRING_TARGET_PREPOSITIONS | lex.USING_TARGET_PREPOSITIONS
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in aimed:
                        recipients.extend(_prep_object_mentions(prep, mentions))
            elif child.dep_ in {"dobj", "dative", "attr", "oprd"}:
                recipients.extend(_object_mentions(child, mentions))
            elif child.dep_ == "prep":
                preps = lex.RECIPIENT_PREPS | (lex.VISIT_PREPS if verb.lemma_ in lex.VISIT_VERBS else set())
                if child.lower_ in preps:
                    recipients.extend(_prep_object_mentions(child, mentions))
        actors = _top(actors)
        actor_keys = {_key(m) for m in actors}
        recipients = [m for m in _top(recipients) if _key(m) not in actor_keys]
        return actors, without_own_bodies(actors, recipients)

    def _refused_parties(self, verb: Token, mentions: list[Mention], actors: list[Mention]) -> list[Mention]:
        """ "refused to recognize Russia's annexation", "declined to meet Blinken": whom the refused
        deed concerns is whom the refusal is aimed at."""
        refused = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if refused is None:
            return []
        deed = _child(refused, "dobj")
        # the annexation's doer, not the annexed; else the refused deed's own objects
        parties = _agent_mentions(deed, mentions) if deed is not None else []
        parties = parties or self._participants(refused, mentions)[1]
        actor_keys = {_key(m) for m in actors}
        return [m for m in _top(parties) if _key(m) not in actor_keys]

    def _denial(self, verb: Token, mentions: list[Mention], previous: list[Frame]) -> Frame | None:
        """ "Tehran denies providing drones": the denied event, status denied, attributed to the denier."""
        deniers, _ = self._participants(verb, mentions)
        if not deniers:
            return None
        denier = deniers[0].actor
        for denied in verb.children:
            if denied.dep_ in {"xcomp", "ccomp", "dobj", "pcomp"} and denied.pos_ in {"VERB", "NOUN"}:
                if denied.dep_ != "ccomp" and not denies_news(verb, denied):
                    continue  # "rejected the request", "dismissed the offer": refused, not denied
                # "rejected claims that it had supplied drones": the claim's content is what is denied
                child = _claimed_content(denied) or denied
                bought = self._bought(child, mentions)
                if bought is not None:  # "denied buying drones from Russia", "denied the purchase of ..."
                    return replace(
                        bought, recipients=bought.recipients or deniers, status="denied", attributed_to=denier
                    )
                entry = lex.VERBS.get(child.lemma_.lower()) or lex.NOUNS.get(child.lemma_.lower())
                if entry is None:
                    continue
                event_type, mode = entry
                if event_type == "ACCUSE" and child.pos_ == "NOUN":
                    break  # "rejected the accusations": what was alleged is denied, not an accusation
                actors, recipients = self._participants(child, mentions)
                if not actors or (child.dep_ in {"xcomp", "dobj"} and not _has_subject(child)):
                    actors = deniers
                if event_type == "AID":
                    mode = _aid_mode(child)
                    if mode is None:
                        continue
                return Frame(child, event_type, mode, actors, recipients, "denied", denier)
        # "has denied such reports": the event of the sentence before, now denied. A denial with a
        # clause of its own ("denied that Iran has been continuing to provide") is coded on that clause.
        obj = _child(verb, "dobj")
        if (
            previous
            and not any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
            and (obj is None or denies_news(verb, obj))
        ):
            last = previous[-1]
            return Frame(verb, last.type, last.mode, last.actors, last.recipients, "denied", denier)
        return None

    @staticmethod
    def _modality(frame: Frame, mentions: list[Mention]) -> None:
        """Status from the cues that govern the event's own clause; a promise is coded AGREE (PLOVER)."""
        token = frame.trigger
        clause = token if token.pos_ in {"VERB", "AUX"} else token.head
        governor = clause.head if clause.dep_ in {"xcomp", "ccomp"} else None
        promised = governor is not None and governor.lemma_.lower() in lex.PROMISE_VERBS
        if promised and frame.type not in {"AGREE", "THREATEN"}:
            frame.type, frame.mode = "AGREE", "promise"
        cue = clause_status(token, event_noun=_light_object(token))
        frame.status = "asserted" if promised and cue.status == "hypothetical" else cue.status
        if cue.source is not None and cue.status in REPORTED_STATUSES:
            frame.attributed_to = _first_actor(cue.source.subtree, mentions)
        if frame.status == "asserted" and frame.type != "ACCUSE" and token.lemma_.lower() in accusing_verbs():
            # "was charged with murder", "police suspect X of the bombing": the deed is coded, and alleged.
            passive = any(c.dep_ == "nsubjpass" for c in token.children)
            accuser = None if passive else next((c for c in token.children if c.dep_ in SUBJECTS), None)
            frame.status = "alleged"
            frame.attributed_to = _first_actor(accuser.subtree, mentions) if accuser is not None else None

    # -- records ---------------------------------------------------------------------
    def _event(
        self, document: Document, sentence: Sentence, frame: Frame, dated: EventDate, split: bool = False
    ) -> EventMention:
        when = dated.value
        actor_keys = sorted(_key(m) for m in frame.actors)
        recipient_keys = sorted(_key(m) for m in frame.recipients)
        key = f"{document.doc_id}|{frame.trigger.idx}|{frame.type}|{actor_keys}|{recipient_keys}|{frame.status}"
        if split and when is not None:
            key += f"|{when.value}"
        confidence = 0.55 + 0.15 * bool(frame.recipients) + 0.1 * (frame.trigger.pos_ == "VERB")
        return frame_mention(
            document, sentence, frame, key, self.component, round(min(confidence, 0.95), 2), when, dated.basis
        )


def frame_occasions(dating: DocumentDates, frame: Frame, sentence: Sentence) -> tuple[list[EventDate], bool]:
    """When a coded frame happened: one occasion per listed day ("met in Ashgabat on June 29
    and in Tehran on July 19"), else the date of its clause, an earlier mention or the
    report; and whether the frame was split into listed days."""
    when = dating.date_event(  # always: it also records the date for later references
        frame.trigger,
        sentence,
        frame.status,
        frame.type,
        frozenset(_key(m) for m in frame.actors),
        frozenset(_key(m) for m in frame.recipients),
    )
    repeated = _repeated_dates(frame, sentence, dating.document.published)
    return [EventDate(d, "text") for d in repeated] or [when], bool(repeated)


def frame_mention(
    document: Document,
    sentence: Sentence,
    frame: Frame,
    key: str,
    extractor: str,
    confidence: float,
    when: DateValue | None,
    date_basis: DateBasis,
) -> EventMention:
    """The record of a coded frame; ``key`` (what makes the event this one) gives its id."""
    return EventMention(
        id="e" + hashlib.sha1(key.encode()).hexdigest()[:15],
        doc_id=document.doc_id,
        sentence_index=sentence.index,
        type=frame.type,
        quad=quad_of(frame.type),
        actors=[m.actor for m in frame.actors if m.actor is not None],
        recipients=[m.actor for m in frame.recipients if m.actor is not None],
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        extractor=extractor,
        confidence=confidence,
        mode=frame.mode,
        date=when.value if when else None,
        date_end=when.end if when else None,
        date_precision=when.precision if when else "unknown",
        date_basis=date_basis,
        status=frame.status,
        attributed_to=frame.attributed_to,
        trigger=frame.trigger.text,
    )


# -- helpers -----------------------------------------------------------------------------
def _dash_joined(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """ "Iran–Russia trade" read with "Iran" cut off from "Russia trade" (a headline's parse): a
    name joined by a dash to a name that modifies the noun takes part as that name does."""
    found: list[Mention] = []
    for child in noun.children:
        if child.dep_ not in {"compound", "nmod"} or not _mentions_in([child], mentions):
            continue
        first = child.left_edge
        if first.i < 2 or first.nbor(-1).text not in {"-", "–", "—"}:
            continue
        before = first.nbor(-2)
        found += [m for m in mentions if m.start <= before.idx < m.end and m.actor is not None]
    return found


def _authors(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """Who an event noun comes from: the objects of its author prepositions ("from", "by")."""
    return [
        m
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in lex.AUTHOR_PREPOSITIONS
        for m in _prep_object_mentions(c, mentions)
    ]


def _names_a_guest(verb: Token, mentions: list[Mention]) -> bool:
    """Who is received is a party: a name or title ("the Somali president", "was received by"),
    or a noun of visitors ("a delegation"); not a thing ("assurances from X")."""
    guest = _child(verb, "dobj") or _child(verb, "nsubjpass")
    if guest is None:
        return False
    if guest.lemma_.lower() in lex.GUEST_NOUNS:
        return True
    end = guest.idx + len(guest)
    return any(m.start <= guest.idx and end <= m.end for m in mentions)


# Sectors of armed actors, whose mobilisation is MOBILIZE; civilians who mobilise protest.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB"})


def _civilians_only(actors: list[Mention]) -> bool:
    """Civilian crowds (agents.yaml sector CVL) among the doers, and no armed body."""
    sectors = {m.actor.sector for m in actors if m.actor is not None}
    return "CVL" in sectors and not sectors & ARMED_SECTORS


def _owned_by_a_pronoun(noun: Token) -> bool:
    """ "its attacks", "their cooperation": an event noun a possessive pronoun owns, whose owner is
    the doer (not "his arrest": triggers.yaml undergone_nouns)."""
    if noun.lemma_.lower() in lex.UNDERGONE_NOUNS:
        return False
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)


def _givers(holders: list[Token], goods: Token | None, mentions: list[Mention]) -> list[Mention]:
    """Who gives the goods of aid: the names after "from" on any of ``holders`` (the verb or noun
    and the goods: "bought drones from Iran", "the transfer of missiles from Iran"), else the state
    that qualifies the goods ("acquired Iranian drones", "the delivery of Iranian drones"); a
    maker's "Iranian-made" does not say who gives them."""
    named = [
        m
        for holder in holders
        for c in holder.children
        if c.dep_ == "prep" and c.lower_ in lex.GIVER_PREPOSITIONS
        for m in _prep_object_mentions(c, mentions)
    ]
    if named or goods is None:
        return named
    counted_goods = counted(goods)
    qualifiers = [
        c for c in counted_goods.children if c.dep_ in {"amod", "compound", "nmod"} and not agentive_modifier(c)
    ]
    return _mentions_in((t for c in qualifiers for t in c.subtree), mentions)


def _goods_of(noun: Token) -> Token | None:
    """The goods an aid noun names after "of" ("the delivery of Iranian drones")."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return _child(of, "pobj") if of is not None else None


def actors_by_sentence(document: Document, mentions: list[Mention], dating: DocumentDates) -> dict[int, list[Mention]]:
    """The mentions that can take part in an event, by sentence: those with an actor, less a
    dateline's place and a news agency's credit ("TEHRAN, March 8 (Reuters) -" is where, when and
    by whom the report was filed)."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        if dating.in_dateline(mention.start) or is_credit(mention, document.text):
            continue
        if mention.actor is not None and mention.actor.kind not in NON_ACTORS:
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
    return by_sentence


def is_credit(mention: Mention, text: str) -> bool:
    """A news agency named as the source of the copy ("(Reuters)", "AFP - ...")."""
    if mention.actor is None or mention.actor.kind != "media":
        return False
    return bool(
        CREDIT_BEFORE.search(text[max(0, mention.start - 3) : mention.start])
        or CREDIT_AFTER.match(text[mention.end : mention.end + 3])
    )


def _ready(word: Token) -> bool:
    """ "is willing to sell": an adjective of readiness (status.yaml intention_adjectives) after a
    copula, whose subject does the deed it governs; "hesitant to support" does not."""
    return word.dep_ == "acomp" and word.lemma_.lower() in status_cues()["intention_adjectives"]


def state_pronouns(
    document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
) -> list[Mention]:
    """ "Russia said it would deliver ...": the subject "it" as the actor its chain links it to
    (actors/chains.py; "it" of "it is likely" is none); "they" as the names coordinated in the
    subject it is linked to, and as no one otherwise (the chain gives one antecedent where "they"
    most often stands for several)."""
    chained = [m for m in chains_for(document, spacy_doc, sentences, mentions).references if m.method == "chain-group"]
    found = [m for m in chained if m.text.lower() == "it"]
    for they in (m for m in chained if m.text.lower() == "they"):
        pair = _coordinated_antecedents(they, spacy_doc, mentions)
        found += [replace(they, mention_id=f"{they.mention_id}:{n}", actor=m.actor) for n, m in enumerate(pair)]
    return found


def _coordinated_antecedents(they: Mention, doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Iran and Russia held talks. They agreed ...": the names coordinated in the subject the chain
    links "they" to, all of them; none when that subject names one actor (the chain's single pick
    is then too often one of several)."""
    before = [
        m
        for m in mentions
        if m.actor is not None and m.end <= they.start and m.sentence_index >= they.sentence_index - 1
    ]
    subjects = []
    for mention in (m for m in before if _key(m) == _key(they)):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        root = span.root if span is not None else None
        while root is not None and root.dep_ == "conj":
            root = root.head
        if root is not None and root.dep_ in SUBJECTS:
            subjects.append(root)
    if not subjects:
        return []
    joined = [subjects[-1]]
    for token in joined:  # the list grows as the loop reads it: conjuncts of conjuncts
        joined.extend(c for c in token.children if c.dep_ == "conj")
    pair = _top([m for t in joined for m in _mentions_in([t], before)])
    return pair if len(pair) >= 2 else []


def _frees_people(verb: Token, mentions: list[Mention]) -> bool:
    """Whether what a freeing verb frees (its object, or its passive subject) are people: named,
    of a nationality, a pronoun, counted, or one of triggers.yaml freed_nouns. With nothing freed
    named ("was released on Monday"), the verb keeps its event."""
    freed = _child(verb, "dobj") or _child(verb, "nsubjpass")
    freed = counted(freed) if freed is not None else None  # "dozens of activists": the activists
    if freed is None or freed.pos_ == "PRON":
        return True
    # the phrase without what hangs on it ("footage of the blast outside the Australian embassy")
    if _covered(freed.doc, _phrase_tokens(freed, set()), mentions):
        return True
    if freed.ent_type_ in PEOPLE_ENTITIES or freed.lemma_.lower() in lex.FREED_NOUNS:
        return True
    return any(c.dep_ == "nummod" or c.ent_type_ in PEOPLE_ENTITIES for c in freed.children)


def _names_its_object(verb: Token) -> bool:
    """ "called the reports baseless": an object and what it is called, no phone call."""
    return _child(verb, "dobj") is not None and _child(verb, "oprd") is not None


def _claimed_content(noun: Token) -> Token | None:
    """The verb of the clause a report, claim or allegation tells ("claims that Iran sent drones")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in status_cues()["allege_nouns"]:
        return None
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in {"acl", "relcl", "ccomp"}
            and c.pos_ in {"VERB", "AUX"}
            and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")
        ),
        None,
    )


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _light_object(verb: Token) -> Token | None:
    """The object that names the event of a light verb ("reached a possible deal"), if it has one."""
    if verb.lemma_.lower() not in lex.LIGHT_VERBS:
        return None
    obj = _child(verb, "dobj")
    return obj if obj is not None and obj.lemma_.lower() in lex.NOUNS else None


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in token.children)


def _intended_by(noun: Token) -> bool:
    """ "announced plans to expel": a noun of intention (status.yaml intention_nouns) that a verb
    takes as object, whose subject is the one who intends the deed."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in status_cues()["intention_nouns"]
        and noun.dep_ == "dobj"
        and noun.head.pos_ in {"VERB", "AUX"}
    )


def _aimed_by_relative_clause(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """ "sanctions that target Russia's central bank", "strikes that hit Yemen": the object of a
    relative clause that says what the event noun was aimed at (triggers.yaml aiming_verbs)."""
    return [
        m
        for clause in noun.children
        if clause.dep_ == "relcl"
        and clause.lemma_.lower() in lex.AIMING_VERBS
        and any(c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"} for c in clause.children)
        for obj in clause.children
        if obj.dep_ == "dobj"
        for m in _object_mentions(obj, mentions)
    ]


def _asked_parties(verb: Token, mentions: list[Mention], actors: list[Mention]) -> list[Mention]:
    """ "demanded the US provide guarantees", "asked that Peru release them": who is to do the
    asked deed is whom the request is made of."""
    actor_keys = {_key(m) for m in actors}
    found = [
        m
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for subject in clause.children
        if subject.dep_ == "nsubj"
        for m in _subject_mentions(subject, mentions)
    ]
    return [m for m in _top(found) if _key(m) not in actor_keys]


def without_own_bodies(actors: list[Mention], recipients: list[Mention]) -> list[Mention]:
    """ "Russia withdrew its troops from Georgia": a state's own forces are what it acts with, not
    whom it acts on; the learned coder reads the same. Its other bodies stay: a protest against
    one's own government is a domestic event with that government as target."""
    states = {m.actor.actor_id for m in actors if m.actor is not None and m.actor.kind == "state"}
    return [
        m
        for m in recipients
        if m.actor is None
        or not (m.actor.kind == "institution" and m.actor.sector == "MIL" and m.actor.country in states)
    ]


def opposed_parties(verb: Token, mentions: list[Mention]) -> list[Mention]:
    """ "backed the government against the rebels": the rebels are the other side, not the
    recipient of the backing (triggers.yaml opposed_prepositions); the learned coder reads the same."""
    return [
        m
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in lex.OPPOSED_PREPOSITIONS
        for m in _mentions_in(c.subtree, mentions)
    ]


def _joint_subjects(verb: Token, actors: list[Mention]) -> list[Mention]:
    """The actors that are the verb's subject or its coordinated parts ("Raisi and Putin spoke",
    "the two leaders spoke"), not those inside one of them ("officials, including X, have spoken
    about ...": one party speaking, no consultation)."""
    heads = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for head in list(heads):
        heads.extend(t for t in head.subtree if t.dep_ == "conj" and _conjunct_of(t, head))
    return [m for m in actors if any(m.start <= h.idx < m.end for h in heads)]


def _conjunct_of(token: Token, head: Token) -> bool:
    """``token`` is joined to ``head`` by coordination alone."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token == head


def _mentions_in(tokens: Iterable[Token], mentions: list[Mention]) -> list[Mention]:
    items = list(tokens)
    if not items:
        return []
    start = min(t.idx for t in items)
    end = max(t.idx + len(t) for t in items)
    return [m for m in mentions if start <= m.start and m.end <= end]


def _subject_mentions(subject: Token, mentions: list[Mention]) -> list[Mention]:
    """Mentions in the subject, less those set apart from it ("Iran, unlike Belarus, ...") or in a
    clause on it ("the deal that angered Israel"), the maker of it ("Iranian-made drones"), the
    possessor of a noun that names others by their relation to it ("Iran's
    neighbours"), and a name that only qualifies a possessed noun ("Russia's UN mission": Russia
    acts, not the UN)."""
    apart = set(set_apart(subject))
    apart.update(t.i for c in subject.children if c.dep_ in {"relcl", "acl"} for t in c.subtree)
    # "Iranian-made drones struck Kyiv": the maker does not strike
    apart.update(t.i for c in subject.children if making_modifier(c) for t in c.subtree)
    if any(m.actor is not None and m.start <= subject.idx < m.end for m in mentions):
        # "Alaei, a former IRGC commander, urged ...", "Iran, Russia's closest ally, sent ...":
        # with the subject named, what a descriptive apposition names only describes it.
        apart.update(t.i for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN" for t in c.subtree)
    possessors = [c for c in subject.children if c.dep_ == "poss"]
    if subject.lemma_.lower() in lex.RELATIONAL_NOUNS:
        apart.update(t.i for c in possessors for t in c.subtree)
    elif _mentions_in((t for c in possessors for t in c.subtree), mentions):
        apart.update(t.i for c in subject.children if c.dep_ == "compound" for t in c.subtree)
    found = _mentions_in(subject.subtree, mentions)
    if not apart:
        return found
    excluded = _mentions_in((t for t in subject.doc if t.i in apart), mentions)
    return [m for m in found if m not in excluded]


def aimed_at_by_subject(verb: Token, event_type: str, mentions: list[Mention]) -> list[Mention]:
    """ "A rocket attack on X wounded two people": mentions in what a subject naming the event
    itself (a noun of the verb's type) was aimed at; the learned coder reads the same."""
    found: list[Mention] = []
    for subject in verb.children:
        entry = lex.NOUNS.get(subject.lemma_.lower())
        if subject.dep_ != "nsubj" or entry is None or entry[0] != event_type:
            continue
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ in lex.AIMED_PREPOSITIONS:
                found.extend(_mentions_in(prep.subtree, mentions))
    return found


def _object_mentions(obj: Token, mentions: list[Mention]) -> list[Mention]:
    """Mentions in the object itself and its recipient prepositions, not in every clause or
    modifier below it ("talks with Russian officials on the war in Ukraine": not Ukraine). An
    object that is no event and no actor but belongs to one ("supported Iranian entry into the
    bloc", "backed Chile's bid for a seat on the council") has that owner as its recipient, not
    the names of its complements."""
    if _owned_thing(obj, mentions):
        return _covered(obj.doc, _phrase_tokens(obj, set()), mentions)
    return _covered(obj.doc, _phrase_tokens(obj, lex.RECIPIENT_PREPS | lex.NESTED_RECIPIENT_PREPS), mentions)


def _owned_thing(obj: Token, mentions: list[Mention]) -> bool:
    """A noun that names no event and no actor, with an actor as its possessor or modifier."""
    if obj.lemma_.lower() in lex.NOUNS or any(m.start <= obj.idx < m.end for m in mentions):
        return False
    return bool(_agent_mentions(obj, mentions))


def _agent_mentions(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """Who does what an event noun names: its possessor and modifiers ("Western sanctions",
    "Israel's strike"), not the objects of its prepositions."""
    tokens = {t.i for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"} for t in c.subtree}
    return _covered(noun.doc, tokens, mentions)


def _prep_object_mentions(prep: Token, mentions: list[Mention]) -> list[Mention]:
    """Mentions in a preposition's object, less those in a phrase that only modifies it:
    "talks on the war in Ukraine" names no recipient; "officials of Russia" does."""
    tokens = {i for obj in prep.children for i in _phrase_tokens(obj, lex.NESTED_RECIPIENT_PREPS)}
    return _covered(prep.doc, tokens, mentions)


def _phrase_tokens(head: Token, kept_preps: set[str]) -> set[int]:
    """The tokens of ``head``'s phrase outside its clauses and its prepositional modifiers, but
    with the objects of ``kept_preps``; "of" passes the same choice on ("rounds of ammunition
    to Russia"), any other kept preposition keeps only the nested recipient prepositions below it."""
    tokens = {head.i}
    for child in head.children:
        if child.dep_ in {"relcl", "acl"} or (agentive_modifier(child) and not _holding(child)):
            continue
        if child.dep_ != "prep":
            tokens |= _phrase_tokens(child, kept_preps)
        elif child.lower_ in kept_preps:
            below = kept_preps if child.lower_ == "of" else lex.NESTED_RECIPIENT_PREPS
            tokens.add(child.i)
            for obj in child.children:
                tokens |= _phrase_tokens(obj, below)
    return tokens


def _holding(token: Token) -> bool:
    """ "rebel-held": the name before the hyphen holds the place (triggers.yaml holding_participles)."""
    return token.lemma_.lower() in lex.HOLDING_PARTICIPLES


def agentive_modifier(token: Token) -> bool:
    """ "Iranian-made", "Turkish-backed", "US-led": the name before the hyphen did the making or
    backing; it takes no part in the event the noun is part of."""
    return token.dep_ == "amod" and token.tag_ == "VBN" and any(c.tag_ == "HYPH" for c in token.children)


def _covered(doc: Doc, tokens: set[int], mentions: list[Mention]) -> list[Mention]:
    """Mentions whose every token is among ``tokens``."""
    if not tokens:
        return []
    first, last = min(tokens), max(tokens)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    found: list[Mention] = []
    for mention in mentions:
        if start <= mention.start and mention.end <= end:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and all(t.i in tokens for t in span):
                found.append(mention)
    return found


def _top(mentions: list[Mention]) -> list[Mention]:
    """Outermost mentions, one per actor: a title phrase wins over the country inside it."""
    outer = [
        m
        for m in mentions
        if not any(
            o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
            for o in mentions
        )
    ]
    people = {m.actor.country for m in outer if m.actor and m.actor.kind == "person" and m.actor.country}
    # "his Iranian counterpart Ebrahim Raisi": the person stands for the country beside him.
    outer = [
        m
        for m in outer
        if not (
            m.actor
            and m.actor.kind != "person"
            and m.actor.country in people
            and m.actor.sector in {None, "GOV"}
            and m.actor.kind in {"state", None}
        )
    ]
    seen: set[str] = set()
    unique = []
    for mention in sorted(outer, key=lambda m: m.start):
        key = _key(mention)
        if key not in seen:
            seen.add(key)
            unique.append(mention)
    return unique


def _key(mention: Mention) -> str:
    assert mention.actor is not None
    return actor_key(mention.actor)


def _first_actor(tokens: Iterable[Token], mentions: list[Mention]) -> ActorRef | None:
    found = _top(_mentions_in(tokens, mentions))
    return found[0].actor if found else None


def _aid_mode(token: Token) -> str | None:
    """Military, economic or humanitarian aid by what is given; None when nothing says."""
    words = (
        {t.lower_ for t in token.subtree} | {t.lower_ for t in token.head.subtree}
        if token.dep_ != "ROOT"
        else {t.lower_ for t in token.subtree}
    )
    return next((mode for mode, goods in lex.AID_GOODS.items() if words & goods), None)


def _controlling_object(verb: Token) -> Token | None:
    """The object of "led/forced/urged X to VERB", which is VERB's subject; the accused of
    "accused X of VERBing" (the subject when passive: "X is accused of VERBing")."""
    accused = laid_to(verb)
    if accused is not None:
        return accused
    if verb.dep_ not in {"xcomp", "advcl", "ccomp"} or verb.head.i == verb.i:
        return None
    governor = verb.head
    if governor.lemma_.lower() not in lex.OBJECT_CONTROL or not any(c.lower_ == "to" for c in verb.children):
        return None
    return _child(governor, "dobj")


def charging_verb(deed: Token) -> Token | None:
    """The verb that charges ``deed``, blames for it or convicts of it: "accused X of VERBing",
    "charged with murder", "blamed X for", "convicted of torturing", "found guilty of"
    (status.yaml accusing_verbs and accusing_prepositions, blaming_verbs and
    blaming_prepositions, convicting_verbs, verdict_words and convicting_prepositions); the
    learned coder reads the same."""
    cues = status_cues()
    if deed.dep_ not in {"pcomp", "pobj"}:
        return None
    preposition, verb = deed.head.lower_, deed.head.head
    if verb.dep_ == "dobj" and deed.head.dep_ == "prep":  # "convicted two men of ...", "of" hung on the men
        verb = verb.head
    lemma = verb.lemma_.lower()
    if preposition in cues["accusing_prepositions"] and lemma in cues["accusing_verbs"]:
        return verb
    if preposition in cues["blaming_prepositions"] and lemma in cues["blaming_verbs"]:
        return verb
    if preposition not in cues["convicting_prepositions"]:
        return None
    if verb.lower_ in cues["verdict_words"] and verb.dep_ in {"oprd", "acomp"}:  # "of" hung on "guilty"
        return verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    verdict = any(c.dep_ in {"oprd", "acomp"} and c.lower_ in cues["verdict_words"] for c in verb.children)
    return verb if lemma in cues["convicting_verbs"] or verdict else None


def laid_to(deed: Token) -> Token | None:
    """Who ``deed`` is laid to, accused or convicted of it or held responsible: "accused X of
    VERBing", "X was charged with murder", "suspected X of the bombing" (the object of the
    accusing verb, or its subject when passive); "three men charged with ..." (the men); "X was
    arrested after being accused of ..." (X, the subject the accusation's clause shares); "X was
    behind D" and the like (``_held_responsible``)."""
    accusing = charging_verb(deed)
    if accusing is None:
        return _held_responsible(deed)
    found = _child(accusing, "dobj") or _child(accusing, "nsubjpass")
    if found is not None:
        return found
    if accusing.dep_ == "acl":
        return accusing.head
    shared = sharing_verb(accusing)
    return None if shared is None else _child(shared, "nsubjpass") or _child(shared, "nsubj")


def _held_responsible(deed: Token) -> Token | None:
    """Who ``deed`` is laid to: "X claimed responsibility for D", "X was behind D", "X was
    responsible for D" (the clause's subject); "D was the work of X" (X). Status.yaml's words of
    responsibility."""
    cues = status_cues()
    holder = deed.head
    if deed.dep_ in {"nsubj", "nsubjpass"}:
        work = _child(deed.head, "attr")
        if work is None or work.lemma_.lower() not in cues["authorship_nouns"]:
            return None
        of = next((c for c in work.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return None if of is None else _child(of, "pobj")
    if deed.dep_ != "pobj":
        return None
    preposition, holder = holder.lower_, holder.head
    if preposition in cues["responsibility_prepositions"] and holder.lemma_.lower() == "be":
        return _child(holder, "nsubj")
    if preposition != "for":
        return None
    if holder.lemma_.lower() in cues["responsibility_adjectives"] and holder.dep_ == "acomp":
        return _child(holder.head, "nsubj")
    if holder.lemma_.lower() in cues["responsibility_nouns"] and holder.dep_ == "dobj":
        return _child(holder.head, "nsubj")
    return None


def making_modifier(token: Token) -> bool:
    """ "Iranian-made": a maker's participle (triggers.yaml making_participles), whose name takes
    no part in the event of what it qualifies."""
    return agentive_modifier(token) and token.lemma_.lower() in lex.MAKING_PARTICIPLES


def counted(token: Token) -> Token:
    """What a number or a word of number counts ("dozens of drones": the drones; triggers.yaml
    quantity_nouns); the token itself otherwise."""
    if token.pos_ != "NUM" and token.lemma_.lower() not in lex.QUANTITY_NOUNS:
        return token
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted_noun = _child(of, "pobj") if of is not None else None
    return counted_noun if counted_noun is not None else token


def weapon(token: Token) -> bool:
    """A word of arms (triggers.yaml aid_goods: military): "missiles", "drones", "dozens of drones"."""
    return counted(token).lower_ in lex.AID_GOODS["military"]


def fires_or_uses(verb: Token) -> bool:
    """A verb of firing or using (triggers.yaml firing_verbs, using_verbs)."""
    return verb.lemma_.lower() in lex.FIRING_VERBS | lex.USING_VERBS


def fired_weapon(verb: Token, obj: Token) -> bool:
    """ "fired missiles", "launched Iranian drones", "used drones against ...": a weapon fired or used."""
    return fires_or_uses(verb) and weapon(obj)


def _clear_event(verb: Token, obj: Token | None) -> tuple[str, str | None] | None:
    """Verbs that report an event only with the right companions: protesters gathering
    ("protesters gathered outside the embassy"), a weapon fired or launched, or fired at a
    target, a weapon used against someone ("drones that Russia used against Ukraine")."""
    lemma = verb.lemma_.lower()
    if lemma in lex.GATHERING_VERBS:
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.lemma_.lower() in lex.PROTESTERS:
            return "PROTEST", None
    if lemma in lex.USING_VERBS:
        relative = verb.dep_ == "relcl" and (obj is None or obj.tag_ in {"WDT", "WP"} or obj.lower_ == "that")
        weapons = verb.head if relative else obj
        holders = [verb] if weapons is None or relative else [verb, weapons]  # "used drones against X"
        aimed = any(c.dep_ == "prep" and c.lower_ in lex.USING_TARGET_PREPOSITIONS for h in holders for c in h.children)
        if aimed and weapons is not None and weapon(weapons):
            return "ASSAULT", None
    if lemma in lex.FIRING_VERBS:
        armed = obj is not None and weapon(obj)
        aimed = any(c.dep_ == "prep" and c.lower_ in lex.FIRING_TARGET_PREPOSITIONS for c in verb.children)
        if armed or (aimed and lemma == "fire"):
            return "ASSAULT", None
    return None


def _under_attack(noun: Token, mentions: list[Mention]) -> list[Mention]:
    """ "Kyiv came under a wave of Russian attacks": the subject of "came under" is the target."""
    current, under = noun, False
    for _ in range(8):
        if current.dep_ not in {"pobj", "prep", "dobj", "nmod"} or current.head.i == current.i:
            break
        current = current.head
        under = under or (current.dep_ == "prep" and current.lower_ == "under")
        if current.pos_ in {"VERB", "AUX"}:
            break
    if not under or current.pos_ not in {"VERB", "AUX"}:
        return []
    return [m for c in current.children if c.dep_ in {"nsubj", "nsubjpass"} for m in _subject_mentions(c, mentions)]


def _by_phone(verb: Token) -> bool:
    return any(
        c.lower_ in lex.PHONE_PREPS
        and c.dep_ == "prep"
        and any(g.lemma_.lower() in lex.PHONE_WORDS for g in c.children)
        for c in verb.children
    )


def _repeated_dates(frame: Frame, sentence: Sentence, published: str | None) -> list[DateValue]:
    """ "has met Raisi thrice, in Ashgabat on June 29, in Tehran on July 19 and in Samarkand on
    September 15": one meeting a listed day, when the days follow the trigger and no range joins them."""
    if frame.type != "CONSULT" or frame.status == "denied" or frame.trigger.pos_ != "VERB":
        return []
    after = frame.trigger.idx + len(frame.trigger.text) - sentence.start
    listed = [d for d in find_dates(sentence.text, published) if d.span[0] >= after]
    if len(listed) < 2 or any(d.precision != "day" or d.end for d in listed):
        return []
    gaps = [sentence.text[a.span[1] : b.span[0]] for a, b in zip(listed, listed[1:], strict=False)]
    return listed if all(LIST_GAP.match(gap) for gap in gaps) else []


def _dedupe(frames: list[Frame]) -> list[Frame]:
    """One frame per type, status and actors in a sentence ("signed a deal" is one AGREE); the fullest wins."""
    kept: list[Frame] = []
    for frame in sorted(frames, key=lambda f: -len(f.recipients)):
        actors = {_key(m) for m in frame.actors}
        recipients = {_key(m) for m in frame.recipients}
        if any(
            other.type == frame.type
            and other.status == frame.status
            and {_key(m) for m in other.actors} == actors
            and recipients <= {_key(m) for m in other.recipients}
            for other in kept
        ):
            continue
        kept.append(frame)
    return sorted(kept, key=lambda f: f.trigger.i)


def _halted(noun: Token) -> bool:
    """ "a cease-fire": a modifier that names the end of the event noun's event."""
    return any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in lex.HALTING_MODIFIERS for c in noun.children)
