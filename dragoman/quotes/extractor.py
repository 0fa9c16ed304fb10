"""Statements: who said what, direct, partial or reported, with the speaker resolved."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dragoman.actors.chains import chains_for
from dragoman.domain.identity import actor_key
from dragoman.domain.ranges import Ranges, Spans, trimmed
from dragoman.domain.records import ActorRef, Document, Mention, Sentence, StanceTarget, Statement
from dragoman.nlp.status import content_status
from dragoman.nlp.syntax import negated, set_apart
from dragoman.quotes.channels import carrier_of, channel_of_cue
from dragoman.quotes.cues import QuoteWords, load_quote_words, packaged_words
from dragoman.quotes.headlines import headline_of, labelled, restated
from dragoman.quotes.marks import QuoteSpan, quote_spans
from dragoman.quotes.stance import stance_of
from dragoman.quotes.turns import Turn, signed_quotes, transcript_turns

HEADLINE_CUE = re.compile(r"\b(headline|titled|entitled|front page)\b", re.I)
TWEET_CUE = re.compile(r"\b(twitter|tweet\w*|on x\b|telegram channel|social media)\b", re.I)
SUBJECTS = {"nsubj", "nsubjpass"}
RELATIVE = {"that", "who", "which", ","}
RELATIVE_PRONOUNS = {"that", "which"}
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}
FINITE = {"VBD", "VBZ", "VBP"}
# Links a cue with no subject of its own climbs to find one ("by saying", ", stating that", "ran a headline").
CLIMB = {"advcl", "xcomp", "conj", "pcomp", "prep", "pobj", "dobj"}
LOOKBACK_CHARS = 800
# "CONTENT, according to X": the phrase is set off from what it attributes.
WIRE_DASHES = {"-", "\u2013", "\u2014"}
SET_OFF = {",", "(", ";", "\u2014", "\u2013", "-"}
NON_SPEAKERS = {"region", "agreement"}
PREPOSITION_CUES = frozenset({"call", "attribute", "appeal"})  # "called for X", "appealed to X to ..."
CARRY_WORDS = 30  # an attribution sentence this short carries on to the quote after it
SPLIT_GAP = 200  # the most text between two pieces of one quote (the attribution between them)
NAME_LINKS = frozenset({"of", "in", "the", "and", "for", "on", "de", "al"})


@dataclass
class Attribution:
    """A cue in a sentence and the speaker it names."""

    sentence: Sentence
    cue: Token
    speaker: Mention | None
    speaker_text: str | None
    cue_stance: str | None
    channel: str | None = None
    cut: int | None = None  # where an outlet's trailing cue starts (", X reported"): not content


class QuoteExtractor:
    """Rule-based statements over the parse and the resolved mentions."""

    NAME = "quotes.rules"
    # 1.16: content credited to a news outlet ("X newspaper reported") keeps its own status
    # 1.17: a deed after a noun of refusal or reluctance ("a refusal to sign") is cancelled (nlp/syntax.py)
    VERSION = "1.17"

    def __init__(self, lexicon_files: Sequence[Path] = ()) -> None:
        self.words: QuoteWords = load_quote_words(lexicon_files) if lexicon_files else packaged_words()

    @property
    def component(self) -> str:
        return f"{self.NAME}@{self.VERSION}"

    def extract(
        self, document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
    ) -> list[Statement]:
        body = [s for s in sentences if not s.furniture]
        spans = quote_spans(document.text)
        quotes = [(q.start, q.end) for q in spans]
        quote_ranges = Ranges(quotes)
        # Pronouns and references ("he", "the ministry") stand for the actor their chain names.
        chained = chains_for(document, spacy_doc, sentences, mentions).mentions
        # A speaker is never a name inside the quoted words.
        speakable = [
            m
            for m in chained
            if not any(
                a <= m.start and m.end <= b and b - a > m.end - m.start + 3
                for a, b in quote_ranges.overlapping(m.start, max(m.end, m.start + 1))
            )
        ]
        by_sentence: dict[int, list[Mention]] = {}
        for mention in speakable:
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
        cues: dict[int, list[Attribution]] = {}
        for sentence in body:
            span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            inside = quote_ranges.overlapping(span.start_char, span.end_char)
            found = self._attributions(sentence, span, by_sentence.get(sentence.index, []), speakable, inside)
            if found:
                cues[sentence.index] = found
        attributions = {index: found[0] for index, found in cues.items()}
        statements: list[Statement] = []
        quoted_sentences: set[int] = set()
        # What the quotes and "according to" took of each sentence: another cue there speaks
        # only with a clause of its own outside them ("“...,” he said, adding that ...").
        claimed: dict[int, list[tuple[int, int]]] = {}
        names = {(m.start, m.end) for m in mentions}
        body_starts, body_ends = [s.start for s in body], [s.end for s in body]
        by_start = Spans(mentions, _span)
        found_for: list[tuple[QuoteSpan, list[Sentence], Attribution | None]] = []
        turns = [*transcript_turns(document.text), *signed_quotes(document.text)]
        # A quote that opens a transcript turn or is signed has its speaker beside it, whatever cue is near.
        turn_starts = Ranges([(t.content[0] - 2, t.content[0] + 1) for t in turns])
        for quote in spans:
            start, end = quote.start, quote.end
            if document.is_furniture(start, end) or (start, end) in names or _is_name(document.text[start:end]):
                continue  # furniture, or a name in quotation marks (“Kayhan” newspaper)
            if turn_starts.overlapping(start, start + 1) or _modifier_in_quotes(spacy_doc, start, end):
                continue
            containing = body[bisect.bisect_right(body_ends, start) : bisect.bisect_left(body_starts, end)]
            if not containing:
                continue
            nearest = self._nearest(containing, attributions, document.text, quotes)
            if nearest is not None:
                nearest = _governing(cues[nearest.sentence.index], start) or nearest
            found_for.append((quote, containing, nearest))
        # The pieces of a quote running on over paragraphs share the speaker of the piece that has one.
        by_group: dict[int, Attribution] = {}
        for quote, _, nearest in found_for:
            if nearest is not None:
                by_group.setdefault(quote.group, nearest)
        resolved: list[tuple[QuoteSpan, list[Sentence], Attribution]] = []
        for quote, containing, nearest in found_for:
            attribution = nearest or by_group.get(quote.group)
            if attribution is None:
                continue
            if nearest is None:
                containing = [s for s in containing if s.index != attribution.sentence.index]
                attribution = Attribution(
                    containing[0],
                    attribution.cue,
                    attribution.speaker,
                    attribution.speaker_text,
                    attribution.cue_stance,
                    attribution.channel,
                )
            resolved.append((quote, containing, attribution))
        for pieces in _split_quotes(document.text, resolved):
            quote, containing, attribution = pieces[0]
            start, end = quote.start, pieces[-1][0].end
            containing = sorted({s.index: s for _, c, _ in pieces for s in c}.values(), key=lambda s: s.index)
            quoted_sentences.update(s.index for s in containing)
            sentence = attribution.sentence
            first, last = containing[0], containing[-1]
            outer_start, outer_end = min(first.start, sentence.start), max(last.end, sentence.end)
            # A quote split by its cue ("“...,” he said, “...”") is direct in each piece.
            quoted = sum(
                min(b, outer_end) - max(a, outer_start) for a, b in quote_ranges.overlapping(outer_start, outer_end)
            )
            quote_share = quoted / max(1, outer_end - outer_start)
            kind = _kind_of(sentence, "direct" if quote_share > 0.45 else "partial")
            content_start, content_end = start, end
            says_clause = any(c.dep_ in {"ccomp", "xcomp"} for c in attribution.cue.children)
            clause = self._reported_content(attribution) if says_clause else None
            if clause is not None and clause[0] <= start < clause[1]:
                # Quoted words inside reported speech ("said that the plan was “a disaster”"):
                # the reported clause, with the quote to its end, is what was said.
                content_start, content_end = min(clause[0], start), max(clause[1], end)
            gaps = [(a[0].end, b[0].start) for a, b in zip(pieces, pieces[1:], strict=False)]
            statements.append(
                self._statement(
                    document, attribution, kind, content_start, content_end, outer_start, outer_end, by_start, gaps
                )
            )
            cue = attribution.cue
            for held in {s.index for s in containing} | {sentence.index}:
                claimed.setdefault(held, []).extend(
                    [(content_start, content_end), (cue.idx, cue.idx + len(cue)), *quote_ranges.overlapping(start, end)]
                )
        for sentence in body:
            if sentence.index in quoted_sentences:
                continue
            span = spacy_doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            according = self._according_to(sentence, span, by_sentence.get(sentence.index, [])) if span else None
            if according is not None:
                source, (content_start, content_end) = according
                quoted_sentences.add(sentence.index)  # its cue verb, if any, belongs to the content
                claimed.setdefault(sentence.index, []).append((sentence.start, sentence.end))
                statements.append(
                    self._statement(
                        document,
                        source,
                        _kind_of(sentence, "indirect"),
                        content_start,
                        content_end,
                        sentence.start,
                        sentence.end,
                        by_start,
                    )
                )
        for index, found in cues.items():
            # The first cue that introduces something ("in an interview, he criticized X": the verb),
            # then any other speaker's cue in the sentence with a clause of its own beside it.
            reported = [(a, self._reported_content(a)) for a in found]
            taken: list[tuple[int, int]] = list(claimed.get(index, []))
            for attribution, content in reported:
                if content is None:
                    continue
                if attribution.cut is not None and content[0] < attribution.cut < content[1]:
                    content = _trim_span(document.text, content[0], attribution.cut)
                cue_at = attribution.cue.idx
                # After the first, a cue speaks with a clause of its own, or takes a stance on its object.
                own_words = any(c.dep_ in {"ccomp", "xcomp"} for c in attribution.cue.children) or (
                    attribution.cue_stance is not None and any(c.dep_ == "dobj" for c in attribution.cue.children)
                )
                if taken and (
                    attribution.speaker is None
                    or not own_words
                    or any(a <= cue_at < b or (content[0] < b and a < content[1]) for a, b in taken)
                ):
                    continue
                taken.append(content)
                sentence = attribution.sentence
                kind = _kind_of(sentence, "indirect")
                cue_words = (
                    attribution.cue.left_edge.idx,
                    attribution.cue.right_edge.idx + len(attribution.cue.right_edge),
                )
                gaps = [cue_words] if content[0] < cue_at < content[1] else []
                statements.append(
                    self._statement(
                        document,
                        attribution,
                        kind,
                        content[0],
                        content[1],
                        sentence.start,
                        sentence.end,
                        by_start,
                        gaps,
                    )
                )
        headline = headline_of(document, sentences)
        if headline is not None and not any(s.sentence_index == headline.index for s in statements):
            statement = self._headline_statement(document, spacy_doc, headline, speakable, statements, by_start)
            if statement is not None:
                statements.append(statement)
        statements += self._turn_statements(document, spacy_doc, turns, body, speakable, statements, by_start)
        statements.sort(key=lambda s: (s.start, s.content_start))
        return statements

    def _turn_statements(
        self,
        document: Document,
        spacy_doc: Doc,
        turns: list[Turn],
        body: list[Sentence],
        speakable: list[Mention],
        statements: list[Statement],
        mentions: Spans[Mention],
    ) -> list[Statement]:
        """Transcript turns ("LAVROV: ...") and signed quotes ("“...” ― Name"): the label or the
        signature is the speaker when it names a person the document knows."""
        text = document.text
        people = {e.start_char for e in spacy_doc.ents if e.label_ == "PERSON"}
        person_words = {e.text.split()[-1].upper(): e for e in spacy_doc.ents if e.label_ == "PERSON"}
        taken = {s.content_start for s in statements}
        body_starts = [s.start for s in body]
        found = []
        for turn in turns:
            (label_start, label_end), (content_start, content_end) = turn.label, turn.content
            index = bisect.bisect_right(body_starts, content_start) - 1
            if index < 0 or content_start in taken or document.is_furniture(content_start, content_end):
                continue
            sentence = body[index]
            label = text[label_start:label_end].rstrip(".")
            named = [m for m in speakable if label_start <= m.start and m.end <= label_end and _speaks(m)]
            if turn.capitals:
                # "LAVROV:" stands for the person the document names in full ("Sergei Lavrov").
                last = label.split()[-1].upper()
                in_full = [
                    m
                    for m in speakable
                    if m.start < label_start and len(m.text.split()) > 1 and m.text.split()[-1].upper() == last
                ]
                named = in_full or named
                if not named and last not in person_words:
                    continue
            elif not any(m.actor and m.actor.kind == "person" for m in named) and not any(
                label_start <= start < label_end for start in people
            ):
                continue
            resolved = [m for m in named if m.actor is not None]
            speaker = max(resolved or named, key=lambda m: (m.end - m.start, m.start)) if named else None
            marks = spacy_doc.char_span(label_start, label_end, alignment_mode="expand")
            if marks is None or not len(marks):
                continue
            cue = marks[-1].nbor(1) if label_start < content_start and marks[-1].i + 1 < len(spacy_doc) else marks[0]
            attribution = Attribution(sentence, cue, speaker, label, None)
            start, end = min(label_start, content_start), max(label_end, content_end)
            kind = _kind_of(sentence, "direct")
            found.append(self._statement(document, attribution, kind, content_start, content_end, start, end, mentions))
            taken.add(content_start)
        return found

    def _headline_statement(
        self,
        document: Document,
        spacy_doc: Doc,
        headline: Sentence,
        speakable: list[Mention],
        statements: list[Statement],
        mentions: Spans[Mention],
    ) -> Statement | None:
        """A headline naming its speaker by a colon or a dash, or restating the lead's statement."""
        found = labelled(headline)
        if found is not None:
            (speaker_start, speaker_end), (content_start, content_end) = found
            # The label's last word names the speaker: "Iran:", "Lavrov:", not a title naming
            # something else ("The Emerging Moscow–Tehran Axis: ...").
            label_end = speaker_start + len(document.text[speaker_start:speaker_end].rstrip(" .,"))
            named = [m for m in speakable if speaker_start <= m.start and m.end == label_end and _speaks(m)]
            resolved = [m for m in named if m.actor is not None]
            speaker = max(resolved or named, key=lambda m: m.end - m.start) if named else None
            if speaker is None and not any(
                e.label_ in {"PERSON", "ORG", "GPE", "NORP"}
                for e in spacy_doc.ents
                if speaker_start <= e.start_char and e.end_char == label_end
            ):
                return None
            marker = (
                spacy_doc.char_span(speaker_end, speaker_end + 1, alignment_mode="expand")
                if speaker_start == headline.start
                else spacy_doc.char_span(content_end, speaker_start, alignment_mode="expand")
            )
            if marker is None or not len(marker):
                return None
            attribution = Attribution(headline, marker[0], speaker, document.text[speaker_start:speaker_end], None)
            return self._statement(
                document, attribution, "headline", content_start, content_end, headline.start, headline.end, mentions
            )
        lead = restated(headline, statements)
        if lead is None or (lead.speaker is None and not lead.speaker_text):
            return None
        span = spacy_doc.char_span(headline.start, headline.end, alignment_mode="expand")
        if span is None:
            return None
        content_start, content_end = _trim_span(document.text, headline.start, headline.end)
        cue = next((t for t in span if t.lower_ == (lead.cue or "").lower()), span[0])
        statement = self._statement(
            document,
            Attribution(headline, cue, None, lead.speaker_text, None, lead.channel),
            "headline",
            content_start,
            content_end,
            headline.start,
            headline.end,
            mentions,
        )
        statement.speaker = lead.speaker
        statement.confidence = lead.confidence
        return statement

    # -- attribution -----------------------------------------------------------------
    def _attributions(
        self,
        sentence: Sentence,
        span: Span,
        mentions: list[Mention],
        everything: list[Mention],
        quotes: list[tuple[int, int]] = [],  # noqa: B006 (read only)
    ) -> list[Attribution]:
        """Every cue in the sentence with its speaker, the one that introduces a clause first.

        A cue inside quotation marks ("“As I said, ...”") is part of the quoted words, not their attribution.
        """
        # A cue that introduces a clause ("stating that ...") says more than one with a bare object.
        outside = [t for t in span if not any(a <= t.idx < b for a, b in quotes)]
        # A noun of saying ("his claim that ...") comes after every verb cue.
        # A cue hanging from another (", commenting that ...") comes after it, and a verb that
        # frames ("sees X as ...") after one that speaks.
        framing = self.words.naming_verbs | self.words.as_verbs
        speaking = self.words.cue_lemmas.keys() | framing
        ordered = sorted(
            outside,
            key=lambda t: (
                t.pos_ == "NOUN",
                t.dep_ in {"advcl", "xcomp"} and t.head.lemma_.lower() in speaking,
                not any(c.dep_ == "ccomp" for c in t.children),
                t.lemma_.lower() in framing,
                t.i,
            ),
        )
        found = []
        for token in ordered:
            attribution = self._attribution_at(token, sentence, mentions, everything, quotes)
            if attribution is not None:
                found.append(attribution)
        return self._with_channels(found, mentions)

    def _with_channels(self, found: list[Attribution], mentions: list[Mention]) -> list[Attribution]:
        """The outlet apart from the speaker: "X quoted Y (as saying)", "X reported Y said", "Y told X",
        "in an interview with X": the outlet's own cue gives way to the speaker's."""
        dropped: set[int] = set()
        for attribution in found:
            cue = attribution.cue
            framing = _framed(cue, self.words) is not None
            if cue.lemma_.lower() in {"quote", "cite"} and attribution.speaker_text and not framing:
                objects = [c for c in cue.children if c.dep_ == "dobj"]
                quoted = list(objects[0].subtree) if objects else []
                speaker = self._speaker(cue, quoted, mentions) if quoted else None
                if quoted and (speaker is not None or any(t.pos_ == "PROPN" for t in quoted)):
                    outlet = (
                        attribution.speaker.actor.name if attribution.speaker and attribution.speaker.actor else None
                    )
                    channel = outlet or attribution.speaker_text
                    inner = [a for a in found if a is not attribution and a.cue in cue.subtree]
                    target = inner[0] if inner else attribution
                    if inner:
                        dropped.add(cue.i)
                    target.speaker = speaker
                    target.speaker_text = speaker.text if speaker else " ".join(t.text for t in quoted)
                    target.channel = channel
                    continue
            carrier = carrier_of(cue, mentions, self.words)
            if carrier is not None and carrier[0].i != cue.i:
                dropped.add(carrier[0].i)
                attribution.channel = carrier[1]
                carrier_subjects = [c for c in carrier[0].children if c.dep_ in SUBJECTS]
                if carrier_subjects and carrier_subjects[0].i > cue.i:
                    attribution.cut = carrier_subjects[0].left_edge.idx
            elif attribution.channel is None:
                attribution.channel = channel_of_cue(cue, mentions, self.words)
        return [a for a in found if a.cue.i not in dropped]

    def _attribution_at(
        self,
        token: Token,
        sentence: Sentence,
        mentions: list[Mention],
        everything: list[Mention],
        quotes: list[tuple[int, int]] = [],  # noqa: B006 (read only)
    ) -> Attribution | None:
        stance = self._cue_stance(token)
        if stance is False or negated(token):
            return None  # not a cue, or a negated one ("did not criticise", "refrained from endorsing")
        if _asked(token):
            return None  # the writer's question ("does it indicate a partnership of convenience?")
        subject = self._subject_tokens(token)
        if subject and all(any(a <= t.idx < b for a, b in quotes) for t in subject if not t.is_punct):
            subject = []  # a title in quotation marks misread as the subject ("said on “Fox and Friends.”")
        own = [c for c in token.children if c.dep_ in SUBJECTS]
        if own and own[0].lower_ in RELATIVE_PRONOUNS and token.lemma_.lower() in self.words.evidential:
            return None  # "..., which shows that ...": the clause goes on with the speaker's words
        speaker = self._speaker(token, subject, mentions)
        if speaker is None and not subject:
            return None
        if speaker is None and all(t.ent_type_ in {"DATE", "TIME"} or t.is_punct for t in subject):
            return None  # a misparse made a date the subject ("a resolution on February 28 that described")
        speaker_text = speaker.text if speaker else " ".join(t.text for t in subject)
        if speaker is None and speaker_text.lower() == "it" and token.dep_ != "ROOT":
            return None  # "It is safe to argue that ...": the author's own voice
        if speaker is None and self.words.definite_title.match(speaker_text):
            speaker = _last_person_before(everything, sentence.start)
        return Attribution(sentence, token, speaker, speaker_text, stance if isinstance(stance, str) else None)

    def _according_to(
        self, sentence: Sentence, span: Span, mentions: list[Mention]
    ) -> tuple[Attribution, tuple[int, int]] | None:
        """ "According to X, CONTENT" or "CONTENT, according to X": the rest of the sentence is X's."""
        for token in span[:-1]:
            if token.lower_ != "according" or token.nbor(1).lower_ != "to":
                continue
            phrase = sorted({*token.subtree, *token.nbor(1).subtree}, key=lambda t: t.i)
            phrase_start, phrase_end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
            source = [m for m in mentions if phrase_start <= m.start and m.end <= phrase_end and _speaks(m)]
            people = [m for m in source if m.actor and m.actor.kind == "person"]
            pool = people or [m for m in source if m.actor] or source
            speaker = pool[0] if pool else None
            text = doc_text(span.doc)
            source_text = text[token.nbor(1).idx + 3 : phrase_end] or None
            if phrase_start - sentence.start <= 2:
                content_start, content_end = phrase_end, sentence.end
            elif text[sentence.start : phrase_start].rstrip()[-1:] in SET_OFF:
                content_start, content_end = sentence.start, phrase_start
            else:
                continue  # "adjusted their policies according to the new realities": no source
            content_start, content_end = _trim_span(text, content_start, content_end)
            if content_end - content_start < 8:
                return None
            return Attribution(sentence, token, speaker, source_text, None), (content_start, content_end)
        return None

    def _cue_stance(self, token: Token) -> str | None | bool:
        """The cue's own stance (or None) when the token is a speech cue; False when it is not."""
        words = self.words
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and _framed(token, words) is not None:
            return words.cue_lemmas.get(lemma)  # "called the charges baseless", "sees X as a partner"
        if token.pos_ in {"VERB", "AUX"} and lemma in words.cue_lemmas:
            particles = words.needs_particle.get(lemma)
            if particles and not any(c.lower_ in particles for c in token.children):
                return False
            deps = {c.dep_ for c in token.children}
            if lemma in words.object_not_speech and "dobj" in deps and "ccomp" not in deps:
                return False  # "added a new dimension", not "added that ..."
            if lemma in words.clause_only and "ccomp" not in deps:
                return False  # "expects a reply", not "expects that ..."
            return words.cue_lemmas[lemma]
        if words.cue_surface.match(token.lower_):
            return words.cue_lemmas.get(lemma)
        if token.pos_ == "NOUN" and token.lemma_.lower() in words.claim_nouns and _that_clause(token) is not None:
            # Not when another cue reports it ("affirmed Russia's contention that ..."): that cue speaks.
            return False if token.head.lemma_.lower() in words.cue_lemmas else None
        noun_cue = token.pos_ == "NOUN" and token.lemma_.lower() in words.noun_cues
        if noun_cue and token.dep_ in SUBJECTS | {"dobj", "pobj"}:
            return None
        return False

    @staticmethod
    def _subject_tokens(token: Token) -> list[Token]:
        """The subject of the cue, or of the clause it hangs from (", stating that ...", "by saying ...")."""
        possessor = [c for c in token.children if c.dep_ == "poss"] if token.pos_ == "NOUN" else []
        if possessor:
            return list(possessor[0].subtree)  # "Raisi's speech"
        current: Token | None = token
        for _ in range(5):
            if current is None:
                break
            subjects = [c for c in current.children if c.dep_ in SUBJECTS]
            if subjects and subjects[0].lower_ in RELATIVE and current.dep_ == "relcl":
                # The antecedent, without its clauses ("politicians who see Russia as ... but reject").
                antecedent = current.head
                clauses = {t.i for c in antecedent.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
                return [t for t in antecedent.subtree if t.i not in clauses and t.lower_ not in RELATIVE]
            if subjects:
                subject = subjects[-1]  # of two (a misparse), the one next to the verb
                apart = set_apart(subject)
                tokens = [t for t in subject.subtree if t.i not in apart]
                # "Reuters - China has said": a wire credit the parse joins to the subject.
                dashes = [t for t in tokens[:4] if t.text in WIRE_DASHES and t.head.i == subject.i]
                if dashes and all(t.pos_ == "PROPN" for t in tokens if t.i < dashes[0].i):
                    tokens = [t for t in tokens if t.i > dashes[0].i]
                # A misparse can make an adverb the subject ("Owji optimistically predicted").
                return tokens if any(t.pos_ in NOMINAL for t in tokens) else []
            climbs = current.dep_ in CLIMB and (current.dep_ != "dobj" or current.i == token.i)
            if climbs and current.head.i != current.i:
                current = current.head
            else:
                break
        return []

    def _speaker(self, token: Token, tokens: list[Token], mentions: list[Mention]) -> Mention | None:
        """The mention that speaks for a cue, from its subject ``tokens`` (``_subject_tokens``)."""
        candidates: list[Mention] = []
        if tokens:
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            candidates = [m for m in mentions if m.start >= start and m.end <= end and _speaks(m)]
            # A title mention wider than a misparsed subject ("Iran's then-Ambassador ... Sanaei").
            candidates += [m for m in mentions if m.start < start < m.end <= end and _speaks(m)]
        if not tokens and (token.tag_ in FINITE or self.words.cue_surface.match(token.lower_)):
            # A name just before a finite cue, when the parser misread the pair ("Raisi decried ...",
            # "Owji optimistically (but ...) predicted"): nothing but modifiers in between.
            before = [m for m in mentions if 0 <= token.idx - m.end <= 60 and _speaks(m) and not _modifier(token, m)]
            between = [t for t in token.sent if before and before[-1].end <= t.idx < token.idx]
            if before and not any(t.pos_ in {"VERB", "AUX"} for t in between):
                candidates = before[-1:]
        if not candidates:
            return None
        head = next((t for t in tokens if t.head.i == t.i or t.head not in tokens), None) if tokens else None
        if head is not None and head.lemma_.lower() in self.words.crowds:
            return None  # "protesters in Tehran chanted": people in a place, not its government
        words = [head, *(c for c in head.children if c.dep_ == "compound")] if head is not None else []

        def holds_head(m: Mention) -> bool:
            return any(m.start <= w.idx < m.end for w in words)

        # The person if there is one (title phrases hold the person), first the one at the subject's
        # head ("Khamenei, Amir-Abdollahian and Larijani blamed"); else the mention at the head
        # ("Fars", not "IRGC-linked"), else any resolved one, widest first.
        people = [m for m in candidates if m.actor and m.actor.kind == "person"]
        for pool in (
            [m for m in people if holds_head(m)],
            people,
            [m for m in candidates if holds_head(m)],
            [m for m in candidates if m.actor],
            candidates,
        ):
            if pool:
                return max(pool, key=lambda m: (m.end - m.start, -m.start))
        return None

    @staticmethod
    def _nearest(
        containing: list[Sentence], attributions: dict[int, Attribution], text: str, quotes: list[tuple[int, int]]
    ) -> Attribution | None:
        """The attribution in the quote's sentences; else, in the same paragraph, the one just before
        (a quote that goes on after "“...,” she said."); else a short one just after or before."""
        for sentence in containing:
            if sentence.index in attributions:
                return attributions[sentence.index]
        after = attributions.get(containing[-1].index + 1)
        before = attributions.get(containing[0].index - 1)
        if before is not None and "\n" not in text[before.sentence.end : containing[0].start]:
            if _words_outside(before.sentence, quotes) <= CARRY_WORDS:
                return before
        for attribution in (after, before):
            if attribution is not None and _words_outside(attribution.sentence, quotes) <= 12:
                return attribution
        return None

    def _reported_content(self, attribution: Attribution) -> tuple[int, int] | None:
        """The clause or object a reporting verb introduces, as document offsets."""
        cue = attribution.cue
        lemma = cue.lemma_.lower()
        clause = _that_clause(cue) if cue.pos_ == "NOUN" else None
        if clause is not None:
            return clause
        framed = _framed(cue, self.words) if cue.pos_ == "VERB" else None
        if framed is not None:
            return framed
        for child in cue.children:
            said_object = child.dep_ == "dobj" and (attribution.cue_stance or lemma in self.words.object_speech)
            if child.i < cue.i and any(t.text == ";" for t in cue.doc[child.right_edge.i : cue.i]):
                continue  # "X warn of fraud; government says ...": a clause of its own before the semicolon
            if child.dep_ in {"ccomp", "xcomp"} or said_object:
                tokens = list(child.subtree)
                if child.dep_ == "dobj":
                    # "warned X against Y", "urged X to Y": what follows the object belongs with it.
                    after = [c for c in cue.children if c.i > child.i and c.dep_ in {"xcomp", "ccomp", "prep"}]
                    after = [c for c in after if c.dep_ != "prep" or c.lower_ in self.words.object_prepositions]
                    # Not past a clause of its own (", commenting that ..."): what follows is that clause's.
                    clauses = [c.i for c in cue.children if c.dep_ == "advcl" and c.i > child.i]
                    after = [c for c in after if not clauses or c.i < min(clauses)]
                    tokens += [t for c in after for t in c.subtree]
                tokens = [t for t in tokens if not t.is_punct or t.i not in (tokens[0].i, tokens[-1].i)]
                if len(tokens) < 2:
                    continue
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            if (
                child.dep_ == "prep"
                and child.lower_ in {"for", "on", "to"}
                and lemma in {"call", "attribute", "appeal"}
            ):
                tokens = list(child.subtree)[1:]
                # "appealed to world leaders to convene a conference": what they were asked to do goes with them.
                tokens += [t for c in cue.children if c.dep_ in {"xcomp", "ccomp"} and c.i > child.i for t in c.subtree]
                if tokens:
                    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        inserted = _inserted_content(cue)
        if inserted is not None:
            return inserted
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ in self.words.topic_prepositions and child.i > cue.i:
                # "spoke about the drones", "complained over delays": what was spoken of.
                objects = [t for c in child.children if c.dep_ in {"pobj", "pcomp"} for t in c.subtree]
                if objects:
                    return objects[0].idx, objects[-1].idx + len(objects[-1])
        if attribution.cue_stance and attribution.speaker is not None:
            # Misparsed "X decried Y": everything after the cue up to the sentence end.
            sentence = attribution.sentence
            start = cue.idx + len(cue.text) + 1
            end = sentence.end - (1 if sentence.text.endswith(".") else 0)
            if end - start > 3:
                return start, end
        return None

    # -- building ----------------------------------------------------------------------
    def _statement(
        self,
        document: Document,
        attribution: Attribution,
        kind: str,
        content_start: int,
        content_end: int,
        start: int,
        end: int,
        mentions: Spans[Mention],
        gaps: list[tuple[int, int]] | None = None,
    ) -> Statement:
        text = document.text
        while content_start < content_end and text[content_start].isspace():
            content_start += 1
        while content_end > content_start and text[content_end - 1].isspace():
            content_end -= 1
        content = text[content_start:content_end]
        speaker = attribution.speaker.actor if attribution.speaker else None
        inside = mentions.inside(content_start, content_end)
        targets = self._targets(document, content_start, content_end, attribution, inside, speaker, gaps or [])
        key = f"{document.doc_id}:{content_start}:{content_end}:{kind}"
        return Statement(
            id="q" + hashlib.sha1(key.encode()).hexdigest()[:15],
            doc_id=document.doc_id,
            sentence_index=attribution.sentence.index,
            kind=kind,
            speaker=speaker,
            speaker_text=attribution.speaker_text,
            cue=attribution.cue.text,
            content=content,
            content_start=content_start,
            content_end=content_end,
            start=start,
            end=end,
            extractor=self.component,
            confidence=0.8 if speaker is not None else 0.4,
            targets=targets,
            date=document.published,
            status=content_status(attribution.cue.doc, content_start, content_end).status,
            channel=attribution.channel,
        )

    @staticmethod
    def _targets(
        document: Document,
        content_start: int,
        content_end: int,
        attribution: Attribution,
        mentions: list[Mention],
        speaker: ActorRef | None,
        gaps: list[tuple[int, int]],
    ) -> list[StanceTarget]:
        """Who the content takes a stance on; names in the attribution between pieces are not its words."""
        content = document.text[content_start:content_end]
        stance, evidence = stance_of(content, attribution.cue_stance)
        if attribution.cue_stance in {"support", "oppose"}:
            # The cue acts on its content: endorsing an invasion is support, whatever the noun.
            stance, evidence = attribution.cue_stance, None  # type: ignore[assignment]
        seen: set[str] = set()
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in gaps)]
        named = [m for m in mentions if content_start <= m.start and m.end <= content_end and m.actor is not None]
        focus = _stance_focus(named, content_start, evidence, attribution)
        targets: list[StanceTarget] = []
        for mention in mentions:
            if not (content_start <= mention.start and mention.end <= content_end) or mention.actor is None:
                continue
            actor = mention.actor
            key = actor_key(actor)
            if actor.kind in NON_SPEAKERS or key in seen:
                continue
            if speaker is not None and key == actor_key(speaker):
                continue
            seen.add(key)
            if evidence is not None:
                ev_start, ev_end = content_start + evidence[0], content_start + evidence[1]
            else:
                ev_start, ev_end = attribution.cue.idx, attribution.cue.idx + len(attribution.cue.text)
            targets.append(
                StanceTarget(
                    actor=actor,
                    stance=stance if focus is None or mention in focus else "neutral",
                    evidence=document.text[ev_start:ev_end],
                    start=ev_start,
                    end=ev_end,
                )
            )
        return targets


def _stance_focus(
    named: list[Mention], content_start: int, evidence: tuple[int, int] | None, attribution: Attribution
) -> list[Mention] | None:
    """Which named actors a stance is about when the content names several (None: all of them).

    The possessor just before the evidence ("NATO's provocations") or the object right after a
    stance-bearing cue ("criticised Moscow") carries the stance; the others are only mentioned.
    """
    if len(named) <= 1:
        return None
    focus: list[Mention] = []
    if evidence is not None:
        at = content_start + evidence[0]
        focus = [m for m in named if 0 <= at - m.end <= 15]
    if not focus and attribution.cue_stance:
        cue_end = attribution.cue.idx + len(attribution.cue.text)
        focus = [m for m in named if 0 <= m.start - cue_end <= 5]
    return focus or named[:1]


def _words_outside(sentence: Sentence, quotes: list[tuple[int, int]]) -> int:
    """How many words of the sentence stand outside quotation marks (the attribution's own words)."""
    text = sentence.text
    for a, b in sorted(quotes, reverse=True):
        if sentence.start <= a and b <= sentence.end:
            text = text[: a - sentence.start] + text[b - sentence.start :]
    return len(text.split())


def _split_quotes(
    text: str, resolved: list[tuple[QuoteSpan, list[Sentence], Attribution]]
) -> list[list[tuple[QuoteSpan, list[Sentence], Attribution]]]:
    """Pieces of one quote under one cue ("“...,” she said. “...”"), grouped: consecutive quotes
    with the same cue in one paragraph (or one run over paragraphs) are one statement."""
    groups: list[list[tuple[QuoteSpan, list[Sentence], Attribution]]] = []
    for piece in sorted(resolved, key=lambda r: r[0].start):
        if groups:
            last_quote, _, last_attribution = groups[-1][-1]
            quote, _, attribution = piece
            gap = text[last_quote.end : quote.start]
            same_run = "\n" not in gap or quote.group == last_quote.group
            if attribution.cue.i == last_attribution.cue.i and same_run and len(gap) <= SPLIT_GAP:
                groups[-1].append(piece)
                continue
        groups.append([piece])
    return groups


def _governing(candidates: list[Attribution], quote_start: int) -> Attribution | None:
    """Of several cues in a sentence, the one whose clause holds the quote (not in its subject),
    else the nearest cue before it."""
    with_speaker = [a for a in candidates if a.speaker is not None]
    candidates = with_speaker or candidates
    holding = []
    for attribution in candidates:
        cue = attribution.cue
        left, right = cue.left_edge.idx, cue.right_edge.idx + len(cue.right_edge)
        subjects = [t for c in cue.children if c.dep_ in SUBJECTS for t in c.subtree]
        in_subject = bool(subjects) and subjects[0].idx <= quote_start < subjects[-1].idx + len(subjects[-1])
        if left <= quote_start < right and not in_subject:
            holding.append((right - left, attribution))
    if holding:
        return min(holding, key=lambda pair: pair[0])[1]
    before = [a for a in candidates if a.cue.idx < quote_start]
    return max(before, key=lambda a: a.cue.idx) if before else None


def _asked(cue: Token) -> bool:
    """A cue in a question put with an auxiliary before its subject ("does it indicate ...?")."""
    if not cue.sent.text.rstrip().rstrip("”\"'").endswith("?"):
        return False
    subjects = [c.i for c in cue.children if c.dep_ in SUBJECTS]
    return bool(subjects) and any(c.dep_ == "aux" and c.i < subjects[0] for c in cue.children)


def _modifier_in_quotes(doc: Doc, start: int, end: int) -> bool:
    """Quotation marks around the modifiers of a noun after them (a “private and unofficial”
    trip): the writer's distance from the words, not someone's statement."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or not len(words) or words[-1].i + 1 >= len(doc):
        return False
    inside = {t.i for t in words}
    heads = {t.head.i for t in words if t.head.i not in inside}
    if len(heads) != 1:
        return False
    head = doc[heads.pop()]
    return (
        head.i > words[-1].i
        and head.pos_ in {"NOUN", "PROPN"}
        and all(t.dep_ in {"amod", "compound", "cc", "conj", "advmod", "punct", "nmod"} for t in words)
    )


def _last_person_before(mentions: list[Mention], position: int) -> Mention | None:
    people = [
        m for m in mentions if m.actor and m.actor.kind == "person" and position - LOOKBACK_CHARS <= m.end <= position
    ]
    return max(people, key=lambda m: m.end) if people else None


def _that_clause(noun: Token) -> tuple[int, int] | None:
    """The "that" clause of a noun of saying ("the claim that ...") as document offsets."""
    for child in noun.children:
        if child.dep_ in {"acl", "ccomp", "relcl"} and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            tokens = [t for t in child.subtree if not t.is_punct or t.i != child.right_edge.i]
            if len(tokens) >= 3:
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return None


def _framed(cue: Token, words: QuoteWords) -> tuple[int, int] | None:
    """What a verb says something is: its object with the predicate ("called the charges baseless")
    or with an "as" phrase ("sees Tehran as a partner", "pointed to the sanctions as proof")."""
    lemma = cue.lemma_.lower()
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    if lemma in words.naming_verbs:
        predicates = [c for c in cue.children if c.dep_ == "oprd"]
        if objects and predicates:
            return _extent([*objects[0].subtree, *predicates[-1].subtree])
        return None
    if lemma not in words.as_verbs:
        return None
    objects += [
        o for c in cue.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"
    ]
    if not objects:
        return None
    phrases = [c for h in (cue, objects[0]) for c in h.children if c.dep_ == "prep" and c.lower_ == "as"]
    # "quoted X as saying" is a channel and its speaker, not a stance on X.
    phrases = [p for p in phrases if any(c.dep_ == "pobj" for c in p.children)]
    if not phrases:
        return None
    return _extent([*objects[0].subtree, *phrases[0].subtree])


def _extent(tokens: list[Token]) -> tuple[int, int]:
    ordered = sorted(tokens, key=lambda t: t.i)
    while len(ordered) > 1 and ordered[-1].is_punct:
        ordered.pop()
    return ordered[0].idx, ordered[-1].idx + len(ordered[-1])


def _inserted_content(cue: Token) -> tuple[int, int] | None:
    """A cue set off by commas inside or after the words it reports ("The strike, officials said,
    killed four", "..., he said, until ..."): the clause it hangs from, less the cue's own words."""
    if cue.dep_ != "parataxis" or cue.head.i == cue.i:
        return None
    subtree = list(cue.subtree)
    inner = [t for t in subtree if not t.is_punct] or [cue]
    doc, sentence = cue.doc, cue.sent
    before = doc[inner[0].i - 1] if inner[0].i > sentence.start else None
    after = doc[inner[-1].i + 1] if inner[-1].i + 1 < sentence.end else None
    if before is None or before.text not in SET_OFF or (after is not None and not after.is_punct):
        return None  # not set off: a second main clause ("..., he said yes")
    own = {t.i for t in subtree} | {before.i} | ({after.i} if after is not None else set())
    words = [t for t in cue.head.subtree if t.i not in own]
    while words and words[0].is_punct:
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    if sum(not t.is_punct for t in words) < 3:
        return None
    return words[0].idx, words[-1].idx + len(words[-1])


def _is_name(quoted: str) -> bool:
    """A few capitalised words in quotation marks name something ("The Free Army"); they say nothing."""
    words = quoted.rstrip(".,").split()  # the full stop or comma printers put inside the marks
    return (
        (0 < len(words) if words and quoted == quoted.rstrip(".,") else 2 < len(words))
        and len(words) <= 6
        and all(w[:1].isupper() or w.lower() in NAME_LINKS for w in words)
        and not any(w[-1:] in ".!?,:;" for w in words)
    )


def _kind_of(sentence: Sentence, default: str) -> str:
    if HEADLINE_CUE.search(sentence.text):
        return "headline"
    if TWEET_CUE.search(sentence.text):
        return "tweet"
    return default


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Without the commas and spaces left where the attribution phrase was cut out."""
    return trimmed(text, start, end, " ,;:\u2014-", " ,;:.\u2014-")


def _modifier(cue: Token, mention: Mention) -> bool:
    """A name that only modifies another noun ("a top Trump surrogate said"): not the one who speaks."""
    span = cue.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ in {"compound", "amod"} and root.head.i != cue.i and root.head.i < cue.i


def _speaks(mention: Mention) -> bool:
    return mention.actor is None or mention.actor.kind not in NON_SPEAKERS


def doc_text(doc: Doc) -> str:
    """The parse's text, built once a document: spaCy joins ``Doc.text`` from every token on
    each read, so reading it once a sentence made long documents quadratic."""
    text: str | None = doc.user_data.get("dragoman_text")
    if text is None:  # not setdefault(..., doc.text): its argument would build the text on every call
        text = doc.user_data["dragoman_text"] = doc.text
    return text


def _span(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end
