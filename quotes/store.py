"""The SQLite store shared by the bulk extractor, the CLI and the review app.

One file, opened through sqlite-utils on Python's ``sqlite3`` (never QtSql: two SQLite
libraries on one WAL file in one process corrupt it, see research/review_gui.md §0).

Concurrency model: the file is in WAL mode, every connection has a busy timeout, and every
write is one short ``BEGIN IMMEDIATE`` transaction (one article, or one review decision).
A deferred ``BEGIN`` that reads and then writes fails at once with "database is locked"
when another connection committed in between; ``IMMEDIATE`` takes the write lock first, so
the busy timeout can do its job. Reads fetch everything at once, so no read transaction
stays open to hold back WAL checkpoints or show the GUI a stale snapshot. A ``Store`` is
one connection: use one per thread.

Undo/redo is derived from the append-only ``reviews`` log (see ``_undo_top``), so it
survives restarts and needs no mutable state besides the quotes themselves.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .migrations import MIGRATION_SET, SCHEMA_VERSION, known_names, migrations
from .normalize import fold
from .records import KINDS, SPEAKER_TYPES, Article, Quote

STATUSES = ("pending", "accepted", "rejected", "corrected", "added")
DECISIONS = ("accepted", "rejected", "corrected", "skipped")
CHANGE_KEYS = ("speaker", "start", "end", "kind", "cue", "cue_start", "cue_end")
ORDERS = ("confidence", "document", "id", "updated")
EXPORT_STATUSES = ("accepted", "reviewed", "all")

# Fields a review can change; a snapshot of them before each decision makes it undoable.
_SNAPSHOT_FIELDS = ("status", "start", "end", "kind", "cue", "cue_start", "cue_end", "speaker_id",
                    "reject_reason", "reviewer", "reviewed_at")
_SQLITE_HEADER = b"SQLite format 3\x00"
_PAGE = 1000  # rows per read when streaming exports
_BULK_CHECKPOINT_PAGES = 10_000
_EVIDENCE_JSON = json.JSONEncoder(ensure_ascii=False, default=str).encode  # one encoder, not one per quote


class StoreError(Exception):
    """A problem with the database file; ``str()`` is one line: the file and what to do."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def text_hash(text: str) -> str:
    """The document identity: sha256 of the exact text's UTF-8."""
    # surrogatepass: a JSON record may hold a lone surrogate ("\ud800"); hash it rather than crash.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass
class _SaveMemo:
    """What bulk saves on this connection already wrote or looked up: speaker ids by (name,
    type), aliases written, speakers whose role is set. Valid while no one else changed the
    file (SQLite's ``data_version`` moves only on other connections' commits) and this
    connection wrote nothing else (a review decision may rename or merge speakers)."""

    data_version: int
    speakers: dict[tuple[str, str], int] = field(default_factory=dict)
    aliases: set[tuple[int, str]] = field(default_factory=set)
    roles: set[int] = field(default_factory=set)


_QUOTE_COLUMNS = ("document_id", "start", "end", "text", "kind", "cue", "cue_start", "cue_end",
                  "speaker_mention", "mention_start", "mention_end", "speaker_id", "confidence",
                  "evidence", "run_id", "text_norm", "updated_at", "status", "origin", "orig_start", "orig_end")
_QUOTED_COLUMNS = [f'"{c}"' for c in _QUOTE_COLUMNS]  # "end" is an SQL keyword
_INSERT_QUOTE = f"INSERT INTO quotes ({', '.join(_QUOTED_COLUMNS)}) VALUES ({', '.join('?' * len(_QUOTE_COLUMNS))})"
# Columns 3..16 are the suggestion itself, rewritten in place when a pending row has the same span.
_UPDATE_QUOTE = f"UPDATE quotes SET {', '.join(c + ' = ?' for c in _QUOTED_COLUMNS[3:17])} WHERE id = ?"
# Exact name, then normalised name, then a reviewer alias (which also covers merged-away names).
_LOOKUP_SPEAKER = (
    "SELECT coalesce((SELECT id FROM speakers WHERE name = ?), "
    "(SELECT id FROM speakers WHERE name_norm = ? ORDER BY id LIMIT 1), "
    "(SELECT speaker_id FROM speaker_aliases WHERE alias_norm = ? AND source = 'reviewer' ORDER BY id DESC LIMIT 1))"
)


class Store:
    """See the module docstring. Open with ``Store.open(path)``."""

    path: str

    def __init__(self, db: Database, path: str, timeout: float) -> None:
        self._save_memo: _SaveMemo | None = None
        self._bulk_writer = False  # whether this connection has been set up for bulk saves
        self.db = db
        self.path = path
        self.timeout = timeout

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, timeout: float = 30.0) -> Store:
        """Open (and create/migrate when needed) the database at ``path``. Idempotent."""
        shown = str(path)
        if shown == ":memory:":  # for tests of code built on the store: no file, no WAL
            conn = sqlite3.connect(":memory:", isolation_level=None)
            store = cls(Database(conn, execute_plugins=False), shown, timeout)
            store._prepare(wal=False)
            return store
        p = Path(path)
        parent = p.parent if str(p.parent) else Path(".")
        if not parent.is_dir():
            raise StoreError(f"{shown}: directory {parent} does not exist (create it or choose another --db file)")
        if p.is_dir():
            raise StoreError(f"{shown}: is a directory, not a database file (choose another --db file)")
        if not p.exists():
            if not create:
                raise StoreError(f"{shown}: no such database (check the path, or run an extraction first)")
            if not os.access(parent, os.W_OK):
                raise StoreError(f"{shown}: directory {parent} is read-only (choose another --db file)")
        else:
            _check_header(p, shown)
            if not os.access(p, os.W_OK):
                raise StoreError(f"{shown}: file is read-only (make it writable or choose another --db file)")
            if not os.access(parent, os.W_OK):
                # WAL needs its -wal and -shm files next to the database.
                raise StoreError(f"{shown}: directory {parent} is read-only (choose another --db file)")
        try:
            # isolation_level=None: no implicit transactions; every write below opens its own
            # BEGIN IMMEDIATE, and plain SELECTs never leave a read transaction behind.
            conn = sqlite3.connect(str(p), timeout=timeout, isolation_level=None)
        except sqlite3.Error as e:
            raise _store_error(shown, e, timeout) from e
        # No sqlite-utils plugins: whatever is installed must not alter our connection.
        store = cls(Database(conn, execute_plugins=False), shown, timeout)
        try:
            store._prepare()
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self, *, wal: bool = True) -> None:
        conn = self.db.conn
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; loses at most the last commits on power loss
            self._check_version()
            if wal and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.db.enable_wal()
                if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    raise StoreError(f"{self.path}: cannot switch to WAL mode (choose a local, writable --db file)")
            # Migrate under the write lock, so two programs opening a fresh file cannot both
            # create the tables; also proves the file is writable.
            with self._write():
                self._check_version()
                migrations.apply(self.db)
                # Always written (even unchanged): a file SQLite could only open read-only
                # (immutable flag, read-only mount, ACLs the pre-checks missed) fails here
                # rather than at the reviewer's first decision.
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.Error as e:
            raise _store_error(self.path, e, self.timeout) from e

    def _check_version(self) -> None:
        conn = self.db.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        newer = version > SCHEMA_VERSION
        if not newer and conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
        ).fetchone():
            applied = {r[0] for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
            newer = bool(applied - known_names())
        if newer:
            raise StoreError(f"{self.path}: database schema is newer than this version of quotes (upgrade quotes)")

    def close(self) -> None:
        """Close the connection (rolling back nothing: no transaction is ever left open)."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, *, bulk: bool = False) -> Iterator[sqlite3.Connection]:
        """One short write transaction that takes the write lock up front. Any write but a
        bulk save (``bulk``) forgets what bulk saves memoised: it may rename or merge speakers."""
        conn = self.db.conn
        if not bulk:
            self._save_memo = None
        if conn.in_transaction:  # nested call: join the open transaction
            yield conn
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if _file_problem(e):
                raise _store_error(self.path, e, self.timeout) from e
            raise
        try:
            yield conn
        except BaseException as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.OperationalError) and _file_problem(e):
                raise _store_error(self.path, e, self.timeout) from e
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _store_error(self.path, e, self.timeout) from e

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Run a read and fetch everything, so the statement (and its snapshot) ends here."""
        try:
            cur = self.db.conn.execute(sql, list(params))
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        except sqlite3.OperationalError as e:
            if _file_problem(e):
                raise _store_error(self.path, e, self.timeout) from e
            raise

    def _value(self, sql: str, params: Iterable[Any] = ()) -> Any:
        try:
            row = self.db.conn.execute(sql, list(params)).fetchone()
        except sqlite3.OperationalError as e:
            if _file_problem(e):
                raise _store_error(self.path, e, self.timeout) from e
            raise
        return row[0] if row else None

    # ------------------------------------------------------------------ extraction side

    def document_id(self, text_hash: str) -> int | None:
        """The id of the document whose text has this sha256, if stored."""
        return self._value("SELECT id FROM documents WHERE hash = ?", [text_hash])

    def start_run(self, extractor_version: str, options: dict[str, Any]) -> int:
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO runs (extractor_version, options, started_at) VALUES (?, ?, ?)",
                [extractor_version, json.dumps(options, ensure_ascii=False, default=str), _now()])
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, documents: int, quotes: int) -> None:
        with self._write() as conn:
            conn.execute("UPDATE runs SET finished_at = ?, documents = ?, quotes = ? WHERE id = ?",
                         [_now(), documents, quotes, run_id])
        # A bulk run grows the WAL; fold it back without waiting for (or blocking) readers.
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def save_extraction(self, article: Article, quotes: list[Quote], run_id: int | None, *,
                        version: str | None = None) -> tuple[int, int]:
        """Store one article's suggestions in one transaction; see the project brief.

        Reviewed quotes and the review log are never touched: a suggestion whose span equals
        a reviewed quote's current or original span is dropped, pending extractor rows with
        the same span are updated in place, the rest are inserted, and pending extractor rows
        no longer suggested are deleted (unless they have review rows, e.g. a skip).
        The document is marked as extracted by ``version`` (default: the run's extractor
        version), in the same transaction: see ``extracted_version``.
        Returns (document id, number of suggestions now pending from this call).
        """
        return self.save_extractions([(article, quotes)], run_id, version=version)[0]

    def save_extractions(self, items: Iterable[tuple[Article, list[Quote]]], run_id: int | None, *,
                         version: str | None = None) -> list[tuple[int, int]]:
        """``save_extraction`` for several articles in one transaction: all stored, or none.

        For bulk runs: one commit per batch instead of one per article. Every item is checked
        before the write lock is taken, so an invalid one (ValueError naming its doc) leaves
        the whole batch unwritten. Keep batches small enough that the transaction stays short
        (tens of milliseconds): the review app's decisions wait for it.
        Returns (document id, pending suggestions from this call) per item, in order.
        """
        prepared = [(article, self._best_spans(article, quotes)) for article, quotes in items]
        if not prepared:
            return []
        hashes = [text_hash(article.text) for article, _ in prepared]
        now = _now()
        if not self._bulk_writer:
            self._bulk_writer = True
            # A bulk writer checkpoints every ~40 MB of WAL instead of every 4 MB: the same hot
            # index pages are then copied to the database (and synced) once per checkpoint
            # instead of ten times. ``finish_run`` folds the WAL back at the end.
            self.db.conn.execute(f"PRAGMA wal_autocheckpoint = {_BULK_CHECKPOINT_PAGES}")
        with self._write(bulk=True) as conn:
            if version is None and run_id is not None:
                row = conn.execute("SELECT extractor_version FROM runs WHERE id = ?", [run_id]).fetchone()
                version = row[0] if row else None
            # The write lock is held until commit, and the memo is dropped when anything but
            # bulk saves wrote since: speakers and aliases met before need no second look-up.
            data_version = conn.execute("PRAGMA data_version").fetchone()[0]
            memo = self._save_memo
            if memo is None or memo.data_version != data_version:
                memo = _SaveMemo(data_version)
            self._save_memo = None  # until this transaction commits
            known = dict(conn.execute(
                f"SELECT hash, id FROM documents WHERE hash IN ({', '.join('?' * len(set(hashes)))})",
                list(set(hashes))).fetchall())
            saved = [self._save_one(conn, memo, article, best, h, known, now, run_id, version)
                     for (article, best), h in zip(prepared, hashes, strict=True)]
        self._save_memo = memo
        return saved

    @staticmethod
    def _best_spans(article: Article, quotes: list[Quote]) -> dict[tuple[int, int], Quote]:
        """Validate one article's quotes (a bad offset is a bug in the caller) and keep the most
        confident suggestion per span."""
        text = article.text
        best: dict[tuple[int, int], Quote] = {}
        for q in quotes:
            if not (0 <= q.start < q.end <= len(text)):
                raise ValueError(f"{article.doc}: quote span {q.start}:{q.end} outside the text (0:{len(text)})")
            if q.kind not in KINDS:
                raise ValueError(f"{article.doc}: quote kind {q.kind!r} not one of {KINDS}")
            key = (q.start, q.end)
            if key not in best or q.confidence > best[key].confidence:
                best[key] = q
        return best

    def _save_one(self, conn: sqlite3.Connection, memo: _SaveMemo, article: Article,
                  best: dict[tuple[int, int], Quote], h: str, known: dict[str, int], now: str,
                  run_id: int | None, version: str | None) -> tuple[int, int]:
        text = article.text
        doc_id = known.get(h)
        is_new = doc_id is None
        if doc_id is None:
            # Marked extracted in the same transaction as its quotes: all of them, or none.
            doc_id = known[h] = int(conn.execute(
                "INSERT INTO documents (hash, doc, path, url, source, title, date, text, added_at, "
                "extracted_version, extracted_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [h, article.doc, article.path or None, article.url or None, article.source or None,
                 article.title or None, article.date or None, text, now, version, run_id]).lastrowid or 0)
        else:
            # Same text seen again (maybe from a JSONL record with more metadata): fill blanks only.
            conn.execute(
                "UPDATE documents SET path = coalesce(nullif(path, ''), ?), url = coalesce(nullif(url, ''), ?), "
                "source = coalesce(nullif(source, ''), ?), title = coalesce(nullif(title, ''), ?), "
                "date = coalesce(nullif(date, ''), ?), extracted_version = ?, extracted_run = ? WHERE id = ?",
                [article.path or None, article.url or None, article.source or None, article.title or None,
                 article.date or None, version, run_id, doc_id])
        existing = [] if is_new else conn.execute(
            'SELECT id, start, "end", status, origin, orig_start, orig_end FROM quotes WHERE document_id = ?',
            [doc_id]).fetchall()
        reviewed: set[tuple[int, int]] = set()
        pending: dict[tuple[int, int], int] = {}
        stale: set[int] = set()
        for qid, start, end, status, origin, ostart, oend in existing:
            if status != "pending" or origin != "extractor":
                reviewed.add((start, end))
                if ostart is not None:
                    reviewed.add((ostart, oend))
            elif (start, end) in pending:
                stale.add(qid)  # a duplicate span: keep the first
            else:
                pending[(start, end)] = qid
        inserts: list[tuple[Any, ...]] = []
        saved = 0
        for key, q in sorted(best.items()):
            if key in reviewed:
                continue
            qtext = text[q.start:q.end]
            suggestion = (
                qtext, q.kind, q.cue or "", q.cue_start, q.cue_end, q.speaker_mention or "", q.mention_start,
                q.mention_end, self._extractor_speaker(conn, memo, q), q.confidence,
                _EVIDENCE_JSON(q.evidence), run_id, fold(qtext), now,
            )
            if key in pending:
                conn.execute(_UPDATE_QUOTE, [*suggestion, pending.pop(key)])
            else:
                inserts.append((doc_id, q.start, q.end, *suggestion, "pending", "extractor", q.start, q.end))
            saved += 1
        conn.executemany(_INSERT_QUOTE, inserts)
        stale.update(pending.values())
        for qid in stale:
            conn.execute(
                "DELETE FROM quotes WHERE id = ? AND status = 'pending' AND origin = 'extractor' "
                "AND NOT EXISTS (SELECT 1 FROM reviews WHERE quote_id = ?)", [qid, qid])
        return doc_id, saved

    def extracted_version(self, text_hash: str) -> str | None:
        """The extractor version that last stored this text's suggestions (None: not stored,
        or stored before versions were recorded). A bulk run skips a text already extracted
        by its own version."""
        return self._value("SELECT extracted_version FROM documents WHERE hash = ?", [text_hash])

    def _extractor_speaker(self, conn: sqlite3.Connection, memo: _SaveMemo, q: Quote) -> int | None:
        name = (q.speaker or "").strip()
        if not name:
            return None
        speaker_id = memo.speakers.get((name, q.speaker_type))
        if speaker_id is None:
            speaker_id = memo.speakers[(name, q.speaker_type)] = self._speaker_id(
                conn, name, create=True, type=q.speaker_type)
            assert speaker_id is not None
        role = q.evidence.get("role") if isinstance(q.evidence, dict) else None
        if speaker_id not in memo.roles and isinstance(role, str) and role.strip():
            conn.execute("UPDATE speakers SET role = ? WHERE id = ? AND role IS NULL", [role.strip(), speaker_id])
            memo.roles.add(speaker_id)  # set now or before: an extractor never overwrites a role
        mention = (q.speaker_mention or "").strip()
        if mention and (speaker_id, mention) not in memo.aliases:
            self._add_alias(conn, speaker_id, mention, "extractor")
            memo.aliases.add((speaker_id, mention))
        return speaker_id

    def _speaker_id(self, conn: sqlite3.Connection, name: str, *, create: bool, type: str = "unknown") -> int | None:
        """Resolve a canonical name: exact, then normalised, then a reviewer alias (which also
        covers names merged away); create it when asked."""
        norm = fold(name)
        found = conn.execute(_LOOKUP_SPEAKER, [name, norm, norm]).fetchone()[0]
        if found is not None:
            if type in SPEAKER_TYPES and type != "unknown":
                conn.execute("UPDATE speakers SET type = ? WHERE id = ? AND type = 'unknown'", [type, found])
            return int(found)
        if not create:
            return None
        cur = conn.execute("INSERT INTO speakers (name, name_norm, type) VALUES (?, ?, ?)",
                           [name, norm, type if type in SPEAKER_TYPES else "unknown"])
        return int(cur.lastrowid or 0)

    def _add_alias(self, conn: sqlite3.Connection, speaker_id: int, alias: str, source: str) -> None:
        # A reviewer's word upgrades an extractor alias; an extractor never downgrades one.
        conn.execute(
            "INSERT INTO speaker_aliases (speaker_id, alias, alias_norm, source) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (speaker_id, alias_norm) DO UPDATE SET source = 'reviewer' "
            "WHERE excluded.source = 'reviewer'",
            [speaker_id, alias, fold(alias), source])

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

    # ------------------------------------------------------------------ review side

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
            values["speaker_id"] = self._speaker_id(conn, speaker, create=True)
        doc_text = conn.execute("SELECT d.text FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.id = ?",
                                [quote_id]).fetchone()[0]
        qtext = doc_text[values["start"]:values["end"]]
        values.update({"text": qtext, "text_norm": fold(qtext), "updated_at": now})
        sets = ", ".join(f'"{k}" = ?' for k in values)
        conn.execute(f"UPDATE quotes SET {sets} WHERE id = ?", [*values.values(), quote_id])

    def _log(self, conn: sqlite3.Connection, quote_id: int, decision: str, *, reviewer: str,
             changes: dict[str, Any] | None = None, before: dict[str, Any] | None = None,
             reason: str | None = None, undoes: int | None = None) -> int:
        cur = conn.execute(
            "INSERT INTO reviews (quote_id, decision, changes, before, reason, reviewer, at, undoes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [quote_id, decision, json.dumps(changes, ensure_ascii=False) if changes else None,
             json.dumps(before, ensure_ascii=False) if before is not None else None,
             reason, reviewer, _now(), undoes])
        return int(cur.lastrowid or 0)

    def record_decision(self, quote_id: int, decision: str, *, reviewer: str, reason: str | None = None,
                        changes: dict[str, Any] | None = None) -> int:
        """Apply one review decision and log it, in one transaction. Returns the review id.

        ``changes`` is only accepted with ``corrected`` (keys: speaker, start, end, kind, cue,
        cue_start, cue_end). ``speaker`` is a canonical name ("" or None: no speaker); a new
        name creates the speaker, and the quote's mention becomes a reviewer alias of it.
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
                applied = self._apply_changes(conn, quote_id, before, changes)
            if decision != "skipped":
                conn.execute(
                    "UPDATE quotes SET status = ?, reject_reason = ?, reviewer = ?, reviewed_at = ?, updated_at = ? "
                    "WHERE id = ?",
                    [decision, reason if decision == "rejected" else None, reviewer, now, now, quote_id])
            return self._log(conn, quote_id, decision, reviewer=reviewer, changes=applied, before=before,
                             reason=reason)

    def _apply_changes(self, conn: sqlite3.Connection, quote_id: int, before: dict[str, Any],
                       changes: dict[str, Any]) -> dict[str, Any]:
        row = conn.execute(
            "SELECT d.text, q.speaker_mention, q.cue FROM quotes q JOIN documents d ON d.id = q.document_id "
            "WHERE q.id = ?", [quote_id]).fetchone()
        doc_text, mention, old_cue = row
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
            name = (changes["speaker"] or "").strip()
            if name:
                speaker_id = self._speaker_id(conn, name, create=True)
                assert speaker_id is not None
                if mention and mention.strip():
                    self._add_alias(conn, speaker_id, mention.strip(), "reviewer")
                canonical = conn.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()[0]
            else:
                speaker_id, canonical = None, ""
            sets["speaker_id"] = speaker_id
            applied["speaker"] = canonical
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
            speaker_id = self._speaker_id(conn, speaker.strip(), create=True) if speaker and speaker.strip() else None
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
        each undo cancels the nearest earlier push, like matching parentheses, so the search
        stops after a few rows however long the log is.
        """
        skip = 0
        for row in self._walk_back(conn):
            if row["decision"] == "undo":
                skip += 1
            elif skip:
                skip -= 1
            else:
                return row
        return None

    def _redo_top(self, conn: sqlite3.Connection) -> dict[str, Any] | None:
        """The undo row a redo would revert; none once a new decision was made after it."""
        skip = 0
        for row in self._walk_back(conn):
            if row["decision"] == "redo":
                skip += 1
            elif row["decision"] != "undo":
                return None  # a new decision clears the redo history
            elif skip:
                skip -= 1
            else:
                return row
        return None

    def _walk_back(self, conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
        last = None
        while True:
            if last is None:
                rows = conn.execute("SELECT id, quote_id, decision, before FROM reviews ORDER BY id DESC LIMIT 64"
                                    ).fetchall()
            else:
                rows = conn.execute("SELECT id, quote_id, decision, before FROM reviews WHERE id < ? "
                                    "ORDER BY id DESC LIMIT 64", [last]).fetchall()
            if not rows:
                return
            for rid, qid, decision, before in rows:
                yield {"id": rid, "quote_id": qid, "decision": decision, "before": before}
            last = rows[-1][0]

    def _revert(self, reviewer: str, *, redo: bool) -> int | None:
        if not reviewer:
            raise ValueError("reviewer is required")
        with self._write() as conn:
            top = self._redo_top(conn) if redo else self._undo_top(conn)
            if top is None:
                return None
            quote_id = int(top["quote_id"])
            current = self._snapshot(conn, quote_id)
            target = json.loads(top["before"]) if top["before"] else None
            self._restore(conn, quote_id, target)
            after = self._snapshot(conn, quote_id)
            diff = {k: after[k] for k in after if after[k] != current[k] and k != "speaker_id"}
            self._log(conn, quote_id, "redo" if redo else "undo", reviewer=reviewer, changes=diff,
                      before=current, undoes=int(top["id"]))
            return quote_id

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
            self._add_alias(conn, speaker_id, row[0], "reviewer")

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
                self._add_alias(conn, keep_id, alias, source)
            self._add_alias(conn, keep_id, name, "reviewer")
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
            self._add_alias(conn, speaker_id, alias, source)

    # ------------------------------------------------------------------ reading

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
            if _file_problem(e):
                raise _store_error(self.path, e, self.timeout) from e
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
        """total, by_status, reviewed, pending, last_hour (decisions), per_hour, eta_hours."""
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
        per_hour = 0.0
        if last_hour:
            # Over a short session, scale to the time actually spent (at least 5 minutes, so
            # the first two decisions do not promise thousands per hour).
            window = (now - datetime.fromisoformat(row["first"])).total_seconds() / 3600
            per_hour = last_hour / min(1.0, max(window, 5 / 60))
        pending = by_status["pending"]
        return {
            "total": total, "by_status": by_status, "reviewed": total - pending, "pending": pending,
            "last_hour": last_hour, "per_hour": round(per_hour, 1),
            "eta_hours": round(pending / per_hour, 1) if per_hour else None,
        }

    def data_version(self) -> int:
        """Changes whenever another connection commits: poll it to refresh views."""
        return int(self._value("PRAGMA data_version"))

    def export_rows(self, status: str = "all") -> Iterator[dict[str, Any]]:
        """Citation rows (see quotes.export.COLUMNS), by document then position.

        status: accepted (accepted + corrected + added) | reviewed (anything not pending) | all.
        Read in pages, so writing a large export never holds a read transaction open.
        """
        from .export import citation_row  # export imports nothing from here; keep import-time light

        filters = {
            "accepted": "q.status IN ('accepted', 'corrected', 'added')",
            "reviewed": "q.status != 'pending'",
            "all": "1",
        }
        if status not in filters:
            raise ValueError(f"status must be one of {EXPORT_STATUSES}, not {status!r}")
        last = (-1, -1, -1)
        while True:
            page = self._rows(
                f"{self._JOINED} WHERE {filters[status]} AND (q.document_id, q.start, q.id) > (?, ?, ?) "
                f"ORDER BY q.document_id, q.start, q.id LIMIT {_PAGE}", last)
            if not page:
                return
            for r in page:
                yield citation_row(r)
            r = page[-1]
            last = (r["document_id"], r["start"], r["id"])


# ---------------------------------------------------------------------- helpers

def _check_header(p: Path, shown: str) -> None:
    try:
        with p.open("rb") as f:
            head = f.read(len(_SQLITE_HEADER))
    except OSError as e:
        raise StoreError(f"{shown}: cannot read ({e.strerror}; check permissions or choose another --db file)") from e
    if head and head != _SQLITE_HEADER:
        raise StoreError(f"{shown}: not a SQLite database (choose another --db file)")


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


def _file_problem(e: sqlite3.Error) -> bool:
    """True for errors about the file (permissions, locks, disk), not about our SQL."""
    msg = str(e).lower()
    return any(k in msg for k in ("readonly", "read-only", "locked", "busy", "disk", "full", "not a database",
                                  "unable to open"))


def _store_error(path: str, e: sqlite3.Error, timeout: float) -> StoreError:
    msg = str(e).lower()
    if "not a database" in msg or "encrypted" in msg or "malformed" in msg:
        text = "not a SQLite database (choose another --db file)"
    elif "readonly" in msg or "read-only" in msg:
        text = "database is read-only (make the file and its folder writable, or choose another --db file)"
    elif "locked" in msg or "busy" in msg:
        text = f"database stayed locked by another program for {timeout:g} s (close it or try again)"
    elif "full" in msg:
        text = "disk is full (free some space, or choose another --db file)"
    elif "unable to open" in msg:
        text = "cannot open the database file (check the folder exists and is writable, or choose another --db file)"
    else:
        text = f"{e} (check the file, or choose another --db file)"
    return StoreError(f"{path}: {text}".replace("\n", " "))
