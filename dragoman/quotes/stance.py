"""A small lexicon stance model: is the speaker for or against each actor the content names?"""

from __future__ import annotations

import re

from dragoman.records import Stance

OPPOSE = re.compile(
    r"\b(condemn\w*|blam\w*|threat\w*|provocat\w*|aggress\w*|hostil\w*|accus\w*|illegal\w*|violat\w*|"
    r"criticis\w*|criticiz\w*|denounc\w*|decr(y|ied|ies)|expansion\w*|interfer\w*|destabili\w*|terror\w*|"
    r"crim\w*|enem\w*|invasion|invad\w*|occupation|occupier\w*|warmonger\w*|arrogan\w*|hypocri\w*|"
    r"oppos\w*|against|unacceptable|complicit\w*|sanction\w*|punish\w*|pay a (heavy )?price)\b",
    re.I,
)
SUPPORT = re.compile(
    r"\b(support\w*|understand\w*|friend\w*|cooperat\w*|partner\w*|all(y|ies|iance)|solidarity|"
    r"welcom\w*|prais\w*|strategic|brother\w*|trust\w*|respect\w*|legitimate|security concerns|"
    r"stand(s)? with|close ties|deepen\w*|strengthen\w*|thank\w*|appreciat\w*)\b",
    re.I,
)
NEGATION = re.compile(r"\b(not|no|never|n’t|n't|without|neither|nor)\b", re.I)


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
