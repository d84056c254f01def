"""Bulk extraction: many articles through the extractor, into a database and/or JSON Lines.

``run_extraction`` is what ``quotes extract`` runs; the command only parses options and prints.
It is built for archives of any size:

* streaming: articles are read one at a time and at most a fixed number of them are in
  flight between the reader, the worker processes and the database, so memory stays flat
  whatever the size of the corpus;
* parallel and deterministic: articles are extracted on ``jobs`` processes and their results
  written in input order, so the output is byte-identical whatever the number of jobs; an
  input that fits in one chunk is extracted in this process, as starting workers for it
  costs more than it saves;
* resumable: each article is stored with its suggestions in one transaction, marked with
  the extractor version; a run killed at any moment and started again skips what this
  version already stored and finishes the rest;
* batched: several articles are committed per short ``BEGIN IMMEDIATE`` transaction
  (tens of milliseconds, so the review app's decisions slip in between);
* stoppable: SIGINT or SIGTERM stops the run at once, keeping every complete article. The
  workers are plain processes with one pipe each, not a ``ProcessPoolExecutor``: a worker
  killed in the middle of a message then reads as end-of-file on its own pipe, where the
  executor's shared result queue left its manager thread waiting for ever at exit.

Where the articles are extracted is pluggable (``Executor``): ``LocalExecutor`` is the worker
processes above, ``quotes.cluster.ClusterExecutor`` a Dask cluster. Both run the same pure
function, ``extract_articles``, and yield results in input order, so the writers, the
resumption and the summary here serve both. Besides the database and JSON Lines, a
``RecordSink`` (``quotes.parquet.ParquetDataset``) receives every extracted article.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from . import __version__
from .records import Article, Quote
from .sources import MAX_BYTES, STDIN_DOC, SourceError, iter_articles

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from .store import Store

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
# How often a caller waiting for a slow article gets control back (commits, redraws).
IDLE_SECONDS = 0.5

Result = tuple[Article, list[Quote] | None, str | None]
# What a worker sends back for an article: its quotes, or None and the one-line problem.
Extracted = tuple[list[Quote] | None, str | None]


class Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


class Executor(Protocol):
    """Where articles are extracted: ``stream`` yields one ``Result`` per article, in input
    order (so the output does not depend on the executor), and calls ``on_idle`` about twice a
    second while it waits. ``options`` is recorded with the run in the database."""

    def options(self) -> dict[str, Any]: ...

    def stream(self, articles: Iterable[Article], aliases: dict[str, str],
               on_idle: Callable[[], None] | None) -> Iterator[Result]: ...


class ExecutorError(Exception):
    """The executor cannot go on (a cluster lost, workers that cannot run quotes);
    ``str()`` is one line naming where and what to check. The run stops, keeping every
    complete article, as on a database error."""


class RecordSink(Protocol):
    """An output receiving every extracted article with its quotes, in input order
    (``quotes.parquet.ParquetDataset``). ``holds`` tells whether an article's text (its
    ``text_hash``) is there already, for resumption; ``flush_if_old`` is called while waiting,
    ``flush`` at the end and on an interruption."""

    def add(self, article: Article, quotes: list[Quote]) -> None: ...

    def holds(self, text_hash: str) -> bool: ...

    def flush_if_old(self) -> None: ...

    def flush(self) -> None: ...


def default_jobs() -> int:
    """The cores this process may use (a container or taskset may allow fewer than exist)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass
class Summary:
    """What a run did, updated as it goes (``on_progress`` receives it)."""

    extracted: int = 0  # articles extracted (and stored/written) by this run
    quotes: int = 0
    speakers: set[str] = field(default_factory=set)
    skipped: int = 0  # articles this extractor version had already stored
    failed: int = 0  # articles, lines or files that could not be read, extracted or stored
    seen: int = 0  # articles met so far, whatever became of them: a progress count
    total: int | None = None  # articles in the input when known (filled in by the caller)
    started: float = field(default_factory=time.monotonic)
    stopped_by: int | None = None  # SIGINT or SIGTERM when a signal stopped the run early
    error: BaseException | None = None  # what else ended the run early (StoreError, OSError writing)
    error_phase: str = ""  # "start", "run" or "finish": where ``error`` happened

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def complete(self) -> bool:
        return self.stopped_by is None and self.error is None


# -- extraction workers (module level so that multiprocessing can pickle them) ---------------
_WORKER: Any = None
_FROZEN = False  # gc.freeze() done in this process


def _init_worker(aliases: dict[str, str], parent: int | None = None) -> None:
    global _WORKER, _FROZEN  # one extractor per process: it holds the morphology cache
    if parent is not None:
        # Ctrl-C reaches the whole process group: the parent alone decides what to keep.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork
        if hasattr(signal, "pthread_sigmask"):  # the parent held them back while starting this worker
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
        _die_with_parent(parent)
    from .extract import Extractor

    _WORKER = Extractor(aliases=aliases)
    if not _FROZEN:
        # The morphology database and lexicons are hundreds of thousands of objects that live as
        # long as the process: out of the collector's reach, its full collections no longer walk
        # them all. Once per process: a long-lived caller (the GUI) that extracts again would
        # otherwise freeze whatever garbage its own work had left by then, for good.
        gc.freeze()
        _FROZEN = True


# An article allocates tens of thousands of short-lived objects and leaves almost no cyclic
# garbage (a few hundred objects over 10,000 articles), while the word caches grow by thousands
# of entries: at the default thresholds the collector keeps walking those caches for nothing,
# 3 % of a bulk run. Fewer collections, the same garbage collected.
_BULK_GC_THRESHOLDS = (50_000, 20, 100)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    held = gc.get_threshold()
    gc.set_threshold(*_BULK_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*held)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _block_stop_signals() -> Any:
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks (and spawn, not fork)
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)


def _restore_signals(held: Any) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


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


def extract_article(extractor: Any, article: Article) -> Extracted:
    """One article through ``extractor`` (a ``quotes.extract.Extractor``): its quotes, or the
    one-line problem. The one extraction function of every executor, local or cluster."""
    try:
        return extractor.extract(article), None
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
        return None, f"{article.doc}: extraction failed ({type(exc).__name__}: {exc}); please report it"


def extract_articles(extractor: Any, articles: Iterable[Article]) -> list[Extracted]:
    """``extract_article`` for each article, in order: what one task of a worker does."""
    return [extract_article(extractor, article) for article in articles]


def _extract_one(article: Article) -> Result:
    return (article, *extract_article(_WORKER, article))


def _extract_chunk(chunk: list[Article]) -> list[Extracted]:
    # The articles stay in the parent: only the results travel back.
    return extract_articles(_WORKER, chunk)


def _worker_main(conn: Connection, aliases: dict[str, str], parent: int,
                 parent_ends: list[Connection] | None = None) -> None:
    # A forked worker inherits the parent's end of its own pipe and of the workers started
    # before it: holding them, it would never read end-of-file when the parent closes its end
    # at the end of a run, and the parent would wait its 2 s for each worker to exit.
    for end in parent_ends or ():
        end.close()
    _init_worker(aliases, parent)
    gc.set_threshold(*_BULK_GC_THRESHOLDS)  # the worker does nothing else
    import queue

    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def receive() -> None:
        # Always reading, so the parent's send never waits for this worker to finish a chunk
        # (both sending a large message to the other at once would be a deadlock).
        try:
            while True:
                inbox.put(conn.recv())
        except (EOFError, OSError):
            inbox.put(None)  # the parent closed the pipe or died: stop

    threading.Thread(target=receive, daemon=True, name="receive").start()
    while (task := inbox.get()) is not None:
        seq, chunk = task
        try:
            conn.send((seq, _extract_chunk(chunk)))
        except (BrokenPipeError, OSError):
            return


def chunks(articles: Iterable[Article], max_articles: int = CHUNK_ARTICLES,
           max_chars: int = CHUNK_CHARS) -> Iterator[list[Article]]:
    """The articles in lists of at most ``max_articles`` (fewer when they reach ``max_chars``)."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += len(article.text)
        if len(chunk) >= max_articles or size >= max_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


@dataclass
class _Worker:
    process: Any
    conn: Connection
    pending: deque[int] = field(default_factory=deque)  # chunk numbers sent, in order


class _Pool:
    """``jobs`` worker processes, each with its own pipe; work items numbered by the caller.

    A worker that dies (killed, out of memory) is replaced at once; the numbers of the items
    it held are added to ``lost`` for the caller to send again.
    """

    def __init__(self, jobs: int, aliases: dict[str, str]) -> None:
        import multiprocessing as mp

        # fork: workers start at once, without importing everything again.
        self.ctx: Any = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self.aliases = aliases
        self.workers: list[_Worker] = []
        try:
            for _ in range(jobs):
                self._start(len(self.workers))
        except BaseException:  # SIGTERM while starting them: no half-started pool left behind
            self.close(finished=False)
            raise
        self.lost: set[int] = set()
        self._retries = 0

    def retry_key(self) -> int:
        """A number for a single article sent again: negative, never a chunk's number."""
        self._retries += 1
        return -self._retries

    def _start(self, slot: int) -> None:
        """Start a worker into ``self.workers[slot]`` (appended when ``slot`` is the length).

        SIGINT and SIGTERM are held back from starting the process until it is in the list: a
        signal in between would otherwise leave a started worker that close() does not know,
        to become a zombie once the main process is gone. The worker unblocks them itself."""
        held = _block_stop_signals()
        try:
            parent_end, child_end = self.ctx.Pipe()
            # Only a forked worker holds copies of the parent's ends (a spawned one gets what it is sent).
            inherited = ([parent_end, *(w.conn for w in self.workers)]
                         if self.ctx.get_start_method() == "fork" else None)
            process = self.ctx.Process(target=_worker_main, args=(child_end, self.aliases, os.getpid(), inherited),
                                       daemon=True, name="quotes-worker")
            process.start()
            worker = _Worker(process, parent_end)
            if slot == len(self.workers):
                self.workers.append(worker)
            else:
                self.workers[slot] = worker
            # Only the worker may hold its end: when it dies, this end reads end-of-file.
            child_end.close()
        finally:
            _restore_signals(held)

    def submit(self, seq: int, chunk: list[Article]) -> None:
        """Send a chunk to the least busy worker."""
        worker = min(self.workers, key=lambda w: len(w.pending))
        worker.pending.append(seq)
        try:
            worker.conn.send((seq, chunk))
        except (OSError, EOFError):  # BrokenPipeError, ConnectionResetError: the worker is gone
            self._replace(worker)

    def collect(self, done: dict[int, Any], timeout: float | None) -> None:
        """Move the results that arrive within ``timeout`` into ``done``."""
        from multiprocessing.connection import wait

        by_handle: dict[Any, _Worker] = {}
        for worker in self.workers:
            if worker.pending:
                by_handle[worker.conn] = worker
                by_handle[worker.process.sentinel] = worker
        if not by_handle:
            return
        for ready in wait(list(by_handle), timeout):
            worker = by_handle[ready]
            if worker not in self.workers or not worker.pending:
                continue  # replaced already, or its result already read
            try:
                if ready is not worker.conn and not worker.conn.poll():
                    raise EOFError  # the process ended with nothing more to say
                seq, results = worker.conn.recv()
            except (EOFError, OSError):
                self._replace(worker)
                continue
            worker.pending.remove(seq)
            done[seq] = results

    def _replace(self, worker: _Worker) -> None:
        self.lost.update(worker.pending)
        self._kill(worker)
        self._start(self.workers.index(worker))

    @staticmethod
    def _kill(worker: _Worker) -> None:
        worker.pending.clear()
        worker.conn.close()
        if worker.process.is_alive():
            worker.process.kill()  # nothing a worker holds is needed once it is given up
        worker.process.join(5)  # reaped: no zombie

    def close(self, *, finished: bool) -> None:
        """Stop every worker: politely after a complete run, at once after an interruption."""
        if finished:
            for worker in self.workers:
                worker.conn.close()  # end-of-file: the worker leaves its loop and exits
            for worker in self.workers:
                worker.process.join(2)
        for worker in self.workers:
            if not worker.conn.closed:
                worker.conn.close()
            self._kill(worker)
        self.workers = []


def extract_stream(articles: Iterable[Article], *, jobs: int, aliases: dict[str, str],
                   on_idle: Callable[[], None] | None = None) -> Iterator[Result]:
    """Extract articles in input order, on ``jobs`` processes; identical output for any ``jobs``.

    At most ``jobs * CHUNKS_IN_FLIGHT_PER_JOB`` chunks are read ahead of the result being
    yielded, whatever the size of the input. ``on_idle`` is called about twice a second
    while waiting for a slow result (the caller commits and redraws then). A worker that dies
    (killed, out of memory) costs no article: its chunks are extracted again one article at
    a time, and only an article that kills a worker twice is reported as failed. An input
    that fits in one chunk is extracted in this process: no worker would have a second chunk.
    """
    if jobs > 1:
        numbered = chunks(articles)
        first = next(numbered, None)
        if first is None:
            return
        second = next(numbered, None)
        if second is not None:
            yield from _parallel(_prepend([first, second], numbered), jobs, aliases, on_idle)
            return
        articles = first
    _init_worker(aliases)
    with _fewer_collections():  # (in this process only: a GUI caller gets its thresholds back)
        for article in articles:
            yield _extract_one(article)


@dataclass
class LocalExecutor:
    """``jobs`` worker processes on this machine (``extract_stream``)."""

    jobs: int

    def options(self) -> dict[str, Any]:
        return {"jobs": self.jobs}

    def stream(self, articles: Iterable[Article], aliases: dict[str, str],
               on_idle: Callable[[], None] | None) -> Iterator[Result]:
        return extract_stream(articles, jobs=self.jobs, aliases=aliases, on_idle=on_idle)


def _prepend(items: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from items
    yield from rest


def _parallel(work: Iterator[list[Article]], jobs: int, aliases: dict[str, str],
              on_idle: Callable[[], None] | None) -> Iterator[Result]:
    pool = _Pool(jobs, aliases)
    in_flight: dict[int, list[Article]] = {}  # chunk number -> its articles, sent and not yielded
    done: dict[int, list[tuple[list[Quote] | None, str | None]]] = {}
    numbered = enumerate(work)
    more = True
    finished = False
    try:
        while True:
            while more and len(in_flight) < jobs * CHUNKS_IN_FLIGHT_PER_JOB:
                item = next(numbered, None)
                if item is None:
                    more = False
                    break
                seq, chunk = item
                in_flight[seq] = chunk
                pool.submit(seq, chunk)
            if not in_flight:
                finished = True
                return
            head = min(in_flight)
            while head not in done:
                _retry_lost(pool, in_flight, done, on_idle)
                if head in done:
                    break
                pool.collect(done, IDLE_SECONDS if on_idle else None)
                if head not in done and not pool.lost and on_idle is not None:
                    on_idle()
            chunk = in_flight.pop(head)
            for article, (quotes, problem) in zip(chunk, done.pop(head), strict=True):
                yield article, quotes, problem
    finally:
        pool.close(finished=finished)


def _retry_lost(pool: _Pool, in_flight: dict[int, list[Article]], done: dict[int, Any],
                on_idle: Callable[[], None] | None) -> None:
    """Extract the chunks a dead worker held again, one article at a time: which article
    killed it is unknown, and only that one should be lost."""
    for seq in sorted(s for s in pool.lost if s >= 0):
        pool.lost.discard(seq)
        done[seq] = [_retry_one(pool, article, in_flight, done, on_idle) for article in in_flight[seq]]


def _retry_one(pool: _Pool, article: Article, in_flight: dict[int, list[Article]], done: dict[int, Any],
               on_idle: Callable[[], None] | None) -> tuple[list[Quote] | None, str | None]:
    deaths = 0
    key: int | None = None
    while True:
        if key is None:
            if deaths == 2:
                return None, (f"{article.doc}: the worker process died extracting it twice "
                              "(out of memory?); split the article or run it alone with -j 1")
            key = pool.retry_key()
            pool.submit(key, [article])
        if key in pool.lost:  # its worker died too
            pool.lost.discard(key)
            deaths += 1
            key = None
            continue
        if key in done:
            (result,) = done.pop(key)
            return result  # type: ignore[no-any-return]
        _retry_lost(pool, in_flight, done, on_idle)  # chunks of another worker that died meanwhile
        pool.collect(done, IDLE_SECONDS if on_idle else None)
        if key not in done and key not in pool.lost and on_idle is not None:
            on_idle()


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

    def save_what_is_done(self) -> None:
        """On an interruption: commit the articles already extracted (each whole, or not at all)."""
        from .store import StoreError

        try:
            self.flush()
        except (StoreError, KeyboardInterrupt, Stopped):
            pass  # the transaction was rolled back: those articles are extracted again next time


class _ErrorSink(list):  # type: ignore[type-arg]
    """The ``errors`` list for iter_articles: reports each input problem as it is met and keeps
    only a count, so a corpus with a million bad lines does not fill the memory."""

    def __init__(self, report: Callable[[SourceError], None]) -> None:
        super().__init__()
        self.report = report
        self.reported = 0

    def append(self, error: SourceError) -> None:  # type: ignore[override]
        self.reported += 1
        self.report(error)


# -- signals ---------------------------------------------------------------------------------


class Stopped(BaseException):
    """SIGTERM in the main process: stop like Ctrl-C, keeping every complete article.
    A BaseException, like KeyboardInterrupt, so no ``except Exception`` swallows it."""

    def __init__(self, signum: int = signal.SIGTERM) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_stopped(signum: int, _frame: Any) -> None:
    raise Stopped(signum)


class stop_on_sigterm:  # noqa: N801 - used like a function: ``with stop_on_sigterm():``
    """Within the block, SIGTERM raises ``Stopped`` (in the main thread; elsewhere a no-op)."""

    def __enter__(self) -> stop_on_sigterm:
        self.previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, _raise_stopped)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)


# -- the run ---------------------------------------------------------------------------------


def run_extraction(inputs: Iterable[str | os.PathLike[str]] | Iterable[Article], *,
                   store: Store | None = None, jsonl: Writable | None = None, jobs: int = 0,
                   force: bool = False, max_bytes: int = MAX_BYTES, stdin_name: str = STDIN_DOC,
                   on_progress: Callable[[Summary], None] | None = None,
                   on_error: Callable[[str], None] | None = None,
                   executor: Executor | None = None, sink: RecordSink | None = None) -> Summary:
    """Extract the quotes of ``inputs`` into ``store`` and/or ``jsonl``; never raises for a bad input.

    ``inputs`` are paths (files, folders, "-" for standard input; see ``sources.iter_articles``)
    or ``Article`` objects. With a ``store`` every article is saved with its quotes in one
    transaction (several per commit), skipping the ones this extractor version stored already
    unless ``force``; its reviewer aliases reach the extractor. ``jsonl`` receives one JSON
    object a line per quote, in input order. ``jobs`` worker processes (0: every core this
    process may use); the output is the same for any number. ``max_bytes`` caps what one
    input (a file, a JSON Lines record, standard input) may hold in memory; ``stdin_name`` is
    the doc of an article read from standard input. ``executor`` extracts elsewhere (a Dask
    cluster: ``quotes.cluster.ClusterExecutor``) instead of ``jobs`` local processes; ``sink``
    receives every extracted article with its quotes (``quotes.parquet.ParquetDataset``).
    An article is skipped (unless ``force``) when every resumable output given, ``store`` and
    ``sink``, holds this version's extraction of it.

    ``on_error`` receives one line per problem (unreadable input, bad JSONL line, extraction
    or storing failure); the run goes on. ``on_progress`` receives the ``Summary`` after every
    article and about twice a second while waiting. SIGINT and SIGTERM stop the run, keeping
    every complete article: the summary's ``stopped_by`` says which. A database or output error
    also stops it: ``error`` holds the exception (``BrokenPipeError``, ``OSError`` from
    ``jsonl.write``, ``StoreError``) and ``error_phase`` when it happened.
    """
    summary = Summary()
    executor = executor or LocalExecutor(jobs if jobs > 0 else default_jobs())
    notify = on_progress or (lambda _summary: None)
    report = on_error or (lambda _message: None)

    def source_error(error: SourceError) -> None:
        report(str(error))
        summary.failed += 1
        summary.seen += 1 if error.line is not None else 0  # a bad line was an article; a bad file was not
        notify(summary)

    def invalid(message: str) -> None:
        report(message)
        summary.failed += 1
        notify(summary)

    articles = _articles(inputs, _ErrorSink(source_error), max_bytes, stdin_name)
    writer: _BatchWriter | None = None
    aliases: dict[str, str] = {}
    if store is not None:
        from .store import StoreError

        try:
            # Reviewer aliases only: an article's suggestions must not depend on which other
            # articles happen to be stored (see Store.reviewer_alias_map).
            aliases = store.reviewer_alias_map()
            run_id = store.start_run(__version__, {**executor.options(), "paths": _paths(inputs), "force": force})
        except StoreError as exc:
            summary.error, summary.error_phase = exc, "start"
            return summary
        writer = _BatchWriter(store, run_id, __version__, invalid)
    if not force and (store is not None or sink is not None):
        articles = _unstored(articles, store, sink, summary, notify)

    def idle() -> None:
        if writer is not None:
            writer.flush_if_old()
        if sink is not None:
            sink.flush_if_old()
        notify(summary)

    with stop_on_sigterm():
        _run(articles, summary, _Outputs(writer, jsonl, sink), executor, aliases, idle, report, notify)
    if store is not None and writer is not None and summary.complete:
        from .store import StoreError

        try:
            store.finish_run(writer.run_id, summary.extracted, summary.quotes)
        except StoreError as exc:
            summary.error, summary.error_phase = exc, "finish"
    return summary


@dataclass
class _Outputs:
    """Where a run writes each extracted article: the database, JSON Lines, a record sink."""

    writer: _BatchWriter | None
    jsonl: Writable | None
    sink: RecordSink | None

    def add(self, article: Article, quotes: list[Quote]) -> None:
        if self.writer is not None:
            self.writer.add(article, quotes)
        if self.jsonl is not None:
            self.jsonl.write("".join(q.json_line() for q in quotes))
        if self.sink is not None:
            self.sink.add(article, quotes)

    def flush(self) -> None:
        if self.writer is not None:
            self.writer.flush()
        if self.sink is not None:
            self.sink.flush()

    def save_what_is_done(self) -> None:
        """On an interruption or an error: keep every complete article each output can keep."""
        if self.writer is not None:
            self.writer.save_what_is_done()
        if self.sink is not None:
            with contextlib.suppress(OSError, KeyboardInterrupt, Stopped):
                self.sink.flush()  # not written: those articles are extracted again next time


def _run(articles: Iterable[Article], summary: Summary, outputs: _Outputs, executor: Executor,
         aliases: dict[str, str], idle: Callable[[], None], report: Callable[[str], None],
         notify: Callable[[Summary], None]) -> None:
    try:
        for article, quotes, problem in executor.stream(articles, aliases, idle):
            summary.seen += 1
            if problem is not None or quotes is None:
                report(problem or f"{article.doc}: extraction failed; please report it")
                summary.failed += 1
                notify(summary)
                continue
            outputs.add(article, quotes)
            summary.extracted += 1
            summary.quotes += len(quotes)
            summary.speakers.update(q.speaker for q in quotes if q.speaker)
            notify(summary)
        outputs.flush()
    except (KeyboardInterrupt, Stopped) as stop:
        summary.stopped_by = stop.signum if isinstance(stop, Stopped) else signal.SIGINT
        outputs.save_what_is_done()
    except (OSError, ExecutorError) as exc:  # writing jsonl or parquet (a closed pipe, a full disk), a cluster lost
        summary.error, summary.error_phase = exc, "run"
        outputs.save_what_is_done()
    except Exception as exc:
        if outputs.writer is None or not _is_store_error(exc):
            raise
        summary.error, summary.error_phase = exc, "run"


def _is_store_error(exc: Exception) -> bool:
    from .store import StoreError  # only asked with a store open: the module is loaded already

    return isinstance(exc, StoreError)


def _articles(inputs: Iterable[Any], errors: list[SourceError], max_bytes: int,
              stdin_name: str) -> Iterator[Article]:
    items = iter(inputs)
    first = next(items, None)
    if first is None:
        return
    if isinstance(first, Article):
        yield first
        yield from items
    else:
        yield from iter_articles(_prepend([first], items), errors=errors, max_bytes=max_bytes,
                                 stdin_name=stdin_name)


def _paths(inputs: Iterable[Any]) -> list[str] | None:
    """The paths to record with the run; None when articles were given (they may be a stream)."""
    if isinstance(inputs, list | tuple) and all(isinstance(i, str | os.PathLike) for i in inputs):
        return [os.fspath(i) for i in inputs]
    return None


def _unstored(articles: Iterable[Article], store: Store | None, sink: RecordSink | None, summary: Summary,
              notify: Callable[[Summary], None]) -> Iterator[Article]:
    from .store import text_hash

    for article in articles:
        digest = text_hash(article.text)
        if (store is None or store.extracted_version(digest) == __version__) and \
                (sink is None or sink.holds(digest)):
            summary.skipped += 1
            summary.seen += 1
            notify(summary)
            continue
        yield article
