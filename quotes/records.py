"""Plain dataclasses passed between the pipeline stages and out of the library."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

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
        return asdict(self)
