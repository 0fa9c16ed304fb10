"""Resolve names, metonyms, titles, short names and pronouns to knowledge-base actors.

One pass over the spaCy doc: two PhraseMatchers (knowledge-base names, case
sensitive; title and institution words, case folded) built once per
vocabulary, then an ordered walk that keeps the document context (people
already named, the last states) for short references.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from dragoman.actors.kb import Entry, KnowledgeBase, date_window
from dragoman.actors.titles import (
    FORMER,
    GENERIC_TITLES,
    INSTITUTION_PHRASES,
    NOT_ENTITIES,
    PLURAL_REFS,
    POSTED_TITLES,
    PRONOUNS,
    TITLES,
)
from dragoman.records import ActorRef, Document, Mention, Sentence

NAME = "actors.resolver"
VERSION = "1.3"
NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
LOCATION_PREPS = {
    "in",
    "to",
    "from",
    "at",
    "near",
    "into",
    "across",
    "outside",
    "around",
    "visit",
    "visited",
    "visiting",
    "visits",
    "via",
    "toward",
    "towards",
    "inside",
}
POSSESSIVE = {"'s", "’s", "'", "’"}
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sheikh",
    "ayatollah",
    "imam",
    "prince",
    "princess",
    "king",
    "queen",
    "sir",
    "lord",
    "lady",
    "gen",
    "general",
    "president",
    "minister",
    "hojatoleslam",
    "seyyed",
    "sayyid",
}
# First words of two-word portfolios ("Minister of Foreign Trade"); others take one word.
TWO_WORD_PORTFOLIOS = {
    "foreign",
    "internal",
    "home",
    "economic",
    "national",
    "public",
    "social",
    "higher",
    "natural",
    "civil",
    "digital",
    "strategic",
    "agricultural",
    "road",
    "roads",
}
KIND_RANK = {"state": 0, "igo": 1, "institution": 2, "group": 3, "media": 4, "company": 5, "person": 6}


@dataclass
class _Item:
    """A candidate mention before it is turned into a Mention record."""

    start: int  # token indices [start, end)
    end: int
    kind: str  # alias, title, ner, pronoun, plural
    data: Any = None
    label: str | None = None


class Resolver:
    """Turns a parsed document into Mention records resolved against the KB."""

    NAME = NAME
    VERSION = VERSION

    def __init__(self, kb: KnowledgeBase, default_date: str | None = None) -> None:
        self.kb = kb
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
        for phrase, val in TITLES.items():
            self.title_phrases[phrase] = ("office", val)
        for phrase, gen in GENERIC_TITLES.items():
            self.title_phrases[phrase] = ("generic", gen)
        for phrase, key in INSTITUTION_PHRASES.items():
            self.title_phrases[phrase] = ("institution", key)
        for phrase in PLURAL_REFS:
            self.title_phrases[phrase] = ("plural", None)
        self._matchers: dict[int, tuple[PhraseMatcher, PhraseMatcher, dict[int, str]]] = {}

    # ------------------------------------------------------------- matchers
    def _get_matchers(self, doc: Doc) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, str]]:
        """Build the matchers once for the doc's vocabulary (cheap afterwards)."""
        key = id(doc.vocab)
        if key in self._matchers:
            return self._matchers[key]
        tokenizer: Any = spacy.blank("en", vocab=doc.vocab).tokenizer
        names = PhraseMatcher(doc.vocab, attr="ORTH")
        titles = PhraseMatcher(doc.vocab, attr="LOWER")
        keys: dict[int, str] = {}
        forms = list(self.forms)
        for form, pattern in zip(forms, tokenizer.pipe(forms), strict=True):
            mid = doc.vocab.strings.add("KB:" + form)
            keys[mid] = form
            names.add("KB:" + form, [pattern])
        phrases = list(self.title_phrases)
        for phrase, pattern in zip(phrases, tokenizer.pipe(phrases), strict=True):
            mid = doc.vocab.strings.add("T:" + phrase)
            keys[mid] = phrase
            titles.add("T:" + phrase, [pattern])
        self._matchers[key] = (names, titles, keys)
        return self._matchers[key]

    # ------------------------------------------------------------- resolution
    def resolve(self, document: Document, spacy_doc: Doc, sentences: list[Sentence]) -> list[Mention]:
        """All actor mentions of the document, in text order; unresolved ones included."""
        doc = spacy_doc
        names, titles, keys = self._get_matchers(doc)
        window = date_window(document.published or self.default_date)
        raw_alias = [Span(doc, s, e, label=mid) for mid, s, e in names(doc)]
        alias_spans = spacy.util.filter_spans(raw_alias)
        title_spans = spacy.util.filter_spans([Span(doc, s, e, label=mid) for mid, s, e in titles(doc)])
        # Cues and names next to titles may hide inside a longer match ("Iranian" in
        # "Iranian Foreign Ministry spokesman"), so index every raw match, longest first.
        alias_by_end: dict[int, list[Span]] = {}
        alias_by_start: dict[int, list[Span]] = {}
        for sp in sorted(raw_alias, key=len, reverse=True):
            alias_by_end.setdefault(sp.end, []).append(sp)
            alias_by_start.setdefault(sp.start, []).append(sp)
        ents_by_start = {ent.start: ent for ent in doc.ents}

        taken = bytearray(len(doc))
        items: list[_Item] = []
        for sp in title_spans:
            kind = self.title_phrases[keys[sp.label]][0]
            if kind in {"office", "generic"} and any(
                a.start <= sp.start and sp.end <= a.end and len(a) > len(sp)
                for i in range(sp.start, sp.end + 1)
                for a in alias_by_end.get(i + 1, ())
                if self._is_org_form(keys[a.label])
            ):
                continue  # "General Assembly", "Supreme National Security Council": a name, not a title
            item = self._title_item(doc, sp, keys[sp.label], alias_by_end, alias_by_start, ents_by_start)
            if item is None or any(taken[item.start : item.end]):
                continue
            taken[item.start : item.end] = b"\x01" * (item.end - item.start)
            items.append(item)
        # NER organisations/facilities that contain a place name plus more words ("Tehran Times").
        # NER names that contain a knowledge-base name plus more capitalised words are
        # other names ("Tehran Times", "Maria Putin", "British Columbia"): they stay
        # NER mentions, resolved only by their full text, never by the inner name.
        kept_by_start = {sp.start: sp for sp in alias_spans}
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS or any(taken[ent.start : ent.end]):
                continue
            if self._lookup(_strip(ent.text)) is not None:
                continue
            inner = [kept_by_start[i] for i in range(ent.start, ent.end) if i in kept_by_start]
            inner = [sp for sp in inner if sp.end <= ent.end]
            if not inner:
                continue
            covered = {i for sp in inner for i in range(sp.start, sp.end)}
            extra = [t for t in ent if t.is_title and t.i not in covered and t.lower_.rstrip(".") not in HONORIFICS]
            if not extra:
                continue
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
                    taken[rest.start : rest.end] = b"\x01" * len(rest)
                    items.append(_Item(rest.start, rest.end, "ner", rest, "PERSON"))
                continue
            else:
                # "Harry West", "British Columbia", "Free Africa Foundation": a longer name.
                dominated = True
            if dominated:
                taken[ent.start : ent.end] = b"\x01" * len(ent)
                items.append(_Item(ent.start, ent.end, "ner", ent, ent.label_))
        for sp in alias_spans:
            if any(taken[sp.start : sp.end]):
                continue
            taken[sp.start : sp.end] = b"\x01" * len(sp)
            ent_label = doc[sp.start].ent_type_ or None
            items.append(_Item(sp.start, sp.end, "alias", keys[sp.label], ent_label))
        for ent in doc.ents:
            if ent.text in NOT_ENTITIES:
                continue  # weapons and common nouns the NER takes for organisations
            if ent.label_ in NER_LABELS and not any(taken[ent.start : ent.end]):
                taken[ent.start : ent.end] = b"\x01" * len(ent)
                items.append(_Item(ent.start, ent.end, "ner", ent, ent.label_))
        for tok in doc:
            if tok.lower_ in PRONOUNS and not taken[tok.i] and tok.tag_ in {"PRP", "PRP$"}:
                items.append(_Item(tok.i, tok.i + 1, "pronoun"))
        items.sort(key=lambda it: (it.start, it.end))
        return self._walk(document, doc, sentences, items, window)

    def _walk(
        self,
        document: Document,
        doc: Doc,
        sentences: list[Sentence],
        items: list[_Item],
        window: tuple[dt.date, dt.date] | None,
    ) -> list[Mention]:
        """Resolve items in text order, keeping the context short references need."""
        text = document.text
        sep = "\n\n" if "\n\n" in text else "\n"
        breaks: list[int] = []
        pos = text.find(sep)
        while pos != -1:
            breaks.append(pos)
            pos = text.find(sep, pos + 1)
        sent_starts = [s.start for s in sentences]
        people: list[tuple[ActorRef, str | None, int]] = []  # (ref, office key, paragraph)
        titled: list[tuple[ActorRef, str | None, int]] = []  # people introduced with their title
        seen_ids: set[str] = set()
        surnames: dict[str, ActorRef] = {}
        states: list[ActorRef] = []
        state_at: dict[str, int] = {}  # state id -> token index of its last mention
        out: list[Mention] = []

        def emit(item: _Item, ref: ActorRef | None, method: str, label: str | None = None) -> None:
            span = doc[item.start : item.end]
            start, end = span.start_char, span.end_char
            sidx = max(0, bisect.bisect_right(sent_starts, start) - 1) if sent_starts else 0
            out.append(
                Mention(
                    mention_id=f"{document.doc_id}:m{len(out)}",
                    doc_id=document.doc_id,
                    start=start,
                    end=end,
                    text=text[start:end],
                    sentence_index=sidx,
                    method=method,
                    actor=ref,
                    label=label,
                    component=self.component,
                )
            )
            if ref is None:
                return
            para = bisect.bisect_right(breaks, start)
            if ref.kind == "person":
                office = None
                if ref.actor_id in self.kb.entries:
                    off = self.kb.entries[ref.actor_id].office_at(window)
                    office = off.office if off else None
                elif ref.role:
                    office = ref.role
                people.append((ref, office, para))
                if method == "title":
                    titled.append((ref, office, para))
                if ref.actor_id:
                    seen_ids.add(ref.actor_id)
                last = ref.name.split()[-1] if ref.name else ""
                if last:
                    surnames[last] = ref
            elif ref.kind == "state" and method not in {"plural-ref"}:
                state_at[ref.actor_id or ""] = item.start
                if not states or states[-1].actor_id != ref.actor_id:
                    states[:] = [s for s in states if s.actor_id != ref.actor_id] + [ref]

        for item in items:
            if item.kind == "pronoun":
                para = bisect.bisect_right(breaks, doc[item.start].idx)
                if people and people[-1][2] == para:
                    emit(item, people[-1][0], "pronoun")
                continue
            if item.kind == "plural":
                # "The US and the EU sanctioned the two states": not the states doing the sanctioning.
                doers = _governing_subject(doc[item.start])
                in_subject = [s for s in states if state_at.get(s.actor_id or "", -1) in doers]
                # "Iran and Russia deepened ties between the two countries": the subject is the pair.
                pool = states if len(in_subject) >= 2 else [s for s in states if s not in in_subject]
                if len(pool) >= 2:
                    emit(item, pool[-2], "plural-ref")
                    emit(item, pool[-1], "plural-ref")
                continue
            if item.kind == "title":
                ref, method = self._resolve_title(item.data, window, titled[::-1] + people[::-1])
                if ref is not None or item.data.get("name"):
                    emit(item, ref, method)
                continue
            if item.kind == "alias":
                ref, method = self._resolve_form(item.data, doc, item.start, window, seen_ids)
                emit(item, ref, method, item.label)
                continue
            # NER entity without a knowledge-base name match.
            ent: Span = item.data
            name = _strip(ent.text)
            found = self._lookup(name)
            if found is not None:
                ref, method = self._resolve_form(found, doc, item.start, window, seen_ids)
                emit(item, ref, method, item.label)
                continue
            if item.label == "PERSON" and name in surnames:
                emit(item, surnames[name], "short-name", item.label)
                continue
            if item.label == "PERSON" and name.split()[-1] in surnames and len(name.split()) == 1:
                emit(item, surnames[name.split()[-1]], "short-name", item.label)
                continue
            emit(item, None, "ner", item.label)
        return out

    # ------------------------------------------------------------- helpers
    def _lookup(self, form: str) -> str | None:
        if form in self.forms:
            return form
        return None

    def _is_person_form(self, form: str) -> bool:
        return all(self.kb.entries[i].kind == "person" for i, _ in self.forms.get(form, []))

    def _is_org_form(self, form: str) -> bool:
        return any(self.kb.entries[i].kind not in {"person"} for i, _ in self.forms.get(form, []))

    def _is_place(self, form: str) -> bool:
        return any(
            m in {"metonym", "demonym"} or self.kb.entries[i].kind == "state" for i, m in self.forms.get(form, [])
        )

    def _person_ref(self, entry: Entry, window: tuple[dt.date, dt.date] | None) -> ActorRef:
        office = entry.office_at(window)
        if office is None:
            return entry.ref()
        return replace(entry.ref(role=office.role, sector=office.sector), country=entry.country or office.country)

    def _resolve_form(
        self, form: str, doc: Doc, start: int, window: tuple[dt.date, dt.date] | None, seen_ids: set[str]
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
            if prev in LOCATION_PREPS and entry.kind == "state":
                return entry.ref(), "location"
            return entry.ref(sector=entry.sector or "GOV") if entry.kind != "state" else entry.ref(
                sector="GOV"
            ), "metonym"
        if entry.kind == "person":
            return self._person_ref(entry, window), method
        return entry.ref(), method

    def _cue(
        self, doc: Doc, sp: Span, alias_by_end: dict[int, list[Span]], alias_by_start: dict[int, list[Span]]
    ) -> tuple[Entry | None, int]:
        """The state or IGO a title belongs to: left ("Iran's", "Iranian") or "of Iran" on the right."""
        end = sp.start
        if end > 0 and doc[end - 1].text in POSSESSIVE:
            end -= 1
        for cue in alias_by_end.get(end, []):
            entry = self._scope_entry(cue)
            if entry is not None:
                return entry, cue.start
        if sp.end < len(doc) and doc[sp.end].lower_ == "of":
            nxt = sp.end + 1
            if nxt < len(doc) and doc[nxt].lower_ == "the":
                nxt += 1
            for cue in alias_by_start.get(nxt, []):
                entry = self._scope_entry(cue)
                if entry is not None:
                    return entry, -cue.end  # negative: the cue lies to the right
        return None, sp.start

    def _scope_entry(self, cue: Span) -> Entry | None:
        form = cue.doc.vocab.strings[cue.label]
        for actor_id, _ in self.forms.get(form[3:] if form.startswith("KB:") else form, []):
            entry = self.kb.entries[actor_id]
            if entry.kind in {"state", "igo"}:
                return entry
        return None

    def _title_item(
        self,
        doc: Doc,
        sp: Span,
        phrase: str,
        alias_by_end: dict[int, list[Span]],
        alias_by_start: dict[int, list[Span]],
        ents_by_start: dict[int, Span],
    ) -> _Item | None:
        kind, val = self.title_phrases[phrase]
        if kind == "plural":
            return _Item(sp.start, sp.end, "plural")
        # "Iran's then-Ambassador", "Russia's former foreign minister": the state is still the cue.
        lead = sp.start
        if lead >= 2 and doc[lead - 1].text in {"-", "–"} and doc[lead - 2].lower_ in FORMER:
            lead -= 2
        elif lead >= 1 and doc[lead - 1].lower_ in FORMER:
            lead -= 1
        scope, cue_start = self._cue(doc, doc[lead : sp.end], alias_by_end, alias_by_start)
        start, end = sp.start, sp.end
        if scope is not None:
            if cue_start >= 0:
                start = cue_start
            else:
                end = -cue_start
        if kind == "institution":
            if _modifies_right(sp):
                return None
            if scope is None or scope.kind != "state" or not doc[sp.end - 1].text[:1].isalpha():
                return None
            return _Item(start, end, "title", {"kind": kind, "key": val, "scope": scope})
        # "Minister of Petroleum Javad Owji": a portfolio after a generic title.
        portfolio = None
        if kind == "generic" and end == sp.end and end + 1 < len(doc) and doc[end].lower_ == "of":
            stop = end + 1
            while (
                stop < len(doc)
                and (stop == end + 1 or (stop == end + 2 and doc[end + 1].lower_ in TWO_WORD_PORTFOLIOS))
                and doc[stop].is_title
                and stop not in alias_by_start
                and not (stop in ents_by_start and ents_by_start[stop].label_ == "PERSON")
            ):
                stop += 1
            if stop > end + 1:
                portfolio = doc[end + 1 : stop].text
                end = stop
        # "Ambassador to Moscow Mehdi Sanaei": the post, then the name.
        if kind == "generic" and end == sp.end and end + 1 < len(doc) and doc[end].lower_ == "to":
            posted = next(iter(alias_by_start.get(end + 1, [])), None)
            if posted is not None and self._scope_entry(posted) is not None and phrase in POSTED_TITLES:
                end = posted.end
        # A name right after the title: "Foreign Minister Sergei Lavrov", "President of Iran Ebrahim Raisi".
        name_span: Span | None = None
        if end < len(doc):
            nxt = end
            cand = next(iter(alias_by_start.get(nxt, [])), None)
            if cand is not None and any(
                self.kb.entries[i].kind == "person" for i, _ in self.forms.get(doc.vocab.strings[cand.label][3:], [])
            ):
                name_span = cand
            elif (
                nxt in ents_by_start
                and ents_by_start[nxt].label_ in {"PERSON", "GPE", "ORG", "NORP"}
                and ents_by_start[nxt][0].is_title
            ):
                name_span = ents_by_start[nxt]
            else:
                stop = nxt
                while stop < len(doc) and stop - nxt < 6:
                    if doc[stop].pos_ == "PROPN" and doc[stop].is_title:
                        stop += 1
                    elif doc[stop].text == "-" and stop > nxt and stop + 1 < len(doc) and doc[stop + 1].is_title:
                        stop += 2  # "Amir-Abdollahian", "Example-Name"
                    else:
                        break
                if stop > nxt:
                    name_span = doc[nxt:stop]
        if name_span is not None:
            end = name_span.end
        elif _modifies_right(sp):
            return None  # "general election", "military operation": the word modifies a noun
        if kind == "generic" and name_span is None and scope is None:
            return None
        if sp[0].is_lower and kind == "generic" and name_span is None:
            # "a Russian official": keep, it is an unknown titled person.
            pass
        return _Item(
            start,
            end,
            "title",
            {
                "kind": kind,
                "val": val,
                "scope": scope,
                "phrase": phrase,
                "text": doc[start:end].text,
                "portfolio": portfolio,
                "former": lead < sp.start,
                "name": name_span.text if name_span is not None else None,
                "name_form": doc.vocab.strings[name_span.label][3:]
                if name_span is not None and name_span.label_.startswith("KB:")
                else None,
            },
        )

    def _resolve_title(
        self,
        data: dict[str, Any],
        window: tuple[dt.date, dt.date] | None,
        people: list[tuple[ActorRef, str | None, int]],
    ) -> tuple[ActorRef | None, str]:
        scope: Entry | None = data["scope"]
        if data["kind"] == "institution":
            key = data["key"]
            assert scope is not None
            inst = self.kb.institutions.get((key, scope.id))
            if inst is not None:
                return self.kb.entries[inst].ref(), "title"
            return self.kb.generic_institution(scope.id, key), "title"
        name = data.get("name")
        name_form = data.get("name_form") or (_strip(name) if name and _strip(name) in self.forms else None)
        if name_form is not None:
            for actor_id, _ in self.forms[name_form]:
                entry = self.kb.entries[actor_id]
                if entry.kind == "person":
                    return self._person_ref(entry, window), "title"
        if data["kind"] == "office":
            office, default_scope = data["val"]
            scope_id = scope.id if scope is not None else default_scope
            if scope_id is None and not name:
                # "the president": the last person named with that title, else the last
                # person named who holds that office (``people`` is in that priority order).
                for ref, off, _ in people:
                    if off == office:
                        return ref, "short-title"
                return None, "title"
            if scope_id is None:
                return ActorRef(
                    name=_strip(name or ""), kind="person", sector="GOV", role=data["phrase"].title()
                ), "title"
            if scope is None:
                scope = self.kb.entries.get(scope_id)
            role = self.kb.role_string(office, scope_id)
            if not name and data.get("former"):
                # "Iran's former foreign minister": not whoever holds the office at the document's date.
                name = data["text"]
            if not name and window is None:
                return self.kb.office_ref(office, scope_id), "title"
            if not name:
                held = self.kb.office_holder(office, scope_id, window)
                if held is None:
                    return None, "title"
                holder, held_office = held
                return replace(
                    holder.ref(role=held_office.role, sector=held_office.sector),
                    country=holder.country or held_office.country,
                ), "title"
            sector = "GOV"
            country = scope.country if scope is not None else None
            org = scope.org if scope is not None and scope.kind == "igo" else None
            return ActorRef(
                name=_strip(name), kind="person", country=country, org=org, sector=sector, role=role
            ), "title"
        label, sector = data["val"]
        if data.get("portfolio"):
            label = f"{label} of {data['portfolio']}"
        country = scope.country if scope is not None else None
        role = f"{label} of {scope.name}" if scope is not None else label
        person = _strip(name) if name else _strip(data["text"])
        org = scope.org if scope is not None and scope.kind == "igo" else None
        return ActorRef(name=person, kind="person", country=country, org=org, sector=sector, role=role), "title"


def _governing_subject(token: Token) -> set[int]:
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
