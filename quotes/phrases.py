"""The grammar of speaker phrases: where a subject noun phrase ends, and how it splits into
title and name (used by the name index, the span stage and the mention stage).

Arabic news reports speech verb-first (وقال وزير الخارجية فؤاد حسين إن …), with the
subject between the cue and the content, often interrupted by appositions (مستشار الأمن
القومي العراقي، قاسم الأعرجي،) and adjuncts (في مؤتمر صحفي مع …, اليوم, لـ«عكاظ»). The
subject ends where an adjunct begins; a name inside an adjunct is never the speaker.

Splitting a phrase into title and name uses what titles look like, not who people are:
a title starts with a role noun (وزير، المتحدث، مستشار …) and goes on through definite
words and construct links (باسم، لشؤون); the name is the run of words after it, or before
it when the name comes first (ديفيد شينكر مساعد وزيرة الخارجية).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol

import regex

from . import lexicon
from .marks import TITLE_ABBREVIATIONS
from .normalize import WORD as _WORD
from .normalize import NormalizedText, strip_proclitics

TITLE_HEADS = lexicon.words("title_heads")
HONORIFICS = lexicon.words("honorifics")

ANONYMOUS_HEADS = lexicon.words("anonymous_heads")
DOCUMENT_HEADS = lexicon.words("document_heads")
ORGANISATION_HEADS = lexicon.words("organisation_heads")

RELATIVE_PRONOUNS = frozenset(("الذي", "التي", "الذين", "اللذان", "اللتان"))
_RELATIVE_ALTERNATION = "|".join(sorted(RELATIVE_PRONOUNS, key=len, reverse=True))

# Words that open an adjunct after the subject: the subject phrase stops before them.
# (the statement's own nouns, then the other occasions: في تصريح، في ختام الجلسة)
_EVENT_NOUNS = lexicon.alternation("statement_occasions") + "|" + lexicon.alternation("event_nouns")
# «بتصريح لـ…، ببيان»: ب on the occasion of a statement opens an adjunct as «في تصريح» does
_BI_EVENT = frozenset("ب" + e + suffix for e in lexicon.entries("statement_occasions") for suffix in ("", "ه", "ها", "هم"))
# ألقى الأمين العام إياد مدني | كلمة، أصدر الوزير | بيانا: a statement noun without the article
# after a name is the verb's object (with its accusative ا where the writing shows one)
STATEMENT_OBJECTS = frozenset(e + suffix for e in lexicon.entries("statement_occasions") for suffix in ("", "ا"))
_TIME_WORDS = lexicon.alternation("time_words")
_TIME_WORD_SET = frozenset(t.split()[0] for t in lexicon.entries("time_words"))
# في البيان، في التصريح، في الكلمة، في الاجتماع: the statement or the meeting the article named, an
# adjunct as «في بيان» is (not في المؤتمر، في الحوار: المؤتمر الشعبي العام, a party, الحوار الوطني, a body)
_STATEMENT_WORDS = "|".join(("بيان", "تصريح", "تصريحات", "حديث", "كلام", "مقابله", "كلمه", "رساله", "تغريده", "تغريدات",
                             "تدوينه", "تعليق", "منشور", "مداخله", "مقال", "محاضره", "خطاب", "اجتماع"))
_ADJUNCT_START = regex.compile(
    rf"(?:(?:في|من) (?:{_EVENT_NOUNS})(?:ه|ها|هم|هما)?\b|في ال(?:{_STATEMENT_WORDS})\b|في (?:{lexicon.alternation('month_names')})\b|(?:{_TIME_WORDS})\b|مطلع (?=ال)|ل(?:ـ)?\s*[«\"“”{{(]|لل?(?:صحف|صحيف|صحاف|تلفزيون|اذاع|وكال|موقع|مراسل|قنا|اعلام|شبك|جريد|مجل(?!س)|وسائل|وسائط)\w*|"
    rf"ل(?:ـ)?\s*(?:{lexicon.alternation('wire_agencies')})\b|"
    rf"الي (?:ان|انه|انها)\b|علي (?:ان|انه|انها)\b|(?:{_RELATIVE_ALTERNATION})\b|من (?:جهته|جانبه|جهتها|جانبها)\b|"
    # في هذه المناسبة، في هذا الصدد، في ذلك الوقت: a demonstrative opens an adjunct, never a title's complement
    r"(?:في|من|خلال) (?:هذا|هذه|ذلك|تلك|هذين|هاتين)\b|"
    # كاميرون | بحسب صحيفة التلغراف: an according-to phrase (not the name حسب الله)
    r"(?:ب?حسب(?:ما)?|وفقا?|طبقا|نقلا)\b(?! الله)|"
    r"عن (?:ان|امله|قلقه|تقديره)\b|"
    # كتبت «جيروزاليم بوست» | تحت عنوان: the headline a paper wrote under
    r"تحت (?:عنوان|شعار)\b)"
)

# The words _ADJUNCT_START can begin with, besides any word in ل: the pattern is tried only there.
_ADJUNCT_FIRST_WORDS = frozenset(
    {"في", "من", "الي", "علي", "عن", "بحسب", "حسب", "حسبما", "بحسبما", "وفق", "وفقا", "طبقا", "نقلا", "تحت"} | RELATIVE_PRONOUNS
    | {t.split()[0] for t in lexicon.entries("time_words")}
)

_ANONYMITY = regex.compile(rf"و?(?:{lexicon.alternation('anonymity_formula')})\b")  # (وقال أحد المسؤولين | ورفض نشر اسمه)
# The first words of those formulas: each formula is a whole word, a space and more, so the
# pattern can match only where the word is one of them (however the walk's limit cuts the
# text); trying it only there spares a regex call on nearly every word of every subject walk.
_ANONYMITY_FIRST_WORDS = frozenset(w for e in lexicon.entries("anonymity_formula") for w in (e.split(" ", 1)[0], "و" + e.split(" ", 1)[0]))
assert all(" " in e and _WORD.fullmatch(e.split(" ", 1)[0]) for e in lexicon.entries("anonymity_formula"))
EULOGY = regex.compile(rf"(?:{lexicon.alternation('eulogies')})\b")
_EULOGY_FIRST_WORDS = frozenset(e.split(" ", 1)[0] for e in lexicon.entries("eulogies"))  # (as for the formulas above)
_AL = regex.compile(r"^(?:و|ف)?(?:ب|ل|ك)?ال")
_SPACES = re.compile(r"\s*")
_QUOTED_NAME = regex.compile(r"[«\"“„]([^\"«»“”\n]{1,40})[»\"”]")
_COMMA_WORD = regex.compile(r"[،,]\s*([\p{L}]+)")
_PREP_PRONOUN = regex.compile(r"(?:ب|ل|ك)\p{L}{2,4}(?:ها|هم|هما)")  # not ه: لجنه is a noun


class Mention(NamedTuple):  # a tuple: built many times per article, far cheaper than a frozen dataclass
    """A speaker phrase; offsets index the folded text."""

    start: int
    end: int
    text: str  # folded
    title: str  # folded title part ("" if none)
    name: str  # folded personal-name part ("" if none)
    type: str  # person | organisation | document | anonymous | unknown | pronoun (سموه)
    gender: str | None  # m | f | None
    number: str | None  # s | d | p | None
    name_start: int = 0  # folded offsets of the personal-name part (== start when none)
    name_end: int = 0


_bare = strip_proclitics


@lru_cache(maxsize=1 << 16)  # asked some 700,000 times per 10,000 articles about far fewer words
def is_definite(word: str) -> bool:
    m = _AL.match(word)
    return m is not None and len(word) - m.end() >= 2  # وكاله is و+كاله, not و+ك+ال+ه


# Titles that only people carry, so that «الشيخ الشريم» is a title and a family name.
_PERSONAL_TITLES = lexicon.words("personal_titles")
_RANK_QUALIFIERS = lexicon.words("rank_qualifiers")
_HONORIFIC_STYLES = lexicon.words("honorific_styles")
_HOUSE_OF = "ال"  # آل (the house of) once folded: a word of its own, which the article never is
NAME_LINKS_INITIAL = lexicon.words("name_links_initial")
NAME_LINKS = lexicon.words("name_links")
GLUE = NAME_LINKS_INITIAL | NAME_LINKS  # words that join the parts of a compound name
FILIATION = frozenset(("بن", "ابن", "بنت"))  # «son/daughter of»: a name follows, the parent's
_LINEAGE_LINKS = frozenset(("بن", "ابن", "بنت", "ال"))  # «son/daughter of», «house of»: a name goes on
TITLE_LINKS = lexicon.words("title_links")
_ADJECTIVES = lexicon.words("quality_adjectives")


def qualifies_rank(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` goes on with the rank before it: a qualifier (الفريق | أول، اللواء |
    ركن، العقيد | متقاعد) or a personal title after a rank (العقيد | دكتور). The name begins
    after it."""
    if i == 0:
        return False
    word, before = words[i], words[i - 1]
    # the rank itself has the article: «لواء أول مشاة» is a brigade, not a rank
    return ((word in _RANK_QUALIFIERS or _bare(word) in _PERSONAL_TITLES)
            and ((is_definite(before) and _bare(before) in _PERSONAL_TITLES) or qualifies_rank(words, i - 1)))


_NAME_OPENERS = NAME_LINKS_INITIAL - {"ال"}  # links that open a name: عبد الله، أبو بكر، ابن باز


def complement_ends(words: Sequence[str], i: int, classes: WordQuestions | None) -> bool:
    """Whether a title's prepositional complement ends before ``words[i]``, so a name may begin
    there: after a word in ب، ل or ك on a name (الأمين العام لأوبك | عبد الله البدري) or, when a
    name of two words at least follows, after a word in ب or ل the analyser does not know (a
    place) or a noun in ب or ل and its one-word genitive (بمنطقة عسير | أحمد عسيري). Where one
    word follows, it may be the genitive itself (بمنطقة نجران): the phrase tells nothing."""
    prev = words[i - 1]
    if classes is None:
        return False
    if _preposition_on_a_name(prev, classes):
        return True
    if i + 1 >= len(words) or is_definite(words[i]) or (words[i] in GLUE and words[i] not in _NAME_OPENERS) \
            or (words[i] not in GLUE and classes.name_evidence(words[i]) == "no" and words[i + 1] not in FILIATION):
        # what follows must be a name of two words at least (عبد الله بوحبيب: عبد opens one); a
        # word the analyser reads as a common noun is a given name when a lineage follows
        # (… بسجون حائل | مرزوقة بنت مسعر الشمري)
        return False
    if prev[:1] in ("ب", "ل") and classes.name_evidence(prev) == "unanalysed" \
            and classes.name_evidence(words[i]) in ("proper", "ambiguous"):
        # مدير فرع مكتب العمل بخيبر | فهد الرشيدي: a place the analyser does not know, in ب, then a
        # given name it knows (a name that opens with an unknown word in ب, بختيار دوغان, goes on
        # with another unknown one)
        return True
    before = words[i - 2] if i >= 2 else ""
    if ((before == "في" or before in _PLACE_CONSTRUCTS) and not is_definite(prev) and prev not in _PLACE_CONSTRUCTS
            and classes.gender_number(prev)[1] != "p" and _nisba_closed_name(words, i, classes)):
        # … في أبها | أحمد السروي، في محافظة ينبع | سامر بن علي العنيني: a place the analyser reads as
        # a common word (أبها «her father», ينبع «springs»), then a name its nisba closes
        return True
    if prev[:1] == "ب" and len(prev) >= 4 and (_definite_like(before) or (eponym_style(words, i - 3) and before not in GLUE)) \
            and classes.name_evidence(prev) == "no" and classes.name_evidence(prev[1:]) in ("proper", "ambiguous"):
        # رئيس لجنة الفواكه بالغرفة التجارية بجدة | عيضة الحارثي: after the complement's last
        # definite word (للتعليم بجدة) or an institution's eponym (بجامعة الملك عبدالعزيز بجدة | علي عشقي), a
        # proper noun in ب that the analyser also reads as a common word (بجدة), then a name (not
        # بلدة: سكان بلدة | بيت أمر، في بلدة | كريمس)
        return True
    if is_definite(prev):
        return False
    if _construct_on_a_place(words, i, classes):
        return True
    # مدير الشؤون الصحية بمنطقة عسير | أحمد إبراهيم عسيري، الناطق الإعلامي بصحة عسير | سعيد النقير،
    # … بمنطقة تبوك | ناصر بن أحمد الخريصي: a word in ب or ل and its one-word genitive, a place's
    # name, which the analyser may read as anything (تبوك: a verb)
    if before[:1] in ("ب", "ل") and not _definite_like(before) and classes.behind_a_clitic(before):
        # (a genitive the analyser reads as a noun may take its own genitive, بشرطة منطقة | مكة
        # المكرمة; one it reads only as a verb is a place: بمنطقة تبوك، بمحافظة ينبع)
        return classes.name_evidence(prev) != "no" or classes.ends_mention(prev)
    # رئيس مجلس تنسيق المقاومة الشعبية في تعز | حمود سعيد المخلافي: في and a place, or a noun and
    # the proper noun it names (مدير التنسيق والمتابعة في سوق عكاظ | فهد الحارثي)
    if before == "في":
        return classes.name_evidence(prev) in ("proper", "ambiguous", "unanalysed")
    return (i >= 3 and words[i - 3] == "في" and not _definite_like(before) and before[:1] not in ("و", "ب", "ل")
            and classes.name_evidence(before) == "no" and classes.name_evidence(prev) == "proper")


_PLACE_CONSTRUCTS = lexicon.words("place_constructs")
_PLACE_OPENERS = lexicon.words("place_openers")


def _nisba_closed_name(words: Sequence[str], i: int, classes: WordQuestions) -> bool:
    """From ``words[i]``, one to three name words closed by a definite nisba the analyser does not
    read as a common word, a family name (أحمد السروي، سامر بن علي العنيني): no word the analyser
    reads as no name but after بن."""
    for m in range(i, min(i + 4, len(words))):
        w = words[m]
        if is_definite(w):
            bare = _bare(w)
            # (one the analyser knows as a common word is an adjective: مطار عدن | الدولي، ريال مدريد |
            # الإسباني، أمانة عمان | الكبرى)
            return (m > i and bare.endswith("ي") and len(bare) > 3 and w[:1] not in ("و", "ف", "ل", "ب")
                    and classes.name_evidence(w) != "no" and bare not in TITLE_HEADS and bare not in ORGANISATION_HEADS)
        if w not in GLUE and classes.name_evidence(w) == "no" and (m == i or words[m - 1] not in FILIATION):
            return False
    return False


def _construct_on_a_place(words: Sequence[str], i: int, classes: WordQuestions) -> bool:
    """A title noun without the article takes a place's name as its genitive, which ends the
    title before ``words[i]`` when a given name the analyser knows opens there (محافظ جدة | محمد
    القحطاني، وزير خارجية إيران | محمد جواد ظريف، محافظ أبو عريش | محمد القحطاني). Only nouns
    that govern places do (not مدرب باريس | سان جرمان, a club of two words); the place is one word
    the analyser reads as a name or does not know (not مدينة: محافظ مدينة | عدن); and no title
    word follows within the name's reach, which may be a family name (أمين منطقة عسير صالح القاضي)."""
    if i < 2:
        return False
    noun, place, first = words[i - 2], words[i - 1], words[i]
    if place in _PLACE_OPENERS or first in _PLACE_OPENERS:
        return False  # شرطة لوس | أنجليس، نادي باريس | سان جرمان: the place goes on
    if noun in _PLACE_OPENERS and i >= 3:
        noun = words[i - 3]  # محافظ أبو عريش، رئيس بلدية خان يونس: a place of two words
    if noun[:1] == "و" and noun not in _PLACE_CONSTRUCTS:
        noun = noun[1:]  # غرفة تجارة وصناعة جدة | عبدالله الأحمري: the last of coordinated nouns governs it
    return (noun in _PLACE_CONSTRUCTS and place not in _PLACE_CONSTRUCTS and place not in GLUE
            and _bare(place) not in TITLE_HEADS and _bare(place) not in ORGANISATION_HEADS
            and classes.name_evidence(place) != "no" and not classes.only_prepositional(place)
            and not classes.only_conjoined(place)
            and (classes.name_evidence(first) in ("proper", "ambiguous") or (
                # a given name the analyser does not know, then another name word (خوسيب ماريا بارتوميو)
                classes.name_evidence(first) == "unanalysed"
                and i + 1 < len(words) and not is_definite(words[i + 1])
                and classes.name_evidence(words[i + 1]) != "no"))
            and not classes.possessed(first)
            and not any(_bare(w) in TITLE_HEADS for w in words[i:i + 4]))


# Royal and religious styles an institution or place is named after (جامعة الملك سعود، جسر الملك
# فهد، مستشفى الأمير سلطان، مسجد الشيخ زايد، مطار الإمام الخميني), and the nouns so named.
_EPONYM_STYLES = frozenset(("الملك", "الامير", "الشيخ", "الامام", "السلطان"))
_EPONYM_HEADS = lexicon.words("eponym_heads")


def eponym_style(words: Sequence[str], k: int) -> bool:
    """Whether ``words[k]`` is a style in the genitive of a noun an institution or a place is named
    with (المؤسسة العامة لجسر | الملك فهد، مدير جامعة | الملك سعود): a noun without the article
    takes the definite word after it as its genitive, so the style and the name after it name the
    institution, no person's title. Only such nouns count: after a place's name the style opens
    the person's name (رئيس المحكمة العامة بحائل الشيخ محمد الجزاع، أمير قطر الشيخ تميم), and the
    analyser reads many places as common words (حائل "barrier", عسير "difficult")."""
    if k < 1 or words[k] not in _EPONYM_STYLES:
        return False
    noun = words[k - 1]
    return not _definite_like(noun) and (noun in _EPONYM_HEADS or _bare(noun, prepositions=True) in _EPONYM_HEADS
                                         or noun[1:] in _EPONYM_HEADS and noun[:1] in ("و", "ب", "ل"))


def past_eponym(words: Sequence[str], i: int, classes: WordQuestions | None) -> bool:
    """An institution's one-word eponym ends before ``words[i]``, a word the analyser may read as
    a name, which then opens the person's name (مدير الشراكة الطبية في جامعة الملك سعود | عبد
    الله الصقعبي); not inside a compound or a lineage (جامعة الملك عبد العزيز، مدينة الملك
    عبدالله بن عبدالعزيز), nor before a verb (بجامعة الملك عبدالعزيز | توفر)."""
    return (classes is not None and i + 1 < len(words) and eponym_style(words, i - 2) and words[i - 1] not in GLUE
            and words[i] not in _LINEAGE_LINKS and not _definite_like(words[i])
            and classes.name_evidence(words[i]) in ("proper", "ambiguous"))


def _preposition_on_a_name(word: str, classes: WordQuestions) -> bool:
    """A word in ب، ل or ك, in every reading, on a word that may be a name (لأوبك، لمصر); or a
    foreign name the analyser reads so (ليو تيونج لاي)."""
    return word[:1] in ("ب", "ل", "ك") and classes.only_prepositional(word) and classes.name_evidence(word[1:]) != "no"


def _in_complement(words: list[str], i: int, classes: WordQuestions) -> bool:
    """Whether ``words[i]`` belongs to a title's complement, so that no name opens there: the name
    comes after it (بخيبر | فهد الرشيدي، بجازان | عيسى الحكمي) or none does (… زيارة ولي العهد
    لمصر). A word in ل before a word the analyser does not know may be a foreign given name
    (ليو تيونج لاي)."""
    if _preposition_on_a_name(words[i], classes):
        return i + 1 == len(words) or classes.name_evidence(words[i + 1]) in ("proper", "ambiguous")
    return complement_ends(words, i + 1, classes)


def definite_common_noun(word: str, classes: WordQuestions | None) -> bool:
    """A definite word the analyser reads as no name and that is no nisba (الدراسة، المعارضة،
    الأهالي; not الحربي, a family name): a genitive or an object, never a family name."""
    return (classes is not None and is_definite(word) and classes.name_evidence(word) == "no"
            and not (_bare(word).endswith("ي") and classes.nisba(word)))


def _definite_like(w: str) -> bool:
    """A definite word, or a preposition fused with the article (للأمم، بالوزارة)."""
    return is_definite(w) or (w.startswith(("لل", "بال")) and len(w) > 4)


class WordQuestions(Protocol):
    """What the phrase grammar asks of a word-class analyser (``wordclass.WordClasses``)."""

    def is_name_candidate(self, word: str) -> bool: ...
    def name_evidence(self, word: str) -> str: ...
    def ends_mention(self, word: str) -> bool: ...
    def is_verbal_noun(self, word: str) -> bool: ...
    def is_time(self, word: str) -> bool: ...

    def only_clause_word(self, word: str) -> bool: ...
    def narrative_verb(self, word: str, after_qad: bool = False, imperfective: bool = False,
                       no_article: bool = False) -> str | None: ...
    def only_prepositional(self, word: str) -> bool: ...
    def only_conjoined(self, word: str) -> bool: ...
    def behind_a_clitic(self, word: str) -> bool: ...
    def possessed(self, word: str) -> bool: ...
    def possessed_object(self, word: str) -> bool: ...
    def accusative_participle(self, word: str) -> bool: ...
    def only_function_word(self, word: str) -> bool: ...
    def function_stems(self) -> frozenset[str]: ...
    def carries_pronoun(self, word: str) -> bool: ...
    def possessive_noun(self, word: str) -> bool: ...
    def accusative_adverb(self, word: str) -> bool: ...
    def nisba(self, word: str) -> bool: ...
    def may_be_nominal(self, word: str) -> bool: ...
    def gender_number(self, word: str) -> tuple[str | None, str | None]: ...


def _prepositional_after_name(words: list[str], k: int, classes: WordQuestions | None) -> bool:
    """A word in ب/ل/ك that the analyser reads only as a preposition on a common word, followed
    by a definite word, opens an adjunct after a name (جوزيف ويستفول | بأشد العبارات). The
    lexicon predates most foreign names, and its readings of them are unreliable, so only this
    shape counts."""
    return (classes is not None and words[k][:1] in ("ب", "ل", "ك") and k + 1 < len(words)
            and is_definite(words[k + 1]) and classes.name_evidence(words[k]) == "no")


def _verbal_noun_after_name(words: list[str], k: int, classes: WordQuestions | None) -> bool:
    """A verbal noun the analyser reads as no name, governing a definite word directly or
    through a construct (تأكيد | وحدة الرؤى), opens the verb's object after a name (وأكد …
    بختيار دوغان | قصف الطائرات التركية)."""
    return (classes is not None and k + 1 < len(words)
            and (is_definite(words[k + 1]) or (k + 2 < len(words) and is_definite(words[k + 2])))
            and classes.name_evidence(words[k]) == "no" and classes.is_verbal_noun(words[k]))


def _plural_noun(word: str, classes: WordQuestions | None) -> bool:
    """The analyser reads the word only as a plural common noun (الاتحادات، القوات)."""
    return classes is not None and classes.name_evidence(word) == "no" and classes.gender_number(word)[1] == "p"


def _reads_as_name(words: list[str], classes: WordQuestions | None) -> bool:
    """The name's first word can be a name by the analyser (a proper noun, or unknown to it): a
    name the lexicon misreads from its first word (بان كي مون) is left alone by the class tests
    after it. Later words prove less: foreign family names are often read as common words (كيري)."""
    return classes is not None and bool(words) and classes.name_evidence(words[0]) != "no"


def _construct_after_name(words: list[str], k: int, classes: WordQuestions | None) -> bool:
    """After a name of two words or more, a common noun the analyser reads as no name, followed
    by a definite word or by another such common noun, is the head of the object (جون كيري |
    أهمية الدور، محمد ظريف | وسائل الإعلام، حسن روحاني | مزاعم تدخل إيران): a name takes no
    definite genitive but in its compounds (عبد الله، نور الدين)."""
    if classes is None or k + 1 >= len(words) or words[k] in GLUE or classes.name_evidence(words[k]) != "no":
        return False
    if is_definite(words[k]) and _bare(words[k]).endswith("ي"):
        return False  # سامي بن محمد | الحربي مدير …: a definite nisba heads no construct; it is the family name
    # the genitive is definite, or a common noun that goes on (حسن روحاني | مزاعم تدخل إيران)
    following = words[k + 1]
    if is_definite(following) and _bare(following) in TITLE_HEADS and words[k][:1] != "و":
        # لويس فان جال | المدير الفني، راجح بادي | الناطق الرسمي: a title in apposition, not a
        # genitive (but رافسنجاني | وبه الرئيس: a conjunction opens something else)
        return False
    return is_definite(following) or (following not in GLUE and classes.name_evidence(following) == "no"
                                      and not classes.ends_mention(following))


def _role_after_name(words: list[str], k: int, classes: WordQuestions | None) -> bool:
    """In a phrase that opens with a name, a common noun governing a definite common noun,
    after two name words at least, begins the role the name is given (ماركوس كروج | كبير
    المختصين، جابر العبدلي | صاحب المنزل). Such phrases are mostly a name and a role, and long
    names hold words the analyser reads as common nouns (جابر جبار أسعد العبدلي): only a
    genitive that is itself a common noun, and no nisba (الشهري، الحربي), which is a family
    name, shows the construct."""
    if classes is None or k < 2 or k + 1 >= len(words) or words[k - 1] in GLUE or words[k] in GLUE:
        return False
    genitive = words[k + 1]
    if _bare(genitive) in TITLE_HEADS:
        return False  # علي أكبر ولايتي | مستشار الشؤون الدولية: the role begins after the word, not at it
    if not is_definite(genitive) and k + 2 < len(words) and classes.name_evidence(genitive) == "no":
        genitive = words[k + 2]  # كبير اقتصاديي | الصندوق: a construct chain of three
    return (definite_common_noun(genitive, classes) and _bare(genitive) not in TITLE_HEADS
            and classes.name_evidence(words[k]) == "no")


def _adverb_after_name(words: list[str], k: int, classes: WordQuestions | None) -> bool:
    """A word in -ا that the analyser reads as no name, after a full name, is an accusative
    adverb or circumstantial noun, not a third name (ميشال بلاتيني | خلفا لبلاتر)."""
    return classes is not None and words[k].endswith("ا") and classes.name_evidence(words[k]) == "no"


def _common_noun_head(words: list[str], classes: WordQuestions | None) -> bool:
    """A description the lexicons do not list, opening with two words the analyser reads only as
    common nouns (أيقونة نشطاء حقوق المرأة غلوريا ستاينم): the phrase is then read title first.
    One such word proves nothing: the lexicon predates most names and reads many as nouns
    (ريما، وضاح)."""
    return (classes is not None and len(words) >= 3 and not is_definite(words[0])
            # فضل الجعدي | محافظ الضالع: a given name and a family name, then a title
            and not (is_definite(words[1]) and not is_definite(words[2]) and _bare(words[2]) in TITLE_HEADS
                     and not classes.only_prepositional(words[0]))
            and all(w not in GLUE and classes.name_evidence(w) == "no" and not classes.ends_mention(w)
                    for w in words[:2]))


def _heads_no_person(word: str) -> bool:
    """A head noun for a body, a document or an anonymous source, which no name follows as the
    person it describes."""
    head = _bare(word)
    return (head in ORGANISATION_HEADS or word in ORGANISATION_HEADS or word in _DOCUMENTS or head in DOCUMENT_HEADS
            or head in ANONYMOUS_HEADS)


def _only_a_name(word: str, classes: WordQuestions) -> bool:
    """The analyser reads the word only as a proper noun, or does not know it (a name new to it)."""
    return not word.startswith("و") and classes.name_evidence(word) in ("proper", "unanalysed")


def _described_by_definite_head(words: list[str], classes: WordQuestions | None) -> bool:
    """A definite description the lexicons do not list, whose head is no body or document,
    with a word after its definite run that reads only as a proper noun or is unknown (الملياردير
    الكوري الجنوبي تشونغ مون-جون): read title first, as the subject walk kept it."""
    if classes is None or len(words) < 2 or not is_definite(words[0]):
        return False
    if _heads_no_person(words[0]):
        return False
    head = classes.name_evidence(words[0])
    if head == "proper" or classes.gender_number(words[0])[1] in ("d", "p"):
        return False  # الجبير ولافروف، وكالتا الأنباء دوغان والأناضول: names, or more than one
    k = 1
    while k < len(words) and is_definite(words[k]):
        if classes.name_evidence(words[k]) != "no":
            return False  # النيابي السابق البدري فرغلي: a definite given name, which no name run opens
        k += 1
    if k >= len(words):
        return False
    # a head the analyser also reads as a name (الطالب، المزارع) or does not know (البائع) needs a
    # full name after it: a given name, then a lineage or a family name
    return (head == "no" and _only_a_name(words[k], classes)) or (
        k + 1 < len(words) and _full_name_opens(words[k], words[k + 1], classes))


def _full_name_opens(given: str, after: str, classes: WordQuestions) -> bool:
    """A given name the analyser knows as one, then a lineage link, a nisba family name or a word
    it reads only as a name (سعيد بن سالم، أحمد الزهراني، محمد البحراني)."""
    if given[:1] == "و" or given in GLUE or classes.name_evidence(given) not in ("proper", "ambiguous"):
        return False
    # (a family name in the nisba's ي may go without the article: جلال قادري، أحمد عسيري)
    return (after in _LINEAGE_LINKS or _only_a_name(after, classes)
            or (_bare(after).endswith("ي") and len(_bare(after)) >= 4 and after[:1] not in ("و", "ف")))


def _ends_name_by_class(words: list[str], i: int, k: int, classes: WordQuestions | None) -> bool:
    """Whether the word at ``k`` (after the name's first word at ``i``) begins something else
    by what the word classes say of it."""
    if classes is None or words[k - 1] in GLUE:
        return False  # (بن، أبو، عبد: the next word is a name's, whatever else it reads as)
    if _prepositional_after_name(words, k, classes) or _verbal_noun_after_name(words, k, classes):
        return True  # جوزيف ويستفول | بأشد العبارات، بختيار دوغان | قصف الطائرات
    if k >= i + 2 and classes.carries_pronoun(words[k]):
        # باراك أوباما | زيارته، باراك أوباما | وفريقه، باراك أوباما | دعوته: after a full name, a
        # word with a pronoun (a possessive, or a verb's object) is the verb's object or a
        # coordination (a single given name may be followed by a family name the lexicon reads
        # so: كمال عواملة)
        return True
    if k < i + 2:
        return False
    if words[k - 1] not in _COMPOUND_SECONDS and _adverb_after_name(words, k, classes):
        return True  # ميشال بلاتيني | خلفا (not حسام الدين | آشنا: after a compound the family name is due)
    return _construct_after_name(words, k, classes) and _reads_as_name(words[i:k], classes)  # جون كيري | أهمية الدور


_RELAY_SAYINGS = lexicon.words("relay_sayings")
# Title links carrying a pronoun (باسمه، باسمها): definite by it, so a name may follow them.
_PRONOUN_LINKS = frozenset(w for w in TITLE_LINKS if w[:-1] in TITLE_LINKS or w[:-2] in TITLE_LINKS)


# The third-person pronoun suffixes a folded word can be told by (ه alone is also a folded ta
# marbuta): a word carrying one is no name (اعتزامها، زيارتهم).
PRONOUN_SUFFIXES = ("ها", "هم", "هما")
THIRD_PERSON_SUFFIXES = ("ه", *PRONOUN_SUFFIXES)  # with ه, where a word list tells the noun (حديثه)
# (ه too: the analyser tells «his» from a folded teh marbuta, reading زيارته only with a possessive)
_POSSESSIVE_ENDINGS = (*THIRD_PERSON_SUFFIXES, "هن")


def possessed_stems(word: str, suffixes: tuple[str, ...] = PRONOUN_SUFFIXES) -> list[str]:
    """The nouns a word may be once a possessive pronoun of ``suffixes`` is taken off, a ta
    marbuta written ت before it given back (ثقته → ثقه). (ه alone is not among the default
    suffixes: folded, it is also the ta marbuta of نائبه.)"""
    stems = [word[:-len(p)] for p in suffixes if word.endswith(p) and len(word) > len(p) + 1]
    return stems + [stem[:-1] + "ه" for stem in stems if stem[-1:] == "ت"]


def _possessed_title(word: str) -> bool:
    """A title with a possessive pronoun (رئيسها، مديره، أمينهم العام): definite by it, so a name
    may follow as after a definite title (رئيسها أبراهام فوكسمان)."""
    return any(_bare(stem) in TITLE_HEADS for stem in possessed_stems(word))

# The definite second half of compound given names (نور الدين، سيف الإسلام، فتح الله): a name
# goes on after it, where any other definite word is the family name that closes it.
_COMPOUND_SECONDS = frozenset(("الدين", "الله", "الاسلام", "الرحمن"))


def _name_run_end(words: list[str], i: int, classes: WordQuestions | None = None, strict: bool = True) -> int | None:
    """End of the name that starts at ``i``: indefinite words and compounds (عبد الرؤوف، أبو
    ردينة), closed by at most one family name (الكاظمي); None if no name starts there. Not
    ``strict``: a preposition on a common noun opens no name only before a definite or common word.
    """
    if _no_name_starts(words, i, classes, strict):
        return None
    n = len(words)
    k = i
    while k < n:
        w = words[k]
        if _outside_a_name(words, i, k, classes):
            break
        # (a word in ف/ل/ب + ال the analyser cannot read as clitics and a noun is a foreign name
        # that merely starts so, no definite word: إيفان | فالاسكويز، فرانك | فالتر شتاينماير; not
        # و + ال, which coordinates even a misspelt noun: شايع شراحيلي | والاورجواني)
        if _definite_like(w) and not (w[:1] in ("ف", "ل", "ب") and classes is not None
                                      and classes.name_evidence(w) == "unanalysed"):
            if _bare(w) in ORGANISATION_HEADS or w in ORGANISATION_HEADS or w[:1] in ("و", "ف", "ل", "ب"):
                break  # an institution, «و + ال» (a coordinated noun) or «لل/بال» (a complement): no family name
            if _plural_noun(w, classes):
                break  # زغير | الاتحادات العربية: a plural is the verb's object, never a family name
            k += 1
            if (words[k - 2] in GLUE or w in _COMPOUND_SECONDS) and k - 1 > i:
                continue  # عبد الرؤوف، نور الدين، نصر الله: a compound given name, the family name follows
            break  # the family name closes the name
        k += 1
    # (a lineage's links make a name longer, two words a link: محمد بن عبد الرحمن بن عبد العزيز آل سعود)
    return k if i < k <= i + 6 + 2 * sum(w in GLUE for w in words[i:k]) else None


def _no_name_starts(words: list[str], i: int, classes: WordQuestions | None, strict: bool) -> bool:
    """The word at ``i`` opens no name: a definite word, a link, a number, a style, a second
    title coordinated, or a preposition that opens the title's complement."""
    first = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if _definite_like(first) or first in NAME_LINKS or first in TITLE_LINKS or first in ORGANISATION_HEADS \
            or first in _TITLE_TIME_ADVERBS:
        return True  # (وفد الغرفة التجارية: an institution, no name; وزير الخارجية سابقا: the title's date)
    if first[:1].isdigit():
        return True  # الصحيفة الأسبوعية «9 داي»: a number opens a title, never a person's name
    if first in ("صاحب", "صاحبه") and nxt in _HONORIFIC_STYLES:
        return True  # نائب خادم الحرمين الشريفين | صاحب السمو الملكي الأمير …: a style, not a name
    if first[:1] == "و" and (_bare(first[1:]) in TITLE_HEADS or first[1:] in ORGANISATION_HEADS):
        return True  # المشرف العام على البرنامج | وعضو هيئة الخبراء: a second title, coordinated
    if first[:1] == "ل" and (first[1:] in ORGANISATION_HEADS or first[1:] in ADDRESSEE_NOUNS):
        return True  # المتحدث الرسمي لمركز …: the title goes on
    if classes is None:
        return False
    if classes.accusative_participle(first) and (not nxt or (nxt[-1:] == "ا" and classes.name_evidence(nxt) == "no")):
        # عيّنه حاكم الولاية | شاعرا فخريا: a noun and its adjective in the accusative's alif are the
        # verb's complement (a name may end so: إيما طومسون، رخا أحمد حسن، سلفا كير)
        return True
    if first[:1] in ("ب", "ل", "ك") and classes.only_prepositional(first) and (
            (classes.name_evidence(first[1:]) == "no" and (strict or classes.name_evidence(nxt) in ("proper", "ambiguous")))
            or (nxt and (
                is_definite(nxt) or classes.name_evidence(nxt) == "no" or nxt in NAME_LINKS_INITIAL or nxt[:3] == "عبد"))):
        # (a preposition on a word the analyser does not know may be a foreign name: ليو تيونغ لاي;
        # not before عبد or أبو, which open a name: الأمين العام لأوبك | عبد الله البدري)
        # رئيس الاتحاد الآسيوي | لكرة القدم، النائب الأول | لرئيس البرلمان، المتحدث الرسمي للدفاع
        # المدني | بمنطقة مكة المكرمة، الأمين العام | لأوبك: a complement, no name
        return True
    if (first[:1] == "ب" and classes.name_evidence(first) == "no" and classes.name_evidence(first[1:]) in ("proper", "ambiguous")
            and (not nxt or nxt[:3] == "عبد" or nxt in NAME_LINKS_INITIAL or classes.name_evidence(nxt) in ("proper", "ambiguous"))):
        # القنصل العام لكوريا الجنوبية | بجدة، رئيس النادي الأدبي | بجدة عبدالله …: the place, no name
        # (بدر، بسمة are names; بوب كوركر، بريان جيلافري: a foreign name, an unknown word after it)
        return True
    # الحملة الوطنية | لنصرة الأشقاء، لأمانة محافظة جدة: a purpose or a complement, no name
    # (… لأمانة جدة | محمد البقمي: ل, a noun and its place, then the given name)
    after = words[i + 2] if i + 2 < len(words) else ""
    return bool(first[:1] == "ل" and nxt and classes.name_evidence(first) == "no" and classes.behind_a_clitic(first)
                and (definite_common_noun(nxt, classes) or (not _definite_like(nxt) and classes.name_evidence(nxt) == "no")
                     or (classes.name_evidence(nxt) in ("proper", "ambiguous") and bool(after)
                         and classes.name_evidence(after) in ("proper", "ambiguous"))))


def _outside_a_name(words: list[str], i: int, k: int, classes: WordQuestions | None) -> bool:
    """The word at ``k`` stands outside the name that starts at ``i``: a title (not inside a
    compound or as a given name), an adjective, an honorific, a stop word, a number, an
    institution's noun, what follows آل and its name, or what the word classes say ends it."""
    w = words[k]
    linked = k > i and words[k - 1] in GLUE  # (عبد الملك، آل الشيخ، بن السيد: a name's)
    if ((_bare(w) in TITLE_HEADS and not linked
         and not (k == i and (_given_name_after_honorific(words, i) or _given_name_after_title(words, i, classes)))
         and not _title_noun_as_given_name(words, i, k, classes) and not _title_noun_as_family_name(words, i, k))
            # (an honorific opens a name; closing one it is the family name: عبدالمنعم السيد)
            or w in _ADJECTIVES or (w in HONORIFICS and not linked and not (k == len(words) - 1 and k > i))
            or w in _NAME_STOPS or w[:1].isdigit()  # (a number is never part of a name: على 12 قتيلا)
            or (w[:1] == "و" and w[1:] in HONORIFICS)):  # (… آل سعود وسمو ولي عهده)
        return True
    if _bare(w, prepositions=True) in _EPONYM_HEADS and not linked and not (k == i and i > 0 and words[i - 1] in HONORIFICS):
        # المدير العام لأمن | مطار الكويت: an institution's noun is no part of a person's name
        # (but after an honorific a name is due, whatever else it means: الدكتور شارع البقمي)
        return True
    # محمد بن نايف آل سعود | المسجد: آل and its name close the name
    return _closed_by_house(words, i, k) or (k > i and _ends_name_by_class(words, i, k, classes))


def _closed_by_house(words: Sequence[str], i: int, k: int) -> bool:
    """آل and the family's name close a name that starts at ``i``: the word at ``k`` after them
    is no part of it (تميم بن حمد آل ثاني | لتهنئة، آل سعود | المسجد), but for a nisba (آل حرمان
    الشهراني)."""
    w = words[k]
    return k >= i + 2 and words[k - 2] == _HOUSE_OF and not (is_definite(w) and _bare(w).endswith("ي"))


def _title_noun_as_family_name(words: list[str], i: int, k: int) -> bool:
    """A title noun that closes the phrase after a name governs nothing, so it is no title but the
    family name: after a lineage without the article (حاتم بن حسن | قاضي; a title would take its
    genitive: … بن سلمان | ولي العهد), or with the article after any name (عبدالمنعم | السيد،
    عبدالله | الشيخ، محمد | الأمير)."""
    if k + 1 != len(words) or k <= i:
        return False
    if words[k] in ("الملك", "الامير", "السلطان") and not FILIATION.isdisjoint(words[i:k]):
        return False  # … سعود بن فيصل بن عبد العزيز | الملك …: a royal lineage, then the next style
    # (without the article after two name words too: أيمن فؤاد | سيد، محمد أحمد | أمين)
    return is_definite(words[k]) or (k >= i + 2 and (words[k - 2] in FILIATION or words[k - 1] not in GLUE))


def _title_noun_as_given_name(words: list[str], i: int, k: int, classes: WordQuestions | None) -> bool:
    """Inside a name, a title noun between a given name and a family name is a given name too
    (خالد | مساعد | السهلي): a title would govern a definite common noun or another title
    (خالد مساعد الوزير، علي رئيس الوزراء), never a family name."""
    if k == i or k + 2 > len(words) or words[k - 1] in GLUE:
        return False
    if k + 2 < len(words) and (is_definite(words[k + 2]) or classes is None or classes.name_evidence(words[k + 2]) != "no"):
        return False  # (what follows the family name is the verb's object, a common word: مساعد الزويهري | أنصار ناديه)
    family = words[k + 1]
    return (is_definite(family) and not definite_common_noun(family, classes) and _bare(family) not in TITLE_HEADS
            and _bare(family) not in ORGANISATION_HEADS and family not in ORGANISATION_HEADS
            and classes is not None and classes.name_evidence(family) != "no")


def _given_name_after_title(words: list[str], i: int, classes: WordQuestions | None) -> bool:
    """A title noun right after the title's last definite word, then a definite word that may be
    a family name closing the phrase, is a given name (رئيس النادي الجديد | مساعد الزويهري):
    after a title, a name is due, and a title noun there would govern a common noun or a title."""
    if not (0 < i < len(words) - 1 and _definite_like(words[i - 1]) and _bare(words[i - 1]) not in TITLE_HEADS):
        return False
    if i + 3 == len(words) and not is_definite(words[i + 1]) and words[i + 1] not in GLUE \
            and not is_head_noun(words[i + 1]) and is_definite(words[i + 2]):
        # … بمنطقة الحدود الشمالية | مساعد غالي العنزي: a given name, a second one and the family
        # name close the phrase (a title would govern them: مساعد مدير الأمن العام)
        return _title_noun_as_given_name(words, i, i + 1, classes)
    return _title_noun_as_given_name(words, i - 1, i, classes)


def _given_name_after_honorific(words: list[str], i: int) -> bool:
    """A title noun right after a definite honorific, then a family name, is a given name (الدكتور |
    مساعد الأحمد، المهندس | نائب العتيبي): such an honorific precedes a name, a title precedes it.
    The styles without the article precede a title (معالي | وزير الخارجية، سمو | أمير الكويت)."""
    return (0 < i < len(words) - 1 and words[i - 1] in HONORIFICS and (is_definite(words[i - 1]) or words[i - 1] == "د")
            and is_definite(words[i + 1])
            and _bare(words[i + 1]) not in TITLE_HEADS and _bare(words[i + 1]) not in ORGANISATION_HEADS
            and (i + 2 == len(words) or not is_definite(words[i + 2])))


def _title_then_name(words: list[str], classes: WordQuestions | None,
                     strict: bool) -> tuple[list[str], list[str], list[str]] | None:
    """(title, name, rest) where a name follows the title, or None: the first place the title
    may end at where a name opens and closes."""
    n = len(words)
    held: tuple[list[str], list[str], list[str]] | None = None
    for i in range(1, n):
        if not _title_may_end(words, i, classes) or _opens_no_name(words, i, classes):
            continue
        # the name may be followed by a modifier (… بايدن في البيت الأبيض) or another title
        j = _name_run_end(words, i, classes, strict)
        if j is None or not _name_closes(words, i, j, classes):
            continue
        if j < n and _title_follows_the_name(words, i, j):
            held = held or (words[:i], words[i:j], words[j:])
            continue
        return words[:i], words[i:j], words[j:]
    return held


def _title_may_end(words: list[str], i: int, classes: WordQuestions | None) -> bool:
    """A name may follow the title's last definite word, an honorific (مفتي مصر د.), a link
    with a pronoun, definite by it (المتحدث باسمه أفيخاي أدرعي), a rank's qualifier (الفريق أول
    عبدالرحمن البنيان), a complement on a name (لأوبك) or an eponym (جامعة الملك سعود)."""
    before = words[i - 1]
    return (_definite_like(before) or before in HONORIFICS or before in _PRONOUN_LINKS or before in _TITLE_TIME_ADVERBS
            or qualifies_rank(words, i - 1) or complement_ends(words, i, classes)
            or (i == 1 and _possessed_title(words[0])) or past_eponym(words, i, classes)
            or _after_two_word_place(words, i, classes))


def _after_two_word_place(words: list[str], i: int, classes: WordQuestions | None) -> bool:
    """A place of two words without the article after its noun (محافظة أحد رفيدة، خميس مشيط)
    and a full name closing the phrase (… أحد رفيدة | حسام الحكمي): the name opens there."""
    return (classes is not None and i >= 3 and i + 2 == len(words) and _bare(words[i - 3]) in _PLACE_CONSTRUCTS
            and _bare(words[i - 2]) not in _PLACE_CONSTRUCTS  # (أمين منطقة | عسير: one place, after its noun)
            and not is_definite(words[i - 2]) and not is_definite(words[i - 1]) and is_definite(words[i + 1])
            and _bare(words[i + 1]) not in TITLE_HEADS and _full_name_opens(words[i], words[i + 1], classes))


def _opens_no_name(words: list[str], i: int, classes: WordQuestions | None) -> bool:
    """What the word at ``i`` opens is the title's, or the verb's, not a name: the rank goes on;
    المشرف العام | على العلاقات العامة, the title's complement, not the name علي (which a family
    name would follow: المشرف العام علي الغامدي); مؤتمر الرياض لإنقاذ اليمن | وبناء الدولة, a
    conjunction coordinating the complement; a word of the complement or an eponym's style; وأكد
    الوزير المصري | تطابق رؤية الجانبين، نفى متحدث باسم المتمردين | مزاعم الحكومة, a plural or a
    verbal noun heading a construct chain, the verb's object (a verbal noun followed by a family
    name is a given name: توفيق الربيعة)."""
    n = len(words)
    if qualifies_rank(words, i) or eponym_style(words, i - 1):
        return True
    if classes is None:
        return False
    if (i <= 2 and (_bare(words[0]), words[i]) in _TITLE_PREPOSITIONS and i + 1 < n
            and classes.name_evidence(words[i + 1]) in ("no", "ambiguous")):
        return True
    if (words[i][:1] == "و" and classes.only_conjoined(words[i])) or _in_complement(words, i, classes):
        return True
    if i + 1 < n and _plural_noun(words[i], classes) and is_definite(words[i + 1]):
        return True
    if (classes.name_evidence(words[i]) == "no" and classes.only_clause_word(words[i])
            and (i + 1 == n or definite_common_noun(words[i + 1], classes))):
        # الشاب | ينتحر، الوزير | يفقد الأمل، الشاب | لكننا: a word read only as a verb or a function
        # word, alone or before a common noun, opens the next clause (but بان كي مون, يزيد بن …)
        return True
    return (_verbal_noun_after_name(words, i, classes) and i + 2 < n and not _definite_like(words[i + 1])
            and words[i + 1] not in GLUE and classes.name_evidence(words[i + 1]) == "no")


def _name_closes(words: list[str], i: int, j: int, classes: WordQuestions | None) -> bool:
    """The name run from ``i`` ends at ``j`` where the phrase does, or before a stop word, a
    title, a definite word (an institution, the verb's object), a word the analyser knows is no
    name, the end آل closes; or before anything once a family name closed a name the analyser
    can read as one (الشيخ عبدالمجيد العمري | كلمة في …)."""
    if j == len(words):
        return True
    w = words[j]
    return (w in _NAME_STOPS or _bare(w) in TITLE_HEADS or _closed_by_house(words, i, j) or _definite_like(w)
            or _ends_name_by_class(words, i, j, classes)
            or (j - i >= 2 and is_definite(words[j - 1]) and _reads_as_name(words[i:j], classes)
                and words[i][:1] not in ("و", "ل", "ب")))


def _title_follows_the_name(words: list[str], i: int, j: int) -> bool:
    """A word in ب/ل the analyser does not know, or a lone word, before a definite title or,
    anywhere after, an honorific (الناطق الإعلامي بجوازت المنطقة | الرائد حماد المطيري، … لنصرة
    الأشقاء في سورية الدكتور بدر السمحان، الشركة الوطنية السياحية "سياحية" المهندس صالح قدح):
    the name after them is the person's, so this one is held back."""
    in_preposition = words[i][:1] in ("ب", "ل")
    return ((in_preposition or j - i == 1) and not HONORIFICS.isdisjoint(words[j:])) or (
        in_preposition and is_definite(words[j]) and _bare(words[j]) in TITLE_HEADS)


# The anonymous heads that name sources or groups, not one person who might be named after them
# (متحدث، مسؤول، ناطق may be: قال متحدث باسم الخارجية جون كيربي).
_NAMELESS_HEADS = ANONYMOUS_HEADS - frozenset((
    "متحدث", "متحدثه", "ناطق", "ناطقه", "مسؤول", "مسؤوله", "احد", "احدي", "دبلوماسي", "شاهد", "ساكن"))


_ONE_OF = frozenset(("احد", "احدي"))  # أحد، إحدى «one of», folded


def _names_the_one(title: list[str], name: list[str], classes: WordQuestions | None) -> bool:
    """«أحد منظمي المهرجان أحمد رضوان»: the name after «one of …» is his when it reads as a
    person's, a given name and at least a family name, and no title inside the description
    holds it instead (أحد مستشاري الرئيس الروسي فلاديمير بوتين, the president's adviser)."""
    if classes is None or len(name) < 2 or is_definite(name[0]) or classes.name_evidence(name[0]) not in ("proper", "ambiguous"):
        return False
    if any(w[:1] == "و" for w in name[1:]) or sum(w not in GLUE for w in name) > 3:
        # (أحد المتواجدين في المكان لالتقاط | صور متعددة وواضحة، أحد أكبر أحياء العاصمة | مانيلا
        # دخول موسوعة "جينيس": the clause's object)
        return False
    return not any(is_definite(w) and _bare(w) in TITLE_HEADS and w not in HONORIFICS for w in title[1:])


def split_title_name(words: list[str], classes: WordQuestions | None = None) -> tuple[list[str], list[str], list[str]]:
    """(title words, name words, trailing title words) of a subject phrase.

    Title first (وزير الخارجية الأميركي أنتوني بلينكن): the name is the run of indefinite
    words that closes the phrase after the title's last definite word. Name first (ديفيد
    شينكر مساعد وزيرة الخارجية): the name is the leading run, up to a role noun.
    """
    if not words:
        return [], [], []
    if words[0] in _NAMELESS_HEADS:
        return words, [], []  # مصادر صحفية داخل العاصمة صنعاء: sources and groups are never one named person
    if words[0] in _ONE_OF and len(words) >= 4:
        one_of = _split_title_first(words, classes)
        if _names_the_one(one_of[0], one_of[1], classes):
            return one_of  # أحد منظمي المهرجان | أحمد رضوان
    if (_bare(words[0]) in TITLE_HEADS or words[0] in HONORIFICS or _possessed_title(words[0]) or _common_noun_head(words, classes)
            or _described_by_definite_head(words, classes) or "د" in words[1:-1] or "م" in words[1:-1]):
        # (المختص في علم الإجرام د. | يوسف الرميح: the abbreviation of «doctor» precedes a name)
        return _split_title_first(words, classes)
    j = _leading_name_end(words, classes)
    if j == 0:
        return words, [], []
    return [], words[:j], words[j:]


# The endings of a nisba adjective or a plural (اليمني، المتحدثون، الاتحادات): a definite word
# ending so closes no name as its family name after a title, nor after a definite given name.
_NISBA_OR_PLURAL_ENDINGS = ("ي", "يه", "يين", "يون", "ين", "ون", "ات")


def _split_title_first(words: list[str], classes: WordQuestions | None) -> tuple[list[str], list[str], list[str]]:
    """A phrase that opens with its title. A preposition on a common noun opens no name
    (بمنطقة مكة المكرمة); only when no name is found otherwise may one begin there, the name
    then running on from the complement's genitive (… لمواجهة تنظيم داعش بريت مكجيرك), which a
    reader still recognises. With no name, a personal title and one definite word are a title
    and a family name (الشيخ الشريم، الدكتور الربيعة)."""
    for strict in (True, False):
        found = _title_then_name(words, classes, strict)
        if found is not None:
            return found
    n = len(words)
    last = words[-1]
    bare = _bare(last)
    if (n >= 2 and is_definite(last) and last[:1] not in ("و", "ف")  # (وزير الثقافة | والإعلام: coordinated)
            and not bare.endswith(_NISBA_OR_PLURAL_ENDINGS)
            and bare not in TITLE_HEADS and bare not in ORGANISATION_HEADS and bare not in _ADJECTIVES
            and (_bare(words[0]) in _PERSONAL_TITLES or words[0] in HONORIFICS)
            and not (not is_definite(words[-2]) and words[-2] not in HONORIFICS and words[-2] not in GLUE)):
        # (سمو ولي | العهد، أمير منطقة | الباحة: an indefinite noun takes the word after it as its
        # genitive; but د. | الضلعان, an abbreviation, governs none)
        return words[:-1], [last], []
    return words, [], []


def _leading_name_end(words: list[str], classes: WordQuestions | None) -> int:
    """Where the name that opens a phrase ends (0: none): its given names and one family name,
    up to a title, a stop word, a role or a word with a pronoun (حسن روحاني | دفاعه)."""
    n = len(words)
    j = 0
    while j < n:
        w = words[j]
        if _closed_by_house(words, 0, j):
            break  # محمد بن نايف آل سعود | المسجد
        family = j == n - 1 == 1 and is_definite(w)  # a lone given name, then one definite word: علي السيد
        if (_bare(w) in TITLE_HEADS and j > 0 and not family and words[j - 1] not in GLUE
                and not (j + 1 < n and words[j + 1] in GLUE)):
            break  # (عبد الملك، عبد الرقيب: after a link the word is a name's; حسين أمير عبد اللهيان: before one too)
        if _definite_like(w):
            if j == 0:
                if _definite_given_name(words, classes):
                    j = 2  # الطيب البكوش، الحبيب الصيد: the family name closes the name
                break
            if words[j - 1] in GLUE or w in _COMPOUND_SECONDS:
                j += 1
                continue
            if family or (_bare(w) not in TITLE_HEADS and _bare(w) not in ORGANISATION_HEADS
                          and w not in ORGANISATION_HEADS and not _plural_noun(w, classes)):
                j += 1  # the family name closes the name: الكاظمي، الأعرجي (not a plural: الاتحادات)
            break
        if (w in _NAME_STOPS and not (j == 0 and w == "ام" and n > 1)) or _role_after_name(words, j, classes) or (
                j >= 2 and classes is not None and words[j - 1] not in GLUE and classes.possessed(w)):
            break
        j += 1
    return j


def _definite_given_name(words: list[str], classes: WordQuestions | None) -> bool:
    """A given name with the article (الطيب، الحبيب، الهادي: North African and Sudanese names
    keep it), which the analyser knows as a name, then a definite word it reads only as a name:
    no description opens so, for a description's second word is an adjective or a genitive the
    lexicon knows."""
    if classes is None or len(words) < 2 or not is_definite(words[1]) or words[0][:1] in ("و", "ف") or words[1] == "الله":
        return False  # (دعا القرشي الله: the object of a prayer)
    head = _bare(words[0])
    return (head not in TITLE_HEADS and not _heads_no_person(words[0]) and words[0] not in HONORIFICS
            and classes.name_evidence(words[0]) in ("proper", "ambiguous") and _only_a_name(words[1], classes)
            and not _bare(words[1]).endswith(_NISBA_OR_PLURAL_ENDINGS))


STOPWORDS = lexicon.words("function_words")
# Inside a phrase the subject walk kept, «علي» is the name: the walk stops at the preposition.
_NAME_STOPS = STOPWORDS - {"علي"}


def classify(words: list[str], title: list[str], name: list[str]) -> str:
    if not words:
        return "unknown"
    if len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]  # معالي وزير الخارجية: the head is the title after the honorific
    head = _bare(words[0])
    head_word = words[0]
    if head in DOCUMENT_HEADS or head_word in DOCUMENT_HEADS:
        return "document"
    if head in ANONYMOUS_HEADS and not name:
        return "anonymous"
    if name and title:
        return "person"
    if head_word in ORGANISATION_HEADS or head in ORGANISATION_HEADS:
        return "organisation"
    if name and not title:
        # an indefinite word run alone may be a person (شينكر) or a place standing for its
        # government (واشنطن); both are fine as written
        return "person"
    if title:
        return "person" if head in TITLE_HEADS and head not in ANONYMOUS_HEADS else "organisation"
    return "organisation"


def gender_number(words: list[str]) -> tuple[str | None, str | None]:
    """Agreement features of a phrase from its head word's shape."""
    if not words:
        return None, None
    while len(words) > 1 and words[0] in HONORIFICS and not is_definite(words[0]):
        words = words[1:]  # فخامة الرئيس، سعادة السفير: the honorific's ة is not the holder's gender
    head = _bare(words[0])
    if head.endswith(("ان", "ين")) and len(head) > 4 and words[0].startswith(("ال", "وال")):
        return "m", "d" if head.endswith("ان") else "p"
    if head.endswith("ون"):
        return "m", "p"
    if head.endswith("ات"):
        return "f", "p"
    if head.endswith("ه") and head not in ("الله",):
        return "f", "s"
    return "m", "s"


# Gulf press refers to dignitaries by honorific pronouns: وأكد سموه، وأوضح معاليه.
HONORIFIC_PRONOUNS = lexicon.words("honorific_pronouns")


def is_head_noun(word: str) -> bool:
    """A word the lexicons know as the head of a title, an institution or a document."""
    bare = _bare(word)
    return (word in ORGANISATION_HEADS or bare in ORGANISATION_HEADS or bare in TITLE_HEADS
            or bare in DOCUMENT_HEADS or word in DOCUMENT_HEADS)


class WordsReading(NamedTuple):
    """What a subject phrase's words read as, whatever text writes them: its title and name (joined
    by spaces), kind and agreement features, and where the name's words are among the words."""

    title: str
    name: str
    kind: str
    gender: str | None
    number: str | None
    name_first: int  # index of the name's first word
    name_words: int  # number of words in the name (0: none)


# A function from a phrase's words (a tuple) to their reading, bound to the word classes.
ReadWords = Callable[[tuple[str, ...]], WordsReading]


def words_reader(classes: WordQuestions | None) -> ReadWords:
    """``read_words`` bound to ``classes`` and memoised, for the documents of one extractor: news
    names the same people with the same titles again and again (a third of the phrases read over
    10,000 articles had been read before). Bounded like the module's other caches."""

    @lru_cache(maxsize=1 << 16)
    def read(words: tuple[str, ...]) -> WordsReading:
        return read_words(list(words), classes)

    return read


def make_mention(text: str, start: int, end: int, classes: WordQuestions | None = None,
                 read: ReadWords | None = None) -> Mention | None:
    """Build a mention from a folded span already cut to the subject phrase; ``read`` (from
    ``words_reader(classes)``) reads its words, else ``read_words``."""
    # the words in one C-level call; their offsets are found only for a name (the last lines)
    words: list[str] = _WORD.findall(text, start, end)
    if not words:
        return None
    if words[0] in HONORIFIC_PRONOUNS:
        first_word = _WORD.search(text, start, end)
        assert first_word is not None
        return Mention(start, first_word.end(), words[0], "", "", "pronoun",
                       "f" if words[0].endswith("ها") else "m", "s", start, start)
    reading = read(tuple(words)) if read is not None else read_words(words, classes)
    name_start, name_end = _name_span(text, start, end, reading)
    if _has_comma(text, start, end) and (not reading.name_words or _has_comma(text, name_start, name_end)):
        # a title with no name before a comma may have it apposed after (حاكم ولاية كولورادو، جون
        # هيكنلوبر); and no name runs over a comma: «رئيس الشركة الوطنية السياحية "سياحية"، صالح قدح»
        # read the body's quoted name as the name's first word
        apposed = _apposed_name(text, start, end, words, reading, classes, read)
        if apposed is not None:
            reading = apposed
            name_start, name_end = _name_span(text, start, end, reading)
    elif not reading.name_words and _CLOSING_QUOTE.search(text, start, end):
        # a quoted name closes a title as a definite word does, and the words read without their
        # marks: مدير برنامج «اصنع مهارة» | نايف الهاجري
        apposed = _apposed_name(text, start, end, words, reading, classes, read, _CLOSING_QUOTE)
        if apposed is not None:
            reading = apposed
            name_start, name_end = _name_span(text, start, end, reading)
    return Mention(start, end, text[start:end], reading.title, reading.name, reading.kind, reading.gender,
                   reading.number, name_start, name_end)


def trailing_title(mention: Mention, definite: bool = True) -> tuple[str, ...]:
    """The title after the name of a mention that opens with another one (الأمير خليفة بن سلمان
    | رئيس الوزراء بمملكة البحرين): the article refers back to him by either. A mention with no
    title before its name has the one after it as its title already. ``definite=False`` takes
    a title in construct only (رئيس، محافظ): after the subject of a verb that reports nothing, a
    definite one may be its object, another person (استقبل الشيخ عبدالله بن زايد | المبعوث الأممي)."""
    if not mention.title or not mention.name or mention.name_end >= mention.end:
        return ()
    words = tuple(_WORD.findall(mention.text, mention.name_end - mention.start))
    if not words or _bare(words[0]) not in TITLE_HEADS:
        return ()
    return words if definite or words[0] in TITLE_HEADS else ()


def _has_comma(text: str, start: int, end: int) -> bool:
    return "،" in text[start:end] or "," in text[start:end]


def _name_span(text: str, start: int, end: int, reading: WordsReading) -> tuple[int, int]:
    """The offsets of the reading's name in the phrase ``text[start:end]`` (``start`` twice if none)."""
    if not reading.name_words:
        return start, start
    first, last = reading.name_first, reading.name_first + reading.name_words - 1
    matches = list(itertools.islice(_WORD.finditer(text, start, end), last + 1))
    return matches[first].start(), matches[last].end()


_CLOSING_QUOTE = regex.compile(r"[»\"”](?=\s+\p{L})")


def _apposed_name(text: str, start: int, end: int, words: list[str], reading: WordsReading,
                  classes: WordQuestions | None, read: ReadWords | None,
                  mark: regex.Pattern[str] | None = None) -> WordsReading | None:
    """«حاكم ولاية كولورادو، جون هيكنلوبر»: a title, a comma (or the last ``mark``), then two to
    four words that read as a name on their own: the name in apposition, where the title's last
    word was no definite one for a name to follow (كولورادو، واسط، تعز)."""
    if mark is None:
        comma = max(text.rfind("،", start, end), text.rfind(",", start, end))
    else:
        comma = [m.start() for m in mark.finditer(text, start, end)][-1]
    k = len(_WORD.findall(text, start, comma))
    before, after = words[:k], words[k:]
    if not before or not 2 <= len(after) <= 4 or not (_bare(before[0]) in TITLE_HEADS or before[0] in HONORIFICS):
        return None
    if (is_definite(after[0]) or after[0] in STOPWORDS or after[0] in GLUE or _bare(after[0]) in TITLE_HEADS
            or after[0][:1] in ("و", "ف") or after[0].endswith(PRONOUN_SUFFIXES)
            or (classes is not None and after[0][:1] in ("ل", "ب") and classes.only_prepositional(after[0]))):
        return None  # (وليس صلاح، لفترة مؤقتة، اعتزامها زيارة طهران: no name)
    last = after[-1]
    if definite_common_noun(last, classes):
        return None  # جنوب البلاد: a definite common noun is a genitive, not a family name (المسلمي, a nisba, is one)
    alone = read(tuple(after)) if read is not None else read_words(after, classes)
    if alone.kind not in ("person", "anonymous") or alone.name_first != 0 or alone.name_words != len(after) or alone.title:
        return None
    return WordsReading(" ".join(before), alone.name, "person", reading.gender, "s", k, len(after))


def read_words(words: list[str], classes: WordQuestions | None = None) -> WordsReading:
    """The reading of a subject phrase's words (not an honorific pronoun).

    Complexity (radon ~30) kept in one function on purpose: the reclassifications below are
    an ordered list of exceptions to split_title_name's first guess (descriptions, name-first
    titles, collective nouns, honorifics), each a few lines that read the same words; the order
    is the precedence, which one function shows at a glance.
    """
    title, name, rest = split_title_name(words, classes)
    head = _bare(words[0])
    if (head in ANONYMOUS_HEADS or head in DOCUMENT_HEADS or words[0] in ORGANISATION_HEADS or head in ORGANISATION_HEADS) and (
        not name or not title or (head in ORGANISATION_HEADS and not is_definite(words[0]))
    ):
        # مصادر فلسطينية، البيان المشترك، مكتب حاكم إسطنبول: a description; مكتب الرئيس عبد الله يمين:
        # a body in construct with its holder's title and name is still the body
        title, name = words, []
    elif not title and name and rest and _bare(rest[0]) in TITLE_HEADS:
        title = rest  # name first: ستيفان دوغاريك المتحدث باسم الأمم المتحدة
    elif not title and name and rest and is_definite(rest[0]) and name[-1].endswith(("ين", "ون", "ات")):
        title, name = words, []  # مئات المتظاهرين الأردنيين: a collective description
    first = len(title) if words[: len(title)] == title else 0
    while name and name[0] in HONORIFICS:
        name = name[1:]
        first += 1
    kind = classify(words, title, name)
    gender, number = gender_number(words)
    if number == "p" and classes is not None and not is_definite(words[0]) and (
            classes.name_evidence(words[0]) != "no" or classes.only_clause_word(words[0])):
        # جون كيري، هارون، سيمون بيريز: a word in -ون that may be a name, or reads only as a verb, is
        # no plural noun
        gender, number = "m", "s"
    if kind == "person" and number == "p" and not title:
        kind = "anonymous"  # مئات المتظاهرين: a collective source
    if (number == "s" and len(words) >= 3 and words[1].startswith("و") and not is_definite(words[0]) and kind != "person"
            and not is_head_noun(words[1])):  # بيان وزارة الخارجية: the و of وزارة is its first letter
        number = "d"
    return WordsReading(" ".join(title), " ".join(name), kind, gender, number, first, len(name))


_OBJECT_STARTERS = lexicon.words("object_starters")
ADDRESSEE_NOUNS = lexicon.words("addressee_nouns")
QUANTIFIERS = lexicon.words("quantifiers")
COMPLEMENTISERS = lexicon.words("complementisers")  # إن، أن، بأن, with a pronoun: أنه، إنها …
_FA_INNA_NEXT = regex.compile(r"\s*(?:[«\"“„]|ال\p{L}{2})")


def is_fa_complementiser(word: str, prev_definite: bool, text: str, end: int) -> bool:
    """Whether ``word`` (folded, ending at ``end``) is فإن، فأن «then that». Folded, فإن is also
    the «van» of a name (لويس فان جال), which a family name always follows: after a definite
    word, or before a definite word or a quotation mark, it is the particle."""
    if word[:1] != "ف" or word[1:] not in COMPLEMENTISERS:
        return False
    return word != "فان" or prev_definite or _FA_INNA_NEXT.match(text, end) is not None


_WORDS_TO_THAT = regex.compile(r"(?:\s+[\p{L}]+){1,3}")


def quoted_subject(text: str, inner: str, after: int, limit: int | None = None) -> bool:
    """Whether a short quoted phrase right after a verb (its words ``inner``, its closing mark
    ending at ``after``) is the verb's subject, a body's or a person's quoted name (وأعلن «مكتب
    أخبار سوريا» المعارض أن …، أعلن «كونميبول» أنه …), not its words: the verb's clause follows
    it, after at most two adjectives or complements (… المعارض أن، … للأنباء أن، … أنه) and no
    mark. Words that open with a complementiser are the words (قال «إنها ظاهرة عالمية»).

    Given ``limit``, where the reported content begins, a phrase of four words at most with
    nothing but a mark or a short prepositional adjunct before the content is the subject too
    (وقال "النعمي": …، وقالت "الأرصاد" عبر الإنذار المبكر: …، وقالت «سابك» في بيان إن …); not the
    answer before a full stop (أجاب «لا».)."""
    first = _WORD.search(inner)
    if first is None or first.group() in COMPLEMENTISERS or first.group() in SUBJECT_PREPOSITIONS:
        return False  # (يقول "في تقييمه …": words that open with a preposition are no name)
    if _says_that_after(text, after):
        return True
    return limit is not None and len(inner.split()) <= 4 and _only_adjunct_before(text, after, limit)


_CONTENT_MARK = regex.compile(r"[«\"“:]|[\p{L}]+")


def content_start_after(text: str, pos: int, reach: int = 80) -> int | None:
    """Where reported content may begin after ``pos``, within ``reach`` characters: an opening
    quotation mark, a colon or a complementiser (… في بيان لها على الإنترنت | "…"، … في بيان | إن …)."""
    for m in _CONTENT_MARK.finditer(text, pos, min(len(text), pos + reach)):
        if m.group() in COMPLEMENTISERS or len(m.group()) == 1 and not m.group().isalpha():
            return m.start()
    return None


# what opens the short adjunct between a quoted subject and the reported words (في بيان، عبر الإنذار)
# (كتبت «جيروزاليم بوست» تحت عنوان: …: a headline's adjunct)
_ADJUNCT_OPENERS = frozenset({"في", "عبر", "خلال", "امام", "لدي", "علي", "من", "تحت"})


# an addressee in ل with its quoted name (وقال "نعمان بن حافظ" | لـ"سبق": …)
_QUOTED_ADDRESSEE = regex.compile(r"\s*لـ?\s*[«\"“(][^«»\"“”()\n]{1,30}[»\"”)]")


def _only_adjunct_before(text: str, after: int, limit: int) -> bool:
    addressee = _QUOTED_ADDRESSEE.match(text, after, limit)
    rest = text[after:limit] if addressee is None else "ل" + text[addressee.end():limit]
    if any(mark in rest for mark in "«»\"“”()\n") or len(rest.split()) > 8:
        return False
    content = _WORD.match(text, limit)
    if text[limit:limit + 1] not in (":", "«", "\"", "“") and (content is None or content.group() not in COMPLEMENTISERS):
        return False  # (أجاب «لا».: the sentence ends; the quoted word was the answer)
    words = rest.replace("،", " ").replace(",", " ").replace(":", " ").split()
    # (وذكرت «فاينانشيال تايمز» أول من أمس إن …: a time adverb)
    return (not words or words[0] in _ADJUNCT_OPENERS or words[0][:1] == "ل" or words[-1] in COMPLEMENTISERS
            or words[0] in _TIME_WORD_SET)


def _says_that_after(text: str, pos: int) -> bool:
    run = _WORDS_TO_THAT.match(text, pos, min(len(text), pos + 60))
    if run is None:
        return False
    for word in run.group().split():
        if word in COMPLEMENTISERS:
            return True
        if not (is_definite(word) or word.startswith("لل")):
            return False
    return False
_POST_MODIFIERS = lexicon.words("post_modifiers")
SUBJECT_PREPOSITIONS = lexicon.words("subject_prepositions")
_INNER_PREPOSITIONS = lexicon.words("inner_prepositions")
_TITLE_PREPOSITIONS = frozenset(tuple(entry.split()) for entry in lexicon.entries("title_prepositions"))
_TITLE_PREPOSITION_WORDS = frozenset(preposition for _, preposition in _TITLE_PREPOSITIONS)
_MODIFIER_PREPOSITIONS = lexicon.words("modifier_prepositions")
_DOCUMENT_BARE = frozenset(_bare(w) for w in DOCUMENT_HEADS)
_DOCUMENTS = DOCUMENT_HEADS | _DOCUMENT_BARE
# words the walk's own rules decide on: the word classes are not asked about them
_LISTED = STOPWORDS | _MODIFIER_PREPOSITIONS | TITLE_LINKS | GLUE
_SOURCE_COMPLEMENTS = frozenset(tuple(e.split()) for e in lexicon.entries("source_complements"))


@dataclass(slots=True)  # read and written at every word of every subject walk
class _Walk:
    """What the subject walk has read so far."""

    words: int = 0
    first_anonymous: bool = False  # the head is an indefinite anonymous noun (مصدر، مسؤول)
    in_phrase: bool = False  # inside a prepositional modifier (مسؤول كبير في وزارة الدفاع)
    head_word: str = ""
    head_definite: bool = False
    head_title: bool = False  # the head's bare form is a title head: asked at most words, known once
    prev_definite: bool = False
    last_word: str = ""
    word_before_last: str = ""
    spelling: NormalizedText | None = None  # the document's folded text and its original spelling
    function_stems: frozenset[str] = frozenset()  # the words that may read only as particles
    in_eponym: bool = False  # inside an institution's eponym (مركز الملك سلمان …), until a ل-complement


def _comma_apposition_end(text: str, pos: int, limit: int, walk: _Walk,
                          ala: frozenset[int] = frozenset(), stops: frozenset[int] | set[int] = frozenset(),
                          classes: WordQuestions | None = None) -> int | None:
    """After «title،» a short run of name-like words closed by another comma is an apposition
    (مستشار الأمن القومي، قاسم الأعرجي،): where it ends, or None when the comma ends the subject.
    A preposition opens an adjunct, not an apposition (بريت مكجيرك، على تويتر،): علي only
    where the article spells it على."""
    nxt = _COMMA_WORD.match(text, pos)
    if not (nxt and walk.words and not _ADJUNCT_START.match(text, nxt.start(1), limit)
            and nxt.group(1) != "و" and nxt.group(1) not in RELATIVE_PRONOUNS):
        return None
    if nxt.group(1) in SUBJECT_PREPOSITIONS and (nxt.group(1) != "علي" or nxt.start(1) in ala):
        return None
    first = nxt.group(1)
    if first in COMPLEMENTISERS:
        return None  # عبد الله بوحبيب، أنه «…»: the clause the verb introduces
    if (first[:1] in ("ب", "ل") and classes is not None and classes.only_prepositional(first)
            and classes.name_evidence(first) == "no"):
        return None  # مهند الموسوي، | بحماية المتظاهرين: the verb's complement; no apposition opens with ب or ل
    if first in _ANONYMITY_FIRST_WORDS and _ANONYMITY.match(text, nxt.start(1), limit):
        return None  # مسؤول أمريكي، طلب عدم ذكر اسمه،: the formula, not an apposition
    if _unranked_definite(first) and not _description_then_name(text, nxt.start(1), limit):
        # (a rank, title or honorific may open it: المتحدث باسم الجيش، العميد يحيى سريع،; so may a
        # description whose name closes it: عضو الائتلاف، المعارض البارز سمير نشار إن)
        return None
    ranked = is_definite(first)
    close = text.find("،", nxt.end(1), limit)
    if close == -1:
        # «title، name إن …»: a name of two to four words after a title may close at the clause
        # (no verb in it, no title opening it: «موشيه يعالون، أكد كارتر أن», «…، مدير البرنامج إن»)
        at_clause = _before_complementiser(text, nxt.start(1), limit) if walk.head_title else None
        if at_clause is None:
            return None
        run = text[nxt.start(1):at_clause].split()
        # (a definite title and a name may: «المتحدث باسم الرئاسة، السفير علاء يوسف إن»)
        titled = is_definite(run[0]) and len(run) >= 3 and not is_definite(run[1]) if run else False
        if not 2 <= len(run) <= 4 + titled or (_bare(run[0]) in TITLE_HEADS and not titled) or any(
                w[:1] in ("و", "ف") or w in STOPWORDS or w in _TIME_WORD_SET or w in SUBJECT_PREPOSITIONS
                for w in run) or any(p in stops for p in range(nxt.start(1), at_clause)):
            return None
        close = at_clause
    comma_run = text[nxt.start(1):close]
    if ":" in comma_run or any(p in stops for p in range(nxt.start(1), close)):
        return None  # شيخ طويل اللحية من قرن، فقال: يا أمير المؤمنين،: a verb and its words, no apposition
    run = comma_run.split()
    longest = (6 if any(w in GLUE or w == "ال" for w in run) else 4) + ranked  # سيف بن أحمد آل ثاني
    if 1 <= len(run) <= longest and not _ADJUNCT_START.match(comma_run):
        return close
    return None


def _description_then_name(text: str, start: int, limit: int) -> bool:
    """From ``start`` to the next comma or complementiser: one or two definite words (المعارض
    البارز), then two or three words that may be a name (سمير نشار), the last one definite or not."""
    run: list[str] = []
    for word in _WORD.finditer(text, start, limit):
        if text[word.start() - 1:word.start()] in ("،", ",") and run:
            break
        if word.group() in COMPLEMENTISERS:
            break
        run.append(word.group())
        if len(run) > 5:
            return False
    first_name = next((i for i, w in enumerate(run) if not is_definite(w)), len(run))
    name = run[first_name:]
    # (the family name may carry the article: القطري ناصر الخليفي)
    return (1 <= first_name <= 2 and 2 <= len(name) <= 3 and not any(is_definite(w) for w in name[:-1])
            and not any(w[:1] in ("و", "ف") or w in STOPWORDS or w in SUBJECT_PREPOSITIONS or w in _TIME_WORD_SET
                        or _bare(w) in TITLE_HEADS or w in _DIRECTIONS for w in name))


# (لحج، الواقعة شمال عدن: a place's position, no name)
_DIRECTIONS = frozenset(("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"))


def _unranked_definite(word: str) -> bool:
    """A definite word that is no rank, title or honorific: after a comma it opens no apposition
    of a person."""
    return is_definite(word) and not (_bare(word) in _PERSONAL_TITLES or word in HONORIFICS or _bare(word) in TITLE_HEADS)


def _before_complementiser(text: str, start: int, limit: int) -> int | None:
    """The end of a run of words from ``start`` that a complementiser closes, nothing but spaces
    between them (… عن ائتلاف دولة القانون، موفق الربيعي | إن …): the apposition ends at the
    clause the verb introduces, as at a second comma. None if anything else comes first."""
    end = start
    for word in _WORD.finditer(text, start, limit):
        if text[end:word.start()].strip():
            return None
        if word.group() in COMPLEMENTISERS:
            return end if end > start else None
        end = word.end()
    after = _WORD.match(text, limit) if end > start and not text[end:limit].strip() else None
    return end if after is not None and after.group() in COMPLEMENTISERS else None  # (the walk stops at the clause)


def preposition_with_pronoun(word: str) -> bool:
    """بسببها، لديهم، بينهم: a preposition carrying a pronoun, which no phrase about a speaker
    runs over."""
    return bool(_PREP_PRONOUN.fullmatch(word))


def prepositional_opening(word: str) -> bool:
    """A preposition, or one fused with the article, after an optional و (وفي، باللون، وللمرة):
    a sentence that opens with it opens with an adjunct, not its subject."""
    bare = word.removeprefix("و")
    return bare in SUBJECT_PREPOSITIONS or (bare.startswith(("بال", "لل", "كال")) and len(bare) > 4)


def _cannot_open_subject(word: str) -> bool:
    """The first word of a would-be subject that shows there is none: a preposition, a
    function word, a preposition with a pronoun (بسببها، لديه), an addressee (لمركز …)."""
    # (فقال | بلا حماس: «without», a manner adjunct; not دون, also a name: دون لاجوينز)
    return (word in SUBJECT_PREPOSITIONS or word in STOPWORDS or preposition_with_pronoun(word) or word in ("بلا", "بدون")
            or (word[:1] == "ل" and (word[1:] in ORGANISATION_HEADS or word[1:] in ADDRESSEE_NOUNS)))


def _name_after_description(word: str, walk: _Walk, classes: WordQuestions | None, text: str, end: int) -> bool:
    """A word the analyser reads only as a proper noun, or does not know, after a definite
    description whose head is no body or document names the person described (رفع الملياردير
    الكوري الجنوبي | تشونغ مون-جون): the lexicons cannot list every such head. So does a given
    name it knows, when a lineage or a family name follows (البائع | سعيد بن سالم، الطالب | أحمد
    الزهراني: ``end`` is where the word ends in ``text``)."""
    if classes is None or _heads_no_person(walk.head_word):
        return False
    if _only_a_name(word, classes):
        return True
    after = _next_word(text, end)
    return after is not None and _full_name_opens(word, after, classes)


_TITLE_TIME_ADVERBS = frozenset(("سابقا", "حاليا"))


def _qualifies_the_title(word: str, walk: _Walk, text: str, end: int) -> bool:
    """«سابقاً» or «حالياً» after a title, with the name still to come (وزير الخارجية سابقا عمرو
    موسى): it dates the title. Before أن or a mark it dates the verb (قال الوزير سابقا إن …)."""
    if word not in _TITLE_TIME_ADVERBS or not walk.head_title:
        return False
    after = _next_word(text, end)
    return after is not None and after not in COMPLEMENTISERS
_CIRCUMSTANTIAL_PRONOUNS = frozenset(("وهو", "وهي", "وهم", "وهما", "وهن"))
# في، عبر، علي before a noun with its possessor (في صفحتها، عبر حسابه، علي هامش زيارته): the
# speaker's own occasion, an adjunct of the verb; a modifier of the subject names another thing
# (مصدر في الوزارة، مسؤول في حكومة الإقليم)
_OCCASION_PREPOSITIONS = frozenset(("في", "عبر", "علي"))


def _next_possessed(text: str, end: int, walk: _Walk) -> str | None:
    """The word right after the one ending at ``end`` when it ends in a possessive as the article
    writes it: ها، هم، هما، هن, or a ه the article wrote so, not a folded ة (في منطقة، في وزارة:
    no possessor)."""
    after = _next_word(text, end)
    if after is None or after.endswith(("ها", "هم", "هما", "هن")):
        return after
    written_ha = after[-1] == "ه" and walk.spelling is not None and walk.spelling.spelled_at(end + len(after)) == "ه"
    return after if written_ha else None

# كان and its forms: a verb, which ends a subject after a definite word (عدد من المصادر | كان المركب …)
KANA = frozenset(("كان", "وكان", "كانت", "وكانت", "فكان", "فكانت", "وكانا", "وكانتا", "وكانوا"))


def _ends_subject_inside(word: str, definite: bool, walk: _Walk, classes: WordQuestions | None = None,
                         text: str = "", end: int = 0) -> bool:
    """A word after the subject's first one that begins something else. The exceptions where
    the subject goes on come first; the tests that end it are independent of one another."""
    if _subject_goes_on(word, walk, text, end):
        return False
    if (word in walk.function_stems and not walk.prev_definite and word not in _LISTED
            and word not in _PARTITIVE_PREPOSITIONS and classes is not None and classes.only_function_word(word)):
        return True  # الرئيس أوباما | حيال أفريقيا، أوباما | لن …: no name reads only as a particle
    if definite and classes is not None and _masdar_object(word, walk, classes):
        return True
    if walk.words >= 3 and word[:1] in ("ي", "ت") and classes is not None and _predicate_verb(word, walk, classes, text, end):
        return True  # لويس سواريز نجم برشلونة | يشعر: a verb, and the predicate, after a name and its title
    if (word[-1] == "ا" and walk.spelling is not None and word not in _TITLE_TIME_ADVERBS
            and walk.spelling.wrote_tanween_fath(end - len(word), end)):
        return True  # أطلق النشطاء | هاشتاقاً، أكد الوزير | مجدداً: a subject is never in the accusative
    return (_opens_apposition_or_clause(word, walk, classes)
            or _object_begins(word, definite, walk, classes, text, end)
            or _anonymous_source_ends(word, definite, walk, classes, text, end))


def _masdar_object(word: str, walk: _Walk, classes: WordQuestions) -> bool:
    """A definite masdar of a derived verb begins the object after a name (ووصف باداود | الابتعاث
    بأنه …، نفى أحمد عسيري | التسجيل الصوتي) or after a definite title (وجدد الوزير | التأكيد على
    …), where the walk otherwise lets a name follow. A plain masdar may be a family name (العرج،
    الربح، الحمد); after a coordinated word it may close a list of offices with one و dropped
    («لشؤون المساجد والدعوة الإرشاد»)."""
    if not _derived_masdar(word):
        return False
    after_name = (not walk.prev_definite and walk.last_word not in GLUE
                  and classes.name_evidence(walk.last_word) in ("proper", "unanalysed"))
    after_title = walk.prev_definite and walk.head_title and walk.last_word[:1] != "و"
    return (after_name or after_title) and classes.name_evidence(word) == "no" and classes.is_verbal_noun(word)


def _derived_masdar(word: str) -> bool:
    """The shape of a derived verb's masdar with the article (التسجيل، الابتعاث، الاستقبال): ت or
    ا after it and five letters at least."""
    bare = word[2:] if word.startswith("ال") else word
    return bare[:1] in ("ت", "ا") and len(bare) >= 5


def _predicate_verb(word: str, walk: _Walk, classes: WordQuestions, text: str, end: int) -> bool:
    """An imperfective word the analyser reads only as a verb, after a phrase of three words: the
    predicate begins, and a word the analyser reads as no name follows it. Not a place's name after
    the noun it completes (منطقة | تبوك، بجامعة | تبوك), nor a name before a family name (جامعة
    كورنيل | ينس اوهلين) or closing the phrase (موشي | يعلون وقال), which the lexicon reads as verbs too."""
    last = walk.last_word
    bare = last[1:] if last[:1] in ("ب", "ل") else last
    if last in GLUE or _bare(bare) in _PLACE_CONSTRUCTS or is_head_noun(bare) or not classes.only_clause_word(word):
        return False
    if classes.ends_mention(last) and not classes.only_function_word(last):
        return False  # ضابط ليبي كان | يعمل في …: a verb runs a clause in the phrase, the next verb is its own
    after = _next_word(text, end)
    return after is not None and not classes.only_conjoined(after) and classes.name_evidence(after) == "no"


def _construct_title(word: str, walk: _Walk, classes: WordQuestions | None) -> bool:
    """An anonymous head that is also a title's (مسؤول، متحدث، ناطق) in construct with a definite
    noun is a post, not an anonymous source: «مسؤول التسوية القانونية بدر الحربي»، «مسؤول العلاقات
    العامة …». Not before a time word (قال مسؤول | اليوم الاثنين)."""
    return (walk.words == 1 and walk.head_title and word[:2] == "ال" and classes is not None
            and not classes.is_time(word))


# a definite word, up to two definite adjectives, then the clause: «مصادر الشرطة (العراقية) | إن …»
_CONSTRUCT_THEN_CLAUSE = regex.compile(r"(?:\s+ال\p{L}+){0,2}\s*(?::|(?<![\p{L}])(?:ب)?(?:ان|انه|انها|انهم)(?![\p{L}]))")


def _source_in_construct(word: str, walk: _Walk, classes: WordQuestions | None, text: str, end: int) -> bool:
    """A source in construct with a definite noun, the reported clause right after (مصادر الشرطة
    إن، خبراء الوزارة أن): the sources of that body, not an object after the subject (نفت مصادر |
    الأنباء التي …). Not a time word (قال مسؤولون | الأحد إن)."""
    return (walk.words == 1 and classes is not None and not classes.is_time(word)
            and _CONSTRUCT_THEN_CLAUSE.match(text, end) is not None)


def _subject_goes_on(word: str, walk: _Walk, text: str = "", end: int = 0) -> bool:
    """A source's or a title's complement, a post-modifier's preposition, or علي as a name
    continues it."""
    if walk.first_anonymous and (walk.last_word, word) in _SOURCE_COMPLEMENTS:
        return True  # دبلوماسيون مطلعون | على هذه الخطط: the adjective's complement
    if word in ("عن", "من") and walk.last_word in _POST_MODIFIERS:
        return True  # البيان الصادر | عن …
    if (word in ("علي", "في", "عن") and walk.words == 1 and walk.head_definite
            and walk.head_word.endswith(("ون", "ين")) and _definite_like(_next_word(text, end) or "")):
        return True  # الموقعون | على الالتماس، القائمون | على المشروع: the plural participle's complement
    if word == "علي" and (walk.last_word in HONORIFICS or _bare(walk.last_word) in _PERSONAL_TITLES
                          or _next_word(text, end) in FILIATION):
        # المقدم | علي الشهراني، … بمنطقة مكة المكرمة | علي بن عبدالله الغامدي: after a rank or an
        # honorific, or before بن, a name, not the preposition
        return True
    # السفير الأمريكي | لدى المملكة، المشرف العام | على العلاقات العامة: the title goes on (not
    # into an occasion: الرئيس الجزائري عبد العزيز بوتفليقة | لدى استقباله)
    if word == "لدي" and walk.head_title:
        return _next_possessed(text, end, walk) is None
    return word in _TITLE_PREPOSITION_WORDS and (_bare(walk.head_word), word) in _TITLE_PREPOSITIONS


def _opens_apposition_or_clause(word: str, walk: _Walk, classes: WordQuestions | None) -> bool:
    """A second quantifier, an addressee after a name, كان after a definite word, or a
    circumstantial participle or a verb with نا."""
    if word in ("احد", "احدي") and walk.words >= 2 and _bare(walk.last_word) not in _PLACE_CONSTRUCTS:
        # أحد سكان الإسماعيلية | إحدى مدن القناة: a second quantifier opens an apposition (after
        # a place's noun it is the place's name: محافظة | أحد رفيدة، أحد المسارحة)
        return True
    if (word[:1] == "ل" and (word[1:] in ORGANISATION_HEADS or word[1:] in ADDRESSEE_NOUNS) and not walk.head_title
            and walk.head_word not in HONORIFICS  # (معالي الأمين العام | لمجلس التعاون: the title goes on)
            and not walk.head_definite and not walk.prev_definite and not walk.in_phrase and not walk.first_anonymous
            and walk.head_word not in _DOCUMENTS and _bare(walk.head_word) not in ORGANISATION_HEADS
            and classes is not None and classes.name_evidence(walk.head_word) != "no"
            and classes.name_evidence(walk.last_word) != "no"):
        return True  # بارتوميو | لهيئة الإذاعة: after a name, ل on a body opens the addressee (دراسة لمركز: its author)
    if word in KANA and walk.prev_definite:
        return True  # (after an indefinite noun it opens a description: ضابط ليبي كان يعمل في …)
    # قال كيري | مازحاً (a circumstantial participle); جون كيري | أطلعنا (a verb); but right after
    # a title's last definite word a name is due (وزيرة الخارجية الألمانية أنالينا بيربوك)
    if not (len(word) >= 5 and ((word[0] == "م" and word[-1] == "ا") or word.endswith("نا")
                                 or (_faailan(word) and classes is not None and classes.accusative_participle(word)))
            and not (walk.prev_definite and walk.head_title)):
        return False
    if classes is None:
        return True
    # a word of that shape the analyser reads as a name is one (رئيس وزراء | مالطا); one it does not
    # know is a name's next word (ميكو | ميرسكيلا، عبدالعزيز | شروفنا), and after a name of two
    # words the circumstantial participle it lacks (لويس انريكي | متذمرا)
    evidence = classes.name_evidence(word)
    before = walk.word_before_last
    return evidence == "no" or (evidence == "unanalysed" and walk.words >= 2 and walk.last_word not in GLUE
                                and len(walk.last_word) > 2 and not is_definite(before) and before not in HONORIFICS
                                and _bare(before) not in TITLE_HEADS)


def _object_begins(word: str, definite: bool, walk: _Walk, classes: WordQuestions | None, text: str,
                   end: int) -> bool:
    """The verb's object begins: after a family name, a possessed noun, a preposition or a
    demonstrative that opens an object, a noun in بال, an indefinite word after a definite
    head, or a noun that does not agree with the head as an adjective would."""
    if (walk.words == 2 and walk.head_word in HONORIFICS and walk.prev_definite and not definite
            and _bare(walk.last_word) not in TITLE_HEADS and word[:1] not in ("ل", "ب") and word not in STOPWORDS
            and classes is not None and classes.name_evidence(word) == "no"):
        return True  # تمنى الدكتور الضلعان | وجود دراسة: an honorific and a family name, then the object
    if (walk.prev_definite and word[:1] not in ("و", "ف", "ل", "ب") and word.endswith(_POSSESSIVE_ENDINGS)
            and classes is not None and classes.possessed(word)):
        return True  # أبدى عدد من الحاضرات | سعادتهن، المدرب الأرجنتيني | دخوله: a noun with its possessor after a definite word is the object
    if word in STATEMENT_OBJECTS and _statement_object(word, walk, classes):
        return True  # ألقى الأمين العام إياد مدني | كلمة خلال الجلسة
    if word[-1] == "ه" and _possessed_object_after_name(word, walk, classes, text, end):
        return True  # واصل الرئيس حسن روحاني | دفاعه عن الاتفاق
    if word in _INNER_PREPOSITIONS or (word in _OBJECT_STARTERS and not walk.in_phrase):
        return True  # دعا الحزب | كل الأطراف، أدان الحزب | هذه العملية: the object begins
    if (word.startswith("بال") and len(word) > 5 and not walk.in_phrase and not walk.first_anonymous
            and not walk.head_title and _bare(walk.head_word) not in ANONYMOUS_HEADS):
        return True  # ورحبت وزارة الخارجية | بالاتفاق: the object a verb governs with ب
    if (walk.head_definite and not walk.head_title and walk.head_word not in HONORIFICS
            and walk.prev_definite and not definite and word[:1] not in ("و", "ل", "ب", "ف")
            and word not in ("في", "من") and not walk.in_phrase and not _name_after_description(word, walk, classes, text, end)):
        return True  # ودعت اللجنة | وسائل الإعلام: a definite noun takes no indefinite word after it but a name
    if (walk.prev_definite and not definite and not walk.head_title and walk.head_word not in HONORIFICS
            and len(word) >= 4 and word[-1] == "ا" and word[:1] not in ("و", "ف", "ل", "ب") and classes is not None
            and classes.accusative_participle(word) and classes.name_evidence(_next_word(text, end) or "و") == "no"):
        # ونشر جيش الفتح | صورا لتفجير: a noun in the accusative's alif is no part of a subject; a
        # word of that shape before one that may be a name is a given name (المنتجة الشهيرة أوبرا وينفري)
        return True
    return _disagrees_with_the_head(word, definite, walk, classes)


def _statement_object(word: str, walk: _Walk, classes: WordQuestions | None) -> bool:
    """A statement noun without the article after a name, or after a title's last definite word,
    is the object of the verb before the subject (ألقى الأمين العام إياد مدني | كلمة، ألقى وزير
    الخارجية الكويتي | كلمةً استذكر فيها): no name reads so. A plural after a body's name may be
    part of it (شركة اتحاد اتصالات)."""
    if not walk.words or walk.last_word in GLUE or classes is None or classes.name_evidence(word) != "no" \
            or classes.carries_pronoun(word):
        return False
    if word.endswith("ات") and _bare(walk.head_word) in ORGANISATION_HEADS:
        return False
    return walk.head_title if walk.prev_definite else _after_a_name(walk, classes)


def _after_a_name(walk: _Walk, classes: WordQuestions) -> bool:
    """The walk's last word is a name's: no definite word, no link (بن، عبد), and not one the
    analyser reads only as a common word."""
    return (bool(walk.words) and not walk.prev_definite and walk.last_word not in GLUE
            and classes.name_evidence(walk.last_word) != "no")


# مصادر | من الوزارة، عدد | مع …: the prepositions of a description's own complement
_PARTITIVE_PREPOSITIONS = frozenset(("من", "مع"))


def _faailan(word: str) -> bool:
    """The shape of a form I participle in the accusative, فاعلاً (ضاحكاً، غاضباً، ساخراً): a
    circumstantial after the subject (قال مورينيو | ضاحكاً). Not in -يا, the shape of given
    names (ناديا، داليا); foreign names of the shape (مانيش كابرا) the analyser reads otherwise."""
    return len(word) == 5 and word[1] == "ا" and word[-1] == "ا" and word[-2] != "ي"


# The emphatic nouns (أوباما نفسه «Obama himself»): a possessive that belongs to the subject.
# (after a verb, the same words are its reflexive object: يصف نفسه بأنه …)
EMPHATIC_NOUNS = frozenset(("نفسه", "نفسها", "نفسهما", "نفسهم", "انفسهم", "ذاته", "ذاتها", "ذواتهم", "عينه", "عينها"))
_NAME_GOES_ON = regex.compile(r"\s*(?:[،,]|ال\p{L}{2}|(\p{L}+))")


def _possessed_object_after_name(word: str, walk: _Walk, classes: WordQuestions | None, text: str, end: int) -> bool:
    """A noun with a possessive, spelled with ه (not a ta marbuta) right after a name, is the
    verb's object (واصل الرئيس حسن روحاني | دفاعه عن، واختتم المدرب مورينيو | حديثه قائلا).
    A family name the analyser reads so (يوسف رفه، فاضل ابريه) is told by what follows it: a
    name goes on to a comma, a title or a definite word (يوسف رفه نائب الرئيس، دومينيك سوانيه، إن),
    and a title in construct (ولي عهده، وزير خارجيته) or an emphatic (أوباما نفسه) is the subject's."""
    if (walk.spelling is None or word[:1] in ("و", "ف", "ل", "ب") or word in EMPHATIC_NOUNS or classes is None
            or _bare(walk.last_word) in TITLE_HEADS or walk.spelling.spelled_at(end - 1) != "ه"
            or not _after_a_name(walk, classes) or not classes.possessed_object(word)):
        return False
    after = _NAME_GOES_ON.match(text, end)
    return after is None or (after.group(1) is not None and _bare(after.group(1)) not in TITLE_HEADS)


def _disagrees_with_the_head(word: str, definite: bool, walk: _Walk, classes: WordQuestions | None) -> bool:
    """A definite word that cannot be the head's adjective, for it does not agree with it: the
    object (ويتهم المتمردون | الحكومة، نفى المدرب الهولندي | الشائعات)."""
    if not definite or classes is None:
        return False
    if (walk.words == 1 and walk.head_definite and walk.head_word.endswith(("ون", "ين"))
            and classes.gender_number(walk.head_word) == ("m", "p") and classes.gender_number(word) == ("f", "s")):
        return True  # a feminine singular after a masculine plural
    # nor a plural after a singular noun and its adjective (right after the head, plural, dual or
    # either: دعا الرئيس | المواطنين)
    if not (walk.head_definite and walk.prev_definite and not walk.in_phrase and word.endswith(("ات", "ين", "ون"))
            and word[:1] not in ("و", "ف") and (walk.head_title or _bare(walk.head_word) in ORGANISATION_HEADS)):
        return False
    # (after the head and its adjective, a word read only as dual or plural: الحكومة الأوكرانية | الانفصاليين)
    number = classes.gender_number(word)[1]
    return ((number in ("p", "d", None) if walk.words == 1 else (
                number == "p" or (number is None and walk.words == 2 and not walk.head_title
                                  and classes.name_evidence(word) == "no")))
            and classes.gender_number(walk.head_word)[1] == "s" and classes.gender_number(walk.last_word)[1] == "s")


_LEVEL_ADJECTIVES = frozenset(("رفيع", "رفيعه", "عالي", "عاليه", "رفيعو", "رفيعي"))  # … المستوى، … الشأن


def _anonymous_source_ends(word: str, definite: bool, walk: _Walk, classes: WordQuestions | None, text: str = "",
                           end: int = 0) -> bool:
    """An indefinite source's phrase ends at a definite adjective or, after its complement, at a
    verbal noun or a common noun governing a definite word (the object)."""
    if walk.first_anonymous and definite and (walk.words == 1 or not walk.in_phrase) and not (
            walk.last_word in _LEVEL_ADJECTIVES and word in ("المستوي", "الشان")) \
            and not _construct_title(word, walk, classes) and not _source_in_construct(word, walk, classes, text, end):
        # an indefinite head takes no definite adjective: مصدر عسكري | الحصيلة (but مسؤول رفيع
        # المستوى: an adjective's own genitive)
        return True
    if not (walk.first_anonymous and walk.in_phrase and walk.prev_definite and not definite
            and word[:1] not in ("ف", "ل", "ب") and classes is not None and classes.name_evidence(word) == "no"
            and not (word[:1] == "و" and classes.only_conjoined(word))):  # (وكالة is no «and»)
        return False
    # أعلن مسؤول بوزارة الخارجية الإيرانية | تأجيل زيارة، نفى متحدث باسم المتمردين | مزاعم الحكومة:
    # after the source's complement, the object
    nxt = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    # (أبلغ مسؤول في الأمم المتحدة | وكالة رويترز: a body's head after it is the addressee)
    return (classes.is_verbal_noun(word) or (nxt is not None and is_definite(nxt.group()))
            or _bare(word) in ORGANISATION_HEADS)


def _ends_subject(text: str, pos: int, end: int, limit: int, word: str, definite: bool, walk: _Walk,
                  classes: WordQuestions | None = None) -> bool:
    """Whether the word at ``pos`` is past the end of the subject phrase."""
    if (word[:1] == "ل" or word in _ADJUNCT_FIRST_WORDS or end > limit) and _ADJUNCT_START.match(text, pos, limit) \
            and not (walk.words and word[:1] == "ل" and walk.head_word in _DOCUMENTS) \
            and not (word == "لدي" and walk.head_title) \
            and not _qualifies_the_title(word, walk, text, end):  # السفير لدى المملكة، الوزير سابقا
        return True  # (تقرير لشبكة «راصدين»: a document's ل-phrase names its author)
    if walk.words and word in _OCCASION_PREPOSITIONS and classes is not None:
        after = _next_possessed(text, end, walk)
        if after is not None and not is_definite(after) and classes.possessed_object(after):
            return True  # وذكرت السقاف | في صفحتها على تويتر، قال الوزير | عبر حسابه: the occasion
    if walk.words and word in _RELAY_SAYINGS:
        return True  # عن الرئيس | قوله: the relayed words begin
    if walk.words and word in _EULOGY_FIRST_WORDS and EULOGY.match(text, pos):
        return True  # الرسول | صلى الله عليه وسلم، حذيفة | رضي الله عنه: a blessing, not part of the name
    if walk.words and word in _CIRCUMSTANTIAL_PRONOUNS:
        return True  # فاليري بيرال | وهي أستاذة بجامعة أكسفورد: و and a pronoun open a circumstantial clause
    if walk.words and word in _BI_EVENT:
        return True  # عبدالعزيز بن سعد | بتصريح لـ…: the occasion, an adjunct
    if walk.words and word[:1] == "ب" and not word.startswith("باسم") and classes is not None \
            and classes.only_prepositional(word) and classes.carries_pronoun(word):
        return True  # المحافظ | بصفته، الوزير | بدوره: a ب-phrase on his own noun is an adjunct
    if word in COMPLEMENTISERS and not text.startswith(" كي ", end):
        return True  # (أن never takes كي: «بان كي مون» is a name)
    if word[:1] == "ف" and is_fa_complementiser(word, walk.prev_definite, text, end):
        return True  # حسبما تقول الإحصاءات | فإن …، كما يشرح هول | فإن «…»
    if walk.words == 0 and _cannot_open_subject(word) and not (word == "ام" and _kunya_follows(text, end, classes)):
        return True  # (أم عبدالله: a kunya, as أبو عبدالله is, not «or»)
    if walk.words == 0 and classes is not None and _verbal_noun_object(word, text, end, classes):
        return True
    if walk.words and _ends_subject_inside(word, definite, walk, classes, text, end):
        return True
    if word in _POST_MODIFIERS and walk.words:
        # المكون من، الصادر عن: a modifier clause, not the name (first, the word is the subject
        # itself: وأشار المؤلف إلى أن …); but a document is named by it
        # (البيان الصادر عن مكتب رئيس الوزراء), and a definite word right after a common noun
        # without the article is its genitive, since an adjective agrees in definiteness
        # (مصلحة | المرافق العامة, مدير | المرافق)
        return not ((walk.words == 1 and walk.head_word in _DOCUMENTS)
                    or (definite and _in_construct(walk, classes)))
    if walk.words and word in _ANONYMITY_FIRST_WORDS and _ANONYMITY.match(text, pos, limit):
        return True  # مسؤول كبير | طلب عدم الكشف عن هويته
    if word[:1] == "ل" and classes is not None and _after_two_name_words(walk, classes) \
            and classes.only_prepositional(word) and classes.name_evidence(word) == "no":
        # عبد ربه منصور هادي | لمصر، اليكسي سوروكين | لهيئة الإذاعة: an addressee or a purpose after
        # a name of two words or more. After one word it may be a foreign family name the analyser
        # reads as ل + a word (ويليام لايسي، رودريجو لاسمار)
        return True
    # للصحفيين after a name is the addressee; الأمين العام للأمم المتحدة is a title; بيان للجيش
    # names the statement's author; مركز الملك سلمان للإغاثة: the institution's name goes on
    return word.startswith("لل") and (walk.words == 0 or not walk.prev_definite) and not (
        walk.words == 1 and walk.head_word in _DOCUMENTS) and not walk.in_eponym


# A folded ـه is also the ta marbuta of a feminine noun the lexicon may not know (تغريدة folds
# to تغريده, «his tweeting»): «his» is told only after the ت of a feminine noun (مطالبته).
_MASDAR_POSSESSIVES = (*PRONOUN_SUFFIXES, "هن", "ته")


def _verbal_noun_object(word: str, text: str, end: int, classes: WordQuestions) -> bool:
    """A masdar with a possessive right after the cue is its object, and the subject is the one
    already named (وأكد | حرصه على …، أبدى | تطلعه إلى …): no name carries a pronoun. So is a
    masdar whose genitive carries one (وأكد | حرص سموه، حرص بلاده على …). A title with a
    possessive is a subject (وقال رئيسها، نائبه)."""
    if classes.name_evidence(word) != "no" or not classes.is_verbal_noun(word):
        return False
    after = _next_word(text, end)
    if word.endswith(_MASDAR_POSSESSIVES) and classes.carries_pronoun(word):
        # (واختتم تصريحه | مدير مكتبة المسجد الحرام …: the subject after the object; the walk reads it)
        # (وقالت منافستها | شركة …: a masdar that also names an agent, in apposition to a body's name)
        return not _possessed_title(word) and not (after is not None and (
            _bare(after) in TITLE_HEADS or _bare(after) in ORGANISATION_HEADS or after in HONORIFICS
            or classes.name_evidence(after) in ("proper", "unanalysed")))
    return (after is not None and not is_definite(word) and classes.possessive_noun(after)
            and not _possessed_title(after))


def _kunya_follows(text: str, end: int, classes: WordQuestions | None) -> bool:
    """After أم at ``end``, a word the analyser reads as a name: the two are a woman's kunya."""
    after = _next_word(text, end)
    return classes is not None and after is not None and classes.name_evidence(after) in ("proper", "ambiguous")


def _next_word(text: str, end: int) -> str | None:
    """The word right after the one ending at ``end``, one space between them."""
    after = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    return after.group() if after is not None else None


def _after_two_name_words(walk: _Walk, classes: WordQuestions) -> bool:
    """The two words before may be a name's (neither definite nor a head noun, the last no link
    and no word the analyser reads only as a common word): nothing but an adjunct follows a name
    in ل."""
    last, before = walk.last_word, walk.word_before_last
    return (bool(before) and not walk.prev_definite and not is_definite(before) and not is_head_noun(before)
            and last not in GLUE and not is_head_noun(last) and classes.name_evidence(last) != "no")


def _in_construct(walk: _Walk, classes: WordQuestions | None) -> bool:
    """The word before is a common noun without the article (a head the lexicons know, or a word
    the analyser reads as no name): a definite word after it is its genitive. After a name it is not
    (جون كيري المرافق للرئيس)."""
    last = walk.last_word
    if walk.prev_definite or walk.in_phrase or not last:
        return False
    return is_head_noun(last) or (classes is not None and classes.name_evidence(last) == "no")


def _ends_by_class(word: str, definite: bool, walk: _Walk, classes: WordQuestions) -> bool:
    """What the word classes say ends a subject after a definite word: a verb or a time word
    (الحكومة التركية | تزامناً), or a definite verbal noun after a definite head that is no
    title (الوفدان | التأكيد، الحكومة | التعامل): the verb's object. After an indefinite word,
    which may be a name the lexicon reads as a verb (جين ساكي), they decide nothing."""
    if (not walk.words or walk.in_phrase or not walk.prev_definite or walk.head_title
            or walk.head_word in HONORIFICS):
        return False  # after a title comes a name, which the lexicon may read as a verb (بان كي مون)
    if word not in _LISTED and classes.ends_mention(word):
        return True
    return definite and walk.head_definite and classes.is_verbal_noun(word)


_BODY_NAME_WORD = regex.compile(r"[\p{L}\p{N}«»\"“”]+")  # a quoted name's marks stay on its words
_QUOTE_MARKS = "«»\"“”"


def body_name_end(text: str, start: int, end: int, classes: WordQuestions | None) -> int:
    """Where a body's name ends inside a phrase read as the subject of the verb before it: the
    verb's object is no part of it (أعلنت وزارة الخدمة المدنية | أسماء …، وافقت شركة الخطوط
    السعودية للتموين | بتوزيع أرباح …). The head noun alone followed by ل or و names nothing
    (الشركة | للعملاء، الشرطة | والمسلحين); past it, a number, a title, a verb or time word, or after
    a definite word (or a quoted name) a word with no article the analyser reads as no name ends
    it, while a word in و or the ل of a complement goes on (هيئة الاتصالات وتقنية المعلومات،
    المرصد السوري لحقوق الإنسان)."""
    after_definite = False
    last_end = start
    for i, m in enumerate(_BODY_NAME_WORD.finditer(text, start, end)):
        word = m.group()
        if i == 1 and word[:1] in ("ل", "و"):
            return last_end
        if i and _ends_body_name(word, after_definite, classes):
            return last_end
        after_definite = _definite_like(word) or word[-1:] in _QUOTE_MARKS
        last_end = m.end()
    return end


def body_object_start(text: str, start: int, end: int, classes: WordQuestions | None) -> int:
    """Where the verb's object begins after a body's name in a narrative clause, or ``end``: only
    after a name of two words or more that closes on a definite or quoted word (تعتزم الشركة
    السعودية للكهرباء | طرح مناقصة، أصدرت وزارة الخزانة الأميركية | تقريرا). A cut after one word
    or a word without the article is not trusted: the analyser reads many place names as verbs
    (جامعة تبوك) and وزارة opens with the letter و."""
    cut = body_name_end(text, start, end, classes)
    kept = _BODY_NAME_WORD.findall(text, start, cut)
    if cut < end and len(kept) >= 2 and (_definite_like(kept[-1]) or kept[-1][-1] in _QUOTE_MARKS):
        return cut
    return end


# الحكومة المعترف | بها دوليا، النظام المعمول | به: a participle's ب and pronoun go on with it
_BI_PRONOUNS = frozenset(("به", "بها", "بهم", "بهما", "بهن"))


def _ends_body_name(word: str, after_definite: bool, classes: WordQuestions | None) -> bool:
    if word[0].isdigit() or _bare(word) in TITLE_HEADS:
        return True
    if classes is None or word[:1] in _QUOTE_MARKS or (after_definite and word in _BI_PRONOUNS):
        return False
    if classes.ends_mention(word):
        return True
    return (after_definite and not is_definite(word) and word[:1] != "و"
            and not (word[:1] == "ل" and classes.only_prepositional(word)) and classes.name_evidence(word) == "no")


@dataclass(frozen=True)
class PhraseReader:
    """The phrase grammar bound to one document: its text, the offsets of its verbs (a subject
    never runs over one), the words spelled as names or as the preposition على, and the word
    classes when available."""

    text: str
    stops: frozenset[int] = frozenset()
    names: frozenset[int] = frozenset()
    classes: WordQuestions | None = None
    ala: frozenset[int] = frozenset()  # offsets of the words spelled as the preposition على
    read: ReadWords | None = None  # words_reader(classes), shared by the documents of an extractor
    spelling: NormalizedText | None = None  # the folded text's map to the original: how a word is spelled
    # The mentions read so far, by span: a pure function of it, and immutable. The name index and
    # the mention stage read one phrase (a title right after its cue) and the resolver reads a
    # known name again: one call in seven repeats an earlier span of the document.
    _mentions: dict[tuple[int, int], Mention | None] = field(default_factory=dict, compare=False, repr=False)

    def extent(self, start: int, limit: int) -> int:
        return subject_extent(self.text, start, limit, self.stops, self.names, self.classes, self.ala, self.spelling)

    def mention(self, start: int, end: int) -> Mention | None:
        key = (start, end)
        if key in self._mentions:
            return self._mentions[key]
        found = self._mentions[key] = make_mention(self.text, start, end, self.classes, self.read)
        return found


_TRAILING_LINKS = frozenset(("و", "في", "من", "عن", "علي", "الي", "مع", "ب", "ل", "قد", "ان"))
# مصادر محلية | وفي …; not والي, a name and a governor's title
_AND_A_LINK = frozenset("و" + w for w in ("في", "من", "عن", "علي", "مع"))


def _trim_trailing_links(text: str, start: int, pos: int, ala: frozenset[int] = frozenset()) -> int:
    """Do not end a subject on a conjunction or preposition. علي is one only where the article
    spells it على (``ala``): written with ي it is the name (وقال شقيقه علي | في مارس)."""
    span = text[start:pos].rstrip(" ،,")
    while True:
        parts = span.rsplit(" ", 1)
        if len(parts) == 2 and (parts[1] in _TRAILING_LINKS or parts[1] in _AND_A_LINK) and (
                parts[1] not in ("علي", "وعلي") or start + len(parts[0]) + 1 in ala):
            span = parts[0].rstrip(" ،,")
            continue
        return start + len(span)


_WALK_STOPS = "«»\"“”„(:{[.؟!?؛;\n"  # marks that end a subject the walk meets them at
# every mark the walk looks at before reading a word
_WALK_MARKS = frozenset("،," "«\"“„" "." "-" + _WALK_STOPS)


def subject_extent(text: str, start: int, limit: int, stops: frozenset[int] | set[int] = frozenset(),
                   names: frozenset[int] = frozenset(), classes: WordQuestions | None = None,
                   ala: frozenset[int] = frozenset(), spelling: NormalizedText | None = None) -> int:
    """End of the subject phrase that starts at ``start`` (folded offsets), before ``limit``.

    It stops at the first adjunct, at a comma that does not open an apposition, at an
    opening quotation mark or parenthesis, at a verb (``stops``) and after sixteen words. A word
    at an offset in ``names`` is a name whatever its folded form (علي, not على).

    Complexity (radon ~27): the walk over characters and words is one loop whose branches are the
    marks a phrase may hold (a comma of apposition, a quoted name, an abbreviation's full stop);
    the word tests themselves live in _ends_subject and _ends_subject_inside.
    """
    pos = start
    walk = _Walk(spelling=spelling, function_stems=classes.function_stems() if classes is not None else frozenset())
    while pos < limit:
        if text[pos] == " " and not text[pos + 1:pos + 2].isspace():
            pos += 1  # the one space between two words: no regex call for it
        elif text[pos].isspace():
            pos = _SPACES.match(text, pos).end()  # type: ignore[union-attr]  # \s* always matches
        if pos >= limit:
            break
        ch = text[pos]
        if ch in _WALK_MARKS:  # (most walks meet a letter here: one test instead of five)
            if ch in "،,":
                close = _comma_apposition_end(text, pos, limit, walk, ala, stops, classes)
                if close is None:
                    break
                walk.words += len(text[pos + 1:close].split())
                after = _COMMA_WORD.match(text, close, limit)
                if after is not None and _unranked_definite(after.group(1)):
                    pos = close  # الرئيس اليمني، عبدربه منصور هادي، | التأكيد على: the verb's object follows
                    break
                pos = close + 1
                continue
            if ch in "«\"“„":
                named = _QUOTED_NAME.match(text, pos)
                if named is not None and not named.group(1).strip():
                    named = None  # « »: quotation marks around nothing name nothing
                # (the clause after a quoted subject lies past ``limit``: the zone ends at its أن)
                opens_body = not walk.words and named is not None and (
                    _bare(named.group(1).split()[0]) in ORGANISATION_HEADS or quoted_subject(text, named.group(1), named.end(), limit))
                if named and len(named.group(1).split()) <= 4 and (walk.words or opens_body):
                    # شبكة «روسيا اليوم»: a quoted name inside the subject; وذكرت «وكالة دوجان» للأنباء:
                    # a body's quoted name as the whole subject
                    if opens_body:
                        walk.head_word, walk.head_definite = named.group(1).split()[0], False
                        walk.head_title = _bare(walk.head_word) in TITLE_HEADS
                    pos = named.end()
                    walk.words += 1
                    continue
            if ch == "." and walk.last_word in TITLE_ABBREVIATIONS and (text[pos + 1:pos + 2] == " " or text[pos + 1:pos + 2].isalpha()):
                pos += 1  # مفتي مصر د. شوقي علام، د.هشام: the abbreviation of a title, not a full stop
                continue
            if ch in _WALK_STOPS:
                break
            if ch == "-" and walk.words and text[pos - 1:pos].isalpha() and text[pos + 1:pos + 2].isalpha():
                pos += 1  # تشونغ مون-جون: a hyphen joins the parts of one name
                continue
        w = _WORD.match(text, pos)
        if not w or pos in stops:
            break  # a verb (another cue) ends the phrase
        word = w.group()
        definite = is_definite(word)
        # (_ends_by_class decides nothing unless a definite word came before, outside a modifier)
        # (after «بن» علي is the father's name even where the article never writes على)
        if pos not in names and not (word == "علي" and walk.last_word in FILIATION) and (_ends_subject(text, pos, w.end(), limit, word, definite, walk, classes)
                                 or (classes is not None and walk.words and walk.prev_definite and not walk.in_phrase
                                     and _ends_by_class(word, definite, walk, classes))):
            break
        if walk.words == 0:
            walk.head_word, walk.head_definite, walk.head_title = word, definite, _bare(word) in TITLE_HEADS
            # أحد المصادر، بعض المسؤولين: quantifiers take a definite noun
            walk.first_anonymous = _bare(word) in ANONYMOUS_HEADS and not definite and word not in QUANTIFIERS
        elif walk.words == 1 and walk.first_anonymous and definite and word[:2] == "ال":
            walk.first_anonymous = False  # مسؤول | التسوية القانونية: a post in construct (_construct_title)
        if word in _MODIFIER_PREPOSITIONS or (walk.first_anonymous and (walk.last_word, word) in _SOURCE_COMPLEMENTS) or (
                walk.first_anonymous and word[:1] == "ب" and classes is not None and classes.only_prepositional(word)):
            walk.in_phrase = True  # inside «مسؤول كبير في وزارة الدفاع»، «مسؤول بوزارة النقل» definite words are fine
        if word in _EPONYM_STYLES and walk.words and eponym_style((walk.last_word, word), 1):
            walk.in_eponym = True  # جامعة | الملك سعود، لمركز | الملك سلمان
        elif word[:2] == "لل" or (definite and walk.last_word not in _EPONYM_STYLES):
            walk.in_eponym = False  # (a complement of its own, or a definite word: the eponym is over)
        walk.word_before_last, walk.last_word = walk.last_word, word
        walk.prev_definite = definite
        walk.words += 1
        if walk.words > 16:
            break
        pos = w.end()
    return _trim_trailing_links(text, start, pos, ala)
