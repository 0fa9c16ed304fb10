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


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]  # empty = no event
    construction: str
    origin: str  # "templates" or "plv"


def _data(name: str) -> Any:
    return yaml.safe_load((resources.files("dragoman.events.training") / name).read_text(encoding="utf-8"))


def template_examples(fills: int = FILLS_PER_TEMPLATE, seed: int = 0) -> list[Example]:
    """Every template filled ``fills`` times with distinct actor pairs, deterministically."""
    slots = _data("slots.yaml")
    templates = _data("templates.yaml")
    pools = {
        "date": slots["dates"],
        "place": slots["places"],
        "reporter": slots["reporters"],
        "dateline": slots["datelines"],
        "count": slots["counts"],
    }
    actors: list[str] = slots["actors"]
    examples: list[Example] = []
    for event_type, entries in templates.items():
        for number, entry in enumerate(entries):
            rng = random.Random(f"{seed}|{event_type}|{number}")
            for _ in range(fills):
                first, second = rng.sample(actors, 2)
                values = {"A": first, "B": second, **{k: rng.choice(v) for k, v in pools.items()}}
                text = SLOT.sub(lambda m, v=values: v[m.group(1)], entry["text"])  # type: ignore[misc]
                text = text[0].upper() + text[1:]
                labels = frozenset() if event_type == NONE else frozenset({event_type})
                examples.append(Example(text, labels, entry["construction"], "templates"))
    return examples


def plv_examples(texts_and_roots: list[tuple[str, list[str]]]) -> list[Example]:
    """PLV sentences (plain text) with their roots, YIELD read as CONCEDE."""
    return [
        Example(text, frozenset(PLV_ROOTS.get(r, r) for r in roots), "plv", "plv") for text, roots in texts_and_roots
    ]


def counts(examples: list[Example]) -> Counter[tuple[str, str]]:
    """(label or NONE, construction) → sentences: the data card's table."""
    return Counter((next(iter(e.labels)) if e.labels else NONE, e.construction) for e in examples)
