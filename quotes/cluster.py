"""Extraction on a Dask cluster: ``quotes extract PATH... --cluster ADDRESS``.

The client (this process) reads the articles as a stream and submits them in batches
(hundreds of articles a task) to the cluster's workers, which run the same pure function as
``-j`` (``bulk.extract_articles``); the results come back as they complete and are handed to
the run in input order, so the database, JSON Lines and Parquet outputs are the same as a
local ``-j 1`` run's whatever the number of workers, and the client stays the one writer.

* Flat memory: at most ``batches_per_thread`` batches per worker thread are submitted and not
  yet written (completed ones wait for the batches before them), whatever the corpus size.
* Start-up once per worker: a worker plugin builds the ``Extractor`` (morphology database,
  lexicons, word classes) when it is registered on a worker, and again only on a worker that
  joins or restarts; every batch on that worker uses it. Threads of one worker share it, one
  at a time (extraction is pure Python: threads would not run it faster anyway).
* A worker killed mid-batch: the scheduler runs its batches again on another worker; the
  client writes each batch once, when its result arrives, so nothing is stored twice. A batch
  that keeps killing workers (``KilledWorker``) is split and its articles sent one per task:
  only one that kills workers again, twice (Dask counts the tasks queued on a dying worker
  too), is reported, as ``-j`` reports it. The second chances go one at a time, so that an
  article that only queued behind the killer is not queued behind it once more.
* The articles travel inside the tasks, from the client through the scheduler to a worker:
  only the client needs to read the input, and only the results travel back.

ADDRESS is a scheduler's (``tcp://host:8786``) or ``local[:N]``: a ``LocalCluster`` of N
worker processes (default: every core) started by the client and closed at the end.

This module imports Dask at once: import it only for a cluster run (the base install has no
Dask; the CLI says what to install).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import importlib.util
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

try:
    import distributed
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as exc:  # the base install: the CLI turns this into one line
    raise ImportError("--cluster needs Dask: pip install 'quotes[cluster]'") from exc

from . import __version__
from .bulk import ExecutorError, Extracted, Result, chunks, default_jobs, extract_articles
from .records import Article

# Articles a task: enough that the scheduler's round trip (a few milliseconds) is lost in the
# extraction (about a millisecond an article), few enough to spread a corpus over the workers.
BATCH_ARTICLES = 500
BATCH_CHARS = 8 << 20  # a batch travels through the scheduler: keep its message modest
# Batches submitted and not yet written, per worker thread: one running, one queued on the
# worker, so no worker waits for the client between two batches.
BATCHES_PER_THREAD = 2
IDLE_SECONDS = 0.5
CONNECT_SECONDS = 10.0
THREADS_REFRESH_SECONDS = 2.0  # how often the client asks how many worker threads there are


class ClusterError(ExecutorError):
    """The cluster cannot be reached or cannot run quotes; ``str()`` is one line naming the
    address and what to check."""


# -- the worker side ------------------------------------------------------------------------


class ExtractorPlugin(WorkerPlugin):
    """Builds one ``Extractor`` per worker process, when the worker starts (or joins later),
    for every batch of a run to use."""

    def __init__(self, aliases: dict[str, str]) -> None:
        self.aliases = aliases
        self.extractor: Any = None
        self.lock = threading.Lock()

    def setup(self, worker: Any) -> None:
        from .extract import Extractor

        self.extractor = Extractor(aliases=self.aliases)
        _ = self.extractor.word_classes  # loaded now, not in the first batch

    def teardown(self, worker: Any) -> None:
        self.extractor = None

    def __getstate__(self) -> dict[str, Any]:
        return {"aliases": self.aliases}  # a lock and an extractor do not travel

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["aliases"])  # type: ignore[misc]


def extract_batch(plugin_name: str, articles: list[Article]) -> tuple[list[Extracted], float, str]:
    """One task: the batch's results, the seconds spent extracting, and this worker's quotes
    version (the client checks it: workers must extract as the client would)."""
    plugin = distributed.get_worker().plugins.get(plugin_name)
    if not isinstance(plugin, ExtractorPlugin) or plugin.extractor is None:
        raise RuntimeError(f"the quotes worker plugin {plugin_name} is not set up on this worker")
    started = time.perf_counter()
    with plugin.lock:
        results = extract_articles(plugin.extractor, articles)
    return results, time.perf_counter() - started, __version__


# -- the client side ------------------------------------------------------------------------


@dataclass
class _Batch:
    """A batch submitted and not yet handed to the run: its articles stay in the client."""

    articles: list[Article]
    futures: list[Any]  # one for the batch, or one per article once the batch killed workers
    split: bool = False
    results: list[Extracted] | None = None
    done: list[Extracted | None] = field(default_factory=list)  # per article, once split
    again: set[int] = field(default_factory=set)  # articles given a second chance
    # second chances not yet sent: they go one at a time, so that an article that only queued
    # behind the killer cannot queue behind it again
    waiting_again: list[int] = field(default_factory=list)


@dataclass
class ClusterStats:
    """What the cluster did, for the progress line, the summary and the benchmark."""

    workers: int = 0  # worker processes connected (last known)
    threads: int = 0  # their threads
    in_flight: int = 0  # batches submitted and not yet handed to the run
    batches: int = 0  # batches (and split articles) completed
    worker_seconds: float = 0.0  # time the workers spent extracting
    resubmitted: int = 0  # batches split after killing workers
    started: float = field(default_factory=time.monotonic)


class ClusterExecutor:
    """A ``bulk.Executor`` on a Dask cluster; see the module docstring.

    ``start()`` connects (or starts a LocalCluster) and raises ClusterError with one line when
    it cannot; ``close()`` disconnects (and stops a LocalCluster it started).
    """

    def __init__(self, address: str, *, batch_articles: int = BATCH_ARTICLES, batch_chars: int = BATCH_CHARS,
                 batches_per_thread: int = BATCHES_PER_THREAD, connect_timeout: float = CONNECT_SECONDS,
                 dashboard: bool = True) -> None:
        self.address = address
        self.batch_articles = max(1, batch_articles)
        self.batch_chars = batch_chars
        self.batches_per_thread = max(1, batches_per_thread)
        self.connect_timeout = connect_timeout
        self.dashboard = dashboard
        self.stats = ClusterStats()
        self.client: Any = None
        self._cluster: Any = None
        self._threads_checked = 0.0

    # -- connecting

    def start(self) -> ClusterExecutor:
        local = parse_local(self.address)
        try:
            if local is not None:
                self._cluster = distributed.LocalCluster(
                    n_workers=local, threads_per_worker=1, processes=True,
                    # Any free port: 8787 may be another cluster's on this machine (printed at start).
                    dashboard_address=":0" if self.dashboard else None)
                self.client = distributed.Client(self._cluster, timeout=self.connect_timeout)
            else:
                self.client = distributed.Client(self.address, timeout=self.connect_timeout)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ClusterError(
                f"{self.address}: no Dask scheduler answered within {self.connect_timeout:g} s ({_reason(exc)}); "
                "check the address and port, that `dask scheduler` runs there, and that no firewall blocks it"
            ) from exc
        except ValueError as exc:
            self.close()
            raise ClusterError(f"{self.address}: not a scheduler address ({exc}); give tcp://HOST:PORT "
                               "or local[:N]") from exc
        except Exception as exc:  # noqa: BLE001 - a LocalCluster whose worker processes did not start
            self.close()
            raise ClusterError(
                f"{self.address}: the Dask cluster did not start ({_reason(exc)}); worker processes must be able to "
                "start here (memory, process limits; from Python, a script file with an "
                "`if __name__ == '__main__':` guard)") from exc
        self._refresh_threads(force=True)
        return self

    @property
    def dashboard_link(self) -> str | None:
        """The dashboard's address, or None when the scheduler serves none."""
        if self.client is None:
            return None
        with contextlib.suppress(Exception):
            try:
                info = self.client.scheduler_info(n_workers=0)  # no list of the workers: it may be long
            except TypeError:  # distributed before 2025 has no n_workers
                info = self.client.scheduler_info()
            if "dashboard" in (info.get("services") or {}):
                return str(self.client.dashboard_link)
        return None

    @property
    def dashboard_note(self) -> str:
        """The dashboard for the start-up line: its address, and what it needs if it cannot show."""
        link = self.dashboard_link
        if link is None:
            return "no dashboard"
        if self._cluster is not None and importlib.util.find_spec("bokeh") is None:
            return f"dashboard {link} (needs bokeh: pip install bokeh)"
        return f"dashboard {link}"

    def options(self) -> dict[str, Any]:
        return {"cluster": self.address, "batch": self.batch_articles}

    def close(self) -> None:
        client, cluster = self.client, self._cluster
        self.client = self._cluster = None
        with contextlib.suppress(Exception):
            if client is not None:
                client.close(timeout=5)
        with contextlib.suppress(Exception):
            if cluster is not None:
                cluster.close(timeout=5)

    def __enter__(self) -> ClusterExecutor:
        return self.start() if self.client is None else self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- running

    def stream(self, articles: Iterable[Article], aliases: dict[str, str],
               on_idle: Callable[[], None] | None) -> Iterator[Result]:
        """The results of ``articles`` in input order, extracted on the cluster (``bulk.Executor``)."""
        if self.client is None:
            self.start()
        client = self.client
        plugin_name = f"quotes-extractor-{uuid.uuid4().hex[:12]}"  # one per run: runs may share a cluster
        try:
            client.register_plugin(ExtractorPlugin(aliases), name=plugin_name)
        except Exception as exc:  # noqa: BLE001 - whatever the workers raised: one line
            raise self._cannot_run(exc) from exc
        batches = enumerate(chunks(articles, self.batch_articles, self.batch_chars))
        waiting: dict[int, _Batch] = {}
        head = 0
        more = True
        try:
            while True:
                while more and len(waiting) < self._window():
                    item = next(batches, None)
                    if item is None:
                        more = False
                        break
                    seq, batch = item
                    waiting[seq] = _Batch(batch, [self._submit(plugin_name, batch, seq)])
                    self.stats.in_flight = len(waiting)
                if not waiting:
                    return
                if waiting[head].results is None:
                    self._collect(waiting, plugin_name, on_idle)
                    continue
                done = waiting.pop(head)
                head += 1
                self.stats.in_flight = len(waiting)
                assert done.results is not None
                for article, (quotes, problem) in zip(done.articles, done.results, strict=True):
                    yield article, quotes, problem
        finally:
            pending = [f for b in waiting.values() for f in b.futures]
            with contextlib.suppress(Exception):
                if pending:
                    client.cancel(pending)
            with contextlib.suppress(Exception):
                client.unregister_worker_plugin(plugin_name)
            self.stats.in_flight = 0

    def _submit(self, plugin_name: str, articles: list[Article], seq: int, part: int | str | None = None) -> Any:
        key = f"quotes-batch-{plugin_name[-12:]}-{seq}" + (f"-{part}" if part is not None else "")
        return self.client.submit(extract_batch, plugin_name, articles, key=key, pure=False)

    def _window(self) -> int:
        self._refresh_threads()
        return max(2, self.batches_per_thread * self.stats.threads)

    def _refresh_threads(self, *, force: bool = False) -> None:
        if not force and time.monotonic() - self._threads_checked < THREADS_REFRESH_SECONDS:
            return
        self._threads_checked = time.monotonic()
        with contextlib.suppress(Exception):
            threads = self.client.nthreads()
            self.stats.workers, self.stats.threads = len(threads), sum(threads.values())

    def _collect(self, waiting: dict[int, _Batch], plugin_name: str, on_idle: Callable[[], None] | None) -> None:
        """Wait (at most IDLE_SECONDS) for any batch to complete and take in every completed one."""
        futures = [f for b in waiting.values() if b.results is None for f in b.futures if not f.done()]
        if futures:
            try:
                distributed.wait(futures, timeout=IDLE_SECONDS, return_when="FIRST_COMPLETED")
            except TimeoutError:
                self._refresh_threads()
                if on_idle is not None:
                    on_idle()
                return
            except (Exception, asyncio.CancelledError) as exc:  # FuturesCancelledError: the scheduler lost
                raise self._cannot_run(exc) from exc
        for seq, batch in waiting.items():
            if batch.results is None and all(f.done() for f in batch.futures):
                self._take(seq, batch, plugin_name)

    def _take(self, seq: int, batch: _Batch, plugin_name: str) -> None:
        if not batch.split:
            try:
                results, seconds, version = batch.futures[0].result()
            except distributed.KilledWorker:
                # Which article killed the workers is unknown: send each alone, so only that one is lost.
                batch.split = True
                batch.futures = [self._submit(plugin_name, [a], seq, i) for i, a in enumerate(batch.articles)]
                batch.done = [None] * len(batch.articles)
                self.stats.resubmitted += 1
                return
            except (Exception, asyncio.CancelledError) as exc:  # a lost scheduler, a worker without quotes
                raise self._cannot_run(exc) from exc
            self._check_version(version)
            self.stats.batches += 1
            self.stats.worker_seconds += seconds
            batch.results = results
            return
        for i, (article, future) in enumerate(zip(batch.articles, batch.futures, strict=True)):
            if batch.done[i] is not None or i in batch.waiting_again:
                continue
            try:
                (result,), seconds, version = future.result()
            except distributed.KilledWorker:
                if i not in batch.again:
                    # Dask also counts the tasks waiting on a worker when it dies: this article may
                    # only have queued behind the one that killed the workers. One more chance.
                    batch.again.add(i)
                    batch.waiting_again.append(i)
                    continue
                result = (None, f"{article.doc}: the worker process died extracting it, on every worker it was "
                                "sent to (out of memory?); split the article or run it alone with -j 1")
                seconds, version = 0.0, __version__
            except (Exception, asyncio.CancelledError) as exc:
                raise self._cannot_run(exc) from exc
            self._check_version(version)
            self.stats.batches += 1
            self.stats.worker_seconds += seconds
            batch.done[i] = result
        if batch.waiting_again:
            # every future of the batch is done here (see _collect): the next second chance goes alone
            i = batch.waiting_again.pop(0)
            batch.futures[i] = self._submit(plugin_name, [batch.articles[i]], seq, f"{i}-again")
        elif all(result is not None for result in batch.done):
            batch.results = [result for result in batch.done if result is not None]

    def _check_version(self, version: str) -> None:
        if version != __version__:
            raise ClusterError(f"{self.address}: a worker runs quotes {version}, this client {__version__}; install "
                               "the same version of quotes on every worker")

    def _cannot_run(self, exc: BaseException) -> ClusterError:
        if isinstance(exc, concurrent.futures.CancelledError | asyncio.CancelledError):
            # Dask cancels every task when the client cannot reconnect: its message lists them all.
            return ClusterError(f"{self.address}: lost the Dask scheduler (no answer since the connection closed); "
                                "check that it still runs and is reachable")
        if isinstance(exc, OSError | TimeoutError) or type(exc).__name__ == "CommClosedError":
            return ClusterError(f"{self.address}: lost the Dask scheduler ({_reason(exc)}); check that it still "
                                "runs and is reachable")
        # The scheduler unpickles the tasks too: it needs quotes as much as the workers do.
        return ClusterError(f"{self.address}: the cluster cannot run quotes ({_reason(exc)}); install quotes "
                            f"{__version__} with its cluster extra where the scheduler and every worker run "
                            "(pip install 'quotes[cluster]')")


def parse_local(address: str) -> int | None:
    """N for ``local`` or ``local:N`` (every core for ``local``), None for any other address."""
    if address == "local":
        return default_jobs()
    if not address.startswith("local:"):
        return None
    text = address.removeprefix("local:")
    if not text.isdigit() or int(text) < 1:
        raise ClusterError(f"{address}: give local:N with N worker processes, at least 1 (or local for one per core)")
    return int(text)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 160:
        text = text[:157] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

