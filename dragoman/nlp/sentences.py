"""Sentence records with document offsets and their furniture flag."""

from __future__ import annotations

from spacy.tokens import Doc

from dragoman.domain.records import Document, Sentence


def sentence_records(document: Document, spacy_doc: Doc) -> list[Sentence]:
    """One record per non-blank spaCy sentence, trimmed of surrounding whitespace."""
    records: list[Sentence] = []
    for sent in spacy_doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        records.append(
            Sentence(
                doc_id=document.doc_id,
                index=len(records),
                start=start,
                end=end,
                text=stripped,
                furniture=document.is_furniture(start, end),
            )
        )
    return records
