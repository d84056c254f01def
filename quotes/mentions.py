"""The mention stage: the phrase that names who is speaking, for each content span.

Arabic news reports speech verb-first (وقال وزير الخارجية فؤاد حسين إن …), with the subject
between the cue and the content, often after an addressee (وقال لـ«الاقتصادية» مصدر خليجي) or
interrupted by appositions and adjuncts; the phrase grammar is in ``phrases.py``. When no
subject follows the verb it may precede it (SVO: وكان الكاظمي أكد …), be the document the
verb describes (صدر بيان مشترك أكد …), or, for a participle (مشيراً، مضيفاً), be the subject of
its sentence's main verb. The stage also reads the subjects of reporting verbs that quote
nothing: they make a speaker salient for the zero subjects that follow.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from . import lexicon
from .clauses import clause_initial, governs_its_preposition, nested, word_within
from .cues import HOMOGRAPH_LEMMAS, Cue, opens_according
from .document import Document
from .normalize import WORD as _WORD
from .normalize import strip_proclitics
from .phrases import (
    ANONYMOUS_HEADS,
    DOCUMENT_HEADS,
    EMPHATIC_NOUNS,
    EULOGY,
    HONORIFICS,
    KANA,
    ORGANISATION_HEADS,
    QUANTIFIERS,
    RELATIVE_PRONOUNS,
    STATEMENT_OBJECTS,
    STOPWORDS,
    SUBJECT_PREPOSITIONS,
    THIRD_PERSON_SUFFIXES,
    TITLE_HEADS,
    Mention,
    body_object_start,
    is_definite,
    is_head_noun,
    possessed_stems,
    preposition_with_pronoun,
    prepositional_opening,
)
from .spans import SUBJECT_AFTER_CUE, SUBJECT_AFTER_QUOTE, THAT_CARRIERS, ContentSpan

_CLAUSE_OPENERS = lexicon.words("clause_openers")
_NOT_VERBS = lexicon.words("not_verbs")
_PRONOUN_CARRIERS = lexicon.words("pronoun_carriers")
_TURN_ADVERBS = lexicon.words("turn_adverbs")

# لـ«الرياض»، لـ(عكاظ)، لـ”عين اليوم” (a right quotation mark on both sides, as some papers print it)
_QUOTED_NAME = r"[«\"“”{(][^»\"”})\n]{1,40}[»\"”})]\s*،?\s*"
_ADDRESSEE = regex.compile(r"ل(?:ـ)?\s*" + _QUOTED_NAME)
# أبلغ «الجزيرة» الأمير …، أخبر «عكاظ» مصدر …: verbs of informing take whom they inform without ل;
# a quoted name right after them is that addressee, the subject follows
_INFORMING = frozenset(("ابلغ", "اخبر"))
_QUOTED_ADDRESSEE = regex.compile(_QUOTED_NAME)
# وقال لي/له/لنا …: after «قال», which takes no object, a pronoun in ل is the addressee and what
# follows it the subject (وقال له رئيس اللجنة بوب كوركر); after a verb that takes one, what follows
# may be its object (وشرح لهم الدور المهم), so only قال skips it.
_PRONOUN_ADDRESSEE = regex.compile(r"(?:لي|له|لها|لهما|لهم|لنا|لك|لكم)(?!\w)\s*،?\s*")
_THAT_OR_MARK = regex.compile(rf"(?:{lexicon.alternation('complementisers')})(?!\w)|[:«\"“]")
_CONNECTIVES_BEFORE_VERB = frozenset(("كما", "ثم"))
# The last word of a phrase that turns the narrative to its next actor (من جانبه، من جهتها، من
# ناحيته، إلى ذلك، في المقابل، من جهة أخرى، وفي السياق، في السياق ذاته): its verb may follow with no comma.
_TURN_PHRASE_END = regex.compile(r"(?:جانب|جهت|ناحيت)(?:ه|ها|هم|هما)|ذلك|المقابل|السياق|اخري|ذاته|نفسه|البدايه|الختام|النهايه")
_CLAUSE_COMPLEMENTISERS = frozenset(("ان", "لكن", "ولكن"))  # أن، إن، لكن: a clause with its own subject follows
_NARRATIVE_REACH = 3  # sentences before a zero subject whose narrative subjects can matter to it
_PERSON_OR_BODY_HEADS = TITLE_HEADS | ANONYMOUS_HEADS | ORGANISATION_HEADS | DOCUMENT_HEADS
# the gender of each relative pronoun, which a verb whose subject it is agrees with
_RELATIVE_GENDER = {"الذي": "m", "الذين": "m", "اللذان": "m", "التي": "f", "اللتان": "f"}
assert set(_RELATIVE_GENDER) == RELATIVE_PRONOUNS  # every pronoun the clause rules know has its gender
_AMMA = frozenset(("اما", "واما"))  # أما … فـ: the topic, then its predicate
_RELAY_PERSONS = frozenset(("نبي", "رسول"))  # whom a saying is handed down from (عن النبي ﷺ أنه قال)
# A sentence's opening «it is reported that»: the clause after it has its own subject and verb.
_THAT_OPENER = regex.compile(r"\s*(?:و|ف)?(?:يذكر|يشار|يجدر بالذكر|جدير بالذكر|الجدير بالذكر|ذكر|علم)\s+ان\s+")
# Verbs whose object comes right before «بأنه» (وصف X بأنه …، اتهم X بأنه …): a phrase after the
# verb followed by it is the object, and the subject is the one who spoke before.
_OBJECT_THEN_BI_AN = frozenset(("وصف", "اتهم"))
_RESUMPTIVE = regex.compile(r"(?:فيه|فيها|فيهم|فيهما)\s+")
# كتب عنه ستيفن بيرت، وهو ما كشف عنه مصدر مسؤول: عن and a pronoun is what the verb speaks of, and
# the subject follows; after the verbs that hand words down (نقل عنه، روى عنها) it is the source
_ABOUT_HIM = regex.compile(r"(?:عنه|عنها|عنهم|عنهما)\s+")
_HANDING_DOWN = frozenset(("نقل", "روي", "حكي", "اورد"))
# صرح بذلك المتحدث الرسمي: the verb's object, ذلك behind ب, comes before the subject; وقال بهذا
# الخصوص، بهذه المناسبة: an adjunct, the demonstrative with its noun
_DEMONSTRATIVE_OBJECT = regex.compile(r"(?:بذلك|(?:بهذا|بهذه)\s+ال\p{L}+)\s+(?=\p{L})")
# «ذكر ذلك الدكتور أيمن الخضراء …»: ذلك, the verb's object, then a title, a rank or a source
_THAT_OBJECT_THEN_TITLE = regex.compile(r"ذلك\s+(?=(?:ل\S+\s+)?(\p{L}+))")
# The eulogies of God that stand for His name after a verb (قال تعالى، يقول سبحانه وتعالى)
_GOD_EULOGIES = frozenset(("تعالي", "سبحانه", "عز وجل", "جل وعلا", "سبحانه وتعالي", "تبارك وتعالي", "جل جلاله", "جل شانه"))
_ALLAH = regex.compile(r"(?<![\p{L}])الله(?![\p{L}])")
# The Prophet as news and sermons name him before his blessing; resolve keeps them to themselves
PROPHET_NAMES = ("الرسول", "النبي", "رسول الله", "نبي الله")
_PROPHET_BLESSED = regex.compile(rf"(?<![\p{{L}}])({'|'.join(PROPHET_NAMES)})\s+صلي الله عليه")
# دعا الله أن، سأل المولى أن: to pray to God; after these verbs God is the object, never the speaker
_PRAYING = frozenset(("دعا", "سال", "ناشد"))
_GOD = frozenset(("الله", "ربه", "ربها", "ربهم", "المولي", "المولي عز وجل"))
_ACCORDING_HEADS = frozenset(("حسب", "بحسب", "وبحسب", "وحسب"))  # (وفقا takes ل: a preposition before the source)
_ACCORDING_WORDS = _ACCORDING_HEADS | {"وفق", "وفقا", "ووفق", "ووفقا", "طبقا"}
_RELAY_AN = regex.compile(r"(?<![\p{L}])عن(?:ه|ها|هم|هما)?(?![\p{L}])")
# جاء في البيان، ورد بالتقرير: the preposition before the document (not the ب that opens بعد)
_DOC_PREP = regex.compile(r"\s*(?:في(?!\p{L})\s*|ب(?=ال))")
_DOC_PRONOUN = regex.compile(r"\s*(?:في|ب)(?:ه|ها)(?!\p{L})")
_LAFT_IDIOM = regex.compile(r"(?:ال)?(?:انتباه|نظر)\s*")
_ON_THE_TONGUE = regex.compile(r"[\s،]*علي لسان\s+")  # (folded: على لسان)

# how the mention was found (evidence ``mention_rule``)
MENTION_RULES = {
    "subject_after_cue": "the subject phrase between the cue and the content",
    "subject_before_cue": "the subject before the verb (SVO)",
    "document_before_cue": "the document the verb describes (صدر بيان … أكد)",
    "sentence_subject": "a participle's subject: the subject of its sentence's main verb",
    "sentence_topic": "the subject the sentence opens with, after كان or before a relative clause",
    "relative_antecedent": "the antecedent of the relative pronoun right before the verb (X، الذي قال …)",
    "source_phrase": "the source named by an according-to phrase or after the quotation",
    "relayed_source": "the source after «عن» when the verb follows «أنه» (نقلت الوكالة عن الوزير أنه قال …)",
    "statement_maker": "the subject of the verb that made the statement the cue's clause describes (أصدرت القيادة بيانا أعلنت فيه)",
    "spoken_through": "the one a body speaks through, after «على لسان» (قالت الوزارة على لسان المتحدث باسمها …)",
    "none": "no subject phrase: resolved from the context",
}


@dataclass(frozen=True)
class SpeakerMention:
    """The speaker phrase of one span."""

    mention: Mention | None  # the phrase next to the cue, as the record shows it
    subject: Mention | None  # what resolution reads: ``mention``, or a participle's sentence subject
    rule: str  # a key of MENTION_RULES


@dataclass(frozen=True)
class SilentSubject:
    """The subject of a verb that quotes nothing (وندد X بـ… ثم قال: «…»): a reporting verb's,
    or a narrative verb's at the start of a sentence (ودانت مملكة البحرين التفجير، وشددت على أن …)."""

    at: int  # the verb's offset
    gender: str | None  # the verb's gender, when known
    mention: Mention | None
    narrative: bool = False  # a sentence's subject, not a reporting verb's


def _opens_sentence_subject(word: str) -> bool:
    """A sentence's first word that may open the subject of a verb later in it: not a function
    word or preposition (في، إن), and not a conjunction-prefixed word (وفي، وكان), which opens a
    clause the walk back reads on its own terms."""
    return (word not in STOPWORDS and word not in SUBJECT_PREPOSITIONS and word[:1] not in ("و", "ف")
            and not word[:1].isdigit() and word not in _PRONOUN_CARRIERS
            and not preposition_with_pronoun(word))  # (لكنهم قالوا، إنهم: the subject is the pronoun)


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text

    def after_cue(self, cue: Cue, zone_end: int) -> tuple[Mention | None, str]:
        """The subject between a verb and its content (the zone ends at ``zone_end``)."""
        if cue.pos == "participle":
            return None, "none"  # a participle's subject is the main clause's: the phrase after it is its object
        if cue.pos == "document" and _DOC_PRONOUN.match(self.text, cue.end, zone_end):
            # «خطاب مشترك وقع عليه … جاء فيه:»: the pronoun is the document named before
            return self.document_antecedent(cue), "document_before_cue"
        if cue.pos == "verb" and self._describes_a_statement(cue, zone_end):
            maker = self.statement_maker(cue)
            if maker is not None:
                return maker, "statement_maker"
        start = self._subject_start(cue, cue.end, zone_end)
        if start is None:
            return None, "none"  # نقل التلفزيون عنه: the pronoun is the previous speaker
        end = self.doc.phrases.extent(start, zone_end)
        mention = self.doc.phrases.mention(start, end) if end > start else None
        if cue.pos == "verb":
            spokesman = self._spoken_through(mention.end if mention is not None else start, zone_end)
            if spokesman is not None:
                return spokesman, "spoken_through"
        if cue.enclitic:
            # «ووصفه كثيرون بأنه …»، «وأبلغه مسؤول أن …»: the pronoun is the verb's object, and a
            # source or a titled person right after it is the subject; anything else there is
            # none (ونقله عنه …، وقاله في …): the subject is the one before
            if mention is not None and (mention.type == "anonymous" or (
                    mention.type == "person" and mention.title and strip_proclitics(mention.text.split()[0]) in TITLE_HEADS)):
                return mention, "subject_after_cue"
            return None, "none"
        if mention is not None and self._coordinated_verb(mention):
            return None, "none"  # ويشرح | ويقدم الحلول: a second verb, the subject is the previous one
        if mention is not None and self._prepositional(mention):
            return None, "none"  # وقال لحلفائها …، رحب بقدوم كيري: a complement, the subject is the previous one
        if mention is not None and self._object_masdar(mention, zone_end):
            return None, "none"  # وأكد الثقة بأن …: the verb's object, the subject is the previous one
        if mention is not None and _own_talk(mention.text):
            return None, "none"  # واختتم حديثه بأن …، وواصل حديثه بقوله: his own talk, the speaker is the one before
        if mention is not None and mention.text in _GOD_EULOGIES:
            # قال تعالى: …، يقول سبحانه: …: the eulogy stands for God, whom the article names الله
            named = [m.start() for m in _ALLAH.finditer(self.text, 0, cue.start)]
            if named:
                return self.doc.phrases.mention(named[-1], named[-1] + 4), "subject_after_cue"
        if mention is not None and mention.text.startswith("صلي الله عليه"):
            # قال صلى الله عليه وسلم: …: the blessing stands for the Prophet, whom the article named
            # before it (الرسول، النبي، رسول الله صلى الله عليه وسلم)
            named = list(_PROPHET_BLESSED.finditer(self.text, 0, cue.start))
            if named:
                return self.doc.phrases.mention(named[-1].start(1), named[-1].end(1)), "subject_after_cue"
        if mention is not None and cue.lemma in _PRAYING and mention.text in _GOD:
            return None, "none"  # ودعا الله أن يعينه: whom the speaker prays to, the verb's object
        if mention is not None and mention.text.split(" ", 1)[0] in EMPHATIC_NOUNS:
            return None, "none"  # تصف نفسها بأنها …: a reflexive after the verb is its object, never its subject
        if mention is not None and cue.lemma in _OBJECT_THEN_BI_AN and not mention.name \
                and strip_proclitics(mention.text.split()[0]) not in _PERSON_OR_BODY_HEADS \
                and self.text[mention.end:mention.end + 12].lstrip(" ،").startswith("بان"):
            return None, "none"  # ووصف قصف الانفصاليين … | بأنه الأعنف: the object, described
        if mention is not None and not self._accusative(mention.start):
            return mention, "subject_after_cue"
        mention = None
        relayed = self._source_before_carrier(cue) if cue.pos == "verb" else None
        if relayed is not None:
            return relayed, "relayed_source"
        if cue.pos == "verb" and not clause_initial(self.doc, cue):
            found, rule = self.subject_before(cue)
            if found is not None:
                return found, rule
        elif cue.pos == "verb":
            apposed = self._apposed_subject(cue)
            if apposed is not None:
                return apposed, "subject_before_cue"
        if cue.pos == "verb" and not cue.proclitics:
            relative = self._relative_before(cue)
            if relative is not None and not self._agrees_with_relative(cue, relative):
                # الروبوت «بيبر» الذي أشارت إلى أنه …: a verb that does not agree with the pronoun
                # has another subject, one named before; the antecedent is its object
                return None, "none"
            antecedent = self.relative_antecedent(cue) if relative is not None else None
            if antecedent is not None:
                return antecedent, "relative_antecedent"
        if cue.pos == "verb" and (cue.proclitics[:1] not in ("و", "ف") or self._amma_fa(cue)):
            topic = self.sentence_topic(cue)
            if topic is not None:
                return topic, "sentence_topic"
        return None, "none"

    def _spoken_through(self, at: int, zone_end: int) -> Mention | None:
        """«وقالت الوزارة على لسان المتحدث باسمها …»، «بلدية الجبيل، قالت على لسان رئيسها …»: the
        words are the person's the body speaks through, as relayed speech is the source's."""
        tongue = _ON_THE_TONGUE.match(self.text, at, zone_end)
        found = self.phrase(tongue.end(), zone_end, strip_leading=False) if tongue is not None else None
        return found if found is not None and found.type in ("person", "anonymous") else None

    def _describes_a_statement(self, cue: Cue, zone_end: int) -> bool:
        """The verb is followed by فيه/فيها and nothing else before its content (بيانا كشفت فيه أن
        …): a relative clause on the statement named before it, whose maker says what follows."""
        words, ends = self.doc.tokens.words, self.doc.tokens.ends
        k = cue.token_index + 1
        return (k < len(words) and words[k] in _RESUMPTIVE_IN and not self.text[ends[k]:zone_end].strip(" ،,")
                and cue.token_index > 0 and words[cue.token_index - 1] not in RELATIVE_PRONOUNS)

    def statement_maker(self, cue: Cue) -> Mention | None:
        """«وأصدرت قوات حماية الشعب، أمس، بيانا كشفت فيه أن …»، «كما ألقى وزير الزراعة كلمة قال
        فيها …»: the statement (an indefinite noun of a statement, a few words before the cue) was
        made by the subject of the narrative verb that opens its clause, of the cue's gender where
        both show one."""
        doc = self.doc
        words, starts = doc.tokens.words, doc.tokens.starts
        first = doc.tokens.index_at(doc.sentences.start_before(cue.start))
        noun = next((j for j in range(cue.token_index - 1, max(first, cue.token_index - 5) - 1, -1)
                     if words[j] in STATEMENT_OBJECTS), None)  # بيانا، كلمة، تدوينة، رسالة
        if noun is None:
            return None
        if words[noun + 1][:1] == "ل" and noun + 1 < cue.token_index:
            # تصريحات للرئيس الأمريكي باراك أوباما أكد فيها: the statement names its maker (كلمة له
            # قال فيها: the one named before)
            if _PRONOUN_ADDRESSEE.fullmatch(words[noun + 1]):
                return None
            start = starts[noun + 1] + 1
            end = doc.phrases.extent(start, cue.start)
            found = doc.phrases.mention(start, end) if end > start else None
            return found if found is not None and found.type != "unknown" else None
        opening = self._past_opening_adjunct(first)
        for v in range(noun - 2, first - 1, -1):
            if words[v] == "ان":
                return None  # لاسيما أن أحد أعضاء المناصحة أطلق تغريدة: a clause opening with its subject
            if not (v == opening or (v > first and words[v - 1] in _CLAUSE_OPENERS_BEFORE_VERB)):
                continue
            if words[v] in QUANTIFIERS:
                continue  # (أحد there is the subject's quantifier, not «he sharpened»)
            gender = self._verb_gender(words[v], imperfective=True, no_article=self._hamza_alif(v))
            if gender is None:
                continue
            if words[v].endswith("وا") and cue.number != "p":
                return None  # كما تداولوا آخر تغريدة …: the plural verb's subject is its own pronoun
            if gender and cue.gender and gender != cue.gender:
                return None
            start = self._past_turn_adverb(starts[v + 1], starts[noun])
            end = doc.phrases.extent(start, starts[noun])
            found = self.without_object(doc.phrases.mention(start, end) if end > start else None)
            if found is None or found.type == "unknown" or self._prepositional(found):
                return None
            return found
        return None

    def _source_before_carrier(self, cue: Cue) -> Mention | None:
        """«نقلت الوكالة عن وزير الخارجية أنه قال إن …»، «روى ابن عمر عن النبي أنه قال: …»: the verb
        after «أنه» has for subject the pronoun, which is the one named after «عن» just before it:
        the relay's source."""
        doc, text = self.doc, self.text
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        k = cue.token_index
        if k < 3 or words[k - 1] not in THAT_CARRIERS:
            return None
        sent_start = doc.sentences.start_before(cue.start)
        for j in range(k - 2, max(k - 12, 1) - 1, -1):
            if starts[j] < sent_start or any(ch in text[ends[j]:starts[j + 1]] for ch in ".:«»\"“”()\n"):
                return None
            if words[j] == "عن" and j + 1 <= k - 2:
                end = doc.phrases.extent(starts[j + 1], starts[k - 1])
                found = doc.phrases.mention(starts[j + 1], end) if end > starts[j + 1] else None
                if found is None or found.type not in ("person", "organisation", "anonymous"):
                    return None
                classes = doc.phrases.classes
                head = strip_proclitics(found.text.split()[0])
                named = found.type == "person" and bool(found.name) and (
                    classes is None or classes.name_evidence(found.name.split()[0]) != "no")
                # (متحدثا عن ثروة المملكة، عن نوع السيارة: a topic, no source)
                return found if named or head in _PERSON_OR_BODY_HEADS or head in _RELAY_PERSONS else None
        return None

    def _relative_before(self, cue: Cue) -> int | None:
        """The token index of the relative pronoun right before the verb, a parenthesis between
        commas aside (… الذي، رغم أنه في المعارضة، قال), or None."""
        text = self.text
        words, starts, ends = self.doc.tokens.words, self.doc.tokens.starts, self.doc.tokens.ends
        k = cue.token_index - 1
        if k >= 0 and words[k] == "قد":
            k -= 1
        if k >= 1 and text[ends[k]:starts[k + 1]].strip() == "،":
            # a parenthesis: back over it to the comma that opens it, at most eight words
            j = k
            while j > 0 and cue.token_index - j <= 9 and text[ends[j - 1]:starts[j]].strip() != "،":
                j -= 1
            k = j - 1
        return k if k >= 1 and words[k] in RELATIVE_PRONOUNS else None

    def _agrees_with_relative(self, cue: Cue, k: int) -> bool:
        return cue.gender is None or _RELATIVE_GENDER[self.doc.tokens.words[k]] == cue.gender

    def relative_antecedent(self, cue: Cue) -> Mention | None:
        """إسحاق هرتسوغ، زعيم حزب الاتحاد الصهيوني، الذي، رغم أنه في المعارضة، قال: …: a verb
        right after a relative pronoun (a parenthesis between commas aside) has the pronoun's
        antecedent for subject, the phrase before it back to the clause's start."""
        doc, text = self.doc, self.text
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        k = self._relative_before(cue)
        if k is None:
            return None
        end = ends[k - 1]
        sent_start = doc.sentences.start_before(cue.start)
        classes = doc.phrases.classes
        first = k - 1
        while first > 0 and k - first < 12 and starts[first - 1] >= sent_start:
            between = text[ends[first - 1]:starts[first]]
            before = words[first - 1]
            if any(ch in between for ch in ".:\"«»“”\n") or before in STOPWORDS or before in _CLAUSE_OPENERS \
                    or (before[:1] in ("و", "ف") and before[1:] in STOPWORDS) or preposition_with_pronoun(before) \
                    or (first - 1) in doc.cue_at_token or (classes is not None and classes.only_clause_word(before)) \
                    or (first >= 2 and words[first - 2] == "ما") or before in _ACCORDING_WORDS:
                # (هذا ما أضافه | تشونغ الذي تابع: the verb after ما, with its pronoun, is no part of it;
                # سوروتش، وفق | صحيفة حرييت التي قالت: the source opens after «according to»)
                break
            first -= 1
        start = starts[first]
        if (words[first][:1] in ("ل", "ب") and words[first][:2] != "لل" and classes is not None
                and classes.only_prepositional(words[first])):
            start += 1  # «الأولوية المطلقة» لموسكو التي ترى أن …: the antecedent is موسكو, not its preposition
        found = doc.phrases.mention(start, end)
        if found is None or found.type not in ("person", "organisation", "anonymous") or (
                found.type == "person" and not (found.name or found.title)):
            return None
        classes = doc.phrases.classes
        head = found.text.split(" ", 1)[0]
        if any(ch.isdigit() for ch in found.text) or (
                classes is not None and classes.name_evidence(head) == "no" and classes.is_verbal_noun(head)):
            return None  # تمرير قانون المالية لسنة 2017، الذي قال «إنه …»: a thing, the verb's subject is elsewhere
        return found

    def _amma_fa(self, cue: Cue) -> bool:
        """أما طارق فهمي، أستاذ العلاقات الدولية، فقال …: the فـ that answers أما opens the
        predicate of the topic أما introduced."""
        doc = self.doc
        k = doc.tokens.index_at(doc.sentences.start_before(cue.start))
        return cue.proclitics[:1] == "ف" and k < cue.token_index and doc.tokens.words[k] in _AMMA

    def sentence_topic(self, cue: Cue) -> Mention | None:
        """The subject a sentence opens with when the verb comes after other material: after
        كان (وكان تقرير لشبكة «راصدين»، المكونة من …، كشف أن …) or before a relative clause
        (القوبنطيني التي تم تجميد عضويتها …، قد أكدت أن …)."""
        doc = self.doc
        sent_start = doc.sentences.start_before(cue.start)
        k = doc.tokens.index_at(sent_start)
        if k >= cue.token_index or cue.token_index - k > 40:
            return None
        k_verb = bisect_left(doc.verb_starts, cue.start) - 1
        if k_verb >= 0 and doc.verb_starts[k_verb] >= sent_start:
            return None  # another verb of the sentence stands between: its subject is not this one's
        words = doc.tokens.words
        after_amma = words[k] in _AMMA
        if words[k] in KANA or after_amma:
            k += 1
        elif RELATIVE_PRONOUNS.isdisjoint(words[k + 1:min(cue.token_index, k + 8)]):
            return None
        classes = doc.phrases.classes
        if k >= cue.token_index or words[k] in STOPWORDS or prepositional_opening(words[k]) \
                or opens_according(self.text, doc.tokens.starts[k]) \
                or (classes is not None and not after_amma and classes.name_evidence(words[k]) == "no"
                    and classes.only_clause_word(words[k])):
            # وعن الاتفاق النووي الذي …، أكد أن: a topic in عن, which is no subject; nor is «وطبقا
            # لمصادر … فإن المعلومات تفيد»: an according-to phrase; nor «يعلم الجميع أن … التي»، a
            # verb (after أما a name is due, whatever it reads as: أما فيريدون خافاند)
            return None
        start = doc.tokens.starts[k]
        end = self.doc.phrases.extent(start, cue.start)
        if end <= start:
            return None
        found = self.doc.phrases.mention(start, end)
        return found if found is not None and found.type != "unknown" else None

    def _object_masdar(self, mention: Mention, zone_end: int) -> bool:
        """A lone definite verbal noun after the verb, then its complement (وأكد الحرص | على أن …),
        or a common noun governing a definite verbal noun (وأكد ضرورة البحث …): the verb's object,
        not its subject. A body named by a verbal noun (الاتحاد، الائتلاف) is in the organisation
        heads and stays a subject."""
        classes = self.doc.phrases.classes
        words = mention.text.split()
        if classes is None or strip_proclitics(words[0]) in _PERSON_OR_BODY_HEADS \
                or classes.name_evidence(words[0]) != "no":
            return False
        if len(words) >= 2 and not is_definite(words[0]) and is_definite(words[1]) \
                and classes.is_verbal_noun(words[1]):
            return True  # وأكد ضرورة البحث عن حل …، أهمية التعاون: a noun governing a verbal noun
        if len(words) != 1 or not is_definite(words[0]) or not classes.is_verbal_noun(words[0]):
            return False
        after = self.text[mention.end:zone_end].lstrip(" ")
        return after.startswith(("بان", "علي ان", "علي", "ب"))

    def _prepositional(self, mention: Mention) -> bool:
        """The phrase opens with a word the analyser reads only as preposition + noun (رحب |
        بقدوم كيري، أكد | لرئيس الوزراء): the verb's complement, never its subject."""
        classes = self.doc.phrases.classes
        first = mention.text.split(" ", 1)[0]
        # (و before it too: مما يؤكد | وبشكل كبير أن …, an adverbial phrase)
        bare = first[1:] if first[:1] == "و" and first[1:2] in ("ب", "ل", "ك") else first
        return classes is not None and bare[:1] in ("ب", "ل", "ك") and classes.only_prepositional(first)

    def _coordinated_verb(self, mention: Mention) -> bool:
        """The phrase opens with و and a word the analyser reads only as a verb: a second verb
        coordinated with the cue, never its subject."""
        classes = self.doc.phrases.classes
        words = mention.text.split()
        first = words[0]
        if classes is None or first[:1] != "و" or not classes.only_conjoined(first) or not classes.ends_mention(first):
            return False
        # (not a foreign name that merely reads so, ويندي شيرمان: a name follows it)
        return len(words) == 1 or classes.name_evidence(words[1]) == "no"

    def _accusative(self, pos: int) -> bool:
        """Whether the word at ``pos`` carries tanween fath in the original (تزامناً، رداً،
        مازحاً): an adverbial accusative, never the nominative subject."""
        k = self.doc.tokens.index_at(pos)
        if k >= len(self.doc.tokens):
            return False
        a, b = self.doc.norm.span(self.doc.tokens.starts[k], self.doc.tokens.ends[k])
        return "\u064b" in self.doc.article.text[a:b + 2]

    def _subject_start(self, cue: Cue, start: int, zone_end: int) -> int | None:
        """Skip what stands between the cue and its subject: a relay «عن», «في» before a
        document, an addressee, the object of the idiom لفت النظر."""
        text = self.text
        zone = text[start:zone_end]
        relay = _RELAY_AN.search(zone) if "عن" in zone else None
        if relay and (cue.lemma in ("نقل", "نقلا عن") or cue.pos == "according"):
            if relay.group() != "عن":
                return None
            start = start + relay.end()
        elif cue.pos == "document":
            m = _DOC_PREP.match(zone)
            if m:
                start += m.end()
        start += len(text[start:zone_end]) - len(text[start:zone_end].lstrip(" ،,"))
        demonstrative = _DEMONSTRATIVE_OBJECT.match(text, start, zone_end)
        if demonstrative:
            start = demonstrative.end()  # صرح بذلك | المتحدث الرسمي للدفاع المدني …
        elif (that := _THAT_OBJECT_THEN_TITLE.match(text, start, zone_end)) is not None and (
                strip_proclitics(that.group(1)) in TITLE_HEADS or that.group(1) in HONORIFICS
                or strip_proclitics(that.group(1)) in ANONYMOUS_HEADS):
            start = that.end()  # (not «يؤكد ذلك حقيقة أن»: no title after it)
        resumptive = _RESUMPTIVE.match(text, start, zone_end) or (
            _ABOUT_HIM.match(text, start, zone_end) if cue.lemma not in _HANDING_DOWN else None)
        if resumptive:
            start = resumptive.end()  # في الوقت الذي أفاد فيه مصدر مسؤول: the relative clause's pronoun, then the subject
        addressee = _ADDRESSEE.match(text, start, zone_end) or (
            _PRONOUN_ADDRESSEE.match(text, start, zone_end) if cue.lemma == "قال" else None) or (
            _QUOTED_ADDRESSEE.match(text, start, zone_end) if cue.lemma in _INFORMING else None)
        if addressee:
            start = addressee.end()  # وقال لـ«الاقتصادية» مصدر خليجي: the subject follows the addressee
        elif (pronoun := _PRONOUN_ADDRESSEE.match(text, start, zone_end)) is not None and (
                pronoun.end() >= zone_end or _THAT_OR_MARK.match(text, pronoun.end(), zone_end)):
            return None  # وأكد لي أنه …: the addressee, then the words; the subject is the one before
        start = self._past_adverbs(self._past_turn_adverb(start, zone_end), zone_end)
        if cue.lemma == "لفت":
            idiom = _LAFT_IDIOM.match(text, start, zone_end)
            if idiom and not idiom.group().startswith("ال"):
                return None  # ولفت نظر الحكومة لتحريك …: the noun's genitive is whose attention, not the subject
            if idiom:
                start = idiom.end()  # لفت النظر/الانتباه إلى: the object of the idiom, not the subject
        return start

    def _past_turn_adverb(self, start: int, zone_end: int) -> int:
        """Past «بدوره» between a verb and its subject (وأكد بدوره وزير الصحة …، وأبدت بدورها مديرة
        …): the subject follows it, or none does and the speaker is the one before."""
        toks = self.doc.tokens
        k = toks.index_at(start)
        if k >= len(toks) or toks.starts[k] != start or toks.words[k].removeprefix("و") not in _TURN_ADVERBS:
            return start
        end = toks.ends[k]
        return min(zone_end, end + len(self.text[end:zone_end]) - len(self.text[end:zone_end].lstrip(" ،,")))

    def _past_adverbs(self, start: int, zone_end: int) -> int:
        """Past the adverbs in the accusative between a verb and its subject (وأكد مجددا | وزير
        الخارجية، وقالت مرارا وتكرارا | أن …): never the subject, which follows them or is the
        previous one."""
        classes = self.doc.phrases.classes
        if classes is None:
            return start
        toks = self.doc.tokens
        first = k = toks.index_at(start)
        while k < len(toks) and toks.starts[k] < zone_end and classes.accusative_adverb(
                toks.words[k][1:] if k > first and toks.words[k][:1] == "و" else toks.words[k]):  # مرارا | وتكرارا
            k += 1
        if k == first:
            return start
        nxt = toks.words[k] if k < len(toks) and toks.starts[k] < zone_end else ""
        if nxt and (nxt in STOPWORDS or prepositional_opening(nxt) or classes.only_prepositional(nxt)
                    or not classes.may_be_nominal(nxt)):
            return zone_end  # وقال وفقا لما نقلته …: the adverb heads its complement; no subject opens there
        end = toks.ends[k - 1]
        return end + len(self.text[end:zone_end]) - len(self.text[end:zone_end].lstrip(" ،,"))

    def _subject_first_token(self, cue: Cue) -> int | None:
        """Walking back from the verb: the first token of an SVO subject, -1 when a document
        phrase should be tried, None when there is no subject before the verb."""
        doc = self.doc
        k = cue.token_index - 1
        sent_start = doc.sentences.start_before(cue.start)
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        while k >= 0 and cue.token_index - k <= 12 and starts[k] >= sent_start:
            word = words[k]
            between = self.text[ends[k]:(starts[k + 1] if k + 1 < len(words) else cue.start)]
            if any(ch in between for ch in "\"«»“”:()"):
                break
            if k == cue.token_index - 1 and word in _PRONOUN_CARRIERS:
                return None  # لكنه أوضح: the subject is the pronoun
            if word == "قد":
                if k != cue.token_index - 1:
                    return None  # قد + another verb: the words before belong to that clause
                k -= 1
                continue
            if word.isdigit():
                return None
            if word in _ACCORDING_HEADS and "،" not in self.text[ends[k]:cue.start]:
                return k + 1  # حسب مصدر عسكري مالي | أوضح أن …: the source, then the verb of a clause describing it
            if word in _CLAUSE_OPENERS:
                if word.endswith("قد") and k + 1 < cue.token_index and self._verb_gender(words[k + 1], after_qad=True) is not None:
                    return None  # وقد أصدرت وزارة الداخلية بيانا قالت فيه: the clause has its verb; the subject is its
                return k + 1
            if k in doc.cue_at_token:
                return None
            k -= 1
        return -1

    def _apposed_subject(self, cue: Cue) -> Mention | None:
        """A verb after a comma opens a clause, but not when all before it in the sentence is a
        name and its apposition between commas (مهاب مميش، رئيس هيئة القناة، قال …): that is its
        subject."""
        doc = self.doc
        start = doc.sentences.start_before(cue.start)
        opener = _THAT_OPENER.match(self.text, start, cue.start)
        if opener:
            start = opener.end()  # يذكر أن | سليمان العائد، مسؤول …، قال
        stretch = self.text[start:cue.start]
        parts = [p.strip() for p in stretch.split("،")]
        if len(parts) != 3 or parts[2] or not parts[0] or not parts[1] or len(stretch.split()) > 12:
            return None
        first, role = parts[0].split(), parts[1].split()
        if (len(first) > 4 or not _opens_sentence_subject(first[0]) or first[0] in _AMMA
                or strip_proclitics(role[0]) not in TITLE_HEADS):
            return None  # (a name, then its title: not «نعم، شعرت …»)
        end = start + len(stretch.rstrip(" ،"))
        begin = start + len(stretch) - len(stretch.lstrip())
        found = doc.phrases.mention(begin, end)
        if found is None or found.type != "person" or found.name_start != begin:
            return None
        return found

    def subject_before(self, cue: Cue) -> tuple[Mention | None, str]:
        """SVO: وكان الكاظمي أكد …، إلا أن المتحدثة … أشارت …"""
        first = self._subject_first_token(cue)
        if first is None:
            return None, "none"
        if first == -1:
            found = self.document_before(cue)
            if found is not None:
                return found, "document_before_cue"
            found = self._sentence_opening_subject(cue)
            return found, ("subject_before_cue" if found is not None else "none")
        words = self.doc.tokens.words
        while first < cue.token_index and words[first] == "قد":
            first += 1
        last = cue.token_index - 1
        while last >= first and words[last] in ("قد", "بدوره", "بدورها"):
            last -= 1
        starts, ends = self.doc.tokens.starts, self.doc.tokens.ends
        for k in range(first + 1, last + 1):
            blessing = EULOGY.match(self.text, starts[k])
            if blessing is not None and blessing.end() >= ends[last]:
                last = k - 1  # والنبي صلى الله عليه وسلم قال، الرئيس الراحل رحمه الله قال: the blessing is no part of the subject
                break
        if last < first:
            return None, "none"
        found = self.doc.phrases.mention(self.doc.tokens.starts[first], self.doc.tokens.ends[last])
        return found, ("subject_before_cue" if found is not None else "none")

    def _sentence_opening_subject(self, cue: Cue) -> Mention | None:
        """SVO from the sentence's first word (رئيس مجلس تشخيص مصلحة النظام قال: …): a phrase of
        a few words that opens the sentence and runs up to the verb, when it names someone: a
        person, a body the lexicons know, a source (not a prepositional opening: وفي سياق متصل قال)."""
        doc = self.doc
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        first = doc.tokens.index_at(doc.sentences.start_before(cue.start))
        if not (0 < cue.token_index - first <= 8) or not _opens_sentence_subject(words[first]):
            return None
        if any(ch in self.text[starts[first]:cue.start] for ch in "،,:\"«»“”()"):
            return None
        if doc.phrases.extent(starts[first], cue.start) < ends[cue.token_index - 1]:
            return None  # the phrase stops short of the verb: what opens the sentence is no subject
        found = doc.phrases.mention(starts[first], ends[cue.token_index - 1])
        if found is None:
            return None
        classes = doc.phrases.classes
        named = (classes is not None and len(found.name.split()) >= 2 and found.name_start == found.start
                 and classes.name_evidence(words[first]) in ("proper", "ambiguous"))  # مها أبو عوف قالت
        known_head = is_head_noun(words[first]) or words[first] in HONORIFICS or words[first] in ANONYMOUS_HEADS
        # التربويون يرون أن …، المحللون يقولون إن …: a definite plural noun, and a verb after it that
        # agrees in number, as a verb after its subject does in full
        collective = (cue.number == "p" and found.number == "p" and found.type != "document"
                      and is_definite(words[first]))
        return found if known_head or named or collective else None

    def document_antecedent(self, cue: Cue) -> Mention | None:
        """The last document the sentence names before the cue (خطاب مشترك، البيان), with the
        words of its phrase."""
        doc = self.doc
        tokens = doc.tokens
        sent_start = doc.sentences.start_before(cue.start)
        k = cue.token_index - 1
        while k >= 0 and tokens.starts[k] >= sent_start:
            if strip_proclitics(tokens.words[k]) in DOCUMENT_HEADS or tokens.words[k] in DOCUMENT_HEADS:
                start = tokens.starts[k]
                end = doc.phrases.extent(start, min(cue.start, start + 60))
                return doc.phrases.mention(start, end) if end > start else None
            k -= 1
        return None

    def document_before(self, cue: Cue) -> Mention | None:
        """«صدر بيان مشترك أكد أن …» / «بيان مشترك … يقول:»: the document the verb describes."""
        tokens = self.doc.tokens
        k = cue.token_index - 1
        while k >= 0 and cue.token_index - k <= 7:
            between = self.text[tokens.ends[k]:tokens.starts[k + 1]]
            if any(ch in between for ch in ".،,:\"«»“”()\n"):
                return None
            if tokens.words[k] in DOCUMENT_HEADS:
                return self.doc.phrases.mention(tokens.starts[k], tokens.ends[cue.token_index - 1])
            k -= 1
        return None

    def sentence_subject(self, cue: Cue) -> Mention | None:
        """وامتنع مسؤول من وزارة الداخلية عن التعليق مشيراً إلى أن …: a participle's subject is the
        subject of the verb that opens its sentence."""
        doc = self.doc
        sent_start = doc.sentences.start_before(cue.start)
        k = doc.tokens.index_at(sent_start)
        if k >= cue.token_index or cue.token_index - k > 40:
            return None
        verb_ok = doc.tokens.words[k] in ("كما", "ثم", "فيما", "بينما") and k + 1 < cue.token_index
        after_qad = False
        if verb_ok:
            k += 1  # «كما أدان الأمين العام … الحادث، داعياً …»: the verb follows the connective
        elif ((doc.tokens.words[k] in _QAD or doc.tokens.words[k] == "قد") and k + 2 < cue.token_index
              and self._verb_gender(doc.tokens.words[k + 1], after_qad=True) is not None):
            k, verb_ok, after_qad = k + 1, True, True  # «وقد بادل أمير منطقة الرياض الجميع التهنئة …، داعيا …»
        elif (past := self._past_opening_adjunct(k)) > k and past + 1 < cue.token_index:
            # «بدوره، دان أمين سر المجلس عادل الخرافي العمل الإرهابي، مؤكدا …»: the clause starts
            # after the adjunct and its comma, with a narrative verb whose gender, where both
            # show one, is the participle's (وفي مأرب، قتل القيادي …، مبينة: not his words)
            verb_gender = self._verb_gender(doc.tokens.words[past])
            if verb_gender is None or (verb_gender and cue.gender and verb_gender != cue.gender):
                return None
            k, verb_ok = past, True
        w, first_end = doc.tokens.words[k], doc.tokens.ends[k]
        k_verb = bisect_left(doc.verb_starts, cue.start) - 1
        if k_verb >= 0 and doc.verb_starts[k_verb] >= sent_start:
            return None  # a reporting verb of the sentence quoted someone: zero-subject resolution covers it
        lead_verb = not verb_ok and not (w.startswith("و") and len(w) >= 4 and w not in _NOT_VERBS)
        if lead_verb:
            # «دان وجهاء وأعيان محافظة القطيف الجريمة …، مؤكدين أن …»: a news lead opens with its
            # verb, no و; one the analyser reads only as a narrative verb agreeing with the participle
            gender = self._verb_gender(w) if not w.startswith("و") else None
            if gender is None or (gender and cue.gender and gender != cue.gender):
                return None
        if self.text[first_end:first_end + 1] in "،," or k + 1 >= cue.token_index:
            return None
        start = self._past_turn_adverb(doc.tokens.starts[k + 1], cue.start)
        end = self.doc.phrases.extent(start, cue.start)
        m = self.without_object(self.doc.phrases.mention(start, end) if end > start else None)
        if m is None and doc.tokens.words[k + 1] in SUBJECT_PREPOSITIONS:
            m = self._subject_after_adjunct(k + 1, cue.start)  # واتفق مع الرأيين | الاقتصادي عبدالله العمري، مشيرا
        # (واهتمت | بمستجدات العمليات …، مشيرة: a complement in ب/ل is no subject)
        if m is None or m.type == "unknown" or self._prepositional(m):
            return None
        head = strip_proclitics(m.text.split(" ", 1)[0])
        if (lead_verb or after_qad) and not ((m.name and m.title) or head in ANONYMOUS_HEADS or is_head_noun(head)):
            # (a lead's verb may be no verb at all, and after قد a verb may take its object first:
            # only a titled name or a known head is its subject)
            return None
        return m

    def narrative_subjects(self, before: list[tuple[int, int]]) -> list[SilentSubject]:
        """Who a narrative sentence is about, salient for the zero subjects after it: the subject
        after the verb that opens it (ودانت مملكة البحرين التفجير، دافع كيري عن القرار) or the
        subject it opens with before its verb (لوران فابيوس قد عبر عن صدمته …، واعتبر أن …).

        Only the few sentences just before each cue of ``before`` (the cues with no subject of
        their own, each with the previous quoting cue's offset) are read, and none before that
        previous cue: a narrative subject further back has been overtaken by the speakers in
        between, and reading every sentence of every article was a fifth of the extractor's
        time."""
        doc = self.doc
        found = []
        seen = set()
        ends = (-1, *doc.sentences.ends)
        near: set[int] = set()
        for at, previous in before:
            k = bisect_left(ends, at)
            first = max(0, k - _NARRATIVE_REACH, bisect_left(ends, previous) - 1)
            near.update(ends[first:k])
        for end in sorted(near):
            k = self._past_opening_adjunct(doc.tokens.index_at(end + 1))
            if k + 1 >= len(doc.tokens.words) or k in doc.cue_at_token or k in seen:
                continue
            seen.add(k)
            found += self._verb_first(k) or self._subject_first(k) or self._named_after_but(k)
        return found

    def _named_after_but(self, k: int) -> list[SilentSubject]:
        """لكن سلامة يتحدث أيضا عن …: after لكن that opens a sentence, a person's name and the
        verb after it (only a name: «لكن أحد الأصدقاء بدا …» is read no further)."""
        words = self.doc.tokens.words
        if words[k] not in ("لكن", "ولكن") or k + 2 >= len(words):
            return []
        found = self._subject_first(k + 1)
        return found if found and found[0].mention is not None and found[0].mention.type == "person" \
            and found[0].mention.name else []

    def clause_subjects(self, cues: list[Cue]) -> list[SilentSubject]:
        """The subject of a clause after أن or لكن that a coordinated cue continues in the same
        sentence (غير أن الأمانة قامت بالتوضيح | وأكدت …، الغريب أن هيئة الطيران المدني تجرأت |
        وأعلنت …): the clause opens inside the sentence, where the narrative reader does not look.
        Not when a cue comes earlier in the sentence: the clause may then be what it reports."""
        doc = self.doc
        words = doc.tokens.words
        found = []
        for cue in cues:
            if cue.proclitics[:1] != "و" or cue.pos != "verb":
                continue
            first = doc.tokens.index_at(doc.sentences.start_before(cue.start))
            if any(k in doc.cue_at_token for k in range(first, cue.token_index)):
                continue
            opener = next((k for k in range(cue.token_index - 2, max(first, cue.token_index - 16) - 1, -1)
                           if words[k] in _CLAUSE_COMPLEMENTISERS), None)
            if opener is None:
                continue
            subject = self._subject_first(opener + 1)
            if subject and subject[0].at < cue.start:
                found += subject
        return found

    def past_opening_adjunct_at(self, cue: Cue) -> bool:
        """The cue is the verb its sentence opens with after a turn of the narrative (في البداية
        أشاد …، من جانبه أكد …): the verb of a clause, not a noun of the same letters."""
        first = self.doc.tokens.index_at(self.doc.sentences.start_before(cue.start))
        return first < cue.token_index and self._past_opening_adjunct(first) == cue.token_index

    def _past_opening_adjunct(self, k: int) -> int:
        """The first token after a short prepositional phrase and its comma, or after «بدوره» with
        or without one, that open a sentence (من جهة أخرى، رفض روحاني …؛ وفي سياق متصل، أكدت الوزارة
        …؛ بدوره، دان …؛ وبدورها عبرت …): the clause starts there."""
        words, starts, ends = self.doc.tokens.words, self.doc.tokens.starts, self.doc.tokens.ends
        if k < len(words) - 1 and words[k].removeprefix("و") in _TURN_ADVERBS:
            return k + 1  # بدوره، دان …؛ وبدورها عبرت الجبهة …: with or without its comma
        if k < len(words) - 1 and words[k].removeprefix("و") in _CONNECTIVES_BEFORE_VERB \
                and self._verb_gender(words[k + 1], no_article=self._hamza_alif(k + 1)) is not None:
            return k + 1  # كما زار المحافظ …، ثم أعلن الوزير …: a connective, then the sentence's verb
        if k >= len(words) or words[k].removeprefix("و") not in SUBJECT_PREPOSITIONS:
            return k
        for j in range(k, min(k + 4, len(words) - 1)):
            between = self.text[ends[j]:starts[j + 1]]
            if "،" in between or "," in between:
                return j + 1
            if between.strip():
                return k
            if j > k and _TURN_PHRASE_END.fullmatch(words[j]) \
                    and self._verb_gender(words[j + 1], imperfective=True, no_article=self._hamza_alif(j + 1)) is not None:
                return j + 1  # من جانبه | يتفق …، إلى ذلك | كشف …: a turn of the narrative with no comma, then the verb
        return k

    def _hamza_alif(self, k: int) -> bool:
        """Token ``k`` opens, after و or ف, with ال that the article writes أل or إل: a hamza the
        definite article never carries (ألقى، وألغى)."""
        word = self.doc.tokens.words[k]
        at = 1 if word[:1] in ("و", "ف") and word[1:3] == "ال" else 0
        if word[at:at + 2] != "ال":
            return False
        return self.doc.norm.spelled_at(self.doc.tokens.starts[k] + at) in ("أ", "إ")

    def _verb_gender(self, word: str, after_qad: bool = False, imperfective: bool = False,
                     no_article: bool = False) -> str | None:
        """"m", "f" or "" for a word that opens a narrative clause as a verb, else None. With the
        word classes, a third-person perfective reading; without, the shape و + a word that is
        not a known non-verb. ``no_article``: the word's ال is no article (_hamza_alif)."""
        classes = self.doc.phrases.classes
        if classes is not None:
            gender = classes.narrative_verb(word, after_qad, imperfective, no_article)
            if gender is not None or not word.startswith("و") or prepositional_opening(word):
                return gender
        if word.startswith("و") and len(word) >= 4 and word not in _NOT_VERBS and word[1:3] != "ال":
            return "f" if word.endswith("ت") else ""
        return None

    def _verb_first(self, k: int) -> list[SilentSubject]:
        doc, text = self.doc, self.text
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        gender = self._verb_gender(words[k], imperfective=True, no_article=self._hamza_alif(k))
        if gender is None or text[ends[k]:starts[k + 1]].strip():
            return []  # ولذلك، …: punctuation after the word: no verb and subject
        limit = doc.sentences.end_after(ends[k])
        start = self._past_turn_adverb(starts[k + 1], limit)
        subject_end = self.doc.phrases.extent(start, limit)
        mention = self.doc.phrases.mention(start, subject_end) if subject_end > start else None
        mention = self.without_object(mention)
        if mention is None and words[k + 1] in SUBJECT_PREPOSITIONS:
            mention = self._subject_after_adjunct(k + 1, limit)
        if mention is None or mention.type == "unknown" or self._accusative(mention.start):
            return []
        return [SilentSubject(starts[k], gender or None, mention, narrative=True)]

    def without_object(self, mention: Mention | None, keep_modifier: bool = False) -> Mention | None:
        """A body read as the subject of a narrative verb, without the verb's object that the
        phrase ran into (تعتزم الشركة السعودية للكهرباء | طرح مناقصة). With ``keep_modifier``, no
        cut is made before في: in the phrase of a cue's subject, which has already ended at an
        occasion (في بيان), «في غزة» in «وزارة الصحة في غزة» is the body's place («من جديد» after
        «أكدت حكومة العراق» is still cut)."""
        if mention is None or mention.type != "organisation":
            return mention
        name_end = body_object_start(self.text, mention.start, mention.end, self.doc.phrases.classes)
        if name_end == mention.end:
            return mention
        if keep_modifier:
            after = _WORD.search(self.text, name_end, mention.end)
            if after is not None and after.group() == "في":
                return mention
        return self.doc.phrases.mention(mention.start, name_end)

    def _subject_after_adjunct(self, k: int, limit: int) -> Mention | None:
        """وظهر على قناة «سي إن إن» أيضا | بنيامين نتنياهو، …: a short prepositional phrase between
        the verb and its subject. Only a named person is taken, and only within five words."""
        doc = self.doc
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        classes = doc.phrases.classes
        if classes is None or k + 1 >= len(words) or (
                classes.name_evidence(words[k + 1]) in ("proper", "unanalysed") and not is_definite(words[k + 1])):
            return None  # (شارك على تويتر فيسبوك جوجل بلس: a run of names after the preposition is its object)
        for p in range(k + 2, min(k + 7, len(words))):
            if starts[p] >= limit or any(ch in self.text[ends[p - 1]:starts[p]] for ch in ".:()\n،,"):
                return None
            if p > k + 2 and is_definite(words[p]) and words[p][:1] not in ("و", "ف", "ل", "ب"):
                # واتفق مع الرأيين السابقين | الاقتصادي عبدالله العمري: a definite role word, then a
                # name of two words at least whose given name the analyser knows as one
                end = doc.phrases.extent(starts[p], limit)
                titled = doc.phrases.mention(starts[p], end) if end > starts[p] else None
                if (titled is not None and titled.type == "person" and titled.title == words[p]
                        and len(titled.name.split()) >= 2 and classes.name_evidence(titled.name.split()[0]) in ("proper", "ambiguous")):
                    return titled
            if p == k + 2 or words[p - 1] in SUBJECT_PREPOSITIONS or is_definite(words[p]) \
                    or classes.name_evidence(words[p]) not in ("proper", "unanalysed", "ambiguous"):
                continue  # (على تويتر: the preposition's own object is no subject)
            end = doc.phrases.extent(starts[p], limit)
            found = doc.phrases.mention(starts[p], end) if end > starts[p] else None
            if found is not None and found.type == "person" and found.name_start == found.start \
                    and len(found.name.split()) >= 2 and (found.title or self.text[found.name_end:].lstrip(" ")[:1] in "،,") \
                    and all(classes.name_evidence(w) != "no" for w in found.name.split()):
                return found  # (a name with its title or apposition: not «تويتر فيسبوك جوجل بلس»)
        return None

    def _amma_topic(self, k: int) -> list[SilentSubject]:
        """أما X، فـ…: the topic X is who the clause after فـ is about (أما محمد البحراني أحد
        المزارعين، فيذكر … بقوله: …), whatever the verb's form."""
        doc = self.doc
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        limit = doc.sentences.end_after(starts[k])
        for j in range(k + 2, min(k + 10, len(words))):
            if starts[j] >= limit or any(ch in self.text[ends[j - 1]:starts[j]] for ch in ".:()\n"):
                return []
            if words[j][:1] == "ف" and len(words[j]) > 2 and j - 1 > k:
                end = doc.phrases.extent(starts[k + 1], starts[j])
                mention = doc.phrases.mention(starts[k + 1], end) if end > starts[k + 1] else None
                if mention is None or mention.type in ("unknown", "pronoun") or not (
                        mention.name_start == mention.start
                        or strip_proclitics(words[k + 1]) in _PERSON_OR_BODY_HEADS):
                    return []  # (أما وقت الانتظار …: a topic that is no one)
                return [SilentSubject(starts[j], None, mention, narrative=True)]
        return []

    def _subject_first(self, k: int) -> list[SilentSubject]:
        """A sentence that opens with its subject: the verb follows a definite word (a family
        name, a body: مقتدى الصدر نشر …) or قد (لوران فابيوس قد عبر …)."""
        doc = self.doc
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        if words[k] in _AMMA:
            return self._amma_topic(k)
        if words[k] in KANA and k + 2 < len(words):
            k += 1  # وكان «الأزهر» استنكر …: كان, its subject, the verb
        if doc.phrases.classes is None or words[k] in STOPWORDS or prepositional_opening(words[k]):
            return []  # وباللون الأحمر حملت الصحيفة …: a prepositional phrase, not the subject
        limit = doc.sentences.end_after(starts[k])
        end = doc.phrases.extent(starts[k], limit)
        last = doc.tokens.index_at(end) if end > starts[k] else k
        for j in range(k + 1, min(last + 2, k + 9, len(words))):
            if any(ch in self.text[ends[j - 1]:starts[j]] for ch in ".:()\n"):
                return []  # (quotation marks may wrap a name: وكان "الأزهر" استنكر)
            # the verb may follow قد, the subject's first word, or a definite word that closes it
            gender = None
            imperfective = False
            after_qad = words[j] == "قد"
            if after_qad or j - 1 == k or is_definite(words[j - 1]):
                verb = j + 1 if after_qad else j
                if verb < len(words) and starts[verb] < limit:
                    gender = self._verb_gender(words[verb], after_qad=after_qad)
                    if gender is None and not after_qad:
                        # (an imperfective too, after a person's name: لكن سلامة يتحدث أيضا عن …)
                        gender = self._verb_gender(words[verb], imperfective=True)
                        imperfective = gender is not None
            if gender is not None:
                mention = doc.phrases.mention(starts[k], ends[j - 1])
                if mention is None or mention.type in ("unknown", "pronoun"):
                    return []
                if imperfective and not (mention.type == "person" and mention.name):
                    return []
                return [SilentSubject(starts[j], gender or None, mention, narrative=True)]
        return []

    def phrase(self, start: int, limit: int, strip_leading: bool) -> Mention | None:
        """A source phrase at ``start``; after a quotation the phrase keeps the blank before it."""
        text = self.text
        at = start + len(text[start:limit]) - len(text[start:limit].lstrip()) if strip_leading else start
        end = self.doc.phrases.extent(at, limit)
        return self.doc.phrases.mention(start, end) if end > start else None

    def for_span(self, span: ContentSpan) -> SpeakerMention:
        if span.subject == SUBJECT_AFTER_CUE:
            mention, rule = self.after_cue(span.cue, span.zone[1])
        elif span.cue.pos == "according" and _relays(self.text[span.cue.end:span.zone[0]], span.pair is not None):
            mention, rule = None, "none"  # «…»، حسب ما نقلته وكالة أنباء مهر: the agency relays the words
        else:
            mention = self.phrase(*span.zone, strip_leading=span.subject == SUBJECT_AFTER_QUOTE)
            rule = "source_phrase" if mention is not None else "none"
        if mention is None and span.cue.pos == "participle":
            subject = self.sentence_subject(span.cue)
            if subject is not None:
                return SpeakerMention(None, subject, "sentence_subject")
        return SpeakerMention(mention, mention, rule)


_RELAY_VERB = regex.compile(r"(?<![\p{L}])نقل(?:ت|ته|ه|ها|تها)?(?![\p{L}])")
_FROM_HIM = regex.compile(r"(?<![\p{L}])(?:عنه|عنها|عنهم)(?![\p{L}])")


def _relays(between: str, quoted: bool) -> bool:
    """«حسب ما نقلته X» after quoted words, or «حسب ما نقلت عنه X» after any: X relays what the
    speaker named before said, it is not the speaker («نقل X عن Y» goes to Y)."""
    return _RELAY_VERB.search(between) is not None and (quoted or _FROM_HIM.search(between) is not None)


# The nouns of a statement and its occasions (حديث، كلمة، تصريح، زيارة …): with a possessive
# pronoun, alone after a verb of finishing or going on, they are that verb's object.
_STATEMENT_NOUNS = lexicon.words("statement_occasions")


# فيه، فيها after a verb: «in it», the statement named before (بيانا أعلنت فيه، كلمة قال فيها)
_RESUMPTIVE_IN = frozenset(("فيه", "فيها", "فيهما"))
# قد with و، ف or ل opens a clause with its verb (فقد عبر الحزب …); bare قد mostly follows its subject
_QAD = frozenset(("فقد", "وقد", "لقد"))
# the words a clause's verb follows inside a sentence (كما ألقى …، بعد أن نشرت …): the clause
# openers and the connectives, but not قد or كان alone, after which the subject comes before the
# verb («كانت الهيئة قد أطلقت سلسلة تغريدات»)
_CLAUSE_OPENERS_BEFORE_VERB = (_CLAUSE_OPENERS | _CONNECTIVES_BEFORE_VERB) - KANA - {"قد"}


def _own_talk(text: str) -> bool:
    """A lone statement noun with a third-person possessive (حديثه، كلمتها، تصريحاته)."""
    return " " not in text and any(stem in _STATEMENT_NOUNS for stem in possessed_stems(text, THIRD_PERSON_SUFFIXES))


def find_mentions(doc: Document, spans: tuple[ContentSpan, ...]) -> tuple[SpeakerMention, ...]:
    """The speaker phrase of every span, in the same order."""
    reader = _Reader(doc)
    return tuple(reader.for_span(span) for span in spans)


def _refers_back(mention: Mention) -> bool:
    """A short description with no name (الوزارة، المصدر، الرئيس): it may name someone met as the
    subject of a verb that quoted nothing (وأعلنت وزارة الصحة ارتفاع …، وأضافت الوزارة أن …)."""
    return not mention.name and len(mention.text.split()) <= 2


def _word_right_before(doc: Document, cue: Cue) -> str:
    """The word right before the cue, with only spaces between them; "" when there is none."""
    k = cue.token_index - 1
    return doc.tokens.words[k] if k >= 0 and not doc.text[doc.tokens.ends[k]:cue.start].strip() else ""


def _relays_from(doc: Document, cue: Cue) -> bool:
    """«نقل X عن Y»: the relay's عن within the next few words of the sentence shows نقل in its
    sense of handing words down (not «carried»); its subject is then the source after عن."""
    return cue.lemma == "نقل" and word_within(doc, cue, ("عن",), 5)


def _after_qad(doc: Document, cue: Cue) -> bool:
    """The cue follows فقد، وقد or لقد, which open a clause with its verb (فقد عبر الحزب …)."""
    return _word_right_before(doc, cue) in _QAD


def _after_its_subject(doc: Document, cue: Cue) -> bool:
    """The cue follows a definite word with nothing between them (الجانبين أكدا): its subject."""
    before = _word_right_before(doc, cue)
    return bool(before) and not cue.proclitics and is_definite(before)


def _inside_content(contents: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of the reported contents (sorted (start, end) pairs)."""
    k = bisect_left(contents, (pos + 1,)) - 1
    return k >= 0 and contents[k][0] <= pos < contents[k][1]


def find_silent_subjects(doc: Document, spans: tuple[ContentSpan, ...],
                         mentions: tuple[SpeakerMention, ...]) -> tuple[SilentSubject, ...]:
    """The subjects of the reporting verbs and participles that quote nothing. They matter only
    to quotes with no subject of their own or with a short description that may refer back to
    one, so none are read when every quote has a subject that names its speaker."""
    if all(m.mention is not None and not _refers_back(m.mention) for m in mentions):
        return ()
    reader = _Reader(doc)
    quoted = {s.cue.start for s in spans}
    last_quote = max(quoted, default=-1)
    contents = sorted((s.start, s.end) for s in spans if s.end > s.start)
    found = []
    for cue in doc.cues:
        if cue.start > last_quote:
            break  # a subject after the last quote's cue is no one's antecedent
        if cue.start in quoted or nested(doc, cue) or (
                _inside_content(contents, cue.start) and _after_its_subject(doc, cue)):
            continue  # (…، مفيدا بأن الجانبين أكدا …: a verb after its subject inside reported words is theirs)
        if (cue.pos == "verb" and (not cue.strict or clause_initial(doc, cue, strict=True) or _after_qad(doc, cue)
                                   or reader.past_opening_adjunct_at(cue))
                and (cue.lemma not in HOMOGRAPH_LEMMAS or governs_its_preposition(doc, cue) or _relays_from(doc, cue))):
            # بين الكتابين …: a homograph that quotes nothing is no verb, unless the preposition
            # of its speech sense follows (وعبرت الجبهة الشعبية عن إدانتها …، ونقل التقرير عن العمادي …)
            zone_end = min(doc.sentences.end_after(cue.end), cue.end + 300)
            # (أعلنت وزارة الصحة | تسجيل حالتين: a verb that quotes nothing has its object after the body)
            found.append(SilentSubject(cue.start, cue.gender, reader.without_object(reader.after_cue(cue, zone_end)[0], keep_modifier=True)))
        elif cue.pos == "participle":
            # «كما أدان الأمين العام بان كي مون الحادث، داعياً …»: the participle names no
            # subject, but the sentence's own subject is the one who keeps speaking
            found.append(SilentSubject(cue.start, cue.gender, reader.sentence_subject(cue)))
    cue_starts = [s.cue.start for s in spans]
    found += reader.narrative_subjects([(s.cue.start, cue_starts[i - 1] if i else -1)
                                        for i, (s, m) in enumerate(zip(spans, mentions, strict=True))
                                        if m.mention is None])
    found += reader.clause_subjects([s.cue for s, m in zip(spans, mentions, strict=True) if m.mention is None])
    found.sort(key=lambda s: s.at)
    return tuple(found)
