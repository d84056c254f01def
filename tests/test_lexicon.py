"""The word lists under quotes/data/lexicon: their form, and where two of them overlap, the
overlap and which reading wins.

A list is one file, ``#`` header lines first saying what it holds and why, then one entry a
line written folded (the loader folds anyway; a list written folded is one a reader can grep
the folded text with). The overlaps between the lists that type a speaker phrase are pinned
here: a word added to two of them changes which type a mention gets, so it has to change
this file too, together with a row saying which reading wins.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import regex

from quotes import lexicon
from quotes.normalize import fold
from quotes.phrases import make_mention

LEXICON_DIR = Path(lexicon.__file__).resolve().parent / "data" / "lexicon"
SOURCES = sorted(Path(lexicon.__file__).resolve().parent.glob("*.py"))
LISTS = sorted(p.stem for p in LEXICON_DIR.glob("*.txt"))


def read(name: str) -> tuple[list[str], list[str]]:
    """(header lines, entries) of a list as written."""
    header: list[str] = []
    entries: list[str] = []
    for line in (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            assert not entries, f"{name}: a # line after the first entry"
            header.append(line.lstrip("# ").strip())
        elif line.strip():
            entries.append(line.strip())
    return header, entries


def test_lists_are_shipped() -> None:
    assert len(LISTS) >= 30  # the lists the stages read; fewer means the data did not ship
    assert lexicon.available() == LISTS


@pytest.mark.parametrize("name", LISTS)
def test_header_says_what_and_why(name: str) -> None:
    header, _ = read(name)
    assert header, f"{name}: no # header"
    assert len(" ".join(header).split()) >= 8, f"{name}: the header is too short to say what and why"


@pytest.mark.parametrize("name", LISTS)
def test_entries_are_folded_and_unique(name: str) -> None:
    _, entries = read(name)
    assert entries, f"{name}: no entries"
    not_folded = [e for e in entries if fold(e) != e or " ".join(e.split()) != e]
    assert not not_folded, f"{name}: write these folded: {not_folded}"
    duplicates = sorted({e for e in entries if entries.count(e) > 1})
    assert not duplicates, f"{name}: entered twice: {duplicates}"
    assert lexicon.entries(name) == tuple(entries)  # loaded in file order, nothing dropped or added
    assert lexicon.words(name) == frozenset(entries)


@pytest.mark.parametrize("name", LISTS)
def test_alternation_matches_every_entry(name: str) -> None:
    pattern = regex.compile(f"(?:{lexicon.alternation(name)})")
    assert [e for e in lexicon.entries(name) if not pattern.fullmatch(e)] == []


def test_every_list_is_read_and_every_list_read_exists() -> None:
    """No list lies unused in the data, and no stage asks for a list that is not shipped."""
    read_by_code = set()
    for path in SOURCES:
        read_by_code |= set(re.findall(r"""lexicon\.(?:words|entries|alternation)\(\s*["']([a-z_]+)["']\s*\)""",
                                       path.read_text(encoding="utf-8")))
    assert read_by_code, "the pattern finds the look-ups"
    assert read_by_code == set(LISTS)


# -- overlaps between the lists that type a speaker phrase ---------------------------------------
TYPING_LISTS = ("anonymous_heads", "document_heads", "honorific_pronouns", "organisation_heads", "title_heads")

# Every non-empty pairwise overlap. Anything not named here must be empty.
KNOWN_OVERLAPS = {
    # role nouns that are also anonymous sources: «مسؤول كبير» is a source, «المتحدث باسم الوزارة
    # أحمد علي» a person; the feminine forms type as the masculine ones
    ("anonymous_heads", "title_heads"): {fold(w) for w in ("متحدث", "متحدثة", "مسؤول", "مسؤولة", "ناطق", "ناطقة")},
    # مؤسَّسة «foundation» and مؤسِّسة «founder (f)» fold alike: the body, far the more frequent in
    # news, reads first («مؤسسة النقد العربي السعودي»); the founder loses the name after her title
    ("organisation_heads", "title_heads"): {fold("مؤسسة")},
}


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(TYPING_LISTS, 2)),
                         ids=[f"{a}&{b}" for a, b in itertools.combinations(TYPING_LISTS, 2)])
def test_overlap_is_pinned(a: str, b: str) -> None:
    assert lexicon.words(a) & lexicon.words(b) == KNOWN_OVERLAPS.get((a, b), set())


def mention_type(phrase: str) -> str:
    folded = fold(phrase)
    m = make_mention(folded, 0, len(folded))
    assert m is not None
    return m.type


# Which reading wins. make_mention: a phrase headed by a word of both title_heads and
# anonymous_heads is anonymous unless it carries a name; an organisation or document head
# wins over a title word after it (no list overlaps there, so the head word decides).
PRECEDENCE_ROWS = [
    pytest.param("مسؤول كبير", "anonymous", id="official-no-name"),
    pytest.param("مسؤول في الأمم المتحدة", "anonymous", id="official-in-un"),
    pytest.param("المسؤول الأمريكي", "anonymous", id="the-american-official"),
    pytest.param("مسؤولة أممية", "anonymous", id="official-feminine"),
    pytest.param("متحدث عسكري", "anonymous", id="spokesman-no-name"),
    pytest.param("المتحدث باسم الوزارة", "anonymous", id="the-spokesman-no-name"),
    pytest.param("الناطق باسم الجيش", "anonymous", id="the-speaker-no-name"),
    pytest.param("المتحدث باسم الوزارة أحمد علي", "person", id="spokesman-with-name"),
    pytest.param("المتحدث باسم الخارجية ناصر كنعاني", "person", id="spokesman-with-name-2"),
    pytest.param("الناطق باسم الجيش العميد يحيى رسول", "person", id="speaker-with-rank-and-name"),
    pytest.param("وزير الخارجية", "person", id="title-only-head"),
    pytest.param("وزارة الخارجية", "organisation", id="organisation-head"),
    pytest.param("مكتب وزير الداخلية", "organisation", id="organisation-head-then-title"),
    pytest.param("لجنة التحقيق", "organisation", id="committee"),
    pytest.param("بيان وزارة الخارجية", "document", id="document-head-then-organisation"),
    pytest.param("تقرير لجنة التحقيق", "document", id="report-of-committee"),
]


@pytest.mark.parametrize(("phrase", "kind"), PRECEDENCE_ROWS)
def test_precedence(phrase: str, kind: str) -> None:
    assert mention_type(phrase) == kind


@pytest.mark.parametrize(("feminine", "masculine"), [
    pytest.param("المتحدثة باسم الوزارة", "المتحدث باسم الوزارة", id="spokeswoman"),
    pytest.param("الناطقة باسم الجيش", "الناطق باسم الجيش", id="speaker-feminine"),
])
def test_feminine_role_noun_types_like_the_masculine(feminine: str, masculine: str) -> None:
    assert mention_type(feminine) == mention_type(masculine)


def test_personal_titles_open_a_title() -> None:
    """A personal title (الشيخ، اللواء، المهندس) is only read where a phrase opens with a title
    head or an honorific: one that is neither would never be looked at."""
    honorifics = lexicon.words("honorifics")
    stray = {t for t in lexicon.words("personal_titles")
             if t not in lexicon.words("title_heads") and "ال" + t not in honorifics and t not in honorifics}
    assert stray == set()
