"""Stored values made safe and plain for a terminal: no escape sequences, no control
characters, and a missing value (None, NaN, empty) never shown as "nan".

Documents come from anywhere; a text holding ``ESC [ 31 m`` (or worse, sequences that
set the window title or rewrite the screen) would act on the analyst's terminal if
printed raw. Every command prints stored text through ``clean`` or ``cell``.
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text

# ANSI/VT escape sequences (CSI, OSC, and two-character ones), then any other C0/C1 control.
ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LINE_BREAKS = re.compile(r"[\r\n]+")


def clean(value: object, one_line: bool = True) -> str:
    """``value`` as text without escape sequences or control characters (line breaks become spaces)."""
    text = CONTROLS.sub("", ESCAPES.sub("", str(value)))
    return LINE_BREAKS.sub(" ", text) if one_line else text


def cell(value: object) -> Text:
    """A table cell or printed line: cleaned, never read as rich markup, empty when missing."""
    return Text(clean(value) if present(value) else "")


def present(value: Any) -> bool:
    """True for a value worth printing: not None, not NaN/NaT, not blank text."""
    if value is None:
        return False
    if isinstance(value, float) and value != value:
        return False
    if type(value).__name__ in {"NaTType", "NAType"}:
        return False
    return str(value).strip() != ""


def first_present(*values: Any) -> str:
    """The first printable value as text, or "" when there is none."""
    for value in values:
        if present(value):
            return str(value)
    return ""
