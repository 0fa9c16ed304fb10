"""The default event coder: the learned coder on news, the rules on analysts' prose.

Measured on the project's development data (docs/evaluation.md, "Which coder is ahead where"):
the learned coder finds more of the events of wire copy and of PLOVER's example sentences, while
on long analysis articles it reads commentary as events (none of its own mentions on the five
analyses was fully right by hand) and the rules stay ahead. In news, the rules' events are kept
in the sentences where the learned coder reports nothing (a deed it only names in passing, "X
was arrested after being accused of shooting Y", leaves the arrest to the rules), at the
confidence their share of right types measured there, never doubling a type it coded; and
where the rules read an event inside a denial or an allegation ("X denied that Y supplied
drones"), which the type model types by the denying verb, the rules' event joins the learned
ones.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from dragoman.domain.records import Document, EventMention, Mention, Sentence
from dragoman.events.event_dates import NEWS_GENRES, NEWS_MAX_WORDS, dateline, declared_genre
from dragoman.events.extractor import EventExtractor
from dragoman.events.learned.coder import LearnedEventCoder
from dragoman.nlp.headlines import headline, title_case
from dragoman.nlp.status import REPORTED_STATUSES

# The share of the rules' news mentions (where the learned coder is silent) that had a gold type
# on ../shared/eval/newswire: their confidence is at most this.
RULE_CONFIDENCE_IN_NEWS = 0.48
# The least confidence an event read from a headline set in Title Case is kept at: the parse
# of such a line is poor ("Chilean Minister Hopes To Calm Fishing Row" anchored at "Hopes"),
# and below this one such mention in 17 was right on ../shared/eval/newswire.
TITLE_CASE_HEADLINE_CONFIDENCE = 0.5


def is_analysis(document: Document) -> bool:
    """An analysis article: so its metadata's ``genre`` says, or, without one, a text longer than a
    news report (NEWS_MAX_WORDS) with no wire dateline. Short undated texts count as news."""
    genre = declared_genre(document)
    if genre:
        return genre not in NEWS_GENRES
    return dateline(document.text) is None and len(document.text.split()) > NEWS_MAX_WORDS


class CombinedEventCoder:
    NAME = "events.combined"
    # 1.1: a Title Case headline's events need TITLE_CASE_HEADLINE_CONFIDENCE
    # 1.2: a sentence whose learned events are only deeds it names in passing keeps the rules' events
    VERSION = "1.2"

    def __init__(self, learned: LearnedEventCoder | None = None, rules: EventExtractor | None = None) -> None:
        self.learned = learned or LearnedEventCoder()
        self.rules = rules or self.learned.rules

    def extract(
        self, document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
    ) -> list[EventMention]:
        ruled = self.rules.extract(document, spacy_doc, sentences, mentions)
        if is_analysis(document):
            return ruled
        learned, reporting = self.learned.extract_parts(document, spacy_doc, sentences, mentions)
        coded = {(event.sentence_index, event.type) for event in learned}
        kept = [
            replace(event, confidence=min(event.confidence, RULE_CONFIDENCE_IN_NEWS))
            for event in ruled
            if (event.sentence_index, event.type) not in coded
            and (event.sentence_index not in reporting or event.status in REPORTED_STATUSES)
        ]
        shaky = _title_case_headline_end(document)
        return sorted(
            (
                event
                for event in learned + kept
                if event.start >= shaky or event.confidence >= TITLE_CASE_HEADLINE_CONFIDENCE
            ),
            key=lambda event: (event.start, event.sentence_index),
        )


def _title_case_headline_end(document: Document) -> int:
    """Where a headline set in Title Case ends (0 when the report opens with no such line)."""
    found = headline(document.text)
    if found is None or not title_case(document.text[found[0] : found[1]]):
        return 0
    return found[1]
