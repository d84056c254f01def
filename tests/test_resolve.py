"""The speaker resolver's look-ups over the article's «title + name» phrases, on the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.mentions import _bare
from quotes.normalize import NormalizedText, tokenize
from quotes.resolve import SpeakerResolver

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def resolver_for(text: str) -> SpeakerResolver:
    norm = NormalizedText.of(text)
    return SpeakerResolver(norm.text, lambda pos: (0, len(norm.text)), frozenset(), tokenize(norm))


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_phrases_naming_a_word_are_all_the_title_phrases_with_it(path: Path) -> None:
    """Read on demand, by substring search or (after a dozen look-ups) through the index of all
    words, the phrases naming a word are exactly those a full scan of the article finds."""
    text = path.read_text(encoding="utf-8")
    full = resolver_for(text)
    every = [(at, m) for at in full._title_words()[0] if (m := full._title_phrase(at)) is not None]
    assert every, "the seed articles name people after titles"
    keys = sorted({_bare(w) for _, m in every for w in m.name.split()})
    for key in keys:
        expected = [(at, m) for at, m in every if key in full._name_words[id(m)]]
        assert expected
        assert resolver_for(text)._phrases_naming(key) == expected
        indexed = resolver_for(text)
        indexed._naming = {f"earlier look-up {i}": [] for i in range(12)}
        assert indexed._phrases_naming(key) == expected


def test_last_title_phrase_before_a_position() -> None:
    text = ("استقبل وزير الخارجية السعودي عادل الجبير في الرياض المبعوث الأممي. "
            "وحضر اللقاء رئيس الوزراء اليمني. ثم غادر الجميع.")
    r = resolver_for(text)
    end = len(r.text)
    last = r._last_phrase_before(end)
    assert last is not None and last[1].name == "عادل الجبير"  # «رئيس الوزراء اليمني» names no one
    assert r._last_phrase_before(r.text.index("وزير")) is None
