"""The span stage: for each reporting cue, the content it introduces and the construction.

For each cue the stage reads forward over the subject and adjuncts to the content: a
complementiser (إن، أن، بأن، إلى أن، على أن …) opens a reported clause, a colon or an opening
quotation mark opens a direct quotation. A clause runs to the end of its sentence or to the
next cue that opens another report; coordinated أن-clauses stay in one quotation because
«وأن» is no cue. Cues after the content («…»، يقول X; بحسب ما قال X) and according-to
phrases are read backwards. Each span records where its subject may be (``zone``); the
mention stage decides the subject itself. Constructions are named in ``rules.py``.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from . import lexicon
from .clauses import after_relative, clause_initial, nested, pair_opening_in
from .cues import GOVERNED_PREPOSITIONS, Cue
from .document import Document
from .marks import QuotePair, has_words, trim
from .names import NameIndex
from .normalize import strip_proclitics
from .phrases import (
    ANONYMOUS_HEADS,
    COMPLEMENTISERS,
    DOCUMENT_HEADS,
    GLUE,
    HONORIFICS,
    ORGANISATION_HEADS,
    RELATIVE_PRONOUNS,
    THIRD_PERSON_SUFFIXES,
    TITLE_HEADS,
    Mention,
    content_start_after,
    is_definite,
    is_fa_complementiser,
    possessed_stems,
    quoted_subject,
)
from .rules import CONSTRUCTIONS

_CONNECTORS = lexicon.words("connectors")
# the lexicon's pronoun carriers of لكن and أن (لكنه، أنها …): the reporter's «لكنه اعترف»، «إلا أنه أفصح»
_CONTRAST_CARRIERS = frozenset(w for w in lexicon.words("pronoun_carriers") if w.startswith("لكن"))
# أنه، أنها، أنهم …: «that he/she/they», the carriers that announce a clause
THAT_CARRIERS = frozenset(w for w in lexicon.words("pronoun_carriers") if w.startswith("انه"))
MEDIA_AND_GROUPS = lexicon.words("media_and_groups")
NAMED_THINGS = lexicon.words("named_things") | MEDIA_AND_GROUPS
# the heads a source's title may open with after an according-to cue: a role, a style, a body,
# a medium, a document or an anonymous source
_SOURCE_TITLE_HEADS = TITLE_HEADS | HONORIFICS | ORGANISATION_HEADS | DOCUMENT_HEADS | ANONYMOUS_HEADS | MEDIA_AND_GROUPS
# Works whose quoted title may be as long as a sentence (بعنوان «…»، في كتابه «…»، روايته «…»):
# right after them, with no colon, the marks hold the title, however many words it has
_WORKS = frozenset(("عنوان", "كتاب", "روايه", "ديوان", "قصيده", "مسرحيه", "فيلم", "مسلسل", "اغنيه", "مقال", "مقاله"))
_CONJUNCTION_HEADS = lexicon.words("conjunction_heads")
# The heads of a time or manner clause (قبل أن، دون أن): short, and the cue's own clause may follow
# it, where a reason (خاصة أن، رغم أن) runs on with complementisers of its own.
_TIME_CONJUNCTION_HEADS = frozenset(("قبل", "بعد", "دون", "بدون", "منذ", "بمجرد"))
assert _TIME_CONJUNCTION_HEADS <= _CONJUNCTION_HEADS
_STANCE_NOUNS = lexicon.words("attitude_nouns")
_STANCE_SUFFIXES = (*THIRD_PERSON_SUFFIXES, "نا")  # أمله، أملها، أملنا
_CLAUSE_CONNECTIVES = frozenset(("لكن", "ولكن", "كما", "ثم", "فيما", "بينما", "بل"))  # open a clause, subject first
_MIN_DIRECT_WORDS = 3
# كما، حسبما: «as (X says)»; the clause that answers them opens with فإن (كما قال الوزير فإن …)
_AS_WHAT = frozenset(("كما", "وكما", "حسبما", "وحسبما", "بحسبما", "وبحسبما", "مثلما", "ومثلما"))
_IT_IS = frozenset(("وهو", "وهي", "وهذا", "هو", "هي", "هذا"))  # وهو ما يشير إلى: «which indicates»
MAX_UNCLOSED = 3000  # characters an unclosed quotation mark may take in (about a long paragraph)

_WORD_BEFORE = regex.compile(r"([\p{L}]+)\s*$")
_WORD_AFTER = regex.compile(r"[\s،,]*([\p{L}]+)")
_LETTER_AFTER = regex.compile(r"\s*([\p{L}])")
# what opens the reporter's frame after a quotation: a relative clause or a time adjunct
_FRAME_OPENERS = RELATIVE_PRONOUNS | frozenset(("بعد", "قبل", "منذ", "عقب", "اثر", "خلال", "حين", "عندما"))
# بحسب ما نقلته | بحسب ما أفاد به …: the relative's verb, and its resumptive pronoun when apart
_MA_WORD = regex.compile(r"\s*(?:ما|لما)\s+[\p{L}]+(?:\s+(?:به|بها|بهم|عنه|عنها|فيه|فيها)(?![\p{L}]))?")
# حسبما أفادت المصادر: ما is written onto the cue, and its verb follows it
_VERB_AFTER_MA = regex.compile(r"\s+[\p{L}]+(?:\s+(?:به|بها|بهم|عنه|عنها|فيه|فيها)(?![\p{L}]))?")
_MA_VERB = regex.compile(r"\s*(?:ما|لما)\s+(\S+)")
_FA_INNA = regex.compile(r"(?:،|,)?\s*(?<![\p{L}])(?:ف|و)?(?:ان|انه|انها|انهم)\s")  # a word of its own: not بيان
# Verbs that report only with the words at once after them and their subject (وواصل: …), and the
# words for the speech they may take first (وواصل حديثه بأن …، وواصل قوله: …)
_AT_ONCE_LEMMAS = frozenset(("واصل",))
# ختم and اختتم («concluded») report words; with their subject's own thing after them (تدريباته،
# معسكره، موسمه) they end a training, a camp or a season. The words for speech (حديثه، كلمته،
# تصريحه، بيانه، مقاله، رسالته، بقوله، بالقول، بالدعاء، بالإشارة …) carry a pronoun too.
_CLOSING_LEMMAS = frozenset(("ختم", "اختتم"))
_WORD_RUN = regex.compile(r"\p{L}+")
_CLOSING_SPEECH = regex.compile(
    r"(?:و|ب|وب)?(?:ال)?(?:قول|حديث|كلام|كلم|تصريح|تصريحات|بيان|مقال|مقالت|رسالت|خطاب|خطبت|كلمت|اعتذار|دعاء|اشار|تاكيد|"
    r"توضيح|شكر|حمد|تعليق|تغريدت|حوار|مداخلت|لقاء|ندوت|محاضرت)(?:ه|ها|هم|هما)?")
_SPEECH_WORDS = regex.compile(r"(?:قول|حديث|كلام|تصريح)(?:ه|ها|هم)?|القول|الحديث")
_WORDING = regex.compile(r"(?:تعبير|قول|وصف|رأي|راي)(?:ه|ها|هم)$")
_TAIL_ADJUNCT = regex.compile(r"[\s،,]*(?:في|خلال|عبر|امس|اليوم)\b")
_GAP_ONLY = regex.compile(r"[\s،,.\-–—]*$")
# a relative clause closed by a comma, then a complementiser: the clause a verb before it reports
# «بقوله تعالى:»، «قوله صلى الله عليه وسلم:»: a eulogy after the wording names whose words they are
_EULOGY_AFTER = regex.compile(rf"\s+(?:{lexicon.alternation('eulogies')})(?![\p{{L}}])")
# a comma and a connective that opens a clause, or a parenthesis: what follows is no subject
_CLAUSE_ON_THE_WAY = regex.compile(r"[،,]\s*(?:و?لكن|بل|ثم|حيث|بينما|فيما)(?![\p{L}])|[()]")
_THAT_AFTER_NEXT_COMMA = regex.compile(r"[^،.\n]*،\s*(?:ب)?(?:ان|انه|انها|انهم)(?![\p{L}])")
# what shows that a word reports: a complementiser (بأن، على أن), a colon, or a quotation mark
# within a few words (معتبرا ذلك «تطورا مهما»)
_REPORT_FOLLOWS = regex.compile(r"\s*(?:[^.،,\n«\"“]{0,30}[:«\"“]|(?:ب|علي |الي )?ان\b|انه|انها)")

# how a span's subject is found (see mentions.py)
SUBJECT_AFTER_CUE = "after_cue"  # the words between the cue and the content
SUBJECT_PHRASE = "phrase"  # a noun phrase that starts at zone[0]
SUBJECT_AFTER_QUOTE = "after_quote"  # «…»، يقول X: the phrase after the cue, blanks before it kept


def _names_a_work(word: str) -> bool:
    """The word is a work's noun, bare or with a possessive (كتابه، روايتها → روايه)."""
    return word in _WORKS or any(stem in _WORKS for stem in possessed_stems(word, THIRD_PERSON_SUFFIXES))


@dataclass(frozen=True)
class ContentSpan:
    """The content of one cue; offsets index the folded text (end -1: a clause not yet ended)."""

    cue: Cue
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    construction: str  # an id of rules.CONSTRUCTIONS
    zone: tuple[int, int]  # where the subject is looked for
    subject: str  # SUBJECT_AFTER_CUE or SUBJECT_PHRASE
    pair: QuotePair | None = None
    base_confidence: float = 0.9

    def with_content(self, start: int, end: int, kind: str, pair: QuotePair | None,
                     base_confidence: float | None = None) -> ContentSpan:
        """The span with other content (and confidence): built directly, since dataclasses.replace
        reads the class's fields at every call, which cost five times the construction (1% of a
        run)."""
        return ContentSpan(self.cue, start, end, kind, self.construction, self.zone, self.subject, pair,
                           self.base_confidence if base_confidence is None else base_confidence)


class _Finder:
    """The span stage over one document."""

    def __init__(self, doc: Document, names: NameIndex) -> None:
        self.doc = doc
        self.text = doc.text
        self.names = names
        self.cue_starts = [c.start for c in doc.cues]

    def span(self, construction: str, cue: Cue, start: int, end: int, kind: str, zone: tuple[int, int],
             subject: str = SUBJECT_AFTER_CUE, pair: QuotePair | None = None, factor: float = 1.0) -> ContentSpan:
        return ContentSpan(cue, start, end, kind, construction, zone, subject, pair,
                           CONSTRUCTIONS[construction].confidence * factor)

    # -- content after the cue -------------------------------------------------------------
    def forward(self, cue: Cue) -> ContentSpan | None:
        """Read from the cue over its subject to a colon, a quotation mark or a complementiser.

        Complexity (radon ~30) kept in one function on purpose: it is one left-to-right walk
        over the tokens after the cue, and each branch either ends the walk with a span or
        moves its position on; split up, the position, the token index and the subject zone
        would travel between functions on every token of the extractor's hottest loop.
        """
        doc, text = self.doc, self.text
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        n = len(words)
        limit = doc.sentences.end_after(cue.end)
        k = cue.token_index + 1
        pos = cue.end
        subject_end: int | None = None  # where the subject zone stops (masdar/participle marker)
        steps = 0
        # The first colon and the first quotation mark at or after ``pos``, found once and
        # moved on only when ``pos`` passes them: looking in every gap between words was a
        # search and a function call per word of the walk.
        next_colon = text.find(":", pos, limit)
        opens, pair_at = doc.pair_index.opens, doc.pair_at
        n_opens = len(opens)
        next_open = bisect_left(opens, pos)
        governed = GOVERNED_PREPOSITIONS.get(cue.lemma, ())
        cue_at_token = doc.cue_at_token
        in_relative = False  # inside «، التي …،»: a complementiser there is the relative clause's
        past_time_clause = False  # after «قبل أن …»: only إن or بأن opens what was said
        said = False  # past «قائلاً» or «قوله»: what follows a colon is the words themselves
        while k <= n:
            next_start = starts[k] if k < n else len(text)
            gap_end = next_start if next_start < limit else limit
            if next_colon != -1 and next_colon < pos:
                next_colon = text.find(":", pos, limit)
            colon = next_colon if next_colon != -1 and next_colon < gap_end else -1
            while next_open < n_opens and opens[next_open] < pos:
                next_open += 1
            pair = pair_at[opens[next_open]] if next_open < n_opens and opens[next_open] < gap_end else None
            if colon != -1 and (pair is None or colon < pair.open_at):
                return self._after_colon(cue, colon, subject_end or colon,
                                         said and _CLAUSE_ON_THE_WAY.search(text, cue.end, colon) is None)
            if pair is not None:
                inner = text[pair.open_at + 1:pair.close_at]
                if has_words(inner, _MIN_DIRECT_WORDS) and not self._is_quoted_name(pair, cue):
                    return self._direct(cue, subject_end or pair.open_at, pair, "cue_quotation")
                pos = pair.close_at + 1  # a scare-quoted name inside the subject: go on
                while k < n and starts[k] < pos:
                    k += 1
                continue
            if next_start >= limit or k >= n:
                return None
            word = words[k]
            if word in RELATIVE_PRONOUNS and "،" in text[ends[k - 1]:next_start]:
                # وقال القيادي في الحلقة، التي يرجح أن تسجيلها …، بأن …: the verb's own clause comes
                # after the relative clause closes (but «…، الذي بيّن أنه …» has no other)
                in_relative = _THAT_AFTER_NEXT_COMMA.match(text, next_start, limit) is not None
            elif in_relative and "،" in text[ends[k - 1]:next_start]:
                in_relative = False
            if word in COMPLEMENTISERS and not in_relative:
                if words[k - 1] in _CONJUNCTION_HEADS:
                    if words[k - 1] not in _TIME_CONJUNCTION_HEADS or cue.strict:
                        return None  # خاصة أن، رغم أن: a subordinate clause, not what was said
                    # وقال الوزير قبل أن يغادر القاعة | إن …: a time or a manner; what was said may follow
                    subject_end = subject_end or starts[k - 1]
                    past_time_clause = True
                elif past_time_clause and word[:1] != "ب" and doc.norm.spelled_at(starts[k]) != "إ":
                    pass  # جاء بعد أن طلب … واكتشف | أن …: a plain أن there is the object of the clause's verb
                elif not (k + 1 < n and words[k + 1] == "كي"):  # (أن never takes كي: «بان كي مون» is a name)
                    return self.span("cue_complementiser", cue, ends[k], -1, "indirect",
                                     (cue.end, subject_end or starts[k]))
            if word[:1] == "ف" and is_fa_complementiser(word, is_definite(words[k - 1]), text, ends[k]) \
                    and cue.token_index > 0 and words[cue.token_index - 1] in _AS_WHAT:
                # وحسبما تقول الإحصاءات | فإن ثلثي حالات الطلاق …: «as X says, (then) that …»
                return self.span("cue_complementiser", cue, ends[k], -1, "indirect", (cue.end, subject_end or starts[k]))
            if k + 1 < n and word in governed and starts[k] not in doc.spelled_names:
                # (أكّد علي أكبر ولايتي: in an article that writes على, علي spelled so is the name)
                opens_quote = pair_opening_in(doc, ends[k], starts[k + 1]) is not None
                if words[k + 1] not in COMPLEMENTISERS and not opens_quote and not self._stance_then_that(k + 1):
                    # شدد على وجود …: a noun object, not a reported clause — unless it quotes
                    # the speaker's words (أشارت إلى مقتل «أحد أفراد الطاقم …»)
                    return self.span("cue_noun_object_quotation", cue, starts[k + 1], -1, "nominal",
                                     (cue.end, subject_end or starts[k]))
            other = self._next_cue(k) if k in cue_at_token else None  # (most words are no cue)
            if other is None and cue.strict and k in cue_at_token and (
                    words[k - 1] == "مما" or (words[k - 1] == "ما" and words[k - 2] in _IT_IS)):
                # زاد الإنفاق … وهو ما يشير إلى أن …: the clause is what the relative's verb says, and
                # a homograph of a cue gives way to it (نفى الجيش ما أعلنه المتمردون من أن: its object)
                return None
            if other is not None:
                if other.pos in ("participle", "masdar") and other.lemma in ("قال", "قول"):
                    subject_end = subject_end or starts[k]  # وأضاف قائلاً: / عن الوزير قوله إن
                    # (مستدلاً بقوله تعالى: the words are scripture the speaker cites, not his; and a
                    # verb with another sense says only with the marker at once or after عن: وختم
                    # بالقول، نقل عن سعدات قوله — not يعد اعتداءً …، واستدل بقول …)
                    said = not _EULOGY_AFTER.match(text, ends[k]) and (
                        not cue.strict or k == cue.token_index + 1 or "عن" in words[cue.token_index + 1:k])
                else:
                    return None  # the content belongs to the nearer cue
            steps += 1
            if steps > 30:
                return None
            pos = ends[k]
            k += 1
        return None

    def _stance_then_that(self, k: int) -> bool:
        """«أعرب عن أمله (في) أن …»: a stance noun with its pronoun, then (after في or ب) a
        complementiser: the clause is what the speaker hopes or fears, and the walk goes on to it."""
        words = self.doc.tokens.words
        stance = any(stem in _STANCE_NOUNS for stem in possessed_stems(words[k], _STANCE_SUFFIXES))
        if not stance or k + 1 >= len(words):
            return False
        nxt = words[k + 1] if words[k + 1] not in ("في", "ب") else (words[k + 2] if k + 2 < len(words) else "")
        return nxt in COMPLEMENTISERS

    def _name_then_that(self, cue: Cue) -> bool:
        """«ففي دكان … يستبعد مصطفى قرطاش أن …»: a verb with a frequent other sense reports, even
        inside its sentence, when a person's name of two to four words and nothing else stands
        between it and أن: its subject, then what he said."""
        words, starts, ends = self.doc.tokens.words, self.doc.tokens.starts, self.doc.tokens.ends
        k = cue.token_index
        j = next((m for m in range(k + 3, min(k + 6, len(words))) if words[m] in COMPLEMENTISERS), None)
        if j is None or any(w in COMPLEMENTISERS for w in words[k + 1:j]) \
                or any(ch in self.text[ends[k]:starts[j]] for ch in "،,.:«\"“("):
            return False
        classes = self.doc.phrases.classes
        if classes is None or classes.name_evidence(words[k + 1]) not in ("proper", "ambiguous") or any(
                classes.name_evidence(w) == "no" and w not in GLUE and not classes.nisba(w) for w in words[k + 2:j]):
            return False  # (every word may be a name: not «تزيد قوة على أساس أن», «نفى علنا تقريرا بأنه»)
        mention = self.doc.phrases.mention(starts[k + 1], ends[j - 1])
        return (mention is not None and mention.type == "person" and not mention.title
                and mention.name_start == starts[k + 1] and mention.name_end == ends[j - 1])

    def _subject_then_that(self, cue: Cue) -> bool:
        """«لكن باخ رأى أن …»: a verb with a frequent other sense still reports when a short
        subject opens the clause before it and أن/إن follows it at once."""
        words, starts, ends = self.doc.tokens.words, self.doc.tokens.starts, self.doc.tokens.ends
        k = cue.token_index
        if k + 1 >= len(words) or words[k + 1] not in COMPLEMENTISERS:
            return False
        j = k
        while j > 0 and k - j < 3 and not self.text[ends[j - 1]:starts[j]].strip():
            if words[j - 1] in _CLAUSE_CONNECTIVES:
                return j < k
            j -= 1
        return j < k and (j == 0 or bool(self.text[ends[j - 1]:starts[j]].strip()))

    def _next_cue(self, k: int) -> Cue | None:
        """A cue at token ``k`` that takes the content from the cue being read."""
        other = self.doc.cue_at_token.get(k)
        if other is None:
            return None
        if other.strict and not clause_initial(self.doc, other, strict=True):
            return None  # «بين البلدين» inside the subject's adjunct: a preposition, not a verb
        if self.doc.tokens.words[k - 1] in ("ما", "لما", "حسبما", "بحسبما", "وفقما"):
            return None  # «بحسب ما نشرته وكالة …»: a parenthetical source, the clause goes on
        words = self.doc.tokens.words
        before = words[k - 2] if words[k - 1] == "قد" and k >= 2 else words[k - 1]
        if before in RELATIVE_PRONOUNS:
            return None  # «وقال الوزير خالد العطية الذي رحب بقدوم …، إن …»: a relative clause inside the subject
        return other

    def _after_colon(self, cue: Cue, colon: int, zone_end: int, said: bool = False) -> ContentSpan | None:
        text = self.text
        cstart = colon + 1
        pair = pair_opening_in(self.doc, cstart, min(len(text), cstart + 4))
        if pair is not None:
            return self._direct(cue, zone_end, pair, "cue_colon_quotation")
        end = self.doc.sentences.end_after(cstart)
        s, e = trim(text, cstart, end)
        says_that = text[s:s + 3] in ("إن ", "ان ", "أن ")
        if (cue.strict and not said) or (has_words(text, 9, cue.end, zone_end) and not says_that and not said
                                         and not self._said_after_long_subject(cue, zone_end)):
            # كتبت الكتاب الثالث: سيرة …: a colon after an object introduces no speech; but «: إن …»
            # after a long subject and its adjuncts is the statement, and so is whatever follows
            # «قوله:» (ونقلت الوكالة عن الرئيس قوله خلال اللقاء: إن …) whatever the verb
            return None
        s, e = self._until_reporter_resumes(s, e)
        if has_words(text, _MIN_DIRECT_WORDS, s, e):
            return self.span("cue_colon", cue, s, e, "direct", (cue.end, zone_end))
        return None

    def _said_after_long_subject(self, cue: Cue, zone_end: int) -> bool:
        """«وقال المتحدث الرسمي بقيادة حرس الحدود بالمنطقة الشرقية النقيب عمر بن محمد الأكلبي: …»:
        قال takes no object, so a colon after however long a subject and its adjuncts opens the
        words themselves — unless the verb carries its object (يقولها: the words came before) or a
        clause of its own opens on the way (…، لكن اليوم اختلط …: the colon is that clause's)."""
        return (cue.lemma == "قال" and not cue.enclitic
                and _CLAUSE_ON_THE_WAY.search(self.text, cue.end, zone_end) is None)

    def _until_reporter_resumes(self, s: int, e: int) -> tuple[int, int]:
        """Statement words without closing marks end where the reporter takes over again: a
        comma, then a reporting verb or participle that opens a clause («…، مبيناً أن …»، «…،
        كما أكد أن …»)."""
        for other in itertools.islice(self.doc.cues, bisect_right(self.cue_starts, s), None):
            if other.start >= e:
                break
            if other.pos not in ("participle", "verb") or not clause_initial(self.doc, other):
                continue
            before = self.text[max(s, other.start - 8):other.start].rstrip()
            # (a full stop too: an unclosed «… آخرين. وأشارت المصادر إلى أن …)
            if before.endswith(("،", ",", ".")) or before.endswith(("، كما", ", كما")):
                return trim(self.text, s, other.start)
        return s, e

    def _is_quoted_name(self, pair: QuotePair, cue: Cue) -> bool:
        """«سي إن إن ترك» after قناة, a quoted phrase the subject's verb still follows, or a short
        one right after the verb that its clause follows (the verb's quoted subject)."""
        before = _WORD_BEFORE.search(self.text, max(0, pair.open_at - 30), pair.open_at)
        if before and strip_proclitics(before.group(1), prepositions=True) in NAMED_THINGS \
                and not has_words(self.text, 6, pair.open_at, pair.close_at):
            return True
        # (كتابه is no preposition and a word: the word as written is asked first)
        if (before and (_names_a_work(before.group(1)) or _names_a_work(strip_proclitics(before.group(1), prepositions=True)))
                and pair.closed and "." not in self.text[pair.open_at:pair.close_at]
                and not has_words(self.text, 16, pair.open_at, pair.close_at)):
            return True
        after = _WORD_AFTER.match(self.text, pair.close_at + 1, pair.close_at + 40)
        if after and after.group(1) in COMPLEMENTISERS:
            return True
        # وأعلن «مكتب أخبار سوريا» المعارض أن …: a short name and its adjective, then the verb's clause
        # (وقالت «سابك» في بيان إن …: with a short adjunct between it and the reported words)
        return (not self.text[cue.end:pair.open_at].strip() and not has_words(self.text, 5, pair.open_at, pair.close_at)
                and quoted_subject(self.text, self.text[pair.open_at + 1:pair.close_at], pair.close_at + 1,
                                   content_start_after(self.text, pair.close_at + 1)))

    def _framed_after(self, pair: QuotePair) -> bool:
        """A quotation of a sentence or more, then the reporter's frame: a relative clause or a time
        adjunct (وقال: «هو مشروع لتوحيد المجتمع …» بعد انهيار نظام …، «… أثناء الاعتصام» الذي
        استمر …). The words after it are no part of the quote; after a short fragment they go on
        with it («خمسة قتلى وجريحين اثنين» من القوات …)."""
        nxt = _WORD_AFTER.match(self.text, pair.close_at + 1, pair.close_at + 30)
        return (nxt is not None and nxt.group(1) in _FRAME_OPENERS
                and has_words(self.text, 10, pair.open_at, pair.close_at))

    def _direct(self, cue: Cue, zone_end: int, pair: QuotePair, construction: str) -> ContentSpan:
        s, e = trim(self.text, *pair.inner)
        if not pair.closed:
            # an unclosed «… ends where the reporter takes over again: «…، مبيناً أن …
            s, e = self._until_reporter_resumes(s, e)
            if e - s > MAX_UNCLOSED:
                # a quotation that runs on for pages is no quotation: it ends at the last
                # sentence end within the cap (or at the cap) and the record says so
                cut = self.text.rfind(".", s, s + MAX_UNCLOSED)
                s, e = trim(self.text, s, cut + 1 if cut > s else s + MAX_UNCLOSED)
        follow = _LETTER_AFTER.match(self.text, pair.close_at + 1, pair.close_at + 4)
        if pair.closed and follow and construction == "cue_quotation" and not self._framed_after(pair):
            # «خمسة قتلى وجريحين اثنين» من القوات …: the quoted words are part of a longer clause
            return self.span("cue_clause_with_quotation", cue, pair.open_at, -1, "mixed", (cue.end, zone_end))
        return self.span(construction, cue, s, e, "direct", (cue.end, zone_end), pair=pair,
                         factor=1.0 if pair.closed else 0.85)

    # -- content before the cue ------------------------------------------------------------
    def _pair_just_before(self, pos: int) -> QuotePair | None:
        p = self.doc.pair_index.last_closed_before(pos)
        if p is not None and _GAP_ONLY.match(self.text, p.close_at + 1, pos):
            return p
        return None

    def backward(self, cue: Cue) -> ContentSpan | None:
        """Cue after the content: «…»، يقول X / «…»، بحسب ما قال X."""
        pair = self._pair_just_before(cue.start)
        if pair is None or not has_words(self.text, _MIN_DIRECT_WORDS, pair.open_at, pair.close_at):
            return None
        limit = self.doc.sentences.end_after(cue.end)
        start = cue.end
        m = _MA_VERB.match(self.text, start, limit)
        if m:
            start = m.end()
        s, e = trim(self.text, *pair.inner)
        return self.span("quotation_then_cue", cue, s, e, "direct", (start, limit), SUBJECT_AFTER_QUOTE, pair)

    def plausible_source(self, mention: Mention) -> bool:
        """«وفق المعايير»، «حسب الخطة» are not sources: after an according-to cue only a person
        with a title or a name the article gives, an anonymous source, a document or an
        institution counts."""
        head = strip_proclitics(mention.text.split()[0], prepositions=True)
        if mention.type in ("document", "pronoun"):
            return True
        if mention.type == "anonymous":
            return head in ANONYMOUS_HEADS  # مصادر مطلعة, not «متغيرات السوق»
        if mention.type == "organisation":
            return head in ORGANISATION_HEADS or head in MEDIA_AND_GROUPS or mention.text.split()[0] in ORGANISATION_HEADS
        if mention.type == "person":
            if self.names.knows_name(mention.name):
                return True
            if not mention.title:
                return False
            # a title the lexicons know, or a name that may be one: «وفق أفضل المعايير عالمية»، «طبقا
            # لطرق … بصورة» are read as a title and a name made of common words
            first = mention.title.split()[0]
            heads = {first, strip_proclitics(first), strip_proclitics(strip_proclitics(first, prepositions=True))}
            if any(h in _SOURCE_TITLE_HEADS for h in heads):
                return True
            classes = self.doc.phrases.classes
            return classes is None or any(classes.name_evidence(w) != "no" for w in mention.name.split())
        return False

    def _source(self, start: int, limit: int) -> tuple[int, Mention | None]:
        """Where the source phrase at ``start`` ends, and the phrase."""
        end = self.doc.phrases.extent(start, limit)
        return end, (self.doc.phrases.mention(start, end) if end > start else None)

    def according(self, cue: Cue) -> ContentSpan | None:
        """بحسب X فإن … (the source first) or … ، وفق X (the source after the content)."""
        text = self.text
        sent_start = self.doc.sentences.start_before(cue.start)
        limit = self.doc.sentences.end_after(cue.end)
        before = text[sent_start:cue.start].strip(" \n")
        after_cue = cue.end
        m = (_VERB_AFTER_MA if cue.word.endswith("ما") else _MA_WORD).match(text, after_cue, limit)
        if m:
            after_cue = m.end()
        lead = text[after_cue:limit]
        np_start = after_cue + len(lead) - len(lead.lstrip(" "))
        if cue.word in ("وفقا", "طبقا") and text[np_start:np_start + 1] == "ل" and text[np_start + 1:np_start + 2].isalpha():
            np_start += 1  # وفقاً لمصادر طبية: the lam of وفقاً لـ is written onto the source
        if before.endswith("و") and before[:-1].rstrip().endswith(("،", ",")):
            # …، وبحسب المصادر فإن المستوطنين أحرقوا …: a clause of its own after the comma
            rest = _FA_INNA.search(text[np_start:limit])
            if rest:
                _, mention = self._source(np_start, np_start + rest.start())
                if mention is not None and self.plausible_source(mention):
                    return self.span("according_then_content", cue, np_start + rest.end(), -1, "indirect",
                                     (np_start, np_start + rest.start()), SUBJECT_PHRASE)
        if not before or before in ("و", "ف") or before.endswith(("جاء", "ورد")):  # وجاء على لسان X أن
            rest = _FA_INNA.search(text[np_start:limit])
            if not rest:
                return None
            _, mention = self._source(np_start, np_start + rest.start())
            if mention is None or not self.plausible_source(mention):
                return None
            return self.span("according_then_content", cue, np_start + rest.end(), -1, "indirect",
                             (np_start, np_start + rest.start()), SUBJECT_PHRASE)
        return self._according_after(cue, sent_start, np_start, limit)

    def _according_after(self, cue: Cue, sent_start: int, np_start: int, limit: int) -> ContentSpan | None:
        """The post-posed source: the content precedes the cue in the same sentence."""
        text = self.text
        np_end, mention = self._source(np_start, limit)
        if mention is None or _WORDING.match(mention.text) or not self.plausible_source(mention):
            return None  # على حد تعبيره: marks the wording, the speaker is already known
        tail = text[np_end:limit]
        if has_words(tail, 4) and not _TAIL_ADJUNCT.match(tail):
            return None  # a parenthetical «بحسب X» inside a sentence whose own cue follows
        # the quoted words of the sentence are what the source said (… «…» بين البلدين، بحسب ما قال X)
        inside = [p for p in self.doc.pair_index.within(sent_start, cue.start) if p.closed and p.close_at < cue.start
                  and has_words(text, 2, p.open_at, p.close_at)]
        pair = inside[-1] if inside else None
        if pair is not None:
            s, e = trim(text, *pair.inner)
            return self.span("quotation_then_according", cue, s, e, "direct", (np_start, limit), SUBJECT_PHRASE, pair)
        s, e = trim(text, sent_start, cue.start)
        if not has_words(text, 4, s, e):
            return None
        return self.span("content_then_according", cue, s, e, "indirect", (np_start, limit), SUBJECT_PHRASE)

    # -- one cue ---------------------------------------------------------------------------------
    def for_cue(self, cue: Cue) -> ContentSpan | None:
        if cue.pos == "according":
            # «… أو إنه وحسب تلميذ بلاتر»: an according-to phrase inside a quotation is quoted speech
            return None if nested(self.doc, cue) else self.according(cue)
        if not (cue.pos in ("verb", "participle", "document") or (cue.pos == "masdar" and cue.proclitics[:1] == "ب")):
            return None
        tokens = self.doc.tokens
        prev = tokens.words[cue.token_index - 1] if cue.token_index > 0 else ""
        if prev in ("ما", "لما", "حسبما") or cue.word.startswith("حسبما"):
            return None  # part of «بحسب ما قال»: handled by the according-to cue
        if cue.pos == "masdar" and prev and self.doc.cue_at_token.get(cue.token_index - 1):
            return None
        if nested(self.doc, cue):
            return None  # speech reported inside a quotation belongs to the outer quotation
        span = self.forward(cue)
        if span is not None and cue.strict and (cue.pos == "verb" or self._adverb_homograph(cue)) \
                and not clause_initial(self.doc, cue, strict=True) and not self._subject_then_that(cue) \
                and not self._name_then_that(cue):
            # participles (مبيناً، واصفاً) are unambiguous: only verbs are checked, and a participle
            # that is also an adverb (خسرها أمام اليابان مجددا «again», not «renewing»)
            span = None
        if span is not None and cue.lemma in _AT_ONCE_LEMMAS and not self._words_at_once(cue, span):
            span = None
        if span is not None and cue.lemma in _CLOSING_LEMMAS and not self._closes_speech(cue, span):
            span = None
        if span is not None and cue.lemma == "بين" and self._between_two(cue):
            span = None
        if span is None and cue.pos == "verb" and not cue.strict:
            span = self.backward(cue)
        if span is not None and cue.strict:
            span = span.with_content(span.start, span.end, span.kind, span.pair, span.base_confidence * 0.9)
        return span

    def _closes_speech(self, cue: Cue, span: ContentSpan) -> bool:
        """ختم and اختتم end words, not a thing of the subject's: no noun with a possessive that is
        no word for speech comes between the verb and its content (يختتم الفريق الأول | تدريباته،
        وختم | طلباته بتوفير سيارة; but «واختتم الشريف كلمته بأن …»، «وختم بالقول إن»)."""
        classes = self.doc.phrases.classes
        if classes is None:
            return True
        opening = span.pair.open_at if span.pair is not None else span.start
        words = _WORD_RUN.findall(self.text, cue.end, opening)
        return not any(classes.carries_pronoun(w) and not _CLOSING_SPEECH.fullmatch(w) for w in words)

    def _words_at_once(self, cue: Cue, span: ContentSpan) -> bool:
        """واصل reports only as «وواصل: …»، «وواصل "…"»، «وواصل الوزير قوله: …»: at most a subject
        and a word for his speech before the words; anything else is its object (واصل اللاعب
        برنامجه التأهيلي …، وتواصل الحملة تنفيذ …), whatever marks come later."""
        text = self.text
        if span.pair is not None:
            opening = span.pair.open_at
            after = text[span.pair.close_at + 1:span.pair.close_at + 4].lstrip(" ")
            if after[:1] not in ("", ".", "،", ",", "؛", "\n"):
                return False  # (واصل الخماسي "أحمد شراحيلي …" تدريباته: a quoted name, the sentence goes on)
        else:
            opening = span.start
            if text[:opening].rstrip()[-1:] != ":" and span.construction != "cue_complementiser":
                return False  # (وواصل حديثه بأن …: the clause of his speech)
        between = text[cue.end:opening].replace("،", " ").replace(":", " ").split()
        if span.construction == "cue_complementiser":
            # (the complementiser itself last; before it only his speech: not «واصلت القراءة، أدركت أن»)
            return bool(between[:-1]) and all(_SPEECH_WORDS.fullmatch(w) for w in between[:-1])
        classes = self.doc.phrases.classes
        return len(between) <= 3 and not any(
            classes is not None and classes.carries_pronoun(w) and not _SPEECH_WORDS.fullmatch(w) for w in between)

    def _between_two(self, cue: Cue) -> bool:
        """«بين الولاء والمعارضة ضاعت …»، «بين البلدين والشعبين …»: بين, a definite noun, and a
        second one coordinated with و is the preposition «between», not the verb بيّن."""
        doc = self.doc
        words, starts, ends = doc.tokens.words, doc.tokens.starts, doc.tokens.ends
        k = cue.token_index + 1
        if not (k + 1 < len(words) and is_definite(words[k]) and words[k + 1][:1] == "و" and is_definite(words[k + 1][1:])):
            return False
        a, b = doc.norm.span(cue.start, cue.end)
        if "\u0651" in doc.article.text[a:b]:
            return False  # بيّنت الصور والمعلومات …: the shadda writes the verb
        # what follows the pair tells: a mark or a verb (الفينة والأخرى | يوقظك، الماضي والمستقبل |
        # ننسى) ends a prepositional phrase; a name goes on a coordinated subject (بين الكاتب
        # والباحث | تركي العسيري أن)
        classes = doc.phrases.classes
        after = k + 2
        if after >= len(words) or self.text[ends[k + 1]:starts[after]].strip():
            return True
        return classes is not None and classes.only_clause_word(words[after])

    def _adverb_homograph(self, cue: Cue) -> bool:
        """A participle cue the analyser also reads as an accusative adverb (مجددا «again»،
        معتبرا «considerably»), with no complementiser, colon or quotation mark right after it
        to show the report (… معتبرا أنه «اتفاق جيد»، مجدداً على أن …)."""
        classes = self.doc.phrases.classes
        return (cue.pos == "participle" and classes is not None
                and classes.accusative_adverb(self.doc.tokens.words[cue.token_index])
                and not _REPORT_FOLLOWS.match(self.text, cue.end))

    # -- ends and kinds ------------------------------------------------------------------------
    def finish_clause(self, span: ContentSpan, spans: list[ContentSpan], first_later: int) -> ContentSpan:
        """End an open clause at its sentence's end (past any quotation it opens) or at the next
        cue that opens a new clause; then decide its kind from the quotation marks inside."""
        doc, text = self.doc, self.text
        start = span.start
        end = doc.sentences.end_after(start)
        for p in doc.pair_index.opening_from(start):
            if p.open_at >= end:
                break
            if end < p.close_at:
                end = doc.sentences.end_after(p.close_at)
        for other in itertools.islice(spans, first_later, None):
            c = other.cue
            if c.start >= end:
                break  # spans come in text order
            # only a cue that opens a new clause ends this one (، مضيفاً / وأشار / فيما أكد);
            # «أن البيان الختامي سيذكر …» is reported content, not a new report
            if start < c.start < end and not self._quoted_here(c) and clause_initial(doc, c) and not (
                    after_relative(doc, c) and other.pair is None):
                end = c.start
                break
        end = self._reporter_resumes(start, end)
        s, e = _drop_trailing_connectors(text, *trim(text, start, end))
        first = doc.pair_at.get(s)
        if first is not None and first.close_at >= e - 1:
            # (a mark never closed holds the words up to where the reporter resumed, no further)
            fs, fe = trim(text, *(first.inner if first.closed else (first.open_at + 1, e)))
            return span.with_content(fs, fe, "direct", first)
        inner = doc.pair_index.within(s, e)
        kind = span.kind
        if kind == "nominal":
            kind = "mixed" if any(has_words(text, 2, p.open_at, p.close_at) for p in inner) else "none"
        elif any(has_words(text, 2, p.open_at, p.close_at) for p in inner):
            kind = "mixed"
        return span.with_content(s, e, kind, span.pair)


    def _quoted_here(self, cue: Cue) -> bool:
        """The cue lies inside a quotation. A quotation mark never closed does not hold a cue that
        opens a sentence (أن «مواجهات اندلعت … آخرين. وأشارت المصادر إلى أن …): the reporter has
        taken over again, the closing mark is missing."""
        pair = self.doc.pair_index.containing(cue.start)
        if pair is None:
            return False
        return pair.closed or self.text[max(0, cue.start - 64):cue.start].rstrip()[-1:] not in (".", "!", "؟")

    def _reporter_resumes(self, start: int, end: int) -> int:
        """«…، إلا أنه أفصح عن …»، «…، لكنه اعترف …»: a reporting verb right after «إلا أنه»، «غير
        أنه» or «لكنه» after a comma is the reporter's narration again, whether or not it reports
        a clause of its own: the content ends before the connector."""
        doc = self.doc
        words = doc.tokens.words
        for cue in itertools.islice(doc.cues, bisect_right(self.cue_starts, start), None):
            if cue.start >= end:
                break
            k = cue.token_index
            if (cue.pos == "participle" and not cue.proclitics and k >= 1 and cue.word.endswith(("ا", "ه", "ة"))
                    and "،" in self.text[doc.tokens.ends[k - 1]:cue.start] and not self._quoted_here(cue)):
                # «…، منوها من جهة أخرى بما …»: a circumstantial participle after a comma is the
                # reporter's, whether or not it reports a clause of its own
                return cue.start
            if (cue.pos == "verb" and cue.proclitics == "و" and cue.aspect == "perfective" and 1 <= k < len(words) - 1
                    and is_definite(words[k + 1])
                    and "،" in self.text[doc.tokens.ends[k - 1]:cue.start] and not self._quoted_here(cue)):
                # «… انتهاكات لوقف إطلاق النار، ورد الحزب بالمزيد من العنف»: after a comma, و, a
                # reporting verb in the past and its definite subject are the reporter's next sentence
                # (an imperfective goes on with the reported verb: أنه سيقضي على الأمية …، وينشر العلم)
                return cue.start
            if cue.pos != "verb" or cue.proclitics or k < 2:
                continue
            carrier, before = words[k - 1], words[k - 2]
            if (carrier in _CONTRAST_CARRIERS and "،" in self.text[doc.tokens.ends[k - 2]:doc.tokens.starts[k - 1]]) or (
                    carrier in THAT_CARRIERS and before in ("الا", "غير")
                    and "،" in self.text[doc.tokens.ends[k - 3]:doc.tokens.starts[k - 2]]):
                return cue.start
            but = self._but_then_subject(k, start)
            if but is not None:
                return but
        return end

    def _but_then_subject(self, k: int, start: int) -> int | None:
        """«…، لكن المصادر أكدت أن …»: after a comma, لكن, a definite subject of one to three words
        and the reporting verb at token ``k`` (SVO): the reporter's narration again. Returns where
        لكن begins."""
        words, starts, ends = self.doc.tokens.words, self.doc.tokens.starts, self.doc.tokens.ends
        for j in range(k - 2, max(k - 5, 0) - 1, -1):
            if starts[j] <= start:
                return None
            if words[j] in ("لكن", "ولكن"):
                subject = words[j + 1:k]
                if (subject and is_definite(subject[0]) and "،" in self.text[ends[j - 1]:starts[j]]
                        and not any(ch in self.text[ends[j]:starts[k]] for ch in "،,.:«»\"“”")):
                    return starts[j]
                return None
        return None

def _drop_trailing_connectors(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop connectors left before the next cue (، فيما أكد / كما شدد)."""
    while True:
        span = text[s:e]
        if not span or span[-1].isspace():
            return s, e
        parts = span.rsplit(None, 1)
        word = parts[-1]
        if not word.isalpha() or word not in _CONNECTORS:
            return s, e
        s, e = trim(text, s, s if len(parts) == 1 else e - len(word) - 1)


class SpanSet:
    """Sorted, mostly disjoint content spans: overlap tests by binary search, so that a long
    article costs in proportion to its length."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        k = bisect_left(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, start)
        for j in (k - 2, k - 1, k, k + 1):
            if 0 <= j < len(self.starts) and min(end, self.ends[j]) - max(start, self.starts[j]) > 0:
                return True
        return False

    def covers(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return any(self.starts[j] <= pos < self.ends[j] for j in range(max(0, k - 2), k + 1))


def _drop_nested(spans: list[ContentSpan]) -> list[ContentSpan]:
    """A cue inside an earlier quotation's content is part of what was said."""
    kept: list[ContentSpan] = []
    taken = SpanSet()
    for span in spans:
        if taken.covers(span.cue.start):
            continue
        kept.append(span)
        taken.add(span.start, span.end)
    return kept


def _dedupe(spans: list[ContentSpan]) -> list[ContentSpan]:
    """Of overlapping spans, the most confident one stays."""
    kept: list[ContentSpan] = []
    taken = SpanSet()
    for span in sorted(spans, key=lambda s: -s.base_confidence):
        if taken.overlaps(span.start, span.end):
            continue
        kept.append(span)
        taken.add(span.start, span.end)
    return sorted(kept, key=lambda s: s.cue.start)


def find_content_spans(doc: Document, names: NameIndex) -> tuple[ContentSpan, ...]:
    """The content span of every cue that introduces one, in cue order, without overlaps."""
    finder = _Finder(doc, names)
    found = [span for cue in doc.cues if (span := finder.for_cue(cue)) is not None]
    finished = [finder.finish_clause(span, found, i + 1) if span.end < 0 else span
                for i, span in enumerate(found)]
    text = doc.text
    kept = [s for s in finished if s.kind != "none" and s.end > s.start and has_words(text, 2, s.start, s.end)]
    return tuple(_dedupe(_drop_nested(kept)))
