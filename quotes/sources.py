"""Reading articles from anything a user points at: files, folders, JSON Lines, HTML, stdin.

Every offset in the project indexes ``Article.text``, so this module decides what that text is
and keeps it reproducible:

* Text files are decoded and otherwise left exactly as they are: no stripping, no newline
  translation (CRLF stays CRLF), no Unicode normalisation. ``open(path, newline="")`` or
  ``path.read_bytes().decode(...)`` gives the same string, so offsets can be checked by hand.
  The one change is that a byte-order mark is dropped: it is an encoding signature, not text,
  and keeping it would shift every offset by one against the same file saved without it.
* JSON Lines records give their ``text`` value exactly as the JSON string holds it.
* HTML pages give the main text trafilatura extracts (paragraphs joined by a blank line, the
  layout of the corpus .txt files); offsets index that extracted text.

Errors a user can cause (missing or empty files, binary data, bad encodings, bad JSON lines,
unsupported files) become ``SourceError``: appended to the caller's list so that one bad file
does not stop a corpus run, or raised when no list is given.
"""

from __future__ import annotations

import codecs
import gzip
import html.parser
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from quotes.records import Article

SUPPORTED = (".txt", ".jsonl", ".jsonl.gz", ".html", ".htm")
META_SUFFIX = ".meta.json"
STDIN = "-"
_STDIN_NAME = "<stdin>"  # in messages
STDIN_DOC = "stdin"  # the default name of the articles read from standard input
# The most one input may hold in memory: a file (decoded whole), a JSON Lines record, standard
# input's text. 64 MiB is far beyond any news article, and above the 50 MB the README promises;
# ``max_bytes`` (--max-bytes) raises it.
MAX_BYTES = 64 << 20
_META_MAX_BYTES = 1 << 20  # an article's .meta.json sidecar
_BLOCK = 1 << 20  # JSON Lines are read this much at a time, whatever their line lengths


class SourceError(Exception):
    """A problem with one input, worded for the user: ``str()`` is one line, ``where: what; do this``."""

    def __init__(self, path: str, problem: str, hint: str = "", *, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        message = f"{where}: {self.problem}" + (f"; {self.hint}" if self.hint else "")
        # One line whatever a path or a decoder message contains: the CLI prints one error a line.
        return message.replace("\r", " ").replace("\n", " ")

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only ``line`` would be lost by the default Exception pickling (worker processes).
        return (_rebuild_error, (self.path, self.problem, self.hint, self.line))


def _rebuild_error(path: str, problem: str, hint: str, line: int | None) -> SourceError:
    return SourceError(path, problem, hint, line=line)


# --------------------------------------------------------------------------------------------
# Decoding

_BOMS = (  # UTF-32 first: its little-endian mark begins with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that never occur in text; tab, newlines, form feed and the DOS end-of-file mark do.
_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1a\x1b")
_NOT_CONTROLS = bytes(b for b in range(256) if b not in _CONTROLS)
_CONTROL_CHARS = re.compile("[" + "".join(f"\\x{b:02x}" for b in _CONTROLS) + "]")
_ASCII = bytes(range(128))
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe]")
_ARABIC_IN_LATIN = re.compile(
    "(?<=[A-Za-z])[\u0600-\u06ff\u0750-\u077f]|[\u0600-\u06ff\u0750-\u077f](?=[A-Za-z])"
)
_NON_ASCII = re.compile("[^\x00-\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SAMPLE = 1 << 20  # enough text to judge an encoding; keeps the checks fast on 50 MB files
_REWRITE = "re-save it as UTF-8"


def decode_bytes(data: bytes, *, path: str = "") -> str:
    """Decode a text file's bytes, whatever common encoding an Arabic news text comes in.

    UTF-8 with or without BOM (BOM dropped), UTF-8/16/32 with BOM, BOM-less UTF-16 (recognised
    by NUL bytes on one side of each code unit), Windows-1256 and ISO-8859-6 Arabic. Other legacy
    encodings go to charset-normalizer. Nothing else is changed: CRLF stays, nothing is stripped.

    Raises SourceError for binary data, and for UTF-8 with a few bad bytes: such a file is
    damaged, and guessing a legacy encoding for it would garble all its good Arabic text.
    """
    where = path or "<input>"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as e:
                raise SourceError(
                    where,
                    f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}"
                    f" at byte {e.start + len(bom)}",
                    _REWRITE,
                    line=_line_of(data, e.start + len(bom)) if encoding == "utf-8" else None,
                ) from None
            _check_not_binary_text(text, where)
            return text
    if b"\x00" in data:
        # Text never holds NUL; UTF-16 without a mark does, on one side of every ASCII character.
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise SourceError(where, "binary data (NUL bytes), not text", "give a text, JSON Lines or HTML file")
        return utf16
    _check_not_binary_bytes(data, where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _decode_not_utf8(data, e, where)


def _check_not_binary_bytes(data: bytes, where: str) -> None:
    controls = len(data.translate(None, _NOT_CONTROLS))  # deleting the rest leaves the controls
    # A stray control character happens in pasted text; more than 1 in 100 bytes is not text.
    if controls * 100 > len(data):
        raise SourceError(where, "binary data (control bytes), not text", "give a text, JSON Lines or HTML file")


def _check_not_binary_text(text: str, where: str) -> None:
    sample = text[:_SAMPLE]
    if "\x00" in sample or len(_CONTROL_CHARS.findall(sample)) * 100 > len(sample):
        raise SourceError(where, "binary data, not text", "give a text, JSON Lines or HTML file")


def _bomless_utf16(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    sample = data[: _SAMPLE & ~1]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Little-endian puts the zero high byte of ASCII (spaces, digits) at odd offsets; Arabic
    # letters (U+06xx) have no zero byte at all. Binary data has zeros on both sides.
    if odd > 10 * even:
        encoding = "utf-16-le"
    elif even > 10 * odd:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    head = text[:_SAMPLE]
    if "\x00" in head or len(_CONTROL_CHARS.findall(head)) * 100 > len(head):
        return None
    return text


def _decode_not_utf8(data: bytes, error: UnicodeDecodeError, where: str) -> str:
    # Count what a UTF-8 reading gets right: valid multi-byte characters against bad bytes.
    # Real UTF-8 with a few damaged bytes has far more of the former; a Windows-1256 file has
    # almost none (only a letter followed by a byte in 0x80-0xBF, such as "،", happens to pair).
    sample = data[:_SAMPLE]
    loose = sample.decode("utf-8", "surrogateescape")
    bad = len(sample) - len(loose.encode("utf-8", "ignore"))
    ascii_bytes = len(sample) - len(sample.translate(None, _ASCII))
    good_multibyte = len(loose) - ascii_bytes - bad
    if good_multibyte > bad:
        raise SourceError(
            where,
            f"not valid UTF-8 at byte {error.start} (a few damaged bytes in an otherwise UTF-8 file)",
            f"{_REWRITE}, or fix the bytes there",
            line=_line_of(data, error.start),
        )
    text = _decode_arabic_legacy(data)
    if text is not None:
        return text
    text = _decode_other_legacy(data)
    if text is not None:
        return text
    raise SourceError(
        where,
        f"unknown text encoding (not UTF-8 from byte {error.start})",
        _REWRITE,
        line=_line_of(data, error.start),
    )


def _arabic_share(text: str) -> float:
    """Share of non-ASCII characters that are Arabic letters inside Arabic words."""
    sample = text[:_SAMPLE]
    non_ascii = len(_NON_ASCII.findall(sample))
    # An Arabic letter touching a Latin one ("cafى") is an accented Latin letter read in the
    # wrong code page, not Arabic: it does not count.
    arabic = len(_ARABIC.findall(sample)) - len(_ARABIC_IN_LATIN.findall(sample))
    return arabic / non_ascii if non_ascii else 0.0


def _decode_arabic_legacy(data: bytes) -> str | None:
    # Both encodings share ء..غ (0xC1-0xDA) and differ above: Windows-1256 has ف ق ك at
    # 0xDD-0xDF, which ISO-8859-6 leaves undefined, and ISO-8859-6 has و ي at 0xE8/0xEA, which
    # Windows-1256 reads as è ê. So ISO-8859-6 decodes strictly only for ISO text, and the
    # share of Arabic letters among non-ASCII characters picks the right one. Windows-1256 is
    # listed first: it wins ties, being by far the more common.
    best: tuple[float, str] | None = None
    for encoding in ("cp1256", "iso8859_6", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _arabic_share(text)
        if best is None or share > best[0]:
            best = (share, text)
    # 0.8: real Arabic text in the right encoding scores ~1.0; a Latin-1 text read as
    # Windows-1256 has its accented letters decoded as Latin and scores low.
    if best is not None and best[0] >= 0.8 and not _CONTROL_CHARS.search(best[1][:_SAMPLE]):
        return best[1]
    return None


def _decode_other_legacy(data: bytes) -> str | None:
    import charset_normalizer  # only here: it is slow to import and rarely needed

    match = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    if match is None:
        return None
    try:
        return data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


# --------------------------------------------------------------------------------------------
# Walking the inputs


def iter_articles(paths: Iterable[str], *, errors: list[SourceError] | None = None,
                  max_bytes: int = MAX_BYTES, stdin_name: str = STDIN_DOC) -> Iterator[Article]:
    """Yield the articles in ``paths`` (files, folders, or "-" for standard input), one at a time.

    A .txt file is one article (doc = the path as given, or the folder as given joined with
    the relative path); a ``<name>.meta.json`` beside it supplies title, date, outlet and URL.
    A .jsonl or .jsonl.gz file holds one article a line (doc = its "id", else "<file>:<line>").
    An .html/.htm file gives its main text. A folder is read recursively, files sorted by path,
    supported extensions only, hidden files and folders skipped. Standard input is JSON Lines
    when it starts with "{" (a record without "id" gets doc "<stdin_name>:<line>"), else one
    text article with doc ``stdin_name``.

    Nothing is read before it is needed: a 10,000-line .jsonl.gz is streamed line by line.
    Only regular files are read (a FIFO or a device, also behind a link, is skipped with an
    error): one could block the run for ever, the other never end. No input holds more than
    ``max_bytes`` in memory: a larger file, or a longer JSON Lines record (compressed or not),
    is an error; the rest of a JSON Lines file after an over-long line is skipped, as finding
    its end could mean decompressing gigabytes.
    Problems are appended to ``errors`` and reading goes on; without a list, they are raised.
    """
    for given in paths:
        # os.fspath: a pathlib.Path given by library callers still yields str docs.
        yield from _iter_path(os.fspath(given), errors, max_bytes, stdin_name)


def count_articles(paths: Iterable[str]) -> int | None:
    """About how many articles ``iter_articles(paths)`` yields, for a progress bar's total.

    One per .txt and .html file, one per non-blank line of a .jsonl or .jsonl.gz file (a
    .jsonl.gz is decompressed to count: ~0.2 s per 10,000 news articles, worth it to show the
    time left), folders counted recursively. Bad files and lines are counted too. None when
    standard input is among the paths: it can only be read once.
    """
    total = 0
    for given in paths:
        given = os.fspath(given)
        if given == STDIN:
            return None
        if os.path.isdir(given):
            files = [os.path.join(given, rel) for rel in _folder_files(given, [])]
        elif os.path.exists(given) and _kind(given) is not None:
            files = [given]
        else:
            continue
        for path in files:
            kind = _kind(path)
            if _not_regular(path) is not None:
                continue  # iter_articles skips it (and a FIFO would block this count for ever)
            if kind not in ("jsonl", "jsonl.gz"):
                total += 1
                continue
            try:
                f: IO[bytes]
                with gzip.open(path, "rb") if kind == "jsonl.gz" else open(path, "rb") as f:  # type: ignore[assignment]
                    lines = (line for _, line in _numbered_lines(f, MAX_BYTES))
                    first = next(lines, None)
                    if first is None or (path != given and _not_an_article(first.decode("utf-8", "replace"))):
                        continue  # iter_articles skips a folder's non-article .jsonl
                    total += 1 + sum(1 for _ in lines)
            except (OSError, EOFError, zlib.error, _LineTooLong):
                continue  # reading it will report the problem
    return total


def _report(error: SourceError, errors: list[SourceError] | None) -> None:
    if errors is None:
        raise error
    errors.append(error)


def _iter_path(given: str, errors: list[SourceError] | None, max_bytes: int,
               stdin_name: str = STDIN_DOC) -> Iterator[Article]:
    if given == STDIN:
        yield from _iter_stdin(errors, max_bytes, stdin_name)
        return
    if not os.path.exists(given):
        problem = "broken link" if os.path.islink(given) else "no such file or folder"
        _report(SourceError(given, problem, "check the path"), errors)
        return
    if os.path.isdir(given):
        files = _folder_files(given, errors)
        if not files:
            _report(
                SourceError(given, "no .txt, .jsonl, .jsonl.gz or .html files in this folder",
                            "point at the folder that holds the articles"),
                errors,
            )
        for relative in files:
            yield from _iter_file(os.path.join(given, relative), errors, max_bytes, in_folder=True)
        return
    if _kind(given) is None:
        if given.lower().endswith(META_SUFFIX):
            problem = "a .meta.json file is an article's metadata, not an article"
            hint = f"give {given[: -len(META_SUFFIX)]}.txt, which reads it"
        else:
            problem = f"unsupported file type '{_extension(given)}'"
            hint = "give a " + ", ".join(SUPPORTED) + " file or a folder"
        _report(SourceError(given, problem, hint), errors)
        return
    yield from _iter_file(given, errors, max_bytes)


def _not_regular(path: str) -> SourceError | None:
    """Why ``path`` is not read (a FIFO, a device...), or None for a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        return SourceError(path, f"cannot read: {e.strerror}", "check the path and its permissions")
    if stat.S_ISREG(mode):
        return None
    what = ("a FIFO" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
            else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a file")
    via = ", through a symbolic link" if os.path.islink(path) else ""
    return SourceError(path, f"skipped: {what}{via}, not a regular file",
                       "copy the articles into a file (only regular files are read)")


def _too_big(path: str, max_bytes: int, *, line: int | None = None) -> SourceError:
    if line is None:
        return SourceError(path, f"larger than the {_size(max_bytes)} an input may hold",
                           "split it, or raise the cap with --max-bytes", line=line)
    return SourceError(path, f"a line longer than the {_size(max_bytes)} a record may hold; "
                             "the rest of the file is skipped", "split the record, or raise the cap with --max-bytes",
                       line=line)


def _size(n: int) -> str:
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift and n % (1 << shift) == 0:
            return f"{n >> shift} {unit}"
    return f"{n} bytes"


def _kind(path: str) -> str | None:
    name = path.lower()
    if name.endswith(".jsonl.gz"):
        return "jsonl.gz"
    if name.endswith(".jsonl"):
        return "jsonl"
    if name.endswith(".txt"):
        return "txt"
    if name.endswith((".html", ".htm")):
        return "html"
    return None  # .meta.json included: a sidecar is never an article


def _extension(path: str) -> str:
    if path.lower().endswith(".gz"):
        return "".join(Path(path).suffixes[-2:])
    return Path(path).suffix or "(no extension)"


def _folder_files(root: str, errors: list[SourceError] | None) -> list[str]:
    def unreadable(e: OSError) -> None:
        _report(SourceError(e.filename or root, f"cannot read folder: {e.strerror}", "check its permissions"),
                errors)

    found: list[str] = []
    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        # Hidden entries are tool state (.git, .ipynb_checkpoints, editor backups), not articles.
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and _kind(name) is not None:
                found.append(os.path.relpath(os.path.join(folder, name), root))
    # Sorting by path parts keeps each folder's files together (plain string order would put
    # "a.txt" between "a/x.txt" and "a/y.txt"'s neighbours depending on punctuation).
    found.sort(key=lambda rel: Path(rel).parts)
    return found


def _iter_file(path: str, errors: list[SourceError] | None, max_bytes: int, *,
               in_folder: bool = False) -> Iterator[Article]:
    problem = _not_regular(path)
    if problem is not None:
        _report(problem, errors)
        return
    kind = _kind(path)
    if kind in ("jsonl", "jsonl.gz"):
        yield from _iter_jsonl_file(path, kind == "jsonl.gz", errors, max_bytes, in_folder=in_folder)
        return
    data = _read_bytes(path, errors, max_bytes)
    if data is None:
        return
    try:
        if kind == "html":
            yield _html_article(data, path)
        else:
            yield _text_article(data, path, path, errors)
    except SourceError as e:
        _report(e, errors)


def _read_bytes(path: str, errors: list[SourceError] | None, max_bytes: int) -> bytes | None:
    try:
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size > max_bytes:
                data = None
            else:
                data = f.read(max_bytes + 1)  # bounded even if the file grows meanwhile
    except OSError as e:
        _report(SourceError(path, f"cannot read: {e.strerror}", "check the file's permissions"), errors)
        return None
    if data is None or len(data) > max_bytes:
        _report(_too_big(path, max_bytes), errors)
        return None
    if not data:
        _report(SourceError(path, "empty file", "remove it or give the article's text"), errors)
        return None
    return data


def _text_article(data: bytes, path: str, doc: str, errors: list[SourceError] | None) -> Article:
    text = decode_bytes(data, path=path)
    if not text.strip():
        raise SourceError(path, "no text (only white space)", "remove it or give the article's text")
    meta = _sidecar(path, errors) if path != _STDIN_NAME else {}
    return Article(
        doc=doc,
        text=text,
        title=_field(meta, "title"),
        date=_field(meta, "date_extracted", "published", "date"),
        source=_field(meta, "outlet", "source"),
        url=_field(meta, "original_url", "url"),
        path=path if path != _STDIN_NAME else "",
    )


def _sidecar(txt_path: str, errors: list[SourceError] | None) -> dict[str, Any]:
    meta_path = os.path.splitext(txt_path)[0] + META_SUFFIX
    if not os.path.isfile(meta_path):
        return {}
    try:
        with open(meta_path, "rb") as f:
            data = f.read(_META_MAX_BYTES + 1)
        if len(data) > _META_MAX_BYTES:
            raise ValueError(f"larger than {_size(_META_MAX_BYTES)}")
        meta = json.loads(data.decode("utf-8-sig"))
    except (OSError, ValueError) as e:  # ValueError: UnicodeDecodeError, JSONDecodeError, too large
        _report(SourceError(meta_path, f"unreadable metadata ({e})",
                            "fix or delete it; the article is read without it"), errors)
        return {}
    if not isinstance(meta, dict):
        _report(SourceError(meta_path, "metadata is not a JSON object",
                            "fix or delete it; the article is read without it"), errors)
        return {}
    return meta


def _field(record: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = record.get(key)
        if value is not None and value != "":
            return value if isinstance(value, str) else str(value)
    return ""


# --------------------------------------------------------------------------------------------
# JSON Lines


def _iter_jsonl_file(path: str, gzipped: bool, errors: list[SourceError] | None, max_bytes: int, *,
                     in_folder: bool = False) -> Iterator[Article]:
    try:
        stream: IO[bytes] = gzip.open(path, "rb") if gzipped else open(path, "rb")  # type: ignore[assignment]
    except OSError as e:
        _report(SourceError(path, f"cannot read: {e.strerror}", "check the file's permissions"), errors)
        return
    with stream:
        try:
            yield from _iter_jsonl(_lines_of(stream, path, max_bytes), path, errors, in_folder=in_folder)
        except (gzip.BadGzipFile, EOFError, zlib.error) as e:
            hint = "rename it to .jsonl if it is not compressed" if isinstance(e, gzip.BadGzipFile) else (
                "the file is cut short or damaged; compress it again")
            _report(SourceError(path, f"not a readable gzip file ({e})", hint), errors)
        except _LineTooLong as e:
            _report(_too_big(path, max_bytes, line=e.number), errors)
        except _Undecodable as e:
            _report(e.error, errors)


class _LineTooLong(Exception):
    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class _Undecodable(Exception):
    def __init__(self, error: SourceError) -> None:
        super().__init__(str(error))
        self.error = error


def _lines_of(stream: IO[bytes], path: str, max_bytes: int) -> Iterator[tuple[int, bytes | str]]:
    """Numbered non-blank lines of a JSON Lines stream; UTF-16 (what Windows PowerShell
    redirection writes) as str, read whole within ``max_bytes``."""
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _LineTooLong(1)
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise _Undecodable(SourceError(path, f"not valid UTF-16 at byte {e.start}", _REWRITE)) from None
        # Split on "\n" only: JSON strings may hold a raw U+2028, which splitlines() breaks at.
        yield from ((n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip())
    else:
        yield from _numbered_lines(stream, max_bytes)


_NON_BLANK = re.compile(rb"[^ \t\n\r\x0b\x0c]")  # what bytes.strip() keeps


def _numbered_lines(stream: IO[bytes], limit: int, head: bytes = b"") -> Iterator[tuple[int, bytes]]:
    """(line number, line) for each non-blank line of ``stream``, ``head`` being its first bytes.

    Reads a block at a time (a gzip stream decompresses no more than that ahead) and skips
    blank lines in C, not one by one: 2 GB of newlines takes seconds, not minutes. A line
    longer than ``limit`` bytes raises _LineTooLong as soon as that much of it is read.
    """
    read = stream.read1 if hasattr(stream, "read1") else stream.read  # read1: what a pipe has now, not a full block
    number, buf, pos = 1, head, 0
    while True:
        found = _NON_BLANK.search(buf, pos)
        if found is None:
            number += buf.count(b"\n", pos)
            buf, pos = read(_BLOCK), 0
            if not buf:
                return
            continue
        start = buf.rfind(b"\n", pos, found.start()) + 1 or pos
        number += buf.count(b"\n", pos, start)
        end = buf.find(b"\n", found.start())
        if end >= 0:
            if end + 1 - start > limit:
                raise _LineTooLong(number)
            yield number, buf[start:end + 1]
            number, pos = number + 1, end + 1
            continue
        # The line goes on in the next blocks.
        parts, size = [buf[start:]], len(buf) - start
        while True:
            if size > limit:
                raise _LineTooLong(number)
            more = read(_BLOCK)
            if not more:
                yield number, b"".join(parts)
                return
            newline = more.find(b"\n")
            parts.append(more if newline < 0 else more[:newline + 1])
            size += len(parts[-1])
            if newline >= 0:
                break
        if size > limit:
            raise _LineTooLong(number)
        yield number, b"".join(parts)
        number, buf, pos = number + 1, more, newline + 1


def _iter_jsonl(lines: Iterable[tuple[int, bytes | str]], path: str, errors: list[SourceError] | None, *,
                in_folder: bool = False, name: str = "") -> Iterator[Article]:
    """``in_folder``: the file was found in a folder rather than named, and is skipped silently
    when its first record is an object without "text": annotations or predictions kept beside
    the articles (seeds/gold.jsonl) are data, not articles, as a notes.md there would be."""
    seen_any = seen_records = False
    for number, raw in lines:
        if isinstance(raw, bytes):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if not raw.strip():
                continue
            seen_any = True
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                _report(SourceError(path, f"not valid UTF-8 at byte {e.start} of the line",
                                    f"JSON Lines files must be UTF-8; {_REWRITE}", line=number), errors)
                continue
        else:
            line = raw.lstrip("\ufeff") if number == 1 else raw
            if not line.strip():
                continue
            seen_any = True
        if in_folder and not seen_records and _not_an_article(line):
            return
        seen_records = True
        article = _jsonl_article(line, path, number, errors, name or path)
        if article is not None:
            yield article
    if not seen_any:
        _report(SourceError(path, "empty file", "remove it or give one JSON object a line"), errors)


def _not_an_article(line: str) -> bool:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return False  # a damaged articles file: reported line by line
    return isinstance(record, dict) and "text" not in record


def _jsonl_article(line: str, path: str, number: int, errors: list[SourceError] | None,
                   name: str) -> Article | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        _report(SourceError(path, f"not JSON ({e.msg} at column {e.colno})",
                            "each line must be one JSON object", line=number), errors)
        return None
    if not isinstance(record, dict):
        _report(SourceError(path, f"a JSON {type(record).__name__}, not an object",
                            'each line must be an object like {"id": ..., "text": ...}', line=number), errors)
        return None
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = 'no "text" field' if "text" not in record else (
            'empty "text"' if isinstance(text, str) else f'"text" is a {type(text).__name__}, not a string')
        _report(SourceError(path, problem, "give each record the article's text as a string", line=number),
                errors)
        return None
    if isinstance(record.get("id"), list | dict):
        _report(SourceError(path, f'"id" is a JSON {"array" if isinstance(record["id"], list) else "object"}, '
                                  "not a string or number", "give each record an id like \"article-17\"",
                            line=number), errors)
        return None
    doc = _field(record, "id") or f"{name}:{number}"
    article = Article(
        doc=doc,
        text=text,
        title=_field(record, "title"),
        date=_field(record, "date"),
        source=_field(record, "source", "outlet"),
        url=_field(record, "url"),
        path=path if path != _STDIN_NAME else "",
    )
    # JSON can spell half of a surrogate pair ("\\ud800"): such a string is not Unicode text,
    # and neither UTF-8 output nor the database can hold it. In the record's fields only a \\u
    # escape can spell one: every line was decoded strictly, which refuses a lone surrogate, so
    # they are searched only when the line has one (searching every text was some 0.1 s of a
    # 10,000-article run). The doc may come from the file's name, which may hold one.
    searched = ("text", "doc", "title", "date", "source", "url") if "\\u" in line else ("doc",)
    for name in searched:
        bad = _SURROGATE.search(getattr(article, name))
        if bad:
            field = "id" if name == "doc" else name
            _report(SourceError(path, f'"{field}" holds an unpaired surrogate \\u{ord(bad.group()):04x} at character '
                                      f"{bad.start()} (not valid Unicode)",
                                "fix that escape in the record (a \\ud800-\\udbff escape needs its \\udc00-\\udfff pair)",
                                line=number), errors)
            return None
    return article


# --------------------------------------------------------------------------------------------
# Standard input


def _iter_stdin(errors: list[SourceError] | None, max_bytes: int, name: str) -> Iterator[Article]:
    if sys.stdin is None:  # pythonw, or a service started without one
        _report(SourceError(_STDIN_NAME, "no standard input", "give the articles' paths instead of -"), errors)
        return
    stream = sys.stdin.buffer
    # Read just enough to see the first non-blank character; the rest streams when it is JSONL.
    head = b""
    while len(head) <= max_bytes:
        chunk = stream.read1(1 << 16)  # type: ignore[union-attr]  # a BufferedReader
        if not chunk:
            break
        head += chunk
        body = head[len(codecs.BOM_UTF8) :] if head.startswith(codecs.BOM_UTF8) else head
        if body.lstrip() or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            break
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 (PowerShell pipes): decode it all, then tell JSONL from text on characters.
        data = _read_rest(head, stream, max_bytes, errors)
        if data is None:
            return
        try:
            text = decode_bytes(data, path=_STDIN_NAME)
        except SourceError as e:
            _report(e, errors)
            return
        if text.lstrip().startswith("{"):
            # Split on "\n" only: JSON strings may hold a raw U+2028, which splitlines() breaks at.
            yield from _iter_jsonl(enumerate(text.split("\n"), 1), _STDIN_NAME, errors, name=name)
        else:
            yield from _stdin_text(data, errors, name)
        return
    body = head[len(codecs.BOM_UTF8) :] if head.startswith(codecs.BOM_UTF8) else head
    if body.lstrip().startswith(b"{"):
        try:
            yield from _iter_jsonl(_numbered_lines(stream, max_bytes, head), _STDIN_NAME, errors, name=name)
        except _LineTooLong as e:
            _report(_too_big(_STDIN_NAME, max_bytes, line=e.number), errors)
    else:
        data = _read_rest(head, stream, max_bytes, errors)
        if data is not None:
            yield from _stdin_text(data, errors, name)


def _read_rest(head: bytes, stream: IO[bytes], max_bytes: int, errors: list[SourceError] | None) -> bytes | None:
    data = head + stream.read(max(0, max_bytes + 1 - len(head)))
    if len(data) > max_bytes:
        _report(_too_big(_STDIN_NAME, max_bytes), errors)
        return None
    return data


def _stdin_text(data: bytes, errors: list[SourceError] | None, name: str) -> Iterator[Article]:
    if not data:
        _report(SourceError(_STDIN_NAME, "empty input", "pipe an article's text or JSON Lines in"), errors)
        return
    try:
        yield _text_article(data, _STDIN_NAME, name, errors)
    except SourceError as e:
        _report(e, errors)


# --------------------------------------------------------------------------------------------
# HTML

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Lines that are only a link to more reading; trafilatura drops most, these survive in some layouts.
_READ_MORE = re.compile(
    r"^\W*(?:اقرأ|إقرأ|اقرا|إقرا)\s+(?:المزيد|أيضا|أيضاً|ايضا|ايضاً)(?:\s*[:：»-].*|\W*)$"
    r"|^\W*(?:read|see) (?:more|also)(?:\s*[:-].*|\W*)$",
    re.IGNORECASE,
)


def _decode_html(data: bytes, path: str) -> str:
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return decode_bytes(data, path=path)
    try:
        # Valid UTF-8 is UTF-8, whatever the page declares: pages saved from a browser keep a
        # stale <meta charset> of the server's original encoding.
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(data, path=path)


def _html_article(data: bytes, path: str) -> Article:
    page = _decode_html(data, path)
    try:
        import trafilatura  # only here: HTML is the rare input, and the import costs time
    except ImportError:
        raise SourceError(path, "reading HTML needs the trafilatura package", "pip install trafilatura") from None
    extracted = trafilatura.extract(page, include_comments=False, include_tables=True, include_images=False,
                                    include_links=False, deduplicate=False)
    paragraphs = [line.strip() for line in (extracted or "").split("\n")]
    paragraphs = [p for p in paragraphs if p and not _READ_MORE.match(p)]
    if not paragraphs:
        raise SourceError(path, "no article text found in the page",
                          "save the article's own page, or paste its text into a .txt file")
    meta = _HeadParser.parse(page)
    return Article(
        doc=path,
        text="\n\n".join(paragraphs),
        title=meta.get("og:title") or meta.get("title", ""),
        date=meta.get("article:published_time") or meta.get("date", ""),
        source=meta.get("og:site_name", ""),
        url=meta.get("og:url") or meta.get("canonical", ""),
        path=path,
    )


class _HeadParser(html.parser.HTMLParser):
    """Title and the few <meta> properties an article's record wants, from the page's head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}
        self._in_title = False
        self._title: list[str] = []

    @classmethod
    def parse(cls, page: str) -> dict[str, str]:
        parser = cls()
        end = page.lower().find("</head")
        parser.feed(page[: end if end >= 0 else 200_000])
        parser.close()
        title = " ".join("".join(parser._title).split())
        if title:
            parser.found.setdefault("title", title)
        return parser.found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key in ("og:title", "og:site_name", "og:url", "article:published_time", "date") and a.get("content"):
                self.found.setdefault(key, " ".join(a["content"].split()))
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.found.setdefault("canonical", a["href"].strip())

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title and "title" not in self.found:
            self._title.append(data)
