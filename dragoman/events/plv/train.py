"""Train the PLOVER pair classifier: ``python -m dragoman.events.plv.train [PLV_train.tsv]``.

Deterministic on CPU (fixed seeds, one thread); writes plv_lexical.joblib and plv_encoder.joblib.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dragoman.events.plv.data import read_pairs
from dragoman.events.plv.encoder import ENCODER_FILE, TrainingStackMissing, require_training_stack
from dragoman.events.plv.model import LEXICAL_FILE, PairClassifier
from dragoman.shared_data import shared_dir

PLV_TRAIN = Path("eval") / "plv" / "PLV_train.tsv"


def train(
    path: Path | None = None, lexical_out: Path = LEXICAL_FILE, encoder_out: Path = ENCODER_FILE
) -> PairClassifier:
    require_training_stack()
    import torch

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    path = path or shared_dir(str(PLV_TRAIN.parent)) / PLV_TRAIN
    rows = read_pairs(path)
    if rows.roots is None:
        raise SystemExit(f"{path}: no gold_root column to train on")
    model = PairClassifier.train(rows.marked, rows.roots, log=True)
    model.save(lexical_out, encoder_out)
    return model


if __name__ == "__main__":
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_dir(str(PLV_TRAIN.parent)) / PLV_TRAIN
    try:
        train(data)
    except TrainingStackMissing as exc:
        raise SystemExit(f"error: {exc}") from None
    size = (LEXICAL_FILE.stat().st_size + ENCODER_FILE.stat().st_size) / 1e6
    print(f"trained on {data} -> {LEXICAL_FILE.name}, {ENCODER_FILE.name} ({size:.1f} MB)")
