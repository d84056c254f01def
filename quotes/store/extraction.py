"""Extraction writes: runs, documents and their suggested quotes (the bulk extractor's side).

Reviewed quotes and the review log are never touched here; see ``save_extractions``.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..normalize import fold
from ..records import KINDS, Article, Quote
from . import speakers
from .connection import StoreConnection, text_hash
from .connection import now as _now

_BULK_CHECKPOINT_PAGES = 10_000
_EVIDENCE_JSON = json.JSONEncoder(ensure_ascii=False, default=str).encode  # one encoder, not one per quote

_QUOTE_COLUMNS = ("document_id", "start", "end", "text", "kind", "cue", "cue_start", "cue_end",
                  "speaker_mention", "mention_start", "mention_end", "speaker_id", "confidence",
                  "evidence", "run_id", "text_norm", "updated_at", "status", "origin", "orig_start", "orig_end")
_QUOTED_COLUMNS = [f'"{c}"' for c in _QUOTE_COLUMNS]  # "end" is an SQL keyword
_INSERT_QUOTE = f"INSERT INTO quotes ({', '.join(_QUOTED_COLUMNS)}) VALUES ({', '.join('?' * len(_QUOTE_COLUMNS))})"
# Columns 3..16 are the suggestion itself, rewritten in place when a pending row has the same span.
_UPDATE_QUOTE = f"UPDATE quotes SET {', '.join(c + ' = ?' for c in _QUOTED_COLUMNS[3:17])} WHERE id = ?"


@dataclass
class SaveMemo:
    """What bulk saves on this connection already wrote or looked up: speaker ids by (name,
    type), aliases written, speakers whose role is set. Valid while no one else changed the
    file (SQLite's ``data_version`` moves only on other connections' commits) and this
    connection wrote nothing else (a review decision may rename or merge speakers)."""

    data_version: int
    speakers: dict[tuple[str, str], int] = field(default_factory=dict)
    aliases: set[tuple[int, str]] = field(default_factory=set)
    roles: set[int] = field(default_factory=set)


class ExtractionWrites(StoreConnection):
    """The extractor's writes: runs, documents, suggestions, extractor aliases."""

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
                memo = SaveMemo(data_version)
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

    def _save_one(self, conn: sqlite3.Connection, memo: SaveMemo, article: Article,
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

    def _extractor_speaker(self, conn: sqlite3.Connection, memo: SaveMemo, q: Quote) -> int | None:
        name = (q.speaker or "").strip()
        if not name:
            return None
        speaker_id = memo.speakers.get((name, q.speaker_type))
        if speaker_id is None:
            found = speakers.speaker_id(conn, name, create=True, type=q.speaker_type)
            assert found is not None
            speaker_id = memo.speakers[(name, q.speaker_type)] = found
        role = q.evidence.get("role") if isinstance(q.evidence, dict) else None
        if speaker_id not in memo.roles and isinstance(role, str) and role.strip():
            conn.execute("UPDATE speakers SET role = ? WHERE id = ? AND role IS NULL", [role.strip(), speaker_id])
            memo.roles.add(speaker_id)  # set now or before: an extractor never overwrites a role
        mention = (q.speaker_mention or "").strip()
        if mention and (speaker_id, mention) not in memo.aliases:
            speakers.add_alias(conn, speaker_id, mention, "extractor")
            memo.aliases.add((speaker_id, mention))
        return speaker_id
