"""The records stage, and the plain dataclasses that go into the library and out of it:
an ``Article`` in, a ``Quote`` per attributed statement out."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the records stage reads earlier layers; Article and Quote are imported by all
    from .document import Document
    from .resolve import Attribution

KINDS = ("direct", "indirect", "mixed")
SPEAKER_TYPES = ("person", "organisation", "document", "anonymous", "unknown")


@dataclass(frozen=True)
class Article:
    """One article as decoded. All offsets anywhere in the project index ``text``."""

    doc: str  # identity as the user gave it: the .txt path, or the JSONL record's id
    text: str
    title: str = ""
    date: str = ""
    source: str = ""  # outlet
    url: str = ""
    path: str = ""  # file the article came from, if any


@dataclass
class Quote:
    """One reported statement attributed to a speaker, offsets into ``Article.text``."""

    doc: str
    start: int
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    cue: str
    cue_start: int | None
    cue_end: int | None
    speaker: str  # resolved canonical name ("" when unknown)
    speaker_mention: str  # the mention as written next to the cue ("" for a zero subject)
    mention_start: int | None
    mention_end: int | None
    speaker_type: str = "unknown"
    confidence: float = 0.0
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The JSONL contract: every field, offsets into the article's decoded text."""
        # asdict passes every value, and every key and value of the evidence, through
        # copy.deepcopy: about a second of a 10,000-article `quotes extract --jsonl` run. A quote
        # holds plain values (the evidence maps rule ids to strings), for which a new dict of the
        # same values is the same record; anything else still goes through asdict.
        values = {name: getattr(self, name) for name in _QUOTE_FIELDS}  # in field order, as asdict
        evidence = self.evidence
        if type(evidence) is dict and all(type(v) in _PLAIN for name, v in values.items() if name != "evidence") \
                and all(type(k) in _PLAIN and type(v) in _PLAIN for k, v in evidence.items()):
            values["evidence"] = dict(evidence)  # the record's own: a caller may change it
            return values
        return asdict(self)


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
_PLAIN = frozenset({str, int, float, bool, type(None)})  # values deepcopy returns as they are


def build_records(doc: Document, attributed: list[Attribution]) -> list[Quote]:
    """The records stage: offsets back into the original text, the speaker as the article
    writes it, the confidence, and the evidence a reviewer sees (the ids of the rules that
    fired are in ``quotes/rules.py``)."""
    return [_record(doc, a) for a in attributed]


def _record(doc: Document, a: Attribution) -> Quote:
    art, norm, span, res = doc.article, doc.norm, a.span, a.resolution
    s, e = norm.span(span.start, span.end)
    cs, ce = norm.span(span.cue.start, span.cue.end)
    entity = res.entity
    speaker = ""
    stype = "unknown"
    name_sentence = ""
    if entity is not None:
        x, y = norm.span(*entity.span)
        speaker = art.text[x:y].strip(" ،,")
        stype = entity.type
        if entity.intro_sentence:
            x, y = norm.span(*entity.intro_sentence)
            name_sentence = art.text[x:y].strip()[:400]
    ms = me = None
    mention_text = ""
    mention = a.mention.mention
    if mention is not None:
        ms, me = norm.span(mention.start, mention.end)
        mention_text = art.text[ms:me]
    conf = round(max(0.01, min(0.99, span.base_confidence * res.confidence)), 3)
    cue = span.cue
    evidence = {
        "cue": art.text[cs:ce],
        "cue_lemma": cue.lemma,
        "cue_features": "/".join(x for x in (cue.pos, cue.aspect, cue.person, cue.gender, cue.number) if x),
        "construction": span.construction,
        "mention_rule": a.mention.rule,
        "speaker_rule": res.rule,
        "name_sentence": name_sentence,
    }
    return Quote(
        doc=art.doc, start=s, end=e, text=art.text[s:e], kind=span.kind, cue=art.text[cs:ce],
        cue_start=cs, cue_end=ce, speaker=speaker, speaker_mention=mention_text, mention_start=ms,
        mention_end=me, speaker_type=stype, confidence=conf, evidence=evidence,
    )
