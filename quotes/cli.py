"""The `quotes` command: bulk extraction, export, evaluation, and the review app.

A thin shell over the library: every command parses its options, calls the library, and
turns the errors a user can cause into one line on standard error naming the file and
what to do. The exit status is 0 when everything succeeded, 1 when some input failed
(the rest was still processed), 2 when the command could not run at all.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from . import __version__
from .records import Article, Quote
from .sources import SourceError, iter_articles

DEFAULT_DB = "db/quotes.db"


def _err(message: str) -> None:
    click.echo(f"quotes: {message}", err=True)


def quote_record(q: Quote) -> dict[str, Any]:
    """The JSONL contract: one object per quote, offsets into the article's decoded text."""
    return {
        "doc": q.doc, "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
        "speaker_mention": q.speaker_mention, "cue": q.cue, "kind": q.kind, "confidence": q.confidence,
        "speaker_type": q.speaker_type, "cue_start": q.cue_start, "cue_end": q.cue_end,
        "mention_start": q.mention_start, "mention_end": q.mention_end, "evidence": q.evidence,
    }


# -- extraction workers (module level so that multiprocessing can pickle them) ---------------
_WORKER: Any = None


def _init_worker(aliases: dict[str, str]) -> None:
    global _WORKER  # one extractor per worker process: it holds the morphology cache
    from .extract import Extractor

    _WORKER = Extractor(aliases=aliases)


def _extract_one(article: Article) -> tuple[Article, list[Quote] | None, str | None]:
    try:
        return article, _WORKER.extract(article), None
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
        return article, None, f"{article.doc}: extraction failed ({type(exc).__name__}: {exc}); please report it"


def extract_stream(articles: Iterator[Article], *, jobs: int, aliases: dict[str, str]) -> Iterator[
        tuple[Article, list[Quote] | None, str | None]]:
    """Extract articles in input order, on ``jobs`` processes; identical output for any ``jobs``."""
    if jobs <= 1:
        _init_worker(aliases)
        for art in articles:
            yield _extract_one(art)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(aliases,)) as pool:
        yield from pool.imap(_extract_one, articles, chunksize=4)


@click.group()
@click.version_option(__version__, prog_name="quotes")
def main() -> None:
    """Who said what in Arabic news: extract, review and cite reported statements."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=None, help=f"SQLite database to store into (default {DEFAULT_DB} unless --jsonl is given).")
@click.option("--jsonl", "jsonl_out", default=None, help="Write one JSON object per quote to FILE, or - for standard output.")
@click.option("-j", "--jobs", type=int, default=0, help="Worker processes (default: all cores).")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
def extract(paths: tuple[str, ...], db_path: str | None, jsonl_out: str | None, jobs: int, quiet: bool) -> None:
    """Extract the quotations of PATH... (.txt, .jsonl, .jsonl.gz, .html, folders, or - for stdin)."""
    from .store import Store, StoreError

    if db_path is None and jsonl_out is None:
        db_path = DEFAULT_DB
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    store = None
    run_id = None
    aliases: dict[str, str] = {}
    if db_path is not None:
        try:
            store = Store.open(db_path)
            aliases = store.alias_map()
            run_id = store.start_run(__version__, {"jobs": jobs, "paths": list(paths)})
        except StoreError as exc:
            _err(str(exc))
            sys.exit(2)
    out: TextIO | None = None
    if jsonl_out == "-":
        out = sys.stdout
    elif jsonl_out:
        try:
            out = open(jsonl_out, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            _err(f"{jsonl_out}: cannot write ({exc.strerror}); choose another --jsonl file")
            sys.exit(2)
    errors: list[SourceError] = []
    failures = 0
    n_articles = n_quotes = 0
    speakers: set[str] = set()
    started = time.monotonic()
    show = not quiet and sys.stderr.isatty()
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)
    articles = iter_articles(paths, errors=errors)
    reported = 0
    try:
        for article, quotes, problem in extract_stream(articles, jobs=jobs, aliases=aliases):
            while reported < len(errors):
                _err(str(errors[reported]))
                reported += 1
            if problem is not None or quotes is None:
                _err(problem or f"{article.doc}: extraction failed")
                failures += 1
                continue
            if store is not None:
                try:
                    store.save_extraction(article, quotes, run_id)
                except StoreError as exc:
                    _err(str(exc))
                    sys.exit(2)
            if out is not None:
                for q in quotes:
                    out.write(json.dumps(quote_record(q), ensure_ascii=False) + "\n")
            n_articles += 1
            n_quotes += len(quotes)
            speakers.update(q.speaker for q in quotes if q.speaker)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(quotes=n_quotes, refresh=False)
    except KeyboardInterrupt:
        _err("interrupted: what was stored so far is complete; run the same command again to finish")
        sys.exit(130)
    finally:
        if bar is not None:
            bar.close()
        if out is not None and out is not sys.stdout:
            out.close()
        elif out is sys.stdout:
            sys.stdout.flush()
    for e in errors[reported:]:
        _err(str(e))
    failures += len(errors)
    if store is not None:
        store.finish_run(run_id, n_articles, n_quotes)
        store.close()
    if not quiet and (sys.stderr.isatty() or out is not sys.stdout):
        secs = time.monotonic() - started
        where = f" into {db_path}" if db_path else ""
        click.echo(
            f"{n_articles} articles, {n_quotes} quotes, {len(speakers)} speakers, {failures} failures "
            f"in {secs:.1f} s{where}",
            err=True,
        )
    sys.exit(1 if failures else 0)


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
        preds.extend(quote_record(q) for q in extractor.extract(art))
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
        click.echo(f"[{r['status']}] {r.get('speaker') or '?'} ({r['cue']}, {r['kind']}, {r['confidence']:.2f}): {r['text'][:120]}")
    prog = store.progress()
    click.echo(f"{prog['total']} quotes, {prog['reviewed']} reviewed", err=True)
    store.close()


if __name__ == "__main__":
    main()
