"""Towns and regions as stand-ins for their state, for the learned event coder.

"A bomb exploded in Grozny, killing three soldiers": the sentence names no actor the resolver
knows, so no coder could give the attack a party, while event datasets code it to the state
the place is in (POLECAT and ICEWS do, and so do the hand-coded sets dragoman is measured on).
In a sentence that names no actor, each name the gazetteer knows (a whole place entity, a
state, or a name before a noun of place) becomes a mention of its state with
``method="place"``, for the learned coder only. Where a party is named, the place says where,
not who, and is left alone (with stand-ins there as well, PLV_train's attribution lost six
events in cross-validation). The mentions reach no other stage, since a town is no actor: the
actors, quotes and locations of a document are as the resolver and the agents stage give them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dragoman.actors import KnowledgeBase
from dragoman.actors.coreference import Layout
from dragoman.domain.ranges import Ranges
from dragoman.domain.records import Document, Mention, Sentence
from dragoman.places.agents import Where, inferred_mention, named_places
from dragoman.places.locator import EventLocator

NAME = "places.named"
VERSION = "1.0"
METHOD = "place"


class PlaceStandIns:
    """Adds a mention of its state for each place named in a document."""

    def __init__(self, kb: KnowledgeBase, locator: EventLocator) -> None:
        self.kb = kb
        self.locator = locator

    def add(
        self, document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
    ) -> list[Mention]:
        """``mentions`` with the places added, each in place of an unresolved mention of its span."""
        layout = Layout.of(document.text, sentences)
        named = {m.sentence_index for m in mentions if m.actor is not None}
        # where a party is named, the place says where, not who ("talks in Oslo")
        bare = [s for s in spacy_doc.sents if layout.sentence(s.start_char) not in named]
        if not bare:
            return mentions
        where = Where(self.locator, document, spacy_doc, mentions)
        places: list[Mention] = []
        for sentence in bare:
            for span, country in named_places(self.locator, sentence, where):
                if country in self.kb.entries:
                    actor = self.kb.get(country, document.published)
                    mention_id = f"{document.doc_id}:p{len(places)}"
                    places.append(
                        inferred_mention(document, layout, span, METHOD, actor, mention_id, f"{NAME}@{VERSION}")
                    )
        if not places:
            return mentions
        placed = Ranges((m.start, m.end) for m in places)
        kept = [m for m in mentions if m.actor is not None or not placed.overlapping(m.start, m.end)]
        return sorted([*kept, *places], key=lambda m: (m.start, m.end))
