"""Document-level speaker resolution: every mention to the fullest name the article gives.

An article introduces a speaker once in full (وزير الخارجية العراقي فؤاد حسين) and then
refers to them by surname (حسين), by title (الوزير العراقي), by a pronoun or by nothing at
all (وأضاف، بدوره). The resolver keeps the entities the article has introduced so far —
including people named outside any quotation, in narrative sentences — and links each
mention to one of them: names by word containment, titles by their head noun and
modifiers, zero subjects by recency with the verb's gender and number agreement.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from typing import NamedTuple

from . import lexicon
from .cues import Cue
from .document import Document
from .marks import has_words, trim, word_count
from .mentions import PROPHET_NAMES, SilentSubject, SpeakerMention
from .names import NameIndex, names_a_parent, official_matches, title_matches
from .normalize import strip_proclitics, words_of
from .phrases import (
    GLUE,
    HONORIFICS,
    ORGANISATION_HEADS,
    STOPWORDS,
    TITLE_HEADS,
    Mention,
    WordQuestions,
    definite_common_noun,
    is_definite,
    trailing_title,
)
from .rules import CONSTRUCTIONS, SPEAKER_RULES
from .spans import MEDIA_AND_GROUPS, SUBJECT_AFTER_CUE, ContentSpan, SpanSet
from .speaker_ranking import FEATURES, load_weights, score

_bare = strip_proclitics


def _words(text: str) -> tuple[str, ...]:
    """The words of a name or title, so that the name is looked up as the article otherwise
    writes it: a doubled alif before the article mended (االجهيناوي, a typing slip no Arabic word
    starts with), and the link ابن written بن («الدكتور ابن معيقل» after «عبدالله بن سعود بن
    معيقل»: the same word, whose alif Arabic spelling drops between two names)."""
    words = words_of(text)
    if "اال" not in text and "ابن" not in words:
        return words
    return tuple(w[1:] if w.startswith("اال") or w == "ابن" else w for w in words)


# A candidate's name is read again at every quote it may have said: the set of its words' bare
# forms is kept, like words_of's words (bounded: a pure function of the string).
@lru_cache(maxsize=1 << 14)
def _bare_words(text: str) -> frozenset[str]:
    return frozenset(_bare(w) for w in _words(text))

_ANOTHER = lexicon.words("another_words")
_PRONOUN_TITLES: dict[str, frozenset[str]] = {
    line.split()[0]: frozenset(line.split()[1:]) for line in lexicon.entries("pronoun_titles")
}
_RECENT = 64


# God and His Prophet as the article names them alone: no one's family name (عبد الله، حديث الرسول)
_GOD_AND_PROPHET = frozenset({("الله",), *(tuple(name.split()) for name in PROPHET_NAMES)})


@dataclass
class Entity:
    key_words: tuple[str, ...]  # folded words of the canonical name or description
    span: tuple[int, int]  # folded offsets of the fullest form
    type: str
    titles: list[tuple[str, ...]] = field(default_factory=list)
    gender: str | None = None
    number: str | None = None
    last_seen: int = -1
    intro_sentence: tuple[int, int] | None = None
    _bare_for: tuple[str, ...] = field(default=(), compare=False, repr=False)
    _bare: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def bare_words(self) -> frozenset[str]:
        """The bare forms of ``key_words``, recomputed only when the name grew."""
        if self._bare_for is not self.key_words:
            self._bare = frozenset(strip_proclitics(w) for w in self.key_words)
            self._bare_for = self.key_words
        return self._bare


class Candidate(NamedTuple):
    """Someone the quote could be attributed to, as the reviewer sees it beside the winner."""

    span: tuple[int, int]  # folded offsets of the name or description
    source: str  # a key of CANDIDATE_SOURCES
    agrees: bool  # with the cue's gender and number, where both are known
    sentences_back: int  # 0: the cue's own sentence
    chosen: bool
    score: float = 0.0  # speaker_ranking.score of its features
    features: tuple[float, ...] = ()  # in speaker_ranking.FEATURES order


class _Option(NamedTuple):
    """A zero subject's candidate while they are ranked."""

    source: str  # a feature of speaker_ranking.FEATURES, and a key of CANDIDATE_SOURCES
    rule: str  # the speaker rule named if it wins
    at: int  # folded offset where the context met it
    entity: Entity | None  # None until ``make`` is called: only the winner becomes an entity
    make: Callable[[], Entity | None]
    span: tuple[int, int]
    agrees: bool
    features: tuple[float, ...]
    score: float


def _nobody() -> Entity | None:
    return None


# where a candidate comes from (evidence ``candidates``)
CANDIDATE_SOURCES = {
    "chosen": "the speaker the rule chose",
    "previous_speaker": "the speaker of the previous quote",
    "earlier_speaker": "an earlier speaker who agrees with the verb",
    "own_sentence_subject": "the subject of the verb that opens the cue's sentence",
    "narrative_subject": "the subject of a narrative sentence since the previous quote",
    "sentence_subject": "the subject of a sentence since the previous quote",
    "named_before": "the last person named with a title before the cue",
}


# A zero subject's speaker when someone who agrees with the verb was met closer to the cue: on
# seeds and dev such speakers were right once in three, against 0.85 for zero subjects overall.
_CONTESTED = 0.6


def _contested(candidates: tuple[Candidate, ...]) -> bool:
    """Whether a rival that agrees with the verb is closer to the cue than the chosen speaker."""
    chosen = next((c for c in candidates if c.chosen), None)
    return chosen is not None and any(not c.chosen and c.agrees and c.sentences_back < chosen.sentences_back
                                      for c in candidates)


class Resolution(NamedTuple):  # a tuple: built many times per article, far cheaper than a frozen dataclass
    entity: Entity | None
    rule: str  # an id of rules.SPEAKER_RULES: how the speaker was chosen, shown to reviewers
    confidence: float
    candidates: tuple[Candidate, ...] = ()  # the winner first, then its rivals


_FEATURE_INDEX = {name: i for i, name in enumerate(FEATURES)}
_AGREES = _FEATURE_INDEX["agrees"]
_SENTENCES_BACK = _FEATURE_INDEX["sentences_back"]


@cache
def _shipped_weights() -> tuple[float, ...]:
    return load_weights()


def _by(rule_id: str, entity: Entity | None) -> Resolution:
    return Resolution(entity, rule_id, SPEAKER_RULES[rule_id].confidence)


class SpeakerResolver:
    """Resolves mentions in text order; one instance per document."""

    def __init__(self, text: str, sentence_of: Callable[[int], tuple[int, int]], names: NameIndex,
                 sentence_number: Callable[[int], int] | None = None, weights: tuple[float, ...] | None = None) -> None:
        self.text = text
        self.sentence_of = sentence_of
        self.sentence_number = sentence_number or (lambda pos: 0)
        self.names = names
        self.entities: list[Entity] = []
        # indexes over the entities, so that each lookup is proportional to its answers
        self._by_word: dict[str, dict[int, Entity]] = {}
        self._by_head: dict[str, dict[int, Entity]] = {}
        self.speakers: list[tuple[int, Entity]] = []  # (position, entity) of attributed quotes
        self.narrated: list[tuple[int, Entity]] = []  # subjects of sentences that quote no one
        # every narrative subject, salient or not, resolved only when a zero subject of the same
        # sentence asks for it (رفض روحاني المزاعم …، موضحا: «…»)
        self.sentence_subjects: list[tuple[int, Mention, str | None]] = []
        self.issuer: Entity | None = None  # who issued «بيان» most recently (وقالت اللجنة في بيان …)
        self.weights = weights if weights is not None else _shipped_weights()

    # -- entities ------------------------------------------------------------------------
    def _index(self, e: Entity) -> None:
        """(Re-)index an entity after its name or titles grew; stale entries are re-checked on use."""
        for w in e.bare_words():
            self._by_word.setdefault(w, {}).setdefault(id(e), e)
        for t in [*e.titles, e.key_words]:
            if t:
                self._by_head.setdefault(_bare(t[0]), {}).setdefault(id(e), e)

    @staticmethod
    def _recent(bucket: dict[int, Entity] | None) -> list[Entity]:
        """The entities of an index bucket, the most recently indexed last; only the last few
        dozen, so that a very long text (a whole feed in one file) stays linear. An article has
        far fewer entities per word than that."""
        if not bucket:
            return []
        return list(itertools.islice(reversed(bucket.values()), _RECENT))[::-1]

    def _find_by_name(self, words: tuple[str, ...]) -> Entity | None:
        bare = tuple(_bare(w) for w in words)
        want = set(bare)
        if not want:
            return None
        hits = [e for e in self._recent(self._by_word.get(min(want, key=len)))
                if e.type == "person" and want <= e.bare_words()
                and not names_a_parent(bare, e.key_words)]
        return max(hits, key=lambda e: (len(e.key_words), e.last_seen)) if hits else None

    def _find_by_title(self, mention: Mention) -> Entity | None:
        words = _words(mention.text)
        hits = [e for e in self._recent(self._by_head.get(_bare(words[0])))
                if any(title_matches(words, t) for t in e.titles + [e.key_words])]
        if not hits:
            hits = [e for e in self.entities[-_RECENT:]
                    if e.type == "person" and any(official_matches(words, t) for t in e.titles)]
        return max(hits, key=lambda e: e.last_seen) if hits else None

    def _new_entity(self, words: tuple[str, ...], span: tuple[int, int], kind: str, title: tuple[str, ...],
                    pos: int) -> Entity:
        e = Entity(words, span, kind, [title] if title else [], last_seen=pos, intro_sentence=self.sentence_of(pos))
        self.entities.append(e)
        self._index(e)
        return e

    def _person(self, mention: Mention, pos: int) -> tuple[Entity, str]:
        words = _words(mention.name)
        title = _words(mention.title)
        named = self._named_before_object(words, pos) if not title else None
        if named is not None:
            # ودعا أوباما العالم إلى …: the person the article names in full, and the verb's object
            mention = named
            words, title = _words(named.name), _words(named.title)
        entity = self._find_by_name(words)
        known = self.names.title_phrase_naming(words, pos)
        if (known is None or len(_words(known.name)) <= len(words)) and (entity is None or len(entity.key_words) <= len(words)):
            known = self.names.name_in_text(words) or known
        if known is not None and len(_words(known.name)) > len(words):
            # the article gives a fuller form elsewhere: use it
            full = _words(known.name)
            if entity is None or len(entity.key_words) < len(full):
                entity = entity or self._find_by_name(full)
                if entity is None:
                    entity = self._new_entity(full, (known.name_start, known.name_end), "person", _words(known.title), pos)
                else:
                    entity.key_words, entity.span = full, (known.name_start, known.name_end)
                entity.intro_sentence = self.sentence_of(known.start)
            if _words(known.title) and _words(known.title) not in entity.titles:
                entity.titles.append(_words(known.title))
            rule = "short_name_full_name_in_article"
        elif entity is not None:
            if len(words) > len(entity.key_words):
                entity.key_words, entity.span = words, (mention.name_start, mention.name_end)
            rule = "name_seen_before"
        else:
            entity = self._new_entity(words, (mention.name_start, mention.name_end), "person", title, pos)
            rule = "name_next_to_cue"
        for said in (title, trailing_title(mention)):
            if said and said not in entity.titles:
                entity.titles.append(said)
        entity.number = entity.number or mention.number
        self._index(entity)
        return entity, rule

    def resolve(self, mention: Mention | None, pos: int, gender: str | None, number: str | None,
                continuation: bool, in_statement: bool = False) -> Resolution:
        """Resolve the mention of a quote whose cue is at ``pos`` (folded offset)."""
        named = self._title_named(mention, gender) if continuation and mention is not None else None
        if named is not None:
            res = named
        elif mention is not None:
            res = self._resolve_mention(mention, pos, gender, continuation)
        else:
            # a zero subject is chosen among the context's candidates; a phrase next to the cue
            # names its speaker itself, and reading the context for it cost a twentieth of the time
            res = self._resolve_zero(pos, gender, number, continuation)
        if res.entity is not None:
            res.entity.last_seen = pos
            if res.entity.gender is None and gender and mention is not None:
                res.entity.gender = gender
            self.speakers.append((pos, res.entity))
            if in_statement:
                self.issuer = res.entity
        return res

    def observe(self, mention: Mention, pos: int, gender: str | None, narrative: bool = False) -> None:
        """A subject of a reporting verb that quoted nothing (وندد X بـ… وقال: «…»): it becomes
        the salient speaker for the zero subjects that follow. A narrative sentence's subject
        (ودانت مملكة البحرين التفجير) counts only for a zero subject that does not continue a
        quotation (وشددت على أن …, not وأضاف)."""
        res = self._resolve_mention(mention, pos, gender)
        if res.entity is not None:
            res.entity.last_seen = pos
            if res.entity.gender is None and gender and mention.type == "person" and mention.name:
                # وأبدت مديرة الشعبة مرزوقة …، مؤكدة: the verb tells a named person's gender, as a
                # quote's verb does
                res.entity.gender = gender
            (self.narrated if narrative else self.speakers).append((pos, res.entity))

    def _title_named(self, mention: Mention, gender: str | None) -> Resolution | None:
        """«قال وزير الخارجية التركي إن … وأضاف مولود تشاووش أوغلو …»: a continuation verb
        goes on with the previous speaker; when that speaker was a title alone and the name is
        new to the article, the name is the title's holder, for the earlier quotes too."""
        if mention.type != "person" or not mention.name or not self.speakers:
            return None
        previous = self.speakers[-1][1]
        name = _words(mention.name)
        if (previous.type != "person" or previous.key_words not in previous.titles
                or (previous.gender and gender and previous.gender != gender)
                or self._find_by_name(name) is not None or self.names.name_in_text(name) is not None):
            return None
        previous.key_words, previous.span = name, (mention.name_start, mention.name_end)
        previous.intro_sentence = None
        self._index(previous)
        return _by("title_named_when_continued", previous)

    def _resolve_honorific(self, pos: int, pronoun: str) -> Resolution:
        """سموه، معاليه: the dignitary named last, as a speaker or anywhere in the text; of those
        the article names with the pronoun's title or style (سموه: أمير، سمو), when it names one."""
        last_speaker = self.speakers[-1] if self.speakers else None
        titles = _PRONOUN_TITLES.get(pronoun, frozenset())
        styled = self.names.last_phrase_styled(pos, titles) if titles else None
        if styled is not None:
            if last_speaker is not None and last_speaker[0] > styled[0] and any(
                    _bare(w) in titles for t in last_speaker[1].titles for w in t):
                # the last speaker is such a dignitary too: وقال معاليه goes on with him, whoever
                # his words name after (… زيارة صاحب السمو الملكي الأمير محمد بن سلمان …)
                return _by("honorific_previous_speaker", last_speaker[1])
            entity, _ = self._person(styled[1], pos)
            return _by("honorific_named_before", entity)
        named = self.names.last_phrase_before(pos)
        if named is not None and (last_speaker is None or named[0] > last_speaker[0]):
            entity, _ = self._person(named[1], pos)
            return _by("honorific_named_before", entity)
        if last_speaker is not None:
            return _by("honorific_previous_speaker", last_speaker[1])
        return _by("honorific_no_one", None)

    def _resolve_mention(self, mention: Mention, pos: int, gender: str | None,
                         continuation: bool = False) -> Resolution:
        if mention.type == "pronoun":
            return self._resolve_honorific(pos, mention.text)
        words = _words(mention.text)
        if words in _GOD_AND_PROPHET:
            # God, named alone, and His messenger: no one's family name (عبد الله …) and no title
            return _by("description_next_to_cue", self._new_entity(words, (mention.start, mention.end), "person", (), pos))
        met = self._met_before(mention, words)
        if met is not None:
            return met
        if mention.name and mention.type == "person":
            entity, rule = self._person(mention, pos)
            return _by(rule, entity)
        if len(words) == 1 and _bare(words[0]) in TITLE_HEADS and not is_definite(words[0]):
            seen = self._find_by_name(words)
            if seen is not None and seen.type == "person" and len(seen.key_words) >= 2 and seen.key_words[-1] == words[0]:
                # وبين قاضي أن …: the family name of «حاتم بن حسن قاضي», who spoke before, not «a judge»
                return _by("surname_full_name_in_article", seen)
        found = self._lone_surname(words, pos) if len(words) <= 2 and _bare(words[0]) not in TITLE_HEADS else None
        if found is None and len(words) == 2:
            found = self._family_name_then_object(words, pos)
        if found is None and len(words) == 2:
            found = self._title_and_family_name(words, pos)
        if found is None and not any(w in _ANOTHER for w in words):  # مصدر آخر: not the same one
            found = self._title(mention, pos)
        if found is not None:
            return found
        if continuation and len(words) == 1 and mention.type == "organisation" and self.speakers:
            # وقال حزب العمال الكردستاني …، وأضافت الجماعة …: a bare common noun for a body, with a
            # verb that goes on, is the body that spoke last
            previous = self.speakers[-1][1]
            if previous.type == "organisation" and previous.key_words != words:
                return _by("generic_noun_continues_speaker", previous)
        if len(words) == 1 and mention.type == "organisation" and is_definite(words[0]) and words[0] in ORGANISATION_HEADS:
            full = self.names.body_named_before(words[0], mention.start)
            if full is not None:
                found = self._resolve_mention(full, full.start, gender)
                if found.entity is not None:
                    return _by("body_named_in_full_before", found.entity)
        if len(words) == 1 and mention.type == "organisation" and is_definite(words[0]) \
                and _bare(words[0]) not in ORGANISATION_HEADS and _bare(words[0]) not in TITLE_HEADS:
            full = self.names.body_of_its_genitive(words[0], mention.start)
            if full is not None:
                found = self._resolve_mention(full, full.start, gender)
                if found.entity is not None:
                    return _by("body_named_in_full_before", found.entity)
        entity = self._new_entity(words, (mention.start, mention.end), mention.type, words, pos)
        entity.number = mention.number
        entity.gender = gender or mention.gender
        return _by("description_next_to_cue", entity)

    def _met_before(self, mention: Mention, words: tuple[str, ...]) -> Resolution | None:
        """«البيان» for the statement's issuer; a description the article used before."""
        if words in (("البيان",), ("بيانه",), ("بيانها",)) and self.issuer is not None and not any(
                e.type == "document" for e in self._recent(self._by_head.get("بيان"))):
            return _by("statement_issuer", self.issuer)
        if mention.type == "person" and len(words) >= 2:
            # حملة ماكرون after «حملة مرشح … إيمانويل ماكرون»: a description met before
            described = [e for e in self._recent(self._by_head.get(_bare(words[0])))
                         if e.type != "person" and title_matches(words, e.key_words)]
            if described:
                return _by("description_met_earlier", max(described, key=lambda e: e.last_seen))
        return None

    def _lone_surname(self, words: tuple[str, ...], pos: int) -> Resolution | None:
        """A lone word that is part of a name given in the article: الكاظمي، حسين."""
        seen = self._find_by_name(words)
        classes = self.names.classes
        if (seen is not None and classes is not None and definite_common_noun(words[0], classes)
                and seen.key_words[0] not in GLUE and classes.name_evidence(seen.key_words[0]) == "no"
                and classes.may_be_nominal(seen.key_words[0])):
            # الأهالي in «تذمُّر الأهالي»: a common noun's genitive, no family name (العساف of إبراهيم
            # العساف is one: a given name comes before it, which the analyser may read only as a
            # verb: مدحت الزاهد)
            seen = None
        known = self.names.title_phrase_naming(words, pos)
        if seen is None and known is None:
            known = self.names.name_in_text(words)
        if known is not None:
            full = self.names.phrases.mention(known.start, known.end)
            assert full is not None  # the phrase was read from this text and named someone
            seen, _ = self._person(full, pos)
        return _by("surname_full_name_in_article", seen) if seen is not None else None

    def _family_name_then_object(self, words: tuple[str, ...], pos: int) -> Resolution | None:
        """«تجنب يعالون الإشارة إلى …»: the same reading for a phrase typed as no person, where the
        analyser misreads the name (يعالون as a verb) and the phrase took both words."""
        named = self._named_before_object(words, pos)
        return _by("surname_full_name_in_article", self._person(named, pos)[0]) if named is not None else None

    def _named_before_object(self, words: tuple[str, ...], pos: int) -> Mention | None:
        """A word the article gives as the family name of a person named in full, then a definite
        common noun (the analyser's reading; a nisba is a family name: نايف الهاجري): the full
        name's phrase, the second word being the verb's object. None otherwise."""
        classes = self.names.classes
        if (classes is None or len(words) != 2 or is_definite(words[0])
                or _bare(words[0]) in TITLE_HEADS or words[0] in STOPWORDS or words[0] in GLUE
                or not definite_common_noun(words[1], classes)):
            return None
        named = self._named_in_full(words[0], pos)
        return named if named is not None and words[1] not in _words(named.name) else None

    def _named_in_full(self, word: str, pos: int) -> Mention | None:
        """The person the article names in full with ``word`` as the family name, when the
        following word is a common noun (the analyser's reading): None otherwise."""
        full = self._full_name_with(word, pos)
        if full is None or _words(full.name)[-1] != word or _words(full.name)[-2] in GLUE:
            return None  # (محمد بن نايف: نايف is his father's name, and نايف الدخيل another man)
        return full

    def _full_name_with(self, word: str, pos: int) -> Mention | None:
        """The fullest name the article writes with ``word`` in it (after a title, or after given
        names), read as a phrase, when it is a person's: two words at least, not a construct chain
        or a complement the analyser shows by its first word (دعم النهضة، لنادي برشلونة الإسباني,
        where a name with its links may open with a common word: عاطي بن عطية القرشي), and no body
        (نادي برشلونة الإسباني)."""
        known = self.names.title_phrase_naming((word,), pos) or self.names.name_in_text((word,))
        if known is None:
            return None
        name = _words(known.name)
        if len(name) < 2 or name[0] in ("ابن", "بن") or any(w in STOPWORDS and w != "علي" for w in name):
            return None  # (ابن عم عبود، فإن أورهان باموق)
        classes = self.names.classes
        title_words = known.title.split()
        styled = bool(title_words) and title_words[-1] in HONORIFICS
        if classes is not None and classes.name_evidence(name[0]) == "no" and not GLUE.intersection(name) and not styled:
            # (after an honorific a name is due, whatever the analyser reads: الدكتور توفيق السديري)
            return None
        full = self.names.phrases.mention(known.start, known.end)
        return full if full is not None and full.name and full.type == "person" else None

    def _title_and_family_name(self, words: tuple[str, ...], pos: int) -> Resolution | None:
        """A title and one definite word the article writes elsewhere as the family name of a
        fuller name (الرئيس السيسي after «الرئيس المصري، عبد الفتاح السيسي»; الدكتور الربيعي after
        «حامد بن صالح الربيعي»): that person. The phrase alone cannot tell a family name from a
        nisba adjective (الرئيس الأمريكي); the article's own full name can."""
        title, last = words
        if (_bare(title) not in TITLE_HEADS and title not in HONORIFICS) or not is_definite(last) or _bare(last) in TITLE_HEADS:
            return None  # (المهندس القرشي: a style, as الدكتور is)
        full = self._full_name_with(last, pos)
        return _by("surname_full_name_in_article", self._person(full, pos)[0]) if full is not None else None

    def _title(self, mention: Mention, pos: int) -> Resolution | None:
        """A title or description: the speaker introduced with it, or the person the article
        names with that title."""
        if mention.type not in ("document", "anonymous", "organisation", "person"):
            return None
        introduced = self._find_by_title(mention)
        if introduced is not None:
            return _by("title_introduced_earlier", introduced)
        if mention.type == "organisation":
            return None  # «وقالت المؤسسة»: a body, not the person whose title names it (رئيس مجلس إدارة المؤسسة)
        known = self.names.title_phrase_with_title(mention, pos)
        if known is not None:
            return _by("title_holder_named", self._person(known, pos)[0])
        return None

    def _own_sentence_subject(self, pos: int, since: int, gender: str | None, number: str | None) -> tuple[int, Entity | None]:
        """The narrative subject of the zero subject's own sentence, when no quote came between
        them: «وكان الأزهر استنكر الهجوم، وأكد أن …» is about الأزهر, whoever spoke before. Returned with
        the offset of its verb (-1 when there is none)."""
        sentence_start = self.sentence_of(pos)[0]
        for p, mention, verb_gender in reversed(self.sentence_subjects):
            if p >= pos:
                continue
            if p < sentence_start or p <= since:
                return -1, None
            if verb_gender and gender and verb_gender != gender:
                return -1, None
            entity = self._resolve_mention(mention, p, verb_gender).entity
            if entity is None or not self._agrees(entity, gender, number):
                return -1, None
            return p, entity
        return -1, None

    def _resolve_zero(self, pos: int, gender: str | None, number: str | None, continuation: bool) -> Resolution:
        """The best-scoring candidate the context offers (speaker_ranking.py), if it scores above
        zero; the rule named is the winner's source, and the rivals go with it as evidence."""
        options = self._zero_options(pos, gender, number, continuation)
        ranked = sorted(options, key=lambda o: o.score, reverse=True)
        for i, option in enumerate(ranked):
            if option.score <= 0:
                break
            entity = option.entity if option.entity is not None else option.make()
            if entity is None:
                continue
            rivals = ranked[:i] + ranked[i + 1:]
            res = _by(option.rule, entity)._replace(candidates=self._shown(option, rivals, pos))
            if _contested(res.candidates):
                res = res._replace(confidence=res.confidence * _CONTESTED)
            return res
        return _by("no_subject_no_speaker", None)._replace(candidates=self._shown(None, ranked, pos))

    def _zero_options(self, pos: int, gender: str | None, number: str | None, continuation: bool) -> list[_Option]:
        """Who the zero subject at ``pos`` may be, each with its features and score, without
        creating entities for those that need one (they are made only if they win)."""
        weights = self.weights
        since = self.speakers[-1][0] if self.speakers else -1
        here = self.sentence_number(pos)
        spoken = bool(self.speakers)
        options: list[_Option] = []

        def add(source: str, rule: str, at: int, entity: Entity | None, make: Callable[[], Entity | None] | None,
                span: tuple[int, int], agrees: bool, **on: float) -> None:
            values = [0.0] * len(FEATURES)  # (a list set by index: a zero subject is resolved 10,000 times a corpus)
            values[_FEATURE_INDEX[source]] = 1.0
            values[_AGREES] = float(agrees)
            values[_SENTENCES_BACK] = min(1.0, max(0, here - self.sentence_number(at)) / 5)
            for name, value in on.items():
                values[_FEATURE_INDEX[name]] = value
            features = tuple(values)
            options.append(_Option(source, rule, at, entity, make or _nobody, span, agrees, features,
                                   score(weights, features)))

        own_at, own = self._own_sentence_subject(pos, since, gender, number)
        if own is not None:
            add("own_sentence_subject", "own_sentence_subject", own_at, own, None, own.span, True)
        for at, e in reversed(self.narrated):
            if at <= since:
                break
            if self._agrees(e, gender, number):
                add("narrative_subject", "narrative_subject_agrees", at, e, None, e.span, True,
                    narrative_subject_continued=float(continuation and spoken))
                break
        for at, mention, verb_gender in reversed(self.sentence_subjects):
            if at <= since:
                break
            if at < pos and at != own_at:
                add("sentence_subject", "narrative_subject_agrees", at, None,
                    partial(self._subject_entity, mention, at, verb_gender),
                    (mention.name_start, mention.name_end) if mention.name else (mention.start, mention.end),
                    not (gender and verb_gender and gender != verb_gender))
        if spoken:
            at, e = self.speakers[-1]
            if self._agrees(e, gender, number):
                named_since = self._someone_named_between(at, pos, e)
                rule = "previous_speaker_past_another_name" if named_since else "previous_speaker_agrees"
                add("previous_speaker", rule, at, e, None, e.span, True, someone_named_since=float(named_since))
            else:
                add("previous_speaker", "latest_speaker_disagrees", at, e, None, e.span, False)
            for back, (at, e) in enumerate(itertools.islice(reversed(self.speakers), 1, None), 1):
                if self._agrees(e, gender, number):
                    add("earlier_speaker", "earlier_speaker_agrees", at, e, None, e.span, True,
                        speakers_back=min(1.0, back / 5))
                    break
        named = self.names.last_phrase_before(pos)
        if named is not None:
            at, mention = named
            singular = number not in ("d", "p")
            add("named_before", "named_before_agrees" if spoken else "first_quote_person_named_before", at, None,
                partial(self._named_entity, mention, pos),
                (mention.name_start, mention.name_end),
                singular and not (gender and mention.gender and gender != mention.gender),
                named_first_quote=float(not spoken and gender != "f" and singular),
                named_agrees=float(spoken and bool(gender) and mention.gender == gender and singular),
                named_since_previous=float(at > since))
        return options

    def _subject_entity(self, mention: Mention, at: int, verb_gender: str | None) -> Entity | None:
        return self._resolve_mention(mention, at, verb_gender).entity

    def _named_entity(self, mention: Mention, pos: int) -> Entity:
        return self._person(mention, pos)[0]

    def _shown(self, winner: _Option | None, rivals: list[_Option], pos: int) -> tuple[Candidate, ...]:
        """The candidates as the reviewer sees them: the winner first, then its rivals best
        first, one per person."""
        found: list[Candidate] = []
        seen: list[frozenset[str]] = []
        here = self.sentence_number(pos)
        for option in ([winner] if winner is not None else []) + rivals:
            words = _bare_words(self.text[option.span[0]:option.span[1]])
            if not words or any(words & other for other in seen):
                continue
            seen.append(words)
            found.append(Candidate(option.span, "chosen" if option is winner else option.source, option.agrees,
                                   max(0, here - self.sentence_number(option.at)),
                                   option is winner, round(option.score, 3), option.features))
        return tuple(found)

    def _someone_named_between(self, start: int, end: int, speaker: Entity) -> bool:
        """Whether the article names another person («title + name») between the previous
        speaker's cue and this one: the zero subject may be that person."""
        found = self.names.last_phrase_before(end)
        return found is not None and found[0] > start and \
            not set(words_of(found[1].name)) <= set(speaker.key_words)

    def _agrees(self, e: Entity, gender: str | None, number: str | None) -> bool:
        if number == "d":
            return e.number == "d"
        if number == "p":
            return e.number in ("p", "d") or e.type == "anonymous"
        if gender == "f":
            return e.gender == "f" or (e.number == "p" and e.type != "person")
        if gender == "m":
            if number == "s" and e.number in ("p", "d") and self._plural_noun_head(e):
                return False  # وأضاف after «أعلن عشرات من الأفراد …»: a plural took the verb before it, not after
            return e.gender != "f" or e.type == "person" and e.gender is None
        return True

    def _plural_noun_head(self, e: Entity) -> bool:
        """The entity is a description whose head is a common noun in the plural or dual by its
        ending (ناشطون، المسؤولين، عشرات، الوزيران), not a name that merely ends so (آرون، فالون)."""
        classes = self.names.classes
        return (e.type != "person" and bool(e.key_words) and classes is not None
                and classes.name_evidence(e.key_words[0]) == "no")


@dataclass(frozen=True)
class Attribution:
    """A content span with its speaker phrase and the speaker resolution chose."""

    span: ContentSpan
    mention: SpeakerMention
    resolution: Resolution


def _salient(mention: Mention | None) -> bool:
    """A subject of a verb that quotes nothing becomes salient only when it is clearly someone:
    a person with title and name or with a short title (وأكد عضو في مجلس الولاية الحادث),
    a pair (أعلنت بغداد وواشنطن … وأكدتا), or a description of a source."""
    if mention is None:
        return False
    words = mention.text.split()
    head = strip_proclitics(words[0])
    if mention.number == "d" and len(words) <= 4:
        return True  # وشدد الطرفان على …، وأكدا أن …: a pair, whatever its head
    if mention.type == "organisation":
        # «organisation» is also what an unknown phrase is typed: only a known kind of body
        # (وزارة، حزب، صحيفة …) is salient, not «أفضل مرشح لكرة القدم»
        known = head in ORGANISATION_HEADS or words[0] in ORGANISATION_HEADS or head in MEDIA_AND_GROUPS
        return known and len(words) <= 4
    return bool((mention.type == "person" and mention.name and mention.title)
                or (mention.type == "person" and mention.title and not mention.name and len(words) <= 6)
                or (mention.type == "anonymous" and len(words) <= 8))


def _subject_naming_someone(mention: Mention, classes: WordQuestions | None) -> Mention | None:
    """A narrative subject that names a person or a body, as the name alone: a salient subject,
    a single word for a body the analyser can read as a name (الأزهر، رويترز), or a person's
    name whose words can all be a name. None for a phrase that opens with a preposition, a
    connective or a verbal noun (وعن حجم الخسائر، بدوره، تأكيد)."""
    if _salient(mention):
        return mention
    if classes is None:
        return None
    words = _words(mention.text)
    if mention.type == "organisation" and len(words) == 1:
        return mention if classes.name_evidence(words[0]) != "no" else None
    if mention.type != "person" or not mention.name or mention.title:
        return None
    name = _words(mention.name)
    if words[:len(name)] != name:
        return None
    if (len(name) == 2 and len(words) == 2 and not is_definite(name[0]) and name[0] not in STOPWORDS
            and is_definite(name[1]) and name[1].endswith("ي") and name[1] not in STOPWORDS
            and not definite_common_noun(name[1], classes) and classes.name_evidence(name[1]) != "no"
            and not classes.ends_mention(name[0]) and not classes.is_verbal_noun(name[0])
            and classes.narrative_verb(name[0]) is None):
        # أشاد مطلق البقمي …: a given name the analyser reads as a common word (مطلق «absolute»), then
        # a family name in -ي it knows as a name or not at all (not الأهالي): an indefinite word takes
        # no definite adjective, so the two are a name
        return mention
    kept = list(itertools.takewhile(
        lambda w: w not in STOPWORDS and classes.is_name_candidate(w) and not classes.ends_mention(w), name))
    last = name[-1]
    if (len(kept) == len(name) - 1 and kept and is_definite(last) and not classes.ends_mention(last)
            and not definite_common_noun(last, classes)):
        # محمد البحراني: a family name closes the name, though it reads as a nisba
        return mention._replace(end=mention.name_end, text=mention.name)
    if not kept or not mention.name.startswith(" ".join(kept)):
        return None
    end = mention.name_start + len(" ".join(kept))
    return mention._replace(end=end, text=" ".join(kept), name=" ".join(kept), name_end=end)


def resolve_speakers(doc: Document, names: NameIndex, spans: tuple[ContentSpan, ...],
                     mentions: tuple[SpeakerMention, ...], silent: tuple[SilentSubject, ...],
                     weights: tuple[float, ...] | None = None) -> list[Attribution]:
    """A speaker for every span, in text order of the cues, then the quotations with no cue of
    their own (a paragraph that continues the previous speaker, a «speaker: statement» headline).
    ``weights`` rank the candidates of zero subjects (None: the shipped ones)."""
    ends = doc.sentences.ends
    resolver = SpeakerResolver(doc.text, doc.sentence_span, names, lambda pos: bisect_left(ends, pos), weights)
    events: list[tuple[int, int, SilentSubject | int]] = [(s.cue.start, 0, i) for i, s in enumerate(spans)]
    events += [(s.at, 1, s) for s in silent]
    resolutions: dict[int, Resolution] = {}
    for _pos, _order, item in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(item, SilentSubject):
            subject = item.mention
            if subject is not None:
                named = _subject_naming_someone(subject, doc.phrases.classes)
                if named is not None:
                    resolver.sentence_subjects.append((item.at, named, item.gender))
            if subject is not None and _salient(subject):
                resolver.observe(subject, item.at, item.gender, item.narrative)
            continue
        span, mention = spans[item], mentions[item]
        cue = span.cue
        # (نقلت وكالة رويترز عن الناطق …: the verb agrees with the relay, not with the speaker)
        verbal = cue.pos in ("verb", "participle") and cue.lemma != "نقل"
        in_statement = "بيان" in doc.text[cue.end:span.start] and mention.mention is not None
        resolutions[item] = resolver.resolve(mention.subject, cue.start, cue.gender if verbal else None,
                                             cue.number if verbal else None, cue.continuation, in_statement)
    attributed = [Attribution(s, m, resolutions[i]) for i, (s, m) in enumerate(zip(spans, mentions, strict=True))]
    attributed += _paragraph_continuations(doc, attributed)
    attributed += _headline(doc, resolver, attributed)
    attributed.sort(key=lambda a: a.span.start)
    return attributed


def _right_after_a_quotation(text: str, line_start: int, open_at: int, taken: SpanSet) -> bool:
    """Only full stops or commas part this quotation from the close of an attributed one
    (وقال: «…».. «…»): it goes on with the same words."""
    before = text[line_start:open_at].rstrip(" .،,…")
    close = line_start + len(before) - 1  # the mark that closes the quotation before
    return bool(before) and before[-1] in "»\"”" and open_at - close <= 5 and taken.overlaps(close - 1, close)


def _paragraph_continuations(doc: Document, attributed: list[Attribution]) -> list[Attribution]:
    """A quotation opening a paragraph with no cue, or right after an attributed quotation with
    only punctuation between, continues the latest speaker."""
    text = doc.text
    out = []
    taken = SpanSet()
    for a in attributed:
        taken.add(a.span.start, a.span.end)
    resolved = sorted((a for a in attributed if a.resolution.entity), key=lambda a: a.span.cue.start)
    cue_starts = [a.span.cue.start for a in resolved]
    for p in doc.pairs:
        s, e = trim(text, *p.inner)
        if taken.overlaps(s, e):
            continue
        line_start = text.rfind("\n", 0, p.open_at) + 1
        if not has_words(text, 4, s, e):
            continue
        if text[line_start:p.open_at].strip() and not _right_after_a_quotation(text, line_start, p.open_at, taken):
            continue
        k = bisect_left(cue_starts, p.open_at) - 1
        if k < 0:
            continue
        last = resolved[k]
        span = ContentSpan(last.span.cue, s, e, "direct", "paragraph_continues_speaker", (s, s), SUBJECT_AFTER_CUE, p,
                           CONSTRUCTIONS["paragraph_continues_speaker"].confidence)
        out.append(Attribution(span, SpeakerMention(None, None, "none"),
                               _by("previous_quotation_speaker", last.resolution.entity)))
    return out


def _headline(doc: Document, resolver: SpeakerResolver, attributed: list[Attribution]) -> list[Attribution]:
    """«الجبير: إيران تتدخل …» — a headline of the form «speaker: statement».

    A topic label has the same shape («أوكرانيا : أعنف قصف …»), so the phrase before the
    colon counts only when it names someone the article itself quotes.
    """
    text = doc.text
    first_line_end = text.find("\n")
    line = text[:first_line_end if first_line_end != -1 else len(text)]
    colon = line.find(":")
    if colon <= 0 or len(line) > 250 or any(a.span.start < len(line) for a in attributed):
        return []
    np_start = len(line) - len(line.lstrip())
    if not 1 <= word_count(line[np_start:colon]) <= 6 or not has_words(line, 3, colon + 1):
        return []
    mention = doc.phrases.mention(np_start, len(line[:colon].rstrip()))
    speakers = {id(a.resolution.entity) for a in attributed if a.resolution.entity}
    if mention is None or not speakers:
        return []
    res = resolver.resolve(mention, np_start, None, None, False)
    if res.entity is None or id(res.entity) not in speakers or res.entity.type != "person":
        return []  # «بيان مشترك: …» summarises a document; only people are quoted in headlines
    s, e = trim(text, colon + 1, len(line))
    pair = doc.pair_at.get(s)
    if pair is not None and pair.close_at >= e - 1:
        s, e = trim(text, *pair.inner)
    cue = Cue(colon, colon + 1, doc.tokens.index_at(colon), ":", ":", "headline")
    span = ContentSpan(cue, s, e, "direct", "headline_speaker_colon", (np_start, colon), SUBJECT_AFTER_CUE, None,
                       CONSTRUCTIONS["headline_speaker_colon"].confidence)
    return [Attribution(span, SpeakerMention(mention, mention, "subject_after_cue"),
                        Resolution(res.entity, "headline_names_speaker", res.confidence))]
