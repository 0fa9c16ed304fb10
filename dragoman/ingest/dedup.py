"""Near-duplicate detection: the same article republished by a second site.

MinHash over word 5-shingles estimates Jaccard similarity; banded locality
sensitive hashing finds candidates without comparing every pair.
"""

from __future__ import annotations

import hashlib
import re

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


class NearDuplicateIndex:
    """Signatures of stored originals, looked up by LSH band.

    Kept compact, since it holds every stored original: a signature as 512 bytes, a band
    as a 64-bit key naming one document (a list only when several share it). About 2 KB a
    document, against 8 KB as Python lists and tuples.
    """

    def __init__(self) -> None:
        self._signatures: dict[str, bytes] = {}
        self._bands: dict[int, str | list[str]] = {}

    def signature(self, text: str) -> list[int]:
        values = np.array(sorted(_shingles(text)), dtype=np.uint64)
        # (a*x + b) mod p in 64-bit arithmetic: wraps, but stays a fixed, well-mixed permutation.
        hashed = (np.outer(_A, values) + _B[:, None]) % np.uint64(_MERSENNE)
        return [int(v) for v in hashed.min(axis=1)]

    @staticmethod
    def _band_keys(packed: np.ndarray) -> list[int]:
        # A rare collision of two keys only adds a candidate, which the similarity check drops.
        return [hash((band, packed[band * ROWS : (band + 1) * ROWS].tobytes())) for band in range(BANDS)]

    def add(self, doc_id: str, signature: list[int]) -> None:
        packed = np.asarray(signature, dtype=np.uint64)
        self._signatures[doc_id] = packed.tobytes()
        for key in self._band_keys(packed):
            held = self._bands.get(key)
            if held is None:
                self._bands[key] = doc_id
            elif isinstance(held, str):
                self._bands[key] = [held, doc_id]
            else:
                held.append(doc_id)

    @staticmethod
    def similarity(a: list[int] | np.ndarray, b: list[int] | np.ndarray) -> float:
        left, right = np.asarray(a, dtype=np.uint64), np.asarray(b, dtype=np.uint64)
        return float(np.count_nonzero(left == right)) / len(left)

    def find_twin(self, signature: list[int], threshold: float = 0.8) -> str | None:
        """The most similar stored document at or above the threshold, if any."""
        packed = np.asarray(signature, dtype=np.uint64)
        candidates: set[str] = set()
        for key in self._band_keys(packed):
            held = self._bands.get(key)
            if held is not None:
                candidates.update((held,) if isinstance(held, str) else held)
        best, best_score = None, threshold
        for doc_id in sorted(candidates):
            score = self.similarity(packed, np.frombuffer(self._signatures[doc_id], dtype=np.uint64))
            if score >= best_score:
                best, best_score = doc_id, score
        return best
