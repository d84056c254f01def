"""The `quotes` command: bulk extraction, export, evaluation, and the review app.

A thin shell over the library: every command parses its options, calls the library, and
turns the errors a user can cause into one line on standard error naming the file and
what to do. The exit status is 0 when everything succeeded, 1 when some input failed
(the rest was still processed), 2 when the command could not run at all.

Bulk extraction (``quotes extract``) runs ``quotes.bulk.run_extraction``: streaming,
parallel, deterministic, resumable and batched (see that module); with ``--cluster`` on a Dask
cluster (``quotes.cluster``), with ``--parquet`` into Parquet datasets (``quotes.parquet``).
Neither Dask nor pyarrow is imported unless those options are given: they are an optional
extra, ``pip install 'quotes[cluster]'``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__
from .bulk import Stopped, Summary, default_jobs, run_extraction, stop_on_sigterm
from .output import OutputFile
from .sources import MAX_BYTES, STDIN_DOC, SourceError, count_articles, iter_articles

if TYPE_CHECKING:
    from collections.abc import Callable

    from .cluster import ClusterExecutor
    from .parquet import ParquetDataset
    from .store import Store



def default_db() -> Path:
    """The database used when no --db is given: the same one from any folder.

    Inside this project's checkout (the folder holding ``quotes/`` and ``pyproject.toml``, or
    any folder below it): its ``db/quotes.db``, where ``make review`` puts it. Anywhere else: a
    per-user data folder, ``$XDG_DATA_HOME/quotes/quotes.db`` (``~/.local/share/quotes`` by
    default; ``%APPDATA%\\quotes`` on Windows, ``~/Library/Application Support/quotes`` on
    macOS). A relative ``db/quotes.db`` meant a different database in every folder.
    """
    repo = Path(__file__).resolve().parent.parent
    if (repo / "pyproject.toml").is_file() and (repo / "db").is_dir():
        with contextlib.suppress(OSError):
            here = Path.cwd().resolve()
            if here == repo or repo in here.parents:
                return repo / "db" / "quotes.db"
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "quotes" / "quotes.db"


DEFAULT_DB = str(default_db())


def _err(message: str) -> None:
    click.echo(f"quotes: {message}", err=True)


# -- progress --------------------------------------------------------------------------------


class _Progress:
    """A tqdm bar on a terminal, plain lines every few seconds with --progress, else nothing.

    The total is counted in a background thread (a 10,000-article .jsonl.gz takes ~0.2 s to
    count) and appears, with the time left, when known; standard input has none.
    """

    def __init__(self, mode: str | None, paths: tuple[str, ...],
                 extra: Callable[[], dict[str, int]] | None = None) -> None:
        self.mode = mode
        self.extra = extra  # more figures to show (a cluster's workers and batches in flight)
        self.total: int | None = None
        self.summary = Summary()
        self._last_line = time.monotonic()  # the first line after a few seconds, with a fair rate
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

    def report(self, message: str) -> None:
        self.write(f"quotes: {message}")

    def show(self, summary: Summary) -> None:
        self.summary = summary
        if self.mode is None:
            return
        if self._paths is not None:
            # Counted from the first article on: by then the worker processes are started.
            threading.Thread(target=self._count, args=(self._paths,), daemon=True, name="count-articles").start()
            self._paths = None
        if self._bar is not None:
            if self.total is not None and self._bar.total != self.total:
                self._bar.total = max(self.total, summary.seen)
            self._bar.n = summary.seen
            self._bar.set_postfix(quotes=summary.quotes, skipped=summary.skipped, failed=summary.failed,
                                  **(self.extra() if self.extra else {}), refresh=False)
            self._bar.update(0)  # redraws at most every tqdm mininterval
        elif self.mode == "lines" and time.monotonic() - self._last_line >= 2.0:
            self._last_line = time.monotonic()
            click.echo(self.line(), err=True)

    def line(self) -> str:
        s = self.summary
        secs = s.seconds
        rate = s.seen / secs if secs > 0 else 0.0
        done = f"{s.seen}/{self.total}" if self.total else f"{s.seen}"
        left = ""
        if self.total and rate > 0 and self.total > s.seen:
            left = f", {(self.total - s.seen) / rate:.0f} s left"
        more = "".join(f", {value} {name.replace('_', ' ')}" for name, value in (self.extra() if self.extra else {}).items())
        return f"{done} articles, {s.quotes} quotes, {rate:.0f} articles/s{more}{left}"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.total = self.summary.seen  # done: whatever was estimated, this is all there was
            self._bar.n = self.summary.seen
            self._bar.refresh()
            self._bar.close()


# -- commands --------------------------------------------------------------------------------


@click.group()
@click.version_option(__version__, prog_name="quotes")
def main() -> None:
    """Who said what in Arabic news: extract, review and cite reported statements."""


EXTRACT_HELP = """Extract the quotations of PATH... (.txt, .jsonl, .jsonl.gz, .html, folders, or - for stdin).

\b
With --db (the default without --jsonl or --parquet) every article is stored with its
suggestions in one transaction. Running the same command again, e.g. after an
interruption, skips the articles this version of the extractor already stored and
finishes the rest; articles stored by an older version are extracted again (reviewed
quotes and their decisions are never changed). Skipped articles write no --jsonl lines:
use --force to extract and write everything again. A --jsonl FILE is written under a
temporary name and appears, whole, when the run ends; a FIFO, terminal or other device is
written to as the run goes, and a symbolic link's target is written. Only regular files
are read: a FIFO or device among PATH is skipped with a message.

\b
--parquet DIR writes DIR/quotes/ and DIR/documents/, Parquet datasets that DuckDB, pandas
and Spark read; a run on the same DIR again skips what it holds and adds the rest.
--cluster ADDRESS extracts on a Dask cluster: tcp://HOST:8786 (a `dask scheduler`), or
local[:N] for N worker processes on this machine; the output is the same as with -j 1.
Both need the cluster extra: pip install 'quotes[cluster]'.

\b
Exit status: 0 all went well, 1 some inputs failed (the rest was processed), 2 the command
could not run (e.g. an unusable --db file).
"""


@main.command(help=EXTRACT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=None,
              help=f"SQLite database to store into (default {DEFAULT_DB} unless --jsonl or --parquet is given).")
@click.option("--jsonl", "jsonl_out", default=None, help="Write one JSON object per quote to FILE, or - for standard output.")
@click.option("--parquet", "parquet_dir", default=None, metavar="DIR",
              help="Write Parquet datasets DIR/quotes/ and DIR/documents/ (needs quotes[cluster]).")
@click.option("-j", "--jobs", type=int, default=0, help="Worker processes (default: all cores).")
@click.option("--cluster", "cluster_address", default=None, metavar="ADDRESS",
              help="Extract on a Dask cluster: tcp://HOST:PORT, or local[:N] worker processes (needs quotes[cluster]).")
@click.option("--batch", "batch_articles", type=click.IntRange(min=1), default=None, metavar="N",
              help="Articles per cluster task (with --cluster; default 500).")
@click.option("--connect-timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True, metavar="SECONDS",
              help="How long to wait for the --cluster scheduler.")
@click.option("--force", is_flag=True, help="Extract again the articles already stored by this version.")
@click.option("--name", "stdin_name", default=STDIN_DOC, show_default=True,
              help="The doc name of an article read from standard input (JSONL records without an id: NAME:LINE).")
@click.option("--max-bytes", type=str, default=None, callback=lambda _c, _p, v: _parse_size(v), metavar="SIZE",
              help=f"The most one file, JSON Lines record or standard input may hold, e.g. 200M or 2G "
                   f"(default {MAX_BYTES >> 20}M); larger ones are skipped with an error.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary (errors are still printed).")
@click.option("--progress", "progress_lines", is_flag=True,
              help="Progress lines and the summary even when standard error is not a terminal.")
def extract(paths: tuple[str, ...], db_path: str | None, jsonl_out: str | None, parquet_dir: str | None, jobs: int,
            cluster_address: str | None, batch_articles: int | None, connect_timeout: float, force: bool,
            stdin_name: str, max_bytes: int, quiet: bool, progress_lines: bool) -> None:
    if db_path is None and jsonl_out is None and parquet_dir is None:
        db_path = _default_db_ready()
    if cluster_address is not None and jobs:
        _err(f"-j {jobs} sets local worker processes; with --cluster give local:{jobs}, or add workers to the cluster")
        sys.exit(2)
    if batch_articles is not None and cluster_address is None:
        _err("--batch sets the articles per cluster task; give --cluster too, or leave --batch out")
        sys.exit(2)
    mode = _progress_mode(quiet, progress_lines)
    # The optional extra first: a missing one is said before any file is touched.
    cluster_module = _extra("quotes.cluster") if cluster_address is not None else None
    parquet_module = _extra("quotes.parquet") if parquet_dir is not None else None
    out = _open_jsonl(jsonl_out) if jsonl_out else None
    store = _open_store(db_path, out) if db_path is not None else None
    sink: ParquetDataset | None = None
    executor: ClusterExecutor | None = None
    try:
        if parquet_module is not None:
            try:
                sink = parquet_module.ParquetDataset.open(parquet_dir, force=force)
            except parquet_module.ParquetError as exc:
                _give_up(str(exc), out, store)
        if cluster_module is not None and cluster_address is not None:
            executor = _start_cluster(cluster_module, cluster_address, batch_articles, connect_timeout, out, store)
            if mode is not None:
                click.echo(f"quotes: cluster {cluster_address}: {executor.stats.workers} workers, "
                           f"{executor.dashboard_note}", err=True)
        progress = _Progress(mode, paths, _cluster_figures(executor) if executor is not None else None)
        status, message, summary = _extract_run(paths, store, out, sink, executor, jobs, force, max_bytes,
                                                stdin_name, progress, jsonl_out, parquet_dir)
    finally:
        if executor is not None:
            executor.close()
        if sink is not None:
            sink.close()
    if out is not None and status:
        out.discard()
    if store is not None:
        store.close()
    _stop_if(status, message)
    if mode is not None:
        _print_summary(summary, db_path, parquet_dir, executor)
    sys.exit(1 if summary.failed else 0)


_INTERRUPTED = "interrupted: every article stored so far is complete; run the same command again to finish"


def _stop_if(status: int, message: str) -> None:
    """Print a run's closing message, and exit when the run did not end well."""
    if message:
        _err(message)
    if status:
        sys.exit(status)


def _signal_status(stop: BaseException) -> int:
    """The exit status of a run stopped by SIGTERM (143) or Ctrl-C (130)."""
    return 143 if isinstance(stop, Stopped) else 130


def _extract_run(paths: tuple[str, ...], store: Store | None, out: OutputFile | None, sink: ParquetDataset | None,
                 executor: ClusterExecutor | None, jobs: int, force: bool, max_bytes: int, stdin_name: str,
                 progress: _Progress, jsonl_out: str | None, parquet_dir: str | None) -> tuple[int, str, Summary]:
    """The run and how it ended: (exit status, closing message, summary)."""
    summary = Summary()
    try:
        summary = run_extraction(paths, store=store, jsonl=out, jobs=jobs or default_jobs(), force=force,
                                 max_bytes=max_bytes, stdin_name=stdin_name, on_progress=progress.show,
                                 on_error=progress.report, executor=executor, sink=sink)
        status, message = _outcome(summary, store is not None, jsonl_out, parquet_dir)
        if out is not None and not status:
            with stop_on_sigterm():
                out.commit()
    except OSError as exc:  # --jsonl's rename at the end
        status, message = 2, f"{jsonl_out}: cannot write ({exc.strerror or exc}); choose another --jsonl file"
    except (KeyboardInterrupt, Stopped) as stop:
        status, message = _signal_status(stop), _INTERRUPTED
    finally:
        progress.close()
    return status, message, summary


def _extra(module: str) -> Any:
    """A module of the cluster extra, or one line saying what to install (exit 2)."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        _err(f"{exc}" if "quotes[cluster]" in str(exc) else f"{module} cannot be imported ({exc}); "
             "pip install 'quotes[cluster]'")
        sys.exit(2)


def _give_up(message: str, out: OutputFile | None, store: Store | None) -> NoReturn:
    """One line and exit 2, leaving no --jsonl file behind and the database closed."""
    if out is not None:
        out.discard()
    if store is not None:
        store.close()
    _err(message)
    sys.exit(2)


def _start_cluster(module: Any, address: str, batch_articles: int | None, connect_timeout: float,
                   out: OutputFile | None, store: Store | None) -> ClusterExecutor:
    import logging

    # Dask logs what it recovers from (a worker restarted) and what it gives up on (the
    # scheduler lost) as tracebacks on standard error; the run reports the latter in one line.
    # Dask's configuration gives some of its loggers a level of their own: set each.
    for name in ["distributed", *(n for n in logging.root.manager.loggerDict if n.startswith("distributed."))]:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    executor: ClusterExecutor = module.ClusterExecutor(
        address, batch_articles=batch_articles or module.BATCH_ARTICLES, connect_timeout=connect_timeout)
    try:
        with stop_on_sigterm():
            return executor.start()
    except module.ClusterError as exc:
        _give_up(str(exc), out, store)
    except (KeyboardInterrupt, Stopped):
        executor.close()
        _give_up("interrupted while connecting to the cluster: nothing was extracted", out, store)


def _cluster_figures(executor: ClusterExecutor) -> Callable[[], dict[str, int]]:
    def figures() -> dict[str, int]:
        return {"workers": executor.stats.workers, "batches_in_flight": executor.stats.in_flight}

    return figures


def _progress_mode(quiet: bool, lines: bool) -> str | None:
    if quiet:
        return None
    return "bar" if sys.stderr.isatty() else "lines" if lines else None


def _default_db_ready() -> str:
    with contextlib.suppress(OSError):  # the per-user folder may not exist yet; Store.open says if it cannot
        Path(DEFAULT_DB).parent.mkdir(parents=True, exist_ok=True)
    return DEFAULT_DB


def _open_jsonl(target: str) -> OutputFile:
    try:
        return OutputFile(target)
    except OSError as exc:
        _err(f"{target}: cannot write ({exc.strerror}); choose another --jsonl file")
        sys.exit(2)


def _print_summary(summary: Summary, db_path: str | None, parquet_dir: str | None = None,
                   executor: ClusterExecutor | None = None) -> None:
    secs = summary.seconds
    skipped = f" ({summary.skipped} already stored, skipped)" if summary.skipped else ""
    outputs = [name for name in (db_path, parquet_dir) if name]
    where = f" into {' and '.join(outputs)}" if outputs else ""
    cluster = ""
    if executor is not None:
        stats = executor.stats
        cluster = f"; cluster {executor.address}: {stats.workers} workers, {stats.batches} batches"
    click.echo(
        f"{summary.extracted} articles{skipped}, {summary.quotes} quotes, {len(summary.speakers)} speakers, "
        f"{summary.failed} failures in {secs:.1f} s ({summary.seen / max(secs, 1e-9):.0f} articles/s){where}"
        f"{cluster}",
        err=True,
    )


def _parse_size(value: str | None) -> int:
    if value is None:
        return MAX_BYTES
    text = value.strip().upper().removesuffix("B").removesuffix("I")
    shift = {"K": 10, "M": 20, "G": 30}.get(text[-1:], 0)
    number = text[:-1] if shift else text
    try:
        size = int(float(number) * (1 << shift))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size like 200M, 2G or 1000000") from None
    if size < 1:
        raise click.BadParameter("must be at least 1 byte")
    return size


def _open_store(db_path: str, out: OutputFile | None) -> Store:
    from .store import Store, StoreError

    try:
        return Store.open(db_path)
    except StoreError as exc:
        if out is not None:
            out.discard()
        _err(str(exc))
        sys.exit(2)


def _outcome(summary: Summary, stored: bool, jsonl_out: str | None, parquet_dir: str | None = None) -> tuple[int, str]:
    """The exit status and the closing message of a run that ended early (0 and "" if none)."""
    if summary.stopped_by is not None:
        return (130 if summary.stopped_by == signal.SIGINT else 143), _INTERRUPTED
    exc = summary.error
    if exc is None:
        return 0, ""
    if isinstance(exc, BrokenPipeError):
        # Nothing more can reach the reader; keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1, (f"standard output was closed after {summary.extracted} articles; run the same command again "
                   "to finish" + (" (stored articles are skipped)" if stored else ""))
    if isinstance(exc, OSError):
        if parquet_dir is not None and exc.filename == parquet_dir:  # see ParquetDataset.flush
            return 2, (f"{parquet_dir}: cannot write ({exc.strerror or exc}); free some space or choose another "
                       "--parquet folder; run the same command again to finish")
        return 2, f"{jsonl_out}: cannot write ({exc.strerror or exc}); free some space or choose another --jsonl file"
    if summary.error_phase == "run":
        return 2, f"{exc}; every article stored before is complete, run the same command again to finish"
    return 2, str(exc)


@main.command("export")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--status", type=click.Choice(["accepted", "agreed", "adjudicated", "reviewed", "all"]), default="accepted",
              show_default=True,
              help="accepted: the citation set (accepted, corrected, added), as the app exports; agreed / adjudicated: "
                   "of those, the ones two reviewers agreed on / an adjudicator settled; all: every suggestion.")
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
        with stop_on_sigterm():  # SIGTERM unwinds like Ctrl-C: no temporary file is left
            if fmt == "csv":
                write_csv(rows, target, warn=_err)  # a cell cut to fit a spreadsheet is named, one line each
            else:
                write_jsonl(rows, target)
    except OSError as exc:
        _err(f"{output}: cannot write ({exc.strerror}); choose another -o file")
        sys.exit(2)
    except (KeyboardInterrupt, Stopped) as stop:
        _stop_if(_signal_status(stop), f"interrupted: {output} was not written")
    if output != "-":
        hint = " (only reviewed-and-accepted quotes: --status all for every suggestion)" if not rows and status == "accepted" else ""
        click.echo(f"{len(rows)} quotes written to {output}{hint}", err=True)


@main.command("import")
@click.argument("folder")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="The review database to store into.")
@click.option("--quiet", is_flag=True, help="No progress and no summary (errors are still printed).")
@click.option("--progress", "progress_lines", is_flag=True,
              help="Progress lines and the summary even when standard error is not a terminal.")
def import_cmd(folder: str, db_path: str, quiet: bool, progress_lines: bool) -> None:
    """Store FOLDER, Parquet written by `extract --parquet` (or a selection of it), in a review database.

    \b
    FOLDER holds documents/ and quotes/ with the columns quotes writes (a DuckDB selection
    with SELECT * keeps them). Documents keep their identity (the text's sha256) and the
    extractor version that extracted them; those the database holds already from that
    version are skipped, so an interrupted import run again finishes the rest. Reviewed
    quotes and their decisions are never changed.
    """
    parquet = _extra("quotes.parquet")
    from .store import StoreError

    mode = _progress_mode(quiet, progress_lines)
    store = _open_store(db_path, None)
    progress = _Progress(mode, ())
    status, message = 0, ""
    summary = Summary()
    try:
        with stop_on_sigterm():
            summary = parquet.import_dataset(folder, store, on_progress=progress.show, on_error=progress.report)
    except (parquet.ParquetError, StoreError) as exc:
        status, message = 2, str(exc)
    except (KeyboardInterrupt, Stopped) as stop:
        status, message = _signal_status(stop), _INTERRUPTED
    finally:
        progress.close()
        store.close()
    _stop_if(status, message)
    if mode is not None:
        skipped = f" ({summary.skipped} already stored, skipped)" if summary.skipped else ""
        click.echo(f"{summary.extracted} documents{skipped}, {summary.quotes} quotes, {summary.failed} failures "
                   f"imported from {folder} into {db_path} in {summary.seconds:.1f} s", err=True)
    sys.exit(1 if summary.failed else 0)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--details", is_flag=True, help="List misses, wrong speakers and false positives.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_cmd(gold: str, paths: tuple[str, ...], details: bool, as_json: bool) -> None:
    """Score the extractor on PATH... against GOLD.jsonl (see ANNOTATION.md)."""
    from dataclasses import asdict

    from .evaluate import evaluate, format_report, load_gold
    from .extract import Extractor

    errors: list[SourceError] = []
    try:
        gold_set = load_gold(gold)
        extractor = Extractor()
        run = evaluate(gold_set, iter_articles(paths, errors=errors),
                       lambda article: [q.to_json() for q in extractor.extract(article)])
    except SourceError as exc:  # EvalError too: a figure computed from it would be wrong
        _err(str(exc))
        sys.exit(2)
    # The gold file often sits in the articles' folder (seeds/gold.jsonl): it is no article.
    errors = [e for e in errors if not _same_file(e.path, gold)]
    for e in errors:
        _err(str(e))
    if run.missing:
        _err(f"{gold}: {len(run.missing)} gold documents not among PATH (e.g. {run.missing[0]}), "
             "scored without them; pass their folder")
    scores, ranking = run.scores, run.ranking
    if as_json:
        click.echo(json.dumps({**asdict(scores), "ranking": ranking}, ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(scores, details=details))
        if ranking.get("top_half_precision") is not None:
            click.echo(
                f"confidence: precision of the top half {ranking['top_half_precision']:.3f}, bottom half "
                f"{ranking['bottom_half_precision']:.3f}, AUC {ranking['auc'] if ranking['auc'] is not None else 'n/a'}"
            )
    sys.exit(1 if errors or run.missing else 0)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@main.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True)
@click.option("--screenshot", type=click.Path(dir_okay=False), default=None,
              help="Render the main window on the current quote to this PNG and exit.")
@click.option("--reviewer", default=None,
              help="Your name in the review log (default: the name the app asks for once and remembers).")
def review(db_path: str, screenshot: str | None, reviewer: str | None) -> None:
    """Open the review app on the database."""
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
                    or sys.platform in ("win32", "darwin"))
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        headless = False
    if headless:
        _print_queue(db_path)
        return
    try:
        from gui.app import run_app
    except ImportError as exc:
        _err(f"the review app cannot start ({exc}); reinstall with `make setup`")
        sys.exit(2)
    sys.exit(run_app(db_path, reviewer=reviewer, screenshot=screenshot))


def _print_queue(db_path: str, limit: int = 40) -> None:
    """The headless review: the app's queue, in its order, with how to open the app."""
    from .store import Store, StoreError, queue_lines

    try:
        store = Store.open(db_path, create=False)
    except StoreError as exc:
        _err(str(exc))
        sys.exit(2)
    with store:
        for problem in store.problems:
            _err(problem)
        for line in queue_lines(store, limit=limit):
            click.echo(line)


@main.command("merge")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(), help="The merged database to write (a new file).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def merge_cmd(inputs: tuple[str, ...], output: str, force: bool) -> None:
    """Merge reviewers' copies of a database: every decision kept, with its reviewer."""
    from .store import StoreError
    from .store.merge import merge_stores

    try:
        with stop_on_sigterm():  # the output is renamed into place at the end: nothing half-written
            summary = merge_stores(list(inputs), output, force=force)
    except StoreError as exc:
        _err(str(exc))
        sys.exit(2)
    except OSError as exc:
        _err(f"{output}: cannot write ({exc.strerror or exc}); free some space or choose another -o file")
        sys.exit(2)
    except (KeyboardInterrupt, Stopped) as stop:
        _stop_if(_signal_status(stop), f"interrupted: {output} was not written")
    for note in summary.notes:
        _err(note)
    click.echo(f"{output}: {summary.documents} documents, {summary.quotes} quotes, {summary.decisions} decisions by "
               f"{len(summary.reviewers)} reviewer(s) ({', '.join(summary.reviewers) or 'none'}) from "
               f"{summary.inputs} files; {summary.duplicates} decisions were in several files and are kept once",
               err=True)


@main.command("agreement")
@click.argument("db_path", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def agreement_cmd(db_path: str, as_json: bool) -> None:
    """Agreement between reviewers: kappa, same speaker, same span, disagreements."""
    from .agreement import format_report
    from .store import Store, StoreError

    try:
        with Store.open(db_path, create=False) as store:
            results = store.agreement()
            open_disagreements = len(store.disagreements())
    except StoreError as exc:
        _err(str(exc))
        sys.exit(2)
    if as_json:
        click.echo(json.dumps({"pairs": [r.to_json() for r in results], "open_disagreements": open_disagreements},
                              ensure_ascii=False, indent=1))
        return
    click.echo(format_report(results))
    if results:
        click.echo(f"{open_disagreements} disagreements wait for adjudication (quotes review --db {db_path}, "
                   "Review › Adjudicate)")


if __name__ == "__main__":
    main()
