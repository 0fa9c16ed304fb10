"""The learned PLOVER classifier for a marked (source, target) pair."""

from dragoman.events.plv.model import ROOT_QUAD, PairClassifier, PairPrediction

__all__ = ["ROOT_QUAD", "PairClassifier", "PairPrediction"]
