"""The `quotes` command: bulk extraction, export, evaluation, and the review app.

A thin shell over the library: every command parses its options, calls the library, and
turns the errors a user can cause into one line on standard error naming the file and
what to do. The exit status is 0 when everything succeeded, 1 when some input failed
(the rest was still processed), 2 when the command could not run at all.

Bulk extraction (``quotes extract``) is built for archives of any size:

* streaming: articles are read one at a time and at most a fixed number of them are in
  flight between the reader, the worker processes and the database, so memory stays flat
  whatever the size of the corpus;
* parallel and deterministic: articles are extracted on ``-j`` processes and their results
  written in input order, so the output is byte-identical whatever the number of jobs;
* resumable: each article is stored with its suggestions in one transaction, marked with
  the extractor version; a run killed at any moment and started again skips what this
  version already stored and finishes the rest;
* batched: several articles are committed per short ``BEGIN IMMEDIATE`` transaction
  (tens of milliseconds, so the review app's decisions slip in between).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from . import __version__
from .records import Article, Quote
from .sources import SourceError, count_articles, iter_articles

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .store import Store

DEFAULT_DB = "db/quotes.db"

# Work sent to a worker process at a time: enough articles to amortise the inter-process
# round trip (one article per task costs ~40% more CPU), few enough to keep the workers fed.
CHUNK_ARTICLES = 16
CHUNK_CHARS = 1 << 20
# Chunks waiting or running per worker: bounds the articles in flight (and so the memory).
CHUNKS_IN_FLIGHT_PER_JOB = 4
# Database batches: committed when this many articles or characters are waiting, or when the
# oldest has waited this long (so a slow stream still lands, and a kill loses little).
BATCH_ARTICLES = 32
BATCH_CHARS = 4 << 20
BATCH_SECONDS = 1.0
# A batch transaction should stay well under this (the review app waits for it).
BATCH_TARGET_SECONDS = 0.05


def _err(message: str) -> None:
    click.echo(f"quotes: {message}", err=True)


def default_jobs() -> int:
    """The cores this process may use (a container or taskset may allow fewer than exist)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# -- extraction workers (module level so that multiprocessing can pickle them) ---------------
_WORKER: Any = None
Result = tuple[Article, list[Quote] | None, str | None]


def _init_worker(aliases: dict[str, str], parent: int | None = None) -> None:
    global _WORKER  # one extractor per worker process: it holds the morphology cache
    if parent is not None:
        # Ctrl-C reaches the whole process group: the parent alone decides what to keep.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
        _die_with_parent(parent)
    from .extract import Extractor

    _WORKER = Extractor(aliases=aliases)


def _die_with_parent(parent: int) -> None:
    """Make a worker exit when the main process dies, even by kill -9 (Linux): an orphaned
    worker would otherwise wait forever for work that never comes."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _extract_one(article: Article) -> Result:
    try:
        return article, _WORKER.extract(article), None
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
        return article, None, f"{article.doc}: extraction failed ({type(exc).__name__}: {exc}); please report it"


def _extract_chunk(chunk: list[Article]) -> list[tuple[list[Quote] | None, str | None]]:
    # The articles stay in the parent: only the results travel back.
    return [_extract_one(article)[1:] for article in chunk]


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += len(article.text)
        if len(chunk) >= CHUNK_ARTICLES or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def extract_stream(articles: Iterable[Article], *, jobs: int, aliases: dict[str, str],
                   on_idle: Callable[[], None] | None = None) -> Iterator[Result]:
    """Extract articles in input order, on ``jobs`` processes; identical output for any ``jobs``.

    At most ``jobs * CHUNKS_IN_FLIGHT_PER_JOB`` chunks are read ahead of the result being
    yielded, whatever the size of the input. ``on_idle`` is called about twice a second
    while waiting for a slow result (the caller commits and redraws then). A worker that dies
    (killed, out of memory) costs no article: the ones in flight are extracted again one by
    one, and only an article that kills a worker twice is reported as failed.
    """
    if jobs <= 1:
        _init_worker(aliases)
        for article in articles:
            yield _extract_one(article)
        return
    yield from _parallel(articles, jobs, aliases, on_idle)


def _new_pool(jobs: int, aliases: dict[str, str]) -> Any:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start at once, without importing everything again.
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(aliases, os.getpid()))
    # Start the workers now, before this process starts any thread of its own (the progress
    # total is counted in one): forking a process that runs threads copies their locks.
    pool.submit(int).result()
    return pool


def _stop_pool(pool: Any, *, finished: bool = False) -> None:
    if finished:  # every chunk is done: let the workers exit cleanly
        pool.shutdown(wait=True)
        return
    pool.shutdown(wait=False, cancel_futures=True)
    # shutdown() lets running chunks finish, and the interpreter would wait for them at exit
    # (a 50 MB article takes a while): stop them now, nothing they hold is needed.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()


def _wait(future: Future[Any], on_idle: Callable[[], None] | None) -> Any:
    from concurrent.futures import TimeoutError as FutureTimeout

    while True:
        try:
            return future.result(timeout=0.5 if on_idle else None)
        except FutureTimeout:
            assert on_idle is not None
            on_idle()


def _parallel(articles: Iterable[Article], jobs: int, aliases: dict[str, str],
              on_idle: Callable[[], None] | None) -> Iterator[Result]:
    from concurrent.futures.process import BrokenProcessPool

    pool = _new_pool(jobs, aliases)
    in_flight: deque[tuple[list[Article], Future[Any] | None]] = deque()
    chunks = _chunks(articles)
    more = True
    finished = False
    try:
        while True:
            try:
                while more and len(in_flight) < jobs * CHUNKS_IN_FLIGHT_PER_JOB:
                    chunk = next(chunks, None)
                    if chunk is None:
                        more = False
                        break
                    in_flight.append((chunk, None))  # held before submit(), which may find the pool broken
                    in_flight[-1] = (chunk, pool.submit(_extract_chunk, chunk))
                if not in_flight:
                    finished = True
                    return
                chunk, future = in_flight[0]
                if future is None:
                    raise BrokenProcessPool("not submitted")
                results = _wait(future, on_idle)
            except BrokenProcessPool:
                # Which chunk killed the worker is unknown: every chunk in flight failed with
                # it. Extract them again one article at a time, so only a culprit is lost.
                _stop_pool(pool)
                pool = _new_pool(jobs, aliases)
                suspects = [article for chunk, _ in in_flight for article in chunk]
                in_flight.clear()
                for article in suspects:
                    try:
                        (quotes, problem), = _wait(pool.submit(_extract_chunk, [article]), on_idle)
                    except BrokenProcessPool:
                        _stop_pool(pool)
                        pool = _new_pool(jobs, aliases)
                        quotes, problem = None, (f"{article.doc}: the worker process died extracting it twice "
                                                 "(out of memory?); split the article or run it alone with -j 1")
                    yield article, quotes, problem
                continue
            in_flight.popleft()
            for article, (quotes, problem) in zip(chunk, results, strict=True):
                yield article, quotes, problem
    finally:
        _stop_pool(pool, finished=finished)


# -- storing in batches ----------------------------------------------------------------------


class _BatchWriter:
    """Collects extracted articles and commits them several per transaction.

    The batch size adapts so that one transaction takes about BATCH_TARGET_SECONDS. Each
    article is stored whole or not at all (``Store.save_extractions`` is one transaction).
    """

    def __init__(self, store: Store, run_id: int, version: str, on_invalid: Callable[[str], None]) -> None:
        self.store = store
        self.run_id = run_id
        self.version = version
        self.on_invalid = on_invalid
        self.pending: list[tuple[Article, list[Quote]]] = []
        self.chars = 0
        self.since = 0.0
        self.size = 8  # grows to BATCH_ARTICLES when commits are quick

    def add(self, article: Article, quotes: list[Quote]) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append((article, quotes))
        self.chars += len(article.text)
        if len(self.pending) >= self.size or self.chars >= BATCH_CHARS:
            self.flush()
        elif time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def flush_if_old(self) -> None:
        if self.pending and time.monotonic() - self.since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        started = time.monotonic()
        try:
            self.store.save_extractions(self.pending, self.run_id, version=self.version)
        except ValueError:
            # An invalid record (an extractor bug) would void the whole batch: store the
            # articles one by one and report the bad one.
            for article, quotes in self.pending:
                try:
                    self.store.save_extraction(article, quotes, self.run_id, version=self.version)
                except ValueError as exc:
                    self.on_invalid(f"{exc}; not stored, please report it")
        took = time.monotonic() - started
        if took > 2 * BATCH_TARGET_SECONDS:
            self.size = max(1, self.size // 2)
        elif took < BATCH_TARGET_SECONDS / 2 and len(self.pending) >= self.size:
            self.size = min(BATCH_ARTICLES, self.size * 2)
        self.pending, self.chars = [], 0


# -- progress --------------------------------------------------------------------------------


class _Progress:
    """A tqdm bar on a terminal, plain lines every few seconds with --progress, else nothing.

    The total is counted in a background thread (a 10,000-article .jsonl.gz takes ~0.2 s to
    count) and appears, with the time left, when known; standard input has none.
    """

    def __init__(self, mode: str | None, paths: tuple[str, ...]) -> None:
        self.mode = mode
        self.n = self.quotes = self.skipped = self.failed = 0
        self.total: int | None = None
        self.started = time.monotonic()
        self._last_line = self.started  # the first line after a few seconds, with a fair rate
        self._bar: Any = None
        self._paths: tuple[str, ...] | None = None
        if mode is None:
            return
        if mode == "bar":
            from tqdm import tqdm

            self._bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
        self._paths = paths if "-" not in paths else None  # standard input can be read only once

    def _count(self, paths: tuple[str, ...]) -> None:
        try:
            self.total = count_articles(paths)
        except Exception:  # noqa: BLE001 - a progress total is a nicety; never fail a run for it
            self.total = None

    def write(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)

    def update(self, *, quotes: int = 0, skipped: int = 0, failed: int = 0, articles: int = 1) -> None:
        self.n += articles
        self.quotes += quotes
        self.skipped += skipped
        self.failed += failed
        self.tick()

    def tick(self) -> None:
        if self._paths is not None:
            # Counted from the first article on: by then the worker processes are started.
            threading.Thread(target=self._count, args=(self._paths,), daemon=True, name="count-articles").start()
            self._paths = None
        if self._bar is not None:
            if self.total is not None and self._bar.total != self.total:
                self._bar.total = max(self.total, self.n)
            self._bar.n = self.n
            self._bar.set_postfix(quotes=self.quotes, skipped=self.skipped, failed=self.failed, refresh=False)
            self._bar.update(0)  # redraws at most every tqdm mininterval
        elif self.mode == "lines" and time.monotonic() - self._last_line >= 2.0:
            self._last_line = time.monotonic()
            click.echo(self.line(), err=True)

    def line(self) -> str:
        secs = time.monotonic() - self.started
        rate = self.n / secs if secs > 0 else 0.0
        done = f"{self.n}/{self.total}" if self.total else f"{self.n}"
        left = ""
        if self.total and rate > 0 and self.total > self.n:
            left = f", {(self.total - self.n) / rate:.0f} s left"
        return f"{done} articles, {self.quotes} quotes, {rate:.0f} articles/s{left}"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.total = self.n  # done: whatever was estimated, this is all there was
            self._bar.n = self.n
            self._bar.refresh()
            self._bar.close()


class _JsonlOutput:
    """--jsonl: standard output as it goes, or a file written whole or not at all.

    A file is written under a temporary name beside it and renamed at the end, so an
    interrupted or failed run never leaves a half-written file (an older one stays).
    """

    def __init__(self, target: str) -> None:
        self.target = target
        self.tmp: str | None = None
        if target == "-":
            self.stream: TextIO = sys.stdout
            if (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") != "utf8":
                # The contract is UTF-8, whatever the console's code page.
                with contextlib.suppress(AttributeError, ValueError, OSError):
                    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
            return
        import tempfile

        folder = os.path.dirname(target) or "."
        if os.path.isdir(target):
            raise IsADirectoryError(21, "is a folder")
        fd, self.tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
        self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self.stream.write(text)

    def finish(self) -> None:
        if self.tmp is None:
            self.stream.flush()
            return
        self.stream.close()
        mode = 0o666 & ~_umask()
        if os.path.exists(self.target):
            mode = os.stat(self.target).st_mode & 0o777
        os.chmod(self.tmp, mode)  # mkstemp makes it private; the output is an ordinary file
        os.replace(self.tmp, self.target)
        self.tmp = None

    def discard(self) -> None:
        if self.tmp is None:
            return
        self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)
        self.tmp = None


def _umask() -> int:
    # Read, not set: os.umask() would briefly change it for the counting thread too.
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


class _ErrorSink(list):  # type: ignore[type-arg]
    """The ``errors`` list for iter_articles: reports each input problem as it is met and keeps
    only a count, so a corpus with a million bad lines does not fill the memory."""

    def __init__(self, report: Callable[[SourceError], None]) -> None:
        super().__init__()
        self.report = report
        self.count = 0

    def append(self, error: SourceError) -> None:  # type: ignore[override]
        self.count += 1
        self.report(error)


class _Stop(BaseException):
    """SIGTERM in the main process: stop like Ctrl-C, keeping every complete article.
    A BaseException, like KeyboardInterrupt, so no ``except Exception`` swallows it."""


def _raise_stop(signum: int, _frame: Any) -> None:
    raise _Stop(signum)


# -- commands --------------------------------------------------------------------------------


@click.group()
@click.version_option(__version__, prog_name="quotes")
def main() -> None:
    """Who said what in Arabic news: extract, review and cite reported statements."""


EXTRACT_HELP = """Extract the quotations of PATH... (.txt, .jsonl, .jsonl.gz, .html, folders, or - for stdin).

\b
With --db (the default when --jsonl is not given) every article is stored with its
suggestions in one transaction. Running the same command again, e.g. after an
interruption, skips the articles this version of the extractor already stored and
finishes the rest; articles stored by an older version are extracted again (reviewed
quotes and their decisions are never changed). Skipped articles write no --jsonl lines:
use --force to extract and write everything again. A --jsonl FILE is written under a
temporary name and appears, whole, when the run ends.

\b
Exit status: 0 all went well, 1 some inputs failed (the rest was processed), 2 the command
could not run (e.g. an unusable --db file).
"""


@main.command(help=EXTRACT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=None, help=f"SQLite database to store into (default {DEFAULT_DB} unless --jsonl is given).")
@click.option("--jsonl", "jsonl_out", default=None, help="Write one JSON object per quote to FILE, or - for standard output.")
@click.option("-j", "--jobs", type=int, default=0, help="Worker processes (default: all cores).")
@click.option("--force", is_flag=True, help="Extract again the articles already stored by this version.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary (errors are still printed).")
@click.option("--progress", "progress_lines", is_flag=True,
              help="Progress lines and the summary even when standard error is not a terminal.")
def extract(paths: tuple[str, ...], db_path: str | None, jsonl_out: str | None, jobs: int, force: bool,
            quiet: bool, progress_lines: bool) -> None:
    from .store import Store, StoreError, text_hash

    if db_path is None and jsonl_out is None:
        db_path = DEFAULT_DB
    jobs = jobs if jobs > 0 else default_jobs()
    mode = None if quiet else "bar" if sys.stderr.isatty() else "lines" if progress_lines else None
    out: _JsonlOutput | None = None
    if jsonl_out:
        try:
            out = _JsonlOutput(jsonl_out)
        except OSError as exc:
            _err(f"{jsonl_out}: cannot write ({exc.strerror}); choose another --jsonl file")
            sys.exit(2)

    store: Store | None = None
    run_id = 0
    aliases: dict[str, str] = {}
    if db_path is not None:
        try:
            store = Store.open(db_path)
            # Reviewer aliases only: an article's suggestions must not depend on which other
            # articles happen to be stored (see Store.reviewer_alias_map).
            aliases = store.reviewer_alias_map()
            run_id = store.start_run(__version__, {"jobs": jobs, "paths": list(paths), "force": force})
        except StoreError as exc:
            if out is not None:
                out.discard()
            _err(str(exc))
            sys.exit(2)

    progress = _Progress(mode, paths)
    speakers: set[str] = set()
    extracted = 0

    def report(error: SourceError | str) -> None:
        progress.write(f"quotes: {error}")

    def source_error(error: SourceError) -> None:
        report(error)
        # A bad line was one of the articles the total counted; a bad file was not.
        progress.update(failed=1, articles=1 if error.line is not None else 0)

    def invalid(message: str) -> None:
        report(message)
        progress.update(failed=1, articles=0)

    errors = _ErrorSink(source_error)
    writer = _BatchWriter(store, run_id, __version__, invalid) if store is not None else None

    def unstored(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if store is not None and not force and store.extracted_version(text_hash(article.text)) == __version__:
                progress.update(skipped=1)
                continue
            yield article

    def idle() -> None:
        if writer is not None:
            writer.flush_if_old()
        progress.tick()

    previous_term = signal.signal(signal.SIGTERM, _raise_stop)
    status = 0
    message = ""
    try:
        articles = unstored(iter_articles(paths, errors=errors))
        for article, quotes, problem in extract_stream(articles, jobs=jobs, aliases=aliases, on_idle=idle):
            if problem is not None or quotes is None:
                report(problem or f"{article.doc}: extraction failed; please report it")
                progress.update(failed=1)
                continue
            if writer is not None:
                writer.add(article, quotes)
            if out is not None:
                out.write("".join(json.dumps(q.to_json(), ensure_ascii=False) + "\n" for q in quotes))
            extracted += 1
            speakers.update(q.speaker for q in quotes if q.speaker)
            progress.update(quotes=len(quotes))
        if writer is not None:
            writer.flush()
        if out is not None:
            out.finish()
    except (KeyboardInterrupt, _Stop) as stop:
        status = 130 if isinstance(stop, KeyboardInterrupt) else 143
        _save_what_is_done(writer)
        message = "interrupted: every article stored so far is complete; run the same command again to finish"
    except BrokenPipeError:
        status = 1
        _save_what_is_done(writer)
        # Nothing more can reach the reader; keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        out = None
        message = (f"standard output was closed after {extracted} articles; run the same command again to finish"
                   + (" (stored articles are skipped)" if store is not None else ""))
    except StoreError as exc:
        status = 2
        message = f"{exc}; every article stored before is complete, run the same command again to finish"
    except OSError as exc:  # writing --jsonl (disk full, file system gone)
        status = 2
        _save_what_is_done(writer)
        message = f"{jsonl_out}: cannot write ({exc.strerror or exc}); free some space or choose another --jsonl file"
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        progress.close()
        if out is not None and status:
            out.discard()
    if store is not None:
        if not status:
            try:
                store.finish_run(run_id, extracted, progress.quotes)
            except StoreError as exc:
                status, message = 2, str(exc)
        store.close()
    if message:
        _err(message)
    if status:
        sys.exit(status)
    if mode is not None:
        secs = time.monotonic() - progress.started
        skipped = f" ({progress.skipped} already stored, skipped)" if progress.skipped else ""
        where = f" into {db_path}" if db_path else ""
        click.echo(
            f"{extracted} articles{skipped}, {progress.quotes} quotes, {len(speakers)} speakers, "
            f"{progress.failed} failures in {secs:.1f} s ({progress.n / max(secs, 1e-9):.0f} articles/s){where}",
            err=True,
        )
    sys.exit(1 if progress.failed else 0)


def _save_what_is_done(writer: _BatchWriter | None) -> None:
    """On an interruption: commit the articles already extracted (each whole, or not at all)."""
    if writer is None:
        return
    from .store import StoreError

    try:
        writer.flush()
    except (StoreError, KeyboardInterrupt, _Stop):
        pass  # the transaction was rolled back: those articles are extracted again next time


@main.command("export")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--status", type=click.Choice(["accepted", "reviewed", "all"]), default="all", show_default=True)
@click.option("-o", "--output", required=True, help="File to write (- for standard output).")
def export_cmd(db_path: str, fmt: str, status: str, output: str) -> None:
    """Write citation-ready quotes: CSV (opens in Excel/LibreOffice) or JSONL."""
    from .export import write_csv, write_jsonl
    from .store import Store, StoreError

    if not Path(db_path).exists():
        _err(f"{db_path}: no such database; run `quotes extract PATH --db {db_path}` first")
        sys.exit(2)
    try:
        store = Store.open(db_path, create=False)
        rows = list(store.export_rows(status))
        store.close()
    except StoreError as exc:
        _err(str(exc))
        sys.exit(2)
    target: Any = sys.stdout if output == "-" else output
    try:
        (write_csv if fmt == "csv" else write_jsonl)(rows, target)
    except OSError as exc:
        _err(f"{output}: cannot write ({exc.strerror}); choose another -o file")
        sys.exit(2)
    if output != "-":
        click.echo(f"{len(rows)} quotes written to {output}", err=True)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--details", is_flag=True, help="List misses, wrong speakers and false positives.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_cmd(gold: str, paths: tuple[str, ...], details: bool, as_json: bool) -> None:
    """Score the extractor on PATH... against GOLD.jsonl (see ANNOTATION.md)."""
    from dataclasses import asdict

    from .evaluate import format_report, load_jsonl, ranking_quality, score
    from .extract import Extractor

    gold_rows = load_jsonl(gold)
    extractor = Extractor()
    errors: list[SourceError] = []
    texts: dict[str, str] = {}
    preds: list[dict[str, Any]] = []
    for art in iter_articles(paths, errors=errors):
        name = Path(art.doc).name
        texts[name] = art.text
        preds.extend(q.to_json() for q in extractor.extract(art))
    # The gold file often sits in the articles' folder (seeds/gold.jsonl): it is no article.
    errors = [e for e in errors if not _same_file(e.path, gold)]
    for e in errors:
        _err(str(e))
    wanted = {g["doc"] for g in gold_rows}
    missing = sorted(wanted - set(texts))
    if missing:
        _err(f"{gold}: {len(missing)} gold documents not among PATH (e.g. {missing[0]}); pass their folder")
        gold_rows = [g for g in gold_rows if g["doc"] in texts]
    preds = [p for p in preds if Path(p["doc"]).name in wanted]
    scores = score(gold_rows, preds, texts)
    ranking = ranking_quality(gold_rows, preds, texts)
    if as_json:
        click.echo(json.dumps({**asdict(scores), "ranking": ranking}, ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(scores, details=details))
        if ranking.get("top_half_precision") is not None:
            click.echo(
                f"confidence: precision of the top half {ranking['top_half_precision']:.3f}, bottom half "
                f"{ranking['bottom_half_precision']:.3f}, AUC {ranking['auc'] if ranking['auc'] is not None else 'n/a'}"
            )
    sys.exit(1 if errors else 0)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@main.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True)
@click.option("--screenshot", type=click.Path(dir_okay=False), default=None,
              help="Render the main window on the current quote to this PNG and exit.")
@click.option("--reviewer", default=lambda: os.environ.get("USER", "reviewer"), show_default="$USER")
def review(db_path: str, screenshot: str | None, reviewer: str) -> None:
    """Open the review app on the database."""
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
                    or sys.platform in ("win32", "darwin"))
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        headless = False
    if headless:
        _print_queue(db_path)
        _err("no display here: the review app needs one (or use --screenshot FILE.png); the queue is printed above")
        return
    try:
        from gui.app import run_app
    except ImportError as exc:
        _err(f"the review app cannot start ({exc}); reinstall with `make setup`")
        sys.exit(2)
    sys.exit(run_app(db_path, reviewer=reviewer, screenshot=screenshot))


def _print_queue(db_path: str, limit: int = 40) -> None:
    from .store import Store, StoreError

    try:
        store = Store.open(db_path, create=False)
    except StoreError as exc:
        _err(str(exc))
        sys.exit(2)
    ids = store.queue_ids(order="document")
    rows = store.quote_rows(ids[:limit])
    for r in rows:
        # Reviewer-added quotes have no confidence.
        conf = f"{r['confidence']:.2f}" if r["confidence"] is not None else "added"
        click.echo(f"[{r['status']}] {r.get('speaker') or '?'} ({r['cue']}, {r['kind']}, {conf}): {r['text'][:120]}")
    prog = store.progress()
    click.echo(f"{prog['total']} quotes, {prog['reviewed']} reviewed", err=True)
    store.close()


if __name__ == "__main__":
    main()
