"""A small lexicon stance model: is the speaker for or against each actor the content names?

The words are in ``dragoman/lexicon/en/stance.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dragoman.domain.records import Stance
from dragoman.lexicon import load_lexicon


def _words(patterns: Sequence[str]) -> re.Pattern[str]:
    """One case-folded pattern matching any of the entries as a whole word, first entry first."""
    return re.compile(r"\b(" + "|".join(patterns) + r")\b", re.I)


_LEXICON = load_lexicon(["stance"])["stance"]
OPPOSE = _words(_LEXICON["stances"]["oppose"])
SUPPORT = _words(_LEXICON["stances"]["support"])
NEGATION = _words(_LEXICON["negation"])


def stance_of(text: str, cue_stance: str | None = None) -> tuple[Stance, tuple[int, int] | None]:
    """Stance in a piece of content and the evidence span (offsets into ``text``)."""
    oppose = list(OPPOSE.finditer(text))
    support = list(SUPPORT.finditer(text))
    if cue_stance in {"oppose", "support"} and not (oppose or support):
        return cue_stance, None  # type: ignore[return-value]
    if not oppose and not support:
        return "neutral", None
    score = len(support) - len(oppose)
    if cue_stance == "oppose":
        score -= 1
    elif cue_stance == "support":
        score += 1
    if score == 0:
        return "neutral", None
    winner = (support if score > 0 else oppose)[0]
    stance: Stance = "support" if score > 0 else "oppose"
    window = text[max(0, winner.start() - 25) : winner.start()]
    if NEGATION.search(window) and len(support) + len(oppose) == 1:
        stance = "oppose" if stance == "support" else "support"
    return stance, (winner.start(), winner.end())
