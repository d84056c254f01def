"""Arabic normalisation for matching, with a map back to the original offsets.

Matching needs one spelling per word: diacritics, tatweel and invisible controls go,
presentation-form glyphs (pasted from PDFs) become letters, hamza-carrying alefs, alef
maqsura, teh marbuta and Persian look-alikes are folded. Offsets reported to users must
still index the original text, so the folded text keeps a compact piecewise map: most
characters map one to one, and only the places where something was deleted or expanded
start a new piece. Looking an offset up is a binary search over those pieces.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from typing import NamedTuple, overload

# One-to-one folds: they never change the length, so they need no piece of their own.
_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
        "ی": "ي", "ې": "ي", "ک": "ك", "ھ": "ه", "ۀ": "ه", "ہ": "ه",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\u3000": " ", "\t": " ",
        "٫": ",",
    }
)

_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


def _fold_chars(text: str) -> str:
    """The one-to-one folds. str.translate looks every character up in a dict; a C-level
    replace per folded letter that occurs is an order of magnitude faster on Arabic text."""
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


# Characters that change the length: deleted marks and controls, and presentation forms
# (NFKC), which may expand (ﻻ -> لا).
_DELETE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # harakat, Quranic marks
    "\u0640"  # tatweel
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff"  # zero-width and bidi controls
)
# One character class, not an alternation of two: `re` then scans for it several times faster.
# Written [c][c]*, not [c]+: a pattern that opens with a class (not a repeat) lets `re` skip to
# the next character in the class in C, instead of trying a match at every offset (the scan of
# 10,000 articles takes 0.13 s instead of 0.23 s; the same matches).
_SPECIAL_CHAR = f"[{_DELETE}\ufb50-\ufdff\ufe70-\ufefe]"
_SPECIAL = re.compile(f"{_SPECIAL_CHAR}{_SPECIAL_CHAR}*")
_DELETABLE = re.compile(f"[{_DELETE}]")
_DELETE_RUNS = re.compile(f"[{_DELETE}]+")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# Zero-width and bidi controls: a gap holding one is not marks belonging to the character before.
_CONTROLS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")


_TANWEEN = frozenset("\u064b\u064c\u064d")


def _glued_after_tanween(original: str, start: int, end: int) -> bool:
    """Marks that hold a tanween, between two letters, the second no alif (مؤكداًأن, not
    مؤكدًا, where the alif after the tanween is still the word's own)."""
    return (0 < start and end < len(original) and not _TANWEEN.isdisjoint(original[start:end])
            and original[start - 1].isalpha() and original[end].isalpha() and original[end] not in "اى")


def fold(text: str) -> str:
    """Normalise a short string (a name, a search query) the way documents are."""
    special = _SPECIAL.search(text)  # one scan: most strings have nothing to delete or expand
    if special is None:
        return _fold_chars(text)
    if _PRESENTATION.search(text, special.start()) or not _TANWEEN.isdisjoint(text):
        return NormalizedText.of(text).text  # (a tanween may part two glued words)
    return _fold_chars(_DELETE_RUNS.sub("", text))  # same result without the offset map


@dataclass(frozen=True)
class NormalizedText:
    """Folded text plus the pieces that map it back to ``original``.

    A piece is (norm_start, orig_start, norm_len, orig_len). Pieces with equal lengths
    map one to one; a replacement piece (presentation forms) maps each of its characters
    to the whole original run.
    """

    original: str
    text: str
    _norm_starts: tuple[int, ...]
    _pieces: tuple[tuple[int, int, int, int], ...]

    @classmethod
    def of(cls, original: str) -> NormalizedText:
        parts: list[str] = []
        starts: list[int] = []
        pieces: list[tuple[int, int, int, int]] = []
        norm_pos = 0
        orig_pos = 0

        def copy(upto: int) -> None:
            nonlocal norm_pos, orig_pos
            if upto > orig_pos:
                n = upto - orig_pos
                parts.append(original[orig_pos:upto])
                starts.append(norm_pos)
                pieces.append((norm_pos, orig_pos, n, n))
                norm_pos += n
                orig_pos = upto

        for m in _SPECIAL.finditer(original):
            copy(m.start())
            run = m.group()
            if not _PRESENTATION.search(run):
                if _glued_after_tanween(original, m.start(), m.end()):
                    # مؤكداًأن: tanween ends a word, so a letter right after it starts the next one
                    parts.append(" ")
                    starts.append(norm_pos)
                    pieces.append((norm_pos, m.start(), 1, m.end() - m.start()))
                    norm_pos += 1
                orig_pos = m.end()  # deleted: no piece, the next piece starts further on
                continue
            for ch in run:  # presentation forms, one glyph at a time so each maps to itself
                if _DELETABLE.match(ch):
                    orig_pos += 1
                    continue
                rep = _DELETABLE.sub("", unicodedata.normalize("NFKC", ch))
                if rep:
                    parts.append(rep)
                    starts.append(norm_pos)
                    pieces.append((norm_pos, orig_pos, len(rep), 1))
                    norm_pos += len(rep)
                orig_pos += 1
        copy(len(original))
        text = _fold_chars("".join(parts))
        return cls(original, text, tuple(starts), tuple(pieces))

    def to_original(self, i: int) -> int:
        """Original offset of the character at folded offset ``i`` (a span start)."""
        if i >= len(self.text):
            return len(self.original)
        if i <= 0:
            return self._pieces[0][1] if self._pieces and i == 0 else 0
        k = bisect_right(self._norm_starts, i) - 1
        ns, os_, nl, ol = self._pieces[k]
        return os_ + (i - ns) if nl == ol else os_

    def spelled_at(self, i: int) -> str:
        """The character the article wrote where the folded text has character ``i`` (its first, for
        a run folded as one): what folding merged, ة and ه, ى and ي, أ and ا, told apart again."""
        at = self.to_original(i)
        return self.original[at:at + 1]

    def wrote_tanween_fath(self, start: int, end: int) -> bool:
        """The article wrote the word at folded [start, end) with the accusative's tanween (ـًا،
        ـاً), which folding deletes."""
        return "\u064b" in self.original[self.to_original(start):self.end_to_original(end)]

    def end_to_original(self, e: int) -> int:
        """Original offset just after the character at folded offset ``e - 1`` (a span end).

        Marks deleted right after that character (a final fatha, tanween, tatweel) belong
        to it and are included.
        """
        if e <= 0:
            return 0
        if e > len(self.text):
            return len(self.original)
        k = bisect_right(self._norm_starts, e - 1) - 1
        ns, os_, nl, ol = self._pieces[k]
        end = os_ + (e - ns) if nl == ol else os_ + ol
        if e == ns + nl:  # last character of its piece: take the deleted marks after it
            nxt = self._pieces[k + 1][1] if k + 1 < len(self._pieces) else len(self.original)
            gap = self.original[end:nxt]
            if gap and not _CONTROLS.search(gap):
                end = nxt
        return end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) to the original text."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.end_to_original(end)


class Token(NamedTuple):
    """A word of the folded text: letters and digits, offsets into the folded text."""

    start: int
    end: int
    text: str


# The one definition of a word for every stage: letters and digits. Python's re is faster
# here than regex, and [^\W_] is exactly letters and digits.
WORD = re.compile(r"[^\W_]+")
_SPLIT = re.compile(f"({WORD.pattern})")
# In a text without "_" a word is any run of \w, which `re` matches faster than [^\W_].
_SPLIT_NO_UNDERSCORE = re.compile(r"(\w+)")


# The resolver and the name index ask 150,000 times per 10,000 articles for the words of some
# 30,000 names, titles and phrases: a cache hit costs a tenth of the call. Bounded, like
# strip_proclitics': a pure function of its argument, and the tuple is immutable.
@lru_cache(maxsize=65536)
def words_of(text: str) -> tuple[str, ...]:
    """The words of a (folded) string, in order."""
    return tuple(WORD.findall(text))


_PROCLITICS = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?")


# The stages call this a million times per 10,000 articles with some 30,000 distinct words: a
# cache hit costs half the call. Bounded, like romanize's: a pure function of its arguments.
@lru_cache(maxsize=65536)
def strip_proclitics(word: str, *, prepositions: bool = False) -> str:
    """The bare form of a word for lexicon look-ups.

    By default only the definite article goes, with و/ف when they precede it (والوزير →
    وزير): a title or head noun is looked up that way. With ``prepositions`` a preposition
    ب/ل/ك goes too (ولقناة → قناه), for a word of five letters or more only, since the first
    letters of a shorter word are usually its root (بيان، لجنه).
    """
    if prepositions:
        return _PROCLITICS.sub("", word, count=1) if len(word) > 4 else word
    w = word[1:] if word[:1] in ("و", "ف") and word[1:3] == "ال" else word
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


class Tokens(Sequence[Token]):
    """The words of a folded text, built by one C-level split; a Token object is made only
    for the words a stage actually looks at."""

    __slots__ = ("text", "words", "starts", "ends", "_distinct")

    def __init__(self, text: str) -> None:
        self.text = text
        # separator, word, separator, word, …, separator
        parts = (_SPLIT if "_" in text else _SPLIT_NO_UNDERSCORE).split(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = offsets[1::2]
        self.ends: list[int] = offsets[2::2]
        self._distinct: frozenset[str] | None = None

    @property
    def distinct(self) -> frozenset[str]:
        """The set of the words, built once and shared by the stages that ask which words occur."""
        if self._distinct is None:
            self._distinct = frozenset(self.words)
        return self._distinct

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [Token(*t) for t in zip(self.starts[i], self.ends[i], self.words[i], strict=True)]
        return Token(self.starts[i], self.ends[i], self.words[i])

    def positions(self, word: str) -> list[int]:
        """Indices of every occurrence of ``word``. A substring search of the text in C finds the
        candidates (several times faster than comparing every word); each is kept if a word
        starts there and is the whole word."""
        text, words, starts = self.text, self.words, self.starts
        found = []
        i = text.find(word) if word else -1
        while i != -1:
            k = bisect_left(starts, i)
            if k < len(starts) and starts[k] == i and words[k] == word:
                found.append(k)
            i = text.find(word, i + 1)
        return found

    def indices_of(self, wanted: Collection[str]) -> list[int]:
        """Indices of the words in ``wanted``, in text order, by one C-level pass over the words:
        faster than a search of the text for each wanted word even for two or three of them (an
        article's cue words or title words), which short words (قال) also meet inside longer ones."""
        return list(compress(range(len(self.words)), map(wanted.__contains__, self.words)))

    def index_at(self, pos: int) -> int:
        """Index of the first word starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


def tokenize(norm: NormalizedText) -> Tokens:
    return Tokens(norm.text)
