"""Train the PLOVER pair classifier: ``python -m dragoman.events.plv.train [PLV_train.tsv]``."""

from __future__ import annotations

import sys
from pathlib import Path

from dragoman.events.plv.data import read_pairs
from dragoman.events.plv.model import MODEL_FILE, PairClassifier

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "plv" / "PLV_train.tsv"


def train(path: Path = DEFAULT_DATA, out: Path = MODEL_FILE) -> PairClassifier:
    rows = read_pairs(path)
    if rows.roots is None:
        raise SystemExit(f"{path}: no gold_root column to train on")
    model = PairClassifier().fit(rows.marked, rows.roots)
    model.save(out)
    return model


if __name__ == "__main__":
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    train(data)
    print(f"trained on {data} -> {MODEL_FILE} ({MODEL_FILE.stat().st_size / 1e6:.1f} MB)")
