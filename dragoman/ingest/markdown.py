"""Markdown to plain text with markdown-it-py, keeping the source's lines.

Every line of the source stays a line of the text (its blank lines too), so paragraphs and
the first-line title come out as the author laid them out: a block's text is written at the
line the block starts on, and lines that were only syntax (a fence, a setext underline, a
rule, a link definition) become blank lines. What is dropped is syntax, never words: heading
and quote markers, bullets, link targets, emphasis and code backticks. Ordered-list numbers
are kept ("1. ", "2022. "), since a number at the start of a line may be a word of the text.
Raw HTML is left as written, as in the plain-text reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Inline tokens whose own text is text of the document (the rest are markers or breaks).
TEXT_TOKENS = frozenset({"text", "code_inline"})
BREAK_TOKENS = frozenset({"softbreak", "hardbreak"})


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def _inline_text(children: Sequence[Token]) -> str:
    """The words of an inline run: text, code and image alt text, line breaks kept."""
    parts: list[str] = []
    for child in children:
        if child.type in TEXT_TOKENS:
            parts.append(child.content)
        elif child.type in BREAK_TOKENS:
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)


def markdown_text(source: str) -> str:
    """The plain text of a Markdown document, one output line per source line."""
    # Line breaks counted as markdown-it counts them; NUL dropped (markdown-it makes it U+FFFD).
    source = source.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines: list[str] = [""] * (source.count("\n") + 1)
    item_number = ""
    for token in _parser().parse(source):
        if token.type == "list_item_open":
            item_number = f"{token.info}{token.markup} " if token.info else ""
        elif token.type == "list_item_close":
            item_number = ""
        elif token.map is not None and token.type in {"inline", "code_block", "fence"}:
            text = _inline_text(token.children or []) if token.type == "inline" else token.content
            start = token.map[0] + (1 if token.type == "fence" else 0)
            for offset, line in enumerate(text.removesuffix("\n").split("\n")):
                if start + offset < len(lines):
                    lines[start + offset] = item_number + line
                item_number = ""
    return "\n".join(lines)
