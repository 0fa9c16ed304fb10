"""Mention chains: one chain per actor in a document, with the pronouns and nominal references
("he", "they", "the minister", "the ministry", "the two leaders") linked to the actor named before.

Built once per document from the resolver's mentions and the parse, and shared by statements
(a speaker given as "he" two sentences after the name) and events (an event's pronoun actor).
The antecedent of a reference is the best-ranked actor named before it; the ranker is a small
linear model (antecedent_ranker.json, trained by scripts/train_antecedent_ranker.py).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from dragoman.domain.ranges import Ranges, Spans
from dragoman.domain.records import ActorRef, Document, Mention, Sentence
from dragoman.lexicon import active_overrides, load_lexicon

GROUP_KINDS = frozenset({"state", "igo", "institution", "group", "media", "company"})
QUOTED = re.compile(r"“[^”]{2,3000}”|\"[^\"\n]{2,3000}\"")
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
LOOKBACK_SENTENCES = 6
CHAINS_KEY = "dragoman.chains"


@dataclass(frozen=True)
class ReferenceWords:
    """The reference words of dragoman/lexicon/en/references.yaml."""

    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    person_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    state_nouns: frozenset[str]
    pair_nouns: frozenset[str]
    pair_words: frozenset[str]
    expletive_pronouns: frozenset[str]
    speech_verbs: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    female_pronouns: frozenset[str]
    male_pronouns: frozenset[str]
    first_person: frozenset[str]


def reference_words() -> ReferenceWords:
    """The reference words of the run (dragoman/lexicon/en/references.yaml and overrides)."""
    return _reference_words(active_overrides())


@lru_cache(maxsize=8)
def _reference_words(overrides: tuple[Path, ...]) -> ReferenceWords:
    words = load_lexicon(["references"], overrides)["references"]
    return ReferenceWords(**{name: words[name] for name in ReferenceWords.__dataclass_fields__})


@dataclass(frozen=True)
class Ranker:
    """A linear score over the features of ``FEATURES``: higher is the likelier antecedent."""

    version: str
    weights: dict[str, float]
    bias: float

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())


# Used while no trained weights are shipped: the nearest, the subject, the one that spoke.
RULE_WEIGHTS = {
    "same_sentence": 0.5,
    "sentence_gap": -1.5,
    "same_paragraph": 0.5,
    "subject": 1.0,
    "speaks": 1.0,
    "in_quote": -1.5,
    "salience": 0.8,
    "nearest": 1.0,
    "role_match": 2.0,
    "parallel": 0.5,
    "first_named": 0.3,
}
FEATURES = tuple(RULE_WEIGHTS)


@lru_cache(maxsize=1)
def ranker() -> Ranker:
    raw = json.loads(resources.files("dragoman.actors.data").joinpath("antecedent_ranker.json").read_text("utf-8"))
    if not raw.get("weights"):
        return Ranker("rules", RULE_WEIGHTS, 0.0)
    return Ranker(str(raw["version"]), dict(zip(raw["features"], raw["weights"], strict=True)), float(raw["bias"]))


@dataclass
class Chain:
    """Every mention of one actor in a document: its names and the references linked to them."""

    key: str
    actor: ActorRef
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class MentionChains:
    """The chains of a document and a look-up from a span to the actor it stands for."""

    chains: list[Chain]
    references: list[Mention]
    mentions: list[Mention]  # the document's mentions with each reference standing for its actor
    _by_span: dict[tuple[int, int], ActorRef] = field(default_factory=dict)

    def actor_at(self, start: int, end: int) -> ActorRef | None:
        """The actor of the mention or reference covering [start, end), if any."""
        exact = self._by_span.get((start, end))
        if exact is not None:
            return exact
        covering = [(s, e) for s, e in self._by_span if s <= start and end <= e]
        return self._by_span[min(covering, key=lambda se: se[1] - se[0])] if covering else None

    def actor_for_token(self, token: Token) -> ActorRef | None:
        """The actor a token (a pronoun or a reference's head) stands for: for event actors."""
        return self.actor_at(token.idx, token.idx + len(token.text))

    def chain_of(self, actor: ActorRef) -> Chain | None:
        key = actor_key(actor)
        return next((c for c in self.chains if c.key == key), None)


def actor_key(actor: ActorRef) -> str:
    return actor.actor_id or f"{actor.kind}:{actor.country}:{actor.name}"


def chains_for(document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]) -> MentionChains:
    """The document's chains, built on first use and kept on the parse for the other stages."""
    cached = spacy_doc.user_data.get(CHAINS_KEY)
    if isinstance(cached, MentionChains):
        return cached
    chains = build_chains(document, spacy_doc, sentences, mentions)
    spacy_doc.user_data[CHAINS_KEY] = chains
    return chains


def resolve_reference(
    document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention], token: Token
) -> ActorRef | None:
    """The actor a pronoun or reference token stands for (for the event extractor's actors)."""
    return chains_for(document, spacy_doc, sentences, mentions).actor_for_token(token)


# -- building ----------------------------------------------------------------------------------


@dataclass
class _Context:
    text: str
    doc: Doc
    sentence_starts: list[int]
    paragraph_breaks: list[int]
    quotes: Ranges

    def sentence_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, position) - 1)

    def paragraph_of(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_breaks, position)

    def in_quote(self, start: int, end: int) -> bool:
        return bool(self.quotes.holding(start, end))

    def token_at(self, position: int) -> Token | None:
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


def _paragraph_breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n\s*\n", text)]


@dataclass
class Reference:
    """A pronoun or definite reference with the actors it may stand for and their features."""

    start: int
    end: int
    kind: str
    head: str
    candidates: list[tuple[ActorRef, dict[str, float]]]


def references_with_candidates(
    document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
) -> tuple[list[Mention], list[Reference]]:
    """The resolved mentions (unlisted people included) and every reference with its candidates."""
    text = document.text
    context = _Context(
        text,
        spacy_doc,
        [s.start for s in sentences] or [0],
        _paragraph_breaks(text),
        Ranges((m.start(), m.end()) for m in QUOTED.finditer(text)),
    )
    # The resolver's own pronoun picks (the last person in the paragraph) are ranked again here.
    named = [m for m in mentions if m.method != "pronoun"]
    resolved = sorted((m for m in _with_unlisted_people(named) if m.actor is not None), key=lambda m: m.start)
    covered = [(m.start, m.end) for m in named]
    genders = marked_genders(spacy_doc, resolved)
    references = [
        Reference(
            start,
            end,
            kind,
            head,
            _agreeing(candidate_features(context, resolved, start, end, kind, head), head, genders),
        )
        for start, end, kind, head in _reference_spans(spacy_doc, covered)
    ]
    return resolved, references


def marked_genders(doc: Doc, resolved: list[Mention]) -> dict[str, str]:
    """The people whose gender the text marks ("Mr. Lavrov", "the spokeswoman Maria Zakharova"):
    actor key -> "female" or "male"; a person marked both ways, or not at all, is left out."""
    words = reference_words()
    seen: dict[str, set[str]] = {}
    for mention in resolved:
        if mention.actor is None or mention.actor.kind != "person":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        nearby = [t for t in span] + [t for t in doc[max(0, span.start - 2) : span.start]]
        nearby += [t for t in span.root.children if t.dep_ in {"appos", "compound"}]
        if span.root.dep_ == "appos":
            nearby.append(span.root.head)  # "the spokeswoman, Maria Zakharova"
        for token in nearby:
            word = token.lower_.rstrip(".")
            if word in words.female_words:
                seen.setdefault(actor_key(mention.actor), set()).add("female")
            elif word in words.male_words:
                seen.setdefault(actor_key(mention.actor), set()).add("male")
    return {key: next(iter(marks)) for key, marks in seen.items() if len(marks) == 1}


def _agreeing(
    candidates: list[tuple[ActorRef, dict[str, float]]], head: str, genders: dict[str, str]
) -> list[tuple[ActorRef, dict[str, float]]]:
    """Without the people the text marks as of the other gender than "he", "she" or "the spokeswoman"."""
    words = reference_words()
    female = words.female_pronouns | words.female_words
    wanted = "female" if head in female else "male" if head in words.male_pronouns | words.male_words else None
    if wanted is None:
        return candidates
    return [(a, f) for a, f in candidates if genders.get(actor_key(a), wanted) == wanted]


def build_chains(
    document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
) -> MentionChains:
    """Chains from the resolved mentions, with each unresolved reference linked to its antecedent."""
    text = document.text
    resolved, found = references_with_candidates(document, spacy_doc, sentences, mentions)
    sentence_starts = [s.start for s in sentences] or [0]
    references: list[Mention] = []

    def refer(start: int, end: int, actor: ActorRef, method: str) -> None:
        references.append(
            Mention(
                mention_id=f"{document.doc_id}:r{len(references)}",
                doc_id=document.doc_id,
                start=start,
                end=end,
                text=text[start:end],
                sentence_index=max(0, bisect.bisect_right(sentence_starts, start) - 1),
                method=method,
                actor=actor,
                component="actors.chains",
            )
        )

    for reference in found:
        actor = _antecedent(reference, text)
        if actor is not None:
            refer(reference.start, reference.end, actor, f"chain-{reference.kind}")
    known = {(m.start, m.end): m.actor for m in [*resolved, *references] if m.actor is not None}
    for start, end, actor in first_person_in_quotes(spacy_doc, sentences, known):
        refer(start, end, actor, "chain-speaker")
    chains: dict[str, Chain] = {}
    by_span: dict[tuple[int, int], ActorRef] = {}
    for mention in sorted([*resolved, *references], key=lambda m: m.start):
        assert mention.actor is not None
        key = actor_key(mention.actor)
        chains.setdefault(key, Chain(key, mention.actor)).mentions.append(mention)
        by_span[(mention.start, mention.end)] = mention.actor
    taken = {(m.start, m.end) for m in resolved}
    others = [m for m in mentions if m.actor is None and m.method != "pronoun" and (m.start, m.end) not in taken]
    everything = sorted([*resolved, *references, *others], key=lambda m: (m.start, m.end))
    return MentionChains(list(chains.values()), references, everything, by_span)


def first_person_in_quotes(
    doc: Doc, sentences: list[Sentence], known: dict[tuple[int, int], ActorRef]
) -> list[tuple[int, int, ActorRef]]:
    """ "I" and "we" inside quotation marks, each with the quote's speaker: the subject of a speech
    verb outside the marks in the quote's sentence, else in the sentence after or before it in the
    same paragraph ("“We will not yield,” he said." gives whoever "he" stands for)."""
    text = doc.text  # built from every token: once per document, not once per quote
    quotes = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    words = reference_words()
    sentence_ends = [s.end for s in sentences]
    quote_starts = [a for a, _ in quotes]
    spans = Spans(known.items(), lambda item: item[0])
    found: list[tuple[int, int, ActorRef]] = []
    for a, b in quotes:
        inside = doc.char_span(a, b, alignment_mode="expand")
        pronouns = [t for t in inside or [] if t.tag_ in {"PRP", "PRP$"} and t.lower_ in words.first_person]
        if not pronouns:
            continue
        speaker = _quote_speaker(doc, text, sentences, sentence_ends, (quotes, quote_starts), a, b, spans)
        if speaker is not None:
            found += [(t.idx, t.idx + len(t.text), speaker) for t in pronouns]
    return found


def _quote_speaker(
    doc: Doc,
    text: str,
    sentences: list[Sentence],
    sentence_ends: list[int],
    quoted: tuple[list[tuple[int, int]], list[int]],
    start: int,
    end: int,
    known: Spans[tuple[tuple[int, int], ActorRef]],
) -> ActorRef | None:
    first_index = bisect.bisect_right(sentence_ends, start)
    holding: list[Sentence] = []
    for sentence in itertools.islice(sentences, first_index, None):
        if sentence.start >= end:
            break
        holding.append(sentence)
    if not holding:
        return None
    window = sentences[max(0, first_index - 1) : first_index + len(holding) + 1]
    after = [s for s in window if s.index == holding[-1].index + 1]
    before = [s for s in window if s.index == holding[0].index - 1]
    nearby = [s for s in [*after, *before] if "\n" not in text[min(s.end, start) : max(s.start, end)]]
    quotes, quote_starts = quoted
    speech_verbs = reference_words().speech_verbs
    for sentence in [*holding, *nearby]:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        for token in span or []:
            if token.lemma_.lower() not in speech_verbs or token.pos_ != "VERB":
                continue
            inside = bisect.bisect_right(quote_starts, token.idx) - 1
            if inside >= 0 and quotes[inside][0] <= token.idx < quotes[inside][1]:
                continue  # a cue inside the quoted words is part of them
            for subject in (c for c in token.children if c.dep_ in SUBJECTS):
                left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
                for _, actor in known.holding(subject.idx, subject.idx + 1) or known.inside(left, right):
                    return actor
    return None


def _with_unlisted_people(mentions: list[Mention]) -> list[Mention]:
    """Mentions with people the knowledge base does not list given an actor of their own name,
    a surname joining the fuller name said before it ("Alexander Downer" ... "Downer")."""
    by_surname: dict[str, ActorRef] = {}
    out = []
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.actor is None and mention.label == "PERSON" and mention.text[:1].isupper():
            name = " ".join(mention.text.split())
            surname = name.split()[-1]
            actor = by_surname.get(surname) or ActorRef(name=name, kind="person")
            by_surname.setdefault(surname, actor)
            mention = replace(mention, actor=actor)
        elif mention.actor is not None and mention.actor.kind == "person":
            by_surname.setdefault(mention.actor.name.split()[-1], mention.actor)
        out.append(mention)
    return out


def _reference_spans(doc: Doc, covered: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, head word) of each pronoun and definite reference no mention covers."""
    words = reference_words()
    found: list[tuple[int, int, str, str]] = []

    # Covered ranges by start, with the furthest end so far: a range overlaps [start, end) when
    # one starting before ``end`` ends after ``start`` (a scan of every range made long documents quadratic).
    ranges = sorted(covered)
    starts = [a for a, _ in ranges]
    furthest = list(itertools.accumulate((b for _, b in ranges), max))

    def free(start: int, end: int) -> bool:
        before = bisect.bisect_left(starts, end)
        return before == 0 or furthest[before - 1] <= start

    for token in doc:
        lower = token.lower_
        start, end = token.idx, token.idx + len(token.text)
        if token.tag_ in {"PRP", "PRP$"}:
            if lower in words.person_pronouns and free(start, end):
                found.append((start, end, "person", lower))
            elif lower in words.group_pronouns and free(start, end):
                if lower in words.expletive_pronouns and (token.dep_ not in SUBJECTS or token.head.lemma_ == "be"):
                    continue  # "it is likely that": no actor
                found.append((start, end, "group", lower))
            continue
        if token.pos_ not in {"NOUN", "PROPN"} or not free(start, end):
            continue
        determiners = [c for c in token.children if c.dep_ in {"det", "nummod", "predet"} and c.i < token.i]
        if not determiners:
            continue
        first = min(determiners, key=lambda t: t.i)
        if any(c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in token.children):
            continue  # "Iran's minister", "the Iran envoy": the resolver's title phrases
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
            continue  # "the spokeswoman, Leyla Demir,": the name follows, nothing to refer back to
        lemma = token.lemma_.lower()
        det_words = {t.lower_ for t in determiners}
        span_start = first.idx
        if det_words & words.pair_words and lemma in {w.rstrip("s") for w in words.pair_nouns} | words.pair_nouns:
            found.append((span_start, end, "pair", lemma))
        elif "the" in det_words and lower in words.person_nouns:
            found.append((span_start, end, "person", lemma))
        elif "the" in det_words and (lower in words.institution_nouns or lemma in words.institution_nouns):
            found.append((span_start, end, "institution", lemma))
        elif "the" in det_words and lower in words.state_nouns:
            found.append((span_start, end, "state", lemma))
    return found


def _compatible(actor: ActorRef, kind: str, head: str) -> bool:
    if kind == "person":
        return actor.kind == "person"
    if kind == "group":
        return actor.kind in GROUP_KINDS
    if kind == "institution":
        return actor.kind in {"institution", "state", "igo"}
    if kind == "state":
        return actor.kind == "state"
    return actor.kind in {"person", "state", "igo"}  # pair


def candidate_features(
    context: _Context, resolved: list[Mention], start: int, end: int, kind: str, head: str
) -> list[tuple[ActorRef, dict[str, float]]]:
    """One candidate per actor named before the reference, with the features the ranker scores."""
    sentence = context.sentence_of(start)
    paragraph = context.paragraph_of(start)
    # ``resolved`` is sorted by start: only mentions from LOOKBACK_SENTENCES sentences back to the reference count.
    first = context.sentence_starts[max(0, sentence - LOOKBACK_SENTENCES)] if sentence > LOOKBACK_SENTENCES else None
    low = 0 if first is None else bisect.bisect_left(resolved, first, key=lambda m: m.start)
    high = bisect.bisect_right(resolved, start, key=lambda m: m.start)
    before = [
        m
        for m in resolved[low:high]
        if m.end <= start
        and m.actor is not None
        and _compatible(m.actor, kind, head)
        and sentence - context.sentence_of(m.start) <= LOOKBACK_SENTENCES
    ]
    if not before:
        return []
    reference_token = context.token_at(start + (end - start) - 1)
    reference_subject = reference_token is not None and reference_token.dep_ in SUBJECTS
    latest: dict[str, Mention] = {}
    counts: dict[str, int] = {}
    order: list[str] = []
    for mention in before:
        assert mention.actor is not None
        key = actor_key(mention.actor)
        if key not in counts:
            order.append(key)
        counts[key] = counts.get(key, 0) + 1
        latest[key] = mention
    nearest = max(latest, key=lambda k: latest[k].end)
    out = []
    for key, mention in latest.items():
        assert mention.actor is not None
        token = context.token_at(mention.end - 1)
        subject = token is not None and (token.dep_ in SUBJECTS or token.head.dep_ in SUBJECTS)
        speaks = bool(
            token is not None and token.dep_ in SUBJECTS and token.head.lemma_.lower() in reference_words().speech_verbs
        )
        role = (mention.actor.role or "").lower() + " " + mention.text.lower() + " " + mention.actor.name.lower()
        gap = sentence - context.sentence_of(mention.start)
        features = {
            "same_sentence": float(gap == 0),
            "sentence_gap": min(gap, 5) / 5,
            "same_paragraph": float(context.paragraph_of(mention.start) == paragraph),
            "subject": float(subject),
            "speaks": float(speaks),
            "in_quote": float(context.in_quote(mention.start, mention.end)),
            "salience": min(counts[key], 5) / 5,
            "nearest": float(key == nearest),
            "role_match": float(kind in {"person", "institution"} and head in role),
            "parallel": float(subject and reference_subject),
            "first_named": float(key == order[0]),
        }
        out.append((mention.actor, features))
    return out


def best_candidate(reference: Reference, model: Ranker) -> ActorRef | None:
    """The candidate the ranker scores highest (for a pair, the one named before the last)."""
    if not reference.candidates:
        return None
    if reference.kind == "pair":
        return reference.candidates[-1][0] if len(reference.candidates) >= 2 else None
    candidates = reference.candidates
    if reference.kind == "institution":
        # "the ministry": a ministry named before, if there is one, over the state it belongs to.
        named = [(a, f) for a, f in candidates if a.kind == "institution" and reference.head in a.name.lower()]
        candidates = named or candidates
    actor, _ = max(candidates, key=lambda pair: model.score(pair[1]))
    return actor


def _antecedent(reference: Reference, text: str) -> ActorRef | None:
    actor = best_candidate(reference, ranker())
    if actor is not None and reference.kind == "institution" and actor.kind == "state":
        # "the ministry" after "Iran": an institution of that state, not the state itself.
        name = text[reference.start : reference.end]
        return ActorRef(name=name, country=actor.country, sector="GOV", kind="institution")
    return actor


def as_dict(chains: MentionChains) -> list[dict[str, Any]]:
    """The chains as plain data (for inspection and tests)."""
    return [{"actor": c.actor.name, "mentions": [m.text for m in c.mentions]} for c in chains.chains]
