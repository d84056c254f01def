"""The word lists the stages look words up in, read from ``quotes/data/lexicon/``.

One list a file, one entry a line, ``#`` lines first saying what the list is and why the
stages need it. Entries are folded the way the text is (normalize.fold) and deduplicated
when loaded, so a list may be written with hamzas and teh marbuta as Arabic is spelled.
Files are read once per process: the lists are immutable, so sharing them is safe.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex

from .normalize import fold

LEXICON_DIR = Path(__file__).resolve().parent / "data" / "lexicon"


@cache
def entries(name: str) -> tuple[str, ...]:
    """The folded entries of a list, in file order, each once."""
    text = (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8")
    seen: dict[str, None] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            seen.setdefault(" ".join(fold(line).split()), None)
    return tuple(seen)


def words(name: str) -> frozenset[str]:
    """A list as a set, for membership tests."""
    return _word_set(name)


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(entries(name))


def alternation(name: str) -> str:
    """A list as a regex alternation (file order), for patterns that embed it."""
    return "|".join(regex.escape(e, literal_spaces=True) for e in entries(name))


def available() -> list[str]:
    """The names of every list shipped."""
    return sorted(p.stem for p in LEXICON_DIR.glob("*.txt"))
