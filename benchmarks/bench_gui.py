"""Review app at scale: first screen and scrolling over a 100,000-quote database.

Builds the database in a temporary folder (schema by ``Store.open``; rows by one bulk insert
that fills the same columns ``Store.save_extraction`` does, on the real seed texts with the
gold spans), then times, offscreen:

- opening the store and the window up to the first paint of the queue and the article;
- the same cold, in a fresh process (`gui.app.run_app` with a screenshot, imports included);
- scroll jumps to random rows, page-down steps and jumps to the end, each repainted at once;
- a decision (accept) until the next pending quote is shown;
- the poll after another program committed (new rows appended).

    .venv/bin/python benchmarks/bench_gui.py [--quotes 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()  # before the heavy imports below, for the cold-start figure
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication  # noqa: E402

from gui.app import ensure_app, open_store  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from quotes.normalize import fold  # noqa: E402
from quotes.records import Article, Quote  # noqa: E402
from quotes.store import Store, text_hash  # noqa: E402

SEEDS = PROJECT / "seeds"
STATUS_MIX = (("pending", 0.7), ("accepted", 0.15), ("corrected", 0.05), ("rejected", 0.1))


def build(path: Path, n_quotes: int, seed: int = 7) -> dict[str, Any]:
    """A database with ``n_quotes`` quotes over the seed texts (copied to ~50 quotes each)."""
    rng = random.Random(seed)
    gold: dict[str, list[dict[str, Any]]] = {}
    for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        gold.setdefault(g["doc"], []).append(g)
    texts = {name: (SEEDS / name).read_text(encoding="utf-8") for name in gold}
    names = sorted(gold)
    speakers = sorted({g["speaker"] for gs in gold.values() for g in gs})
    # Many distinct speakers, as in a real corpus: the gold names plus numbered variants.
    all_speakers = speakers + [f"{s} {i}" for i in range(1, 120) for s in speakers]
    t0 = time.perf_counter()
    with Store.open(path) as store:
        # One real extraction through the public API (the schema's own path) ...
        first = names[0]
        art = Article(doc=f"seeds/{first}", text=texts[first], title=texts[first].splitlines()[0])
        store.save_extraction(art, [_quote(art, g, 0.5) for g in gold[first][:1]], store.start_run("bench", {}))
        # ... then the bulk, in one transaction with the columns save_extraction fills.
        conn = store.db.conn
        now = "2026-01-01T00:00:00.000+00:00"
        conn.execute("BEGIN IMMEDIATE")
        run = conn.execute("INSERT INTO runs (extractor_version, options, started_at) VALUES ('bench', '{}', ?)",
                           [now]).lastrowid
        speaker_ids = {}
        for name in all_speakers:
            row = conn.execute("SELECT id FROM speakers WHERE name = ?", [name]).fetchone()
            speaker_ids[name] = row[0] if row else conn.execute(
                "INSERT INTO speakers (name, name_norm, type) VALUES (?, ?, 'person')", [name, fold(name)]).lastrowid
            conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, alias_norm, source) "
                         "VALUES (?, ?, ?, 'extractor')", [speaker_ids[name], name.split()[-1], fold(name.split()[-1])])
        per_doc = 50
        n_docs = (n_quotes + per_doc - 1) // per_doc
        quotes = reviews = 0
        for d in range(n_docs):
            name = names[d % len(names)]
            text = texts[name] + f"\n\n(نسخة {d})"
            doc_id = conn.execute(
                "INSERT INTO documents (hash, doc, path, source, title, text, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [text_hash(text), f"bench/{d:05d}_{name}", f"bench/{d:05d}_{name}", "bench outlet",
                 texts[name].splitlines()[0], text, now]).lastrowid
            spans = gold[name]
            for k in range(min(per_doc, n_quotes - quotes)):
                g = spans[k % len(spans)]
                start, end = g["start"], g["end"] - (k // len(spans))  # distinct spans per document
                qtext = text[start:end]
                cs = text.rfind(g["cue"], max(0, start - 300), start)
                ms = text.rfind(g["speaker"], max(0, start - 300), start)
                speaker = rng.choice(all_speakers) if rng.random() < 0.5 else g["speaker"]
                status = rng.choices([s for s, _ in STATUS_MIX], [w for _, w in STATUS_MIX])[0]
                evidence = {"cue": g["cue"], "cue_lemma": fold(g["cue"]), "cue_features": "verb/perfective/3/m/s",
                            "construction": "cue + complementiser", "speaker_rule": "subject after the cue",
                            "name_sentence": text[max(0, start - 120):start]}
                qid = conn.execute(
                    'INSERT INTO quotes (document_id, start, "end", text, kind, cue, cue_start, cue_end, '
                    "speaker_mention, mention_start, mention_end, speaker_id, confidence, evidence, run_id, status, "
                    "origin, orig_start, orig_end, text_norm, reviewer, reviewed_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'extractor', ?, ?, ?, ?, ?, ?)",
                    [doc_id, start, end, qtext, g["kind"], g["cue"], cs if cs >= 0 else None,
                     cs + len(g["cue"]) if cs >= 0 else None, g["speaker"] if ms >= 0 else "",
                     ms if ms >= 0 else None, ms + len(g["speaker"]) if ms >= 0 else None, speaker_ids[speaker],
                     round(rng.random(), 3), json.dumps(evidence, ensure_ascii=False), run, status, start, end,
                     fold(qtext), None if status == "pending" else "bench",
                     None if status == "pending" else now, now]).lastrowid
                if status != "pending":
                    before = json.dumps({"status": "pending", "start": start, "end": end, "kind": g["kind"],
                                         "speaker": speaker}, ensure_ascii=False)
                    conn.execute("INSERT INTO reviews (quote_id, decision, before, reviewer, at) VALUES (?, ?, ?, ?, ?)",
                                 [qid, status, before, "bench", now])
                    reviews += 1
                quotes += 1
        conn.execute("COMMIT")
    return {"quotes": quotes + 1, "documents": n_docs + 1, "speakers": len(all_speakers), "reviews": reviews,
            "build_s": round(time.perf_counter() - t0, 1), "db_mb": round(path.stat().st_size / 2**20, 1)}


def _quote(art: Article, g: dict[str, Any], conf: float) -> Quote:
    return Quote(doc=art.doc, start=g["start"], end=g["end"], text=g["quote"], kind=g["kind"], cue=g["cue"],
                 cue_start=None, cue_end=None, speaker=g["speaker"], speaker_mention="", mention_start=None,
                 mention_end=None, confidence=conf)


class PaintWatch(QObject):
    def __init__(self, *widgets: Any) -> None:
        super().__init__()
        self.pending = set()
        for w in widgets:
            w.installEventFilter(self)
            self.pending.add(w)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.pending.discard(watched)
        return False


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def summary(samples: list[float]) -> dict[str, float]:
    samples = sorted(samples)
    return {"median_ms": ms(statistics.median(samples)), "p95_ms": ms(samples[int(len(samples) * 0.95) - 1]),
            "max_ms": ms(samples[-1])}


def first_screen(path: Path) -> tuple[dict[str, float], MainWindow]:
    app = ensure_app()
    t0 = time.perf_counter()
    store = open_store(path)
    t_store = time.perf_counter()
    window = MainWindow(store, reviewer="bench")
    t_built = time.perf_counter()
    watch = PaintWatch(window.table.viewport(), window.article.viewport())
    window.resize(1440, 900)
    window.show()
    while watch.pending and time.perf_counter() - t0 < 30:
        app.processEvents()
    t_paint = time.perf_counter()
    return {"open_store_ms": ms(t_store - t0), "build_window_ms": ms(t_built - t_store),
            "first_paint_ms": ms(t_paint - t0), "rows": window.model.rowCount()}, window


def cold_start(path: Path) -> dict[str, float]:
    """The first screen in a fresh interpreter, imports included (see --first-screen)."""
    out = subprocess.run([sys.executable, __file__, "--first-screen", str(path)], capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def first_screen_child(path: Path, started: float) -> None:
    imported = time.perf_counter()
    figures, window = first_screen(path)
    figures["imports_ms"] = ms(imported - started)
    figures["process_to_first_paint_ms"] = ms(time.perf_counter() - started)
    print(json.dumps(figures))
    window.shutdown()
    window.store.close()


def scrolling(window: MainWindow, rng: random.Random) -> dict[str, Any]:
    table = window.table
    model = window.model
    n = model.rowCount()
    jumps = []
    for _ in range(60):
        row = rng.randrange(n)
        t = time.perf_counter()
        table.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        table.viewport().repaint()
        jumps.append(time.perf_counter() - t)
    table.scrollToTop()
    bar = table.verticalScrollBar()
    steps = []
    for _ in range(200):
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        table.viewport().repaint()
        steps.append(time.perf_counter() - t)
    ends = []
    for _ in range(10):
        t = time.perf_counter()
        table.scrollToBottom()
        table.viewport().repaint()
        table.scrollToTop()
        table.viewport().repaint()
        ends.append((time.perf_counter() - t) / 2)
    return {"random_jump": summary(jumps), "page_down": summary(steps), "top_bottom": summary(ends),
            "pages_cached": model.loaded_pages, "page_loads": model.page_loads}


def decisions(window: MainWindow) -> dict[str, float]:
    app = QApplication.instance()
    assert app is not None
    window.table.scrollToTop()
    window.select_row(0)
    samples = []
    for _ in range(30):
        t = time.perf_counter()
        window.panel.actions_by_name["accept"].trigger()
        window.article.viewport().repaint()
        samples.append(time.perf_counter() - t)
        app.processEvents()
    undo = []
    for _ in range(5):
        t = time.perf_counter()
        window.actions_by_name["undo"].trigger()
        window.article.viewport().repaint()
        undo.append(time.perf_counter() - t)
    return {**{f"accept_{k}": v for k, v in summary(samples).items()}, "undo_median_ms": ms(statistics.median(undo))}


def other_writer(window: MainWindow, path: Path) -> dict[str, float]:
    text = (SEEDS / "004_0c47c0a1c8d85d33.txt").read_text(encoding="utf-8") + "\n\nمقال جديد"
    art = Article(doc="bench/new.txt", text=text)
    gold = [json.loads(x) for x in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    quotes = [_quote(art, g, 0.01) for g in gold if g["doc"] == "004_0c47c0a1c8d85d33.txt"]
    with Store.open(path) as other:
        t = time.perf_counter()
        other.save_extraction(art, quotes, None)
        save = time.perf_counter() - t
    before = window.model.rowCount()
    t = time.perf_counter()
    window.poll()
    window.table.viewport().repaint()
    poll = time.perf_counter() - t
    assert window.model.rowCount() > before
    return {"other_save_ms": ms(save), "poll_and_append_ms": ms(poll), "appended": window.model.rowCount() - before}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="build the database in DIR and keep it")
    parser.add_argument("--first-screen", type=Path, default=None, help=argparse.SUPPRESS)  # the cold-start child
    args = parser.parse_args()
    if args.first_screen:
        first_screen_child(args.first_screen, STARTED)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_gui_"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench.db"
    if path.exists():
        path.unlink()
    built = build(path, args.quotes)
    print(f"database: {built['quotes']} quotes, {built['documents']} documents, {built['speakers']} speakers, "
          f"{built['reviews']} reviews, {built['db_mb']} MB, built in {built['build_s']} s ({path})")
    cold = cold_start(path)
    print(f"cold start in a new process: {cold['process_to_first_paint_ms']} ms to first paint "
          f"(imports {cold['imports_ms']} ms, sqlite_utils imports pandas when installed, ~0.2 s of that; "
          f"then {cold['first_paint_ms']} ms)")
    screen, window = first_screen(path)
    print(f"first screen (store open {screen['open_store_ms']} ms, window {screen['build_window_ms']} ms): "
          f"{screen['first_paint_ms']} ms to first paint, {screen['rows']} rows in the pending queue")
    scroll = scrolling(window, random.Random(1))
    for name in ("random_jump", "page_down", "top_bottom"):
        s = scroll[name]
        print(f"scroll {name.replace('_', ' ')}: median {s['median_ms']} ms, p95 {s['p95_ms']} ms, max {s['max_ms']} ms")
    print(f"pages loaded while scrolling: {scroll['page_loads']} (cache holds {scroll['pages_cached']})")
    d = decisions(window)
    print(f"accept -> next quote shown: median {d['accept_median_ms']} ms, p95 {d['accept_p95_ms']} ms; "
          f"undo {d['undo_median_ms']} ms")
    f = window.filters
    t = time.perf_counter()
    f.status.setCurrentIndex(f.status.findData("all"))
    window.table.viewport().repaint()
    print(f"refilter to all {window.model.rowCount()} quotes: {ms(time.perf_counter() - t)} ms")
    t = time.perf_counter()
    f.search.setText("الكاظمي")
    f.apply()
    window.table.viewport().repaint()
    print(f"search الكاظمي ({window.model.rowCount()} hits): {ms(time.perf_counter() - t)} ms")
    f.clear()
    w = other_writer(window, path)
    print(f"another program saves an article: {w['other_save_ms']} ms; poll + append {w['appended']} rows: "
          f"{w['poll_and_append_ms']} ms")
    window.shutdown()
    window.store.close()
    window.deleteLater()
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
