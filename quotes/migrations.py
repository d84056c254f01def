"""Database schema, as an ordered list of sqlite-utils migrations.

sqlite-utils 4.x runs each migration in a transaction together with its row in
``_sqlite_migrations``. ``Store.open`` applies them inside one ``BEGIN IMMEDIATE`` (each
migration becomes a savepoint in it): two programs opening a new file at the same moment
cannot both create the tables, and a failed upgrade leaves the file exactly as it was.

Append new migrations at the end (decorated with ``@_migration``) and never edit an applied
one. ``SCHEMA_VERSION`` (the number of migrations) is written to ``PRAGMA user_version`` so
that an older ``quotes`` refuses a file written by a newer one instead of misreading it.

DDL is plain SQL rather than ``table.create()`` because the schema needs CHECK constraints and
triggers, which sqlite-utils does not generate. Note that ``end`` is an SQL keyword: always
write it as ``"end"``.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database, Migrations

MIGRATION_SET = "quotes"

migrations = Migrations(MIGRATION_SET)
_NAMES: list[str] = []


def _migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    # Keep our own ordered list of names: sqlite-utils has no public accessor for it, and
    # Store.open needs it to recognise a file migrated by a newer version.
    _NAMES.append(fn.__name__)
    return migrations()(fn)


# The log is the audit trail and the undo history: it must not be rewritten, even by a
# hand-written UPDATE in a SQL shell. Created by m001; ``Store.open`` restores them when a
# damaged or hand-edited file has lost them (the same text, so the check can compare it).
REVIEW_TRIGGERS = {
    "reviews_append_only_update": (
        "CREATE TRIGGER reviews_append_only_update BEFORE UPDATE ON reviews\n"
        "        BEGIN SELECT RAISE(ABORT, 'reviews is append-only'); END"),
    "reviews_append_only_delete": (
        "CREATE TRIGGER reviews_append_only_delete BEFORE DELETE ON reviews\n"
        "        BEGIN SELECT RAISE(ABORT, 'reviews is append-only'); END"),
}


@_migration
def m001_initial(db: Database) -> None:
    statements = [
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,          -- sha256 of text: the identity
            doc TEXT NOT NULL,                  -- identity as the user gave it (path or JSONL id)
            path TEXT,
            url TEXT,
            source TEXT,                        -- outlet
            title TEXT,
            date TEXT,
            text TEXT NOT NULL,                 -- the exact text all offsets index
            added_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX documents_doc ON documents(doc)",
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            extractor_version TEXT NOT NULL,
            options TEXT,                       -- JSON
            started_at TEXT NOT NULL,
            finished_at TEXT,
            documents INTEGER,
            quotes INTEGER
        )
        """,
        """
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,          -- canonical Arabic name
            name_norm TEXT NOT NULL,
            latin TEXT,                         -- set by a reviewer; NULL = automatic
            role TEXT,
            type TEXT NOT NULL DEFAULT 'unknown'
                CHECK (type IN ('person', 'organisation', 'document', 'anonymous', 'unknown'))
        )
        """,
        "CREATE INDEX speakers_name_norm ON speakers(name_norm)",
        """
        CREATE TABLE speaker_aliases (
            id INTEGER PRIMARY KEY,
            speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            alias_norm TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('extractor', 'reviewer')),
            UNIQUE (speaker_id, alias_norm)
        )
        """,
        "CREATE INDEX speaker_aliases_alias_norm ON speaker_aliases(alias_norm)",
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
            cue TEXT NOT NULL DEFAULT '',
            cue_start INTEGER,
            cue_end INTEGER,
            speaker_mention TEXT NOT NULL DEFAULT '',
            mention_start INTEGER,
            mention_end INTEGER,
            speaker_id INTEGER REFERENCES speakers(id),
            confidence REAL,
            evidence TEXT,                      -- JSON
            run_id INTEGER REFERENCES runs(id),
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'accepted', 'rejected', 'corrected', 'added')),
            origin TEXT NOT NULL DEFAULT 'extractor' CHECK (origin IN ('extractor', 'reviewer')),
            orig_start INTEGER,                 -- the extractor's span, kept when a reviewer moves it
            orig_end INTEGER,
            text_norm TEXT NOT NULL,            -- fold(text), for search
            reject_reason TEXT,
            reviewer TEXT,
            reviewed_at TEXT,
            updated_at TEXT NOT NULL,
            CHECK (0 <= start AND start < "end")
        )
        """,
        "CREATE INDEX quotes_queue ON quotes(status, confidence)",
        'CREATE INDEX quotes_document ON quotes(document_id, start, "end")',
        "CREATE INDEX quotes_speaker ON quotes(speaker_id)",
        "CREATE INDEX quotes_run ON quotes(run_id)",
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            quote_id INTEGER NOT NULL REFERENCES quotes(id),
            decision TEXT NOT NULL CHECK (decision IN
                ('accepted', 'rejected', 'corrected', 'skipped', 'added', 'undo', 'redo')),
            changes TEXT,                       -- JSON: the corrected fields
            before TEXT,                        -- JSON: reviewable fields before the decision
            reason TEXT,
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            undoes INTEGER REFERENCES reviews(id)
        )
        """,
        "CREATE INDEX reviews_quote ON reviews(quote_id)",
        "CREATE INDEX reviews_at ON reviews(at)",
        *REVIEW_TRIGGERS.values(),
    ]
    for sql in statements:
        db.execute(sql)


@_migration
def m002_document_extraction(db: Database) -> None:
    """Which extractor version last stored each document's suggestions, and in which run.

    Written in the same transaction as the document's quotes, so a bulk run resumed after a
    crash can skip exactly the documents this version already finished. Documents stored
    before this migration get the version of the newest run that left suggestions on them;
    the others stay NULL and are simply extracted again.
    """
    db.execute("ALTER TABLE documents ADD COLUMN extracted_version TEXT")
    db.execute("ALTER TABLE documents ADD COLUMN extracted_run INTEGER REFERENCES runs(id)")
    db.execute(
        "UPDATE documents SET extracted_run = (SELECT max(q.run_id) FROM quotes q "
        "WHERE q.document_id = documents.id AND q.origin = 'extractor')")
    db.execute(
        "UPDATE documents SET extracted_version = (SELECT r.extractor_version FROM runs r "
        "WHERE r.id = documents.extracted_run)")


@_migration
def m003_team_review(db: Database) -> None:
    """Several reviewers on one file or on merged copies (see quotes.store.team).

    ``batch``: decisions taken together (a bulk accept) carry one id and are undone and
    redone as one step. ``settles``: an adjudication is an ordinary decision (accepted,
    rejected or corrected) whose row lists, as JSON, the ids of the reviewers' decisions it
    settles. Both are new columns rather than new ``decision`` values: widening the CHECK
    would mean rebuilding the append-only table. Existing rows keep their reviewer (the
    column was always required) and get NULL in both: single decisions, no adjudication.
    """
    db.execute("ALTER TABLE reviews ADD COLUMN batch TEXT")
    db.execute("ALTER TABLE reviews ADD COLUMN settles TEXT")
    db.execute("CREATE INDEX reviews_batch ON reviews(batch) WHERE batch IS NOT NULL")


# One version per migration: the file records how many this code has applied.
SCHEMA_VERSION = len(_NAMES)


def known_names() -> set[str]:
    """Names of the migrations this version of the code knows."""
    return set(_NAMES)
