"""The article's name index: every «title + name» phrase and every «given names + family
name» the article writes, looked up by a word of the name or by the title's head noun.

It is built before the content spans and read by the span stage (is this according-to
source someone the article names?) and by resolution (a surname, a title or an honorific
pronoun to the fullest name the article gives), so that no stage calls back into a later
one. Reading a phrase costs a subject walk and most articles need only a few, so phrases
are read on demand and memoised: the index behaves as an immutable layer whose entries are
computed the first time they are asked for. Every look-up is proportional to its answers,
so a long article with recurring names and titles stays linear.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import lexicon
from .normalize import WORD, Tokens, strip_proclitics, words_of
from .phrases import (
    ANONYMOUS_HEADS,
    COMPLEMENTISERS,
    DOCUMENT_HEADS,
    FILIATION,
    GLUE,
    HONORIFICS,
    ORGANISATION_HEADS,
    PRONOUN_SUFFIXES,
    RELATIVE_PRONOUNS,
    STOPWORDS,
    TITLE_HEADS,
    Mention,
    PhraseReader,
    WordQuestions,
    body_name_end,
    complement_ends,
    definite_common_noun,
    eponym_style,
    is_definite,
    is_head_noun,
    past_eponym,
    qualifies_rank,
    trailing_title,
)

if TYPE_CHECKING:
    from .document import Document

_bare = strip_proclitics

# Every surface form of a title head (وزير، الوزير، ووزير، والوزير): one set intersection
# per article finds them, instead of stripping every word.
_TITLE_FORMS = frozenset(
    f"{conj}{art}{head}" for head in TITLE_HEADS for conj in ("", "و", "ف") for art in ("", "ال")
)
TITLE_PHRASE_LIMIT = 200  # characters a «title + name» phrase may span
_FAR = 10_000  # a phrase after the position ranks below one this much further before it


def bare_forms(key: str) -> list[str]:
    """Every word whose bare form is ``key``: itself, with the article, with و/ف + article,
    or with و/ف before a short word in ال."""
    return [w for w in (key, "ال" + key, "وال" + key, "فال" + key, "و" + key, "ف" + key) if _bare(w) == key]


def title_matches(mention: tuple[str, ...], title: tuple[str, ...]) -> bool:
    """«الوزير العراقي» names the holder of «وزير الخارجية العراقي»: same head noun, and the
    mention's other words are in the title, or are nisba adjectives the title left implicit
    («وزير الخارجية» introduced, «وزير الخارجية العراقي» used later)."""
    if not mention or not title or _bare(mention[0]) != _bare(title[0]):
        return False
    rest = {_bare(w) for w in mention[1:] if w not in ("في", "باسم")}
    have = {_bare(w) for w in title}
    missing = rest - have
    if rest and not (rest & have):
        return False
    if not all(w.endswith(("ي", "يه")) for w in missing):
        return False
    if any(w[:1] in ("ل", "ب") and not w.startswith(("لل", "بال")) and _bare(w) in missing for w in mention[1:]):
        # «السكرتير الخاص لهادي»: a genitive in ل on a name names another, the one the post serves
        # (not «المدير الطبي للمستشفى»: the institution the title left implicit)
        return False
    if missing and not any(map(is_definite, mention)):
        # مصدر عسكري مالي after «مصدر عسكري آخر»: a description with no definite word, not even a
        # genitive's (وزير المعادن السوداني), is indefinite, and what it adds tells another one
        return False
    # «وزير الخارجية القطري» is not «وزير الخارجية الأميركي»: each ends on a nationality the
    # other lacks (in either gender: التركي and التركية are one)
    said, given = _final_nisba(mention), _final_nisba(title)
    if said and not given and not _nisba_of_place(said, title):
        return False  # «وزير الخارجية السعودي» is not «وزير خارجية مصر»: the nationality names another place
    return not (said and given and said != given and said not in _masculine(title) and given not in _masculine(mention))


_OFFICIAL = frozenset({"مسؤول", "مسؤوله", "مسئول", "مسئوله", "قيادي", "قياديه"})


def official_matches(mention: tuple[str, ...], title: tuple[str, ...]) -> bool:
    """«المسؤول اليمني» names the holder of «وزير الداخلية اليمني», «القيادي الحوثي» a member of
    «المجلس السياسي لجماعة الحوثي»: news refers back to an official by the generic word for one
    (المسؤول، القيادي) and the nationality or group the title gave him, whatever his office."""
    if len(mention) != 2 or not is_definite(mention[0]) or _bare(mention[0]) not in _OFFICIAL:
        return False
    said = _final_nisba(mention)
    return bool(said) and bool(title) and _bare(title[0]) in TITLE_HEADS and said in _masculine(title[1:])


def _nisba_of_place(nisba: str, title: tuple[str, ...]) -> bool:
    """Whether a nationality (bare, masculine: سعودي) may be the one of the place a title ends
    on without the article (وزير خارجية | مصر): a nisba is its place's name and -ي (مصر، مصري؛
    بريطانيا، بريطاني). True when the title ends on no such place."""
    if not 2 <= len(title) <= 3 or _bare(title[0]) not in TITLE_HEADS or title[0] in ANONYMOUS_HEADS \
            or any(map(is_definite, title)) or any(w in STOPWORDS or w in GLUE for w in title):
        return True  # (only a title in construct with a place: سفير | مصر، وزير خارجية | مصر)
    place = title[-1]
    if is_head_noun(place) or place[:1] == "و" or _bare(place).endswith(("ي", "يه")):
        return True
    stem = _bare(place)
    for ending in ("يا", "ا"):
        stem = stem.removesuffix(ending)
    root = nisba.removesuffix("ي")
    return stem[:3] == root[:3]


def _masculine(words: tuple[str, ...]) -> set[str]:
    return {_bare(w).removesuffix("ه") for w in words}


def _final_nisba(words: tuple[str, ...]) -> str:
    """The last definite word of a title before an honorific, bare and in the masculine, if it
    ends as a relative adjective does (-ي، -ية): where news puts the nationality. Not the head,
    nor the word right after a head without the article, which is its genitive (وزير | الخارجية)."""
    last = ""
    for k, w in enumerate(words):
        if w in HONORIFICS:
            break  # (a name follows: الخبير الأمني | الدكتور الغزي)
        if k >= (1 if is_definite(words[0]) else 2) and is_definite(w):
            last = _bare(w).removesuffix("ه")
    return last if last.endswith("ي") else ""


def _nearest(ats: list[int], phrases: list[Mention], pos: int) -> Mention | None:
    """Of phrases at offsets ``ats`` (in order), the nearest before ``pos``, else the nearest after
    it; one before wins unless it is over ``_FAR`` characters further away."""
    k = bisect_right(ats, pos)
    before = k - 1 if k > 0 else None
    after = k if k < len(ats) else None
    if before is None:
        return phrases[after] if after is not None else None
    if after is None or pos - ats[before] <= _FAR + ats[after] - pos:
        return phrases[before]
    return phrases[after]


_EPONYM_HEADS = lexicon.words("eponym_heads")
# The styles dignitaries are addressed by, bare (سمو، معالي، جلالة …): one in a title tells which
# honorific pronoun may refer to its holder. Not دولة, a style but also «state» (وزير خارجية دولة …).
_STYLES = frozenset(_bare(w) for w in lexicon.words("honorific_styles")) - {"دوله"}


def _closeness(said: set[str], title: str) -> tuple[int, int]:
    """How closely a title writes a mention's words: how many it shares, then how few it adds
    (honorifics aside)."""
    words = set(words_of(title))
    return len(said & words), -len(words - said - HONORIFICS)


def styled_otherwise(title: str, titles: frozenset[str]) -> bool:
    """Whether a title carries a style none of ``titles`` (bare) is (صاحب السمو … for «معاليه»)."""
    return bool({_bare(w) for w in words_of(title)} & _STYLES - titles)


def names_a_parent(words: tuple[str, ...], name: Sequence[str]) -> bool:
    """Whether a name (``words``, bare) stands in the words of ``name`` only right after بن/بنت,
    as a lineage names a parent: «عبد العزيز» in «سلمان بن عبد العزيز آل سعود» is his father,
    another person. A lone word that ends the name is its family name too (أحمد بن عيد: «عيد»)."""
    ws = [_bare(w) for w in name]
    at = [k for k, w in enumerate(ws) if w == words[0]]
    return bool(at) and all(k > 0 and ws[k - 1] in FILIATION and _parent_not_family(words, ws, k) for k in at)


def _parent_not_family(words: tuple[str, ...], name: Sequence[str], k: int) -> bool:
    """The name after بن at ``k`` is a parent's, not a family name: it has two words or more, or
    more of the lineage follows it."""
    after = k + len(words)
    return len(words) >= 2 or (after < len(name) and name[after] in GLUE)


def _blocks_given_name(word: str) -> bool:
    """Words that are never a given name before a family name (nor is an institution's noun
    before its eponym: مسجد | عبدالله بن العباس)."""
    return (word in STOPWORDS or _bare(word) in _EPONYM_HEADS or word.removeprefix("ف") in COMPLEMENTISERS or _bare(word) in TITLE_HEADS or word in ORGANISATION_HEADS
            or _bare(word) in ORGANISATION_HEADS or is_definite(word) or (word.startswith("و") and len(word) >= 5)
            or word in HONORIFICS or not word.isalpha() or word.endswith(PRONOUN_SUFFIXES))


def _not_a_family_name(words: tuple[str, ...]) -> bool:
    return not words or len(words) > 2 or any(
        w in STOPWORDS or _bare(w) in TITLE_HEADS or w in ORGANISATION_HEADS or _bare(w) in ORGANISATION_HEADS
        or _bare(w) in ANONYMOUS_HEADS or _bare(w) in DOCUMENT_HEADS for w in words
    ) or (is_definite(words[-1]) and words[-1].endswith(("ون", "ين", "ات")))  # الحوثيون: a group


# Words that open a clause before its verb (كما، فيما، قد …): the verb after one is no given name.
_CLAUSE_OPENERS = lexicon.words("clause_openers")


class NameIndex:
    """The people an article names, for one document."""

    def __init__(self, text: str, tokens: Tokens, stops: frozenset[int], names: frozenset[int] = frozenset(),
                 classes: WordQuestions | None = None, ala: frozenset[int] = frozenset(),
                 phrases: PhraseReader | None = None) -> None:
        """``phrases``: the document's phrase reader over the same text, stops, names, classes and
        ala, whose mentions the name index then shares with the later stages."""
        self.text = text
        self.tokens = tokens
        self.stops = stops
        self.names = names
        self.classes = classes
        self.phrases = phrases if phrases is not None else PhraseReader(text, stops, names, classes, ala)
        self._titles: tuple[list[int], list[str]] | None = None
        self._phrases: dict[int, Mention | None] = {}
        self._extents: dict[int, int] = {}
        self._name_words: dict[int, frozenset[str]] = {}
        self._naming: dict[str, list[tuple[int, Mention]]] = {}
        self._headed: dict[str, list[tuple[int, Mention]]] = {}
        self._names_in_text: dict[tuple[str, ...], Mention | None] = {}
        self._word_positions: dict[str, list[int]] = {}
        self._all_positions: dict[str, list[int]] = {}
        self._containing: dict[tuple[frozenset[str], str], tuple[list[int], list[Mention], list[int], list[Mention]]] = {}
        self._with_title: dict[tuple[str, ...], tuple[list[int], list[Mention]]] = {}
        self._last_named: dict[int, tuple[int, Mention] | None] = {}

    # -- «title + name» phrases ----------------------------------------------------------
    def title_words(self) -> tuple[list[int], list[str]]:
        """Folded offsets of the title words, in text order, with each one's bare head."""
        if self._titles is None:
            starts: list[int] = []
            heads: list[str] = []
            words, offsets = self.tokens.words, self.tokens.starts
            for i in self.tokens.indices_of(_TITLE_FORMS):
                w, start = words[i], offsets[i]
                if eponym_style(words, i) or (i > 0 and words[i - 1] == "ال"):
                    continue  # جامعة الملك سعود: an institution's eponym; آل الشيخ: a family name, no one's title
                if i > 0 and self._in_construct(i):
                    continue  # نائب الرئيس محمد ناصر: the name is the vice-president's
                if w in ("امام", "وامام") and start not in self.names:
                    continue  # أمام «before», which folds as إمام «imam» does
                if _bare(w) in TITLE_HEADS:
                    head = _bare(w)
                elif w[:1] == "و" and _bare(w[1:]) in TITLE_HEADS:
                    head, start = _bare(w[1:]), start + 1  # وزير is a title, ووزير is «and the minister»
                else:
                    continue
                starts.append(start)
                heads.append(head)
            self._titles = (starts, heads)
        return self._titles

    def _in_construct(self, i: int) -> bool:
        """Whether the definite title word at token ``i`` is the genitive of a title before it
        (نائب | الرئيس، مستشار | الرئيس الأمريكي): a title without the article governs the definite
        word after it, and the name that follows is its holder's, not this title's. (After a body,
        مكتب الرئيس بول بيا, or a kin noun, مهدي هاشمي، نجل الرئيس … أكبر هاشمي رفسنجاني, the name
        may be the genitive's own.)"""
        words = self.tokens.words
        w, before = words[i], words[i - 1]
        if not is_definite(w) or w[:1] in ("و", "ف") or is_definite(before) or before in HONORIFICS:
            return False
        if self.text[self.tokens.ends[i - 1]:self.tokens.starts[i]] != " ":
            return False
        return _bare(before) in TITLE_HEADS

    def title_phrase(self, start: int) -> Mention | None:
        """The phrase at a title word if it gives a title and a name (read once)."""
        if start not in self._phrases:
            end = self._title_extent(start)
            mention = self.phrases.mention(start, end)
            if mention is not None and mention.title and not mention.name:
                mention = self._title_after_a_name(start)
            elif mention is not None and not (mention.name and mention.title):
                mention = None
            if mention is not None:
                self._name_words[id(mention)] = frozenset(_bare(w) for w in words_of(mention.name))
            self._phrases[start] = mention
        return self._phrases[start]

    def _title_after_a_name(self, start: int) -> Mention | None:
        """A title word that follows the name of a phrase opened by the title word before it
        (الأمير خليفة بن سلمان آل خليفة | رئيس الوزراء بمملكة البحرين): that name, with this title,
        which the article may use for him later (سمو رئيس الوزراء)."""
        starts = self.title_words()[0]
        k = bisect_left(starts, start) - 1
        if k < 0 or start - starts[k] > TITLE_PHRASE_LIMIT:
            return None
        # (its own phrase, not title_phrase: no chain of calls back over a run of title words)
        before = self.phrases.mention(starts[k], self._title_extent(starts[k]))
        if before is None or not before.name or not before.name_end <= start < before.end:
            return None
        i = self.tokens.index_at(before.start)
        title = trailing_title(before, definite=i > 0 and self.tokens.starts[i - 1] in self.stops)
        if not title or self.text[before.name_end:start].strip(" ،,"):
            return None
        return before._replace(title=" ".join(title))

    def _title_extent(self, start: int) -> int:
        """Where the phrase at a title word ends (read once)."""
        end = self._extents.get(start)
        if end is None:
            end = self._extents[start] = self.phrases.extent(start, min(len(self.text), start + TITLE_PHRASE_LIMIT))
        return end

    def _may_name(self, start: int, key: str) -> bool:
        """Whether the phrase at a title word has a word that is ``key`` once bare: its name's
        words are some of them. Half the title words near an occurrence of a key stop before it,
        and this spares building their phrase (about a tenth of the speaker stage)."""
        if start in self._phrases:
            return True  # read already: its name says
        return any(_bare(w) == key for w in WORD.findall(self.text, start, self._title_extent(start)))

    def name_words(self, phrase: Mention) -> frozenset[str]:
        """The bare words of a title phrase's name."""
        return self._name_words[id(phrase)]

    def phrases_naming(self, key: str) -> list[tuple[int, Mention]]:
        """The title phrases, in text order, whose name has a word that is ``key`` once bare.
        Such a word lies within the phrase limit after its title word."""
        found = self._naming.get(key)
        if found is None:
            starts = self.title_words()[0]
            near: set[int] = set()
            occurrences = self._bare_occurrences(key)
            for at in occurrences:
                near.update(range(bisect_right(starts, at - TITLE_PHRASE_LIMIT), bisect_right(starts, at)))
            found = self._phrases_at(sorted(starts[k] for k in near), key)
            if not found and self.classes is not None:
                # no listed title names it: a description no lexicon lists may, with a name of
                # three words at most (a run of names in a tag line is several people)
                found = [(at, m) for at, m in self._phrases_at(self._description_starts(occurrences), key)
                         if len(self._name_words[id(m)]) <= 3]
            self._naming[key] = found
        return found

    def _phrases_at(self, starts: list[int], key: str) -> list[tuple[int, Mention]]:
        found = []
        for start in starts:
            if not self._may_name(start, key):
                continue
            m = self.title_phrase(start)
            if m is not None and key in self._name_words[id(m)]:
                found.append((start, m))
        return found

    def _description_starts(self, occurrences: list[int]) -> list[int]:
        """Where a description no lexicon lists opens right before an occurrence of a key (the
        offsets of its words, ``_bare_occurrences``): the first of the definite words that lead up
        to it (الملياردير الكوري الجنوبي تشونغ مون-جون). The phrase grammar decides whether it is a
        description and a name."""
        toks = self.tokens
        found = []
        for at in occurrences:
            i = toks.index_at(at)
            j = i
            while j > 0 and i - j < 4 and is_definite(toks.words[j - 1]) and \
                    not self.text[toks.ends[j - 1]:toks.starts[j]].strip():
                j -= 1
            if j < i and self.classes is not None and self.classes.name_evidence(toks.words[j]) == "no" \
                    and _bare(toks.words[j]) not in ORGANISATION_HEADS:
                found.append(toks.starts[j])
        return sorted(set(found))

    def _bare_occurrences(self, key: str) -> list[int]:
        """Offsets of the words whose bare form is ``key``. The first few keys of an article are
        found by one C-level search for ``key`` itself, which finds all its forms at once (going
        through positions form by form made the extractor 4-10% slower); past a dozen,
        through the index of all words, so that a long article stays linear."""
        if len(self._naming) >= 12:
            return sorted(self.tokens.starts[i] for form in bare_forms(key) for i in self.positions(form))
        text, words, starts, ends = self.text, self.tokens.words, self.tokens.starts, self.tokens.ends
        found: list[int] = []
        i = text.find(key)
        while i != -1:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < ends[k] and (not found or found[-1] != starts[k]) and _bare(words[k]) == key:
                found.append(starts[k])
            i = text.find(key, i + 1)
        return found

    def phrases_headed(self, head: str) -> list[tuple[int, Mention]]:
        """The title phrases, in text order, whose title's head noun is ``head``."""
        found = self._headed.get(head)
        if found is None:
            starts, heads = self.title_words()
            found = [(at, m) for at, h in zip(starts, heads, strict=True)
                     if h == head and (m := self.title_phrase(at)) is not None]
            self._headed[head] = found
        return found

    def last_phrase_styled(self, pos: int, titles: frozenset[str]) -> tuple[int, Mention] | None:
        """The last title phrase before ``pos`` that names someone with one of ``titles`` (bare)
        in its title: whom an honorific pronoun (سموه، معاليه) refers to. Not one styled otherwise:
        a prince who is also a minister (صاحب السمو الملكي … وزير الدفاع) is no «معاليه»."""
        starts = self.title_words()[0]
        for k in range(bisect_left(starts, pos) - 1, -1, -1):
            m = self.title_phrase(starts[k])
            if m is None or m.start != starts[k]:
                continue  # (a title after a name: the phrase before, which has the style, is read next)
            title = {_bare(w) for w in words_of(m.title)}
            if title & titles and not styled_otherwise(m.title, titles):
                return starts[k], m
        return None

    def last_phrase_before(self, pos: int) -> tuple[int, Mention] | None:
        """The last title phrase that names someone before ``pos``. The answer for each title
        word is kept, so the walks back over title words that name no one are done once."""
        starts = self.title_words()[0]
        k = bisect_left(starts, pos) - 1
        walked: list[int] = []
        found: tuple[int, Mention] | None = None
        while k >= 0:
            if k in self._last_named:
                found = self._last_named[k]
                break
            walked.append(k)
            m = self.title_phrase(starts[k])
            if m is not None:
                found = (starts[k], m)
                break
            k -= 1
        for j in walked:
            self._last_named[j] = found
        return found

    def title_phrase_naming(self, words: tuple[str, ...], pos: int) -> Mention | None:
        """The title phrase with the fullest name containing all ``words``: of those, the
        nearest before ``pos``, else the nearest after it (a phrase before wins unless it is
        over ten thousand characters further away)."""
        want = frozenset(_bare(w) for w in words)
        if not want:
            return None
        first = _bare(words[0])
        cached = self._containing.get((want, first))
        if cached is None:
            # the shortest word, the same one whatever the set's order, finds the fewest phrases
            key = min(want, key=lambda w: (len(w), w))
            bare = tuple(_bare(w) for w in words)
            hits = [(at, m) for at, m in self.phrases_naming(key) if want <= self._name_words[id(m)]
                    and (first in FILIATION or not names_a_parent(bare, words_of(m.name)))]
            longest = max((len(self._name_words[id(m)]) for _, m in hits), default=0)
            best = [(at, m) for at, m in hits if len(self._name_words[id(m)]) == longest]
            cached = self._containing[(want, first)] = ([at for at, _ in best], [m for _, m in best],
                                               [at for at, _ in hits], [m for _, m in hits])
        ats, phrases, hit_ats, hit_phrases = cached
        chosen = _nearest(ats, phrases, pos)
        # two people may share a family name: the one named last before ``pos`` is meant, unless the
        # fullest name is a fuller form of that one's (الدكتور عبدالرحمن السلمي … الدكتور السلمي, not
        # عبدالله بن عويقل السلمي named elsewhere)
        j = bisect_right(hit_ats, pos) - 1
        if chosen is not None and j >= 0 and not self._name_words[id(hit_phrases[j])] <= self._name_words[id(chosen)]:
            return hit_phrases[j]
        return chosen

    def title_phrase_with_title(self, mention: Mention, pos: int) -> Mention | None:
        """The title phrase whose title the mention («الوزير العراقي») abbreviates: the last one
        before ``pos``, else the first after it."""
        words = words_of(mention.text)
        styles = []
        while len(words) > 1 and words[0] in HONORIFICS:
            styles.append(words[0])  # معالي وزير الخارجية: the title after the style, as title words are read
            words = words[1:]
        if _bare(words[0]) not in TITLE_HEADS:
            return None
        key = (*styles, *words)
        cached = self._with_title.get(key)
        if cached is None:
            hits = [(at, m) for at, m in self.phrases_headed(_bare(words[0])) if title_matches(words, words_of(m.title))
                    and self._may_be_a_name(m.name)]
            if styles:
                # a style names those the article styles so (معالي وزير الخارجية: not the Italian one),
                # with a name of two words at least (not «ألقى سمو أمير دولة الكويت | كلمة»)
                hits = [(at, m) for at, m in hits if len(words_of(m.name)) >= 2]
                hits = [(at, m) for at, m in hits if self.text[max(0, at - 16):at].split()[-1:] == styles[-1:]] or hits
            # the titles that write the mention's words as it does and add the fewest first: «وزير
            # الخارجية» is the holder of «وزير الخارجية» before the one of «وزير خارجية روسيا» or
            # «وزير الخارجية الإيطالي»
            said = set(words)
            scored = [(at, m, _closeness(said, m.title)) for at, m in hits]
            closest = max((c for *_, c in scored), default=(0, 0))
            hits = [(at, m) for at, m, c in scored if c == closest]
            cached = self._with_title[key] = ([at for at, _ in hits], [m for _, m in hits])
        ats, phrases = cached
        if not ats:
            return None
        k = bisect_right(ats, pos) - 1
        return phrases[k] if k >= 0 else phrases[0]

    def _may_be_a_name(self, name: str) -> bool:
        """Whether a phrase's name may be one: some word the analyser may read as a name, or a
        last word, where the family name stands, that is clearly none (a verb, a definite common
        noun, an accusative in -ا). Not «جاء اعترافًا» or «كرة القدم», which a long title phrase
        can end on; بان كي مون is."""
        classes = self.classes
        if classes is None:
            return True
        words = words_of(name)
        last = words[-1] if words else ""
        return any(classes.name_evidence(w) != "no" for w in words) or not (
            classes.ends_mention(last) or definite_common_noun(last, classes) or last.endswith("ا"))

    # -- «given names + family name» --------------------------------------------------------
    def name_in_text(self, words: tuple[str, ...]) -> Mention | None:
        """The fullest «given names + family name» the text writes for a lone family name.

        News introduces a person once with the given name (واستقالت ريما خلف …) and then
        uses the family name alone. The given names are the words right before some
        occurrence of the family name: no punctuation between, no function words, no
        definite words, no conjunction-prefixed long words (واستقالت), at most two of them
        besides the links بن/أبو/عبد.
        """
        if words not in self._names_in_text:
            self._names_in_text[words] = None if _not_a_family_name(words) else self._find_name_in_text(words)
        return self._names_in_text[words]

    def _given_names_start(self, i: int, name_words: int = 1) -> int:
        """The token where the given names before token ``i`` (which opens ``name_words`` words of
        the name) start (``i`` if none)."""
        toks = self.tokens
        k, given = i, 0
        while given < 2 and k > 0:
            prev = toks[k - 1]
            if (self.text[prev.end:toks[k].start].strip(" ") or prev.start in self.stops
                    or (prev.start not in self.names and _blocks_given_name(prev.text)
                        and not self._name_particle(k - 1))
                    or self._clitic_word(prev.text) or self._clause_opening_verb(k - 1)
                    or qualifies_rank(toks.words, k - 1)  # الفريق أول | عبدالرحمن البنيان
                    or (given + name_words >= 2 and complement_ends(toks.words, k, self.classes))
                    or past_eponym(toks.words, k, self.classes)  # جامعة الملك سعود | عبد الله الصقعبي
                    or (self.classes is not None and self.classes.possessed(prev.text))):  # ضيفته | هيفاء وهبي
                # (لصحة عسير | سعيد النقير، بخيبر | فهد الرشيدي: a title's complement, then a name of
                # two words or more; a shorter one may be the genitive itself: بنظر سليمان غوينغوينغ)
                break
            k -= 1
            if prev.text not in GLUE:
                given += 1
        return k

    def _name_particle(self, k: int) -> bool:
        """فان in a Dutch name (لويس فان غال، روبن فان بيرسي): written without hamza, after a word
        that may be a given name with nothing between; فإن, the complementiser, has one."""
        toks = self.tokens
        if toks.words[k] != "فان" or k == 0 or self.classes is None or self.text[toks.ends[k - 1]:toks.starts[k]] != " ":
            return False
        spelling = self.phrases.spelling
        return ((spelling is None or spelling.spelled_at(toks.starts[k] + 1) == "ا")
                and not _blocks_given_name(toks.words[k - 1])
                and self.classes.name_evidence(toks.words[k - 1]) in ("proper", "ambiguous", "unanalysed"))

    def _clause_opening_verb(self, k: int) -> bool:
        """A word that opens a clause and reads as a third-person perfective verb, never as a
        name, is the verb of a verb-first sentence (من جهة أخرى، رفض روحاني …): no given name."""
        toks = self.tokens
        if self.classes is None or self.classes.narrative_verb(toks.words[k]) is None:
            return False
        # (or after a connective that opens a clause: كما أدان كيري …، or a relative pronoun: التي
        # دخل هول فيها)
        return (k == 0 or bool(self.text[toks.ends[k - 1]:toks.starts[k]].strip(" ")) or toks.words[k - 1] in _CLAUSE_OPENERS
                or toks.words[k - 1] in RELATIVE_PRONOUNS)

    def _no_name_first(self, word: str) -> bool:
        """The analyser reads the first given name as no name (زميلي، حقيقية). Real given names
        are read so too (ريما، هدى), so this only ranks a candidate last, it rejects none."""
        return self.classes is not None and word not in GLUE and self.classes.name_evidence(word) == "no"

    def _clitic_word(self, word: str) -> bool:
        """A word the analyser reads only as a common word behind a preposition (لمولودته), or
        only as a verb, preposition, time word or other word that ends a mention (وحظي، أوباما
        يتحدى | الكونغرس، داخل | المقاومة), or as a verbal noun, a plural or a dual (not فادي, also
        a verb): no given name. Other common readings prove nothing,
        since the lexicon reads many given names as nouns (ريما، وضاح)."""
        if self.classes is None or word in GLUE or self.classes.name_evidence(word) != "no":
            return False
        # (nor a verbal noun, a plural or a dual, whose genitive the name is: اقتناء | طهران، جهود |
        # فيسبوك، زعيمي | روسيا)
        return (word[:1] in ("ل", "ب", "ك") or self.classes.ends_mention(word) or self.classes.is_verbal_noun(word)
                or (self.classes.gender_number(word)[1] in ("p", "d") and self.classes.narrative_verb(word) is None))

    def _find_name_in_text(self, words: tuple[str, ...]) -> Mention | None:
        toks = self.tokens
        candidates: list[tuple[bool, int, int, int, int]] = []
        for i in self.positions(words[0]):
            j = i + len(words)
            if j > len(toks) or tuple(toks.words[i:j]) != words:
                continue
            if i > 0 and toks.words[i - 1] in FILIATION and words[0] not in FILIATION \
                    and _parent_not_family(words, toks.words, i):
                continue  # سلمان بن | عبد العزيز آل سعود: the father's name, another person's
            # every shorter run of given names too: زميلي جون كيري also offers جون كيري
            evidence = self.classes.name_evidence(words[-1]) if self.classes is not None else None
            foreign = evidence == "unanalysed"
            # (nor does a name the analyser knows as a proper noun alone — a place, a famous person:
            # استياء | كييف، أحكام | الله; a given name it misreads with «my» may: جوني | رودريجيز)
            known = evidence == "proper" and len(words) == 1
            common = definite_common_noun(words[-1], self.classes)
            for k in range(self._given_names_start(i, len(words)), i):
                no_name = self._no_name_first(toks.words[k]) or (
                    len(words) >= 2 and any(self._no_name_first(toks.words[m]) for m in range(k + 1, i)))
                if no_name and (foreign or common or (known and not toks.words[k].endswith("ي"))):
                    # كما أن تاريخ تشونغ: a foreign family name takes no Arabic common noun for given
                    # name; نتائج الدراسة، ما تردده المعارضة: a common noun before a definite common
                    # noun is its construct, not a given name
                    continue
                candidates.append((no_name, k - i, i, toks.starts[k], toks.ends[j - 1]))
        # the most given names; on a tie the first occurrence, where news introduces people. A run
        # the analyser reads as no name from its first word (زميلي جون كيري، حقيقية أمام كيري) comes
        # after the others, and one that the grammar reads as no name (انتشار قصة العنزي) gives way.
        if len(words) >= 2:
            # a full name of its own is not made fuller by a run the analyser reads as no name from
            # its first word (لقد ذكر زميلي جون كيري)
            candidates = [c for c in candidates if not c[0]]
        for *_, start, end in sorted(candidates):
            found = self.phrases.mention(start, end)
            if found is not None and found.name:
                return found
        return None

    # -- «الحزب» for «الحزب الدستوري الحر» ----------------------------------------------------
    def body_named_before(self, head: str, pos: int) -> Mention | None:
        """«الحزب» after «فقد عبر الحزب الدستوري الحر عن استغرابه»: the last phrase before ``pos``
        that names a body with the same head noun and more words (حزب التكتل الديمقراطي …، الحزب
        الدستوري الحر), whether or not it spoke. An occurrence that is the genitive of another head
        noun (قيادة شرطة إسطنبول) names another body."""
        starts, words = self.tokens.starts, self.tokens.words
        bare = head.removeprefix("ال")
        found: list[int] = []
        for form, skip in ((head, 0), (bare, 0), ("و" + head, 1), ("و" + bare, 1)):
            found += [starts[k] + skip for k in self.positions(form)
                      if starts[k] + skip < pos and not (k and is_head_noun(words[k - 1]))]
        for at in sorted(found, reverse=True)[:4]:
            full = self._body_at(at)
            if full is not None and len(words_of(full.text)) >= 2:
                return full
        return None

    def body_of_its_genitive(self, word: str, pos: int) -> Mention | None:
        """«الصحة» after «أعلنت وزارة الصحة», «الأرصاد» after «نبهت الرئاسة العامة للأرصاد»: news names
        a body by the genitive of its full name. The last phrase before ``pos`` whose body head
        noun, at most two words back, governs the word (directly or through ل) and is the subject
        of the verb before it: a body the article made an actor (not «تسيير حركة المرور»)."""
        if self.classes is None or self.classes.name_evidence(word) != "no":
            return None  # (البحرين is a country, not «وكالة أنباء البحرين»)
        starts, ends, words = self.tokens.starts, self.tokens.ends, self.tokens.words
        found = [k for form in (word, "ل" + word[1:]) for k in self.positions(form) if starts[k] < pos]
        for k in sorted(found, reverse=True)[:4]:
            for j in range(k - 1, max(0, k - 4), -1):
                if self.text[ends[j]:starts[j + 1]].strip():
                    break  # (a mark between them: no construct)
                if _bare(words[j]) not in ORGANISATION_HEADS:
                    continue
                if self.text[ends[j - 1]:starts[j]].strip() or \
                        self.classes.narrative_verb(words[j - 1], imperfective=True) is None:
                    break
                full = self._body_at(starts[j])
                if full is not None and full.end >= ends[k]:
                    return full
                break
        return None

    def _body_at(self, at: int) -> Mention | None:
        """The body named by the phrase at ``at``, without the verb's object after its name."""
        end = body_name_end(self.text, at, self.phrases.extent(at, min(len(self.text), at + 200)), self.classes)
        full = self.phrases.mention(at, end) if end > at else None
        return full if full is not None and full.type == "organisation" else None

    def positions(self, word: str) -> list[int]:
        """Token indices of a word. An article asks for a few family names, each found by one
        C-level scan; past a dozen, one index over all words keeps a long article linear."""
        found = self._word_positions.get(word)
        if found is None:
            if len(self._word_positions) < 12:
                found = self._word_positions[word] = self.tokens.positions(word)
            else:
                if not self._all_positions:
                    for i, w in enumerate(self.tokens.words):
                        self._all_positions.setdefault(w, []).append(i)
                found = self._word_positions[word] = self._all_positions.get(word, [])
        return found

    def knows_name(self, name: str) -> bool:
        """Whether the article names this person after a title or with given names."""
        words = words_of(name)
        return bool(words) and (self.title_phrase_naming(words, 0) is not None or self.name_in_text(words) is not None)


def build_name_index(doc: Document) -> NameIndex:
    """The name index of a document (its entries are read on demand)."""
    return NameIndex(doc.text, doc.tokens, doc.stops, doc.spelled_names, doc.phrases.classes, doc.phrases.ala,
                     doc.phrases)
