"""Fit the learned coder's confidence map: ``python -m dragoman.evaluation.calibrate_events``
(with ``--retrain``, the type and role models are retrained first; with ``--finetune`` as well,
the encoder's top layers before them, which needs torch: the one command that rebuilds them all).

PLV_train (read from ../shared, never copied) is coded end to end by cross-validation, the
learned coder trained on the other folds each time, as ``dragoman eval events --cv 5``
does; each extracted mention gives its type probability and whether it is of a gold type.
An isotonic regression over those pairs maps a probability to the share of mentions that
were right, and is stored with the shipped type model (the weights are left as they are).
Deterministic: fixed folds, deterministic training. ../shared/eval/newswire stays out of it,
so its reliability table measures the map on text it was not fitted to.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from dragoman.evaluation import train_events
from dragoman.evaluation.gold_items import read_plv_items
from dragoman.evaluation.runs import run_items
from dragoman.evaluation.sentence_events import reliability
from dragoman.evaluation.train_events import OUTPUT, default_plv
from dragoman.events.learned.typemodel import TypeModel

FOLDS = 5


def held_out_pairs(plv: Path, folds: int = FOLDS) -> list[tuple[float, bool]]:
    """(type probability, of a gold type) for each mention of PLV coded by cross-validation."""
    return list(run_items(read_plv_items(plv), coder="learned", cv=folds).calibration)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plv", type=Path, default=None, help="PLV-format TSV (default ../shared PLV_train)")
    parser.add_argument("--model", type=Path, default=OUTPUT, help="the type model to calibrate, rewritten in place")
    parser.add_argument("--retrain", action="store_true", help="retrain the type and role models first")
    parser.add_argument(
        "--finetune", action="store_true", help="with --retrain: fine-tune the encoder's top layers first (torch)"
    )
    args = parser.parse_args(argv)
    if args.finetune:
        if not args.retrain:
            parser.error("--finetune changes the vectors the models read: give --retrain too")
        from dragoman.evaluation import finetune_encoder
        from dragoman.events.learned.encoder import shared_encoder

        finetune_encoder.main([])
        shared_encoder.cache_clear()  # the models are retrained on the tuned vectors
    if args.retrain:
        train_events.main([*(["--plv", str(args.plv)] if args.plv else []), "--output", str(args.model)])
    pairs = held_out_pairs(args.plv or default_plv())
    model = TypeModel.load(args.model)
    model.calibration = TypeModel.fit_calibration(pairs)
    model.save(args.model)
    _, before = reliability(pairs)
    _, after = reliability([(model.confidence(p), ok) for p, ok in pairs])
    points = model.calibration.shape[1]
    print(f"{len(pairs)} held-out mentions, {points} points; ECE on them {before:.3f} -> {after:.3f} -> {args.model}")


if __name__ == "__main__":
    main()
