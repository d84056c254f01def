"""Qt-free text helpers: bidi direction, UTF-16 offsets, and logical span nudges.

The store keeps offsets as Python code points into the document text; Qt counts UTF-16 code
units. They differ after any character outside the BMP (an emoji, a rare CJK ideograph), so
offsets are converted only at the Qt boundary, here.

Nudges are *logical* (earlier/later in the text), never visual: in a right-to-left paragraph
"left" is later in the text, and Qt's Left/Right/WordLeft cursor moves follow the screen. The
key bindings map screen arrows to these logical moves (see review_panel.py).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from enum import Enum


class Direction(Enum):
    LTR = "ltr"
    RTL = "rtl"


def text_direction(text: str | None) -> Direction | None:
    """The direction most of the text's strong characters have (the first one breaks a tie).

    Not the bidi algorithm's first-strong rule (P2): an English rule that quotes an Arabic
    word first ("«البيان»: the statement the speaker issued") must still read left to right,
    and an Arabic quote that opens with "CNN" right to left.
    """
    rtl = ltr = 0
    first: Direction | None = None
    for ch in text or "":
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            rtl += 1
            first = first or Direction.RTL
        elif bidi == "L":
            ltr += 1
            first = first or Direction.LTR
    if rtl == ltr:
        return first
    return Direction.RTL if rtl > ltr else Direction.LTR


class Utf16Map:
    """Code-point offset <-> UTF-16 offset for one text."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # Most Arabic news has no astral characters: then the two offsets are the same.
        self._prefix: list[int] | None = None
        if any(ord(ch) > 0xFFFF for ch in text):
            prefix = [0]
            for ch in text:
                prefix.append(prefix[-1] + (2 if ord(ch) > 0xFFFF else 1))
            self._prefix = prefix

    def to_qt(self, i: int) -> int:
        i = max(0, min(i, self.length))
        return i if self._prefix is None else self._prefix[i]

    def from_qt(self, p: int) -> int:
        if self._prefix is None:
            return max(0, min(p, self.length))
        # A position inside a surrogate pair rounds down to the character's start.
        return max(0, min(bisect_right(self._prefix, p) - 1, self.length))


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def is_word_char(ch: str) -> bool:
    """Letters, digits and combining marks (harakat, shadda) make up a word."""
    cat = unicodedata.category(ch)
    return cat[0] in "LNM"


def next_char(text: str, i: int) -> int:
    """The offset after the character at ``i``, keeping combining marks with their base."""
    n = len(text)
    if i >= n:
        return n
    i += 1
    while i < n and _is_mark(text[i]):
        i += 1
    return i


def prev_char(text: str, i: int) -> int:
    """The offset of the character (with its marks) before ``i``."""
    if i <= 0:
        return 0
    i -= 1
    while i > 0 and _is_mark(text[i]):
        i -= 1
    return i


def word_end_after(text: str, i: int) -> int:
    """End of the word at or after ``i`` (skipping spaces and punctuation first)."""
    n = len(text)
    while i < n and not is_word_char(text[i]):
        i += 1
    while i < n and is_word_char(text[i]):
        i += 1
    return i


def word_start_before(text: str, i: int) -> int:
    """Start of the word at or before ``i`` (skipping spaces and punctuation first)."""
    while i > 0 and not is_word_char(text[i - 1]):
        i -= 1
    while i > 0 and is_word_char(text[i - 1]):
        i -= 1
    return i


def word_start_after(text: str, i: int) -> int:
    """Start of the next word after the one at ``i``."""
    n = len(text)
    while i < n and is_word_char(text[i]):
        i += 1
    while i < n and not is_word_char(text[i]):
        i += 1
    return i


def word_end_before(text: str, i: int) -> int:
    """End of the word before the one that ends at ``i``."""
    while i > 0 and is_word_char(text[i - 1]):
        i -= 1
    while i > 0 and not is_word_char(text[i - 1]):
        i -= 1
    return i


def nudge(text: str, start: int, end: int, *, edge: str, grow: bool, word: bool) -> tuple[int, int]:
    """Move one edge of the span [start, end) by a character or a word, logically.

    ``grow`` moves the start earlier / the end later; otherwise the span shrinks. A shrink
    never empties the span: it stops one character short.
    """
    if edge == "start":
        if grow:
            start = word_start_before(text, start) if word else prev_char(text, start)
        else:
            new = word_start_after(text, start) if word else next_char(text, start)
            start = new if new < end else start
    elif edge == "end":
        if grow:
            end = word_end_after(text, end) if word else next_char(text, end)
        else:
            new = word_end_before(text, end) if word else prev_char(text, end)
            end = new if new > start else end
    else:
        raise ValueError(f"edge must be 'start' or 'end', not {edge!r}")
    return start, end


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the whitespace a mouse selection tends to catch at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span whose edge falls inside a word to the whole word, then trim whitespace.

    A mouse drag over Arabic easily stops a letter or two short of a word's end (the glyphs
    join, so there is no gap to aim at); a quote never starts or ends inside a word.
    Punctuation at an edge (quotation marks, a full stop) is kept as selected.
    """
    n = len(text)
    start, end = max(0, start), min(n, end)
    if 0 < start < n and is_word_char(text[start - 1]) and is_word_char(text[start]):
        start = word_start_before(text, start)
    if 0 < end < n and is_word_char(text[end - 1]) and is_word_char(text[end]):
        end = word_end_after(text, end)
    return trim_span(text, start, end)


def isolate_join(parts: list[str], sep: str = "  ·  ") -> str:
    """Join fields for display, each in a bidi isolate (FSI…PDI), so that a Latin file name
    beside an Arabic title keeps its own order instead of being split into runs. Display only:
    isolates are never stored."""
    return sep.join(f"\u2068{p}\u2069" for p in parts if p)
