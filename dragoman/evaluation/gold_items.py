"""Reading sentence-level gold into ``Item``s: PLV-format TSV files and the newswire set."""

from __future__ import annotations

import csv
import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dragoman.evaluation.sentence_events import GoldEvent, Item

MARK = re.compile(r"</?[st]>")
# Wire copy as distributed writes entities without their ampersand (" #39;") and escapes dollars.
BARE_ENTITY = re.compile(r" ?#(\d+);")


def _spans(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The sentence without its <s>/<t> marks, and where each marked part sits in it."""
    text: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    opened: dict[str, int] = {}
    cursor = position = 0
    for match in MARK.finditer(marked):
        text.append(marked[cursor : match.start()])
        position += match.start() - cursor
        cursor = match.end()
        tag = match.group()
        if tag.startswith("</"):
            spans[tag[2]] = (opened.pop(tag[2], position), position)
        else:
            opened[tag[1]] = position
    text.append(marked[cursor:])
    return "".join(text), spans


def read_plv_items(path: Path) -> list[Item]:
    """One item per sentence_id; each row is a gold event between its marked source and target."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise ValueError(f"cannot read: {exc}") from exc
    if not rows or not {"sentence_id", "marked_sentence", "gold_root"} <= set(rows[0]):
        raise ValueError("needs sentence_id, marked_sentence and gold_root columns")
    items: dict[str, Item] = {}
    for row in rows:
        text, spans = _spans(row["marked_sentence"])
        item = items.setdefault(row["sentence_id"], Item(key=f"plv:{row['sentence_id']}", text=text, events=[]))
        item.events.append(
            GoldEvent(
                types=(row["gold_root"],),
                source=frozenset(),
                target=frozenset(),
                source_span=spans.get("s"),
                target_span=spans.get("t"),
            )
        )
    return list(items.values())


def clean_wire(text: str) -> str:
    """Undo the distribution's escaping (bare entities, backslashes, doubled spaces) so the parser reads prose."""
    text = BARE_ENTITY.sub(lambda m: chr(int(m.group(1))), text)
    text = html.unescape(text).replace("\\$", "$").replace("\\", " ")
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def _newswire_codes() -> dict[str, frozenset[str]]:
    import yaml

    text = (resources.files("dragoman.evaluation") / "data" / "newswire_codes.yaml").read_text(encoding="utf-8")
    return {code: frozenset(ours) for code, ours in yaml.safe_load(text)["codes"].items()}


def newswire_code(code: str) -> frozenset[str]:
    """The knowledge-base codes that answer to one of the newswire set's actor codes."""
    return _newswire_codes().get(code, frozenset({code}))


def read_newswire_items(folder: Path) -> list[Item]:
    """The coded items of the newswire set: headline and description as one document, events keyed by row."""
    events: dict[int, list[GoldEvent]] = {}
    with (folder / "dev-events.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            coded = events.setdefault(int(record["row"]), [])
            if record.get("none"):
                continue
            coded.append(
                GoldEvent(
                    types=tuple(record["types"]),
                    source=newswire_code(record["src"]),
                    target=newswire_code(record["tgt"]) if record.get("tgt") else None,
                    status=record["status"],
                    symmetric=bool(record.get("sym")),
                )
            )
    items = []
    with (folder / "world-dev.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            number = int(row["row"])
            if number in events:
                text = f"{clean_wire(row['title'])}\n\n{clean_wire(row['description'])}"
                items.append(Item(key=f"newswire:{number}", text=text, events=events[number]))
    return items
