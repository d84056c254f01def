"""Reporting cues through camel-tools morphology (quotes.morphology, quotes.morphology_db).

The words below are taken from the seeds and from the shared news corpus (already folded the way
quotes.normalize folds text: no diacritics, ا for أ/إ/آ, ي for ى, ه for ة).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import regex

from quotes.morphology import (
    SHIPPED_CAMEL_DATA,
    SHIPPED_DB,
    CueAnalysis,
    CueMorphology,
    _cues_from,
    find_camel_db,
)
from quotes.morphology_db import build_db_text, fold_key, load_lexicon
from quotes.normalize import fold

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def morph() -> CueMorphology:
    return CueMorphology(SHIPPED_DB)


def _readings(morph: CueMorphology, word: str) -> set[tuple]:
    return {
        (a.lemma, a.pos, a.aspect, a.person, a.gender, a.number, a.proclitics, a.enclitic)
        for a in morph.analyze(word)
    }


# --- the shipped DB -----------------------------------------------------------------------------------

def test_committed_db_equals_fresh_build() -> None:
    # Regenerate with: python -m quotes.morphology_db
    assert SHIPPED_DB.read_text(encoding="utf-8") == build_db_text()


def test_build_is_deterministic() -> None:
    assert build_db_text() == build_db_text()


def test_source_and_lemmas(morph: CueMorphology) -> None:
    assert morph.source == f"shipped:{SHIPPED_DB}"
    expected = {"قال", "اضاف", "اكد", "اشار", "اوضح", "ذكر", "بين", "تابع", "قول", "راي", "دعا", "نفي"}
    assert expected <= morph.lemmas
    # Participles carry their verb's lemma; they are not lemmas of their own.
    assert "مضيف" not in morph.lemmas and "قائل" not in morph.lemmas
    assert len(morph.lemmas) == len({e.key for e in load_lexicon()})


# --- real words -----------------------------------------------------------------------------------------

V, P, M = "verb", "participle", "masdar"
PF, IM = "perfective", "imperfective"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # perfective, all third-person agreements, with and without و/ف
        ("واضافت", ("اضاف", V, PF, "3", "f", "s", "و", "")),
        ("قالوا", ("قال", V, PF, "3", "m", "p", "", "")),
        ("وقال", ("قال", V, PF, "3", "m", "s", "و", "")),
        ("فقال", ("قال", V, PF, "3", "m", "s", "ف", "")),
        ("اكدا", ("اكد", V, PF, "3", "m", "d", "", "")),
        ("واكدا", ("اكد", V, PF, "3", "m", "d", "و", "")),
        ("اكدتا", ("اكد", V, PF, "3", "f", "d", "", "")),
        ("اشارت", ("اشار", V, PF, "3", "f", "s", "", "")),
        ("واشاروا", ("اشار", V, PF, "3", "m", "p", "و", "")),
        ("اوضح", ("اوضح", V, PF, "3", "m", "s", "", "")),
        ("وبين", ("بين", V, PF, "3", "m", "s", "و", "")),
        ("وتابع", ("تابع", V, PF, "3", "m", "s", "و", "")),
        ("قلنا", ("قال", V, PF, "1", None, "p", "", "")),
        # weak verbs in their hamza-less / folded spellings
        ("راي", ("راي", V, PF, "3", "m", "s", "", "")),
        ("ورات", ("راي", V, PF, "3", "f", "s", "و", "")),
        ("ودعت", ("دعا", V, PF, "3", "f", "s", "و", "")),
        ("دعوا", ("دعا", V, PF, "3", "m", "p", "", "")),
        ("نفت", ("نفي", V, PF, "3", "f", "s", "", "")),
        ("ونفي", ("نفي", V, PF, "3", "m", "s", "و", "")),
        ("ومضي", ("مضي", V, PF, "3", "m", "s", "و", "")),
        ("ردت", ("رد", V, PF, "3", "f", "s", "", "")),
        ("اقرت", ("اقر", V, PF, "3", "f", "s", "", "")),
        # object pronouns (verbs whose reporting use takes them)
        ("دعاه", ("دعا", V, PF, "3", "m", "s", "", "ه")),
        ("ووصفها", ("وصف", V, PF, "3", "m", "s", "و", "ها")),
        ("قاله", ("قال", V, PF, "3", "m", "s", "", "ه")),
        # imperfective, with و / س / ل
        ("يقول", ("قال", V, IM, "3", "m", "s", "", "")),
        ("يقولون", ("قال", V, IM, "3", "m", "p", "", "")),
        ("تقول", ("قال", V, IM, "3", "f", "s", "", "")),
        ("يؤكد", ("اكد", V, IM, "3", "m", "s", "", "")),
        ("تؤكدان", ("اكد", V, IM, "3", "f", "d", "", "")),
        ("لتؤكد", ("اكد", V, IM, "3", "f", "s", "ل", "")),
        ("سيقول", ("قال", V, IM, "3", "m", "s", "س", "")),
        ("ويشير", ("اشار", V, IM, "3", "m", "s", "و", "")),
        ("يضيف", ("اضاف", V, IM, "3", "m", "s", "", "")),
        ("يري", ("راي", V, IM, "3", "m", "s", "", "")),
        ("تري", ("راي", V, IM, "3", "f", "s", "", "")),
        ("يدعو", ("دعا", V, IM, "3", "m", "s", "", "")),
        ("ينفي", ("نفي", V, IM, "3", "m", "s", "", "")),
        ("نؤكد", ("اكد", V, IM, "1", None, "p", "", "")),
        # participles (lemma = the verb)
        ("مشيره", ("اشار", P, None, None, "f", "s", "", "")),
        ("مشيرا", ("اشار", P, None, None, "m", "s", "", "")),
        ("مؤكدا", ("اكد", P, None, None, "m", "s", "", "")),
        ("موكدا", ("اكد", P, None, None, "m", "s", "", "")),
        ("مؤكدين", ("اكد", P, None, None, "m", "p", "", "")),
        ("مضيفا", ("اضاف", P, None, None, "m", "s", "", "")),
        ("مضيفه", ("اضاف", P, None, None, "f", "s", "", "")),
        ("قائلا", ("قال", P, None, None, "m", "s", "", "")),
        ("قائله", ("قال", P, None, None, "f", "s", "", "")),
        ("لافتا", ("لفت", P, None, None, "m", "s", "", "")),
        ("موضحا", ("اوضح", P, None, None, "m", "s", "", "")),
        ("مبينا", ("بين", P, None, None, "m", "s", "", "")),
        ("مشددا", ("شدد", P, None, None, "m", "s", "", "")),
        ("واصفا", ("وصف", P, None, None, "m", "s", "", "")),
        ("نافيا", ("نفي", P, None, None, "m", "s", "", "")),
        ("داعيا", ("دعا", P, None, None, "m", "s", "", "")),
        ("ومتمنيا", ("تمني", P, None, None, "m", "s", "و", "")),
        ("متسائلا", ("تساءل", P, None, None, "m", "s", "", "")),
        # the masdar قول
        ("بقوله", ("قول", M, None, None, "m", "s", "ب", "ه")),
        ("قوله", ("قول", M, None, None, "m", "s", "", "ه")),
        ("وقوله", ("قول", M, None, None, "m", "s", "و", "ه")),
        ("بالقول", ("قول", M, None, None, "m", "s", "بال", "")),
        ("القول", ("قول", M, None, None, "m", "s", "ال", "")),
    ],
)
def test_real_words(morph: CueMorphology, word: str, expected: tuple) -> None:
    assert expected in _readings(morph, word)


def test_paradigms_of_weak_verbs(morph: CueMorphology) -> None:
    def agreements(words: str) -> list[set[tuple]]:
        return [{(a.lemma, a.person, a.gender, a.number) for a in morph.analyze(w) if a.aspect == PF}
                for w in words.split()]

    third = [("3", g, n) for g, n in (("m", "s"), ("f", "s"), ("m", "p"), ("m", "d"), ("f", "d"), ("f", "p"))]
    for lemma, forms in {
        "قال": "قال قالت قالوا قالا قالتا قلن",  # hollow: long stem before vowels, short before consonants
        "اضاف": "اضاف اضافت اضافوا اضافا اضافتا اضفن",
        "راي": "راي رات راوا رايا راتا راين",  # defective with hamza
        "دعا": "دعا دعت دعوا دعوا دعتا دعون",  # defective in و: dual and plural are both دعوا
        "نفي": "نفي نفت نفوا نفيا نفتا نفين",
        "رد": "رد ردت ردوا ردا ردتا رددن",  # geminate
    }.items():
        for agreement, found in zip(third, agreements(forms), strict=True):
            assert (lemma, *agreement) in found, (lemma, agreement)


def test_non_cues(morph: CueMorphology) -> None:
    for word in ("الوزير", "العراق", "واشنطن", "المتحدث", "الحكومه", "2021", "HMC", "", "و", "«"):
        assert morph.analyze(word) == (), word
    # Masdars of hollow form-IV verbs must not read as verb + ه (إضافة، إشارة، إفادة).
    for word in ("اضافه", "بالاضافه", "اشاره", "افاده"):
        assert morph.analyze(word) == (), word
    # "تابعة" (affiliated) is not تابع + ه; "متابعة" (follow-up) is no participle cue.
    assert morph.analyze("تابعه") == () and morph.analyze("متابعه") == ()
    # With the article a participle is a noun/adjective (المؤكد "certain", المشير "field marshal").
    assert morph.analyze("المؤكد") == () and morph.analyze("المشير") == ()
    # بين is also "between": the analyzer reports only its verb reading, the caller weighs context.
    assert {(a.lemma, a.pos) for a in morph.analyze("بين")} == {("بين", V)}


def test_third_person_first(morph: CueMorphology) -> None:
    # قالت/اكدت are also 1s/2s (قلتُ-type ambiguity of -t): the 3fs reading comes first.
    first = morph.analyze("اكدت")[0]
    assert (first.person, first.gender, first.number) == ("3", "f", "s")
    assert {a.person for a in morph.analyze("اكدت")} == {"1", "2", "3"}


def test_unfolded_input_also_works(morph: CueMorphology) -> None:
    assert ("اضاف", V, PF, "3", "f", "s", "و", "") in _readings(morph, "وأضافت")


def test_every_lexicon_row_analyses(morph: CueMorphology) -> None:
    for e in load_lexicon():
        readings = morph.analyze(e.key)
        if e.pos == "verb":
            assert any(
                (a.lemma, a.pos, a.aspect, a.person, a.number) == (e.key, V, PF, "3", "s") for a in readings
            ), e.lemma
            if e.ap:
                acc = fold_key(e.ap)[:-1] + "يا" if e.wclass == "defective" else fold_key(e.ap) + "ا"
                assert any(a.lemma == e.key and a.pos == P for a in morph.analyze(acc)), e.ap
        else:
            assert any(a.lemma == e.key and a.pos == M for a in readings), e.lemma


def test_seeds_real_text(morph: CueMorphology) -> None:
    found: dict[str, set[tuple[str, str]]] = {}
    for path in sorted((PROJECT / "seeds").glob("*.txt")):
        for word in regex.findall(r"\p{Arabic}+", fold(path.read_text(encoding="utf-8"))):
            for a in morph.analyze(word):
                found.setdefault(word, set()).add((a.lemma, a.pos))
    assert ("اضاف", V) in found["واضافت"]  # وأضافت
    assert ("اشار", V) in found["واشار"]  # وأشار وزير الخارجية ...
    assert ("اضاف", P) in found["مضيفا"]  # مضيفاً أن
    assert ("اكد", V) in found["واكدا"]  # واكدا ان القوات (hamza-less dual)
    assert ("قول", M) in found["بقوله"]
    assert ("شدد", V) in found["شدد"]
    assert "العراق" not in found and "الوزراء" not in found


# --- the mapping is shared with a full calima DB ------------------------------------------------------

def test_mapping_of_calima_style_features(morph: CueMorphology) -> None:
    tables = morph._tables
    base = {"prc3": "0", "prc2": "0", "prc1": "0", "prc0": "0", "enc0": "0", "vox": "a", "stt": "na"}
    verb = {**base, "pos": "verb", "lex": "أَضاف", "asp": "p", "per": "3", "gen": "f", "num": "s"}
    verb["prc2"] = "wa_conj"
    assert list(_cues_from(verb, tables)) == [CueAnalysis("اضاف", V, PF, "3", "f", "s", "و", "")]
    assert list(_cues_from({**verb, "vox": "p"}, tables)) == []  # passive (قيل، أضيف): no speaker
    assert list(_cues_from({**verb, "asp": "c"}, tables)) == []  # imperative
    assert list(_cues_from({**verb, "lex": "ذَهَب"}, tables)) == []  # not a cue lemma
    obj = {**verb, "lex": "أَبْلَغ", "gen": "m", "prc2": "0", "enc0": "3mp_dobj"}
    assert list(_cues_from(obj, tables))[0].enclitic == "هم"
    # calima files participles as adj or noun under their own lemma.
    ptcp = {**base, "pos": "noun", "lex": "مُشِير", "asp": "na", "per": "na", "gen": "f", "num": "s"}
    assert list(_cues_from(ptcp, tables)) == [CueAnalysis("اشار", P, None, None, "f", "s", "", "")]
    assert list(_cues_from({**ptcp, "prc0": "Al_det"}, tables)) == []
    masdar = {**base, "pos": "noun", "lex": "قَوْل", "gen": "m", "num": "s"}
    masdar |= {"prc1": "li_prep", "prc0": "Al_det"}
    assert list(_cues_from(masdar, tables))[0].proclitics == "لل"
    poss = {**masdar, "prc1": "bi_prep", "prc0": "0", "enc0": "1s_poss"}
    cue = list(_cues_from(poss, tables))[0]
    assert (cue.proclitics, cue.enclitic) == ("ب", "ي")


# --- caching and speed ----------------------------------------------------------------------------------

def test_cache_is_per_instance(morph: CueMorphology) -> None:
    first = morph.analyze("واضافت")
    assert morph.analyze("واضافت") is first
    assert "واضافت" in morph._cache
    other = CueMorphology(SHIPPED_DB)
    assert "واضافت" not in other._cache


def test_cached_call_is_cheap(morph: CueMorphology) -> None:
    words = ["وقال", "العراق", "مضيفا", "الوزير", "بين"]
    for w in words:
        morph.analyze(w)
    n = 20000
    start = time.perf_counter()
    for i in range(n):
        morph.analyze(words[i % 5])
    per_call = (time.perf_counter() - start) / n
    assert per_call < 20e-6


# --- which DB, and offline import -----------------------------------------------------------------------

def _fake_full_install(root: Path, with_catalogue_entry: bool = True) -> Path:
    """A CAMELTOOLS_DATA layout holding a 'calima-msa-r13' DB (a copy of the shipped one)."""
    db = root / "data" / "morphology_db" / "calima-msa-r13" / "morphology.db"
    db.parent.mkdir(parents=True)
    shutil.copyfile(SHIPPED_DB, db)
    catalogue = json.loads((SHIPPED_CAMEL_DATA / "catalogue.json").read_text(encoding="utf-8"))
    if with_catalogue_entry:
        catalogue["components"]["MorphologyDB"]["datasets"] = {
            "calima-msa-r13": {"component": "MorphologyDB", "path": "morphology_db/calima-msa-r13"}
        }
    (root / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    return db


@pytest.mark.parametrize("with_catalogue_entry", [True, False])
def test_full_db_is_picked_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_catalogue_entry: bool
) -> None:
    db = _fake_full_install(tmp_path / "ct", with_catalogue_entry)
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "ct"))
    assert find_camel_db() == db
    m = CueMorphology()
    assert m.source == f"camel:{db}"
    assert ("اضاف", V, PF, "3", "f", "s", "و", "") in _readings(m, "واضافت")


def test_default_data_dir_is_used_without_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAMELTOOLS_DATA", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert find_camel_db() is None
    db = _fake_full_install(tmp_path / ".camel_tools")
    assert find_camel_db() == db


def test_catalogue_without_db_falls_back_to_shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copyfile(SHIPPED_CAMEL_DATA / "catalogue.json", tmp_path / "catalogue.json")
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    assert CueMorphology().source == f"shipped:{SHIPPED_DB}"


_OFFLINE_SCRIPT = r"""
import os, socket, sys
def _no_network(*args, **kwargs):
    raise RuntimeError("network access attempted")
socket.socket.connect = _no_network
socket.create_connection = _no_network
from quotes.morphology import CueMorphology
m = CueMorphology()
print(m.source)
print(os.environ["CAMELTOOLS_DATA"])
print(m.analyze("واضافت")[0].lemma)
"""


def test_import_works_offline_without_camel_data(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CAMELTOOLS_DATA"}
    env["HOME"] = str(tmp_path)
    env["PYTHONPATH"] = str(PROJECT) + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run(
        [sys.executable, "-c", _OFFLINE_SCRIPT],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 0, out.stderr
    source, data_dir, lemma = out.stdout.split("\n")[:3]
    assert source == f"shipped:{SHIPPED_DB}"
    assert data_dir == str(SHIPPED_CAMEL_DATA)
    assert lemma == "اضاف"
    assert not (tmp_path / ".camel_tools" / "catalogue.json").exists()  # nothing was downloaded


def test_pre_check_keeps_every_cue_reading(morph: CueMorphology) -> None:
    """The pre-check (prefix, cue stem and suffix with compatible categories) may only skip
    words the analyzer gives no cue reading: checked on every word of the seed articles."""
    from quotes.normalize import NormalizedText, tokenize

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    words = {w for p in seeds.glob("*.txt") for w in tokenize(NormalizedText.of(p.read_text(encoding="utf-8"))).words}
    skipped = [w for w in words if not morph._may_be_cue(w)]
    assert len(skipped) > 0.9 * len(words)  # nearly every word is skipped without analysis
    assert [w for w in skipped if morph._analyze(w)] == []
    passed = [w for w in words if morph._may_be_cue(w)]
    assert passed and all(morph._analyze(w) for w in passed)  # and here none is analysed in vain


def test_analyze_folded_reads_as_the_word_by_word_path() -> None:
    """analyze_folded (a document's words) pre-checks by one intersection with the cue forms:
    the same readings as word by word, and no character it relies on being folded survives
    normalize's folding."""
    from quotes.morphology import _UNFOLDED
    from quotes.normalize import NormalizedText, tokenize

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    texts = [NormalizedText.of(p.read_text(encoding="utf-8")).text for p in sorted(seeds.glob("*.txt"))]
    assert all(_UNFOLDED.isdisjoint(t) for t in texts)
    assert _UNFOLDED.isdisjoint(NormalizedText.of("".join(sorted(_UNFOLDED)) + " أَكَّدَ").text)
    tokens = [w for t in texts for w in tokenize(NormalizedText.of(t)).words]
    words = frozenset(tokens)
    folded, plain = CueMorphology(SHIPPED_DB), CueMorphology(SHIPPED_DB)
    half = sorted(words)[::2]
    assert folded.analyze_folded(half)[1] == plain.analyze_many(frozenset(half))
    indices, readings = folded.analyze_folded(tokens)
    assert readings == plain.analyze_many(words) == {w: plain.analyze(w) for w in words if plain.analyze(w)}
    assert indices == [i for i, w in enumerate(tokens) if plain._may_be_cue(w)]
    assert set(readings) <= {tokens[i] for i in indices}
