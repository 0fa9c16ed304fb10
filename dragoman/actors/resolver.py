"""Resolve names, metonyms, titles, short names and pronouns to knowledge-base actors.

One pass over the spaCy doc: two SpanRulers (knowledge-base names, case
sensitive; title and institution words, case folded) built once per
vocabulary, then an ordered walk that keeps the document context (people
already named, the last states) for short references.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Literal

import spacy
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from dragoman.actors.coreference import Context, Layout, governing_subject
from dragoman.actors.kb import Entry, KnowledgeBase, date_window
from dragoman.actors.surnames import with_surnames
from dragoman.actors.titles import DEFAULT as DEFAULT_TITLES
from dragoman.actors.titles import Titles
from dragoman.domain.records import ActorRef, Document, Mention, Sentence
from dragoman.lexicon import lexicon_file

NAME = "actors.resolver"
# 1.4: "the two ministers", "both leaders": the last two people named (plural_person_refs)
# 1.5: an office title whose holder the knowledge base does not list at the date is the office
# ("Egypt's foreign minister": Foreign Minister of Egypt), not an unresolved name
# 1.6: "its troops", "the country's navy": a body of the last state named in the paragraph
# 1.7: a lone surname anywhere in the document (a headline before the full name, one the parser takes
# for an organisation) names the person named in full (actors/surnames.py); "Minister X of Canada" is Canadian
# 1.8: a word of a date ("in May 2019") is no surname; a Title Case headline's surname the parser
# takes for an adjective is one
VERSION = "1.8"
NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
KIND_RANK = {"state": 0, "igo": 1, "institution": 2, "group": 3, "media": 4, "company": 5, "person": 6}


Window = tuple[dt.date, dt.date] | None
# A resolved reading of an item: (actor or None, method, NER label).
Reading = tuple[ActorRef | None, str, str | None]


@dataclass(frozen=True)
class InstitutionTitle:
    """ "Iran's Foreign Ministry": an institution phrase scoped by a state."""

    key: str
    scope: Entry


@dataclass(frozen=True)
class PersonTitle:
    """A title that names a person: an office ("foreign minister") or a generic title
    ("ambassador"), with its scope, the name after it and the words around it."""

    kind: Literal["office", "generic"]
    value: Any  # office: (office key, default scope id); generic: (label, sector)
    scope: Entry | None
    phrase: str
    text: str
    portfolio: str | None
    former: bool
    name: str | None
    name_form: str | None  # the knowledge-base form of the name, when it is one


@dataclass
class _Item:
    """A candidate mention before it is turned into a Mention record."""

    start: int  # token indices [start, end)
    end: int
    kind: str  # alias, title, owned, ner, pronoun, plural, plural-person
    # alias: the KB form; title: InstitutionTitle | PersonTitle; owned: the institution key; ner: the Span
    data: Any = None
    label: str | None = None


@dataclass
class _Matches:
    """Where knowledge-base names and entities begin and end in a doc, for reading titles."""

    alias_by_end: dict[int, list[Span]]
    alias_by_start: dict[int, list[Span]]
    ents_by_start: dict[int, Span]


class Resolver:
    """Turns a parsed document into Mention records resolved against the KB."""

    NAME = NAME
    VERSION = VERSION

    def __init__(self, kb: KnowledgeBase, titles: Titles = DEFAULT_TITLES, default_date: str | None = None) -> None:
        self.kb = kb
        self.titles = titles
        # The date assumed for a document that has none (``--default-date``): without
        # any, a bare title ("the chancellor") names the office, not whoever holds it today.
        self.default_date = default_date
        self.component = f"{NAME}@{VERSION}"
        # surface form -> list of (entry id, method)
        self.forms: dict[str, list[tuple[str, str]]] = {}
        for form, ids in kb.aliases.items():
            self.forms.setdefault(form, []).extend((i, "alias") for i in ids)
        for form, sid in kb.demonyms.items():
            self.forms.setdefault(form, []).append((sid, "demonym"))
        for form, sid in kb.metonyms.items():
            self.forms.setdefault(form, []).append((sid, "metonym"))
        # Curly and straight apostrophes, en dash and hyphen are the same name.
        for form in list(self.forms):
            for a, b in (("'", "’"), ("’", "'"), ("–", "-"), ("-", "–")):
                if a in form and form.replace(a, b) not in self.forms:
                    self.forms[form.replace(a, b)] = list(self.forms[form])
        self.title_phrases: dict[str, tuple[str, Any]] = {}
        for phrase, office in titles.offices.items():
            self.title_phrases[phrase] = ("office", (office, kb.title_scopes.get(phrase)))
        for phrase, gen in titles.generic_titles.items():
            self.title_phrases[phrase] = ("generic", gen)
        for phrase, key in titles.institution_phrases.items():
            self.title_phrases[phrase] = ("institution", key)
        for phrase in titles.plural_refs:
            self.title_phrases[phrase] = ("plural", None)
        for phrase in titles.plural_person_refs:
            self.title_phrases[phrase] = ("plural-person", None)
        self._matchers: dict[int, tuple[SpanRuler, SpanRuler, dict[int, str]]] = {}

    # ------------------------------------------------------------- matchers
    def _get_matchers(self, doc: Doc) -> tuple[SpanRuler, SpanRuler, dict[int, str]]:
        """Build the rulers once for the doc's vocabulary (cheap afterwards): knowledge-base
        names by exact text, title phrases by lower case."""
        key = id(doc.vocab)
        if key in self._matchers:
            return self._matchers[key]
        nlp = spacy.blank("en", vocab=doc.vocab)
        names = SpanRuler(nlp, phrase_matcher_attr="ORTH", validate=False)
        titles = SpanRuler(nlp, phrase_matcher_attr="LOWER", validate=False)
        keys: dict[int, str] = {}
        names.add_patterns([{"label": "KB:" + form, "pattern": form} for form in self.forms])
        titles.add_patterns([{"label": "T:" + phrase, "pattern": phrase} for phrase in self.title_phrases])
        for form in self.forms:
            keys[doc.vocab.strings.add("KB:" + form)] = form
        for phrase in self.title_phrases:
            keys[doc.vocab.strings.add("T:" + phrase)] = phrase
        self._matchers[key] = (names, titles, keys)
        return self._matchers[key]

    # ------------------------------------------------------------- candidates
    def resolve(self, document: Document, spacy_doc: Doc, sentences: list[Sentence]) -> list[Mention]:
        """All actor mentions of the document, in text order; unresolved ones included.

        Candidates are taken in priority order (titles, NER names that contain a KB name,
        KB names, other NER names, pronouns); a token belongs to the first that claims it.
        """
        doc = spacy_doc
        names, titles, keys = self._get_matchers(doc)
        raw_alias = names.match(doc)
        alias_spans = spacy.util.filter_spans(raw_alias)
        title_spans = spacy.util.filter_spans(titles.match(doc))
        # Cues and names next to titles may hide inside a longer match ("Iranian" in
        # "Iranian Foreign Ministry spokesman"), so index every raw match, longest first.
        matches = _Matches({}, {}, {ent.start: ent for ent in doc.ents})
        for sp in sorted(raw_alias, key=len, reverse=True):
            matches.alias_by_end.setdefault(sp.end, []).append(sp)
            matches.alias_by_start.setdefault(sp.start, []).append(sp)

        taken = bytearray(len(doc))
        items: list[_Item] = []

        def claim(item: _Item) -> None:
            taken[item.start : item.end] = b"\x01" * (item.end - item.start)
            items.append(item)

        for item in self._title_items(doc, title_spans, keys, matches):
            if not any(taken[item.start : item.end]):
                claim(item)
        alias_at = {sp.start: sp for sp in alias_spans}
        for ent in doc.ents:
            if ent.label_ in NER_LABELS and not any(taken[ent.start : ent.end]):
                for item in self._longer_name_items(doc, ent, alias_at, keys):
                    claim(item)
        for sp in alias_spans:
            if not any(taken[sp.start : sp.end]):
                claim(_Item(sp.start, sp.end, "alias", keys[sp.label], doc[sp.start].ent_type_ or None))
        for ent in doc.ents:
            if ent.text in self.titles.not_entities:
                continue  # weapons and common nouns the NER takes for organisations
            if ent.label_ in NER_LABELS and not any(taken[ent.start : ent.end]):
                claim(_Item(ent.start, ent.end, "ner", ent, ent.label_))
        for tok in doc:
            if tok.lower_ in self.titles.pronouns and not taken[tok.i] and tok.tag_ in {"PRP", "PRP$"}:
                items.append(_Item(tok.i, tok.i + 1, "pronoun"))
        items.sort(key=lambda it: (it.start, it.end))
        mentions = self._walk(document, doc, sentences, items, date_window(document.published or self.default_date))
        return with_surnames(document, doc, mentions, Layout.of(document.text, sentences), self.component)

    def _title_items(self, doc: Doc, title_spans: list[Span], keys: dict[int, str], matches: _Matches) -> list[_Item]:
        """Title, institution and plural phrases, read with the words around them."""
        found: list[_Item] = []
        for sp in title_spans:
            kind = self.title_phrases[keys[sp.label]][0]
            if kind in {"office", "generic"} and any(
                a.start <= sp.start and sp.end <= a.end and len(a) > len(sp)
                for i in range(sp.start, sp.end + 1)
                for a in matches.alias_by_end.get(i + 1, ())
                if self._is_org_form(keys[a.label])
            ):
                continue  # "General Assembly", "Supreme National Security Council": a name, not a title
            item = self._title_item(doc, sp, keys[sp.label], matches)
            if item is not None:
                found.append(item)
        return found

    def _longer_name_items(self, doc: Doc, ent: Span, alias_at: dict[int, Span], keys: dict[int, str]) -> list[_Item]:
        """An NER name that holds a KB name plus more capitalised words is another name
        ("Tehran Times", "Maria Putin", "British Columbia"): it stays an NER mention, resolved
        only by its full text, never by the inner name. Nothing when the inner name wins."""
        if _strip(ent.text) in self.forms:
            return []
        inner = [alias_at[i] for i in range(ent.start, ent.end) if i in alias_at]
        inner = [sp for sp in inner if sp.end <= ent.end]
        if not inner:
            return []
        covered = {i for sp in inner for i in range(sp.start, sp.end)}
        honorifics = _words("honorifics")
        extra = [t for t in ent if t.is_title and t.i not in covered and t.lower_.rstrip(".") not in honorifics]
        if not extra:
            return []
        forms = [keys[sp.label] for sp in inner]
        lead = inner[0].start == ent.start or (inner[0].start == ent.start + 1 and ent[0].lower_ == "the")
        if all(self._is_person_form(f) for f in forms):
            # "Maria Putin" is someone else, and so is the "Putin Foundation"; but in
            # "the State Council Igor Levitin" the NER swallowed a title.
            dominated = extra[0].i < inner[0].start if ent.label_ == "PERSON" else lead
        elif ent.label_ == "PERSON" and lead:
            # "Moscow Mehdi Sanaei": the place stands apart, the rest is the person.
            rest = doc[inner[-1].end : ent.end]
            if rest and rest[0].is_title:
                return [_Item(rest.start, rest.end, "ner", rest, "PERSON")]
            return []
        else:
            # "Harry West", "British Columbia", "Free Africa Foundation": a longer name.
            dominated = True
        return [_Item(ent.start, ent.end, "ner", ent, ent.label_)] if dominated else []

    # ------------------------------------------------------------- the walk
    def _walk(
        self,
        document: Document,
        doc: Doc,
        sentences: list[Sentence],
        items: list[_Item],
        window: Window,
    ) -> list[Mention]:
        """Resolve items in text order, keeping the context short references need."""
        layout = Layout.of(document.text, sentences)
        context = Context()
        out: list[Mention] = []
        for item in items:
            span = doc[item.start : item.end]
            start, end = span.start_char, span.end_char
            for ref, method, label in self._readings(item, doc, layout, context, window):
                out.append(
                    Mention(
                        mention_id=f"{document.doc_id}:m{len(out)}",
                        doc_id=document.doc_id,
                        start=start,
                        end=end,
                        text=document.text[start:end],
                        sentence_index=layout.sentence(start),
                        method=method,
                        actor=ref,
                        label=label,
                        component=self.component,
                    )
                )
                if ref is not None:
                    self._remember(context, ref, method, item.start, layout.paragraph(start), window)
        return out

    def _readings(self, item: _Item, doc: Doc, layout: Layout, context: Context, window: Window) -> list[Reading]:
        """What an item refers to, given what the document has named so far."""
        if item.kind == "pronoun":
            person = context.last_person_in(layout.paragraph(doc[item.start].idx))
            return [(person, "pronoun", None)] if person is not None else []
        if item.kind == "owned":
            state = context.last_state_in(layout.paragraph(doc[item.start].idx))
            body = None if state is None or state.actor_id is None else self._state_body(state.actor_id, item.data)
            return [(body, "owned", None)] if body is not None else []
        if item.kind == "plural":
            return [(state, "plural-ref", None) for state in context.pair(governing_subject(doc[item.start]))]
        if item.kind == "plural-person":
            pair = context.person_pair(layout.paragraph(doc[item.start].idx))
            return [(person, "plural-ref", None) for person in pair]
        if item.kind == "title":
            title: InstitutionTitle | PersonTitle = item.data
            ref, method = self._resolve_title(title, window, context.titled[::-1] + context.people[::-1])
            named = isinstance(title, PersonTitle) and title.name
            return [(ref, method, None)] if ref is not None or named else []
        if item.kind == "alias":
            ref, method = self._resolve_form(item.data, doc, item.start, window, context.seen_ids)
            return [(ref, method, item.label)]
        # NER entity without a knowledge-base name match.
        ent: Span = item.data
        name = _strip(ent.text)
        if name in self.forms:
            ref, method = self._resolve_form(name, doc, item.start, window, context.seen_ids)
            return [(ref, method, item.label)]
        known = context.short_name(name) if item.label == "PERSON" else None
        if known is not None:
            return [(known, "short-name", item.label)]
        return [(None, "ner", item.label)]

    def _remember(
        self, context: Context, ref: ActorRef, method: str, token: int, paragraph: int, window: Window
    ) -> None:
        if ref.kind == "person" and method != "plural-ref":
            office = None
            if ref.actor_id in self.kb.entries:
                held = self.kb.entries[ref.actor_id].office_at(window)
                office = held.office if held else None
            elif ref.role:
                office = ref.role
            context.remember_person(ref, office, paragraph, titled=method == "title")
        elif ref.kind == "state" and method != "plural-ref":
            context.remember_state(ref, token, paragraph)

    # ------------------------------------------------------------- names
    def _is_person_form(self, form: str) -> bool:
        return all(self.kb.entries[i].kind == "person" for i, _ in self.forms.get(form, []))

    def _is_org_form(self, form: str) -> bool:
        return any(self.kb.entries[i].kind not in {"person"} for i, _ in self.forms.get(form, []))

    def _person_ref(self, entry: Entry, window: Window) -> ActorRef:
        office = entry.office_at(window)
        if office is None:
            return entry.ref()
        return replace(entry.ref(role=office.role, sector=office.sector), country=entry.country or office.country)

    def _resolve_form(
        self, form: str, doc: Doc, start: int, window: Window, seen_ids: set[str]
    ) -> tuple[ActorRef | None, str]:
        cands = self.forms.get(form, [])
        if not cands:
            return None, "ner"
        people = [(i, m) for i, m in cands if self.kb.entries[i].kind == "person"]
        if people and len(people) == len(cands):
            chosen = [p for p in people if p[0] in seen_ids]
            if not chosen:
                chosen = [p for p in people if self.kb.entries[p[0]].office_at(window) is not None]
            if not chosen and len(people) == 1:
                chosen = people
            if len(chosen) != 1:
                # More than one person carries this name: say so rather than guess.
                return None, "ambiguous"
            return self._person_ref(self.kb.entries[chosen[0][0]], window), chosen[0][1]
        actor_id, method = min(
            cands,
            key=lambda c: (
                c[1] == "alias" and self.kb.entries[c[0]].kind == "person",
                KIND_RANK.get(self.kb.entries[c[0]].kind, 9),
            ),
        )
        entry = self.kb.entries[actor_id]
        if method == "metonym":
            prev = doc[start - 1].lower_ if start > 0 else ""
            if prev == "the" and start > 1:
                prev = doc[start - 2].lower_
            if prev in _words("location_preps") and entry.kind == "state":
                return entry.ref(), "location"
            return entry.ref(sector=entry.sector or "GOV") if entry.kind != "state" else entry.ref(
                sector="GOV"
            ), "metonym"
        if entry.kind == "person":
            return self._person_ref(entry, window), method
        return entry.ref(), method

    # ------------------------------------------------------------- titles: reading
    def _cue(self, doc: Doc, sp: Span, matches: _Matches) -> tuple[Entry | None, int]:
        """The state or IGO a title belongs to: left ("Iran's", "Iranian") or "of Iran" on the right."""
        end = sp.start
        if end > 0 and doc[end - 1].text in _words("possessive"):
            end -= 1
        for cue in matches.alias_by_end.get(end, []):
            entry = self._scope_entry(cue)
            if entry is not None:
                return entry, cue.start
        entry, cue_end = self._of_scope(doc, sp.end, matches)
        if entry is not None:
            return entry, -cue_end  # negative: the cue lies to the right
        return None, sp.start

    def _of_scope(self, doc: Doc, at: int, matches: _Matches) -> tuple[Entry | None, int]:
        """ "of Iran", "of the United Nations" at token ``at``: the state or IGO and where it ends."""
        if at < len(doc) and doc[at].lower_ == "of":
            nxt = at + 1
            if nxt < len(doc) and doc[nxt].lower_ == "the":
                nxt += 1
            for cue in matches.alias_by_start.get(nxt, []):
                entry = self._scope_entry(cue)
                if entry is not None:
                    return entry, cue.end
        return None, at

    def _scope_entry(self, cue: Span) -> Entry | None:
        form = cue.doc.vocab.strings[cue.label]
        for actor_id, _ in self.forms.get(form[3:] if form.startswith("KB:") else form, []):
            entry = self.kb.entries[actor_id]
            if entry.kind in {"state", "igo"}:
                return entry
        return None

    def _title_item(self, doc: Doc, sp: Span, phrase: str, matches: _Matches) -> _Item | None:
        """A title phrase with its scope, portfolio, post and the name after it; None when
        the words are not a title here ("general election")."""
        kind, val = self.title_phrases[phrase]
        if kind in {"plural", "plural-person"}:
            return _Item(sp.start, sp.end, kind)
        lead = _former_start(doc, sp.start, self.titles.former)
        scope, cue_start = self._cue(doc, doc[lead : sp.end], matches)
        start, end = sp.start, sp.end
        if scope is not None:
            if cue_start >= 0:
                start = cue_start
            else:
                end = -cue_start
        if kind == "institution":
            if _modifies_right(sp) or not doc[sp.end - 1].text[:1].isalpha():
                return None
            if scope is None:
                owner = _owner_start(doc, sp.start)
                return None if owner is None else _Item(owner, sp.end, "owned", val)
            if scope.kind != "state":
                return None
            return _Item(start, end, "title", InstitutionTitle(val, scope))
        portfolio = None
        if kind == "generic" and end == sp.end:
            portfolio, end = self._portfolio(doc, end, matches)
        if kind == "generic" and end == sp.end and phrase in self.titles.posted_titles:
            end = self._post(doc, end, matches)
        name_span = self._name_after(doc, end, matches)
        if name_span is not None:
            end = name_span.end
            if scope is None:  # "Foreign Minister Paul Hendry of Canada"
                scope, end = self._of_scope(doc, end, matches)
        elif _modifies_right(sp):
            return None  # "general election", "military operation": the word modifies a noun
        if kind == "generic" and name_span is None and scope is None:
            return None
        name_form = None
        if name_span is not None and name_span.label_.startswith("KB:"):
            name_form = doc.vocab.strings[name_span.label][3:]
        title = PersonTitle(
            kind=kind,  # type: ignore[arg-type]
            value=val,
            scope=scope,
            phrase=phrase,
            text=doc[start:end].text,
            portfolio=portfolio,
            former=lead < sp.start,
            name=name_span.text if name_span is not None else None,
            name_form=name_form,
        )
        return _Item(start, end, "title", title)

    def _portfolio(self, doc: Doc, end: int, matches: _Matches) -> tuple[str | None, int]:
        """ "Minister of Petroleum Javad Owji": the portfolio after a generic title, and where it ends."""
        if not (end + 1 < len(doc) and doc[end].lower_ == "of"):
            return None, end
        stop = end + 1
        while (
            stop < len(doc)
            and (stop == end + 1 or (stop == end + 2 and doc[end + 1].lower_ in _words("two_word_portfolios")))
            and doc[stop].is_title
            and stop not in matches.alias_by_start
            and not (stop in matches.ents_by_start and matches.ents_by_start[stop].label_ == "PERSON")
        ):
            stop += 1
        if stop > end + 1:
            return doc[end + 1 : stop].text, stop
        return None, end

    def _post(self, doc: Doc, end: int, matches: _Matches) -> int:
        """ "Ambassador to Moscow Mehdi Sanaei": the post after the title, then the name."""
        if end + 1 < len(doc) and doc[end].lower_ == "to":
            posted = next(iter(matches.alias_by_start.get(end + 1, [])), None)
            if posted is not None and self._scope_entry(posted) is not None:
                return posted.end
        return end

    def _name_after(self, doc: Doc, start: int, matches: _Matches) -> Span | None:
        """A name right after a title: "Foreign Minister Sergei Lavrov", "President of Iran Ebrahim Raisi"."""
        if start >= len(doc):
            return None
        cand = next(iter(matches.alias_by_start.get(start, [])), None)
        if cand is not None and any(
            self.kb.entries[i].kind == "person" for i, _ in self.forms.get(doc.vocab.strings[cand.label][3:], [])
        ):
            return cand
        ent = matches.ents_by_start.get(start)
        if ent is not None and ent.label_ in {"PERSON", "GPE", "ORG", "NORP"} and ent[0].is_title:
            return ent
        stop = start
        while stop < len(doc) and stop - start < 6:
            if doc[stop].pos_ == "PROPN" and doc[stop].is_title:
                stop += 1
            elif doc[stop].text == "-" and stop > start and stop + 1 < len(doc) and doc[stop + 1].is_title:
                stop += 2  # "Amir-Abdollahian", "Example-Name"
            else:
                break
        return doc[start:stop] if stop > start else None

    # ------------------------------------------------------------- titles: resolving
    def _state_body(self, state_id: str, key: str) -> ActorRef | None:
        """A state's institution: the one the knowledge base lists, else a generic one."""
        listed = self.kb.institutions.get((key, state_id))
        return self.kb.entries[listed].ref() if listed is not None else self.kb.generic_institution(state_id, key)

    def _resolve_title(
        self,
        title: InstitutionTitle | PersonTitle,
        window: Window,
        people: list[tuple[ActorRef, str | None, int]],
    ) -> tuple[ActorRef | None, str]:
        if isinstance(title, InstitutionTitle):
            inst = self.kb.institutions.get((title.key, title.scope.id))
            if inst is not None:
                return self.kb.entries[inst].ref(), "title"
            return self.kb.generic_institution(title.scope.id, title.key), "title"
        listed = self._listed_person(title, window)
        if listed is not None:
            return listed, "title"
        if title.kind == "office":
            return self._office_holder(title, window, people)
        return self._generic_person(title), "title"

    def _listed_person(self, title: PersonTitle, window: Window) -> ActorRef | None:
        """The knowledge-base person named after the title, if the name is one."""
        name = title.name
        name_form = title.name_form or (_strip(name) if name and _strip(name) in self.forms else None)
        if name_form is None:
            return None
        for actor_id, _ in self.forms[name_form]:
            entry = self.kb.entries[actor_id]
            if entry.kind == "person":
                return self._person_ref(entry, window)
        return None

    def _office_holder(
        self, title: PersonTitle, window: Window, people: list[tuple[ActorRef, str | None, int]]
    ) -> tuple[ActorRef | None, str]:
        """An office title: the person named, else who held the office at the document's date."""
        office, default_scope = title.value
        scope = title.scope
        name = title.name
        scope_id = scope.id if scope is not None else default_scope
        if scope_id is None and not name:
            # "the president": the last person named with that title, else the last
            # person named who holds that office (``people`` is in that priority order).
            for ref, off, _ in people:
                if off == office:
                    return ref, "short-title"
            return None, "title"
        if scope_id is None:
            return ActorRef(name=_strip(name or ""), kind="person", sector="GOV", role=title.phrase.title()), "title"
        if scope is None:
            scope = self.kb.entries.get(scope_id)
        role = self.kb.role_string(office, scope_id)
        if not name and title.former:
            # "Iran's former foreign minister": not whoever holds the office at the document's date.
            name = title.text
        if not name:
            # No date to tell the holder by, or none listed at the date ("Egypt's foreign
            # minister" in 2004): the office itself, which still says whose official it is.
            held = None if window is None else self.kb.office_holder(office, scope_id, window)
            if held is None:
                return self.kb.office_ref(office, scope_id), "title"
            holder, held_office = held
            return replace(
                holder.ref(role=held_office.role, sector=held_office.sector),
                country=holder.country or held_office.country,
            ), "title"
        country = scope.country if scope is not None else None
        org = scope.org if scope is not None and scope.kind == "igo" else None
        return ActorRef(name=_strip(name), kind="person", country=country, org=org, sector="GOV", role=role), "title"

    def _generic_person(self, title: PersonTitle) -> ActorRef:
        """A generic title ("ambassador", "a Russian official"): an unlisted person with that role."""
        label, sector = title.value
        if title.portfolio:
            label = f"{label} of {title.portfolio}"
        scope = title.scope
        country = scope.country if scope is not None else None
        role = f"{label} of {scope.name}" if scope is not None else label
        person = _strip(title.name) if title.name else _strip(title.text)
        org = scope.org if scope is not None and scope.kind == "igo" else None
        return ActorRef(name=person, kind="person", country=country, org=org, sector=sector, role=role)


def _former_start(doc: Doc, start: int, former: frozenset[str]) -> int:
    """Where a title begins with "former" or "then-" before it: "Iran's then-Ambassador",
    "Russia's former foreign minister" (the state is still the cue)."""
    if start >= 2 and doc[start - 1].text in {"-", "–"} and doc[start - 2].lower_ in former:
        return start - 2
    if start >= 1 and doc[start - 1].lower_ in former:
        return start - 1
    return start


def _strip(text: str) -> str:
    """Drop a leading article and a trailing possessive from a surface form."""
    for art in ("the ", "The "):
        if text.startswith(art):
            text = text[len(art) :]
    for pos in ("'s", "’s", "'", "’"):
        if text.endswith(pos):
            text = text[: -len(pos)]
    return text.strip()


def _modifies_right(span: Span) -> bool:
    """True when the span's last word modifies a noun after it ("general" in "general election")."""
    last = span[-1]
    return last.dep_ in {"amod", "compound", "nmod"} and last.head.i >= span.end


def _owner_start(doc: Doc, start: int) -> int | None:
    """Where "its" or "the country's" begins before an institution word ("its troops", "the
    country's navy"): a body of a state named before (names.yaml owner_words, owner_nouns)."""
    if start >= 1 and doc[start - 1].lower_ in _words("owner_words") and doc[start - 1].tag_ == "PRP$":
        return start - 1
    if (
        start >= 3
        and doc[start - 1].text in _words("possessive")
        and doc[start - 2].lower_ in _words("owner_nouns")
        and doc[start - 3].lower_ == "the"
    ):
        return start - 3
    return None


def _words(section: str) -> frozenset[str]:
    """A section of the name grammar (dragoman/lexicon/en/names.yaml) of the run."""
    words: frozenset[str] = lexicon_file("names")[section]
    return words
