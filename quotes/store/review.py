"""Review writes: decisions, reviewer-added quotes, undo/redo, and the reviewer's speaker edits.

Undo/redo is derived from the append-only ``reviews`` log (see ``_undo_top``), so it
survives restarts and needs no mutable state besides the quotes themselves.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

from ..normalize import fold
from ..records import KINDS, SPEAKER_TYPES
from . import speakers
from .connection import StoreConnection
from .connection import now as _now

DECISIONS = ("accepted", "rejected", "corrected", "skipped")
CHANGE_KEYS = ("speaker", "start", "end", "kind", "cue", "cue_start", "cue_end")

# Fields a review can change; a snapshot of them before each decision makes it undoable.
_SNAPSHOT_FIELDS = ("status", "start", "end", "kind", "cue", "cue_start", "cue_end", "speaker_id",
                    "reject_reason", "reviewer", "reviewed_at")


class ReviewWrites(StoreConnection):
    """The review app's writes; every one is one transaction with its row in ``reviews``."""

    def _snapshot(self, conn: sqlite3.Connection, quote_id: int) -> dict[str, Any]:
        cols = ", ".join(f'q."{c}"' for c in _SNAPSHOT_FIELDS)
        cur = conn.execute(f"SELECT {cols}, s.name FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id "
                           "WHERE q.id = ?", [quote_id])
        row = cur.fetchone()
        if row is None:
            raise KeyError(f"no quote with id {quote_id}")
        snap = dict(zip(_SNAPSHOT_FIELDS, row[:-1], strict=True))
        # The name, not only the id: a merge may delete the speaker before an undo.
        snap["speaker"] = row[-1]
        return snap

    def _restore(self, conn: sqlite3.Connection, quote_id: int, snap: dict[str, Any] | None) -> None:
        now = _now()
        if snap is None:  # undoing a reviewer-added quote: withdraw it (reviews still point at it)
            conn.execute("UPDATE quotes SET status = 'rejected', reject_reason = 'withdrawn (undo)', "
                         "updated_at = ? WHERE id = ?", [now, quote_id])
            return
        values = {k: snap.get(k) for k in _SNAPSHOT_FIELDS}
        speaker, speaker_id = snap.get("speaker"), snap.get("speaker_id")
        if not speaker:
            values["speaker_id"] = None
        elif speaker_id is None or not conn.execute("SELECT 1 FROM speakers WHERE id = ?", [speaker_id]).fetchone():
            # Merged away (its name is now a reviewer alias of the kept speaker) or deleted.
            values["speaker_id"] = speakers.speaker_id(conn, speaker, create=True)
        doc = conn.execute("SELECT d.text FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.id = ?",
                           [quote_id]).fetchone()
        values["updated_at"] = now
        if doc is not None:
            # A quote whose document row is gone (a damaged file) keeps its stored text: its span
            # cannot have changed, since corrections refuse to move it (see _apply_changes).
            qtext = doc[0][values["start"]:values["end"]]
            values.update({"text": qtext, "text_norm": fold(qtext)})
        sets = ", ".join(f'"{k}" = ?' for k in values)
        conn.execute(f"UPDATE quotes SET {sets} WHERE id = ?", [*values.values(), quote_id])

    def _log(self, conn: sqlite3.Connection, quote_id: int, decision: str, *, reviewer: str,
             changes: dict[str, Any] | None = None, before: dict[str, Any] | None = None,
             reason: str | None = None, undoes: int | None = None, batch: str | None = None,
             settles: list[int] | None = None, at: str | None = None) -> int:
        cur = conn.execute(
            "INSERT INTO reviews (quote_id, decision, changes, before, reason, reviewer, at, undoes, batch, settles) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [quote_id, decision, json.dumps(changes, ensure_ascii=False) if changes else None,
             json.dumps(before, ensure_ascii=False) if before is not None else None,
             reason, reviewer, at or _now(), undoes, batch,
             json.dumps(sorted(settles)) if settles else None])
        return int(cur.lastrowid or 0)

    def record_decision(self, quote_id: int, decision: str, *, reviewer: str, reason: str | None = None,
                        changes: dict[str, Any] | None = None, alias: str | None = None,
                        settles: list[int] | None = None) -> int:
        """Apply one review decision and log it, in one transaction. Returns the review id.

        ``reviewer`` names who decided; it is kept in the log row, so merged files and a
        file shared by several reviewers say who decided what. ``settles``: the ids of other
        reviewers' decisions this one adjudicates (see ``quotes.store.team``).

        ``changes`` is only accepted with ``corrected`` (keys: speaker, start, end, kind, cue,
        cue_start, cue_end). ``speaker`` is a canonical name ("" or None: no speaker); a new
        name creates the speaker, and the quote's mention becomes a reviewer alias of it, as
        does ``alias`` (text the reviewer took from the article as the speaker; ignored
        unless a speaker is named). The aliases are written in the decision's transaction and
        listed in its log row (``changes["aliases"]``), so undoing it withdraws them.
        """
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {DECISIONS}, not {decision!r}")
        changes = dict(changes or {})
        unknown = set(changes) - set(CHANGE_KEYS)
        if unknown:
            raise ValueError(f"cannot change {sorted(unknown)}; allowed: {CHANGE_KEYS}")
        if changes and decision != "corrected":
            raise ValueError(f"changes need decision 'corrected', not {decision!r}")
        if not reviewer:
            raise ValueError("reviewer is required")
        now = _now()
        with self._write() as conn:
            before = self._snapshot(conn, quote_id)
            applied: dict[str, Any] = {}
            if decision == "corrected":
                applied = self._apply_changes(conn, quote_id, before, changes, alias)
            if decision != "skipped":
                conn.execute(
                    "UPDATE quotes SET status = ?, reject_reason = ?, reviewer = ?, reviewed_at = ?, updated_at = ? "
                    "WHERE id = ?",
                    [decision, reason if decision == "rejected" else None, reviewer, now, now, quote_id])
            return self._log(conn, quote_id, decision, reviewer=reviewer, changes=applied, before=before,
                             reason=reason, settles=settles, at=now)

    def _apply_changes(self, conn: sqlite3.Connection, quote_id: int, before: dict[str, Any],
                       changes: dict[str, Any], alias: str | None = None) -> dict[str, Any]:
        # LEFT JOIN: in a damaged file the document row may be gone; a speaker or kind can
        # still be corrected, a span or cue cannot (there is no text to check it against).
        doc_text, mention, old_cue = conn.execute(
            "SELECT d.text, q.speaker_mention, q.cue FROM quotes q LEFT JOIN documents d ON d.id = q.document_id "
            "WHERE q.id = ?", [quote_id]).fetchone()
        if doc_text is None and {"start", "end", "cue", "cue_start", "cue_end"} & set(changes):
            raise ValueError(f"quote {quote_id} points to no document, so its span and cue cannot be changed "
                             "(restore the database from a backup)")
        sets: dict[str, Any] = {}
        applied: dict[str, Any] = {}
        if "start" in changes or "end" in changes:
            start = int(changes.get("start", before["start"]))
            end = int(changes.get("end", before["end"]))
            _check_span(start, end, len(doc_text))
            qtext = doc_text[start:end]
            sets.update({"start": start, "end": end, "text": qtext, "text_norm": fold(qtext)})
            applied.update({"start": start, "end": end})
        if "kind" in changes:
            if changes["kind"] not in KINDS:
                raise ValueError(f"kind must be one of {KINDS}, not {changes['kind']!r}")
            sets["kind"] = applied["kind"] = changes["kind"]
        if "cue" in changes or "cue_start" in changes or "cue_end" in changes:
            cs, ce = changes.get("cue_start"), changes.get("cue_end")
            if cs is None or ce is None:
                cue = str(changes.get("cue", old_cue) or "")
                cs, ce = _locate(doc_text, cue, sets.get("start", before["start"]), sets.get("end", before["end"]))
            else:
                cs, ce = int(cs), int(ce)
                _check_span(cs, ce, len(doc_text))
                cue = str(changes.get("cue") or doc_text[cs:ce])
            sets.update({"cue": cue, "cue_start": cs, "cue_end": ce})
            applied.update({"cue": cue, "cue_start": cs, "cue_end": ce})
        if "speaker" in changes:
            speaker_id, canonical, added = _correct_speaker(conn, changes["speaker"], [mention, alias])
            sets["speaker_id"] = speaker_id
            applied["speaker"] = canonical
            if added:
                applied["aliases"] = added
        if sets:
            cols = ", ".join(f'"{k}" = ?' for k in sets)
            conn.execute(f"UPDATE quotes SET {cols} WHERE id = ?", [*sets.values(), quote_id])
        return applied

    def add_quote(self, document_id: int, start: int, end: int, *, kind: str, speaker: str | None,
                  reviewer: str, cue: str = "") -> int:
        """A quote the extractor missed (status 'added', origin 'reviewer'), logged. Returns its id."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        if not reviewer:
            raise ValueError("reviewer is required")
        now = _now()
        with self._write() as conn:
            row = conn.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
            if row is None:
                raise KeyError(f"no document with id {document_id}")
            doc_text = row[0]
            _check_span(start, end, len(doc_text))
            speaker_id = speakers.speaker_id(conn, speaker.strip(), create=True) if speaker and speaker.strip() else None
            cs, ce = _locate(doc_text, cue, start, end)
            qtext = doc_text[start:end]
            cur = conn.execute(
                'INSERT INTO quotes (document_id, start, "end", text, kind, cue, cue_start, cue_end, speaker_id, '
                "status, origin, text_norm, reviewer, reviewed_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'added', 'reviewer', ?, ?, ?, ?)",
                [document_id, start, end, qtext, kind, cue or "", cs, ce, speaker_id, fold(qtext),
                 reviewer, now, now])
            quote_id = int(cur.lastrowid or 0)
            changes = {"start": start, "end": end, "kind": kind, "cue": cue or "", "speaker": speaker or ""}
            self._log(conn, quote_id, "added", reviewer=reviewer, changes=changes, before=None)
            return quote_id

    def _undo_top(self, conn: sqlite3.Connection) -> dict[str, Any] | None:
        """The review row an undo would revert: the newest decision or redo row still in effect.

        The log is a stack history: decisions and redos push, undos pop. Walking it backwards,
        each undo cancels the row it names (``undoes``) and a cancelled row is passed over,
        so the search stops after a few rows however long the log is. Following the named
        row rather than counting matters in a merged file, where two reviewers' decisions
        and undos interleave by time.
        """
        cancelled: set[int] = set()
        for row in self._walk_back(conn):
            if row["id"] in cancelled:
                continue
            if row["decision"] == "undo":
                cancelled.add(row["undoes"])
            else:
                return row
        return None

    def _redo_top(self, conn: sqlite3.Connection) -> dict[str, Any] | None:
        """The undo row a redo would revert; none once a new decision was made after it."""
        cancelled: set[int] = set()
        for row in self._walk_back(conn):
            if row["decision"] == "redo":
                if row["id"] not in cancelled:
                    cancelled.add(row["undoes"])
                continue
            if row["decision"] != "undo":
                return None  # a new decision clears the redo history
            if row["id"] in cancelled:
                continue
            return row
        return None

    _WALK_COLUMNS = "id, quote_id, decision, before, changes, undoes, batch"

    def _walk_back(self, conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
        last = None
        cols = self._WALK_COLUMNS
        while True:
            if last is None:
                rows = conn.execute(f"SELECT {cols} FROM reviews ORDER BY id DESC LIMIT 64").fetchall()
            else:
                rows = conn.execute(f"SELECT {cols} FROM reviews WHERE id < ? ORDER BY id DESC LIMIT 64",
                                    [last]).fetchall()
            if not rows:
                return
            for rid, qid, decision, before, changes, undoes, batch in rows:
                yield {"id": rid, "quote_id": qid, "decision": decision, "before": before, "changes": changes,
                       "undoes": undoes, "batch": batch}
            last = rows[-1][0]

    def _revert(self, reviewer: str, *, redo: bool) -> int | None:
        if not reviewer:
            raise ValueError("reviewer is required")
        with self._write() as conn:
            top = self._redo_top(conn) if redo else self._undo_top(conn)
            if top is None:
                return None
            if not top["batch"]:
                return self._revert_row(conn, top, reviewer, redo=redo, batch=None, at=_now())
            # A bulk decision is one step: every row of its batch is reverted, newest first,
            # and the undo (or redo) rows form a batch of their own for the next turn.
            cols = self._WALK_COLUMNS
            rows = conn.execute(f"SELECT {cols} FROM reviews WHERE batch = ? ORDER BY id DESC",
                                [top["batch"]]).fetchall()
            keys = ("id", "quote_id", "decision", "before", "changes", "undoes", "batch")
            batch, at = new_batch_id(), _now()
            quote_id = None
            for values in rows:
                quote_id = self._revert_row(conn, dict(zip(keys, values, strict=True)), reviewer, redo=redo,
                                            batch=batch, at=at)
            return quote_id

    def _revert_row(self, conn: sqlite3.Connection, top: dict[str, Any], reviewer: str, *, redo: bool,
                    batch: str | None, at: str) -> int:
        quote_id = int(top["quote_id"])
        current = self._snapshot(conn, quote_id)
        target = json.loads(top["before"]) if top["before"] else None
        self._restore(conn, quote_id, target)
        after = self._snapshot(conn, quote_id)
        diff: dict[str, Any] = {k: after[k] for k in after if after[k] != current[k] and k != "speaker_id"}
        # The reviewer aliases the reverted row wrote (a decision or redo) are withdrawn, the
        # ones an undo withdrew are written again; the new row lists them for the next turn.
        aliases = json.loads(top["changes"]).get("aliases") if top["changes"] else None
        if aliases:
            diff["aliases"] = _readd_aliases(conn, aliases) if redo else _withdraw_aliases(conn, aliases)
        self._log(conn, quote_id, "redo" if redo else "undo", reviewer=reviewer, changes=diff,
                  before=current, undoes=int(top["id"]), batch=batch, at=at)
        return quote_id

    def accept_many(self, quote_ids: list[int], *, reviewer: str) -> list[int]:
        """Accept every still-pending quote of ``quote_ids`` in one transaction, as one batch:
        one undo takes them all back. Returns the ids accepted (others are left alone)."""
        if not reviewer:
            raise ValueError("reviewer is required")
        now = _now()
        batch = new_batch_id()
        done = []
        with self._write() as conn:
            for quote_id in quote_ids:
                before = self._snapshot(conn, quote_id)
                if before["status"] != "pending":
                    continue
                conn.execute(
                    "UPDATE quotes SET status = 'accepted', reject_reason = NULL, reviewer = ?, reviewed_at = ?, "
                    "updated_at = ? WHERE id = ?", [reviewer, now, now, quote_id])
                self._log(conn, quote_id, "accepted", reviewer=reviewer, before=before, batch=batch, at=now)
                done.append(quote_id)
        return done

    def undo(self, reviewer: str) -> int | None:
        """Undo the latest decision still in effect (any reviewer's); returns the quote id."""
        return self._revert(reviewer, redo=False)

    def redo(self, reviewer: str) -> int | None:
        """Redo the latest undone decision, unless a new decision was made since."""
        return self._revert(reviewer, redo=True)

    def can_undo(self) -> bool:
        return self._undo_top(self.db.conn) is not None

    def can_redo(self) -> bool:
        return self._redo_top(self.db.conn) is not None

    def set_speaker_details(self, speaker_id: int, *, latin: str | None = None, role: str | None = None,
                            type: str | None = None) -> None:
        """Reviewer edits. None leaves a field unchanged; "" clears latin/role (latin back to automatic)."""
        if type is not None and type not in SPEAKER_TYPES:
            raise ValueError(f"type must be one of {SPEAKER_TYPES}, not {type!r}")
        sets: dict[str, Any] = {}
        if latin is not None:
            sets["latin"] = latin.strip() or None
        if role is not None:
            sets["role"] = role.strip() or None
        if type is not None:
            sets["type"] = type
        if not sets:
            return
        with self._write() as conn:
            cols = ", ".join(f"{k} = ?" for k in sets)
            cur = conn.execute(f"UPDATE speakers SET {cols} WHERE id = ?", [*sets.values(), speaker_id])
            if cur.rowcount == 0:
                raise KeyError(f"no speaker with id {speaker_id}")

    def rename_speaker(self, speaker_id: int, name: str) -> None:
        """Change a canonical name; the old one stays as a reviewer alias."""
        name = name.strip()
        if not name:
            raise ValueError("name must not be empty")
        with self._write() as conn:
            row = conn.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()
            if row is None:
                raise KeyError(f"no speaker with id {speaker_id}")
            other = conn.execute("SELECT id FROM speakers WHERE name = ? AND id != ?", [name, speaker_id]).fetchone()
            if other:
                raise ValueError(f"speaker {name!r} already exists (id {other[0]}): merge instead")
            conn.execute("UPDATE speakers SET name = ?, name_norm = ? WHERE id = ?", [name, fold(name), speaker_id])
            speakers.add_alias(conn, speaker_id, row[0], "reviewer")

    def merge_speakers(self, keep_id: int, drop_id: int) -> None:
        """Move drop's quotes and aliases to keep, make drop's name an alias, delete drop."""
        if keep_id == drop_id:
            raise ValueError("cannot merge a speaker into itself")
        with self._write() as conn:
            keep = conn.execute("SELECT id FROM speakers WHERE id = ?", [keep_id]).fetchone()
            drop = conn.execute("SELECT name, latin, role, type FROM speakers WHERE id = ?", [drop_id]).fetchone()
            if keep is None or drop is None:
                raise KeyError(f"no speaker with id {keep_id if keep is None else drop_id}")
            name, latin, role, type_ = drop
            conn.execute("UPDATE quotes SET speaker_id = ?, updated_at = ? WHERE speaker_id = ?",
                         [keep_id, _now(), drop_id])
            for alias, source in conn.execute("SELECT alias, source FROM speaker_aliases WHERE speaker_id = ?",
                                              [drop_id]).fetchall():
                speakers.add_alias(conn, keep_id, alias, source)
            speakers.add_alias(conn, keep_id, name, "reviewer")
            # Keep whatever the reviewer already said about keep; take drop's where keep is blank.
            conn.execute(
                "UPDATE speakers SET latin = coalesce(latin, ?), role = coalesce(role, ?), "
                "type = CASE WHEN type = 'unknown' THEN ? ELSE type END WHERE id = ?",
                [latin, role, type_, keep_id])
            conn.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [drop_id])
            conn.execute("DELETE FROM speakers WHERE id = ?", [drop_id])

    def add_alias(self, speaker_id: int, alias: str, source: str = "reviewer") -> None:
        if source not in ("extractor", "reviewer"):
            raise ValueError("source must be 'extractor' or 'reviewer'")
        alias = alias.strip()
        if not alias:
            raise ValueError("alias must not be empty")
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM speakers WHERE id = ?", [speaker_id]).fetchone() is None:
                raise KeyError(f"no speaker with id {speaker_id}")
            speakers.add_alias(conn, speaker_id, alias, source)


def new_batch_id() -> str:
    """Random, so batches written in different copies of a file never collide when merged."""
    return uuid.uuid4().hex


def _check_span(start: int, end: int, length: int) -> None:
    if not (0 <= start < end <= length):
        raise ValueError(f"span {start}:{end} outside the document text (0:{length})")


def _locate(text: str, cue: str, start: int, end: int) -> tuple[int | None, int | None]:
    """Offsets of ``cue`` nearest to the quote span (cues sit just before or after it)."""
    cue = (cue or "").strip()
    if not cue:
        return None, None
    best: tuple[int, int] | None = None
    i = text.find(cue)
    while i != -1:
        dist = start - (i + len(cue)) if i < start else max(0, i - end)
        if best is None or dist < best[0]:
            best = (dist, i)
        i = text.find(cue, i + 1)
    if best is None:
        return None, None
    return best[1], best[1] + len(cue)


def _correct_speaker(conn: sqlite3.Connection, name: str | None,
                     aliases: list[str | None]) -> tuple[int | None, str, list[dict[str, Any]]]:
    """The speaker a correction names (created if new), its canonical name, and the reviewer
    aliases written for it: what an undo must withdraw."""
    name = (name or "").strip()
    if not name:
        return None, "", []
    speaker_id = speakers.speaker_id(conn, name, create=True)
    assert speaker_id is not None
    canonical = conn.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()[0]
    added = []
    for i, text in enumerate(aliases):
        text = (text or "").strip()
        # The mention (first) is kept even when it is the name itself, as before; extra text
        # only when it is another spelling.
        if not text or (i and fold(text) == fold(canonical)):
            continue
        was = _alias_source(conn, speaker_id, text)
        if was == "reviewer":
            continue  # already the reviewer's: not this decision's to withdraw
        speakers.add_alias(conn, speaker_id, text, "reviewer")
        added.append({"speaker_id": speaker_id, "alias": text, "was": was})
    return speaker_id, canonical, added


def _alias_source(conn: sqlite3.Connection, speaker_id: int, alias: str) -> str | None:
    row = conn.execute("SELECT source FROM speaker_aliases WHERE speaker_id = ? AND alias_norm = ?",
                       [speaker_id, fold(alias)]).fetchone()
    return row[0] if row else None


def _withdraw_aliases(conn: sqlite3.Connection, added: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Undo what ``_correct_speaker`` wrote: delete a new alias, or give an upgraded one back to
    the extractor. Returns what was withdrawn (for a redo)."""
    done = []
    for a in added:
        key = [a["speaker_id"], fold(a["alias"])]
        if a["was"] is None:
            cur = conn.execute("DELETE FROM speaker_aliases WHERE speaker_id = ? AND alias_norm = ? "
                               "AND source = 'reviewer'", key)
        else:
            cur = conn.execute("UPDATE speaker_aliases SET source = ? WHERE speaker_id = ? AND alias_norm = ? "
                               "AND source = 'reviewer'", [a["was"], *key])
        if cur.rowcount:
            done.append(a)
    return done


def _readd_aliases(conn: sqlite3.Connection, withdrawn: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Redo: write the withdrawn aliases again, for speakers that still exist."""
    done = []
    for a in withdrawn:
        if conn.execute("SELECT 1 FROM speakers WHERE id = ?", [a["speaker_id"]]).fetchone() is None:
            continue  # merged away since: its name already maps to the kept speaker
        was = _alias_source(conn, a["speaker_id"], a["alias"])
        if was != "reviewer":
            speakers.add_alias(conn, a["speaker_id"], a["alias"], "reviewer")
            done.append({**a, "was": was})
    return done
