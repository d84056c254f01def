"""The name index's look-ups over the article's «title + name» phrases, on the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.names import NameIndex, title_matches
from quotes.normalize import NormalizedText, fold, strip_proclitics, tokenize

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def name_index_for(text: str) -> NameIndex:
    norm = NormalizedText.of(text)
    return NameIndex(norm.text, tokenize(norm), frozenset())


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_phrases_naming_a_word_are_all_the_title_phrases_with_it(path: Path) -> None:
    """Read on demand, by substring search or (after a dozen look-ups) through the index of all
    words, the phrases naming a word are exactly those a full scan of the article finds."""
    text = path.read_text(encoding="utf-8")
    full = name_index_for(text)
    every = [(at, m) for at in full.title_words()[0] if (m := full.title_phrase(at)) is not None]
    assert every, "the seed articles name people after titles"
    keys = sorted({strip_proclitics(w) for _, m in every for w in m.name.split()})
    for key in keys:
        expected = [(at, m) for at, m in every if key in full.name_words(m)]
        assert expected
        assert name_index_for(text).phrases_naming(key) == expected
        indexed = name_index_for(text)
        indexed._naming = {f"earlier look-up {i}": [] for i in range(12)}
        assert indexed.phrases_naming(key) == expected


def test_last_title_phrase_before_a_position() -> None:
    text = ("استقبل وزير الخارجية السعودي عادل الجبير في الرياض المبعوث الأممي. "
            "وحضر اللقاء رئيس الوزراء اليمني. ثم غادر الجميع.")
    r = name_index_for(text)
    end = len(r.text)
    last = r.last_phrase_before(end)
    assert last is not None and last[1].name == "عادل الجبير"  # «رئيس الوزراء اليمني» names no one
    assert r.last_phrase_before(r.text.index("وزير")) is None


@pytest.mark.parametrize(("text", "family", "full"), [
    pytest.param("واستقالت ريما خلف من منصبها. وقالت خلف إن التقرير صحيح.", "خلف", "ريما خلف", id="given-name-once"),
    pytest.param("وتظهر صورة الأب سالم العنزي مع ابنته. وقال العنزي إن الاسم جميل. وبعد انتشار قصة العنزي "
                 "تلقى اتصالات كثيرة.", "العنزي", "سالم العنزي", id="a-longer-run-that-is-no-name-gives-way"),
    pytest.param("وأشاد بما ذكره زميلي جون كيري عن الحل السياسي. وقال كيري إن الحل سياسي.", "كيري", "جون كيري",
                 id="a-possessed-noun-before-the-name-is-dropped"),
    pytest.param("وكان أوباما يتحدى الكونغرس بالفيتو. وقال الكونغرس إن التصويت قريب.", "الكونغرس", None,
                 id="a-verb-is-no-given-name"),
])
def test_a_lone_family_name_finds_its_given_names(text: str, family: str, full: str | None) -> None:
    """With the word classes, a run of common nouns before the family name is no given name,
    and the next occurrence's given name is used."""
    from quotes.normalize import fold
    from quotes.wordclass import WordClasses

    norm = NormalizedText.of(text)
    index = NameIndex(norm.text, tokenize(norm), frozenset(), classes=WordClasses.load())
    found = index.name_in_text((fold(family),))
    if full is None:
        assert found is None, found
    else:
        assert found is not None and found.name == fold(full)


@pytest.mark.parametrize(("mention", "title", "matches"), [
    pytest.param("الوزير المصري", "وزير الخارجية المصري", True, id="same-nationality"),
    pytest.param("وزير الخارجية القطري", "وزير الخارجية الأميركي", False, id="other-nationality"),
    # a nationality must be the one of the place a title in construct ends on
    pytest.param("وزير الخارجية المصري", "وزير خارجية مصر", True, id="nisba-of-the-place"),
    pytest.param("وزير الخارجية السعودي", "وزير خارجية مصر", False, id="nisba-of-another-place"),
    pytest.param("المصادر الطبية", "مصادر طبية في عدن", True, id="a-place-in-a-complement"),
    # an indefinite description that adds a word is another one
    pytest.param("مصدر عسكري مالي", "مصدر عسكري آخر", False, id="indefinite-adds-a-word"),
    pytest.param("المصدر العسكري", "مصدر عسكري مالي", True, id="definite-refers-back"),
])
def test_title_matches(mention: str, title: str, matches: bool) -> None:
    assert title_matches(tuple(fold(mention).split()), tuple(fold(title).split())) is matches
