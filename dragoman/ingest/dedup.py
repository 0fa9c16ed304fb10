"""Near-duplicate detection: the same article republished by a second site.

MinHash over word 5-shingles estimates Jaccard similarity (datasketch's ``MinHash``, its
"affine32" scheme: 64 values below 2**32); banded locality sensitive hashing finds
candidates without comparing every pair. The bands of stored originals live in the store
(table near_duplicate_bands, keys from ``band_keys``), so memory does not grow with the
corpus; ``NearDuplicateIndex`` (datasketch's ``MinHashLSH``) holds only the documents of a
run that are not written yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from dragoman.domain.records import Document

NUM_HASHES = 64
BANDS = 16
ROWS = NUM_HASHES // BANDS
SHINGLE = 5
SEED = 20221019
SCHEME = "affine32"
# What a stored signature was made with: a store whose signatures were made otherwise
# (before datasketch: blake2b shingles and 61-bit permutations) has them made again.
SIGNATURE_VERSION = f"datasketch {SCHEME}, seed {SEED}, {NUM_HASHES} hashes, word {SHINGLE}-shingles"
WORD = re.compile(r"\w+")
_PERMUTATIONS = MinHash(num_perm=NUM_HASHES, seed=SEED, scheme=SCHEME).permutations


def body_text(document: Document) -> str:
    """The text outside page furniture and the headline: what near-duplicate detection compares.

    A second site often retitles an article, so the first line does not count.
    """
    parts, cursor = [], 0
    for start, end, _ in sorted(document.furniture):
        parts.append(document.text[cursor:start])
        cursor = max(cursor, end)
    parts.append(document.text[cursor:])
    text = "".join(parts).strip()
    first, _, rest = text.partition("\n")
    return rest if rest.strip() and len(first.split()) <= 25 else text


def _shingles(text: str) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def minhash(text: str) -> LeanMinHash:
    """The MinHash of a text's word shingles."""
    sketch = MinHash(num_perm=NUM_HASHES, seed=SEED, scheme=SCHEME, permutations=_PERMUTATIONS)
    sketch.update_batch(_shingles(text))
    return LeanMinHash(sketch)


def _lean(signature: Sequence[int] | np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.asarray(signature, dtype=np.uint32), scheme=SCHEME)


def band_keys(signature: Sequence[int] | np.ndarray) -> list[int]:
    """One 64-bit key per band: the XOR of its rows, the band's number in the top bits.

    Keys are compared across runs, so they must not depend on the process (Python's hash
    of bytes does). Two bands with different rows rarely share a key, and when they do
    the similarity check drops the candidate.
    """
    rows = np.asarray(signature, dtype=np.int64).reshape(BANDS, ROWS)
    keys = np.bitwise_xor.reduce(rows, axis=1) ^ (np.arange(BANDS, dtype=np.int64) << 58)
    return [int(key) for key in keys]


def band_keys_sql(signature: str, band: str) -> str:
    """``band_keys`` as a DuckDB expression, for band ``band`` of a BIGINT[] ``signature``."""
    rows = [f"{signature}[{ROWS} * {band} + {row + 1}]" for row in range(ROWS)]
    expression = rows[0]
    for row in rows[1:]:
        expression = f"xor({expression}, {row})"
    return f"xor({expression}, {band}::BIGINT << 58)"


class NearDuplicateIndex:
    """Signatures looked up by LSH band (datasketch's ``MinHashLSH``, ``BANDS`` bands of
    ``ROWS`` values): the documents of this run not yet in the store."""

    def __init__(self) -> None:
        self._sketches: dict[str, LeanMinHash] = {}
        self._lsh = MinHashLSH(num_perm=NUM_HASHES, params=(BANDS, ROWS))

    @staticmethod
    def signature(text: str) -> list[int]:
        """The text's MinHash values, as stored (``documents.signature``)."""
        return [int(value) for value in minhash(text).hashvalues]

    def add(self, doc_id: str, signature: Sequence[int]) -> None:
        sketch = _lean(signature)
        self._sketches[doc_id] = sketch
        self._lsh.insert(doc_id, sketch, check_duplication=False)

    def remove(self, doc_id: str) -> None:
        """Forget a document (once it is in the store, the store's bands find it)."""
        if self._sketches.pop(doc_id, None) is not None:
            self._lsh.remove(doc_id)

    def __len__(self) -> int:
        return len(self._sketches)

    @staticmethod
    def similarity(a: Sequence[int] | np.ndarray, b: Sequence[int] | np.ndarray) -> float:
        """The Jaccard similarity the two signatures estimate."""
        return float(_lean(a).jaccard(_lean(b)))

    def find_twin(
        self, signature: Sequence[int], threshold: float = 0.8, stored: Mapping[str, Sequence[int]] | None = None
    ) -> str | None:
        """The most similar document at or above the threshold, if any: one held here, or one
        of ``stored`` (the store's candidates for this signature's bands)."""
        sketch = _lean(signature)
        candidates: dict[str, LeanMinHash] = {doc_id: _lean(other) for doc_id, other in (stored or {}).items()}
        candidates.update((doc_id, self._sketches[doc_id]) for doc_id in self._candidates(sketch))
        best, best_score = None, threshold
        for doc_id in sorted(candidates):
            score = float(sketch.jaccard(candidates[doc_id]))
            if score >= best_score:
                best, best_score = doc_id, score
        return best

    def _candidates(self, sketch: LeanMinHash) -> Iterable[str]:
        return self._lsh.query(sketch) if self._sketches else ()
