"""The quotation-mark and sentence layers of a document: mark pairs, sentence bounds, word counts.

Quotation marks in the Arabic press are unreliable: « » and “ ” are mixed, ” … ” and
" … " have no direction, pairs are left unclosed, and a quotation running over several
paragraphs reopens each paragraph without closing the previous one. Marks are therefore
paired per paragraph by position (an ambiguous mark opens when it is glued to the word
after it and closes when glued to the word before), and a paragraph left open continues
into the next only when that one starts with an opening mark.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from .normalize import WORD as _WORDS

OPENERS = "«„‹"
CLOSERS = "»›"
EITHER = "\"“”‟″'‘’{}"
_MARK_CHARS = re.compile(r"[«»„‹›\"“”‟″‘’{}']")

# A full stop that ends a sentence (not 3.8, not an abbreviation dot glued to a letter run).
_SENT_CHARS = re.compile(r"[.!?؟\n]")
_PARA = re.compile(r"\n\s*\n|\n")


class QuotePair(NamedTuple):  # a tuple: built many times per article, far cheaper than a frozen dataclass
    """Text between quotation marks: open_at/close_at are the marks' offsets."""

    open_at: int
    close_at: int  # offset of the closing mark, or the end of the text it ran to
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.open_at + 1, self.close_at


# Plain character classes scanned by `re`, with the few context checks done on the hits: several
# times faster than one pattern with look-arounds.
def _marks(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets of the quotation marks in text[start:end]. An apostrophe between two letters
    (O'Brien) is not one."""
    for m in _MARK_CHARS.finditer(text, start, end):
        i = m.start()
        if text[i] == "'" and i > 0 and text[i - 1].isalpha() and i + 1 < end and text[i + 1].isalpha():
            continue
        yield i


# One-letter abbreviations of titles, folded: د. «doctor», م. «engineer», أ. «professor» (أ is ا).
TITLE_ABBREVIATIONS = frozenset("دما")


def _sentence_ends(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, character) of each full stop, ! ? ؟ and line break in text[start:end]; a full
    stop between digits (3.8) is no sentence end, nor one after a one-letter abbreviation
    (مفتي مصر د. شوقي علام: د. «doctor», م. «engineer», أ. «professor»)."""
    end = len(text) if end is None else end
    for m in _SENT_CHARS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "." and ((i > 0 and text[i - 1].isdecimal()) or (i + 1 < end and text[i + 1].isdecimal())):
            continue
        if ch == "." and i > 0 and text[i - 1] in TITLE_ABBREVIATIONS and (i < 2 or not text[i - 2].isalpha()) \
                and i + 2 < end and (text[i + 1] == " " and text[i + 2].isalpha() or text[i + 1].isalpha()):
            continue  # (د.هشام الضلعان: written without the space too)
        yield i, ch


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after in " \n" and before not in " \n:،,(":
        return False
    if before in " \n:،,(" or before in OPENERS:
        return True
    return after not in " \n.،,:;؛"


def find_quote_pairs(text: str) -> list[QuotePair]:
    """Pair quotation marks; offsets index ``text`` (folded or original: same marks).

    Complexity (radon ~31) kept in one function: one scan over the marks of the text with a
    small stack per paragraph; every branch is a kind of mark (opener, closer, either-way) or
    a paragraph boundary, and they share the stack.
    """
    pairs: list[QuotePair] = []
    para_bounds = [0]
    for m in _PARA.finditer(text):
        para_bounds.append(m.end())
    para_bounds.append(len(text) + 1)
    pending: int | None = None  # offset of an unclosed opening mark
    for pi in range(len(para_bounds) - 1):
        p_start, p_end = para_bounds[pi], min(para_bounds[pi + 1], len(text))
        para = text[p_start:p_end]
        first = len(para) - len(para.lstrip())
        starts_with_open = first < len(para) and para[first] in OPENERS + EITHER and _is_opening(text, p_start + first)
        if pending is not None:
            if starts_with_open:
                # multi-paragraph quotation: the next paragraph reopens it
                reopen = p_start + first
            else:
                end = p_start
                while end > pending and text[end - 1] in " \n":
                    end -= 1
                pairs.append(QuotePair(pending, end, False))
                pending = None
                reopen = None
        else:
            reopen = None
        for i in _marks(text, p_start, p_end):
            ch = text[i]
            if reopen is not None and i == reopen:
                continue
            if pending is None:
                if ch in CLOSERS:
                    continue  # a stray closer
                if ch in OPENERS or _is_opening(text, i):
                    pending = i
                continue
            open_ch = text[pending]
            if ((ch in EITHER and _is_opening(text, i) and text[i - 1:i] in (" ", "\n")) or ch in OPENERS) \
                    and ch == open_ch:
                # «… "A … . "B» : a mark that opens after a full stop while one is pending means
                # the first quotation was never closed: it ends at that sentence end (the same for
                # «A … . وتابع أن «B»: the news does not nest a quotation in the same marks)
                stop = _last_sentence_end(text, pending, i)
                if stop is not None:
                    pairs.append(QuotePair(pending, stop, False))
                    pending = i
                    continue
            if ch in OPENERS or (ch in EITHER and ch != open_ch and _is_opening(text, i) and open_ch in OPENERS):
                continue  # a nested quotation: kept inside the outer one
            if ch in ("'", "‘", "’") and open_ch not in ("'", "‘", "’"):
                continue  # an apostrophe or single mark inside a double-quoted passage
            pairs.append(QuotePair(pending, i, True))
            pending = None
    if pending is not None:
        end = len(text)
        while end > pending and text[end - 1] in " \n":
            end -= 1
        pairs.append(QuotePair(pending, end, False))
    return pairs


def _last_sentence_end(text: str, start: int, end: int) -> int | None:
    """Offset of the last sentence-ending full stop (or ؟ !) in text[start:end], if any."""
    best = None
    for i, ch in _sentence_ends(text, start + 1, end):
        if ch != "\n":
            best = i
    return best


class PairIndex:
    """Pairs never overlap, so the pair holding a position is the last one opened before it."""

    def __init__(self, pairs: list[QuotePair]) -> None:
        self.pairs = sorted(pairs, key=lambda p: p.open_at)
        self.opens = [p.open_at for p in self.pairs]
        self.closes = [p.close_at for p in self.pairs]

    def containing(self, pos: int) -> QuotePair | None:
        """The pair with open_at < pos < close_at, if any."""
        k = bisect_left(self.opens, pos) - 1
        if k >= 0 and pos < self.pairs[k].close_at:
            return self.pairs[k]
        return None

    def last_closed_before(self, pos: int) -> QuotePair | None:
        k = bisect_left(self.closes, pos) - 1
        while k >= 0 and not self.pairs[k].closed:
            k -= 1
        return self.pairs[k] if k >= 0 else None

    def opening_from(self, start: int) -> Iterator[QuotePair]:
        """Pairs opening at or after ``start``, in order, lazily."""
        return itertools.islice(self.pairs, bisect_left(self.opens, start), None)

    def within(self, start: int, end: int) -> list[QuotePair]:
        """Pairs opening in [start, end)."""
        return self.pairs[bisect_left(self.opens, start):bisect_left(self.opens, end)]


class Sentences:
    """Sentence boundaries that never cut through a quotation pair."""

    def __init__(self, text: str, index: PairIndex) -> None:
        self.text = text
        closes = {p.close_at for p in index.pairs if p.closed}
        ends = []
        for pos, ch in _sentence_ends(text):
            if ch != "\n" and index.containing(pos) is not None:
                after = pos + 1
                while after < len(text) and text[after] in "!?؟.":
                    after += 1
                if after in closes:
                    ends.append(after + 1)  # «… بجدة.» ends the sentence after its closing mark
                continue
            ends.append(pos)
        self.ends = sorted(set(ends))

    def end_after(self, pos: int) -> int:
        """Offset of the first sentence end at or after ``pos`` (or the text's end)."""
        k = bisect_left(self.ends, pos)
        return self.ends[k] if k < len(self.ends) else len(self.text)

    def start_before(self, pos: int) -> int:
        """Offset where the sentence holding ``pos`` starts."""
        k = bisect_right(self.ends, pos - 1) - 1
        return self.ends[k] + 1 if k >= 0 else 0


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def has_words(text: str, k: int, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` has at least ``k`` words: stops at the k-th, without slicing
    or listing the words of a long span."""
    pos, end = start, len(text) if end is None else end
    search = _WORDS.search
    for _ in range(k):
        m = search(text, pos, end)
        if m is None:
            return False
        pos = m.end()
    return True


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space and clause punctuation at both ends of a span."""
    while start < end and text[start] in " \n\t،,:;؛-–—":
        start += 1
    while end > start and text[end - 1] in " \n\t،,:;؛.-–—(":
        end -= 1
    return start, end
