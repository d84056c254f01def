"""Property-based tests of the extractor on generated Arabic-like text.

The text mixes real cue words and complementisers with random Arabic letters, every kind of
quotation mark (balanced or not), the characters normalisation has to see through (diacritics,
tatweel, presentation forms, NBSP, zero-width and bidi controls, Persian letters), digits and
newlines. Whatever comes in, the extractor must not raise, every offset must index the
article's own text, and the output must be the same on every run.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, find, given, settings
from hypothesis import strategies as st

from quotes.extract import Extractor
from quotes.normalize import NormalizedText, fold, tokenize
from quotes.records import KINDS, Article, Quote

CUES = ["قال", "وقال", "قالت", "وأضاف", "وأضافت", "مؤكدا", "مؤكداً", "بحسب", "وفقا لـ", "إن", "أن", "بأن",
        "وأكد", "وأوضح", "مشيرا إلى أن", "ويقول", "صرح", "أعلن", "وأشار", ":", "،", "."]
NAMES = ["الوزير", "وزير الخارجية", "فؤاد حسين", "المتحدث باسم الحكومة", "الرئيس", "مصادر أمنية", "هو", "هي",
         "بدوره", "المسؤول", "سامي علي", "الأمم المتحدة"]
MARKS = ["«", "»", "“", "”", '"', "„", "‘", "’", "'", "«»", "“”"]
ODD = (["\u00a0", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u2066",
        "\u2069", "\u0640", "ی", "ک", "ھ", "ۀ", "\ufeff", "\n", "\n\n", "\r\n", "\t", " "]
       + [chr(c) for c in range(0x064B, 0x0653)])  # tanwin, harakat, shadda, sukun
ARABIC_LETTERS = st.characters(min_codepoint=0x0621, max_codepoint=0x064A)
PRESENTATION = st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFC)
DIGITS = st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩"))

word = st.text(ARABIC_LETTERS, min_size=1, max_size=8)
piece = st.one_of(
    word, word, word,
    st.sampled_from(CUES), st.sampled_from(CUES),
    st.sampled_from(NAMES),
    st.sampled_from(MARKS),
    st.sampled_from(ODD),
    st.text(PRESENTATION, min_size=1, max_size=5),
    st.text(DIGITS, min_size=1, max_size=4),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=3),  # anything at all
)


@st.composite
def articles(draw: Any) -> str:
    pieces = draw(st.lists(piece, min_size=0, max_size=120))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "", "\n", "، "]), min_size=len(pieces),
                         max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps, strict=True))


# Sentences shaped like news, so that the extractor's full path (spans, mentions, resolution)
# runs, with the hostile characters sprinkled into them.
@st.composite
def news(draw: Any) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 6))):
        cue, name = draw(st.sampled_from(CUES[:19])), draw(st.sampled_from(NAMES))
        words = " ".join(draw(st.lists(word, min_size=2, max_size=12)))
        opening, closing = draw(st.sampled_from([("«", "»"), ("“", "”"), ('"', '"'), ("", ""), ("«", ""),
                                                 ("", "»"), ("”", "“"), ("„", "“")]))
        form = draw(st.integers(0, 2))
        if form == 0:
            sentences.append(f"{cue} {name} إن {opening}{words}{closing}.")
        elif form == 1:
            sentences.append(f"{name} {cue}: {opening}{words}{closing}")
        else:
            sentences.append(f"{opening}{words}{closing}، {cue} {name}.")
    text = draw(st.sampled_from(["\n\n", " ", "\n"])).join(sentences)
    # Sprinkle normalisation-heavy characters at random places.
    for odd, at in draw(st.lists(st.tuples(st.sampled_from(ODD), st.integers(0, 10_000)), max_size=12)):
        i = at % (len(text) + 1)
        text = text[:i] + odd + text[i:]
    return text


EXTRACTOR = Extractor()


def check(text: str) -> list[Quote]:
    art = Article(doc="generated", text=text)
    quotes = EXTRACTOR.extract(art)
    n = len(text)
    for q in quotes:
        assert q.doc == "generated"
        assert 0 <= q.start < q.end <= n, (q.start, q.end, n)
        assert q.text == text[q.start:q.end]
        assert q.kind in KINDS
        assert 0.0 <= q.confidence <= 1.0
        assert isinstance(q.speaker, str) and isinstance(q.speaker_mention, str)
        if q.cue_start is None:
            assert q.cue_end is None
        else:
            assert 0 <= q.cue_start < q.cue_end <= n and text[q.cue_start:q.cue_end] == q.cue
        if q.mention_start is None:
            assert q.mention_end is None and q.speaker_mention == ""
        else:
            assert 0 <= q.mention_start < q.mention_end <= n
            assert text[q.mention_start:q.mention_end] == q.speaker_mention
    # Deterministic: the same extractor again (its caches now warm).
    again = [q.to_json() for q in EXTRACTOR.extract(Article(doc="generated", text=text))]
    assert again == [q.to_json() for q in quotes]
    return quotes


def found(quotes: list[Quote]) -> None:
    # Shown by --hypothesis-show-statistics: how much of the input reached the full pipeline.
    event(f"quotes found: {min(len(quotes), 3)}{'+' if len(quotes) >= 3 else ''}")


PROFILE = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROFILE
@given(articles())
@example("قآل « » « ء ء ء ")  # quotation marks around nothing after a cue (found by this test)
def test_random_arabic_like_text(text: str) -> None:
    found(check(text))


@PROFILE
@given(news())
def test_news_shaped_text_with_hostile_characters(text: str) -> None:
    found(check(text))


@settings(max_examples=80, deadline=None)
@given(news())
def test_a_fresh_extractor_gives_the_same_output(text: str) -> None:
    quotes = check(text)
    found(quotes)
    first = [q.to_json() for q in quotes]
    assert [q.to_json() for q in Extractor().extract(Article(doc="generated", text=text))] == first


def test_the_generated_news_does_reach_the_extractor() -> None:
    """The properties are worth their time only if the text yields quotes: find such a case."""
    found = find(news(), lambda text: len(EXTRACTOR.extract(Article(doc="generated", text=text))) >= 3,
                 settings=settings(max_examples=200, deadline=None, database=None))
    assert len(check(found)) >= 3


@settings(max_examples=300, deadline=None)
@given(articles(), st.lists(st.one_of(word, st.sampled_from(CUES + NAMES)), min_size=1, max_size=12))
def test_token_lookups_match_their_definition(text: str, wanted: list[str]) -> None:
    """Tokens.positions and indices_of (substring search, C-level scans) give exactly the
    indices a plain loop over the words gives, whatever the text."""
    tokens = tokenize(NormalizedText.of(text))
    probes = [fold(w) for w in wanted] + tokens.words[:3]
    for w in probes:
        assert tokens.positions(w) == [i for i, t in enumerate(tokens.words) if t == w]
    for k in (1, len(probes)):
        chosen = set(probes[:k])
        assert tokens.indices_of(chosen) == [i for i, t in enumerate(tokens.words) if t in chosen]


@settings(max_examples=400, deadline=None)
@given(st.one_of(articles(), st.lists(piece, max_size=6).map("".join)))
def test_fold_is_the_text_normalisation_without_the_offset_map(text: str) -> None:
    """fold() takes shortcuts for short strings (names, quotes, queries); it must fold them
    exactly as a document is folded."""
    assert fold(text) == NormalizedText.of(text).text



@pytest.mark.parametrize(("text", "word", "spelled_ha"), [
    ("ختم الكاتب مقاله أمس", "مقاله", True),
    ("نشر الكاتب مقالة أمس", "مقالة", False),
    ("ختم الكاتبُ مقالَهُ أمس", "مقالَهُ", True),  # diacritics folding drops, before and after the ه
    ("قالت الوزيرة ﻫﺬﻩ الكلمة", "ﻫﺬﻩ", False),  # presentation forms map as a run, not one letter
])
def test_spelled_at_reads_the_original_spelling(text: str, word: str, spelled_ha: bool) -> None:
    """Folding writes ة as ه; the offset map still tells which one the article wrote."""
    norm = NormalizedText.of(text)
    at = text.index(word)
    end = norm.text.index(" ", len(fold(text[:at])) + 1)
    assert norm.text[end - 1] == "ه"
    assert (norm.spelled_at(end - 1) == "ه") is spelled_ha
