"""Citation-ready exports: one row per quote, as CSV (for spreadsheets) or JSONL (for code).

CSV choices, each for a spreadsheet user:
- UTF-8 *with* a BOM: without it Excel decodes the file as the local ANSI code page and
  shows Arabic as mojibake; LibreOffice and Python's csv (with ``utf-8-sig``) accept it.
- RFC 4180 quoting (csv module defaults, CRLF rows): commas, quote marks and newlines inside
  a quotation survive a round trip.
- Formula injection: a text cell starting with = + - @ TAB or CR would be run as a formula
  by Excel/LibreOffice, so it gets a leading apostrophe; so does one where white space or
  invisible marks come before those, or where they are written full-width or small
  (＝ ＋ － ＠, ﹦ …: anything NFKC folds to them), which spreadsheets and their import
  filters may fold back. The numeric columns (start, end, confidence) are written as plain
  numbers and left alone, so -0.5 stays a number.
- Cell size: Excel holds 32,767 characters in a cell and cuts silently, and Python's csv
  module refuses fields over 131,072 by default. A longer cell (an unclosed «» can swallow
  megabytes) is cut to fit, ending with a visible «…[cut: N characters]», and the warning
  names the quote; the JSONL export keeps it whole.

JSONL is plain UTF-8 without a BOM (a BOM breaks line-by-line JSON readers) and no
apostrophes: it is not opened by spreadsheets.

Both are written through ``quotes.output``: a regular file is replaced whole (a crash or a full
disk never leaves a half-written export behind), a FIFO or device is written to, a link's
target is written.

Invisible format characters (zero-width space, bidi marks) are dropped from speaker names: a
name differing only by one would be a second speaker to anyone grouping the export.

``speaker_latin`` is the reviewer's spelling when set; otherwise persons get
``romanize.romanize_name`` and so do 'unknown' speakers that look like a personal name.
Organisations, documents and anonymous sources stay empty: a letter-by-letter rendering of
وزارة الخارجية العراقية is not a citable name, and a translation is a reviewer's job.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from .output import written
from .romanize import looks_like_person, romanize_name

COLUMNS = (
    "speaker", "speaker_latin", "role", "speaker_type", "quote", "kind", "cue", "outlet", "date",
    "title", "url", "doc", "start", "end", "confidence", "status", "reviewer", "reviewed_at",
    "decided_by", "reviewers_agreed",
)
NUMERIC_COLUMNS = frozenset({"start", "end", "confidence"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel's limit, in UTF-16 code units (what it counts); LibreOffice holds more.
MAX_CELL = 32_767

_log = logging.getLogger(__name__)

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


def visible_name(name: str | None) -> str:
    """The name without invisible format characters (Unicode category Cf: ZWSP, ZWJ, bidi marks)."""
    if not name:
        return ""
    return "".join(ch for ch in name if unicodedata.category(ch) != "Cf")


def _yes_no(value: object) -> str:
    return "yes" if value is True else "no" if value is False else ""


def citation_row(row: dict[str, Any]) -> dict[str, Any]:
    """Map a joined quote row (``Store.quote_rows`` shape) to the export columns.

    A row that is already in citation shape (has ``quote``) passes through, so
    ``write_csv(store.export_rows())`` and ``write_csv(store.quote_rows(ids))`` both work.
    Besides the columns, ``quote_id`` carries the store's id (None when unknown) for messages.
    """
    if "quote" in row and "text" not in row:
        return {**{c: row.get(c) for c in COLUMNS}, "quote_id": row.get("quote_id")}
    confidence = row.get("confidence")
    speaker = visible_name(row.get("speaker"))
    return {
        "speaker": speaker,
        "speaker_latin": speaker_latin(speaker, row.get("speaker_latin"), row.get("speaker_type")),
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
        # decided_by: the adjudicator, else every reviewer whose decision is in effect;
        # reviewers_agreed: yes/no when two or more reviewers decided, empty otherwise.
        "decided_by": row.get("decided_by") if row.get("decided_by") is not None else (row.get("reviewer") or ""),
        "reviewers_agreed": _yes_no(row.get("reviewers_agreed")),
        "quote_id": row.get("id"),
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


def _looks_like_formula(text: str) -> bool:
    if text.startswith(_FORMULA_START):
        return True
    # What a spreadsheet may skip or fold before deciding: white space and invisible marks in
    # front, full-width and small forms of the signs.
    for ch in text:
        if ch.isspace() or unicodedata.category(ch) == "Cf":
            continue
        return unicodedata.normalize("NFKC", ch).startswith(_FORMULA_START)
    return False


def safe_cell(column: str, value: Any) -> Any:
    """The value as a spreadsheet should receive it (formula-like text neutralised)."""
    if value is None:
        return ""
    if column in NUMERIC_COLUMNS and _is_number(value):
        return value
    text = str(value)
    if _looks_like_formula(text):
        return "'" + text
    return text


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fit_cell(text: str, limit: int = MAX_CELL) -> tuple[str, int]:
    """``text`` cut to ``limit`` UTF-16 units with a visible marker, and the characters cut (0: whole)."""
    if len(text) <= limit // 2 or _utf16_len(text) <= limit:
        return text, 0
    # The marker's own length depends on the count; a count two digits longer is enough room.
    budget = limit - len(f"…[cut: {len(text) * 100} characters]")
    kept = text[:budget]
    # Each character cut removes at least one unit: one step brings astral text within budget.
    kept = kept[: len(kept) - max(0, _utf16_len(kept) - budget)]
    cut = len(text) - len(kept)
    return f"{kept}…[cut: {cut} characters]", cut


def write_csv(rows: Iterable[dict[str, Any]], path_or_file: PathOrFile, *,
              warn: Callable[[str], None] | None = None) -> int:
    """Write citation rows as UTF-8-with-BOM CSV; returns the number of rows.

    ``warn`` receives one line per cell cut to fit a spreadsheet (default: this module's
    logger, which Python prints on standard error when nothing else is configured).
    """
    warn = warn or _log.warning
    with _open_output(path_or_file, bom=True) as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        n = 0
        for row in rows:
            r = citation_row(row)
            cells = []
            for c in COLUMNS:
                cell = safe_cell(c, r.get(c))
                if isinstance(cell, str) and (fitted := fit_cell(cell))[1]:
                    warn(f"{_which(r)}: its {c} of {len(cell):,} characters is cut to a spreadsheet cell's "
                         f"{MAX_CELL:,} in the CSV, marked «…[cut: …]»; the JSONL export has it whole")
                    cell = fitted[0]
                cells.append(cell)
            writer.writerow(cells)
            n += 1
        return n


def _which(r: dict[str, Any]) -> str:
    if r.get("quote_id") is not None:
        return f"quote {r['quote_id']} ({r.get('doc') or '?'})"
    return f"quote at {r.get('doc') or '?'}:{r.get('start')}"


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
