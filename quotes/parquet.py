"""Extraction results as Parquet: ``quotes extract --parquet DIR`` and ``quotes import DIR``.

A run writes two datasets that DuckDB, pandas, Polars and Spark read as they are:

* ``DIR/quotes/``: one row per quote, the JSON Lines contract's columns in its order
  (``doc``, ``start``, ``end``, ``text`` … ``confidence``), ``evidence`` as a JSON string,
  and ``doc_hash``, the document's identity (the sha256 of its text, as in the review
  database);
* ``DIR/documents/``: one row per extracted article: ``doc_hash``, ``doc``, its metadata,
  its ``text`` (every offset indexes it), its number of ``quotes`` and the
  ``extractor_version``.

Each is a folder of part files, ``part-00000001.parquet`` and up, written every
``rows_per_part`` documents or quotes (or ``max_seconds``) in input order: reading the
files in name order gives the rows in the order a ``-j 1`` run writes its JSON Lines. A part
is written under a hidden temporary name (which Parquet readers skip) and renamed when whole;
the quotes part first, then the documents part of the same name, which marks both complete.
A run killed at any moment leaves complete parts only: the next run on the same DIR removes
what it left (temporary files, a quotes part whose documents part never came), skips the
articles the dataset holds and appends the rest, as ``--db`` does. One extractor version per
dataset: the skipping would otherwise mix the outputs of two versions.

``import_dataset`` reads such a dataset (or a selection of it written by DuckDB, with the
same columns) into a review database, with the same document identity.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import numpy as np
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]
except ImportError as exc:  # the base install has no pyarrow: the CLI turns this into one line
    raise ImportError("Parquet needs pyarrow: pip install 'quotes[cluster]'") from exc

from . import __version__
from .records import Article, Quote
from .store import text_hash  # the document identity: the same in the database and the datasets

if TYPE_CHECKING:
    from .bulk import Summary
    from .store import Store

QUOTES = "quotes"
DOCUMENTS = "documents"
# A part is written when this many documents or quotes, or this much article text, are
# waiting: big enough for Parquet's column compression (about 4,000 articles of the
# SaudiNewsNet corpus, 6 MB on disk), small enough that a killed run loses little and the
# client holds little (the text waits as Python strings, then as Arrow columns: the client's
# peak was 202 MB on 10,000 articles with 8M characters a part, 273 MB with 16M); a slow
# stream writes one at least every PART_SECONDS.
PART_ROWS = 50_000
PART_CHARS = 8 << 20
PART_SECONDS = 60.0
TMP_SUFFIX = ".quotes-tmp"
IMPORT_BATCH = 200  # documents per review-database transaction
_PART = re.compile(r"part-(\d+)\.parquet$")
_STALE = re.compile(r"\.part-\d+\.parquet\.(\d+)\.[0-9a-f]{8}" + re.escape(TMP_SUFFIX) + "$")
_JSON = json.JSONEncoder(ensure_ascii=False, default=str).encode

QUOTE_SCHEMA = pa.schema([
    ("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
    ("kind", pa.string()), ("cue", pa.string()), ("cue_start", pa.int64()), ("cue_end", pa.int64()),
    ("speaker", pa.string()), ("speaker_mention", pa.string()), ("mention_start", pa.int64()),
    ("mention_end", pa.int64()), ("speaker_type", pa.string()), ("confidence", pa.float64()),
    ("evidence", pa.string()), ("doc_hash", pa.string()),
])
DOCUMENT_SCHEMA = pa.schema([
    ("doc_hash", pa.string()), ("doc", pa.string()), ("title", pa.string()), ("date", pa.string()),
    ("source", pa.string()), ("url", pa.string()), ("path", pa.string()), ("text", pa.string()),
    ("quotes", pa.int64()), ("extractor_version", pa.string()),
])
# The JSON Lines contract's fields, in its order: the quotes columns before doc_hash.
JSONL_COLUMNS = tuple(QUOTE_SCHEMA.names[:-1])


class ParquetError(Exception):
    """A Parquet folder that cannot be written or read; ``str()`` is one line: the folder and
    what to do."""


class ParquetDataset:
    """The Parquet output of a run (a ``bulk.RecordSink``); see the module docstring.

    Open with ``ParquetDataset.open(folder)``; ``force``: the run extracts everything again,
    so the folder must hold no dataset yet (appending would store the articles twice).
    """

    def __init__(self, folder: Path, shown: str, *, stored: Any, next_part: int, lock: Any, version: str,
                 rows_per_part: int, max_seconds: float) -> None:
        self.folder = folder
        self.shown = os.fspath(shown)  # the folder as the user gave it, for messages
        self.version = version
        self.rows_per_part = rows_per_part
        self.max_seconds = max_seconds
        self.parts_written = 0
        self._stored = stored  # sorted 16-byte prefixes of the stored documents' hashes
        self._next_part = next_part
        self._lock = lock  # held while open: two runs appending to one folder would collide
        self._quotes: dict[str, list[Any]] = {name: [] for name in QUOTE_SCHEMA.names}
        self._documents: dict[str, list[Any]] = {name: [] for name in DOCUMENT_SCHEMA.names}
        self._chars = 0
        self._since = 0.0

    @classmethod
    def open(cls, folder: str | os.PathLike[str], *, force: bool = False, version: str = __version__,
             rows_per_part: int = PART_ROWS, max_seconds: float = PART_SECONDS) -> ParquetDataset:
        path = Path(folder)
        shown = os.fspath(folder)
        if path.exists() and not path.is_dir():
            raise ParquetError(f"{shown}: is not a folder; give --parquet a folder (new or written by quotes)")
        try:
            for sub in (QUOTES, DOCUMENTS):
                (path / sub).mkdir(parents=True, exist_ok=True)
            lock = _lock(path)
        except OSError as exc:
            raise ParquetError(f"{shown}: cannot write there ({exc.strerror or exc}); choose another "
                               "--parquet folder") from exc
        if lock is False:
            raise ParquetError(f"{shown}: another quotes run is writing this folder; wait for it or choose "
                               "another --parquet folder")
        try:
            _clean_up(path)
            parts = _parts(path / DOCUMENTS)
            if force and parts:
                raise ParquetError(f"{shown}: holds a dataset already, and --force would add every article "
                                   "again; choose a new --parquet folder")
            stored = _stored_hashes(parts, version, shown)
        except BaseException:
            _unlock(lock)
            raise
        next_part = 1 + max((_part_number(p) for p in parts), default=0)
        return cls(path, shown, stored=stored, next_part=next_part, lock=lock, version=version,
                   rows_per_part=rows_per_part, max_seconds=max_seconds)

    def holds(self, text_hash: str) -> bool:
        """Whether the dataset held this text's extraction when it was opened."""
        if not len(self._stored):
            return False
        key = np.array([bytes.fromhex(text_hash)[:16]], dtype="S16")
        at = int(np.searchsorted(self._stored, key)[0])
        return at < len(self._stored) and self._stored[at] == key[0]

    def add(self, article: Article, quotes: list[Quote]) -> None:
        """Queue an article for the next part; one the dataset held already is not written again
        (a run skips only what every output holds: the database may have had less)."""
        digest = text_hash(article.text)
        if self.holds(digest):
            return
        if not self._documents["doc_hash"]:
            self._since = time.monotonic()
        rows = self._quotes
        for q in quotes:
            for name in JSONL_COLUMNS:
                rows[name].append(_JSON(q.evidence) if name == "evidence" else getattr(q, name))
            rows["doc_hash"].append(digest)
        docs = self._documents
        for name, value in (("doc_hash", digest), ("doc", article.doc), ("title", article.title),
                            ("date", article.date), ("source", article.source), ("url", article.url),
                            ("path", article.path), ("text", article.text), ("quotes", len(quotes)),
                            ("extractor_version", self.version)):
            docs[name].append(value)
        self._chars += len(article.text)
        if (len(docs["doc_hash"]) >= self.rows_per_part or len(rows["doc_hash"]) >= self.rows_per_part
                or self._chars >= PART_CHARS):
            self.flush()

    def flush_if_old(self) -> None:
        if self._documents["doc_hash"] and time.monotonic() - self._since >= self.max_seconds:
            self.flush()

    def flush(self) -> None:
        """Write what is waiting as one part in each dataset (nothing when nothing waits)."""
        if not self._documents["doc_hash"]:
            return
        name = f"part-{self._next_part:08d}.parquet"
        quotes = pa.Table.from_pydict(self._quotes, schema=QUOTE_SCHEMA)
        documents = pa.Table.from_pydict(self._documents, schema=DOCUMENT_SCHEMA)
        staged: list[tuple[Path, Path]] = []
        try:
            for table, sub in ((quotes, QUOTES), (documents, DOCUMENTS)):
                target = self.folder / sub / name
                tmp = target.with_name(f".{name}.{os.getpid()}.{secrets.token_hex(4)}{TMP_SUFFIX}")
                staged.append((tmp, target))
                _write_part(table, tmp)
            # The documents part last: its presence says the quotes part of that name is whole.
            for tmp, target in staged:
                os.replace(tmp, target)
                _sync_folder(target.parent)
        except BaseException as exc:
            for tmp, _ in staged:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            if isinstance(exc, OSError):  # a full disk: named as the folder the user gave
                raise OSError(exc.errno, exc.strerror or str(exc), self.shown) from exc
            raise
        self._next_part += 1
        self.parts_written += 1
        for columns in (self._quotes, self._documents):
            for values in columns.values():
                values.clear()
        self._chars = 0

    def close(self) -> None:
        """Release the folder (what was not flushed is not written)."""
        _unlock(self._lock)
        self._lock = None

    def __enter__(self) -> ParquetDataset:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _write_part(table: pa.Table, path: Path) -> None:
    # zstd: Arabic text compresses about 4:1, and DuckDB, pandas and Spark 3 all read it.
    with open(path, "wb") as f:
        pq.write_table(table, f, compression="zstd")
        f.flush()
        os.fsync(f.fileno())  # the rename must not reach the disk before the data


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _lock(folder: Path) -> Any:
    """An exclusive lock on the folder (a file descriptor), False if another process holds it,
    None where locks are not available."""
    try:
        import fcntl
    except ImportError:
        return None
    fd = os.open(folder / ".quotes-lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return False
    return fd


def _unlock(lock: Any) -> None:
    if isinstance(lock, int) and not isinstance(lock, bool):
        with contextlib.suppress(OSError):
            os.close(lock)  # closing the descriptor releases the flock


def _parts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if _PART.match(p.name))


def _part_number(path: Path) -> int:
    found = _PART.match(path.name)
    return int(found.group(1)) if found else 0


def _clean_up(folder: Path) -> None:
    """Remove what a killed run left: temporary files, quotes parts without their documents."""
    for sub in (QUOTES, DOCUMENTS):
        for entry in (folder / sub).iterdir():
            if _STALE.match(entry.name):
                with contextlib.suppress(OSError):
                    entry.unlink()  # the lock says no other run is writing here
    complete = {p.name for p in _parts(folder / DOCUMENTS)}
    for part in _parts(folder / QUOTES):
        if part.name not in complete:
            part.unlink()


def _stored_hashes(parts: list[Path], version: str, shown: str) -> Any:
    """The stored documents' hashes (16-byte prefixes, sorted: 16 bytes a document in memory)."""
    found: list[Any] = []
    for part in parts:
        try:
            table = pq.read_table(part, columns=["doc_hash", "extractor_version"])
        except (pa.ArrowException, OSError) as exc:
            raise ParquetError(f"{part}: unreadable ({exc}); move it out of {shown} or choose another "
                               "--parquet folder") from exc
        versions = set(table.column("extractor_version").unique().to_pylist())
        if versions - {version}:
            other = sorted(str(v) for v in versions - {version})[0]
            raise ParquetError(f"{shown}: holds the output of extractor version {other}, this is {version}; "
                               "choose a new --parquet folder (one version per dataset)")
        found.append(np.array([bytes.fromhex(h)[:16] for h in table.column("doc_hash").to_pylist()], dtype="S16"))
    if not found:
        return np.array([], dtype="S16")
    return np.sort(np.concatenate(found))


# -- reading back ------------------------------------------------------------------------


def read_quotes(folder: str | os.PathLike[str]) -> pa.Table:
    """The quotes dataset of ``folder`` as one table, in part order (for tests and small data)."""
    return _read(Path(folder) / QUOTES, QUOTE_SCHEMA)


def read_documents(folder: str | os.PathLike[str]) -> pa.Table:
    return _read(Path(folder) / DOCUMENTS, DOCUMENT_SCHEMA)


def _read(folder: Path, schema: pa.Schema) -> pa.Table:
    files = _data_files(folder)
    if not files:
        return schema.empty_table()
    return pa.concat_tables(_checked(pq.read_table(f), schema, f) for f in files)


def _data_files(folder: Path) -> list[Path]:
    """The Parquet files of a dataset folder, in name order; hidden and temporary files are skipped
    as every Parquet reader skips them. Any *.parquet name: a DuckDB selection names its own."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith((".", "_")))


def _checked(table: pa.Table, schema: pa.Schema, path: Path) -> pa.Table:
    missing = [name for name in schema.names if name not in table.column_names]
    if missing:
        raise ParquetError(f"{path}: lacks the column(s) {', '.join(missing)}; select every column "
                           "(SELECT *) when writing a selection")
    try:
        return table.select(schema.names).cast(schema)
    except (pa.ArrowException, ValueError) as exc:
        raise ParquetError(f"{path}: a column has another type than quotes writes ({exc})") from exc


def import_dataset(folder: str | os.PathLike[str], store: Store, *,
                   on_progress: Callable[[Summary], None] | None = None,
                   on_error: Callable[[str], None] | None = None) -> Summary:
    """Store a Parquet dataset (or a selection of one) in a review database.

    Every document of ``DIR/documents/`` is stored with its quotes from ``DIR/quotes/`` as the
    extractor stored it (same identity: the text's sha256; same extractor version), several per
    transaction; documents the database already holds from that version are skipped, so an
    interrupted import run again finishes the rest. A document whose ``doc_hash`` is not its
    text's, and quotes whose document is not in the selection, are reported and not stored.
    The quotes are held in memory, grouped by document: a selection for review, not a whole
    archive. Raises ParquetError for a folder that is no dataset, StoreError for the database.
    """
    from .bulk import Summary

    path = Path(folder)
    shown = os.fspath(folder)
    summary = Summary()
    notify = on_progress or (lambda _summary: None)
    report = on_error or (lambda _message: None)
    if not (path / DOCUMENTS).is_dir() or not _data_files(path / DOCUMENTS):
        raise ParquetError(f"{shown}: no documents/ dataset in it; give the folder of a `quotes extract "
                           "--parquet` run, or of a selection with documents/ and quotes/ folders")
    by_document = _quotes_by_document(path / QUOTES)
    run_id: int | None = None
    pending: list[tuple[Article, list[Quote]]] = []
    pending_version = ""
    imported: set[str] = set()  # a text met twice (an input that repeated it) is stored once

    def flush() -> None:
        nonlocal run_id
        if not pending:
            return
        if run_id is None:
            run_id = store.start_run(pending_version, {"import": shown})
        store.save_extractions(pending, run_id, version=pending_version)
        pending.clear()

    for part, row in _document_rows(path / DOCUMENTS):
        summary.seen += 1
        digest = row["doc_hash"]
        quotes = by_document.pop(digest, [])
        if text_hash(row["text"] or "") != digest:
            report(f"{part}: document {row['doc']} has a doc_hash that is not its text's sha256 (the text was "
                   "changed?); not imported")
            summary.failed += 1
            notify(summary)
            continue
        version = row["extractor_version"] or ""
        if digest in imported or store.extracted_version(digest) == version:
            summary.skipped += 1
            notify(summary)
            continue
        if version != pending_version or len(pending) >= IMPORT_BATCH:
            flush()
            pending_version = version
        article = Article(doc=row["doc"] or "", text=row["text"], title=row["title"] or "", date=row["date"] or "",
                          source=row["source"] or "", url=row["url"] or "", path=row["path"] or "")
        pending.append((article, [_quote(q, article.doc) for q in quotes]))
        imported.add(digest)
        summary.extracted += 1
        summary.quotes += len(quotes)
        summary.speakers.update(q["speaker"] for q in quotes if q["speaker"])
        notify(summary)
    flush()
    orphans = sum(len(q) for q in by_document.values())
    if orphans:
        report(f"{shown}: {orphans} quotes of {len(by_document)} documents not in documents/ were not imported; "
               "select their documents too")
        summary.failed += len(by_document)
    if run_id is not None:
        store.finish_run(run_id, summary.extracted, summary.quotes)
    return summary


def _quotes_by_document(folder: Path) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for f in _data_files(folder):
        for row in _checked(pq.read_table(f), QUOTE_SCHEMA, f).to_pylist():
            grouped.setdefault(row["doc_hash"], []).append(row)
    return grouped


def _document_rows(folder: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    for f in _data_files(folder):
        table = _checked(pq.read_table(f), DOCUMENT_SCHEMA, f)
        for batch in table.to_batches(max_chunksize=IMPORT_BATCH):
            for row in batch.to_pylist():
                yield f, row


def _quote(row: dict[str, Any], doc: str) -> Quote:
    evidence = json.loads(row["evidence"]) if row["evidence"] else {}
    return Quote(doc=doc, start=row["start"], end=row["end"], text=row["text"] or "", kind=row["kind"] or "",
                 cue=row["cue"] or "", cue_start=row["cue_start"], cue_end=row["cue_end"],
                 speaker=row["speaker"] or "", speaker_mention=row["speaker_mention"] or "",
                 mention_start=row["mention_start"], mention_end=row["mention_end"],
                 speaker_type=row["speaker_type"] or "unknown", confidence=row["confidence"] or 0.0,
                 evidence=evidence if isinstance(evidence, dict) else {})
