"""Features for a marked (source, target) pair: the sentence, and the stretch between the two."""

from __future__ import annotations

import re

MARK = re.compile(r"</?[st]>")


def marked(sentence: str, source: tuple[int, int], target: tuple[int, int]) -> str:
    """The sentence with <s>..</s> and <t>..</t> around the pair, as in the PLV files."""
    spans = sorted([(source, "s"), (target, "t")], key=lambda item: item[0][0])
    out, cursor = [], 0
    for (start, end), tag in spans:
        out.append(sentence[cursor:start])
        out.append(f"<{tag}>{sentence[start:end]}</{tag}>")
        cursor = end
    out.append(sentence[cursor:])
    return "".join(out)


def between(marked_sentence: str) -> str:
    """From the first marker to the last: the words that say what the source did to the target."""
    starts = [i for i in (marked_sentence.find("<s>"), marked_sentence.find("<t>")) if i >= 0]
    ends = [i for i in (marked_sentence.find("</s>"), marked_sentence.find("</t>")) if i >= 0]
    if not starts or not ends:
        return marked_sentence
    return marked_sentence[min(starts) : max(ends) + 4]


def unmarked(marked_sentence: str) -> str:
    return MARK.sub("", marked_sentence)
