"""Generate the shipped camel-tools morphology DB of reporting cues from ``data/cue_lexicon.tsv``.

camel-tools' own databases (calima-msa-r13, ...) are downloaded by ``camel_data`` and are out of reach
offline, so the project ships a small database in the same plain-text format, parsed by
``camel_tools.morphology.database.MorphologyDB`` and run through camel-tools' ``Analyzer``. It covers
only the reporting-cue lemmas of the lexicon, but it is a real morphology DB: every word form comes from
a stem, a prefix and a suffix joined through compatibility categories (tables AB, BC and AC), exactly as
in calima, and every analysis uses calima's feature names and values (pos:verb, asp:p/i, per:3,
gen:f, num:d, prc2:wa_conj, prc1:bi_prep, prc0:Al_det, enc0:3ms_dobj, lex, diac, ...), so one mapping
in ``quotes.morphology`` serves both databases.

Lookup keys (the first column of PREFIXES, SUFFIXES and STEMS) are written in the folded space the
analyzer works in: no diacritics, أ/إ/آ/ٱ -> ا, ى -> ي, ة -> ه (camel's Analyzer folds its input the same
way). Stems with ؤ/ئ also get a seatless variant key (يوكد، موكدا، قايلا), a frequent press spelling.

What the tables generate:
  verbs, perfective: 13 subject suffixes (3ms ... 1p), proclitics و/ف, object pronouns (obj=yes lemmas)
  verbs, imperfective: person prefixes ي/ت/ا/ن with 13 agreements, indicative and subjunctive endings,
      proclitics و/ف and ل (li_sub) / س (sa_fut), object pronouns (obj=yes lemmas)
  participles (pos:adj, as calima): m/f, s/d/p (no feminine plural -ات), accusative tanween -ا,
      proclitics و/ف; no article and no enclitic, since the circumstantial (حال) use is indefinite
  masdars (pos:noun): ب/ل/ك, ال, و/ف, possessive pronouns, accusative -ا, broken plural
Not generated: imperative, passive, jussive short forms (لم يقل), and energetic forms.

Run ``python -m quotes.morphology_db`` to rewrite ``quotes/data/cues.db``; the output is deterministic and
a test checks that the committed file equals ``build_db_text()``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
LEXICON_PATH = DATA_DIR / "cue_lexicon.tsv"
DB_PATH = DATA_DIR / "cues.db"

# Harakat, shadda, sukun, dagger alef, Quranic marks and tatweel: none of them is in a lookup key.
_DIACRITICS = "".join(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640])
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"} | dict.fromkeys(_DIACRITICS)
)
# Seatless hamza spellings seen in the press (موكدا for مؤكدا): extra stem keys, same analysis.
_SEATLESS = str.maketrans({"ؤ": "و", "ئ": "ي"})


def fold_key(text: str) -> str:
    """Fold diacritized Arabic to the analyzer's lookup space (and to the public lemma keys)."""
    return text.translate(_FOLD)


# ---------------------------------------------------------------------------------------------------
# Lexicon

@dataclass(frozen=True)
class LexEntry:
    """One row of the cue lexicon (see the header of cue_lexicon.tsv for the columns)."""

    lemma: str
    pos: str  # "verb" | "masdar"
    form: str
    wclass: str  # "sound" | "hollow" | "geminate" | "defective" | "noun"
    root: str
    pv_c: str
    iv: str
    iv_c: str
    ap: str
    pl: str
    obj: bool
    gloss: str

    @property
    def key(self) -> str:
        return fold_key(self.lemma)


_COLUMNS = ("lemma", "pos", "form", "class", "root", "pv_c", "iv", "iv_c", "ap", "pl", "obj", "gloss")
_CLASSES = {"verb": {"sound", "hollow", "geminate", "defective"}, "masdar": {"noun"}}


def load_lexicon(path: str | Path = LEXICON_PATH) -> tuple[LexEntry, ...]:
    """Parse the TSV lexicon; raises ValueError on a malformed row so a bad edit fails loudly."""
    entries: list[LexEntry] = []
    header_seen = False
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            if tuple(cells) != _COLUMNS:
                raise ValueError(f"{path}:{lineno}: header must be {' '.join(_COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS):
            raise ValueError(f"{path}:{lineno}: expected {len(_COLUMNS)} columns, got {len(cells)}")
        row = dict(zip(_COLUMNS, ("" if c == "-" else c for c in cells), strict=True))
        if row["class"] not in _CLASSES.get(row["pos"], ()):
            raise ValueError(f"{path}:{lineno}: bad pos/class {row['pos']}/{row['class']}")
        if row["pos"] == "verb" and not row["iv"]:
            raise ValueError(f"{path}:{lineno}: a verb needs its imperfective stem")
        entries.append(
            LexEntry(
                lemma=row["lemma"], pos=row["pos"], form=row["form"], wclass=row["class"], root=row["root"],
                pv_c=row["pv_c"], iv=row["iv"], iv_c=row["iv_c"], ap=row["ap"], pl=row["pl"],
                obj=row["obj"] == "yes", gloss=row["gloss"],
            )
        )
    if not header_seen:
        raise ValueError(f"{path}: no header row")
    return tuple(entries)


# ---------------------------------------------------------------------------------------------------
# Feature inventory (calima-msa names and values)

ORDER = (
    "pos", "diac", "lex", "bw", "gloss", "root", "prc3", "prc2", "prc1", "prc0",
    "per", "asp", "vox", "mod", "gen", "num", "stt", "cas", "enc0",
)
_OPEN = ("diac", "lex", "bw", "gloss", "root")
# Closed-class values declared even when this small DB does not use them, so that its DEFINES read
# like calima's; the generator adds any value it emits.
_BASE_VALUES: dict[str, set[str]] = {
    "pos": {"verb", "adj", "noun", "digit", "punc", "latin"},
    "asp": {"p", "i", "c", "na"},
    "vox": {"a", "p", "na"},
    "mod": {"i", "s", "j", "u", "na"},
    "per": {"1", "2", "3", "na"},
    "gen": {"m", "f", "na"},
    "num": {"s", "d", "p", "na"},
    "stt": {"i", "d", "c", "u", "na"},
    "cas": {"n", "a", "g", "u", "na"},
    "prc3": {"0", "na"},
    "prc2": {"0", "na"},
    "prc1": {"0", "na"},
    "prc0": {"0", "na"},
    "enc0": {"0", "na"},
}

# Minimal Buckwalter transliteration for the bw feature (calima's bw is Buckwalter too).
_BW = str.maketrans({
    "ء": "'", "آ": "|", "أ": ">", "ؤ": "&", "إ": "<", "ئ": "}", "ا": "A", "ب": "b", "ة": "p", "ت": "t",
    "ث": "v", "ج": "j", "ح": "H", "خ": "x", "د": "d", "ذ": "*", "ر": "r", "ز": "z", "س": "s", "ش": "$",
    "ص": "S", "ض": "D", "ط": "T", "ظ": "Z", "ع": "E", "غ": "g", "ف": "f", "ق": "q", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "و": "w", "ى": "Y", "ي": "y", "ً": "F", "ٌ": "N", "ٍ": "K", "َ": "a",
    "ُ": "u", "ِ": "i", "ّ": "~", "ْ": "o", "ٰ": "`", "ٱ": "{", "#": "",
})


def _bw(diac: str, tag: str) -> str:
    return f"{diac.translate(_BW)}/{tag}" if diac or tag else ""


@dataclass(frozen=True)
class _Entry:
    """One PREFIXES/SUFFIXES/STEMS line: lookup key, category, features."""

    key: str
    cat: str
    feats: tuple[tuple[str, str], ...]

    def line(self) -> str:
        return f"{self.key}\t{self.cat}\t" + " ".join(f"{k}:{v}" for k, v in self.feats)


def _entry(key: str, cat: str, **feats: str) -> _Entry:
    # Fixed feature order (ORDER) keeps the output deterministic; empty values are left out because
    # camel's merge treats a missing feature and an empty one alike.
    ordered = tuple((k, feats[k]) for k in ORDER if feats.get(k, "") != "")
    extra = sorted(set(feats) - set(ORDER))
    if extra:
        raise ValueError(f"unknown features {extra}")
    return _Entry(key, cat, ordered)


# ---------------------------------------------------------------------------------------------------
# Clitics

# (surface, diac, value, gloss, bw tag)
_CONJ = (("", "", "0", "", ""), ("و", "وَ", "wa_conj", "and", "CONJ"), ("ف", "فَ", "fa_conj", "so", "CONJ"))
_IV_PART = (
    ("", "", "0", "", ""), ("س", "سَ", "sa_fut", "will", "FUT_PART"), ("ل", "لِ", "li_sub", "to", "SUB_CONJ")
)
_PREP = (
    ("", "", "0", "", ""),
    ("ب", "بِ", "bi_prep", "by/with", "PREP"),
    ("ل", "لِ", "li_prep", "to/for", "PREP"),
    ("ك", "كَ", "ka_prep", "like", "PREP"),
)
_DET = (("", "", "0", "", ""), ("ال", "ال#", "Al_det", "the", "DET"))  # '#': camel's sun-letter marker

# Pronoun enclitics: (surface, diac, person code, gloss). Object and possessive forms differ only in 1s.
_PRON = (
    ("ه", "هُ", "3ms", "him/it"), ("ها", "هَا", "3fs", "her/it"), ("هما", "هُمَا", "3d", "them_(two)"),
    ("هم", "هُمْ", "3mp", "them"), ("هن", "هُنَّ", "3fp", "them_(f)"), ("ك", "كَ", "2ms", "you"),
    ("ك", "كِ", "2fs", "you"), ("كما", "كُمَا", "2d", "you_(two)"), ("كم", "كُمْ", "2mp", "you_(pl)"),
    ("كن", "كُنَّ", "2fp", "you_(f.pl)"), ("ني", "نِي", "1s", "me"), ("نا", "نَا", "1p", "us"),
)
_POSS_1S = ("ي", "ِي", "1s", "my")


def _objects(subject_person: str) -> Iterable[tuple[str, str, str, str]]:
    # "I told me" / "you told you" are reflexive nonsense in Arabic morphology (it uses نفس), skip them.
    return (p for p in _PRON if p[2][0] != subject_person or subject_person == "3")


# ---------------------------------------------------------------------------------------------------
# Verb agreement

# Perfective subject suffixes: group -> (surface, diac, per, gen, num). The "d" groups follow a
# defective stem that already carries its vowel (دَعا، دَعَ+تْ، دَعَ+وْا).
_PV_SUBJ: dict[str, tuple[str, str, str, str, str]] = {
    "3MS": ("", "َ", "3", "m", "s"),
    "3FS": ("ت", "َتْ", "3", "f", "s"),
    "3MD": ("ا", "َا", "3", "m", "d"),
    "3FD": ("تا", "َتَا", "3", "f", "d"),
    "3MP": ("وا", "ُوا", "3", "m", "p"),
    "3FP": ("ن", "ْنَ", "3", "f", "p"),
    "1S": ("ت", "ْتُ", "1", "na", "s"),
    "2MS": ("ت", "ْتَ", "2", "m", "s"),
    "2FS": ("ت", "ْتِ", "2", "f", "s"),
    "2D": ("تما", "ْتُمَا", "2", "na", "d"),
    "2MP": ("تم", "ْتُمْ", "2", "m", "p"),
    "2FP": ("تن", "ْتُنَّ", "2", "f", "p"),
    "1P": ("نا", "ْنَا", "1", "na", "p"),
    "3MSd": ("", "", "3", "m", "s"),
    "3FSd": ("ت", "تْ", "3", "f", "s"),
    "3FDd": ("تا", "تَا", "3", "f", "d"),
    "3MPd": ("وا", "وْا", "3", "m", "p"),
}
# Subject suffixes that change shape before an object pronoun (قالوه، قلتموه); 2FP takes none here.
_PV_BEFORE_OBJ = {"3MP": ("و", "ُو"), "3MPd": ("و", "وْ"), "2MP": ("تمو", "ْتُمُو"), "2FP": None}

_PV_V = ("3MS", "3FS", "3MD", "3FD", "3MP")  # zero or vowel-initial suffix: long hollow stem (قال)
_PV_C = ("3FP", "1S", "2MS", "2FS", "2D", "2MP", "2FP", "1P")  # consonant-initial: short stem (قُل)
# Perfective stem shapes: shape -> (suffix groups, plain allowed, object pronouns allowed)
_PV_SHAPES: dict[str, tuple[tuple[str, ...], bool, bool]] = {
    "PV": (_PV_V + _PV_C, True, True),
    "PV_V": (_PV_V, True, True),
    "PV_C": (_PV_C, True, True),
    "PV_0": (("3MSd",), True, False),  # نَفَى
    "PV_0E": (("3MSd",), False, True),  # نَفا+هُ (final ى is written ا before a pronoun)
    "PV_S": (("3FSd", "3FDd", "3MPd"), True, True),  # نَفَ+تْ، نَفَ+وْا
    "PV_DC": (("3MD",) + _PV_C, True, True),  # نَفَي+َا، نَفَي+ْتُ
}

# Imperfective agreements: name -> (prefix surface, prefix diac, per, gen, num, suffix role)
_IV_AGR: dict[str, tuple[str, str, str, str, str, str]] = {
    "3MS": ("ي", "ي", "3", "m", "s", "Z"),
    "3MD": ("ي", "ي", "3", "m", "d", "D"),
    "3MP": ("ي", "ي", "3", "m", "p", "U"),
    "3FP": ("ي", "ي", "3", "f", "p", "N"),
    "3FS": ("ت", "ت", "3", "f", "s", "Z"),
    "3FD": ("ت", "ت", "3", "f", "d", "D"),
    "2MS": ("ت", "ت", "2", "m", "s", "Z"),
    "2FS": ("ت", "ت", "2", "f", "s", "I"),
    "2D": ("ت", "ت", "2", "na", "d", "D"),
    "2MP": ("ت", "ت", "2", "m", "p", "U"),
    "2FP": ("ت", "ت", "2", "f", "p", "N"),
    "1S": ("ا", "أ", "1", "na", "s", "Z"),
    "1P": ("ن", "ن", "1", "na", "p", "Z"),
}
# Imperfective suffixes: (group, mood, surface, diac). Mood "u" = same letters in both moods.
# Groups "Zd" (يدعو، يرى), "Ua"/"Ia" (يَرَوْنَ، تَرَيْنَ) follow defective stems.
_IV_SUBJ: tuple[tuple[str, str, str, str], ...] = (
    ("Z", "i", "", "ُ"), ("Z", "s", "", "َ"), ("Zd", "u", "", ""),
    ("D", "i", "ان", "َانِ"), ("D", "s", "ا", "َا"),
    ("U", "i", "ون", "ُونَ"), ("U", "s", "وا", "ُوا"),
    ("Ua", "i", "ون", "وْنَ"), ("Ua", "s", "وا", "وْا"),
    ("I", "i", "ين", "ِينَ"), ("I", "s", "ي", "ِي"),
    ("Ia", "i", "ين", "يْنَ"), ("Ia", "s", "ي", "يْ"),
    ("N", "u", "ن", "ْنَ"),
)
_IV_ROLE = {"Z": "Z", "Zd": "Z", "D": "D", "U": "U", "Ua": "U", "I": "I", "Ia": "I", "N": "N"}
_IV_BEFORE_OBJ = {("U", "s"): ("و", "ُو"), ("Ua", "s"): ("و", "وْ")}  # لن يقولوه
_IV_SHAPES: dict[str, tuple[tuple[str, ...], bool, bool]] = {
    "IV": (("Z", "D", "U", "I", "N"), True, True),
    "IV_V": (("Z", "D", "U", "I"), True, True),  # يقول
    "IV_C": (("N",), True, True),  # يقلن
    "IV_Z": (("Zd",), True, False),  # يرى، يدعو
    "IV_ZE": (("Zd",), False, True),  # يرا+ه
    "IV_DN": (("D", "N"), True, True),  # يريان، يدعوان
    "IV_Su": (("U", "I"), True, True),  # يدعون، ينفون
    "IV_Sa": (("Ua", "Ia"), True, True),  # يرون، يتمنون
}
# Prefix moods: "A" plain (any ending), "S" after li_sub (subjunctive), "F" after sa_fut (indicative).
_IV_MOODS = {"A": {"i", "s", "u"}, "S": {"s", "u"}, "F": {"i", "u"}}
_IV_MOOD_OF_PART = {"0": "A", "li_sub": "S", "sa_fut": "F"}
_U_VOWEL_FORMS = {"II", "III", "IV", "Q"}  # yu- prefix; all other forms take ya-

# Participle suffixes: name -> (surface, diac, gen, num, cas)
_AP_SUFF: dict[str, tuple[str, str, str, str, str]] = {
    "MS": ("", "", "m", "s", "u"),
    "MSd": ("", "ٍ", "m", "s", "u"),  # defective short form: نافٍ
    "MSA": ("ا", "ًا", "m", "s", "a"),
    "FS": ("ه", "َة", "f", "s", "u"),
    "MPN": ("ون", "ُونَ", "m", "p", "n"),
    "MPAG": ("ين", "ِينَ", "m", "p", "u"),
    "MDN": ("ان", "َانِ", "m", "d", "n"),
    "MDAG": ("ين", "َيْنِ", "m", "d", "u"),
    "FDN": ("تان", "َتَانِ", "f", "d", "n"),
    "FDAG": ("تين", "َتَيْنِ", "f", "d", "u"),
}
# No feminine plural -ات: as a حال it is rare, while مقترحات، مذكرات، ملاحظات، لافتات are frequent nouns.
_AP_LONG = ("MSA", "FS", "MDN", "MDAG", "FDN", "FDAG")
_AP_SHAPES = {
    "AP": tuple(k for k in _AP_SUFF if k != "MSd"),
    "AP_S": ("MSd", "MPN", "MPAG"),  # ناف، نافون، نافين
    "AP_L": _AP_LONG,  # نافيا، نافية
}


def _strip_last_letter(stem: str) -> str:
    """Drop the final letter (و/ي/ى/ا) of a weak stem and, after و/ي, the vowel sign before it."""
    last = stem.rstrip(_DIACRITICS)
    short = last[:-1]
    if last[-1] in "وي":
        short = short.rstrip(_DIACRITICS)
    return short


def _with_alif(stem: str) -> str:
    """Final ى is written ا before a pronoun (نَفاهُ); after a hamza on alif the two make آ (رَآهُ)."""
    if not stem.endswith("ى"):
        return stem
    base = stem[:-1]
    bare = base.rstrip(_DIACRITICS)
    if bare.endswith("أ"):
        return bare[:-1] + "آ"
    return base + "ا"


def _verb_stems(e: LexEntry) -> list[tuple[str, str, str]]:
    """(aspect, shape, diacritized stem) for every stem of a verb; the shape picks its suffixes."""
    prefix_vowel = "ُ" if e.form in _U_VOWEL_FORMS else "َ"
    iv = prefix_vowel + e.iv  # the prefix's vowel is written on the stem so one ي/ت/ا/ن serves all forms
    iv_c = prefix_vowel + (e.iv_c or e.iv)
    stems: list[tuple[str, str, str]] = []
    if e.wclass == "sound":
        stems += [("p", "PV", e.lemma), ("i", "IV", iv)]
    elif e.wclass in ("hollow", "geminate"):
        stems += [("p", "PV_V", e.lemma), ("p", "PV_C", e.pv_c or e.lemma)]
        stems += [("i", "IV_V", iv), ("i", "IV_C", iv_c)]
    else:  # defective
        stems += [("p", "PV_0", e.lemma), ("p", "PV_S", _strip_last_letter(e.lemma))]
        stems += [("p", "PV_DC", e.pv_c or e.lemma)]
        stems += [("i", "IV_Z", iv), ("i", "IV_DN", iv_c)]
        stems += [("i", "IV_Sa" if iv.endswith("ى") else "IV_Su", _strip_last_letter(iv))]
        if e.obj:
            stems += [("p", "PV_0E", _with_alif(e.lemma)), ("i", "IV_ZE", _with_alif(iv))]
    return stems


def _ap_stems(e: LexEntry) -> list[tuple[str, str]]:
    if not e.ap:
        return []
    if e.wclass == "defective":
        return [("AP_S", _strip_last_letter(e.ap)), ("AP_L", e.ap)]
    return [("AP", e.ap)]


def _keys(diac: str) -> list[str]:
    key = fold_key(diac)
    seatless = key.translate(_SEATLESS)
    return [key] if seatless == key else [key, seatless]


# ---------------------------------------------------------------------------------------------------
# Tables

@dataclass
class _Tables:
    prefixes: set[_Entry]
    suffixes: set[_Entry]
    stems: set[_Entry]
    ab: set[tuple[str, str]]
    bc: set[tuple[str, str]]
    ac: set[tuple[str, str]]


def _prefixes(t: _Tables) -> None:
    for c_surf, c_diac, c_val, c_gloss, c_tag in _CONJ:
        base = {"prc3": "0", "prc2": c_val}
        c_bw = _bw(c_diac, c_tag)
        # Perfective verbs: conjunction only.
        t.prefixes.add(_entry(c_surf, "PVP", **base, prc1="0", prc0="0", diac=c_diac, bw=c_bw, gloss=c_gloss))
        # Imperfective: conjunction + (future sa- | subjunctive li-) + person prefix carrying the agreement.
        for p_surf, p_diac, p_val, p_gloss, p_tag in _IV_PART:
            mood = _IV_MOOD_OF_PART[p_val]
            for agr, (a_surf, a_diac, per, gen, num, _role) in _IV_AGR.items():
                t.prefixes.add(
                    _entry(
                        c_surf + p_surf + a_surf, f"IVP_{agr}_{mood}", **base, prc1=p_val, prc0="0",
                        per=per, gen=gen, num=num, diac=c_diac + p_diac + a_diac,
                        bw="+".join(x for x in (c_bw, _bw(p_diac, p_tag), _bw(a_diac, f"IV{agr}")) if x),
                        gloss="+".join(x for x in (c_gloss, p_gloss) if x),
                    )
                )
        # Participles: conjunction only (حال is indefinite).
        t.prefixes.add(_entry(c_surf, "APP", **base, prc1="0", prc0="0", diac=c_diac, bw=c_bw, gloss=c_gloss))
        # Masdars: conjunction + preposition + article; لِ + ال is written لل.
        for r_surf, r_diac, r_val, r_gloss, r_tag in _PREP:
            for d_surf, d_diac, d_val, d_gloss, d_tag in _DET:
                if r_surf == "ل" and d_surf:
                    surf, diac = "لل", "لِل#"
                else:
                    surf, diac = r_surf + d_surf, r_diac + d_diac
                cat = "NP_D" if d_surf else ("NP_P" if r_surf else "NP_0")
                extra = {"stt": "d"} if d_surf else {}
                if r_surf:
                    extra["cas"] = "g"  # a preposition governs the genitive
                t.prefixes.add(
                    _entry(
                        c_surf + surf, cat, **base, prc1=r_val, prc0=d_val, **extra, diac=c_diac + diac,
                        bw="+".join(x for x in (c_bw, _bw(r_diac, r_tag), _bw(d_diac, d_tag)) if x),
                        gloss="+".join(x for x in (c_gloss, r_gloss, d_gloss) if x),
                    )
                )


def _pv_suffixes(t: _Tables) -> None:
    for group, (surf, diac, per, gen, num) in _PV_SUBJ.items():
        tag = f"PVSUFF_SUBJ:{group.rstrip('d')}"
        common = {"per": per, "gen": gen, "num": num}
        t.suffixes.add(_entry(surf, f"PVS_{group}", **common, enc0="0", diac=diac, bw=_bw(diac, tag)))
        before = _PV_BEFORE_OBJ.get(group, (surf, diac))
        if before is None:
            continue
        b_surf, b_diac = before
        for o_surf, o_diac, code, o_gloss in _objects(per):
            pieces = (_bw(b_diac, tag if b_diac else ""), _bw(o_diac, f"PVSUFF_DO:{code.upper()}"))
            t.suffixes.add(
                _entry(
                    b_surf + o_surf, f"PVS_{group}_E", **common, enc0=f"{code}_dobj", diac=b_diac + o_diac,
                    bw="+".join(x for x in pieces if x), gloss=o_gloss,
                )
            )


def _iv_suffixes(t: _Tables) -> None:
    for group, mood, surf, diac in _IV_SUBJ:
        tag = f"IVSUFF_MOOD:{mood.upper()}" if not surf else f"IVSUFF_SUBJ:{group}_MOOD:{mood.upper()}"
        t.suffixes.add(_entry(surf, f"IVS_{group}_{mood}", mod=mood, enc0="0", diac=diac, bw=_bw(diac, tag)))
        b_surf, b_diac = _IV_BEFORE_OBJ.get((group, mood), (surf, diac))
        for o_surf, o_diac, code, o_gloss in _PRON:
            # Person clashes are ruled out in table AC (the agreement lives on the prefix).
            t.suffixes.add(
                _entry(
                    b_surf + o_surf, f"IVS_{group}_{mood}_E{code[0]}", mod=mood, enc0=f"{code}_dobj",
                    diac=b_diac + o_diac,
                    bw="+".join(x for x in (_bw(b_diac, tag), _bw(o_diac, f"IVSUFF_DO:{code.upper()}")) if x),
                    gloss=o_gloss,
                )
            )


def _nominal_suffixes(t: _Tables) -> None:
    for name, (surf, diac, gen, num, cas) in _AP_SUFF.items():
        t.suffixes.add(
            _entry(surf, f"APS_{name}", gen=gen, num=num, cas=cas, stt="i", enc0="0", diac=diac,
                   bw=_bw(diac, f"NSUFF_{name}") if diac else "")
        )
    t.suffixes.add(_entry("", "NS_0", cas="u", enc0="0"))
    t.suffixes.add(_entry("ا", "NS_A", cas="a", stt="i", enc0="0", diac="ًا", bw=_bw("ًا", "CASE_INDEF_ACC")))
    for o_surf, o_diac, code, o_gloss in (*(p for p in _PRON if p[2] != "1s"), _POSS_1S):
        t.suffixes.add(
            _entry(o_surf, "NS_E", cas="u", stt="c", enc0=f"{code}_poss", diac=o_diac,
                   bw=_bw(o_diac, f"POSS_PRON_{code.upper()}"), gloss=o_gloss)
        )


def _stems(t: _Tables, entries: Sequence[LexEntry]) -> None:
    for e in entries:
        common = {"lex": e.lemma, "root": e.root, "gloss": e.gloss, "prc3": "0", "prc2": "0", "prc1": "0",
                  "prc0": "0", "enc0": "0"}
        if e.pos == "verb":
            trans = "_T" if e.obj else ""
            for asp, shape, diac in _verb_stems(e):
                feats = {**common, "pos": "verb", "asp": asp, "vox": "a", "mod": "na" if asp == "p" else "-",
                         "per": "-", "gen": "-", "num": "-", "stt": "na", "cas": "na"}
                for key in _keys(diac):
                    t.stems.add(_entry(key, shape + trans, **feats, diac=diac,
                                       bw=_bw(diac, "PV" if asp == "p" else "IV")))
            for shape, diac in _ap_stems(e):
                # The participle is its own lemma, as in calima; quotes.morphology maps it to the verb.
                feats = {**common, "lex": e.ap, "pos": "adj",
                         "asp": "na", "vox": "na", "mod": "na", "per": "na", "gen": "-", "num": "-",
                         "stt": "i", "cas": "-"}
                for key in _keys(diac):
                    t.stems.add(_entry(key, shape, **feats, diac=diac, bw=_bw(diac, "ADJ")))
        else:  # masdar
            for num, diac in (("s", e.lemma), ("p", e.pl)):
                if not diac:
                    continue
                feats = {**common, "pos": "noun", "asp": "na", "vox": "na", "mod": "na", "per": "na",
                         "gen": "m", "num": num, "stt": "i", "cas": "-"}
                for key in _keys(diac):
                    t.stems.add(_entry(key, "N", **feats, diac=diac, bw=_bw(diac, "NOUN")))


def _compat(t: _Tables) -> None:
    """The three compatibility tables of the DB: prefix-stem, stem-suffix, prefix-suffix."""
    stem_cats = {e.cat for e in t.stems}
    suffix_cats = {e.cat for e in t.suffixes}
    prefix_cats = {e.cat for e in t.prefixes}
    _compat_ab(t, prefix_cats, stem_cats)
    for scat in stem_cats:
        _compat_bc(t, scat, suffix_cats)
    for pcat in prefix_cats:
        _compat_ac(t, pcat, suffix_cats)


def _compat_ab(t: _Tables, prefix_cats: set[str], stem_cats: set[str]) -> None:
    """AB: prefixes of a part of speech take every stem of that part of speech."""
    for pcat in prefix_cats:
        family = {"PVP": "PV", "APP": "AP"}.get(pcat) or ("IV" if pcat.startswith("IVP_") else "N")
        for scat in stem_cats:
            if scat == family or scat.startswith(family + "_"):
                t.ab.add((pcat, scat))


def _compat_bc(t: _Tables, scat: str, suffix_cats: set[str]) -> None:
    """BC: the stem shape decides the subject suffixes; transitive stems (_T) also take object pronouns."""
    shape, transitive = (scat[:-2], True) if scat.endswith("_T") else (scat, False)
    if shape in _PV_SHAPES:
        groups, plain, objects = _PV_SHAPES[shape]
        for g in groups:
            if plain:
                t.bc.add((scat, f"PVS_{g}"))
            if objects and transitive:
                t.bc.add((scat, f"PVS_{g}_E"))
    elif shape in _IV_SHAPES:
        groups, plain, objects = _IV_SHAPES[shape]
        for sfx in suffix_cats:
            parts = sfx.split("_")
            if parts[0] != "IVS" or parts[1] not in groups:
                continue
            has_obj = len(parts) == 4
            if (plain and not has_obj) or (objects and transitive and has_obj):
                t.bc.add((scat, sfx))
    elif shape in _AP_SHAPES:
        for name in _AP_SHAPES[shape]:
            t.bc.add((scat, f"APS_{name}"))
    elif shape == "N":
        for sfx in ("NS_0", "NS_A", "NS_E"):
            t.bc.add((scat, sfx))


def _compat_ac(t: _Tables, pcat: str, suffix_cats: set[str]) -> None:
    """AC: prefix and suffix agree in person/number and mood; the article excludes pronouns and tanween."""
    if pcat == "PVP":
        t.ac.update((pcat, s) for s in suffix_cats if s.startswith("PVS_"))
    elif pcat == "APP":
        t.ac.update((pcat, s) for s in suffix_cats if s.startswith("APS_"))
    elif pcat.startswith("NP_"):
        allowed = {"NP_0": ("NS_0", "NS_A", "NS_E"), "NP_P": ("NS_0", "NS_E"), "NP_D": ("NS_0",)}[pcat]
        t.ac.update((pcat, s) for s in allowed)
    else:
        _, agr, mood = pcat.split("_")
        person, role = _IV_AGR[agr][2], _IV_AGR[agr][5]
        for sfx in suffix_cats:
            parts = sfx.split("_")
            if parts[0] != "IVS" or _IV_ROLE[parts[1]] != role or parts[2] not in _IV_MOODS[mood]:
                continue
            if len(parts) == 4 and parts[3][1] == person and person != "3":
                continue  # reflexive object of the same (1st/2nd) person
            t.ac.add((pcat, sfx))


def _defines(t: _Tables) -> list[str]:
    values = {k: set(v) for k, v in _BASE_VALUES.items()}
    for entry in (*t.prefixes, *t.suffixes, *t.stems):
        for k, v in entry.feats:
            if k in values and v != "-":
                values[k].add(v)
    lines = [f"DEFINE {k} " + " ".join(f"{k}:{v}" for v in sorted(values[k])) for k in ORDER if k in values]
    lines += [f"DEFINE {k} {k}:*open*" for k in ORDER if k in _OPEN]
    return lines


def _defaults() -> list[str]:
    # The analyzer copies these for digits, punctuation and Latin words; pos is the key.
    nominal = "prc3:0 prc2:0 prc1:0 prc0:0 per:na asp:na vox:na mod:na gen:na num:na stt:na cas:na enc0:0"
    clitics = "prc3:0 prc2:0 prc1:0 prc0:0"
    lines = [
        f"DEFAULT pos:verb {clitics} per:3 asp:p vox:a mod:na gen:m num:s stt:na cas:na enc0:0",
        f"DEFAULT pos:adj {clitics} per:na asp:na vox:na mod:na gen:m num:s stt:i cas:u enc0:0",
        f"DEFAULT pos:noun {clitics} per:na asp:na vox:na mod:na gen:m num:s stt:i cas:u enc0:0",
    ]
    lines += [f"DEFAULT pos:{pos} {nominal}" for pos in ("digit", "punc", "latin")]
    return lines


def build_db_text(lexicon: str | Path = LEXICON_PATH) -> str:
    """The complete DB text for the lexicon, in camel-tools' morphology.db format (deterministic)."""
    entries = load_lexicon(lexicon)
    t = _Tables(set(), set(), set(), set(), set(), set())
    _prefixes(t)
    _pv_suffixes(t)
    _iv_suffixes(t)
    _nominal_suffixes(t)
    _stems(t, entries)
    _compat(t)

    def lines(items: Iterable[_Entry]) -> list[str]:
        return sorted(e.line() for e in items)

    out = ["###DEFINES###", *_defines(t), "###DEFAULTS###", *_defaults()]
    out += ["###ORDER###", "ORDER " + " ".join(ORDER)]
    out += ["###TOKENIZATIONS###", "###STEMBACKOFF###"]
    out += ["###PREFIXES###", *lines(t.prefixes), "###SUFFIXES###", *lines(t.suffixes)]
    out += ["###STEMS###", *lines(t.stems)]
    out += ["###TABLE AB###", *sorted(f"{a} {b}" for a, b in t.ab)]
    out += ["###TABLE BC###", *sorted(f"{a} {b}" for a, b in t.bc)]
    out += ["###TABLE AC###", *sorted(f"{a} {b}" for a, b in t.ac)]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write the DB (default: quotes/data/cues.db)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default=str(DB_PATH), help="where to write the DB")
    parser.add_argument("--lexicon", default=str(LEXICON_PATH), help="cue lexicon TSV")
    args = parser.parse_args(argv)
    text = build_db_text(args.lexicon)
    Path(args.output).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {args.output}: {text.count(chr(10))} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
