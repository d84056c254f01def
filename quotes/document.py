"""The document context: an article's layers, built once, read by every later stage.

Original text → folded text with its offset map → tokens → cues → quotation-mark pairs →
sentences. Each layer is computed from the ones before it and never changes afterwards;
the stages after this one (names, spans, mentions, resolve, records) only read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from time import perf_counter

from .cues import Cue, find_cues
from .marks import PairIndex, QuotePair, Sentences, find_quote_pairs
from .morphology import CueMorphology
from .normalize import NormalizedText, Tokens, tokenize
from .phrases import PhraseReader, ReadWords, WordQuestions
from .records import Article


@dataclass
class StageClock:
    """Seconds per stage, accumulated over articles when ``timings`` is given (the benchmark
    reports where the time goes); a no-op otherwise."""

    timings: dict[str, float] | None
    _last: float = field(default_factory=perf_counter)

    def tick(self, stage: str) -> None:
        if self.timings is not None:
            now = perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self._last
            self._last = now


@dataclass(frozen=True)
class Document:
    """The layers of one article. Offsets index ``text`` (the folded text); ``norm`` maps
    them back to the original."""

    article: Article
    norm: NormalizedText
    tokens: Tokens  # room for per-word analyses: its words (or their set, Tokens.distinct) are what analysers look up
    cues: tuple[Cue, ...]
    pairs: tuple[QuotePair, ...]
    pair_index: PairIndex
    sentences: Sentences
    # derived look-ups over the cue layer
    cue_at_token: dict[int, Cue]  # verbal cues by token index
    verb_starts: tuple[int, ...]  # offsets of verb cues, in order
    stops: frozenset[int]  # where a speaker phrase never runs on: verb cues and accusative participle cues
    pair_at: dict[int, QuotePair]  # pairs by the offset of their opening mark
    spelled_names: frozenset[int]  # offsets of words the original spells as names (علي, not على)
    phrases: PhraseReader  # the phrase grammar over this text, with the word classes when available

    @property
    def text(self) -> str:
        return self.norm.text

    def sentence_span(self, pos: int) -> tuple[int, int]:
        return self.sentences.start_before(pos), self.sentences.end_after(pos)


def build_document(article: Article, morphology: CueMorphology, clock: StageClock | None = None,
                   classes: WordQuestions | None = None, read: ReadWords | None = None) -> Document:
    """Normalise, tokenise, find the cues, the quotation-mark pairs and the sentences; ``classes``
    (a word-class analyser) answers the phrase grammar's questions about words, and ``read``
    (``phrases.words_reader(classes)``, kept across documents) reads a phrase's words."""
    clock = clock or StageClock(None)
    norm = NormalizedText.of(article.text)
    tokens = tokenize(norm)
    clock.tick("normalise")
    cues = tuple(find_cues(norm, tokens, morphology))
    verb_starts = tuple(c.start for c in cues if c.pos == "verb")
    clock.tick("cues")
    pairs = tuple(find_quote_pairs(norm.text))
    pair_index = PairIndex(list(pairs))
    sentences = Sentences(norm.text, pair_index)
    clock.tick("spans")
    spelled, ala = _spelled_names(article.text, norm)
    stops = _phrase_stops(cues)
    return Document(
        article=article, norm=norm, tokens=tokens, cues=cues, pairs=pairs, pair_index=pair_index,
        sentences=sentences,
        cue_at_token={c.token_index: c for c in cues if c.pos in ("verb", "participle", "masdar")},
        verb_starts=verb_starts, stops=stops, pair_at={p.open_at: p for p in pairs},
        spelled_names=spelled, phrases=PhraseReader(norm.text, stops, spelled, classes, ala, read, norm),
    )


def _phrase_stops(cues: tuple[Cue, ...]) -> frozenset[int]:
    """Where no speaker phrase runs on: a verb cue, or an indefinite accusative participle
    (قائلا، مضيفا، مؤكدة), which opens a circumstantial clause (وقلل دبلوماسي غربي من أهمية
    الاتصالات | قائلا: …)."""
    return frozenset(c.start for c in cues if c.pos == "verb" or (c.pos == "participle" and not c.proclitics
                                                                  and c.word.endswith(("ا", "ه", "ة"))))


_HARAKAT = "".join(map(chr, range(0x064B, 0x0660)))
# «علي» at the end of a word (no letter or digit after it): the word is علي, or وعلي, when
# nothing, or only و, comes before it. One C-level search finds these few: looking at every «علي»
# inside a word (عليه، الفعلي) was most of this step.
_ALI_END = re.compile(r"علي(?![^\W_])")
_IMAM = re.compile(r"(?<![^\W_])[وف]?امام(?![^\W_])")
_ALAN = re.compile(r"(?<![^\W_])الان(?![^\W_])")


def _spelled_names(original: str, norm: NormalizedText) -> tuple[frozenset[int], frozenset[int]]:
    """Folding makes the name علي and the preposition على one word. An article that writes the
    preposition with alif maqsura anywhere keeps them apart, so there a «علي» written with yeh
    is the name (الناطق باسم المجلس علي الأحمدي) and one written with alif maqsura the
    preposition; elsewhere nothing is assumed. So too the noun إمام, an imam (وقال إمام وخطيب
    المسجد الحرام …), and the preposition أمام «before», whose hamzas folding removes: only a
    word spelled with the hamza below is the noun; and the name آلان against الآن «now». Returns
    (names, prepositions), as offsets."""
    names: list[int] = []
    if "إمام" in original:
        for m in _IMAM.finditer(norm.text):
            a, b = norm.span(m.start(), m.end())
            if "إ" in original[a:b]:
                names.append(m.start())
    if "آلان" in original:
        # آلان (Alain) and الآن («now») fold to one word: only the name opens with the madda
        for m in _ALAN.finditer(norm.text):
            a, b = norm.span(m.start(), m.end())
            if original[a:b].startswith("آل"):
                names.append(m.start())
    if "على" not in original:
        return frozenset(names), frozenset()
    prepositions: list[int] = []
    text = norm.text
    for m in _ALI_END.finditer(text):
        at = start = m.start()
        # (str.isalnum is the tokens' [^\W_]: a letter or a digit)
        if at > 0 and text[at - 1].isalnum():
            if text[at - 1] != "و" or (at > 1 and text[at - 2].isalnum()):
                continue  # inside a longer word (فعلي، ووعلي)
            start = at - 1  # the word وعلي
        a, b = norm.span(start, m.end())
        (names if original[a:b].rstrip(_HARAKAT).endswith("ي") else prepositions).append(at)
    return frozenset(names), frozenset(prepositions)
