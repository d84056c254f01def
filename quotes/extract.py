"""The extractor: an article in, attributed quotations out.

For each reporting cue the extractor reads forward over the subject and adjuncts to the
content: a complementiser (إن، أن، بأن، إلى أن، على أن …) opens a reported clause, a colon
or an opening quotation mark opens a direct quotation. A clause runs to the end of its
sentence or to the next cue that opens another quotation; coordinated أن-clauses stay in
one quotation because «وأن» is no cue. Cues after the content («…»، يقول X; بحسب ما قال X)
and according-to phrases are read backwards. The subject phrase becomes the mention, and
the resolver turns mentions into the full names the article gives.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from time import perf_counter

import regex

from . import __version__
from .cues import GOVERNED_PREPOSITIONS, HOMOGRAPH_LEMMAS, Cue, find_cues
from .mentions import (
    ANONYMOUS_HEADS,
    COMPLEMENTISERS,
    DOCUMENT_HEADS,
    ORGANISATION_HEADS,
    Mention,
    make_mention,
    subject_extent,
)
from .morphology import CueMorphology
from .normalize import NormalizedText, Tokens, fold, tokenize
from .records import Article, Quote
from .resolve import Resolution, SpeakerResolver
from .spans import PairIndex, QuotePair, Sentences, find_quote_pairs, has_words, trim, word_count

STAGES = ("normalise", "cues", "spans", "speakers", "records")

# Words that link a following cue to the clause before it; they end that clause too.
_CONNECTORS = frozenset("فيما كما بينما حيث و ثم لكن لكنه لكنها غير ان الا".split())
_CLAUSE_OPENERS = frozenset("كان وكان وكانت كانت ان وان الا فيما بينما حيث كما بعدما وقد قد لكن".split())
# Nouns that take a quoted name after them (قناة «سي إن إن ترك»، تنظيم «داعش»).
_NAMED_THINGS = frozenset(
    """قناه صحيفه جريده مجله وكاله موقع حزب حركه تنظيم جماعه شبكه منظمه مجموعه جبهه برنامج مؤسسه شركه فندق
    مطار عمليه مبادره حمله كتاب فيلم مسلسل برنامج اتفاق اتفاقيه خطه مشروع قانون عمليه""".split()
)


def _bare_word(w: str) -> str:
    w = _PROCLITICS.sub("", w) if len(w) > 4 else w
    return w


# Sentence openers with و that are not verbs.
_NOT_VERBS = frozenset("وفي ومن وعلي والي وعن ومع وبعد وقبل وخلال وكان وكانت وقد ولم ولن ولا وهو وهي وهذا وهذه وذلك وبين وحول".split())

_ADDRESSEE = regex.compile(r"ل(?:ـ)?\s*[«\"“{][^»\"”}\n]{1,40}[»\"”}]\s*،?\s*")
_PROCLITICS = regex.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?")
_WORD_BEFORE = regex.compile(r"([\p{L}]+)\s*$")
_WORD_AFTER = regex.compile(r"[\s،,]*([\p{L}]+)")
_LETTER_AFTER = regex.compile(r"\s*([\p{L}])")
_RELAY_AN = regex.compile(r"(?<![\p{L}])عن(?:ه|ها|هم|هما)?(?![\p{L}])")
_DOC_PREP = regex.compile(r"\s*(?:في|ب)\s*")
_LAFT_IDIOM = regex.compile(r"(?:ال)?(?:انتباه|نظر)\s*")
_MA_VERB = regex.compile(r"\s*(?:ما|لما)\s+(\S+)")
_MA_WORD = regex.compile(r"\s*(?:ما|لما)\s+[\p{L}]+")
_FA_INNA = regex.compile(r"(?:،|,)?\s*(?:ف|و)?(?:ان|انه|انها|انهم)\s")
_WORDING = regex.compile(r"(?:تعبير|قول|وصف|رأي|راي)(?:ه|ها|هم)$")
_TAIL_ADJUNCT = regex.compile(r"[\s،,]*(?:في|خلال|عبر|امس|اليوم)\b")
_GAP_ONLY = regex.compile(r"[\s،,.\-–—]*$")

# Words that make «أن» a subordinating conjunction rather than the cue's complementiser.
_CONJUNCTION_HEADS = frozenset("خاصه سيما رغم برغم بما مع بعد قبل حيث اذ الا غير كون لكون بسبب نظرا حتي لولا".split())

_PRONOUN_CARRIERS = frozenset("لكنه لكنها انه انها وانه وانها فانه فانها هو هي وهو وهي كما".split())
_MIN_DIRECT_WORDS = 3


@dataclass
class Candidate:
    cue: Cue
    content_start: int  # folded offsets
    content_end: int
    kind: str  # direct | indirect | mixed
    construction: str
    mention: Mention | None
    pair: QuotePair | None = None
    base_confidence: float = 0.9
    resolution: Resolution | None = None


def _last_word(text: str, s: int, e: int) -> tuple[int, str] | None:
    """The span's last word if it is all letters, and where it begins counting the blank
    before it (``s`` for a one-word span). String methods, not a regex search, which would
    try every position of a long clause."""
    span = text[s:e]
    if not span or span[-1].isspace():
        return None
    parts = span.rsplit(None, 1)
    word = parts[-1]
    if not word.isalpha():
        return None
    return (s if len(parts) == 1 else e - len(word) - 1), word


class _Spans:
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


class Extractor:
    """Reusable across articles: it holds the morphology analyser and its cache."""

    def __init__(self, morphology: CueMorphology | None = None, aliases: dict[str, str] | None = None) -> None:
        self.morphology = morphology or CueMorphology()
        self.aliases = aliases or {}
        self.version = __version__

    def extract(self, article: Article, timings: dict[str, float] | None = None) -> list[Quote]:
        """The quotations of one article. ``timings`` (if given) accumulates seconds per stage
        (see STAGES): the benchmark reports where the time goes."""
        doc = _Document(article, self.morphology, timings)
        quotes = doc.run()
        if self.aliases:
            for q in quotes:
                for key in (fold(q.speaker), fold(q.speaker_mention)):
                    if key and key in self.aliases:
                        q.evidence["alias"] = f"«{q.speaker or q.speaker_mention}» is a reviewer-confirmed alias"
                        q.speaker = self.aliases[key]
                        break
        return quotes


class _Document:
    """The state of one article's extraction."""

    def __init__(self, article: Article, morphology: CueMorphology, timings: dict[str, float] | None = None) -> None:
        self.timings = timings
        self._clock = perf_counter()
        self.article = article
        self.norm = NormalizedText.of(article.text)
        self.text = self.norm.text
        self.tokens: Tokens = tokenize(self.norm)
        self._tick("normalise")
        self.cues = find_cues(self.norm, self.tokens, morphology)
        self.cue_at_token = {c.token_index: c for c in self.cues if c.pos in ("verb", "participle", "masdar")}
        self.verb_starts = [c.start for c in self.cues if c.pos == "verb"]
        self.stops = frozenset(self.verb_starts)
        self._tick("cues")
        self.pairs = find_quote_pairs(self.text)
        self.pair_at = {p.open_at: p for p in self.pairs}
        self.pair_index = PairIndex(self.pairs)
        self.sentences = Sentences(self.text, self.pair_index)
        self._tick("spans")
        self.resolver = SpeakerResolver(self.text, self._sentence_span, self.stops, self.tokens)
        self._silent_subject: dict[int, Mention | None] = {}
        self._tick("speakers")

    def _tick(self, stage: str) -> None:
        if self.timings is not None:
            now = perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self._clock
            self._clock = now

    # -- helpers -------------------------------------------------------------------------
    def _sentence_span(self, pos: int) -> tuple[int, int]:
        return self.sentences.start_before(pos), self.sentences.end_after(pos)

    def _nested(self, cue: Cue) -> bool:
        p = self.pair_index.containing(cue.start)
        return p is not None and p.closed and has_words(self.text, 4, p.open_at, p.close_at)

    def _inside_pair(self, pos: int) -> bool:
        return self.pair_index.containing(pos) is not None

    def _pair_opening_in(self, a: int, b: int) -> QuotePair | None:
        for i in range(a, b):
            if i in self.pair_at:
                return self.pair_at[i]
        return None

    def _after_relative(self, cue: Cue) -> bool:
        """«… التي قال إنها …»: a relative clause stays inside the clause it qualifies, unless it
        opens a direct quotation («، الذي قال "إنه …"»)."""
        return self.text[max(0, cue.start - 8):cue.start].rstrip().endswith(("الذي", "التي", "الذين"))

    def _clause_initial(self, cue: Cue, strict: bool = False) -> bool:
        """Whether the cue starts a clause; ``strict`` ignores a bare و/ف proclitic (وبين …)."""
        if cue.proclitics[:1] in ("و", "ف") and not strict:
            return True
        if cue.pos == "participle" and not strict:
            return True  # قائلاً، مضيفاً: a participle always opens a new reported clause
        before = self.text[max(0, cue.start - 12):cue.start].rstrip(" ")
        if not before or before[-1] in "،,.:\n؛!؟?\"»”":
            return True
        return before.endswith(("كما", "فيما", "بينما", "بدوره", "بدورها", "جانبه", "جانبها", "جهته", "جهتها",
                                "الذي", "التي", "الذين", "لكنه", "لكنها", "لكنهم", "انه", "انها"))

    # -- content after the cue -------------------------------------------------------------
    def _forward(self, cue: Cue) -> Candidate | None:
        text = self.text
        words, starts, ends = self.tokens.words, self.tokens.starts, self.tokens.ends
        n = len(words)
        limit = self.sentences.end_after(cue.end)
        k = cue.token_index + 1
        pos = cue.end
        subject_end: int | None = None  # where the subject zone stops (masdar/participle marker)
        steps = 0
        while k <= n:
            next_start = starts[k] if k < n else len(text)
            gap_end = min(next_start, limit)
            colon = text.find(":", pos, gap_end)
            pair = self._pair_opening_in(pos, gap_end)
            if colon != -1 and (pair is None or colon < pair.open_at):
                cstart = colon + 1
                zone_end = subject_end or colon
                pair = self._pair_opening_in(cstart, min(len(text), cstart + 4))
                if pair is not None:
                    return self._direct(cue, zone_end, pair, "cue + colon + quotation marks")
                end = self.sentences.end_after(cstart)
                s, e = trim(text, cstart, end)
                if cue.strict or has_words(text, 9, cue.end, zone_end):
                    return None  # كتبت الكتاب الثالث: سيرة …: a colon after an object introduces no speech
                if has_words(text, _MIN_DIRECT_WORDS, s, e):
                    return Candidate(cue, s, e, "direct", "cue + colon", self._mention(cue, zone_end), None, 0.8)
                return None
            if pair is not None:
                inner = text[pair.open_at + 1:pair.close_at]
                if has_words(inner, _MIN_DIRECT_WORDS) and not self._is_quoted_name(pair):
                    return self._direct(cue, subject_end or pair.open_at, pair, "cue + quotation marks")
                pos = pair.close_at + 1  # a scare-quoted name inside the subject: go on
                while k < n and starts[k] < pos:
                    k += 1
                continue
            if next_start >= limit or k >= n:
                return None
            word = words[k]
            if word in COMPLEMENTISERS:
                if words[k - 1] in _CONJUNCTION_HEADS:
                    return None  # خاصة أن، رغم أن: a subordinate clause, not what was said
                if not (k + 1 < n and words[k + 1] == "كي"):  # (أن never takes كي: «بان كي مون» is a name)
                    return self._clause(cue, subject_end or starts[k], ends[k])
            if k + 1 < n and word in GOVERNED_PREPOSITIONS.get(cue.lemma, ()):
                opens_quote = self._pair_opening_in(ends[k], starts[k + 1]) is not None
                if words[k + 1] not in COMPLEMENTISERS and not opens_quote:
                    # شدد على وجود …: a noun object, not a reported clause — unless it quotes
                    # the speaker's words (أشارت إلى مقتل «أحد أفراد الطاقم …»)
                    return Candidate(cue, starts[k + 1], -1, "nominal", "cue + noun object with quotation",
                                     self._mention(cue, subject_end or starts[k]), None, 0.8)
            other = self.cue_at_token.get(k)
            if other is not None:
                if other.strict and not self._clause_initial(other, strict=True):
                    other = None  # «بين البلدين» inside the subject's adjunct: a preposition, not a verb
                elif words[k - 1] in ("ما", "لما", "حسبما", "بحسبما", "وفقما"):
                    other = None  # «بحسب ما نشرته وكالة …»: a parenthetical source, the clause goes on
            if other is not None:
                if other.pos in ("participle", "masdar") and (other.lemma == "قال" or other.lemma == "قول"):
                    subject_end = subject_end or starts[k]  # وأضاف قائلاً: / عن الوزير قوله إن
                else:
                    return None  # the content belongs to the nearer cue
            steps += 1
            if steps > 30:
                return None
            pos = ends[k]
            k += 1
        return None

    def _is_quoted_name(self, pair: QuotePair) -> bool:
        """«سي إن إن ترك» after قناة, or a quoted phrase the subject's verb still follows."""
        before = _WORD_BEFORE.search(self.text, max(0, pair.open_at - 30), pair.open_at)
        if before and _bare_word(before.group(1)) in _NAMED_THINGS and not has_words(self.text, 6, pair.open_at, pair.close_at):
            return True
        after = _WORD_AFTER.match(self.text, pair.close_at + 1, pair.close_at + 40)
        return bool(after and after.group(1) in COMPLEMENTISERS)

    def _direct(self, cue: Cue, zone_end: int, pair: QuotePair, construction: str) -> Candidate:
        s, e = trim(self.text, *pair.inner)
        if not pair.closed:
            # an unclosed «… ends where the reporter takes over again: «…، مبيناً أن …
            for other in self.cues:
                if s < other.start < e and other.pos in ("participle", "verb") and self._clause_initial(other) and \
                        self.text[max(s, other.start - 3):other.start].strip() in ("،", ","):
                    s, e = trim(self.text, s, other.start)
                    break
        conf = 1.0 if pair.closed else 0.85
        follow = _LETTER_AFTER.match(self.text, pair.close_at + 1, pair.close_at + 4)
        if pair.closed and follow and construction == "cue + quotation marks":
            # «خمسة قتلى وجريحين اثنين» من القوات …: the quoted words are part of a longer clause
            return Candidate(cue, pair.open_at, -1, "mixed", "cue + clause with quotation", self._mention(cue, zone_end),
                             None, 0.9)
        return Candidate(cue, s, e, "direct", construction, self._mention(cue, zone_end), pair, conf)

    def _clause(self, cue: Cue, zone_end: int, content_start: int) -> Candidate:
        return Candidate(cue, content_start, -1, "indirect", "cue + complementiser", self._mention(cue, zone_end),
                         None, 0.95)

    def _mention(self, cue: Cue, zone_end: int) -> Mention | None:
        text = self.text
        start = cue.end
        if cue.enclitic or cue.pos == "participle":
            return None  # a participle's subject is the main clause's: the phrase after it is its object
        zone = text[start:zone_end]
        relay = _RELAY_AN.search(zone) if "عن" in zone else None
        if relay and (cue.lemma in ("نقل", "نقلا عن") or cue.pos == "according"):
            if relay.group() != "عن":
                return None  # نقل التلفزيون عنه: the pronoun is the previous speaker
            start = start + relay.end()
        elif cue.pos == "document":
            m = _DOC_PREP.match(zone)
            if m:
                start += m.end()
        start += len(text[start:zone_end]) - len(text[start:zone_end].lstrip(" ،,"))
        addressee = _ADDRESSEE.match(text, start, zone_end)
        if addressee:
            start = addressee.end()  # وقال لـ«الاقتصادية» مصدر خليجي: the subject follows the addressee
        if cue.lemma == "لفت":
            idiom = _LAFT_IDIOM.match(text, start, zone_end)
            if idiom:
                start = idiom.end()  # لفت النظر/الانتباه إلى: the object of the idiom, not the subject
        end = subject_extent(text, start, zone_end, self.stops)
        mention = make_mention(text, start, end) if end > start else None
        if mention is None and cue.pos == "verb" and not self._clause_initial(cue):
            mention = self._subject_before(cue)
        return mention

    def _subject_before(self, cue: Cue) -> Mention | None:
        """SVO: وكان الكاظمي أكد …، إلا أن المتحدثة … أشارت …"""
        k = cue.token_index - 1
        sent_start = self.sentences.start_before(cue.start)
        first = None
        while k >= 0 and cue.token_index - k <= 12 and self.tokens[k].start >= sent_start:
            tok = self.tokens[k]
            between = self.text[tok.end:(self.tokens[k + 1].start if k + 1 < len(self.tokens) else cue.start)]
            if any(ch in between for ch in "\"«»“”:()"):
                break
            if k == cue.token_index - 1 and tok.text in _PRONOUN_CARRIERS:
                return None  # لكنه أوضح: the subject is the pronoun
            if tok.text == "قد" and k != cue.token_index - 1:
                return None  # قد + another verb: the words before belong to that clause
            if tok.text.isdigit():
                return None
            if tok.text in _CLAUSE_OPENERS or tok.text in ("قد",):
                if tok.text == "قد":
                    k -= 1
                    continue
                first = k + 1
                break
            if k in self.cue_at_token:
                return None
            k -= 1
        if first is None:
            return self._document_before(cue)
        while first < cue.token_index and self.tokens[first].text in ("قد",):
            first += 1
        last = cue.token_index - 1
        while last >= first and self.tokens[last].text in ("قد", "بدوره", "بدورها"):
            last -= 1
        if last < first:
            return None
        return make_mention(self.text, self.tokens[first].start, self.tokens[last].end)

    def _sentence_subject(self, cue: Cue) -> Mention | None:
        """وامتنع مسؤول من وزارة الداخلية عن التعليق مشيراً إلى أن …: a participle's subject is the
        subject of the verb that opens its sentence."""
        sent_start = self.sentences.start_before(cue.start)
        k = self.tokens.index_at(sent_start)
        if k >= cue.token_index or cue.token_index - k > 40:
            return None
        if self.tokens.words[k] in ("كما", "ثم", "فيما", "بينما") and k + 1 < cue.token_index:
            k += 1  # «كما أدان الأمين العام … الحادث، داعياً …»: the verb follows the connective
            verb_ok = True
        else:
            verb_ok = False
        first = self.tokens[k]
        w = first.text
        k_verb = bisect_left(self.verb_starts, cue.start) - 1
        if k_verb >= 0 and self.verb_starts[k_verb] >= sent_start:
            return None  # a reporting verb of the sentence quoted someone: zero-subject resolution covers it
        if not verb_ok and not (w.startswith("و") and len(w) >= 4 and w not in _NOT_VERBS):
            return None
        if self.text[first.end:first.end + 1] in "،,":
            return None
        if k + 1 >= cue.token_index:
            return None
        start = self.tokens[k + 1].start
        end = subject_extent(self.text, start, cue.start, self.stops)
        m = make_mention(self.text, start, end) if end > start else None
        return m if m is not None and m.type != "unknown" else None

    def _document_before(self, cue: Cue) -> Mention | None:
        """«صدر بيان مشترك أكد أن …» / «بيان مشترك … يقول:»: the document the verb describes."""
        k = cue.token_index - 1
        while k >= 0 and cue.token_index - k <= 7:
            tok = self.tokens[k]
            between = self.text[tok.end:self.tokens[k + 1].start]
            if any(ch in between for ch in ".،,:\"«»“”()\n"):
                return None
            if tok.text in DOCUMENT_HEADS:
                return make_mention(self.text, tok.start, self.tokens[cue.token_index - 1].end)
            k -= 1
        return None

    # -- content before the cue ------------------------------------------------------------
    def _pair_just_before(self, pos: int) -> QuotePair | None:
        p = self.pair_index.last_closed_before(pos)
        if p is not None and _GAP_ONLY.match(self.text, p.close_at + 1, pos):
            return p
        return None

    def _backward(self, cue: Cue) -> Candidate | None:
        """Cue after the content: «…»، يقول X / «…»، بحسب ما قال X."""
        pair = self._pair_just_before(cue.start)
        if pair is None or not has_words(self.text, _MIN_DIRECT_WORDS, pair.open_at, pair.close_at):
            return None
        limit = self.sentences.end_after(cue.end)
        start = cue.end
        m = _MA_VERB.match(self.text, start, limit)
        if m:
            start = m.end()
        end = subject_extent(self.text, start + len(self.text[start:limit]) - len(self.text[start:limit].lstrip()), limit, self.stops)
        mention = make_mention(self.text, start, end) if end > start else None
        mention = mention if mention is None else make_mention(self.text, mention.start, mention.end)
        s, e = trim(self.text, *pair.inner)
        return Candidate(cue, s, e, "direct", "quotation then cue", mention, pair, 0.85)

    def _plausible_source(self, mention: Mention) -> bool:
        """«وفق المعايير»، «حسب الخطة» are not sources: after an according-to cue only a person
        with a title or known name, an anonymous source, a document or an institution counts."""
        head = _bare_word(mention.text.split()[0])
        if mention.type in ("document", "pronoun"):
            return True
        if mention.type == "anonymous":
            return head in ANONYMOUS_HEADS  # مصادر مطلعة, not «متغيرات السوق»
        if mention.type == "organisation":
            return head in ORGANISATION_HEADS or head in _NAMED_THINGS or mention.text.split()[0] in ORGANISATION_HEADS
        if mention.type == "person":
            return bool(mention.title) or self.resolver.knows_name(mention.name)
        return False

    def _according(self, cue: Cue) -> Candidate | None:
        text = self.text
        sent_start = self.sentences.start_before(cue.start)
        limit = self.sentences.end_after(cue.end)
        before = text[sent_start:cue.start].strip(" \n")
        after_cue = cue.end
        m = _MA_WORD.match(text, after_cue, limit)
        if m:
            after_cue = m.end()
        lead = text[after_cue:limit]
        np_start = after_cue + len(lead) - len(lead.lstrip(" "))
        if not before or before in ("و", "ف") or before.endswith(("جاء", "ورد")):  # وجاء على لسان X أن
            # pre-posed: بحسب المصادر فإن … / وفقاً لما قاله شينكر فإن …
            rest = _FA_INNA.search(text[np_start:limit])
            if not rest:
                return None
            np_end = subject_extent(text, np_start, np_start + rest.start(), self.stops)
            mention = make_mention(text, np_start, np_end) if np_end > np_start else None
            if mention is None or not self._plausible_source(mention):
                return None
            return Candidate(cue, np_start + rest.end(), -1, "indirect", "according to … then content", mention, None, 0.85)
        # post-posed: the content precedes the cue in the same sentence
        np_end = subject_extent(text, np_start, limit, self.stops)
        mention = make_mention(text, np_start, np_end) if np_end > np_start else None
        if mention is None or _WORDING.match(mention.text) or not self._plausible_source(mention):
            return None  # على حد تعبيره: marks the wording, the speaker is already known
        tail = text[np_end:limit]
        if has_words(tail, 4) and not _TAIL_ADJUNCT.match(tail):
            return None  # a parenthetical «بحسب X» inside a sentence whose own cue follows
        # the quoted words of the sentence are what the source said (… «…» بين البلدين، بحسب ما قال X)
        inside = [p for p in self.pair_index.within(sent_start, cue.start) if p.closed and p.close_at < cue.start
                  and has_words(text, 2, p.open_at, p.close_at)]
        pair = inside[-1] if inside else None
        if pair is not None:
            s, e = trim(text, *pair.inner)
            return Candidate(cue, s, e, "direct", "quotation then according to", mention, pair, 0.85)
        s, e = trim(text, sent_start, cue.start)
        if not has_words(text, 4, s, e):
            return None
        return Candidate(cue, s, e, "indirect", "content then according to", mention, None, 0.7)

    # -- ends and kinds ------------------------------------------------------------------------
    def _finish_clause(self, cand: Candidate, cands: list[Candidate], first_later: int) -> None:
        text = self.text
        start = cand.content_start
        end = self.sentences.end_after(start)
        for p in self.pair_index.opening_from(start):
            if p.open_at >= end:
                break
            if end < p.close_at:
                end = self.sentences.end_after(p.close_at)
        for other in itertools.islice(cands, first_later, None):
            c = other.cue
            if c.start >= end:
                break  # candidates come in text order
            # only a cue that opens a new clause ends this one (، مضيفاً / وأشار / فيما أكد);
            # «أن البيان الختامي سيذكر …» is reported content, not a new report
            if start < c.start < end and not self._inside_pair(c.start) and self._clause_initial(c) and not (
                    self._after_relative(c) and other.pair is None):
                end = c.start
                break
        s, e = trim(text, start, end)
        # drop connectors left before the next cue (، فيما أكد / كما شدد)
        while True:
            last = _last_word(text, s, e)
            if last is not None and last[1] in _CONNECTORS:
                s, e = trim(text, s, last[0])
                continue
            break
        cand.content_start, cand.content_end = s, e
        first = self.pair_at.get(s)
        if first is not None and first.close_at >= e - 1:
            cand.kind, cand.pair = "direct", first
            cand.content_start, cand.content_end = trim(text, *first.inner)
            return
        inner = self.pair_index.within(s, e)
        if cand.kind == "nominal":
            quoted = [p for p in inner if has_words(text, 2, p.open_at, p.close_at)]
            cand.kind = "mixed" if quoted else "none"
        elif any(has_words(text, 2, p.open_at, p.close_at) for p in inner):
            cand.kind = "mixed"

    # -- the run -------------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        cands: list[Candidate] = []
        for cue in self.cues:
            if cue.pos == "according":
                cand = self._according(cue)
            elif cue.pos in ("verb", "participle", "document") or (cue.pos == "masdar" and cue.proclitics[:1] == "ب"):
                prev = self.tokens[cue.token_index - 1].text if cue.token_index > 0 else ""
                if prev in ("ما", "لما", "حسبما") or cue.word.startswith("حسبما"):
                    continue  # part of «بحسب ما قال»: handled by the according-to cue
                if cue.pos == "masdar" and prev and self.cue_at_token.get(cue.token_index - 1):
                    continue
                if self._nested(cue):
                    continue  # speech reported inside a quotation belongs to the outer quotation
                cand = self._forward(cue)
                if cand is not None and cue.strict and cue.pos == "verb" and not self._clause_initial(cue, strict=True):
                    cand = None  # participles (مبيناً، واصفاً) are unambiguous: only verbs are checked
                if cand is None and cue.pos == "verb" and not cue.strict:
                    cand = self._backward(cue)
                if cand is not None and cue.strict:
                    cand.base_confidence *= 0.9
            else:
                continue
            if cand is not None:
                cands.append(cand)
        for i, cand in enumerate(cands):
            if cand.content_end < 0:
                self._finish_clause(cand, cands, i + 1)
        cands = [c for c in cands if c.kind != "none" and c.content_end > c.content_start
                 and has_words(self.text, 2, c.content_start, c.content_end)]
        cands = self._drop_nested(cands)
        cands = self._dedupe(cands)
        self._tick("spans")
        quoted = {c.cue.start for c in cands}
        events = [(c.cue.start, c) for c in cands]
        # subjects of cues that quote nothing only matter to quotes with no subject of their own
        needs_salience = any(c.mention is None for c in cands)
        for cue in self.cues if needs_salience else ():
            if (cue.pos == "verb" and cue.start not in quoted and not self._nested(cue)
                    and (not cue.strict or self._clause_initial(cue, strict=True))
                    and cue.lemma not in HOMOGRAPH_LEMMAS):  # بين الكتابين …: a homograph that quotes nothing is no verb
                zone_end = min(self.sentences.end_after(cue.end), cue.end + 300)
                events.append((cue.start, cue))
                self._silent_subject[cue.start] = self._mention(cue, zone_end)
            elif cue.pos == "participle" and cue.start not in quoted and not self._nested(cue):
                # «كما أدان الأمين العام بان كي مون الحادث، داعياً …»: the participle names no
                # subject, but the sentence's own subject is the one who keeps speaking
                events.append((cue.start, cue))
                self._silent_subject[cue.start] = self._sentence_subject(cue)
        for _pos, item in sorted(events, key=lambda e: e[0]):
            if isinstance(item, Cue):
                mention = self._silent_subject[item.start]
                words = mention.text.split() if mention is not None else []
                if mention is not None and (
                    (mention.type == "person" and mention.name and mention.title)
                    or (mention.number == "d" and len(words) <= 4)  # أعلنت بغداد وواشنطن … وأكدتا
                    or (mention.type in ("organisation", "anonymous") and len(words) <= 4)
                ):
                    self.resolver.observe(mention, item.start, item.gender)
                continue
            cand = item
            gender = cand.cue.gender if cand.cue.pos in ("verb", "participle") else None
            number = cand.cue.number if cand.cue.pos in ("verb", "participle") else None
            zone = self.text[cand.cue.end:cand.content_start]
            in_statement = "بيان" in zone and cand.mention is not None
            mention = cand.mention
            if mention is None and cand.cue.pos == "participle":
                mention = self._sentence_subject(cand.cue)
                if mention is not None:
                    cand.construction += "; subject of the sentence's main verb"
            cand.resolution = self.resolver.resolve(mention, cand.cue.start, gender, number, cand.cue.continuation,
                                                    in_statement)
        cands += self._floating(cands)
        cands += self._headline(cands)
        cands.sort(key=lambda c: c.content_start)
        self._tick("speakers")
        records = [self._record(c) for c in cands]
        self._tick("records")
        return records

    def _drop_nested(self, cands: list[Candidate]) -> list[Candidate]:
        """A cue inside an earlier quotation's content is part of what was said."""
        kept: list[Candidate] = []
        spans = _Spans()
        for cand in cands:
            if spans.covers(cand.cue.start):
                continue
            kept.append(cand)
            spans.add(cand.content_start, cand.content_end)
        return kept

    def _dedupe(self, cands: list[Candidate]) -> list[Candidate]:
        kept: list[Candidate] = []
        spans = _Spans()
        for cand in sorted(cands, key=lambda c: -c.base_confidence):
            if spans.overlaps(cand.content_start, cand.content_end):
                continue
            kept.append(cand)
            spans.add(cand.content_start, cand.content_end)
        return sorted(kept, key=lambda c: c.cue.start)

    def _floating(self, cands: list[Candidate]) -> list[Candidate]:
        """A quotation opening a paragraph with no cue continues the latest speaker."""
        out = []
        taken = _Spans()
        for c in cands:
            taken.add(c.content_start, c.content_end)
        resolved = sorted((c for c in cands if c.resolution and c.resolution.entity), key=lambda c: c.cue.start)
        cue_starts = [c.cue.start for c in resolved]
        for p in self.pairs:
            s, e = trim(self.text, *p.inner)
            if taken.overlaps(s, e):
                continue
            line_start = self.text.rfind("\n", 0, p.open_at) + 1
            if self.text[line_start:p.open_at].strip() or not has_words(self.text, 4, s, e):
                continue
            k = bisect_left(cue_starts, p.open_at) - 1
            if k < 0:
                continue
            last = resolved[k]
            cue = last.cue
            cand = Candidate(cue, s, e, "direct", "quotation paragraph continuing the previous speaker", None, p, 0.5)
            cand.resolution = Resolution(last.resolution.entity, "no cue: the speaker of the previous quotation", 0.5)
            out.append(cand)
        return out

    def _headline(self, cands: list[Candidate]) -> list[Candidate]:
        """«الجبير: إيران تتدخل …» — a headline of the form «speaker: statement».

        A topic label has the same shape («أوكرانيا : أعنف قصف …»), so the phrase before the
        colon counts only when it names someone the article itself quotes.
        """
        text = self.text
        first_line_end = text.find("\n")
        line = text[:first_line_end if first_line_end != -1 else len(text)]
        colon = line.find(":")
        if colon <= 0 or len(line) > 250 or any(c.content_start < len(line) for c in cands):
            return []
        np_start = len(line) - len(line.lstrip())
        if not 1 <= word_count(line[np_start:colon]) <= 6 or not has_words(line, 3, colon + 1):
            return []
        mention = make_mention(text, np_start, len(line[:colon].rstrip()))
        speakers = {id(c.resolution.entity) for c in cands if c.resolution and c.resolution.entity}
        if mention is None or not speakers:
            return []
        res = self.resolver.resolve(mention, np_start, None, None, False)
        if res.entity is None or id(res.entity) not in speakers or res.entity.type != "person":
            return []  # «بيان مشترك: …» summarises a document; only people are quoted in headlines
        s, e = trim(text, colon + 1, len(line))
        pair = self.pair_at.get(s)
        if pair is not None and pair.close_at >= e - 1:
            s, e = trim(text, *pair.inner)
        cue = Cue(colon, colon + 1, self.tokens.index_at(colon), ":", ":", "headline")
        cand = Candidate(cue, s, e, "direct", "headline «speaker: statement»", mention, None, 0.7)
        cand.resolution = Resolution(res.entity, "headline: the phrase before the colon names a speaker of the article",
                                     res.confidence)
        return [cand]

    def _record(self, cand: Candidate) -> Quote:
        art = self.article
        norm = self.norm
        s, e = norm.span(cand.content_start, cand.content_end)
        cs, ce = norm.span(cand.cue.start, cand.cue.end)
        res = cand.resolution
        entity = res.entity if res else None
        speaker = ""
        stype = "unknown"
        name_sentence = ""
        if entity is not None:
            a, b = norm.span(*entity.span)
            speaker = art.text[a:b].strip(" ،,")
            stype = entity.type
            if entity.intro_sentence:
                x, y = norm.span(*entity.intro_sentence)
                name_sentence = art.text[x:y].strip()[:400]
        ms = me = None
        mention_text = ""
        if cand.mention is not None:
            ms, me = norm.span(cand.mention.start, cand.mention.end)
            mention_text = art.text[ms:me]
        conf = round(max(0.01, min(0.99, cand.base_confidence * (res.confidence if res else 0.2))), 3)
        evidence = {
            "cue": art.text[cs:ce],
            "cue_lemma": cand.cue.lemma,
            "cue_features": "/".join(x for x in (cand.cue.pos, cand.cue.aspect, cand.cue.person, cand.cue.gender,
                                                 cand.cue.number) if x),
            "construction": cand.construction,
            "speaker_rule": res.rule if res else "unresolved",
            "name_sentence": name_sentence,
        }
        return Quote(
            doc=art.doc, start=s, end=e, text=art.text[s:e], kind=cand.kind, cue=art.text[cs:ce],
            cue_start=cs, cue_end=ce, speaker=speaker, speaker_mention=mention_text, mention_start=ms,
            mention_end=me, speaker_type=stype, confidence=conf, evidence=evidence,
        )


def extract_text(text: str, doc: str = "-", morphology: CueMorphology | None = None) -> list[Quote]:
    """Convenience: extract the quotations of one text."""
    return Extractor(morphology).extract(Article(doc=doc, text=text))
