"""Reliability: bad input, kill -9 at chosen moments, concurrent writers, and reviews that no
re-extraction may touch. Everything goes through the real `quotes` command in a subprocess.

The figures (kill outcomes, decisions made during a bulk run, their latency) are printed:
run with ``-s`` to see them.
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import read_only

from quotes import __version__
from quotes.sources import iter_articles
from quotes.store import Store, text_hash

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
SEED = SEEDS / "000_d6f77bd85ba13e0e.txt"
ENV = {**os.environ, "PYTHONPATH": str(PROJECT)}
CLI = [sys.executable, "-m", "quotes.cli"]


def quotes_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, encoding="utf-8", env=ENV, cwd=PROJECT,
                          timeout=timeout)


def corpus_slice(shared: Path, target: Path, start: int, count: int) -> Path:
    with gzip.open(shared / "corpus" / "saudinewsnet-10k.jsonl.gz", "rt", encoding="utf-8") as f:
        target.write_text("".join(itertools.islice(f, start, start + count)), encoding="utf-8")
    return target


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()




# ---------------------------------------------------------------------- bad input


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("inputs")
    seed = SEED.read_text(encoding="utf-8")
    files = {
        "empty": (d / "empty.txt", b""),
        "binary": (d / "photo.txt", b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(4000)),
        "cp1256": (d / "windows1256.txt", seed.encode("cp1256")),
        "utf16": (d / "utf16.txt", seed.encode("utf-16")),
        "broken_utf8": (d / "broken.txt", seed[:300].encode() + b"\xff\xfe\x80" + seed[300:].encode()),
        "lines": (d / "lines.jsonl", (json.dumps({"id": "good-line", "text": seed}, ensure_ascii=False) + "\n"
                                      + "{this is not json\n" + json.dumps({"id": "no-text", "title": "x"}) + "\n"
                                      + '{"id": "half", "text": "\\ud800 نص"}\n').encode()),
        "html": (d / "page.html", (
            "<html><head><meta charset='utf-8'><title>عنوان الصفحة</title></head><body>"
            "<nav><a href='/'>الرئيسية</a> | <a href='/news'>أخبار</a> | <a href='/sport'>رياضة</a></nav>"
            "<div class='cookie'>نستخدم ملفات تعريف الارتباط لتحسين تجربتك. موافق</div><article><h1>عنوان</h1>"
            + "".join(f"<p>{p}</p>" for p in seed.split("\n") if p.strip())
            + "<p>اقرأ أيضا: أخبار أخرى</p></article><footer>جميع الحقوق محفوظة ٢٠٢٤</footer></body></html>"
        ).encode()),
    }
    for path, data in files.values():
        path.write_bytes(data)
    paths = {name: path for name, (path, _) in files.items()}
    paths["missing"] = d / "not-there.txt"
    paths["good"] = d / "good.txt"
    paths["good"].write_text(seed, encoding="utf-8")
    return paths


def test_bad_inputs_each_get_one_line_and_the_rest_is_processed(bad_inputs: dict[str, Path], tmp_path: Path) -> None:
    db, out = tmp_path / "q.db", tmp_path / "q.jsonl"
    order = ["empty", "binary", "cp1256", "missing", "utf16", "broken_utf8", "lines", "html", "good"]
    run = quotes_cli("extract", *(str(bad_inputs[k]) for k in order), "--db", str(db), "--jsonl", str(out), "-j", "2")
    assert run.returncode == 1, run.stderr
    lines = run.stderr.splitlines()
    expected = {  # file (and line) named, what is wrong, what to do
        "empty": ("empty file", "remove it"),
        "binary": ("binary data", "give a text"),
        "missing": ("no such file or folder", "check the path"),
        "broken_utf8": (f"not valid UTF-8 at byte {len(SEED.read_text(encoding='utf-8')[:300].encode())}",
                        "re-save it as UTF-8"),
    }
    for key, (problem, fix) in expected.items():
        mine = [line for line in lines if line.startswith(f"quotes: {bad_inputs[key]}")]
        assert len(mine) == 1, (key, lines)
        assert problem in mine[0] and fix in mine[0], mine
    jsonl = [line for line in lines if line.startswith(f"quotes: {bad_inputs['lines']}:")]
    assert [line.split(":")[2] for line in jsonl] == ["2", "3", "4"]  # each bad line named, by number
    assert "not JSON" in jsonl[0] and 'no "text" field' in jsonl[1] and "unpaired surrogate" in jsonl[2]
    assert len(lines) == 7  # nothing else: no traceback, no summary off a terminal

    seed = SEED.read_text(encoding="utf-8")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_doc.setdefault(r["doc"], []).append(r)
    # The legacy encodings decode to the same text, and so give the same quotes as UTF-8.
    spans = {doc: [(r["start"], r["end"], r["speaker"]) for r in rs] for doc, rs in by_doc.items()}
    good = spans[str(bad_inputs["good"])]
    assert len(good) >= 8
    assert spans[str(bad_inputs["cp1256"])] == good
    assert spans[str(bad_inputs["utf16"])] == good
    assert spans["good-line"] == good
    for r in records:
        if r["doc"] != str(bad_inputs["html"]):
            assert seed[r["start"]:r["end"]] == r["text"]
    # HTML: the main text, without navigation, cookie banner, "read more" and footer.
    (page,) = [a for a in iter_articles([str(bad_inputs["html"])])]
    assert page.title == "عنوان الصفحة"
    for junk in ("الرئيسية", "ملفات تعريف الارتباط", "اقرأ أيضا", "جميع الحقوق"):
        assert junk not in page.text
    html_quotes = by_doc[str(bad_inputs["html"])]
    assert len(html_quotes) >= 8 and all(page.text[r["start"]:r["end"]] == r["text"] for r in html_quotes)
    # Same text, same document: the four copies of the seed are stored once.
    assert rows(db, "SELECT count(*) FROM documents") == [(2,)]


def test_legacy_encodings_alone_succeed(bad_inputs: dict[str, Path]) -> None:
    run = quotes_cli("extract", str(bad_inputs["cp1256"]), str(bad_inputs["utf16"]), "--jsonl", "-", "-j", "1")
    assert run.returncode == 0 and run.stderr == ""
    assert len(run.stdout.splitlines()) >= 16


def test_unusable_databases_are_refused_in_one_line(bad_inputs: dict[str, Path], tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    foreign.write_bytes(b"These are my notes, not a database.\n")
    run = quotes_cli("extract", str(bad_inputs["good"]), "--db", str(foreign))
    assert run.returncode == 2
    assert run.stderr.splitlines() == [f"quotes: {foreign}: not a SQLite database (choose another --db file)"]
    assert foreign.read_bytes() == b"These are my notes, not a database.\n"

    locked = tmp_path / "q.db"
    Store.open(locked).close()
    before = locked.read_bytes()
    with read_only(locked):
        run = quotes_cli("extract", str(bad_inputs["good"]), "--db", str(locked))
    assert run.returncode == 2
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"quotes: {locked}: ") and "read-only" in line and "choose another --db file" in line
    assert locked.read_bytes() == before


def _big_article(path: Path, megabytes: int) -> tuple[str, str]:
    """A real article, ``megabytes`` of further Arabic text, and another real article at the end
    (so the offsets at the far end are checked too)."""
    head = SEED.read_text(encoding="utf-8")
    tail = (SEEDS / "004_0c47c0a1c8d85d33.txt").read_text(encoding="utf-8")
    filler = ("وفي المدينة القديمة أسواق كثيرة ومساجد وبيوت من الحجر، والطقس معتدل في الربيع والخريف، "
              "ويزورها السياح من أنحاء العالم طوال العام. ") * 6
    repeat = megabytes * 1_000_000 // len((filler + "\n\n").encode("utf-8"))
    text = head + "\n\n" + (filler + "\n\n") * repeat + tail
    path.write_text(text, encoding="utf-8")
    return text, tail


def test_fifty_megabyte_article(tmp_path: Path) -> None:
    big, db, out = tmp_path / "big.txt", tmp_path / "q.db", tmp_path / "q.jsonl"
    text, tail = _big_article(big, 50)
    assert big.stat().st_size >= 50_000_000
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    run = quotes_cli("extract", str(big), "--db", str(db), "--jsonl", str(out), "-j", "2", timeout=300)
    took = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in records)
    far = [r for r in records if r["start"] > len(text) - len(tail)]
    assert len(far) >= 3  # the article at the far end was read too
    assert rows(db, "SELECT length(text), extracted_version FROM documents") == [(len(text), __version__)]
    print(f"\n50 MB article: {took:.1f} s, {len(records)} quotes, peak memory of a process "
          f"{peak_mb:.0f} MB (before: {before.ru_maxrss / 1024:.0f} MB)")
    assert took < 90, f"a 50 MB article took {took:.0f} s"


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("QUOTES_DENSE_50MB"), reason="set QUOTES_DENSE_50MB=1: minutes today")
def test_fifty_megabytes_of_dense_news_text(shared_dir: Path, tmp_path: Path) -> None:
    """50 MB made of corpus articles (a quote every 1,000 characters): the extractor's scaling."""
    paragraphs = []
    with gzip.open(shared_dir / "corpus" / "saudinewsnet-10k.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, 3000):
            paragraphs += [p for p in json.loads(line)["text"].split("\n") if p.strip()]
    parts, size = [], 0
    for p in itertools.cycle(paragraphs):
        parts.append(p)
        size += len(p.encode("utf-8")) + 2
        if size >= 50_000_000:
            break
    big = tmp_path / "dense.txt"
    big.write_text("\n\n".join(parts), encoding="utf-8")
    started = time.monotonic()
    run = quotes_cli("extract", str(big), "--jsonl", str(tmp_path / "o.jsonl"), "-j", "1", timeout=3600)
    took = time.monotonic() - started
    assert run.returncode == 0, run.stderr
    print(f"\n50 MB of dense news text: {took:.0f} s")
    assert took < 120


# ---------------------------------------------------------------------- kill -9


def _stored(db: Path) -> tuple[list[str], dict[str, Any]]:
    """Documents in storing order, and a comparable picture of everything extraction wrote."""
    if not db.exists():
        return [], {}
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:
            return [], {}  # killed while creating the schema: nothing there, nothing half
        docs = conn.execute("SELECT hash, doc, title, url, source, date, extracted_version FROM documents "
                            "ORDER BY id").fetchall()
        quotes: dict[str, set[tuple[Any, ...]]] = {d[0]: set() for d in docs}
        for r in conn.execute(
                'SELECT d.hash, q.start, q."end", q.text, q.kind, q.cue, q.cue_start, q.cue_end, q.speaker_mention, '
                "q.mention_start, q.mention_end, s.name, q.confidence, q.evidence, q.status, q.origin, q.orig_start, "
                "q.orig_end FROM quotes q JOIN documents d ON d.id = q.document_id "
                "LEFT JOIN speakers s ON s.id = q.speaker_id"):
            quotes[r[0]].add(r[1:])
        picture = {
            "documents": sorted(docs),
            "quotes": quotes,
            "speakers": sorted(conn.execute("SELECT name, name_norm, type, role FROM speakers").fetchall()),
            "aliases": sorted(conn.execute("SELECT s.name, a.alias, a.source FROM speaker_aliases a "
                                           "JOIN speakers s ON s.id = a.speaker_id").fetchall()),
        }
        return [d[0] for d in docs], picture
    finally:
        conn.close()


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _dead(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def _count(db: Path, sql: str) -> int:
    """A count read while another process writes; 0 until the file and its tables exist."""
    if not db.exists():
        return 0
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    return 0


# Where each run is killed, chain by chain (a chain resumes the same database until it is
# complete): "start" once the run is registered and before it stores anything, or when the
# database holds that many documents. Chosen inside the run, not by the clock, so that the
# same kills land on a fast or a busy machine; the last kill of a chain stays well before the
# 400th article, so no run finishes first.
KILL_PLAN: list[tuple[str, list[str | int]]] = [
    ("2", ["start", 1, 40, 41, 120, 250]),
    ("1", ["start", 5, 60, 61, 200]),
    ("2", [8, "start", 100, 180, 330]),
    ("1", [20, 150, 151, 300]),
    ("2", [2, 3, 90]),
]


def _run_until(corpus: Path, db: Path, jobs: str, point: str | int) -> tuple[subprocess.Popen[bytes], list[int]]:
    """Start an extraction and return once it reached ``point`` (its workers at that moment)."""
    runs_before = _count(db, "SELECT count(*) FROM runs")
    proc = subprocess.Popen([*CLI, "extract", str(corpus), "--db", str(db), "-j", jobs, "--quiet"],
                            env=ENV, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if point == "start":
            if _count(db, "SELECT count(*) FROM runs") > runs_before:
                break
        elif _count(db, "SELECT count(*) FROM documents") >= int(point):
            break
        time.sleep(0.002)
    return proc, _children(proc.pid)


def test_kill_minus_9_at_chosen_moments(shared_dir: Path, tmp_path: Path) -> None:
    """Kill bulk extractions (-j 1 and -j 2) with SIGKILL at points chosen inside the run
    (KILL_PLAN), check the database after each kill, resume, and compare with an
    uninterrupted run.

    After any kill: the file passes integrity_check; every stored document is marked with this
    extractor version and holds exactly the quotes an uninterrupted run gives it (no half
    article); the stored documents are a prefix of the input (nothing skipped over). Rerun
    until done, the database equals the uninterrupted run's: documents, quotes, speakers,
    aliases. Every other kill hits the main process only: its workers must follow it.
    """
    corpus = corpus_slice(shared_dir, tmp_path / "c400.jsonl", 7000, 400)
    order = list(dict.fromkeys(text_hash(json.loads(line)["text"])
                               for line in corpus.read_text(encoding="utf-8").splitlines()))
    pictures = {}
    for jobs in ("2", "1"):
        reference = quotes_cli("extract", str(corpus), "--db", str(tmp_path / f"reference{jobs}.db"), "-j", jobs)
        assert reference.returncode == 0, reference.stderr
        pictures[jobs] = _stored(tmp_path / f"reference{jobs}.db")
    assert pictures["1"] == pictures["2"]  # the number of jobs changes nothing in the database either
    ref_order, ref = pictures["2"]
    assert ref_order == order

    kills = orphans_checked = 0
    for chain, (jobs, points) in enumerate(KILL_PLAN):
        db = tmp_path / f"chain{chain}.db"
        for point in points:
            before, _ = _stored(db)
            proc, workers = _run_until(corpus, db, jobs, point)
            assert proc.poll() is None, f"chain {chain}: the run ended before reaching {point!r}"
            whole_group = kills % 2 == 0
            if whole_group:
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                os.kill(proc.pid, signal.SIGKILL)  # the main process only: its workers must follow
            kills += 1
            proc.wait()
            assert proc.stderr is not None
            proc.stderr.close()
            assert proc.returncode == -signal.SIGKILL
            if not whole_group and workers:
                deadline = time.monotonic() + 5
                while not all(_dead(w) for w in workers) and time.monotonic() < deadline:
                    time.sleep(0.05)
                assert all(_dead(w) for w in workers), "orphaned workers outlived a kill -9 of the main process"
                orphans_checked += len(workers)
            stored, picture = _stored(db)
            assert stored == order[:len(stored)]  # a prefix: nothing skipped over, nothing twice
            for h in stored:  # every stored article is whole: exactly the uninterrupted run's quotes
                assert picture["quotes"][h] == ref["quotes"][h], h
            assert all(d[-1] == __version__ for d in picture.get("documents", []))
            if point != "start":
                assert len(stored) >= int(point) and len(stored) >= len(before)
        resumed = quotes_cli("extract", str(corpus), "--db", str(db), "-j", jobs)
        assert resumed.returncode == 0, resumed.stderr
        assert _stored(db) == (ref_order, ref)  # resumed to exactly the uninterrupted result
    planned = sum(len(points) for _, points in KILL_PLAN)
    print(f"\nkill -9: {kills} kills over {len(KILL_PLAN)} resumed chains; {orphans_checked} orphaned workers "
          "all exited")
    assert kills == planned


def test_a_killed_worker_loses_no_article(shared_dir: Path, tmp_path: Path) -> None:
    corpus = corpus_slice(shared_dir, tmp_path / "c600.jsonl", 3000, 600)
    db = tmp_path / "q.db"
    proc = subprocess.Popen([*CLI, "extract", str(corpus), "--db", str(db), "-j", "2"], env=ENV, cwd=PROJECT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        if db.exists() and rows(db, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == [(1,)] \
                and rows(db, "SELECT count(*) FROM documents")[0][0] > 0:
            workers = _children(proc.pid)
            if workers:
                killed = workers[0]
                os.kill(killed, signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    if killed is None:
        pytest.skip("the run finished before a worker could be killed")
    assert proc.returncode == 0, err
    texts = {text_hash(json.loads(line)["text"]) for line in corpus.read_text(encoding="utf-8").splitlines()}
    assert rows(db, "SELECT count(*) FROM documents") == [(len(texts),)]
    assert rows(db, "SELECT DISTINCT extracted_version FROM documents") == [(__version__,)]


# ---------------------------------------------------------------------- concurrent writers


def test_review_decisions_during_a_bulk_extraction(shared_dir: Path, tmp_path: Path, qapp: Any) -> None:
    """Decisions through the review app's own path (gui.history: the window's undoable,
    retrying commands, on a store opened as the app opens it: gui.app.open_store) while
    `quotes extract` writes the same file, re-extracting the documents under review (--force)
    and adding new ones. If the app cannot be imported, Store.record_decision (which it calls)."""
    db = tmp_path / "q.db"
    under_review = corpus_slice(shared_dir, tmp_path / "a.jsonl", 4000, 250)
    assert quotes_cli("extract", str(under_review), "--db", str(db), "-j", "2").returncode == 0
    more = corpus_slice(shared_dir, tmp_path / "b.jsonl", 4250, 350)
    messages: list[str] = []
    try:
        from gui.app import open_store
        from gui.history import Decide, History
    except ImportError as exc:  # the app is being rebuilt: the store call it makes is the same
        print(f"\ngui not importable ({exc}): deciding through Store.record_decision")
        store = Store.open(db, create=False, timeout=5.0)

        def decide(qid: int, decision: str, reason: str | None, changes: dict[str, Any]) -> int | None:
            store.record_decision(qid, decision, reviewer="amal", reason=reason, changes=changes or None)
            return qid

        def undo() -> int | None:
            return store.undo("amal")

        def flush() -> bool:
            return True
    else:
        store = open_store(db)
        history = History(store, "amal")
        history.failed.connect(messages.append)

        def decide(qid: int, decision: str, reason: str | None, changes: dict[str, Any]) -> int | None:
            return history.push(Decide(qid, decision, reason, changes))

        def undo() -> int | None:
            return history.undo()

        def flush() -> bool:
            return history.flush() and history.pending == []

    ids = store.queue_ids(order="document")
    proc = subprocess.Popen([*CLI, "extract", str(under_review), str(more), "--db", str(db), "-j", "2", "--force"],
                            env=ENV, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    decisions = ("accepted", "rejected", "corrected", "skipped", "corrected")
    made = undos = interleaved = 0
    latencies: list[float] = []
    seen_version = store.data_version()
    i = 0
    while proc.poll() is None or made < 300:
        qid = ids[i % len(ids)]
        decision = decisions[i % len(decisions)]
        changes = {}
        if decision == "corrected":
            changes = {"kind": "mixed"} if i % 2 else {"speaker": f"متحدث رقم {i % 7}"}
        t = time.monotonic()
        assert decide(qid, decision, "ليس اقتباسا" if decision == "rejected" else None, changes) == qid
        latencies.append(time.monotonic() - t)
        made += 1
        version = store.data_version()  # changes when another connection (the extraction) committed
        interleaved += version != seen_version
        seen_version = version
        if i % 25 == 24:
            assert undo() is not None
            undos += 1
        i += 1
        qapp.processEvents()
        time.sleep(0.002)  # a very fast reviewer, not a busy loop starving the extraction of CPU
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "locked" not in err and "busy" not in err
    assert flush()
    assert messages == []  # nothing like "database is locked / busy" reached the reviewer
    store.close()

    assert rows(db, "SELECT count(*) FROM reviews WHERE reviewer = 'amal'") == [(made + undos,)]
    assert rows(db, "SELECT count(*) FROM reviews WHERE decision NOT IN ('undo', 'redo')") == [(made,)]
    last = dict(rows(db, "SELECT quote_id, decision FROM reviews WHERE id IN "
                         "(SELECT max(id) FROM reviews GROUP BY quote_id)"))
    status = dict(rows(db, "SELECT id, status FROM quotes"))
    for qid, decision in last.items():
        if decision in ("accepted", "rejected", "corrected"):
            assert status[qid] == decision, qid  # no decision was lost or overwritten
    new_texts = {text_hash(json.loads(line)["text"]) for line in more.read_text(encoding="utf-8").splitlines()}
    old_texts = {text_hash(json.loads(line)["text"]) for line in under_review.read_text(encoding="utf-8").splitlines()}
    assert rows(db, "SELECT count(*) FROM documents") == [(len(new_texts | old_texts),)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    latencies.sort()
    assert interleaved >= 10  # the decisions really did alternate with the extraction's commits
    print(f"\nconcurrency: {made} decisions ({interleaved} right after an extraction commit) + {undos} undos, "
          f"{made + undos} review rows; decision latency median {latencies[len(latencies) // 2] * 1000:.1f} ms, "
          f"max {latencies[-1] * 1000:.0f} ms; 0 busy messages")


# ---------------------------------------------------------------------- reviews are sacred


def _reviewed(db: Path) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    try:
        # A skip, or an undone decision, leaves a pending suggestion: re-extraction may refresh
        # it (run, time), but never delete it while the log points at it.
        reviewed = conn.execute(
            "SELECT * FROM quotes WHERE status != 'pending' OR origin = 'reviewer' ORDER BY id").fetchall()
        return {
            "quotes": reviewed,
            "logged": conn.execute("SELECT q.id, q.status, q.start, q.\"end\" FROM quotes q "
                                   "WHERE q.id IN (SELECT quote_id FROM reviews) ORDER BY q.id").fetchall(),
            "reviews": conn.execute("SELECT * FROM reviews ORDER BY id").fetchall(),
            "reviewer_aliases": conn.execute("SELECT * FROM speaker_aliases WHERE source = 'reviewer' "
                                             "ORDER BY id").fetchall(),
            "speakers": conn.execute("SELECT s.* FROM speakers s WHERE s.id IN (SELECT speaker_id FROM quotes WHERE "
                                     "status != 'pending') ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


def test_reextraction_never_changes_a_review(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    assert quotes_cli("extract", str(SEEDS), "--db", str(db), "-j", "1").returncode == 0
    with Store.open(db) as s:
        ids = s.queue_ids(order="document")
        q = {r["id"]: r for r in s.quote_rows(ids)}
        s.record_decision(ids[0], "accepted", reviewer="amal")
        s.record_decision(ids[1], "rejected", reviewer="amal", reason="not a quote")
        a, b = q[ids[2]]["start"], q[ids[2]]["end"]
        s.record_decision(ids[2], "corrected", reviewer="amal",
                          changes={"start": a + 3, "end": b - 2, "speaker": "اسم صححه المراجع", "kind": "mixed"})
        s.record_decision(ids[3], "corrected", reviewer="amal", changes={"speaker": ""})
        s.record_decision(ids[4], "skipped", reviewer="amal")
        s.record_decision(ids[5], "accepted", reviewer="amal")
        s.undo("amal")
        s.record_decision(ids[6], "rejected", reviewer="amal", reason="duplicate")
        doc = q[ids[7]]["document_id"]
        s.add_quote(doc, q[ids[7]]["end"] + 5, q[ids[7]]["end"] + 40, kind="indirect", speaker="قائل أضافه المراجع",
                    reviewer="amal")
        pending_before = s.progress()["pending"]
    before = _reviewed(db)
    assert len(before["reviews"]) == 9

    # An extractor of another version: everything is extracted again.
    with Store.open(db) as s:
        s.db.conn.execute("UPDATE documents SET extracted_version = '0.0.1'")
    again = quotes_cli("extract", str(SEEDS), "--db", str(db), "-j", "2", "--progress")
    assert again.returncode == 0, again.stderr
    assert again.stderr.strip().splitlines()[-1].startswith("5 articles,")
    assert _reviewed(db) == before
    # --force, the same.
    assert quotes_cli("extract", str(SEEDS), "--db", str(db), "-j", "1", "--force").returncode == 0
    assert _reviewed(db) == before
    with Store.open(db) as s:
        # The corrected quote's original span is not suggested again beside it.
        assert s.progress()["pending"] == pending_before
        assert s.extracted_version(text_hash(SEED.read_text(encoding="utf-8"))) == __version__
