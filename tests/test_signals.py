"""SIGTERM to the process group of `quotes extract -j 2` (issue 14, defect 2).

`timeout`, systemd and batch schedulers signal the whole group: the workers die at once,
perhaps in the middle of sending a result. The run must still end with status 143 within a
second or two, every time, leave a consistent database (a prefix of the input, each article
whole) and no zombie. The signal is sent at points chosen inside the run (before the first
article is stored, after 1, 8, 40 ...), found by polling the database, so the test does not
depend on the machine's speed.
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from quotes import __version__
from quotes.store import text_hash

PROJECT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(PROJECT)}
CLI = [sys.executable, "-m", "quotes.cli"]


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    with contextlib.suppress(sqlite3.Error):
        return int(_rows(db, "SELECT count(*) FROM documents")[0][0])
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _start_time(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _gone(pid: int, born: str | None) -> bool:
    """The worker has exited and been reaped. A loaded machine may take a moment to finish a
    killed process's exit, and a new process may reuse its pid: the start time tells them apart."""
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        state, started = _state(pid), _start_time(pid)
        if state is None or (born is not None and started != born):
            return True
        if state == "Z":
            return False  # a zombie: the main process did not reap it
        time.sleep(0.05)
    return False


def _describe(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return f"ppid {stat.rsplit(')', 1)[1].split()[1]}, {stat[:60]}"
    except OSError:
        return "gone"


def _state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None  # gone and reaped


def test_sigterm_to_the_group_of_extract_j2_exits_143_at_once(shared_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "c300.jsonl"
    with gzip.open(shared_dir / "corpus" / "saudinewsnet-10k.jsonl.gz", "rt", encoding="utf-8") as f:
        corpus.write_text("".join(itertools.islice(f, 5000, 5300)), encoding="utf-8")
    order = list(dict.fromkeys(text_hash(json.loads(line)["text"])
                               for line in corpus.read_text(encoding="utf-8").splitlines()))
    # Points inside the run: workers started but nothing stored yet, then after N articles.
    points = [0, 1, 1, 8, 8, 16, 24, 40, 40, 64]
    exits: list[float] = []
    for run, after in enumerate(points):
        db = tmp_path / f"run{run}.db"
        proc = subprocess.Popen([*CLI, "extract", str(corpus), "--db", str(db), "-j", "2", "--quiet"], env=ENV,
                                cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        deadline = time.monotonic() + 60
        workers: list[int] = []
        born: dict[int, str | None] = {}
        while proc.poll() is None and time.monotonic() < deadline:
            workers = _children(proc.pid) or workers
            born.update({w: _start_time(w) for w in workers if w not in born})
            if len(workers) >= 2 and _stored(db) >= after:
                break
            time.sleep(0.005)
        assert proc.poll() is None, f"run {run}: finished before {after} articles were stored"
        workers = _children(proc.pid) or workers
        born.update({w: _start_time(w) for w in workers if w not in born})
        sent = time.monotonic()
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise AssertionError(f"run {run} (after {after} articles): still running 10 s after SIGTERM") from None
        took = time.monotonic() - sent
        exits.append(took)
        assert proc.returncode == 143, f"run {run}: exit {proc.returncode}: {err}"
        assert "interrupted: every article stored so far is complete" in err
        assert took < 2.0, f"run {run} (after {after} articles): {took:.2f} s from SIGTERM to exit"
        assert workers, "the run had worker processes"
        for worker in workers:  # killed and reaped by the main process: no zombie, no orphan
            assert _gone(worker, born[worker]), f"worker {worker} left as {_state(worker)}: {_describe(worker)}"
        assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
        stored = [h for (h,) in _rows(db, "SELECT hash FROM documents ORDER BY id")]
        assert stored == order[:len(stored)] and len(stored) >= after  # a prefix of the input
        assert _rows(db, "SELECT DISTINCT extracted_version FROM documents") in ([], [(__version__,)])
    print(f"\nSIGTERM to the group of extract -j 2, {len(exits)} runs: exit after "
          f"{min(exits):.2f}-{max(exits):.2f} s (mean {sum(exits) / len(exits):.2f} s)")
