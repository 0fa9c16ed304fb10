"""A person's surname anywhere in the document names the person the document names in full.

The resolver's walk links a surname to a person named before it; news puts the surname first
in the headline ("Hendry Vows Tariff Relief" over "Canadian Foreign Minister Paul Hendry
promised ..."), and the
parser often takes a lone surname for an organisation or for no entity at all.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from dragoman.actors.coreference import Layout
from dragoman.domain.ranges import Ranges
from dragoman.domain.records import ActorRef, Document, Mention

# Entity labels a surname may carry; "May" in "in May 2019" (a DATE) is no Theresa May.
NAME_LABELS = {"", "PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}
# Parts of speech a capitalised surname may be given: a Title Case headline's parse calls
# names adjectives and nouns.
NAME_TAGS = {"PROPN", "NOUN", "ADJ"}


def surnames_of(mentions: list[Mention]) -> dict[str, ActorRef]:
    """Surname -> the person of that surname the document names in two words or more; a surname
    two different people share names neither."""
    found: dict[str, ActorRef] = {}
    shared: set[str] = set()
    for mention in mentions:
        actor = mention.actor
        if actor is None or actor.kind != "person" or mention.method in {"pronoun", "plural-ref"}:
            continue
        words = actor.name.split()
        if len(words) < 2 or not words[-1][:1].isupper():
            continue
        surname = words[-1]
        if surname in found and found[surname] != actor:
            shared.add(surname)
        found.setdefault(surname, actor)
    return {surname: actor for surname, actor in found.items() if surname not in shared}


def with_surnames(
    document: Document, doc: Doc, mentions: list[Mention], layout: Layout, component: str
) -> list[Mention]:
    """The mentions with each lone surname of a person named in full resolved to that person:
    an unresolved entity of that one word, or a proper noun no mention covers."""
    surnames = surnames_of(mentions)
    if not surnames:
        return mentions
    by_name = {actor.name: actor for actor in surnames.values()}
    kept: list[Mention] = []
    for mention in mentions:
        if mention.actor is None and mention.method == "ner":  # an entity the walk left unresolved
            actor = surnames.get(mention.text) or by_name.get(" ".join(mention.text.split()))
            if actor is not None:
                mention = replace(mention, actor=actor, method="short-name")
            elif mention.label != "PERSON" and mention.text.split()[-1] in surnames:
                continue  # a Title Case headline run ending in the surname: the surname is taken out below
        kept.append(mention)
    covered = Ranges((mention.start, mention.end) for mention in kept)
    added = [
        Mention(
            mention_id="",
            doc_id=document.doc_id,
            start=token.idx,
            end=token.idx + len(token.text),
            text=token.text,
            sentence_index=layout.sentence(token.idx),
            method="short-name",
            actor=surnames[token.text],
            label=None,
            component=component,
        )
        for token in doc
        if token.text in surnames and _name_like(token) and not covered.overlapping(token.idx, token.idx + len(token))
    ]
    if not added and len(kept) == len(mentions):
        return kept
    merged = sorted(kept + added, key=lambda m: (m.start, m.end))
    return [replace(m, mention_id=f"{document.doc_id}:m{i}") for i, m in enumerate(merged)]


def _name_like(token: Token) -> bool:
    return token.is_title and token.pos_ in NAME_TAGS and token.ent_type_ in NAME_LABELS
