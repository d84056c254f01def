"""Where clauses start, read off the document's layers: questions the span, mention and
resolution stages all ask about a cue (does it open a clause? is it inside a quotation?)."""

from __future__ import annotations

from collections.abc import Collection

from . import lexicon
from .cues import GOVERNED_PREPOSITIONS, Cue
from .document import Document
from .marks import QuotePair, has_words
from .phrases import COMPLEMENTISERS, RELATIVE_PRONOUNS

_CLAUSE_INITIAL_AFTER = tuple(lexicon.entries("clause_initial_words"))
_PREPOSITION_HOMOGRAPHS = lexicon.words("preposition_homographs")


def nested(doc: Document, cue: Cue) -> bool:
    """Speech reported inside a quotation (of four words or more) belongs to that quotation."""
    p = doc.pair_index.containing(cue.start)
    return p is not None and p.closed and has_words(doc.text, 4, p.open_at, p.close_at)


def pair_opening_in(doc: Document, a: int, b: int) -> QuotePair | None:
    for i in range(a, b):
        if i in doc.pair_at:
            return doc.pair_at[i]
    return None


def after_relative(doc: Document, cue: Cue) -> bool:
    """«… التي قال إنها …»: a relative clause stays inside the clause it qualifies, unless it
    opens a direct quotation («، الذي قال "إنه …"»)."""
    return doc.text[max(0, cue.start - 8):cue.start].rstrip().endswith(tuple(RELATIVE_PRONOUNS))


def clause_initial(doc: Document, cue: Cue, strict: bool = False) -> bool:
    """Whether the cue starts a clause; ``strict`` ignores a bare و/ف proclitic (وبين …)."""
    if cue.proclitics[:1] in ("و", "ف") and not strict:
        return True
    if cue.pos == "participle" and not strict:
        return True  # قائلاً، مضيفاً: a participle always opens a new reported clause
    before = doc.text[max(0, cue.start - 12):cue.start].rstrip(" ")
    if strict and before[-1:] in ("\"", "»", "”") and cue.lemma in _PREPOSITION_HOMOGRAPHS \
            and not _speech_sense_follows(doc, cue):
        before = before[:-1].rstrip(" ")
        return not before or before[-1] in ".:\n!؟?"
    if not before or before[-1] in "،,.:\n؛!؟?\"»”":
        return True
    if cue.pos == "according" and before[-1] in ("و", "ف") and before[:-1].rstrip(" ")[-1:] in ("،", ",", "؛"):
        return True  # …، وبحسب المصادر فإن …: the و of an according-to phrase is written apart from it
    return before.endswith(_CLAUSE_INITIAL_AFTER)


def word_within(doc: Document, cue: Cue, wanted: Collection[str], reach: int) -> bool:
    """One of ``wanted`` among the ``reach`` words after the cue, inside its sentence."""
    words, starts = doc.tokens.words, doc.tokens.starts
    limit = doc.sentences.end_after(cue.end)
    return any(words[k] in wanted for k in range(cue.token_index + 1, min(len(words), cue.token_index + reach + 1))
               if starts[k] < limit)


def governs_its_preposition(doc: Document, cue: Cue) -> bool:
    """The preposition the cue governs in its speech sense (عبّر … عن) comes within the next few
    words of its sentence, or right after a longer subject (عبر عضو المجلس رئيس نادي المع الرياضي
    فايع الحياني | عن استنكاره)."""
    governed = GOVERNED_PREPOSITIONS.get(cue.lemma, ())
    if not governed:
        return False
    if word_within(doc, cue, governed, 7):
        return True
    words, starts = doc.tokens.words, doc.tokens.starts
    if cue.token_index + 8 > len(words):
        return False
    limit = doc.sentences.end_after(cue.end)
    end = doc.phrases.extent(starts[cue.token_index + 1], limit)
    k = doc.tokens.index_at(end)
    return k < len(words) and starts[k] < limit and words[k] in governed


def _speech_sense_follows(doc: Document, cue: Cue) -> bool:
    """A complementiser right after the cue (بيّن أن) or its own preposition (عبّر سابقا عن): the
    verb, not the preposition it is spelled like."""
    k = cue.token_index + 1
    return (k < len(doc.tokens.words) and doc.tokens.words[k] in COMPLEMENTISERS) or governs_its_preposition(doc, cue)
