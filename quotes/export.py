"""Citation-ready exports: one row per quote, as CSV (for spreadsheets) or JSONL (for code).

CSV choices, each for a spreadsheet user:
- UTF-8 *with* a BOM: without it Excel decodes the file as the local ANSI code page and
  shows Arabic as mojibake; LibreOffice and Python's csv (with ``utf-8-sig``) accept it.
- RFC 4180 quoting (csv module defaults, CRLF rows): commas, quote marks and newlines inside
  a quotation survive a round trip.
- Formula injection: a text cell starting with = + - @ TAB or CR would be run as a formula
  by Excel/LibreOffice, so it gets a leading apostrophe. The numeric columns (start, end,
  confidence) are written as plain numbers and left alone, so -0.5 stays a number.

JSONL is plain UTF-8 without a BOM (a BOM breaks line-by-line JSON readers) and no
apostrophes: it is not opened by spreadsheets.

Both are written through ``quotes.output``: a regular file is replaced whole (a crash or a full
disk never leaves a half-written export behind), a FIFO or device is written to, a link's
target is written.

``speaker_latin`` is the reviewer's spelling when set; otherwise persons get
``romanize.romanize_name`` and so do 'unknown' speakers that look like a personal name.
Organisations, documents and anonymous sources stay empty: a letter-by-letter rendering of
وزارة الخارجية العراقية is not a citable name, and a translation is a reviewer's job.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from .output import written
from .romanize import looks_like_person, romanize_name

COLUMNS = (
    "speaker", "speaker_latin", "role", "speaker_type", "quote", "kind", "cue", "outlet", "date",
    "title", "url", "doc", "start", "end", "confidence", "status", "reviewer", "reviewed_at",
)
NUMERIC_COLUMNS = frozenset({"start", "end", "confidence"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]


def speaker_latin(name: str | None, latin: str | None, speaker_type: str | None) -> str:
    """The Latin name to cite: the reviewer's, else automatic for persons (see module doc)."""
    if latin:
        return latin
    if not name:
        return ""
    if speaker_type == "person" or (speaker_type in (None, "", "unknown") and looks_like_person(name)):
        return romanize_name(name)
    return ""


def citation_row(row: dict[str, Any]) -> dict[str, Any]:
    """Map a joined quote row (``Store.quote_rows`` shape) to the export columns.

    A row that is already in citation shape (has ``quote``) passes through, so
    ``write_csv(store.export_rows())`` and ``write_csv(store.quote_rows(ids))`` both work.
    """
    if "quote" in row and "text" not in row:
        return {c: row.get(c) for c in COLUMNS}
    confidence = row.get("confidence")
    return {
        "speaker": row.get("speaker") or "",
        "speaker_latin": speaker_latin(row.get("speaker"), row.get("speaker_latin"), row.get("speaker_type")),
        "role": row.get("speaker_role") or "",
        "speaker_type": row.get("speaker_type") or ("unknown" if row.get("speaker") else ""),
        "quote": row.get("text") or "",
        "kind": row.get("kind") or "",
        "cue": row.get("cue") or "",
        "outlet": row.get("source") or "",
        "date": row.get("date") or "",
        "title": row.get("title") or "",
        "url": row.get("url") or "",  # a file path is no URL: the doc column names the file
        "doc": row.get("doc") or "",
        "start": row.get("start"),
        "end": row.get("end"),
        "confidence": round(confidence, 4) if isinstance(confidence, float) else confidence,
        "status": row.get("status") or "",
        "reviewer": row.get("reviewer") or "",
        "reviewed_at": row.get("reviewed_at") or "",
    }


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return False
        return True
    return False


def safe_cell(column: str, value: Any) -> Any:
    """The value as a spreadsheet should receive it (formula-like text neutralised)."""
    if value is None:
        return ""
    if column in NUMERIC_COLUMNS and _is_number(value):
        return value
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def write_csv(rows: Iterable[dict[str, Any]], path_or_file: PathOrFile) -> int:
    """Write citation rows as UTF-8-with-BOM CSV; returns the number of rows."""
    with _open_output(path_or_file, bom=True) as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        n = 0
        for row in rows:
            r = citation_row(row)
            writer.writerow([safe_cell(c, r.get(c)) for c in COLUMNS])
            n += 1
        return n


def write_jsonl(rows: Iterable[dict[str, Any]], path_or_file: PathOrFile) -> int:
    """Write citation rows as JSON Lines (UTF-8, no BOM); returns the number of rows."""
    with _open_output(path_or_file, bom=False) as f:
        n = 0
        for row in rows:
            r = citation_row(row)
            f.write(json.dumps({c: r.get(c) for c in COLUMNS}, ensure_ascii=False) + "\n")
            n += 1
        return n


@contextmanager
def _open_output(target: PathOrFile, *, bom: bool) -> Iterator[IO[str]]:
    if isinstance(target, str | os.PathLike):
        with written(target, encoding="utf-8-sig" if bom else "utf-8") as f:
            yield f
        return
    stream: Any = target
    if isinstance(stream, io.RawIOBase | io.BufferedIOBase) or "b" in str(getattr(stream, "mode", "")):
        wrapper = io.TextIOWrapper(stream, encoding="utf-8-sig" if bom else "utf-8", newline="", write_through=True)
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()  # leave the caller's stream open
        return
    if bom:
        stream.write("\ufeff")
    yield stream
