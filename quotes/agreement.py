"""Agreement between reviewers: pure functions over their verdicts on the same quotes.

A *verdict* is one reviewer's decision in effect on one quote (``Verdict``; the store derives
them from its decision log, see ``quotes.store.team``). Two verdicts on one quote are compared
the way ``/work/shared/eval/ANNOTATION.md`` scores the extractor against gold:

- accept/reject: Cohen's kappa over the quotes both reviewers decided;
- speaker: equal after the project's Arabic normalisation (``normalize.fold``: diacritics,
  tatweel, alef and hamza forms, ى/ي, ة/ه); no speaker equals no speaker;
- span: the two spans overlap by at least half of each, both ways;
- kind: direct / indirect / mixed, compared as is.

Speaker, span and kind are only compared when both accepted the quote: a rejection says
nothing about who spoke. Each difference is one disagreement of its kind, so a quote can
count in several kinds (``DISAGREEMENT_KINDS``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from .normalize import fold

DISAGREEMENT_KINDS = ("accept", "speaker", "span", "kind")


@dataclass(frozen=True)
class Verdict:
    """One reviewer's decision in effect on one quote: what they say the quote is."""

    review_id: int
    quote_id: int
    reviewer: str
    at: str
    accepted: bool
    speaker: str
    start: int
    end: int
    kind: str
    reason: str = ""
    decision: str = ""  # the log's word: accepted, rejected, corrected, added


def cohen_kappa(pairs: Iterable[tuple[bool, bool]]) -> float | None:
    """Cohen's kappa of two raters' yes/no labels on the same items.

    kappa = (po - pe) / (1 - pe), po the observed agreement, pe the agreement expected by
    chance from each rater's own rate of "yes". None when undefined: no items, or pe == 1
    (both raters gave every item the same single label, so chance explains everything and
    the ratio is 0/0; reporting 1.0 would claim a reliability the data cannot show).
    """
    items = list(pairs)
    n = len(items)
    if not n:
        return None
    po = sum(a == b for a, b in items) / n
    yes_a = sum(a for a, _ in items) / n
    yes_b = sum(b for _, b in items) / n
    pe = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def same_speaker(a: str, b: str) -> bool:
    """The same speaker after Arabic normalisation; white space runs count as one space."""
    return fold(" ".join((a or "").split())) == fold(" ".join((b or "").split()))


def spans_agree(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Overlap of at least half of each span, both ways (ANNOTATION.md's matching rule)."""
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    if overlap <= 0:
        return False
    return overlap * 2 >= a[1] - a[0] and overlap * 2 >= b[1] - b[0]


def differences(a: Verdict, b: Verdict) -> list[str]:
    """The kinds of disagreement between two verdicts on one quote ([] when they agree)."""
    if a.accepted != b.accepted:
        return ["accept"]
    if not a.accepted:
        return []  # both rejected: their reasons may differ, the decision does not
    kinds = []
    if not same_speaker(a.speaker, b.speaker):
        kinds.append("speaker")
    if not spans_agree((a.start, a.end), (b.start, b.end)):
        kinds.append("span")
    if a.kind != b.kind:
        kinds.append("kind")
    return kinds


def disagreement_kinds(verdicts: Iterable[Verdict]) -> list[str]:
    """Every kind of disagreement among several reviewers' verdicts on one quote, in
    ``DISAGREEMENT_KINDS`` order."""
    found: set[str] = set()
    for a, b in combinations(list(verdicts), 2):
        found.update(differences(a, b))
    return [k for k in DISAGREEMENT_KINDS if k in found]


@dataclass
class PairAgreement:
    """Agreement of two reviewers over the quotes both decided (in one document, or all)."""

    reviewers: tuple[str, str]
    document: str | None  # None: every document
    quotes: int = 0  # decided by both
    both_accepted: int = 0
    kappa: float | None = None
    observed: float | None = None  # share of identical accept/reject decisions
    speaker_agreement: float | None = None  # of the quotes both accepted
    span_agreement: float | None = None  # of the quotes both accepted
    disagreements: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DISAGREEMENT_KINDS, 0))

    def to_json(self) -> dict[str, Any]:
        return {
            "reviewers": list(self.reviewers), "document": self.document, "quotes": self.quotes,
            "both_accepted": self.both_accepted, "kappa": _round(self.kappa), "observed": _round(self.observed),
            "speaker_agreement": _round(self.speaker_agreement), "span_agreement": _round(self.span_agreement),
            "disagreements": dict(self.disagreements),
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def pair_agreement(reviewers: tuple[str, str], document: str | None,
                   pairs: list[tuple[Verdict, Verdict]]) -> PairAgreement:
    """The figures for one reviewer pair from their verdicts on the same quotes."""
    result = PairAgreement(reviewers, document, quotes=len(pairs))
    if not pairs:
        return result
    result.kappa = cohen_kappa((a.accepted, b.accepted) for a, b in pairs)
    result.observed = sum(a.accepted == b.accepted for a, b in pairs) / len(pairs)
    accepted = [(a, b) for a, b in pairs if a.accepted and b.accepted]
    result.both_accepted = len(accepted)
    if accepted:
        result.speaker_agreement = sum(same_speaker(a.speaker, b.speaker) for a, b in accepted) / len(accepted)
        result.span_agreement = sum(spans_agree((a.start, a.end), (b.start, b.end))
                                    for a, b in accepted) / len(accepted)
    for a, b in pairs:
        for kind in differences(a, b):
            result.disagreements[kind] += 1
    return result


def agreement(quotes: Iterable[tuple[str, Mapping[str, Verdict]]]) -> list[PairAgreement]:
    """Per reviewer pair: over every document first, then per document.

    ``quotes``: (document, {reviewer: verdict}) for each quote. Pairs are in name order;
    documents in the order first seen.
    """
    overall: dict[tuple[str, str], list[tuple[Verdict, Verdict]]] = {}
    per_doc: dict[tuple[str, str], dict[str, list[tuple[Verdict, Verdict]]]] = {}
    for document, by_reviewer in quotes:
        for a_name, b_name in combinations(sorted(by_reviewer), 2):
            pair = (by_reviewer[a_name], by_reviewer[b_name])
            overall.setdefault((a_name, b_name), []).append(pair)
            per_doc.setdefault((a_name, b_name), {}).setdefault(document, []).append(pair)
    out = []
    for names in sorted(overall):
        out.append(pair_agreement(names, None, overall[names]))
        for document, pairs in per_doc[names].items():
            out.append(pair_agreement(names, document, pairs))
    return out


def format_report(results: list[PairAgreement]) -> str:
    """The figures as text, one block per reviewer pair (the CLI's default output)."""
    if not results:
        return "No quote was decided by two reviewers: nothing to compare (merge the reviewers' files first)."

    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.0%}"

    lines = []
    for r in results:
        kappa = "undefined (every decision the same)" if r.kappa is None and r.quotes else (
            "n/a" if r.kappa is None else f"{r.kappa:.3f}")
        counts = ", ".join(f"{k} {n}" for k, n in r.disagreements.items())
        head = f"{r.reviewers[0]} × {r.reviewers[1]}" if r.document is None else f"    {r.document}"
        lines.append(f"{head}: {r.quotes} quotes, kappa {kappa}, same decision {pct(r.observed)}, "
                     f"same speaker {pct(r.speaker_agreement)}, same span {pct(r.span_agreement)} "
                     f"(of {r.both_accepted} both accepted); disagreements: {counts}")
    return "\n".join(lines)
