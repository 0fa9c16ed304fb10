"""Text normalisation: what is stored is the normalised text, so every offset downstream
is an offset into it.

NFC composition, CR/CRLF to LF, odd spaces to a plain space, invisible characters
dropped, Markdown emphasis markers dropped; quotes and apostrophes kept as written.
"""

from __future__ import annotations

import re
import unicodedata

# Spaces that are not ASCII spaces: non-breaking, thin, narrow, ideographic, ...
ODD_SPACES = frozenset(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
# Characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Markdown strong/emphasis markers around words: **x**, __x__, *x*, _x_ (not inside words for _).
# Each branch starts with its marker and looks behind afterwards, so the engine can skip
# ahead to the next * or _ instead of trying every position.
EMPHASIS = re.compile(
    r"\*\*(?=\S)|\*\*(?<=\S\*\*)|__(?<![\w*]__)(?=\S)|__(?<=\S__)(?!\w)"
    r"|\*(?<![\w*\\]\*)(?=[^\s*])|\*(?<=[^\s*]\*)(?![\w*])"
)


# Terminal escape sequences (colour, cursor, title): a hostile document must not drive the
# terminal of whoever searches it. CSI, OSC (ended by BEL or ST) and two-byte escapes.
TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]")
# Control characters that carry no text (newline and tab are kept; vertical tab and form
# feed become line breaks), and lone surrogates, which no store can encode.
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
LINE_FEEDS = frozenset("\x0b\x0c")

_ODD_SPACE = re.compile("[\t" + "".join(sorted(ODD_SPACES)) + "]")
_INVISIBLE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")


def normalised_text(raw: str) -> str:
    """The normalised text of ``raw``: what ingest stores."""
    source = EMPHASIS.sub("", unicodedata.normalize("NFC", raw))
    source = TERMINAL_ESCAPE.sub("", source)
    source = source.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    return _INVISIBLE.sub("", _ODD_SPACE.sub(" ", CONTROL.sub("", source)))


def clean_field(value: str) -> str:
    """A metadata value (title, author, ...) without terminal escapes or control characters."""
    return CONTROL.sub("", TERMINAL_ESCAPE.sub("", value)).replace("\n", " ").replace("\t", " ")
