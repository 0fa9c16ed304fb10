"""Near-duplicate detection: the same article republished by a second site.

MinHash over word 5-shingles estimates Jaccard similarity; banded locality
sensitive hashing finds candidates without comparing every pair. The bands of
stored originals live in the store (table near_duplicate_bands), so memory does
not grow with the corpus; this module holds only the documents of a run that are
not written yet.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

import numpy as np

NUM_HASHES = 64
BANDS = 16
ROWS = NUM_HASHES // BANDS
SHINGLE = 5
_MERSENNE = (1 << 61) - 1
_rng = np.random.default_rng(20221019)
_A = _rng.integers(1, _MERSENNE, NUM_HASHES, dtype=np.uint64)
_B = _rng.integers(0, _MERSENNE, NUM_HASHES, dtype=np.uint64)
WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[int]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    return {
        int.from_bytes(hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=7).digest(), "big")
        for i in range(len(words) - SHINGLE + 1)
    }


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
    """Signatures looked up by LSH band: the documents of this run not yet in the store.

    A signature is kept as 512 bytes, a band as a 64-bit key naming one document (a list
    only when several share it).
    """

    def __init__(self) -> None:
        self._signatures: dict[str, bytes] = {}
        self._bands: dict[int, str | list[str]] = {}

    def signature(self, text: str) -> list[int]:
        values = np.array(sorted(_shingles(text)), dtype=np.uint64)
        # (a*x + b) mod p in 64-bit arithmetic: wraps, but stays a fixed, well-mixed permutation.
        hashed = (np.outer(_A, values) + _B[:, None]) % np.uint64(_MERSENNE)
        return [int(v) for v in hashed.min(axis=1)]

    def add(self, doc_id: str, signature: list[int]) -> None:
        self._signatures[doc_id] = np.asarray(signature, dtype=np.uint64).tobytes()
        for key in band_keys(signature):
            held = self._bands.get(key)
            if held is None:
                self._bands[key] = doc_id
            elif isinstance(held, str):
                self._bands[key] = [held, doc_id]
            else:
                held.append(doc_id)

    def remove(self, doc_id: str) -> None:
        """Forget a document (once it is in the store, the store's bands find it)."""
        packed = self._signatures.pop(doc_id, None)
        if packed is None:
            return
        for key in band_keys(np.frombuffer(packed, dtype=np.uint64).astype(np.int64)):
            held = self._bands.get(key)
            if held == doc_id:
                del self._bands[key]
            elif isinstance(held, list) and doc_id in held:
                held.remove(doc_id)
                if len(held) == 1:
                    self._bands[key] = held[0]

    def __len__(self) -> int:
        return len(self._signatures)

    @staticmethod
    def similarity(a: list[int] | np.ndarray, b: list[int] | np.ndarray) -> float:
        left, right = np.asarray(a, dtype=np.uint64), np.asarray(b, dtype=np.uint64)
        return float(np.count_nonzero(left == right)) / len(left)

    def find_twin(
        self, signature: list[int], threshold: float = 0.8, stored: Mapping[str, Sequence[int]] | None = None
    ) -> str | None:
        """The most similar document at or above the threshold, if any: one held here, or one
        of ``stored`` (the store's candidates for this signature's bands)."""
        packed = np.asarray(signature, dtype=np.uint64)
        candidates: dict[str, np.ndarray] = {
            doc_id: np.asarray(other, dtype=np.uint64) for doc_id, other in (stored or {}).items()
        }
        for key in band_keys(signature):
            held = self._bands.get(key)
            for doc_id in (held,) if isinstance(held, str) else held or ():
                candidates[doc_id] = np.frombuffer(self._signatures[doc_id], dtype=np.uint64)
        best, best_score = None, threshold
        for doc_id in sorted(candidates):
            score = self.similarity(packed, candidates[doc_id])
            if score >= best_score:
                best, best_score = doc_id, score
        return best
