"""Near-duplicate detection: the same article republished by a second site.

MinHash over word 5-shingles estimates Jaccard similarity; banded locality
sensitive hashing finds candidates without comparing every pair.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

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
    """Signatures of stored originals, looked up by LSH band."""

    def __init__(self) -> None:
        self._signatures: dict[str, list[int]] = {}
        self._bands: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)

    def signature(self, text: str) -> list[int]:
        values = np.array(sorted(_shingles(text)), dtype=np.uint64)
        # (a*x + b) mod p in 64-bit arithmetic: wraps, but stays a fixed, well-mixed permutation.
        hashed = (np.outer(_A, values) + _B[:, None]) % np.uint64(_MERSENNE)
        return [int(v) for v in hashed.min(axis=1)]

    def add(self, doc_id: str, signature: list[int]) -> None:
        self._signatures[doc_id] = signature
        for band in range(BANDS):
            self._bands[(band, tuple(signature[band * ROWS : (band + 1) * ROWS]))].append(doc_id)

    @staticmethod
    def similarity(a: list[int], b: list[int]) -> float:
        return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)

    def find_twin(self, signature: list[int], threshold: float = 0.8) -> str | None:
        """The most similar stored document at or above the threshold, if any."""
        candidates: set[str] = set()
        for band in range(BANDS):
            candidates.update(self._bands.get((band, tuple(signature[band * ROWS : (band + 1) * ROWS])), ()))
        best, best_score = None, threshold
        for doc_id in sorted(candidates):
            score = self.similarity(signature, self._signatures[doc_id])
            if score >= best_score:
                best, best_score = doc_id, score
        return best
