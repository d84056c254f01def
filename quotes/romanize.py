"""Latin spelling of Arabic speaker names, for citations.

``romanize_name`` asks arabic-name-romanizer (offline: a dictionary of ~60k attested Latin
spellings from Wikidata, then a small ONNX model for unseen name parts) and falls back to a
rule-based transliteration of our own when the package is missing or fails. It never raises.

Why the package: on 25 real names from the seed and corpus articles (full table in
db/README.md) it gave an attested English-press spelling for 15 of the 17 Arab names (Qasim
al-Araji, Fouad Hussein, Ismail Haniyeh, Nabil Abu Rudeineh, Abdel Fattah al-Sissi, Moqtada
al-Sadr, Hassan Nasrallah ...); the misses were French-style spellings of Iraqi names
("Moustafa al-Kazimi", "Mohammed Chia al-Soudani"). The rule-based transliteration below got
none of the 17 (readable forms such as "Qasam al-A'raji", "Fa'ad Hasin", but not a spelling
anyone searches for), and camel-tools' strict HSB/Buckwalter schemes ("qAsm AlÂςrjy") are
scholarly notation, unusable in a citation. No method knows non-Arab names written in Arabic:
the package gave "Luwaid Ousten" for لويد أوستن (Lloyd Austin), "Ban Ki Mon", "John Kerbi";
those need a reviewer's spelling (``speakers.latin``), which always wins over this function.

The package's first call loads its index and model (~0.2 s); later calls take ~1-10 ms and
results are memoised.
"""

from __future__ import annotations

import logging
import unicodedata
from functools import lru_cache
from typing import Any

import regex

log = logging.getLogger(__name__)

_ARABIC = regex.compile(r"\p{Arabic}")
_MARKS = regex.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

_transliterator: Any = None
_package_failed = False


def romanize_name(arabic: str) -> str:
    """Likely Latin spelling of an Arabic personal name ("" for empty input). Never raises."""
    try:
        return _romanize_cached(unicodedata.normalize("NFC", arabic or "").strip())
    except Exception:  # a citation column must never break an export
        log.exception("romanize_name failed for %r", arabic)
        return ""


@lru_cache(maxsize=8192)
def _romanize_cached(name: str) -> str:
    if not name:
        return ""
    if not _ARABIC.search(name):
        return name  # already Latin (or digits): nothing to do
    latin = _package(name)
    if not latin:
        latin = rule_based(name)
    return " ".join(latin.split())


def _package(name: str) -> str:
    """The package's best candidate, or "" when it is unavailable or fails."""
    global _transliterator, _package_failed
    if _package_failed:
        return ""
    try:
        if _transliterator is None:
            from arabic_name_romanizer import Transliterator

            _transliterator = Transliterator()
        result = _transliterator.transliterate(name)
        return result if isinstance(result, str) else ""
    except Exception:
        # Missing onnxruntime, a broken index file...: stop trying for this process, the
        # rule-based fallback is still a readable spelling.
        log.warning("arabic-name-romanizer unavailable; using rule-based romanisation", exc_info=True)
        _package_failed = True
        return ""


# --- rule-based fallback ---------------------------------------------------------------

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ک": "k", "ی": "y",
}
_HAMZA = {"ء": "'", "أ": "'", "إ": "'", "ؤ": "'", "ئ": "'"}
_PARTICLES = {"ابو": "Abu", "أبو": "Abu", "ابي": "Abi", "أبي": "Abi", "بن": "bin", "ابن": "Ibn",
              "بنت": "bint", "آل": "Al", "الله": "Allah"}
# The definite article is written al- whatever the next letter (citation style does not
# assimilate sun letters: al-Sadr, not as-Sadr).


def rule_based(name: str) -> str:
    """A plain letter-by-letter transliteration (short vowels guessed as "a")."""
    words = _MARKS.sub("", unicodedata.normalize("NFKC", name)).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("عبد", "عبد ال") and i + 1 < len(words):
            nxt = words[i + 1]
            rest = nxt[2:] if nxt.startswith("ال") else nxt
            out.append("Abd al-" + _cap(_word(rest)))
            i += 2
            continue
        if w.startswith("عبدال") and len(w) > 5:
            out.append("Abd al-" + _cap(_word(w[5:])))
        elif w in _PARTICLES:
            out.append(_PARTICLES[w])
        elif w.startswith("ال") and len(w) > 3:
            out.append(("Al-" if not out else "al-") + _cap(_word(w[2:])))
        else:
            out.append(_cap(_word(w)))
        i += 1
    return " ".join(p for p in out if p)


def _cap(s: str) -> str:
    s = s.lstrip("'")
    return s[:1].upper() + s[1:]


def _word(w: str) -> str:
    out: list[str] = []
    n = len(w)
    for i, ch in enumerate(w):
        first, last = i == 0, i == n - 1
        prev_vowel = bool(out) and out[-1][-1:] in "aiu"
        if ch in ("ا", "آ", "ى"):
            piece = "a"
        elif ch == "إ":
            piece = "i"
        elif ch == "ة":
            piece = "a"
        elif ch == "و":
            piece = "w" if first or (prev_vowel and not last) else "u"
        elif ch == "ي":
            piece = "y" if first or (prev_vowel and not last) else "i"
        elif ch == "ع":
            piece = "a" if first else "'"
        elif ch == "أ":
            piece = "a" if first else "'"
        elif ch in _HAMZA:
            piece = _HAMZA[ch]
        elif ch in _CONSONANTS:
            piece = _CONSONANTS[ch]
            nxt = w[i + 1] if i + 1 < n else ""
            # Short vowels are not written: guess "a" between two consonants.
            if nxt and (nxt in _CONSONANTS or nxt in "عءؤئ"):
                piece += "a"
        else:
            continue  # digits, punctuation
        out.append(piece)
    return regex.sub(r"([aiu])\1+", r"\1", "".join(out))  # عادل: "Aadal" -> "Adal"


# --- who gets a romanised name ----------------------------------------------------------

# Head words of organisation and document names: transliterating them ("Wazara Kharjia
# al-Iraqia" for وزارة الخارجية العراقية) would be worse than an empty cell.
_INSTITUTION_WORDS = {
    "وزارة", "وزاره", "هيئة", "هيئه", "مجلس", "حركة", "حركه", "حزب", "منظمة", "منظمه", "جبهة",
    "رئاسة", "مكتب", "بيان", "وكالة", "وكاله", "لجنة", "لجنه", "حكومة", "حكومه", "جيش", "قيادة",
    "مصدر", "مصادر", "مسؤول", "متحدث", "شهود", "صحيفة", "قناة", "تقرير", "البيان", "الحكومة",
    "الجيش", "الوزارة", "الأمم", "الامم", "الاتحاد", "الخارجية", "الرئاسة", "السفارة", "سفارة",
    "البنتاغون", "البيت", "الكرملين", "الشرطة", "شركة", "جامعة", "مركز", "مؤسسة", "اتحاد",
}


def looks_like_person(name: str) -> bool:
    """Heuristic for speakers typed 'unknown': a name, not an institution or a description."""
    words = (name or "").split()
    if not words or len(words) > 5:
        return False
    return not any(w in _INSTITUTION_WORDS for w in words[:2])
