"""Reporting cues recognised by camel-tools morphology.

``CueMorphology.analyze(word)`` runs camel-tools' own ``Analyzer`` over a morphology DB and keeps the
analyses whose lemma is a reporting-cue lemma of ``data/cue_lexicon.tsv`` (قال، أضاف، أكد، ...), as
``CueAnalysis`` records: lemma key, part of speech, aspect, person, gender, number and clitics.

Which DB:
  * a full camel-tools DB when the user has one installed: CAMELTOOLS_DATA (or camel's default
    ~/.camel_tools) holding catalogue.json and calima-msa-r13's morphology.db;
  * otherwise the shipped ``data/cues.db``, generated from the lexicon by ``quotes.morphology_db``.

One mapping (``_cues_from``) reads camel's standard features for both DBs:
  verb          pos:verb, lex = a cue verb; asp p/i -> perfective/imperfective (imperative asp:c and
                passive vox:p analyses are dropped: قيل/يذكر-as-passive name no speaker)
  participle    pos:adj or pos:noun whose lex is the active participle of a cue verb (مُضِيف، قائِل).
                calima files participles as adjectives/nouns with their own lemma, so the lexicon's
                participle column maps them back to the verb: lemma is the *verb* key (مضيفا -> اضاف).
                Readings with the article or a pronoun are dropped: the cue (حال) is indefinite, and
                المشير/مشيره-as-"his adviser" are nouns.
  masdar        pos:noun whose lex is a masdar row of the lexicon (قَوْل): بقوله، بالقول، قولها.
Feature values: per 1/2/3, gen m/f, num s/d/p (anything else -> None); proclitics are spelled from
prc3..prc0 (wa_conj -> و, bi_prep -> ب, Al_det -> ال, sa_fut -> س, with ل + ال -> لل) and the
enclitic from enc0 (3ms_dobj -> ه, 1s_dobj -> ني, 1s_poss -> ي).

Input words are single tokens already folded by ``quotes.normalize`` (no diacritics, ا for أ/إ/آ/ٱ,
ي for ى, ه for ة); camel's Analyzer folds the same way, and the shipped DB's keys are in that space.
Seatless ؤ/ئ spellings (موكدا) are covered by the shipped DB only.

Lemma keys compare folded spellings, so homographs of a cue verb in a full calima DB (عَبَر "crossed"
vs عَبَّر "expressed") count as the cue; the caller decides from context, as it does for بين.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from pathlib import Path
from typing import Any

from .compiled import PACKAGE_DIR
from .morphology_db import DB_PATH, fold_key, load_lexicon

# Tokens of the folded text (the usual input) need no folding: no hamza-carrying alef, no ى/ة,
# no diacritics or tatweel.
# Characters fold_key changes: a word with none of them is already folded. (A set test: a regex
# fullmatch per word cost more than the rest of the pre-check.)
_UNFOLDED = frozenset("أإآٱىة\u0670\u0640" + "".join(map(chr, [*range(0x0610, 0x061B), *range(0x064B, 0x0660)])))

SHIPPED_DB = DB_PATH
SHIPPED_CAMEL_DATA = PACKAGE_DIR / "data" / "camel"  # (not this module's __file__: it may run compiled, elsewhere)
CALIMA_DB_NAME = "calima-msa-r13"


def _user_camel_data_dir() -> Path:
    # Same rule as camel_tools.data.catalogue: CAMELTOOLS_DATA, else a per-user default.
    env = os.environ.get("CAMELTOOLS_DATA")
    if env is not None:
        return Path(env).expanduser().absolute()
    if sys.platform == "win32":
        return Path.home() / "AppData" / "Roaming" / "camel_tools"
    return Path.home() / ".camel_tools"


def _configure_camel_data() -> None:
    """Use the shipped catalogue if the user has none: importing camel_tools.data would download one."""
    if "camel_tools.data" in sys.modules:
        return  # too late to matter, and the user's camel setup is already live
    if (_user_camel_data_dir() / "catalogue.json").is_file():
        return
    os.environ["CAMELTOOLS_DATA"] = str(SHIPPED_CAMEL_DATA)


_configure_camel_data()


def prepare_camel_import(cache_dir: Path | None = None) -> str:
    """Call before importing camel-tools' morphology: its catalogue offline, its charsets cached
    (in ``cache_dir``, else the user's cache folder). Returns how the charsets were had (see
    ``camel_charsets.install``)."""
    from . import camel_charsets

    _configure_camel_data()
    return camel_charsets.install(cache_dir)


def find_camel_db() -> Path | None:
    """The user's installed calima-msa-r13 morphology.db, or None.

    The catalogue names the dataset's folder; the conventional folder is tried too because a catalogue
    without the entry may still sit next to a manually unpacked DB.
    """
    data_dir = _user_camel_data_dir()
    catalogue = data_dir / "catalogue.json"
    if not catalogue.is_file():
        return None
    candidates = []
    try:
        with catalogue.open(encoding="utf-8") as fp:
            datasets = json.load(fp)["components"]["MorphologyDB"]["datasets"]
        candidates.append(data_dir / "data" / datasets[CALIMA_DB_NAME]["path"] / "morphology.db")
    except (OSError, ValueError, KeyError, TypeError):
        pass
    candidates.append(data_dir / "data" / "morphology_db" / CALIMA_DB_NAME / "morphology.db")
    return next((c for c in candidates if c.is_file()), None)


@dataclass(frozen=True)
class CueAnalysis:
    """One morphological reading of a token as a reporting cue."""

    lemma: str  # folded lemma key: "قال", "اضاف", "قول"; participles carry their verb's key
    pos: str  # "verb" | "participle" | "masdar"
    aspect: str | None  # "perfective" | "imperfective" for verbs, else None
    person: str | None  # "1" | "2" | "3"
    gender: str | None  # "m" | "f"
    number: str | None  # "s" | "d" | "p"
    proclitics: str  # as written: "", "و", "ف", "وب", "ب", "ل", "ال", "بال", "لل", "س", "وس"
    enclitic: str  # pronoun suffix as written: "", "ه", "ها", "هم", "هما", "ني"


# --- feature mapping (shared by the shipped DB and a full calima DB) ---------------------------------

_ASPECT = {"p": "perfective", "i": "imperfective"}
_PERSON = {"1": "1", "2": "2", "3": "3"}
_GENDER = {"m": "m", "f": "f"}
_NUMBER = {"s": "s", "d": "d", "p": "p"}
_NO_CLITIC = {"", "0", "na", "-"}
_PROCLITIC_LETTERS = {
    ">a_ques": "ا", "wa_conj": "و", "wa_sub": "و", "wa_part": "و", "wa_prep": "و",
    "fa_conj": "ف", "fa_sub": "ف", "fa_rc": "ف", "fa_prep": "ف", "sa_fut": "س", "Ha_fut": "ح",
    "bi_prep": "ب", "bi_part": "ب", "bi_prog": "ب", "ka_prep": "ك", "ta_prep": "ت",
    "li_prep": "ل", "li_jus": "ل", "li_sub": "ل", "la_emph": "ل", "la_rc": "ل", "la_prep": "ل",
    "Al_det": "ال",
}
# Fallback for proclitic/enclitic values not listed above: Buckwalter consonants of the value's head.
_BW_LETTERS = str.maketrans(
    {
        "A": "ا", "b": "ب", "t": "ت", "v": "ث", "j": "ج", "H": "ح", "x": "خ", "d": "د", "*": "ذ", "r": "ر",
        "z": "ز", "s": "س", "$": "ش", "S": "ص", "D": "ض", "T": "ط", "Z": "ظ", "E": "ع", "g": "غ", "f": "ف",
        "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "y": "ي", "Y": "ي", "p": "ه",
        ">": "ا", "<": "ا", "|": "ا", "'": "ء", "&": "ؤ", "}": "ئ",
        "a": None, "i": None, "u": None, "o": None, "~": None, "F": None, "N": None, "K": None,
    }
)
_PRONOUN_LETTERS = {
    "3ms": "ه", "3fs": "ها", "3d": "هما", "3mp": "هم", "3fp": "هن", "3p": "هم",
    "2ms": "ك", "2fs": "ك", "2d": "كما", "2mp": "كم", "2fp": "كن", "2p": "كم", "1p": "نا",
}


def _proclitics(feats: Mapping[str, Any]) -> str:
    out = ""
    for name in ("prc3", "prc2", "prc1", "prc0"):
        value = feats.get(name, "0")
        if value in _NO_CLITIC:
            continue
        letters = _PROCLITIC_LETTERS.get(value) or value.split("_")[0].translate(_BW_LETTERS)
        if letters == "ال" and out.endswith("ل"):
            letters = "ل"  # لِ + ال is written لل
        out += letters
    return out


def _enclitic(feats: Mapping[str, Any]) -> str:
    value = feats.get("enc0", "0")
    if value in _NO_CLITIC:
        return ""
    code, _, role = value.partition("_")
    if code == "1s":
        return "ي" if role == "poss" else "ني"
    return _PRONOUN_LETTERS.get(code) or code.translate(_BW_LETTERS)


@dataclass(frozen=True)
class _CueTables:
    """What the mapping needs from the lexicon."""

    verbs: frozenset[str]
    masdars: frozenset[str]
    participles_exact: Mapping[str, tuple[str, ...]]  # diacritized participle lex -> verb keys
    participles: Mapping[str, tuple[str, ...]]  # folded participle lex -> verb keys

    @classmethod
    def from_lexicon(cls) -> _CueTables:
        entries = load_lexicon()
        exact: dict[str, set[str]] = {}
        folded: dict[str, set[str]] = {}
        for e in entries:
            if e.pos == "verb" and e.ap:
                exact.setdefault(e.ap, set()).add(e.key)
                folded.setdefault(fold_key(e.ap), set()).add(e.key)
        return cls(
            verbs=frozenset(e.key for e in entries if e.pos == "verb"),
            masdars=frozenset(e.key for e in entries if e.pos == "masdar"),
            participles_exact={k: tuple(sorted(v)) for k, v in exact.items()},
            participles={k: tuple(sorted(v)) for k, v in folded.items()},
        )

    def is_cue_lex(self, lex: str) -> bool:
        key = fold_key(lex)
        return key in self.verbs or key in self.masdars or key in self.participles


def _cues_from(feats: Mapping[str, Any], tables: _CueTables) -> Iterator[CueAnalysis]:
    """The cue readings of one camel analysis (none, one, or one per verb of a shared participle)."""
    lex = feats.get("lex", "")
    key = fold_key(lex)
    pos = feats.get("pos")
    gender = _GENDER.get(feats.get("gen", ""))
    number = _NUMBER.get(feats.get("num", ""))
    if pos == "verb":
        aspect = _ASPECT.get(feats.get("asp", ""))
        if key in tables.verbs and aspect and feats.get("vox") != "p":
            yield CueAnalysis(
                key, "verb", aspect, _PERSON.get(feats.get("per", "")), gender, number,
                _proclitics(feats), _enclitic(feats),
            )
        return
    if pos not in ("adj", "noun"):
        return
    verbs = tables.participles_exact.get(lex) or tables.participles.get(key)
    if verbs:
        if feats.get("prc0") == "Al_det" or _enclitic(feats):
            return
        procl = _proclitics(feats)
        for verb in verbs:
            yield CueAnalysis(verb, "participle", None, None, gender, number, procl, "")
    elif pos == "noun" and key in tables.masdars:
        yield CueAnalysis(key, "masdar", None, None, gender, number, _proclitics(feats), _enclitic(feats))


# --- camel's analysis, restricted to a few features ----------------------------------------------------

# Letters a plain Arabic token may hold: camel's Analyzer segments such a word after folding the
# hamza-carrying alefs, alef maqsura and teh marbuta (its DEFAULT_NORMALIZE_MAP), with nothing to
# strip; any other word (digits, Latin letters, marks, tatweel) takes camel's other paths.
PLAIN_ARABIC = re.compile("[\u0621-\u063a\u0641-\u064a]+")
_CAMEL_NORMALIZE = str.maketrans({"إ": "ا", "أ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
_NEEDS_NORMALIZING = frozenset("إأآىة")
# What a prefix and a suffix put into the features a stem declares: (feature index, value) pairs.
_Fills = tuple[tuple[int, str], ...]


class FeatureAnalyzer:
    """camel-tools' ``Analyzer.analyze`` of a plain Arabic word (``PLAIN_ARABIC``), giving only the
    values of ``features`` of each analysis, in camel's order.

    camel builds, for every prefix + stem + suffix its compatibility tables allow, a full feature
    dict: it copies the stem's, joins the glosses, concatenates and rewrites the diacritized form
    through eight regular expressions. A caller that reads a few features pays for all of that.
    Those features come from camel's merge rule (``merge_features``): a feature the stem declares
    takes the prefix's value, else the suffix's, else the stem's own, "-" and "" counting as no
    value; a feature the stem does not declare is absent. This applies that rule to ``features``
    only, over the same segmentations, tables and order, so each analysis is camel's with the other
    features left out (``missing`` stands for an absent one). A DB whose merge does more to these
    features (``form_gen``/``form_num`` defined) is refused: ``supports`` says so.

    What a prefix and a suffix entry fill in is kept per (prefix, suffix), and which of those pairs
    the compatibility tables let join a stem per (prefix, suffix) and stem category; stem entries
    are converted once too. All fill up as words need them.
    """

    def __init__(self, db: Any, features: tuple[str, ...], missing: str | None) -> None:
        self._db = db
        self._features = features
        self._missing = missing
        self._stems: dict[str, tuple[tuple[str, tuple[str | None, ...], tuple[bool, ...]], ...]] = {}
        self._fills: dict[tuple[str, str], dict[str, tuple[tuple[_Fills, ...], ...]]] = {}
        self._pairs: dict[tuple[str, str], tuple[tuple[Collection[str], tuple[tuple[str, _Fills], ...]], ...]] = {}

    def stems_of(self, pos: Collection[str]) -> frozenset[str]:
        """The DB's stems (undiacritized) that some entry gives one of the parts of speech ``pos``."""
        return frozenset(stem for stem, entries in self._db.stem_hash.items()
                         if any(entry[1].get("pos") in pos for entry in entries))

    @staticmethod
    def supports(db: Any) -> bool:
        return "form_gen" not in db.defines and "form_num" not in db.defines

    def analyses(self, word: str) -> list[tuple[str | None, ...]]:
        """The values of ``features`` for each of camel's analyses of ``word``, in camel's order
        (duplicates kept)."""
        if not _NEEDS_NORMALIZING.isdisjoint(word):
            word = word.translate(_CAMEL_NORMALIZE)
        db = self._db
        prefixes, suffixes, stems = db.prefix_hash, db.suffix_hash, db.stem_hash
        n = len(word)
        # camel's _segments_gen: prefix length p from 0 to min(max prefix, n - 1); for each, stem
        # length from max(1, n - p - max suffix) up, i.e. suffix length k down from min(max suffix,
        # n - p - 1) to 0. The suffixes are looked up once for all prefixes.
        suffix_lengths = [k for k in range(min(db.max_suffix_size, n - 1), -1, -1) if word[n - k:] in suffixes]
        out: list[tuple[str | None, ...]] = []
        for p in range(min(db.max_prefix_size, n - 1) + 1):
            prefix = word[:p]
            if prefix not in prefixes:
                continue
            for k in suffix_lengths:
                if p + k < n and word[p:n - k] in stems:
                    self._combine(prefix, word[p:n - k], word[n - k:], out)
        return out

    def _combine(self, prefix: str, stem: str, suffix: str, out: list[tuple[str | None, ...]]) -> None:
        """camel's _combined_analyses: prefix entries, then stem entries, then suffix entries."""
        entries = self._stems.get(stem)
        if entries is None:
            missing, features = self._missing, self._features
            entries = self._stems[stem] = tuple(
                (cat, tuple(map(feats.get, features, repeat(missing))), tuple(map(feats.__contains__, features)))
                for cat, feats in self._db.stem_hash[stem])
        by_category = self._fills.get((prefix, suffix))
        if by_category is None:
            by_category = self._fills[prefix, suffix] = {}
        for_stems = []
        for stem_cat, base, declared in entries:
            fills = by_category.get(stem_cat)
            if fills is None:
                fills = by_category[stem_cat] = self._compatible_fills(prefix, stem_cat, suffix)
            for_stems.append((base, declared, fills))
        for i in range(len(self._db.prefix_hash[prefix])):
            for base, declared, fills in for_stems:
                for fill in fills[i]:
                    values = list(base)
                    for j, value in fill:
                        if declared[j]:
                            values[j] = value
                    out.append(tuple(values))

    def _compatible_fills(self, prefix: str, stem_cat: str, suffix: str) -> tuple[tuple[_Fills, ...], ...]:
        """Per prefix entry, what each suffix entry that camel's tests let join it and a stem of
        ``stem_cat`` fills in, in the suffix entries' order."""
        db = self._db
        suffixes_of_stem = db.stem_suffix_compat.get(stem_cat)
        pairs = self._pairs.get((prefix, suffix))
        if pairs is None:
            pairs = self._pairs[prefix, suffix] = self._affix_pairs(prefix, suffix)
        return tuple(
            () if suffixes_of_stem is None or stem_cat not in stems_after
            else tuple(fills for suffix_cat, fills in suffixes if suffix_cat in suffixes_of_stem)
            for stems_after, suffixes in pairs)

    def _affix_pairs(self, prefix: str, suffix: str) -> tuple[tuple[Collection[str], tuple[tuple[str, _Fills], ...]], ...]:
        """Per prefix entry: the stem categories table AB allows after it, and each suffix entry
        table AC allows with it, with what the two fill in (the prefix's value wins)."""
        db = self._db
        out = []
        for prefix_cat, prefix_feats in db.prefix_hash[prefix]:
            suffixes_after = db.prefix_suffix_compat.get(prefix_cat, ())
            suffixes = tuple(
                (suffix_cat, tuple((j, value) for j, name in enumerate(self._features)
                                   if (value := _affix_value(prefix_feats, name) or _affix_value(suffix_feats, name))))
                for suffix_cat, suffix_feats in db.suffix_hash[suffix] if suffix_cat in suffixes_after)
            # table AB is indexed as camel does: every prefix category of the DB has a row in it
            out.append((db.prefix_stem_compat[prefix_cat], suffixes))
        return tuple(out)


def _affix_value(feats: Mapping[str, str], name: str) -> str:
    """An affix's value for a feature, "" for none: camel's merge skips "" and "-" alike."""
    value = feats.get(name, "")
    return "" if value == "-" else value


# --- the analyzer wrapper -----------------------------------------------------------------------------

class CueMorphology:
    """camel-tools analysis restricted to reporting-cue lemmas, cached per word."""

    def __init__(self, db_path: str | Path | None = None) -> None:
        if db_path is None:
            full = find_camel_db()
            path, kind = (full, "camel") if full is not None else (SHIPPED_DB, "shipped")
        else:
            path = Path(db_path)
            kind = "shipped" if path.resolve() == SHIPPED_DB.resolve() else "camel"
        prepare_camel_import()
        # Imported here, not at module level: camel-tools costs ~0.5 s to import and needs the
        # catalogue set up above.
        from camel_tools.morphology.analyzer import Analyzer
        from camel_tools.morphology.database import MorphologyDB

        db = MorphologyDB(str(path), "a")
        # backoff NONE: an unknown word must yield nothing; camel's own cache is off (ours is below).
        self._analyzer = Analyzer(db, backoff="NONE")
        self.source: str = f"{kind}:{path}"
        self._tables = _CueTables.from_lexicon()
        self.lemmas: frozenset[str] = self._tables.verbs | self._tables.masdars
        self._cache: dict[str, tuple[CueAnalysis, ...]] = {}
        self._cue_words: set[str] = set()  # the cached words that have a cue reading
        # Pre-check index: a word can only have a cue reading if it splits into a prefix, a stem of
        # a cue lemma and a suffix whose categories the database's compatibility tables allow
        # together: the analyzer's own test, without its per-word overhead. Heads (prefix + cue
        # stem, 60 x 259 here) map to their allowed suffixes; with a full calima DB the pre-check
        # also skips the ~all stems that are not cues.
        self._max_suffix = db.max_suffix_size
        self._heads = _compatible_heads(db, self._tables)
        # Every form a head and one of its suffixes make (some 76,000 with calima-msa-r13): the
        # pre-check is then one set look-up per word instead of one per possible suffix length.
        self._cue_forms = frozenset(head + suffix for head, suffixes in self._heads.items() if head
                                    for suffix in suffixes if len(suffix) <= self._max_suffix)
        # A candidate is analysed for the features _cues_from reads only (see FeatureAnalyzer).
        self._features = FeatureAnalyzer(db, _CUE_FEATURES, None) if FeatureAnalyzer.supports(db) else None

    def analyze(self, word: str) -> tuple[CueAnalysis, ...]:
        """Cue readings of one folded token; () for any other word."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        result = self._analyze(word) if self._may_be_cue(word) else ()
        self._cache[word] = result
        if result:
            self._cue_words.add(word)
        return result

    def analyze_many(self, words: set[str] | frozenset[str]) -> dict[str, tuple[CueAnalysis, ...]]:
        """The cue readings of the words that have some: one call per document, not per word.
        Set operations find the new words and the cue words without a Python loop over the
        words seen before, which are nearly all of an article's."""
        cache = self._cache
        may_be_cue = self._may_be_cue
        for word in words.difference(cache):  # analyze() inlined: 16 new words per article
            if may_be_cue(word):
                cache[word] = result = self._analyze(word)
                if result:
                    self._cue_words.add(word)
            else:
                cache[word] = ()
        return {word: cache[word] for word in words.intersection(self._cue_words)}

    def analyze_folded(self, words: Sequence[str]) -> tuple[list[int], dict[str, tuple[CueAnalysis, ...]]]:
        """For the words of a folded text (a document's tokens, repeats and all): the indices of
        those that may have a cue reading, in text order, and the cue readings of the words that
        have some (as ``analyze_many``). No word holds a character camel's analyser folds
        (``_UNFOLDED``: normalize folds or deletes them all), so the pre-check is one C-level pass
        of look-ups in the cue forms, where nearly every word misses on its hash alone; in the
        cache of every word seen each would be found and its string compared. Over 10,000
        articles the cue stage takes 1.35 s instead of 1.75 s."""
        indices = list(compress(range(len(words)), map(self._cue_forms.__contains__, words)))
        cache = self._cache
        candidates = {words[i] for i in indices}
        for word in candidates.difference(cache):
            cache[word] = result = self._analyze(word)  # (_may_be_cue holds: a cue form, folded)
            if result:
                self._cue_words.add(word)
        return indices, {word: cache[word] for word in candidates.intersection(self._cue_words)}

    def _may_be_cue(self, word: str) -> bool:
        # Fold as camel's Analyzer does, so an unfolded token (أكد) is not rejected here.
        if not _UNFOLDED.isdisjoint(word):
            word = fold_key(word)
        return word in self._cue_forms

    def _analyze(self, word: str) -> tuple[CueAnalysis, ...]:
        seen: dict[CueAnalysis, None] = {}  # ordered set: keeps the analyzer's order, drops duplicates
        if self._features is not None and PLAIN_ARABIC.fullmatch(word):
            analyses: Iterable[Mapping[str, Any]] = [
                {name: value for name, value in zip(_CUE_FEATURES, values, strict=True) if value is not None}
                for values in self._features.analyses(word)]
        else:
            analyses = self._analyzer.analyze(word)
        for feats in analyses:
            for cue in _cues_from(feats, self._tables):
                seen.setdefault(cue, None)
        # Third-person (and person-less) readings first: news reports third parties. The sort is
        # stable, so the order is otherwise the analyzer's and deterministic.
        return tuple(sorted(seen, key=lambda cue: _PERSON_RANK.get(cue.person, 3)))


_PERSON_RANK = {"3": 0, None: 0, "1": 1, "2": 2}
# The features _cues_from reads.
_CUE_FEATURES = ("lex", "pos", "gen", "num", "per", "asp", "vox", "prc3", "prc2", "prc1", "prc0", "enc0")


def _compatible_heads(db: Any, tables: _CueTables) -> dict[str, frozenset[str]]:
    """prefix + cue stem -> the suffixes that may follow, by the database's AB, BC and AC tables."""
    stem_cats = {stem: frozenset(cat for cat, feats in analyses if tables.is_cue_lex(feats.get("lex", "")))
                 for stem, analyses in db.stem_hash.items()}
    stem_cats = {stem: cats for stem, cats in stem_cats.items() if cats}
    suffixes_of: dict[str, set[str]] = {}
    for suffix, analyses in db.suffix_hash.items():
        for cat, _ in analyses:
            suffixes_of.setdefault(cat, set()).add(suffix)
    combined: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]] = {}

    def allowed(pcats: frozenset[str], scats: frozenset[str]) -> frozenset[str]:
        key = (pcats, scats)
        if key not in combined:
            out: set[str] = set()
            for pcat in pcats:
                for scat in scats:
                    if scat in db.prefix_stem_compat.get(pcat, ()):
                        cats = db.stem_suffix_compat.get(scat, set()) & db.prefix_suffix_compat.get(pcat, set())
                        for cat in cats:
                            out |= suffixes_of.get(cat, set())
            combined[key] = frozenset(out)
        return combined[key]

    heads: dict[str, frozenset[str]] = {}
    for prefix, analyses in db.prefix_hash.items():
        pcats = frozenset(cat for cat, _ in analyses)
        for stem, scats in stem_cats.items():
            ok = allowed(pcats, scats)
            if ok:
                head = prefix + stem
                heads[head] = heads[head] | ok if head in heads else ok
    return heads
