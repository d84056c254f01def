"""Reporting cues: the words that introduce or attribute reported speech.

Verbs, participles and the masdar قول are recognised through camel-tools morphology
(`quotes.morphology`): the analysis gives the lemma, aspect, person, gender and number, so
every conjugated, cliticised or hamza-less spelling is one lemma here. Prepositional cues
("according to") and document cues (جاء في البيان) are fixed expressions and are matched on
the folded text.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from . import lexicon
from .morphology import CueAnalysis, CueMorphology
from .normalize import NormalizedText, Tokens
from .phrases import GLUE

# Verbs whose subject is usually omitted: they continue the previous speaker.
CONTINUATION_LEMMAS = lexicon.words("continuation_lemmas")

# Lemmas with a frequent non-reporting sense (بين "between", زاد "increased", تابع "followed",
# راي "saw", رد "response"...): they count only with a clause-opening complement right after.
STRICT_LEMMAS = lexicon.words("strict_lemmas")

# Of those, the ones whose other reading is no verb at all or not a speech act (بين "between",
# زاد "increased", عبر "across", رد "response"): their subject counts only when they quote.
HOMOGRAPH_LEMMAS = lexicon.words("homograph_lemmas")

# Verbs whose content is a noun phrase or a request rather than a clause (annotated optional
# unless quoted): they take a quotation only when quotation marks follow.
NOMINAL_LEMMAS = lexicon.words("nominal_lemmas")

# The preposition a verb governs when its object is a noun (شدد على وجود …، أعرب عن أمله):
# such a verb reports a clause only when a complementiser or a quotation follows it.
GOVERNED_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    line.split()[0]: tuple(line.split()[1:]) for line in lexicon.entries("governed_prepositions")
}

# Passive / impersonal formulae of the journalist's own voice (يذكر أن، يشار إلى أن): not speech.
_IMPERSONAL = regex.compile(rf"^(?:و|ف)?(?:{lexicon.alternation('impersonal_verbs')})$")


class Cue(NamedTuple):
    """A reporting cue; offsets index the folded text (NormalizedText.text). A named tuple:
    an article has dozens of candidates and a frozen dataclass is several times slower to build."""

    start: int
    end: int
    token_index: int  # index of the (first) token in the token list
    word: str
    lemma: str
    pos: str  # verb | participle | masdar | according | document
    aspect: str | None = None
    person: str | None = None
    gender: str | None = None
    number: str | None = None
    proclitics: str = ""
    enclitic: str = ""

    @property
    def continuation(self) -> bool:
        return self.lemma in CONTINUATION_LEMMAS

    @property
    def strict(self) -> bool:
        return self.lemma in STRICT_LEMMAS

    @property
    def nominal(self) -> bool:
        return self.lemma in NOMINAL_LEMMAS


def _best(analyses: tuple[CueAnalysis, ...]) -> CueAnalysis | None:
    """Prefer third-person verbs, then participles, then the masdar: news reports third parties."""

    def rank(a: CueAnalysis) -> tuple[int, int]:
        if a.pos == "verb":
            return (0 if a.person == "3" else 3, 0 if a.aspect == "perfective" else 1)
        return (1 if a.pos == "participle" else 2, 0)

    return min(analyses, key=rank) if analyses else None


# "according to" cues, folded spelling; the group is the cue expression.
_ACCORDING = regex.compile(
    r"(?<![\p{L}])(?:و|ف)?(?P<cue>بحسب|حسب(?:ما)?|وفقا ل|طبقا ل|وفق(?:ا)?(?= )|طبقا(?= )|نقلا عن|علي لسان)(?!\p{L}{2})"
)
_ACCORDING_HINTS = ("حسب", "وفق", "طبق", "نقلا", "لسان")


def opens_according(text: str, pos: int) -> bool:
    """An according-to expression (وطبقا لـ، بحسب، نقلا عن …) starts at folded offset ``pos``."""
    return _ACCORDING.match(text, pos) is not None


# The document itself as source: وجاء في البيان / وورد في التقرير.
# (في or ب before a document or its pronoun: not «وجاء بعد اجتماع», «وجاء بعض الأمان», where جاء is «came»)
_DOCUMENT = regex.compile(r"(?<![\p{L}])(?:و|ف)?(?P<cue>جاء|ورد)(?= (?:في(?:ه|ها)?(?!\p{L})|ب(?:ال|(?:ه|ها)(?!\p{L}))))")


def _matches_at_hints(pattern: regex.Pattern[str], text: str, hints: tuple[str, ...]) -> list[regex.Match[str]]:
    """The matches of ``pattern`` (which start at a word, at most five letters before one of
    its ``hints``), found by trying it only where a hint occurs: str.find is far cheaper than
    running the pattern over the whole text."""
    found: dict[int, regex.Match[str]] = {}
    for hint in hints:
        i = text.find(hint)
        while i != -1:
            for p in range(max(0, i - 5), i + 1):
                if p not in found and (p == 0 or not text[p - 1].isalpha()):
                    m = pattern.match(text, p)
                    if m is not None:
                        found[p] = m
            i = text.find(hint, i + 1)
    return [found[p] for p in sorted(found)]


# A name or an identity as ذكر's object: the anonymity formula (رفض ذكر اسمه، طلب عدم كشف هويته).
_GOES_ON_TO_SAY = frozenset(("قال", "اضاف", "تابع"))  # ليقول، ليضيف، ليتابع: «(went on) to say»
_NAMING_LEMMAS = frozenset(("ذكر", "نشر", "كشف"))  # the cue lemmas that also mean to give a name out
_A_NAME = frozenset(("اسمه", "اسمها", "اسمهم", "اسميهما", "اسماءهم", "هويته", "هويتها", "هويتهم"))


def _between_pairs(text: str, tokens: Tokens, candidates: list[int]) -> set[int]:
    """The token indices of «بين X وبين Y»: Arabic repeats the preposition before the second term,
    so a وبين less than nine words after a بين of the same clause (no sentence end, colon or
    quotation mark between) makes both prepositions, neither «(and) he explained»."""
    words, starts = tokens.words, tokens.starts
    pairs: set[int] = set()
    for i in candidates:
        if words[i] != "وبين":
            continue
        for j in range(i - 1, max(-1, i - 9), -1):
            if words[j] == "بين":
                if not any(ch in text[starts[j]:starts[i]] for ch in ".:«»\"“”"):
                    pairs.update((i, j))
                break
    return pairs


# Prepositions written as words of their own (folded), which govern a noun: the word right after
# one is no verb. Not من (also «who»: من قال), and علي only where the text writes على (علي is also
# the name Ali: بن علي يقول).
_NOUN_PREPOSITIONS = frozenset(("في", "الي", "عن", "مع", "لدي", "نحو", "حول", "عبر", "تجاه", "ازاء", "بشان"))


def _governs_a_noun(norm: NormalizedText, tokens: Tokens, k: int) -> bool:
    """Token ``k`` is a preposition right before the next word, with only a space between."""
    word = tokens.words[k]
    if word not in _NOUN_PREPOSITIONS and not (word == "علي" and norm.spelled_at(tokens.ends[k] - 1) == "ى"):
        return False
    return norm.text[tokens.ends[k]:tokens.starts[k + 1]] == " "


def find_cues(norm: NormalizedText, tokens: Tokens, morphology: CueMorphology) -> list[Cue]:
    """All reporting-cue candidates of a document, in text order."""
    cues: list[Cue] = []
    text = norm.text
    # one analysis per distinct word; most words of an article are not cues
    analysed: dict[str, CueAnalysis] = {}
    words = tokens.words
    candidates, readings = morphology.analyze_folded(words)
    for word, found in readings.items():
        if not _IMPERSONAL.match(word):
            best = _best(found)
            if best is not None:
                analysed[word] = best
    between = _between_pairs(text, tokens, candidates)
    for i in candidates:
        if words[i] not in analysed:
            continue
        tok = tokens[i]
        best = analysed[tok.text]
        if best.pos == "verb" and best.person != "3":
            continue
        if "س" in best.proclitics:
            continue  # سيذكر، ستعلن: what someone will say is not a report
        if (best.pos == "verb" and best.aspect == "imperfective" and best.proclitics.endswith("ل")
                and best.lemma not in _GOES_ON_TO_SAY):
            # لتؤكد لحلفائها …، ليختتم الحفل: the ل of purpose, «in order to affirm», reports nothing
            # (but ومضى ليندمان ليقول إن …، ليضيف: «went on to say» is speech)
            continue
        if best.lemma == "راي" and best.enclitic:
            continue  # رآه، رأتني: «saw him», not «held that»; the opinion takes a clause, never a pronoun
        if i > 0 and words[i - 1] in ("عدم", "دون", "بدون"):
            continue  # عدم ذكر اسمه: a masdar, not a verb
        if best.pos == "participle" and i > 0 and words[i - 1] in ("غير", "وغير"):
            continue  # ظروف غير متوقعة، نتائج غير مؤكدة: غير negates an adjective, and reports nothing
        if best.lemma in _NAMING_LEMMAS and i + 1 < len(words) and (words[i + 1] in _A_NAME or (
                words[i + 1] == "عن" and i + 2 < len(words) and words[i + 2] in _A_NAME)):
            # الذي رفض ذكر اسمه، ورفض نشر اسمه، طلب عدم الكشف عن هويته: naming someone reports nothing
            continue
        if i in between:
            continue  # علاقة بين لجانه وبين بقية الرياضيين: prepositions, not «(and) he explained»
        if best.lemma == "ابان" and norm.spelled_at(tok.start + tok.text.find("ابان")) == "إ":
            continue  # إبان حكمها: «during», spelled with the hamza below; أبان «made clear» has it above
        if best.pos == "verb" and not best.proclitics and i > 0 and _governs_a_noun(norm, tokens, i - 1):
            continue  # على أمل أن، إلى شرح، عن كشف: a preposition governs a noun, never a verb
        if i > 0 and words[i - 1] in GLUE and words[i - 1] != "ال" and not text[tokens.ends[i - 1]:tok.start].strip():
            continue  # عبدالله بن طالب، أبو زيد: a name after its link, not a verb (إل folds to ال: not a link)
        if best.pos == "participle" and best.gender != "f" and best.number in (None, "s") and not tok.text.endswith("ا"):
            continue  # a participle reports as a circumstantial (مضيفاً، قائلاً: accusative, written with alif)
        number = best.number
        if best.pos == "participle" and number == "d" and tok.text.endswith("ين"):
            number = "p"  # مضيفين: dual or masculine plural unvowelled; a plural agrees with pairs too
        cues.append(
            Cue(tok.start, tok.end, i, tok.text, best.lemma, best.pos, best.aspect, best.person,
                best.gender, number, best.proclitics, best.enclitic)
        )
    for pattern, pos, hints in ((_ACCORDING, "according", _ACCORDING_HINTS), (_DOCUMENT, "document", ("جاء", "ورد"))):
        for m in _matches_at_hints(pattern, text, hints):
            s, e = m.span("cue")
            idx = min(tokens.index_at(m.start()), len(tokens) - 1)
            cues.append(Cue(s, e, idx, m.group("cue"), m.group("cue").replace(" ", ""), pos))
    cues.sort(key=lambda c: c.start)
    return cues
