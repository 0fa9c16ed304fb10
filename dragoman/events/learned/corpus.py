"""The coder's training sentences: the project's templates filled from its slot lists, plus
(at training time, read from ../shared and never copied) the PLV example sentences."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

NONE = "NONE"
SLOT = re.compile(r"\{(\w+)\}")
# PLV's YIELD root stands for CONCEDE and RETREAT; the coder learns it as CONCEDE.
PLV_ROOTS = {"YIELD": "CONCEDE"}
FILLS_PER_TEMPLATE = 12
# Hard negatives are many short templates: fewer fills each keeps them a few hundred sentences.
NEGATIVE_FILLS = 4
NEGATIVE_FILE = "negatives.yaml"
# The news-copy templates are many and varied: fewer fills each keeps PLV's own sentences
# from being outweighed (the variety is in the templates, not in the actor names).
NEWS_FILE = "news.yaml"
NEWS_FILLS = 4


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]  # empty = no event
    construction: str
    origin: str  # "templates" or "plv"


def _data(name: str) -> Any:
    return yaml.safe_load((resources.files("dragoman.events.training") / name).read_text(encoding="utf-8"))


TEMPLATE_FILES = ("templates.yaml", "attribution.yaml", "domestic.yaml", NEWS_FILE, NEGATIVE_FILE)
# domestic.yaml's slots, drawn only for a template that names them (so the other templates'
# fills stay as they were).
DOMESTIC_SLOTS = (("agent", "agents"), ("armed", "armed"), ("crowd", "crowds"), ("city", "cities"))


FEWER_FILLS = {NEGATIVE_FILE: NEGATIVE_FILLS, NEWS_FILE: NEWS_FILLS}


def _entries() -> list[tuple[str, str, int, dict[str, Any]]]:
    """(file, type, number, entry) of every template, in file order."""
    found = []
    for name in TEMPLATE_FILES:
        for event_type, entries in _data(name).items():
            found += [(name, event_type, number, entry) for number, entry in enumerate(entries)]
    return found


def _values(rng: random.Random, slots: dict[str, Any], template: str) -> dict[str, str]:
    """Two distinct actors {A} and {B}, the other slots, then a third actor {C} and a {demonym},
    and the domestic slots the template names."""
    first, second = rng.sample(slots["actors"], 2)
    values = {"A": first, "B": second}
    for slot, pool in (
        ("date", "dates"),
        ("place", "places"),
        ("reporter", "reporters"),
        ("dateline", "datelines"),
        ("count", "counts"),
    ):
        values[slot] = rng.choice(slots[pool])
    values["C"] = rng.choice([a for a in slots["actors"] if a not in (first, second)])
    values["demonym"] = rng.choice(slots["demonyms"])
    wanted = set(SLOT.findall(template))
    for slot, pool in DOMESTIC_SLOTS:
        if slot in wanted:
            values[slot] = rng.choice(slots[pool])
    return values


def _seed(name: str, prefix: str, event_type: str, number: int) -> str:
    # The first file keeps the seeds it always had, so its fills do not change when files are added.
    return f"{prefix}|{event_type}|{number}" if name == TEMPLATE_FILES[0] else f"{prefix}|{name}|{event_type}|{number}"


def template_examples(fills: int = FILLS_PER_TEMPLATE, seed: int = 0) -> list[Example]:
    """Every template filled ``fills`` times with distinct actor pairs, deterministically."""
    slots = _data("slots.yaml")
    examples: list[Example] = []
    for name, event_type, number, entry in _entries():
        rng = random.Random(_seed(name, str(seed), event_type, number))
        for _ in range(min(fills, FEWER_FILLS[name]) if name in FEWER_FILLS else fills):
            text, _spans = _fill(entry["text"], _values(rng, slots, entry["text"]))
            labels = frozenset() if event_type == NONE else frozenset({event_type})
            examples.append(Example(text, labels, entry["construction"], "templates"))
    return examples


@dataclass(frozen=True)
class RoleExample:
    """A sentence with one event's type and the character spans of its sources and targets."""

    text: str
    event_type: str
    sources: tuple[tuple[int, int], ...]
    targets: tuple[tuple[int, int], ...]
    construction: str


# "{A} and {B} signed", "between {A} and {B}", "{A}, {B} Reach Deal": both sides act.
JOINT = re.compile(r"\{A\}(?: and |, )\{B\}")
ROLE_FILLS_PER_TEMPLATE = 4
# news.yaml teaches the type model only: its reported speech and multi-clause sentences cost
# the role model on PLV_train (5-fold CV, type and actors 39% -> 38% with them). Its
# ``roles`` are written down for when the role model can use them.
ROLE_SKIP = {NEWS_FILE}


def template_role_examples(fills: int = ROLE_FILLS_PER_TEMPLATE, seed: int = 0) -> list[RoleExample]:
    """The event templates filled with distinct pairs: {A} is the source and {B} the target unless
    the two are joined ("{A} and {B}": both sources) or the entry says otherwise (``roles``).
    A template may name a target alone ("{count} {demonym} aid workers were abducted"): the
    victims of an agentless passive are targets, and no one in the sentence is the source."""
    slots = _data("slots.yaml")
    examples: list[RoleExample] = []
    for name, event_type, number, entry in _entries():
        if event_type == NONE or name in ROLE_SKIP:
            continue
        roles = {"A": "source", "B": "source" if JOINT.search(entry["text"]) else "target"}
        roles.update(entry.get("roles") or {})
        rng = random.Random(_seed(name, f"roles|{seed}", event_type, number))
        for _ in range(fills):
            text, spans = _fill(entry["text"], _values(rng, slots, entry["text"]))
            found: dict[str, list[tuple[int, int]]] = {"source": [], "target": [], "none": []}
            for slot, span in spans:
                if slot in roles:
                    found[roles[slot]].append(span)
            if not found["source"] and not found["target"]:
                continue  # a template naming no participant teaches the type alone
            examples.append(
                RoleExample(text, event_type, tuple(found["source"]), tuple(found["target"]), entry["construction"])
            )
    return examples


def _fill(template: str, values: dict[str, str]) -> tuple[str, list[tuple[str, tuple[int, int]]]]:
    """The filled text and where each slot's value landed."""
    parts: list[str] = []
    spans: list[tuple[str, tuple[int, int]]] = []
    length, last = 0, 0
    for match in SLOT.finditer(template):
        parts.append(template[last : match.start()])
        length += match.start() - last
        value = values[match.group(1)]
        spans.append((match.group(1), (length, length + len(value))))
        parts.append(value)
        length += len(value)
        last = match.end()
    parts.append(template[last:])
    text = "".join(parts)
    return text[0].upper() + text[1:], spans


def plv_examples(texts_and_roots: list[tuple[str, list[str]]]) -> list[Example]:
    """PLV sentences (plain text) with their roots, YIELD read as CONCEDE."""
    return [
        Example(text, frozenset(PLV_ROOTS.get(r, r) for r in roots), "plv", "plv") for text, roots in texts_and_roots
    ]


def counts(examples: list[Example]) -> Counter[tuple[str, str]]:
    """(label or NONE, construction) → sentences: the data card's table."""
    return Counter((next(iter(e.labels)) if e.labels else NONE, e.construction) for e in examples)
