"""The words of a sentence as hashed features, beside its MiniLM vector.

A mean-pooled sentence vector says what a sentence is about better than what was done:
"imposed sanctions on" and "lifted sanctions on" lie close together. Word and word-pair
features carry the verb and its object; they are read as lemmas, so "sanctioned",
"sanctions" and "sanction" are one word. scikit-learn's HashingVectorizer needs no stored
vocabulary, so the type model's file holds only weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import HashingVectorizer

# Hash buckets: enough that the training sentences' words and word pairs rarely share one.
DIMS = 2**15


@lru_cache(maxsize=1)
def _vectorizer() -> HashingVectorizer:
    """Imported at first use: scikit-learn takes about a second to import, which a process that
    never codes an event with the learned coder (a read command, a test) should not pay."""
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        n_features=DIMS, ngram_range=(1, 2), alternate_sign=False, norm="l2", lowercase=True, dtype="float32"
    )


def lemmas(tokens: Iterable[Token]) -> str:
    """What the features read of a parsed sentence: its lemmas, lower-cased, spaces between."""
    return " ".join(token.lemma_.lower() for token in tokens if not token.is_space)


def hashed(words: Sequence[str]) -> csr_matrix:
    """One row per sentence (its ``lemmas``): words and word pairs, hashed, the row of unit length."""
    return _vectorizer().transform(list(words))
