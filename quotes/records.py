"""The records stage, and the plain dataclasses that go into the library and out of it:
an ``Article`` in, a ``Quote`` per attributed statement out."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from .phrases import GLUE

if TYPE_CHECKING:  # the records stage reads earlier layers; Article and Quote are imported by all
    from .document import Document
    from .resolve import Attribution, Candidate, Entity

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
        values = self._values()
        evidence = self.evidence
        if type(evidence) is dict and all(type(v) in _PLAIN for name, v in values.items() if name != "evidence") \
                and all(type(k) in _PLAIN and (type(v) in _PLAIN or _plain_records(v)) for k, v in evidence.items()):
            # the record's own copies: a caller may change them
            values["evidence"] = {k: v if type(v) in _PLAIN else [dict(c) for c in v] for k, v in evidence.items()}
            return values
        return asdict(self)

    def json_line(self) -> str:
        """The record as one JSONL line, the same text as encoding ``to_json()``: the fields are
        encoded as they are, with no copy made, since nothing keeps the dict (a tenth of writing
        the 10,000-article corpus was the copy and its checks)."""
        return _ENCODE_JSON(self._values()) + "\n"

    def _values(self) -> dict[str, Any]:
        """Every field by name, in field order as asdict gives them, the values themselves."""
        return {name: getattr(self, name) for name in _QUOTE_FIELDS}


def _plain_records(value: Any) -> bool:
    """A list of flat dicts of plain values (the evidence's candidates)."""
    return type(value) is list and all(
        type(c) is dict and all(type(k) in _PLAIN and type(v) in _PLAIN for k, v in c.items()) for c in value)


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
# One encoder for every line: json.dumps builds a new one at each call it is given options.
_ENCODE_JSON = json.JSONEncoder(ensure_ascii=False).encode
_PLAIN = frozenset({str, int, float, bool, type(None)})  # values deepcopy returns as they are


def build_records(doc: Document, attributed: list[Attribution]) -> list[Quote]:
    """The records stage: offsets back into the original text, the speaker as the article
    writes it, the confidence, and the evidence a reviewer sees (the ids of the rules that
    fired are in ``quotes/rules.py``)."""
    return [_record(doc, a) for a in attributed]


_DOUBTFUL_NAME = 0.8  # a speaker's name whose first word the analyser reads as no name is right less often


def _name_doubt(doc: Document, entity: Entity | None) -> str:
    """Why a person's name may be no name: its first word reads only as a common word, a verb
    or a particle (جامعي، أضافه، ه), which real given names rarely do. Empty when there is no
    doubt, no name (a title alone) or no analyser."""
    classes = doc.phrases.classes
    if classes is None or entity is None or entity.type != "person" or entity.key_words in entity.titles:
        return ""
    first = entity.key_words[0]
    if len(first) > 1 and (first in GLUE or classes.name_evidence(first) != "no"):
        return ""
    return f"the analyser reads «{first}» as no name"


def _candidate(doc: Document, candidate: Candidate) -> dict[str, Any]:
    """One candidate as the evidence shows it: the name as the article writes it, and why it
    was in the running."""
    x, y = doc.norm.span(*candidate.span)
    return {"speaker": _without_wrapping_marks(doc.article.text[x:y].strip(" ،,")), "source": candidate.source,
            "agrees": candidate.agrees, "sentences_back": candidate.sentences_back, "chosen": candidate.chosen,
            "score": candidate.score}


def _without_wrapping_marks(name: str) -> str:
    """«وكالة دوجان» → وكالة دوجان: marks around the whole name are the article's, not the name's."""
    if len(name) > 2 and name[0] in "«\"“" and name[-1] in "»\"”" and not any(c in name[1:-1] for c in "«»\"“”"):
        return name[1:-1].strip()
    return name


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
        speaker = _without_wrapping_marks(art.text[x:y].strip(" ،,"))
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
    doubt = _name_doubt(doc, entity)
    conf = round(max(0.01, min(0.99, span.base_confidence * res.confidence * (_DOUBTFUL_NAME if doubt else 1.0))), 3)
    cue = span.cue
    evidence: dict[str, Any] = {
        "cue": art.text[cs:ce],
        "cue_lemma": cue.lemma,
        "cue_features": "/".join(x for x in (cue.pos, cue.aspect, cue.person, cue.gender, cue.number) if x),
        "construction": span.construction,
        "mention_rule": a.mention.rule,
        "speaker_rule": res.rule,
        "name_sentence": name_sentence,
    }
    if doubt:
        evidence["name_doubt"] = doubt
    if len(res.candidates) > 1:
        evidence["candidates"] = [_candidate(doc, c) for c in res.candidates]
    return Quote(
        doc=art.doc, start=s, end=e, text=art.text[s:e], kind=span.kind, cue=art.text[cs:ce],
        cue_start=cs, cue_end=ce, speaker=speaker, speaker_mention=mention_text, mention_start=ms,
        mention_end=me, speaker_type=stype, confidence=conf, evidence=evidence,
    )
