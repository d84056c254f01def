"""Queries: the review queue and its filters, quote and document rows, speakers, progress,
alias maps and the citation export. Reads only; each fetches everything at once."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from ..normalize import fold
from .connection import StoreConnection, file_problem, store_error

STATUSES = ("pending", "accepted", "rejected", "corrected", "added")
ORDERS = ("confidence", "document", "id", "updated")
EXPORT_STATUSES = ("accepted", "agreed", "adjudicated", "reviewed", "all")

_PAGE = 1000  # rows per read when streaming exports
RATE_MIN_DECISIONS = 5  # decisions in the last hour before progress() gives a rate and time left


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Queries(StoreConnection):
    """What the app, the CLI and the exporter read."""

    def queue_ids(self, *, status: str | None = None, speaker_id: int | None = None, cue: str | None = None,
                  document_id: int | None = None, min_conf: float | None = None, max_conf: float | None = None,
                  search: str | None = None, order: str = "confidence") -> list[int]:
        """Quote ids matching the filters, in one query.

        status: one of STATUSES, or 'reviewed' (anything not pending), or None/'all'.
        search: normalised substring of the quote text or the speaker's name/aliases.
        order: confidence (lowest first; reviewer-added quotes, which have none, last),
        document (document then position), id, updated (most recent first).
        """
        where: list[str] = []
        params: list[Any] = []
        if status and status != "all":
            if status == "reviewed":
                where.append("q.status != 'pending'")
            elif status in STATUSES:
                where.append("q.status = ?")
                params.append(status)
            else:
                raise ValueError(f"status must be one of {STATUSES + ('reviewed', 'all')}, not {status!r}")
        for clause, value in (("q.speaker_id = ?", speaker_id), ("q.cue = ?", cue), ("q.document_id = ?", document_id),
                              ("q.confidence >= ?", min_conf), ("q.confidence <= ?", max_conf)):
            if value is not None:
                where.append(clause)
                params.append(value)
        if search and search.strip():
            pattern = _like_pattern(fold(" ".join(search.split())))
            where.append(
                "(q.text_norm LIKE ? ESCAPE '\\' OR q.speaker_id IN ("
                "SELECT id FROM speakers WHERE name_norm LIKE ? ESCAPE '\\' "
                "UNION SELECT speaker_id FROM speaker_aliases WHERE alias_norm LIKE ? ESCAPE '\\'))")
            params += [pattern, pattern, pattern]
        orders = {
            "confidence": "q.confidence IS NULL, q.confidence, q.id",
            "document": "q.document_id, q.start, q.id",
            "id": "q.id",
            "updated": "q.updated_at DESC, q.id DESC",
        }
        if order not in orders:
            raise ValueError(f"order must be one of {ORDERS}, not {order!r}")
        sql = "SELECT q.id FROM quotes q"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY " + orders[order]
        try:
            return [r[0] for r in self.db.conn.execute(sql, params).fetchall()]
        except sqlite3.OperationalError as e:
            if file_problem(e):
                raise store_error(self.path, e, self.timeout) from e
            raise

    _JOINED = (
        'SELECT q.id, q.document_id, q.start, q."end", q.text, q.kind, q.cue, q.cue_start, q.cue_end, '
        "q.speaker_mention, q.mention_start, q.mention_end, q.speaker_id, q.confidence, q.evidence, q.run_id, "
        "q.status, q.origin, q.orig_start, q.orig_end, q.reject_reason, q.reviewer, q.reviewed_at, q.updated_at, "
        "s.name AS speaker, s.latin AS speaker_latin, s.role AS speaker_role, s.type AS speaker_type, "
        "d.doc, d.title, d.source, d.date, d.url, d.path "
        "FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN speakers s ON s.id = q.speaker_id"
    )

    def quote_rows(self, ids: list[int]) -> list[dict[str, Any]]:
        """Quotes joined with speaker (speaker, speaker_latin, speaker_role, speaker_type) and
        document fields (doc, title, source, date, url, path), in the order of ``ids``.
        ``evidence`` is decoded; ids not found are left out."""
        found: dict[int, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = list(ids[i:i + 500])
            marks = ", ".join("?" for _ in chunk)
            for r in self._rows(f"{self._JOINED} WHERE q.id IN ({marks})", chunk):
                r["evidence"] = json.loads(r["evidence"]) if r["evidence"] else {}
                found[r["id"]] = r
        return [found[i] for i in ids if i in found]

    def document(self, document_id: int) -> dict[str, Any]:
        rows = self._rows("SELECT * FROM documents WHERE id = ?", [document_id])
        if not rows:
            raise KeyError(f"no document with id {document_id}")
        return rows[0]

    def documents(self) -> list[dict[str, Any]]:
        """Every document (id, doc, title) with its number of quotes, in the order stored."""
        return self._rows(
            "SELECT d.id, d.doc, d.title, (SELECT count(*) FROM quotes q WHERE q.document_id = d.id) AS quotes "
            "FROM documents d ORDER BY d.id")

    def speakers(self) -> list[dict[str, Any]]:
        """All speakers with their aliases ([{alias, source}]) and number of quotes."""
        speakers = self._rows(
            "SELECT s.*, (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes "
            "FROM speakers s ORDER BY s.name")
        aliases: dict[int, list[dict[str, str]]] = {}
        for r in self._rows("SELECT speaker_id, alias, source FROM speaker_aliases ORDER BY id"):
            aliases.setdefault(r["speaker_id"], []).append({"alias": r["alias"], "source": r["source"]})
        for s in speakers:
            s["aliases"] = aliases.get(s["id"], [])
        return speakers

    def cues(self) -> list[tuple[str, int]]:
        """Distinct cues with their quote counts, most frequent first (for a filter list)."""
        return [(r["cue"], r["n"]) for r in self._rows(
            "SELECT cue, count(*) AS n FROM quotes WHERE cue != '' GROUP BY cue ORDER BY n DESC, cue")]

    def progress(self) -> dict[str, Any]:
        """total, by_status, reviewed, pending, last_hour (decisions), per_hour, eta_hours.

        per_hour and eta_hours are None until ``RATE_MIN_DECISIONS`` decisions were made in
        the last hour: a rate from one or two decisions is noise, and an estimate that jumps
        from minutes to days with each of them is worse than none."""
        by_status = {s: 0 for s in STATUSES}
        for r in self._rows("SELECT status, count(*) AS n FROM quotes GROUP BY status"):
            by_status[r["status"]] = r["n"]
        total = sum(by_status.values())
        now = datetime.now(UTC)
        hour_ago = (now - timedelta(hours=1)).isoformat(timespec="milliseconds")
        row = self._rows(
            "SELECT count(*) AS n, min(at) AS first FROM reviews WHERE at >= ? "
            "AND decision IN ('accepted', 'rejected', 'corrected', 'added')", [hour_ago])[0]
        last_hour = row["n"]
        per_hour: float | None = None
        if last_hour >= RATE_MIN_DECISIONS:
            # Over a short session, scale to the time actually spent (at least 5 minutes, so
            # a quick first few decisions do not promise thousands per hour).
            window = (now - datetime.fromisoformat(row["first"])).total_seconds() / 3600
            per_hour = last_hour / min(1.0, max(window, 5 / 60))
        pending = by_status["pending"]
        return {
            "total": total, "by_status": by_status, "reviewed": total - pending, "pending": pending,
            "last_hour": last_hour, "per_hour": round(per_hour, 1) if per_hour is not None else None,
            "eta_hours": round(pending / per_hour, 2) if per_hour else None,
        }

    def alias_map(self) -> dict[str, str]:
        """alias_norm -> canonical name, for resolving mentions in later extractions.

        Precedence: reviewer aliases (the newest wins), then the canonical names themselves,
        then extractor aliases that point to a single speaker (an ambiguous surname such as
        حسين is left unresolved rather than guessed).
        """
        out: dict[str, str] = {}
        extractor: dict[str, set[str]] = {}
        for r in self._rows(
            "SELECT a.alias_norm, a.source, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
            "ORDER BY a.id"):
            if r["source"] == "extractor":
                extractor.setdefault(r["alias_norm"], set()).add(r["name"])
        for r in self._rows("SELECT name_norm, name FROM speakers ORDER BY id"):
            out.setdefault(r["name_norm"], r["name"])
        for norm, names in extractor.items():
            if len(names) == 1 and norm not in out:
                out[norm] = next(iter(names))
        for r in self._rows(
            "SELECT a.alias_norm, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
            "WHERE a.source = 'reviewer' ORDER BY a.id"):
            out[r["alias_norm"]] = r["name"]
        return out

    def reviewer_alias_map(self) -> dict[str, str]:
        """alias_norm -> canonical name, for the aliases reviewers made (corrections, merges,
        renames; the newest wins).

        What a bulk extraction applies: unlike ``alias_map`` it does not depend on which other
        articles happen to be stored already, so an article's suggestions are the same whether
        it is extracted alone, in a corpus, or in a run resumed after an interruption.
        """
        out: dict[str, str] = {}
        for r in self._rows(
            "SELECT a.alias_norm, s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
            "WHERE a.source = 'reviewer' ORDER BY a.id"):
            out[r["alias_norm"]] = r["name"]
        return out

    def export_rows(self, status: str = "all") -> Iterator[dict[str, Any]]:
        """Citation rows (see quotes.export.COLUMNS), by document then position.

        status: accepted (accepted + corrected + added) | agreed (of those, the quotes two or
        more reviewers decided alike) | adjudicated (of those, the quotes an adjudicator
        settled) | reviewed (anything not pending) | all. Every row says who decided it
        (``decided_by``) and whether its reviewers agreed (``reviewers_agreed``).
        Read in pages, so writing a large export never holds a read transaction open.
        """
        from ..export import citation_row  # export imports nothing from here; keep import-time light

        accepted = "q.status IN ('accepted', 'corrected', 'added')"
        filters = {"accepted": accepted, "agreed": accepted, "adjudicated": accepted,
                   "reviewed": "q.status != 'pending'", "all": "1"}
        if status not in filters:
            raise ValueError(f"status must be one of {EXPORT_STATUSES}, not {status!r}")
        team: dict[Any, Any] = getattr(self, "team_status", dict)()  # TeamReview's, combined in Store
        last = (-1, -1, -1)
        while True:
            page = self._rows(
                f"{self._JOINED} WHERE {filters[status]} AND (q.document_id, q.start, q.id) > (?, ?, ?) "
                f"ORDER BY q.document_id, q.start, q.id LIMIT {_PAGE}", last)
            if not page:
                return
            for r in page:
                who = team.get(r["id"])
                if status == "agreed" and not (who and who.reviewers_agreed):
                    continue
                if status == "adjudicated" and not (who and who.adjudicated):
                    continue
                r["decided_by"] = who.decided_by if who else (r["reviewer"] or "")
                r["reviewers_agreed"] = None if who is None else who.reviewers_agreed
                yield citation_row(r)
            r = page[-1]
            last = (r["document_id"], r["start"], r["id"])
