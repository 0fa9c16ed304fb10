"""Coreference memory for the resolver's walk: who and which states a document has named so
far, so that "he", "Lavrov" and "the two countries" can be resolved."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Token

from dragoman.domain.identity import actor_key
from dragoman.domain.records import ActorRef, Sentence


@dataclass
class Layout:
    """Paragraph breaks and sentence starts of a document, as character offsets."""

    breaks: list[int]
    sentence_starts: list[int]

    @classmethod
    def of(cls, text: str, sentences: list[Sentence]) -> Layout:
        sep = "\n\n" if "\n\n" in text else "\n"
        breaks: list[int] = []
        pos = text.find(sep)
        while pos != -1:
            breaks.append(pos)
            pos = text.find(sep, pos + 1)
        return cls(breaks, [s.start for s in sentences])

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.breaks, offset)

    def sentence(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1) if self.sentence_starts else 0


@dataclass
class Context:
    """What the walk remembers for short references: people (with their office and paragraph),
    people introduced by a title, surnames, and states in order of their last mention."""

    people: list[tuple[ActorRef, str | None, int]] = field(default_factory=list)
    titled: list[tuple[ActorRef, str | None, int]] = field(default_factory=list)
    seen_ids: set[str] = field(default_factory=set)
    surnames: dict[str, ActorRef] = field(default_factory=dict)
    states: list[ActorRef] = field(default_factory=list)
    state_at: dict[str, int] = field(default_factory=dict)  # state id -> token index of its last mention
    state_paragraph: dict[str, int] = field(default_factory=dict)  # state id -> paragraph of its last mention

    def remember_person(self, ref: ActorRef, office: str | None, paragraph: int, titled: bool) -> None:
        self.people.append((ref, office, paragraph))
        if titled:
            self.titled.append((ref, office, paragraph))
        if ref.actor_id:
            self.seen_ids.add(ref.actor_id)
        last = ref.name.split()[-1] if ref.name else ""
        if last:
            self.surnames[last] = ref

    def remember_state(self, ref: ActorRef, token: int, paragraph: int) -> None:
        self.state_at[ref.actor_id or ""] = token
        self.state_paragraph[ref.actor_id or ""] = paragraph
        if not self.states or self.states[-1].actor_id != ref.actor_id:
            self.states[:] = [s for s in self.states if s.actor_id != ref.actor_id] + [ref]

    def person_pair(self, paragraph: int) -> list[ActorRef]:
        """ "The two ministers": the last two people named, both in this paragraph or the one
        before; none when the text has not named two so near."""
        pair: list[ActorRef] = []
        for ref, _, at in reversed(self.people):
            if at < paragraph - 1:
                break
            if all(actor_key(ref) != actor_key(other) for other in pair):
                pair.insert(0, ref)
            if len(pair) == 2:
                return pair
        return []

    def last_person_in(self, paragraph: int) -> ActorRef | None:
        """ "He", "her": the last person named, if in the same paragraph."""
        if self.people and self.people[-1][2] == paragraph:
            return self.people[-1][0]
        return None

    def pair(self, doers: set[int]) -> list[ActorRef]:
        """ "The two countries": the last two states named, leaving out those doing the verb.

        "The US and the EU sanctioned the two states": not the states doing the sanctioning;
        but "Iran and Russia deepened ties between the two countries": the subject is the pair.
        """
        in_subject = [s for s in self.states if self.state_at.get(s.actor_id or "", -1) in doers]
        pool = self.states if len(in_subject) >= 2 else [s for s in self.states if s not in in_subject]
        return pool[-2:] if len(pool) >= 2 else []

    def last_state_in(self, paragraph: int) -> ActorRef | None:
        """ "Its troops", "the country's navy": the last state named, if in the same paragraph."""
        if self.states and self.state_paragraph.get(self.states[-1].actor_id or "") == paragraph:
            return self.states[-1]
        return None

    def short_name(self, name: str) -> ActorRef | None:
        """A surname (or the whole name) of a person already named."""
        if name in self.surnames:
            return self.surnames[name]
        words = name.split()
        if len(words) == 1 and words[-1] in self.surnames:
            return self.surnames[words[-1]]
        return None


def governing_subject(token: Token) -> set[int]:
    """Token indices of the subject of the verb that governs a phrase ("the two states")."""
    head = token
    for _ in range(6):
        if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
            break
        head = head.head
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if head.pos_ not in {"VERB", "AUX"} or not subjects or token.i in {t.i for t in subjects[0].subtree}:
        return set()
    return {t.i for t in subjects[0].subtree}
