"""Document-level speaker resolution: every mention to the fullest name the article gives.

An article introduces a speaker once in full (وزير الخارجية العراقي فؤاد حسين) and then
refers to them by surname (حسين), by title (الوزير العراقي), by a pronoun or by nothing at
all (وأضاف، بدوره). The resolver keeps the entities the article has introduced so far —
including people named outside any quotation, in narrative sentences — and links each
mention to one of them: names by word containment, titles by their head noun and
modifiers, zero subjects by recency with the verb's gender and number agreement.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from .mentions import (
    _GLUE,
    _STOPWORDS,
    ANONYMOUS_HEADS,
    DOCUMENT_HEADS,
    HONORIFICS,
    ORGANISATION_HEADS,
    TITLE_HEADS,
    Mention,
    _bare,
    is_definite,
    make_mention,
    subject_extent,
)
from .normalize import Tokens

_WORD = re.compile(r"[^\W_]+")  # letters and digits; `re` finds them faster than `regex`
# Every surface form of a title head (وزير، الوزير، ووزير، والوزير): one set intersection
# per article finds them, instead of stripping every word.
_TITLE_FORMS = frozenset(
    f"{conj}{art}{head}" for head in TITLE_HEADS for conj in ("", "و", "ف") for art in ("", "ال")
)


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


class Resolution(NamedTuple):  # a tuple: built many times per article, far cheaper than a frozen dataclass
    entity: Entity | None
    rule: str  # how the speaker was chosen, for the evidence shown to reviewers
    confidence: float


_TITLE_PHRASE_LIMIT = 200  # characters a «title + name» phrase may span


def _bare_forms(key: str) -> list[str]:
    """Every word whose bare form (mentions._bare) is ``key``: itself, with the article, with
    و/ف + article, or with و/ف before a short word in ال."""
    return [w for w in (key, "ال" + key, "وال" + key, "فال" + key, "و" + key, "ف" + key) if _bare(w) == key]


def _words(s: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(s))


def _title_matches(mention: tuple[str, ...], title: tuple[str, ...]) -> bool:
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
    return all(w.endswith(("ي", "يه")) for w in missing)


class SpeakerResolver:
    """Resolves mentions in text order; one instance per document."""

    def __init__(self, text: str, sentence_of: Callable[[int], tuple[int, int]],
                 stops: frozenset[int], tokens: Tokens) -> None:
        self.text = text
        self.tokens = tokens
        self.stops = stops
        self.sentence_of = sentence_of
        self.entities: list[Entity] = []
        # indexes over the entities, so that each lookup is proportional to its answers
        self._by_word: dict[str, list[Entity]] = {}
        self._by_head: dict[str, list[Entity]] = {}
        self.speakers: list[tuple[int, Entity]] = []  # (position, entity) of attributed quotes
        self._word_positions: dict[str, list[int]] = {}
        self._all_positions: dict[str, list[int]] = {}
        self.issuer: Entity | None = None  # who issued «بيان» most recently (وقالت اللجنة في بيان …)
        # «title + name» phrases, built only where a look-up needs them (see _title_phrase)
        self._titles: tuple[list[int], list[str]] | None = None
        self._phrases: dict[int, Mention | None] = {}
        self._name_words: dict[int, frozenset[str]] = {}
        self._naming: dict[str, list[tuple[int, Mention]]] = {}
        self._headed: dict[str, list[tuple[int, Mention]]] = {}
        self._names_in_text: dict[tuple[str, ...], Mention | None] = {}

    # -- the names the article gives after a title -------------------------------------------
    # Every «title + name» phrase of the text (وزير الخارجية الأميركي جون كيري) is a place where
    # the article names someone. Reading each one costs a subject walk, and most articles need
    # only a few of them, so they are read on demand: the title words are found once by a set
    # intersection, and a look-up reads just the phrases that can answer it.

    def _title_words(self) -> tuple[list[int], list[str]]:
        """Folded offsets of the title words, in text order, with each one's bare head."""
        if self._titles is None:
            starts: list[int] = []
            heads: list[str] = []
            words, offsets = self.tokens.words, self.tokens.starts
            for i in self.tokens.indices_of(_TITLE_FORMS.intersection(self.tokens.distinct)):
                w, start = words[i], offsets[i]
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

    def _title_phrase(self, start: int) -> Mention | None:
        """The phrase at a title word if it gives a title and a name (read once)."""
        if start not in self._phrases:
            end = subject_extent(self.text, start, min(len(self.text), start + _TITLE_PHRASE_LIMIT), self.stops)
            mention = make_mention(self.text, start, end)
            if mention is not None and mention.name and mention.title:
                self._name_words[id(mention)] = frozenset(_bare(w) for w in _words(mention.name))
            else:
                mention = None
            self._phrases[start] = mention
        return self._phrases[start]

    def _phrases_naming(self, key: str) -> list[tuple[int, Mention]]:
        """The title phrases, in text order, whose name has a word that is ``key`` once bare.
        Such a word lies within the phrase limit after its title word."""
        found = self._naming.get(key)
        if found is None:
            starts = self._title_words()[0]
            near: set[int] = set()
            for at in self._bare_occurrences(key):
                near.update(range(bisect_right(starts, at - _TITLE_PHRASE_LIMIT), bisect_right(starts, at)))
            found = []
            for k in sorted(near):
                m = self._title_phrase(starts[k])
                if m is not None and key in self._name_words[id(m)]:
                    found.append((starts[k], m))
            self._naming[key] = found
        return found

    def _bare_occurrences(self, key: str) -> list[int]:
        """Offsets of the words whose bare form is ``key``. The first few keys of an article are
        found by one C-level search for ``key`` itself, which finds all its forms at once (going
        through _positions form by form made the extractor 4-10% slower); past a dozen,
        through the index of all words, so that a long article stays linear."""
        if len(self._naming) >= 12:
            return sorted(self.tokens.starts[i] for form in _bare_forms(key) for i in self._positions(form))
        text, words, starts, ends = self.text, self.tokens.words, self.tokens.starts, self.tokens.ends
        found = []
        i = text.find(key)
        while i != -1:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < ends[k] and (not found or found[-1] != starts[k]) and _bare(words[k]) == key:
                found.append(starts[k])
            i = text.find(key, i + 1)
        return found

    def _phrases_headed(self, head: str) -> list[tuple[int, Mention]]:
        """The title phrases, in text order, whose title's head noun is ``head``."""
        found = self._headed.get(head)
        if found is None:
            starts, heads = self._title_words()
            found = [(at, m) for at, h in zip(starts, heads, strict=True)
                     if h == head and (m := self._title_phrase(at)) is not None]
            self._headed[head] = found
        return found

    def _last_phrase_before(self, pos: int) -> tuple[int, Mention] | None:
        """The last title phrase that names someone before ``pos``."""
        starts = self._title_words()[0]
        for k in range(bisect_left(starts, pos) - 1, -1, -1):
            m = self._title_phrase(starts[k])
            if m is not None:
                return starts[k], m
        return None

    def _title_phrase_naming(self, words: tuple[str, ...], pos: int) -> Mention | None:
        """The title phrase with the fullest name containing all ``words``, nearest before ``pos`` first."""
        best: tuple[int, int, Mention] | None = None
        want = {_bare(w) for w in words}
        if not want:
            return None
        for at, m in self._phrases_naming(min(want, key=len)):
            name_words = self._name_words[id(m)]
            if want <= name_words:
                rank = (len(name_words), -abs(pos - at) if at <= pos else -10_000 - abs(pos - at))
                if best is None or rank > best[:2]:
                    best = (*rank, m)
        return best[2] if best else None

    def _name_in_text(self, words: tuple[str, ...]) -> Mention | None:
        if words not in self._names_in_text:
            self._names_in_text[words] = self._find_name_in_text(words)
        return self._names_in_text[words]

    def _find_name_in_text(self, words: tuple[str, ...]) -> Mention | None:
        """The fullest «given names + family name» the text writes for a lone family name.

        News introduces a person once with the given name (واستقالت ريما خلف …) and then
        uses the family name alone. The given names are the words right before some
        occurrence of the family name: no punctuation between, no function words, no
        definite words, no conjunction-prefixed long words (واستقالت), at most two of them
        besides the links بن/أبو/عبد.
        """
        if not words or len(words) > 2 or any(
            w in _STOPWORDS or _bare(w) in TITLE_HEADS or w in ORGANISATION_HEADS or _bare(w) in ORGANISATION_HEADS
            or _bare(w) in ANONYMOUS_HEADS or _bare(w) in DOCUMENT_HEADS for w in words
        ) or (is_definite(words[-1]) and words[-1].endswith(("ون", "ين", "ات"))):
            return None  # الحوثيون، المتظاهرين: a group, not a family name
        toks = self.tokens
        best: tuple[int, int, int] | None = None
        for i in self._positions(words[0]):
            j = i + len(words)
            if j > len(toks) or tuple(t.text for t in toks[i:j]) != words:
                continue
            k, given = i, 0
            while given < 2 and k > 0:
                prev = toks[k - 1]
                w = prev.text
                if (self.text[prev.end:toks[k].start].strip(" ") or w in _STOPWORDS or _bare(w) in TITLE_HEADS
                        or w in ORGANISATION_HEADS or _bare(w) in ORGANISATION_HEADS
                        or is_definite(w) or prev.start in self.stops or (w.startswith("و") and len(w) >= 5)
                        or w in HONORIFICS or not w.isalpha() or w.endswith(("ها", "هم", "هما"))):
                    break
                k -= 1
                if w not in _GLUE:
                    given += 1
            # the most given names; on a tie the first occurrence, where news introduces people
            if k < i and (best is None or i - k > best[2]):
                best = (toks[k].start, toks[j - 1].end, i - k)
        if best is None:
            return None
        found = make_mention(self.text, best[0], best[1])
        return found if found is not None and found.name else None

    def _positions(self, word: str) -> list[int]:
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
        """Whether the article names this person elsewhere (as a speaker or after a title)."""
        words = _words(name)
        return bool(words) and (self._find_by_name(words) is not None or self._title_phrase_naming(words, 0) is not None
                                or self._name_in_text(words) is not None)

    # -- entities ------------------------------------------------------------------------
    def _index(self, e: Entity) -> None:
        """(Re-)index an entity after its name or titles grew; stale entries are re-checked on use."""
        for w in {_bare(w) for w in e.key_words}:
            bucket = self._by_word.setdefault(w, [])
            if e not in bucket:
                bucket.append(e)
        for t in [*e.titles, e.key_words]:
            if t:
                bucket = self._by_head.setdefault(_bare(t[0]), [])
                if e not in bucket:
                    bucket.append(e)

    def _find_by_name(self, words: tuple[str, ...]) -> Entity | None:
        want = {_bare(w) for w in words}
        if not want:
            return None
        hits = [e for e in self._by_word.get(min(want, key=len), ())
                if e.type == "person" and want <= {_bare(w) for w in e.key_words}]
        return max(hits, key=lambda e: (len(e.key_words), e.last_seen)) if hits else None

    def _find_by_title(self, mention: Mention) -> Entity | None:
        words = _words(mention.text)
        hits = [e for e in self._by_head.get(_bare(words[0]), ())
                if any(_title_matches(words, t) for t in e.titles + [e.key_words])]
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
        entity = self._find_by_name(words)
        known = self._title_phrase_naming(words, pos)
        if (known is None or len(_words(known.name)) <= len(words)) and (entity is None or len(entity.key_words) <= len(words)):
            known = self._name_in_text(words) or known
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
            rule = "surname or short name, full name found in the article"
        elif entity is not None:
            if len(words) > len(entity.key_words):
                entity.key_words, entity.span = words, (mention.name_start, mention.name_end)
            rule = "name seen before in the article"
        else:
            entity = self._new_entity(words, (mention.name_start, mention.name_end), "person", title, pos)
            rule = "name next to the cue"
        if title and title not in entity.titles:
            entity.titles.append(title)
        entity.number = entity.number or mention.number
        self._index(entity)
        return entity, rule

    def resolve(self, mention: Mention | None, pos: int, gender: str | None, number: str | None,
                continuation: bool, in_statement: bool = False) -> Resolution:
        """Resolve the mention of a quote whose cue is at ``pos`` (folded offset)."""
        if mention is not None:
            res = self._resolve_mention(mention, pos, gender)
        else:
            res = self._resolve_zero(pos, gender, number, continuation)
        if res.entity is not None:
            res.entity.last_seen = pos
            if res.entity.gender is None and gender and mention is not None:
                res.entity.gender = gender
            self.speakers.append((pos, res.entity))
            if in_statement:
                self.issuer = res.entity
        return res

    def observe(self, mention: Mention, pos: int, gender: str | None) -> None:
        """A subject of a reporting verb that quoted nothing (وندد X بـ… وقال: «…»): it becomes
        the salient speaker for the zero subjects that follow."""
        res = self._resolve_mention(mention, pos, gender)
        if res.entity is not None:
            res.entity.last_seen = pos
            self.speakers.append((pos, res.entity))

    def _resolve_honorific(self, pos: int) -> Resolution:
        """سموه، معاليه: the dignitary named last, as a speaker or anywhere in the text."""
        last_speaker = self.speakers[-1] if self.speakers else None
        named = self._last_phrase_before(pos)
        if named is not None and (last_speaker is None or named[0] > last_speaker[0]):
            entity, _ = self._person(named[1], pos)
            return Resolution(entity, "honorific pronoun: the dignitary named just before", 0.75)
        if last_speaker is not None:
            return Resolution(last_speaker[1], "honorific pronoun: the previous speaker", 0.7)
        return Resolution(None, "honorific pronoun with no one named before it", 0.2)

    def _resolve_mention(self, mention: Mention, pos: int, gender: str | None) -> Resolution:
        if mention.type == "pronoun":
            return self._resolve_honorific(pos)
        words = _words(mention.text)
        if words in (("البيان",), ("بيانه",), ("بيانها",)) and self.issuer is not None and not any(
                e.type == "document" for e in self._by_head.get("بيان", ())):
            return Resolution(self.issuer, "«البيان»: the statement the speaker issued (في بيان)", 0.75)
        if mention.type == "person" and len(words) >= 2:
            # حملة ماكرون after «حملة مرشح … إيمانويل ماكرون»: a description met before
            described = [e for e in self._by_head.get(_bare(words[0]), ())
                         if e.type != "person" and _title_matches(words, e.key_words)]
            if described:
                return Resolution(max(described, key=lambda e: e.last_seen), "description met earlier", 0.8)
        if mention.name and mention.type == "person":
            entity, rule = self._person(mention, pos)
            return Resolution(entity, rule, 0.9 if "next to" in rule or "seen" in rule else 0.85)
        # a lone word that is part of a name given in the article: الكاظمي، حسين
        if len(words) <= 2 and _bare(words[0]) not in TITLE_HEADS:
            entity = self._find_by_name(words)
            known = self._title_phrase_naming(words, pos)
            if entity is None and known is None:
                known = self._name_in_text(words)
            if entity is not None or known is not None:
                if known is not None:
                    fake = make_mention(self.text, known.start, known.end)
                    assert fake is not None
                    entity, _ = self._person(fake, pos)
                return Resolution(entity, "surname, full name found in the article", 0.85)
        another = any(w in ("اخر", "اخري", "ثان", "ثاني", "ثالث") for w in words)  # مصدر آخر: not the same one
        if mention.type in ("document", "anonymous", "organisation", "person") and not another:
            entity = self._find_by_title(mention)
            if entity is not None:
                return Resolution(entity, f"title «{mention.text}» refers to a speaker introduced earlier", 0.8)
            known = self._title_phrase_with_title(mention, pos)
            if known is not None:
                entity, _ = self._person(known, pos)
                return Resolution(entity, "title, the person holding it is named in the article", 0.8)
        entity = self._new_entity(words, (mention.start, mention.end), mention.type, words, pos)
        entity.number = mention.number
        entity.gender = gender or mention.gender
        return Resolution(entity, "description next to the cue", 0.8 if mention.type != "unknown" else 0.6)

    def _title_phrase_with_title(self, mention: Mention, pos: int) -> Mention | None:
        """The title phrase whose title the mention («الوزير العراقي») abbreviates, the one
        before ``pos`` nearest to it first."""
        words = _words(mention.text)
        if _bare(words[0]) not in TITLE_HEADS:
            return None
        best = None
        for at, m in self._phrases_headed(_bare(words[0])):
            if _title_matches(words, _words(m.title)):
                if best is None or (at <= pos and (best[0] > pos or at > best[0])):
                    best = (at, m)
        return best[1] if best else None

    def _resolve_zero(self, pos: int, gender: str | None, number: str | None, continuation: bool) -> Resolution:
        if not self.speakers:
            # the first quote of an article after «استقبل الأمير X …، وقال إن …»: the person named
            # last before it is the best guess (a reviewer sees the low confidence)
            named = self._last_phrase_before(pos)
            if named is not None and gender != "f" and number not in ("d", "p"):
                entity, _ = self._person(named[1], pos)
                return Resolution(entity, "no subject and no earlier speaker: the person named just before", 0.35)
            return Resolution(None, "no subject and no earlier speaker", 0.2)
        for back, (_p, e) in enumerate(reversed(self.speakers)):
            if self._agrees(e, gender, number):
                conf = 0.75 if back == 0 else 0.6
                return Resolution(e, "no subject: the latest earlier speaker that agrees with the verb", conf)
        return Resolution(self.speakers[-1][1], "no subject: the latest earlier speaker", 0.45)

    @staticmethod
    def _agrees(e: Entity, gender: str | None, number: str | None) -> bool:
        if number == "d":
            return e.number == "d"
        if number == "p":
            return e.number in ("p", "d") or e.type == "anonymous"
        if gender == "f":
            return e.gender == "f" or (e.number == "p" and e.type != "person")
        if gender == "m":
            return e.gender != "f" or e.type == "person" and e.gender is None
        return True
