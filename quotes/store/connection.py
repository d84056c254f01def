"""The connection: opening, checks on open, migrations, and the write transaction.

One file, opened through sqlite-utils on Python's ``sqlite3`` (never QtSql: two SQLite
libraries on one WAL file in one process corrupt it, see research/review_gui.md §0).

Concurrency model: the file is in WAL mode, every connection has a busy timeout, and every
write is one short ``BEGIN IMMEDIATE`` transaction (one article, or one review decision).
A deferred ``BEGIN`` that reads and then writes fails at once with "database is locked"
when another connection committed in between; ``IMMEDIATE`` takes the write lock first, so
the busy timeout can do its job. Reads fetch everything at once, so no read transaction
stays open to hold back WAL checkpoints or show the GUI a stale snapshot. A ``Store`` is
one connection: use one per thread.

The other modules of this package add the methods of one client each on top of
``StoreConnection``; ``quotes.store.Store`` combines them.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from sqlite_utils import Database

from ..migrations import MIGRATION_SET, REVIEW_TRIGGERS, SCHEMA_VERSION, known_names, migrations

if TYPE_CHECKING:
    from .extraction import SaveMemo

_SQLITE_HEADER = b"SQLite format 3\x00"
# (table, key column, parent table, what the rows are, what to do): the foreign keys checked on
# open. A quote without its document has no text to show or correct; one without its speaker
# shows none; a review row without its quote cannot be undone.
_FOREIGN_KEYS = (
    ("quotes", "document_id", "documents", "quotes",
     "they cannot be shown nor their span corrected: restore the file from a backup, or extract those "
     "articles again into a new --db file"),
    ("quotes", "speaker_id", "speakers", "quotes",
     "they show no speaker until one is chosen: correct their speaker in the app"),
    ("reviews", "quote_id", "quotes", "review log rows",
     "the quotes they reviewed are gone: restore the file from a backup"),
)


class StoreError(Exception):
    """A problem with the database file; ``str()`` is one line: the file and what to do."""


def now() -> str:
    """The timestamp format of every ``*_at`` column."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def text_hash(text: str) -> str:
    """The document identity: sha256 of the exact text's UTF-8."""
    # surrogatepass: a JSON record may hold a lone surrogate ("\ud800"); hash it rather than crash.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class StoreConnection:
    """One connection to the database; see the module docstring. Open with ``open(path)``."""

    path: str

    def __init__(self, db: Database, path: str, timeout: float) -> None:
        self._save_memo: SaveMemo | None = None
        self._bulk_writer = False  # whether this connection has been set up for bulk saves
        self.db = db
        self.path = path
        self.timeout = timeout
        # What the checks on open found and did, one line each (file, problem, what to do):
        # the CLI prints them, the app shows them. Empty for a sound file.
        self.problems: list[str] = []

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, timeout: float = 30.0) -> Self:
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
            raise store_error(shown, e, timeout) from e
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
                self.problems = self._restore_triggers(conn)
            self.problems += self._dangling_rows()
        except sqlite3.Error as e:
            raise store_error(self.path, e, self.timeout) from e

    def _restore_triggers(self, conn: sqlite3.Connection) -> list[str]:
        """Recreate the review log's append-only triggers if a hand edit dropped or changed them:
        without them the log, which is the audit trail and the undo history, can be rewritten."""
        found = dict(conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'reviews'").fetchall())
        restored = []
        for name, sql in REVIEW_TRIGGERS.items():
            if " ".join((found.get(name) or "").split()) != " ".join(sql.split()):
                conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
                conn.execute(sql)
                restored.append(name)
        if not restored:
            return []
        return [f"{self.path}: the review log's append-only triggers ({', '.join(restored)}) were missing or "
                "altered and have been restored (check how the file was edited; the log may be incomplete)"]

    def _dangling_rows(self) -> list[str]:
        """Rows whose foreign key points to no row, as ``PRAGMA foreign_key_check`` would report
        them for the keys the app depends on.

        Not the pragma itself: it reads every row of every table (0.26 s for 150,000 quotes,
        on every open, including each CLI command); these group by the indexed key column, so
        only the distinct keys are looked up (0.03 s).
        """
        problems = []
        for table, column, parent, what, todo in _FOREIGN_KEYS:
            missing = [r[0] for r in self.db.conn.execute(
                f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL GROUP BY {column} "
                f"HAVING {column} NOT IN (SELECT id FROM {parent})").fetchall()]
            if not missing:
                continue
            marks = ", ".join("?" * len(missing))
            rows = [r[0] for r in self.db.conn.execute(
                f"SELECT id FROM {table} WHERE {column} IN ({marks}) ORDER BY id", missing).fetchall()]
            shown = ", ".join(map(str, rows[:5])) + (", …" if len(rows) > 5 else "")
            problems.append(f"{self.path}: {len(rows)} {what} (id {shown}) point to no {parent[:-1]}; {todo}")
        return problems

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

    def __enter__(self) -> Self:
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
            if file_problem(e):
                raise store_error(self.path, e, self.timeout) from e
            raise
        try:
            yield conn
        except BaseException as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.OperationalError) and file_problem(e):
                raise store_error(self.path, e, self.timeout) from e
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise store_error(self.path, e, self.timeout) from e

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Run a read and fetch everything, so the statement (and its snapshot) ends here."""
        try:
            cur = self.db.conn.execute(sql, list(params))
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
        except sqlite3.OperationalError as e:
            if file_problem(e):
                raise store_error(self.path, e, self.timeout) from e
            raise

    def _value(self, sql: str, params: Iterable[Any] = ()) -> Any:
        try:
            row = self.db.conn.execute(sql, list(params)).fetchone()
        except sqlite3.OperationalError as e:
            if file_problem(e):
                raise store_error(self.path, e, self.timeout) from e
            raise
        return row[0] if row else None

    @contextmanager
    def busy_timeout(self, ms: int) -> Iterator[None]:
        """Wait at most ``ms`` for the write lock inside the block, then the usual timeout again.

        For callers that retry on their own (the app retries queued decisions every second):
        each attempt may wait only briefly, or a program holding the lock for minutes would
        freeze the window for the full timeout on every retry."""
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")

    def data_version(self) -> int:
        """Changes whenever another connection commits: poll it to refresh views."""
        return int(self._value("PRAGMA data_version"))



# ---------------------------------------------------------------------- helpers

def _check_header(p: Path, shown: str) -> None:
    try:
        with p.open("rb") as f:
            head = f.read(len(_SQLITE_HEADER))
    except OSError as e:
        raise StoreError(f"{shown}: cannot read ({e.strerror}; check permissions or choose another --db file)") from e
    if head and head != _SQLITE_HEADER:
        raise StoreError(f"{shown}: not a SQLite database (choose another --db file)")


def file_problem(e: sqlite3.Error) -> bool:
    """True for errors about the file (permissions, locks, disk), not about our SQL."""
    msg = str(e).lower()
    return any(k in msg for k in ("readonly", "read-only", "locked", "busy", "disk", "full", "not a database",
                                  "unable to open"))


def store_error(path: str, e: sqlite3.Error, timeout: float) -> StoreError:
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
