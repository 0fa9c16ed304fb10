"""Reading PLV pair files (tab-separated, with or without gold columns)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd


@dataclass
class PairRows:
    marked: list[str]
    groups: list[str]
    roots: list[str] | None
    quads: list[int] | None


def read_pairs(path: Path) -> PairRows:
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=3)
    if "marked_sentence" not in frame.columns:
        raise ValueError(f"{path}: no marked_sentence column")
    marked = [
        m or s for m, s in zip(frame["marked_sentence"], frame.get("sentence", frame["marked_sentence"]), strict=True)
    ]
    groups = list(frame["sentence_id"]) if "sentence_id" in frame.columns else [str(i) for i in range(len(frame))]
    roots = list(frame["gold_root"]) if "gold_root" in frame.columns and frame["gold_root"].all() else None
    quads = (
        [int(q) for q in frame["gold_penta"]] if "gold_penta" in frame.columns and frame["gold_penta"].all() else None
    )
    return PairRows(marked, groups, roots, quads)
