"""The sentence and token layer: spaCy model loading and sentence records."""

from dragoman.nlp.corrections import corrected
from dragoman.nlp.model import MODEL_NAME, load_model
from dragoman.nlp.sentences import sentence_records

__all__ = ["MODEL_NAME", "corrected", "load_model", "sentence_records"]
