"""Several reviewers: each one's verdict from the decision log, disagreements, adjudication.

A file reviewed by several people (one shared file, or copies merged by ``quotes merge``)
holds every reviewer's decisions in the append-only ``reviews`` log, each with its reviewer
and time. A reviewer's *verdict* on a quote is their newest decision still in effect (not
undone, or undone and redone); adjudications (rows with ``settles``) are not verdicts, they
settle them. Two verdicts disagree as ``quotes.agreement.differences`` says.

An adjudication is a decision like any other (accepted, rejected or corrected, by the
adjudicator, undoable) whose row names the verdicts it settles. A disagreement stays in the
queue until an adjudication in effect settles exactly the verdicts now in effect: when a
reviewer changes their mind afterwards, the quote comes back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..agreement import PairAgreement, Verdict, agreement, disagreement_kinds
from .review import ReviewWrites

# Decisions that say what a quote is; skips and undo/redo rows do not.
_VERDICT_DECISIONS = ("accepted", "rejected", "corrected", "added")


@dataclass(frozen=True)
class Disagreement:
    """One quote whose reviewers' verdicts differ and which no adjudication settled yet."""

    quote_id: int
    document_id: int
    verdicts: tuple[Verdict, ...]  # one per reviewer, in name order
    kinds: tuple[str, ...]  # of quotes.agreement.DISAGREEMENT_KINDS


@dataclass(frozen=True)
class TeamStatus:
    """Who decided a quote, for the export."""

    decided_by: str  # the adjudicator, or the reviewers in effect (comma-separated)
    reviewers_agreed: bool | None  # None: fewer than two reviewers decided it
    adjudicated: bool


def effective_ids(rows: Iterable[dict[str, Any]]) -> set[int]:
    """Ids of the log rows in effect: not cancelled by an undo (or redo) row in effect.

    A row is cancelled by the row naming it in ``undoes`` when that row is in effect itself;
    cancelling rows always come later, so one pass from the newest row decides each.
    """
    ordered = sorted(rows, key=lambda r: r["id"], reverse=True)
    cancelled: set[int] = set()
    effective: set[int] = set()
    for r in ordered:
        if r["id"] in cancelled:
            continue
        effective.add(r["id"])
        if r["undoes"] is not None:
            cancelled.add(r["undoes"])
    return effective


def verdict_of(row: dict[str, Any]) -> Verdict:
    """What a decision row says the quote is: the state before it, changed by it."""
    before = json.loads(row["before"]) if row["before"] else {}
    changes = json.loads(row["changes"]) if row["changes"] else {}
    state = {"speaker": before.get("speaker") or "", "start": before.get("start"), "end": before.get("end"),
             "kind": before.get("kind") or ""}
    for key in ("speaker", "start", "end", "kind"):
        if key in changes:
            state[key] = changes[key]
    return Verdict(
        review_id=int(row["id"]), quote_id=int(row["quote_id"]), reviewer=row["reviewer"], at=row["at"],
        accepted=row["decision"] != "rejected", speaker=state["speaker"] or "",
        start=int(state["start"] if state["start"] is not None else 0),
        end=int(state["end"] if state["end"] is not None else 0), kind=state["kind"] or "",
        reason=row["reason"] or "", decision=row["decision"])


class TeamReview(ReviewWrites):
    """Verdicts, agreement, the adjudication queue and adjudication itself."""

    def _log_rows(self, quote_ids: list[int] | None = None) -> list[dict[str, Any]]:
        sql = "SELECT id, quote_id, decision, changes, before, reason, reviewer, at, undoes, settles FROM reviews"
        if quote_ids is None:
            return self._rows(sql + " ORDER BY id")
        rows: list[dict[str, Any]] = []
        for i in range(0, len(quote_ids), 500):
            chunk = quote_ids[i:i + 500]
            rows += self._rows(f"{sql} WHERE quote_id IN ({', '.join('?' * len(chunk))}) ORDER BY id", chunk)
        return sorted(rows, key=lambda r: r["id"])

    def _team_state(self, quote_ids: list[int] | None = None
                    ) -> tuple[dict[int, dict[str, Verdict]], dict[int, dict[str, Any]]]:
        """Per quote: each reviewer's verdict, and the adjudication row in effect (newest)."""
        rows = self._log_rows(quote_ids)
        # Undo/redo rows are the log's history of *who may revert what*: any row of the
        # quote can be cancelled, so the effective set is computed over the whole log.
        effective = effective_ids(rows)
        verdicts: dict[int, dict[str, Verdict]] = {}
        adjudications: dict[int, dict[str, Any]] = {}
        for r in rows:  # oldest first: a newer row replaces an older one
            if r["id"] not in effective or r["decision"] not in _VERDICT_DECISIONS:
                continue
            if r["settles"]:
                adjudications[r["quote_id"]] = r
            else:
                verdicts.setdefault(r["quote_id"], {})[r["reviewer"]] = verdict_of(r)
        return verdicts, adjudications

    def verdicts(self, quote_id: int) -> list[Verdict]:
        """Each reviewer's verdict on one quote, in reviewer name order."""
        by_reviewer = self._team_state([quote_id])[0].get(quote_id, {})
        return [by_reviewer[name] for name in sorted(by_reviewer)]

    def decisions_on(self, quote_id: int) -> tuple[list[Verdict], Verdict | None]:
        """Each reviewer's verdict on one quote (name order) and the adjudication in effect."""
        verdicts, adjudications = self._team_state([quote_id])
        by_reviewer = verdicts.get(quote_id, {})
        settled = adjudications.get(quote_id)
        return [by_reviewer[n] for n in sorted(by_reviewer)], verdict_of(settled) if settled else None

    def reviewers(self) -> list[str]:
        """Everyone who wrote to the log, in name order."""
        return [r["reviewer"] for r in self._rows("SELECT DISTINCT reviewer FROM reviews ORDER BY reviewer")]

    def disagreements(self, *, document_id: int | None = None) -> list[Disagreement]:
        """The adjudication queue: quotes whose verdicts differ and are not settled, by
        document then position."""
        verdicts, adjudications = self._team_state()
        places = {r["id"]: (r["document_id"], r["start"], r["id"]) for r in self._rows(
            "SELECT id, document_id, start FROM quotes")}
        out = []
        for quote_id, by_reviewer in verdicts.items():
            if len(by_reviewer) < 2 or quote_id not in places:
                continue
            if document_id is not None and places[quote_id][0] != document_id:
                continue
            kinds = disagreement_kinds(by_reviewer.values())
            if not kinds:
                continue
            current = {v.review_id for v in by_reviewer.values()}
            settled = adjudications.get(quote_id)
            if settled is not None and set(json.loads(settled["settles"])) >= current:
                continue
            out.append(Disagreement(quote_id, places[quote_id][0],
                                    tuple(by_reviewer[n] for n in sorted(by_reviewer)), tuple(kinds)))
        out.sort(key=lambda d: places[d.quote_id])
        return out

    def agreement(self) -> list[PairAgreement]:
        """Agreement figures per reviewer pair, overall and per document (``quotes.agreement``)."""
        verdicts, _ = self._team_state()
        docs = {r["id"]: r["doc"] for r in self._rows(
            "SELECT q.id, d.doc FROM quotes q JOIN documents d ON d.id = q.document_id")}
        order = sorted(verdicts, key=lambda q: (docs.get(q, ""), q))
        return agreement((docs.get(q, "?"), verdicts[q]) for q in order if len(verdicts[q]) >= 2)

    def team_status(self) -> dict[int, TeamStatus]:
        """Quote id -> who decided it and whether the reviewers agreed (quotes with decisions only)."""
        verdicts, adjudications = self._team_state()
        out = {}
        for quote_id in set(verdicts) | set(adjudications):
            by_reviewer = verdicts.get(quote_id, {})
            agreed = None if len(by_reviewer) < 2 else not disagreement_kinds(by_reviewer.values())
            adjudication = adjudications.get(quote_id)
            if adjudication is not None:
                out[quote_id] = TeamStatus(adjudication["reviewer"], agreed, True)
            else:
                out[quote_id] = TeamStatus(", ".join(sorted(by_reviewer)), agreed, False)
        return out

    def adjudicate(self, quote_id: int, *, reviewer: str, take: int | None = None, decision: str | None = None,
                   changes: dict[str, Any] | None = None, reason: str | None = None) -> int:
        """Settle the disagreement on ``quote_id``: take one verdict (``take``: its review id),
        or decide anew (``decision``, with ``changes`` for a correction). Logged as the
        adjudicator's decision naming the verdicts it settles; undoable like any other.
        Returns the review id."""
        verdicts = self.verdicts(quote_id)
        if not verdicts:
            raise ValueError(f"quote {quote_id} has no reviewer's decision to adjudicate")
        settles = [v.review_id for v in verdicts]
        if take is not None:
            chosen = next((v for v in verdicts if v.review_id == take), None)
            if chosen is None:
                raise ValueError(f"decision {take} is not a verdict in effect on quote {quote_id}")
            if not chosen.accepted:
                decision, changes, reason = "rejected", None, chosen.reason or reason
            else:
                row = self._rows('SELECT q.start, q."end", q.kind, s.name AS speaker FROM quotes q '
                                 "LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.id = ?", [quote_id])[0]
                wanted = {"speaker": chosen.speaker, "start": chosen.start, "end": chosen.end, "kind": chosen.kind}
                current = {"speaker": row["speaker"] or "", "start": row["start"], "end": row["end"],
                           "kind": row["kind"]}
                changes = {k: v for k, v in wanted.items() if v != current[k]}
                decision = "corrected" if changes else "accepted"
        if decision not in ("accepted", "rejected", "corrected"):
            raise ValueError("adjudicate needs take= (a review id) or decision= accepted, rejected or corrected")
        return self.record_decision(quote_id, decision, reviewer=reviewer, reason=reason,
                                    changes=changes or None, settles=settles)
