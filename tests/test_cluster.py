"""Extraction on a Dask cluster (issue 12): a LocalCluster of 2 worker processes behaves like a
real cluster, so these run in CI (the dev install brings the cluster extra).

One cluster serves the in-process tests; the CLI tests start their own (``--cluster local:2``)
in a subprocess, as a user would. The reference is the CLI's ``-j 1`` run on the same 20
corpus articles: the cluster's JSON Lines, database and Parquet must equal it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed")
dask = pytest.importorskip("dask")
pq = pytest.importorskip("pyarrow.parquet", reason="the cluster extra is not installed")
pc = pytest.importorskip("pyarrow.compute")

from quotes.bulk import LocalExecutor, run_extraction  # noqa: E402
from quotes.cluster import ClusterExecutor  # noqa: E402
from quotes.parquet import JSONL_COLUMNS, ParquetDataset, import_dataset  # noqa: E402
from quotes.records import Article  # noqa: E402
from quotes.store import Store, text_hash  # noqa: E402

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "seeds" / "000_d6f77bd85ba13e0e.txt"
ENV = {**os.environ, "PYTHONPATH": str(PROJECT)}
CLI = [sys.executable, "-m", "quotes.cli"]
BATCH = 3  # articles a task: 7 batches over the 20 articles, so both workers get several


def quotes_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, encoding="utf-8", env=ENV, cwd=PROJECT,
                          timeout=timeout)


class JsonlSink:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text


class Poison(str):
    """An article text the extractor fails on, on any process (pickled by reference)."""

    def __getitem__(self, key: Any) -> Any:
        raise ValueError("poisoned text")


class KillOnce(distributed.WorkerPlugin):
    """Kills its worker process (SIGKILL) when a quotes batch starts executing on it, once per
    marker file: the batch is lost with the worker, mid-run."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish == "executing" and str(key).startswith("quotes-batch") and not os.path.exists(self.marker):
            Path(self.marker).write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)


class KillOn(distributed.WorkerPlugin):
    """Kills its worker process whenever one of the quotes tasks ``parts`` starts executing (the
    key's end: "1" the second batch, "1-1" its second article alone, "1-1-again" once more):
    an article that brings down every worker it is sent to."""

    def __init__(self, parts: set[str]) -> None:
        self.parts = parts

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        name = str(key)
        if finish == "executing" and name.startswith("quotes-batch-") and name.split("-", 3)[3] in self.parts:
            os.kill(os.getpid(), signal.SIGKILL)


@pytest.fixture(scope="module")
def articles(shared_dir: Path) -> list[str]:
    folder = shared_dir / "corpus" / "articles"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    return [str(p) for p in sorted(folder.glob("*.txt"))[:20]]


@pytest.fixture(scope="module")
def reference(articles: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The local -j 1 run: its JSON Lines and its database."""
    folder = tmp_path_factory.mktemp("reference")
    run = quotes_cli("extract", *articles, "--jsonl", str(folder / "ref.jsonl"), "--db", str(folder / "ref.db"),
                     "-j", "1")
    assert run.returncode == 0, run.stderr
    jsonl = (folder / "ref.jsonl").read_text(encoding="utf-8")
    assert jsonl.count("\n") > 50
    return {"jsonl": jsonl, "db": stored(folder / "ref.db")}


@pytest.fixture(scope="module")
def cluster() -> Any:
    # A task is given up (KilledWorker) after killing 2 workers, not Dask's default 4: the
    # tests that kill workers stay short.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def executor(cluster: Any, **kwargs: Any) -> ClusterExecutor:
    return ClusterExecutor(cluster.scheduler_address, batch_articles=BATCH, dashboard=False, **kwargs)


def stored(db: Path) -> dict[str, Any]:
    """Everything extraction wrote, comparably: documents in storing order, quotes, speakers."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {
            "documents": conn.execute("SELECT hash, doc, title, url, source, date, text, extracted_version "
                                      "FROM documents ORDER BY id").fetchall(),
            "quotes": sorted(conn.execute(
                'SELECT d.hash, q.start, q."end", q.text, q.kind, q.cue, q.cue_start, q.cue_end, '
                "q.speaker_mention, q.mention_start, q.mention_end, s.name, q.confidence, q.evidence, q.status "
                "FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN speakers s ON s.id = q.speaker_id"
            ).fetchall(), key=repr),
            "speakers": sorted(conn.execute("SELECT name, type, role FROM speakers").fetchall(), key=repr),
        }
    finally:
        conn.close()


def parquet_rows(folder: Path) -> list[dict[str, Any]]:
    """The quotes dataset read back with pyarrow alone, as JSON Lines records."""
    rows = pq.read_table(str(folder / "quotes")).to_pylist()
    return [{c: json.loads(r[c]) if c == "evidence" else r[c] for c in JSONL_COLUMNS} for r in rows]


def jsonl_rows(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


# ---------------------------------------------------------------------- the same output


def test_a_cluster_run_equals_the_local_j1_run(cluster: Any, articles: list[str], reference: dict[str, Any],
                                               tmp_path: Path) -> None:
    """JSON Lines byte for byte, the database, and Parquet (read back with pyarrow) row for row;
    the Extractor is built once per worker, not per batch."""
    jsonl = JsonlSink()
    extractors: dict[int, dict[str, Any]] = {}  # articles seen -> the extractor object of each worker

    def extractor_ids(dask_worker: Any) -> list[int]:
        return [id(p.extractor) for name, p in dask_worker.plugins.items() if name.startswith("quotes-extractor")]

    with executor(cluster) as ex:
        def progress(summary: Any) -> None:
            if summary.seen in (2, 19) and summary.seen not in extractors:
                extractors[summary.seen] = ex.client.run(extractor_ids)

        with Store.open(tmp_path / "c.db") as store, \
                ParquetDataset.open(tmp_path / "pq", rows_per_part=40) as sink:
            summary = run_extraction(articles, store=store, jsonl=jsonl, executor=ex, sink=sink,
                                     on_progress=progress)
        assert summary.complete and summary.extracted == 20 and summary.failed == 0
        assert ex.stats.workers == 2 and ex.stats.batches == 7 and ex.stats.in_flight == 0
    assert jsonl.text == reference["jsonl"]
    assert stored(tmp_path / "c.db") == reference["db"]
    assert sink.parts_written > 3  # a part every 40 quotes: several files, read back in order
    assert parquet_rows(tmp_path / "pq") == jsonl_rows(reference["jsonl"])
    documents = pq.read_table(str(tmp_path / "pq" / "documents")).to_pylist()
    assert [(d["doc_hash"], d["doc"], d["text"]) for d in documents] == \
        [(h, doc, text) for h, doc, *_, text, _ in reference["db"]["documents"]]
    assert all(d["doc_hash"] == text_hash(d["text"]) for d in documents)
    # The same extractor object on each worker from the second article to the nineteenth.
    assert len(extractors) == 2 and extractors[2] == extractors[19]
    assert sorted(len(ids) for ids in extractors[2].values()) == [1, 1]


def test_a_worker_killed_mid_batch(cluster: Any, articles: list[str], reference: dict[str, Any],
                                   tmp_path: Path) -> None:
    """The batch runs again on the other worker; the client writes each batch once."""
    marker = tmp_path / "killed"
    with executor(cluster) as ex:
        ex.client.register_plugin(KillOnce(str(marker)), name="kill-once")
        try:
            jsonl = JsonlSink()
            with Store.open(tmp_path / "k.db") as store:
                summary = run_extraction(articles, store=store, jsonl=jsonl, executor=ex)
        finally:
            ex.client.unregister_worker_plugin("kill-once")
        assert marker.exists(), "no worker was killed"
        assert summary.complete and summary.extracted == 20 and summary.failed == 0
        ex.client.wait_for_workers(2, timeout=30)  # the nanny restarted it, for the next tests
    assert jsonl.text == reference["jsonl"]
    assert stored(tmp_path / "k.db") == reference["db"]  # nothing twice, nothing lost


def test_an_article_that_kills_every_worker_is_the_only_one_lost(cluster: Any, articles: list[str],
                                                               reference: dict[str, Any], tmp_path: Path) -> None:
    """The batch holding it kills two workers (KilledWorker): it is split, its articles sent one
    a task, and only the one that kills two workers again, twice, is reported, as -j reports it
    (with Dask's default, four and four)."""
    fatal = articles[BATCH + 1]  # the second article of the second batch: task keys …-1, then …-1-1
    problems: list[str] = []
    jsonl = JsonlSink()
    with executor(cluster) as ex:
        ex.client.register_plugin(KillOn({"1", "1-1", "1-1-again"}), name="kill-on")
        try:
            summary = run_extraction(articles, jsonl=jsonl, executor=ex, on_error=problems.append)
        finally:
            ex.client.unregister_worker_plugin("kill-on")
        assert ex.stats.resubmitted >= 1  # its batch, and maybe one that queued behind it on a dying worker
        ex.client.wait_for_workers(2, timeout=30)
    assert problems == [f"{fatal}: the worker process died extracting it, on every worker it was sent to (out of "
                        "memory?); split the article or run it alone with -j 1"]
    assert (summary.extracted, summary.failed) == (19, 1)
    expected = [r for r in jsonl_rows(reference["jsonl"]) if r["doc"] != fatal]
    assert jsonl_rows(jsonl.text) == expected


def test_a_bad_article_is_reported_as_locally(cluster: Any) -> None:
    text = SEED.read_text(encoding="utf-8")
    batch = [Article(doc="good-1", text=text), Article(doc="poison", text=Poison(text)),
             Article(doc="good-2", text=text[:2000])]
    outcomes = []
    for where in (LocalExecutor(1), executor(cluster)):
        problems: list[str] = []
        jsonl = JsonlSink()
        summary = run_extraction(batch, jsonl=jsonl, executor=where, on_error=problems.append)
        if isinstance(where, ClusterExecutor):
            where.close()
        outcomes.append((problems, jsonl.text, summary.extracted, summary.failed))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == ["poison: extraction failed (ValueError: poisoned text); please report it"]
    assert outcomes[0][2:] == (2, 1)


# ---------------------------------------------------------------------- Parquet and import


def test_import_from_parquet_keeps_the_document_identity(cluster: Any, articles: list[str],
                                                         reference: dict[str, Any], tmp_path: Path) -> None:
    with executor(cluster) as ex, ParquetDataset.open(tmp_path / "pq") as sink:
        assert run_extraction(articles, executor=ex, sink=sink).complete
    run = quotes_cli("import", str(tmp_path / "pq"), "--db", str(tmp_path / "review.db"), "--progress")
    assert run.returncode == 0, run.stderr
    assert stored(tmp_path / "review.db") == reference["db"]
    assert run.stderr.strip().splitlines()[-1].startswith(f"20 documents, {reference['jsonl'].count(chr(10))} quotes")
    again = quotes_cli("import", str(tmp_path / "pq"), "--db", str(tmp_path / "review.db"), "--progress")
    assert again.returncode == 0 and "(20 already stored, skipped)" in again.stderr

    # A researcher's selection (as DuckDB would write it): the quotes of persons, their documents.
    quotes = pq.read_table(str(tmp_path / "pq" / "quotes"))
    persons = quotes.filter(pc.equal(quotes["speaker_type"], "person"))
    hashes = set(persons.column("doc_hash").to_pylist())
    documents = pq.read_table(str(tmp_path / "pq" / "documents"))
    chosen = documents.filter([h in hashes for h in documents.column("doc_hash").to_pylist()])
    for name, table in (("quotes", persons), ("documents", chosen)):
        (tmp_path / "sel" / name).mkdir(parents=True)
        pq.write_table(table, str(tmp_path / "sel" / name / "selection.parquet"))
    with Store.open(tmp_path / "selected.db") as store:
        summary = import_dataset(tmp_path / "sel", store)
    assert (summary.extracted, summary.quotes, summary.failed) == (len(hashes), persons.num_rows, 0)
    picture = stored(tmp_path / "selected.db")
    assert {d[0] for d in picture["documents"]} == hashes
    assert {q[11] for q in picture["quotes"]} <= {s for s, *_ in reference["db"]["speakers"]}


def test_parquet_resumes_and_refuses_what_it_cannot_append_to(tmp_path: Path, articles: list[str]) -> None:
    folder = tmp_path / "pq"
    with ParquetDataset.open(folder, rows_per_part=4) as sink:
        first = run_extraction(articles[:10], executor=LocalExecutor(1), sink=sink)
    # What a kill -9 leaves: a temporary file and a quotes part whose documents part never came.
    after = len(list((folder / "documents").iterdir())) + 1
    (folder / "quotes" / f".part-{after:08d}.parquet.999999.0123abcd.quotes-tmp").write_bytes(b"half")
    (folder / "quotes" / f"part-{after:08d}.parquet").write_bytes(b"orphan")
    jsonl = JsonlSink()
    with ParquetDataset.open(folder, rows_per_part=4) as sink:
        second = run_extraction(articles, executor=LocalExecutor(1), sink=sink, jsonl=jsonl)
    assert (first.extracted, second.skipped, second.extracted) == (10, 10, 10)
    # The leftovers are gone; each quotes part has its documents part.
    assert sorted(p.name for p in (folder / "quotes").iterdir()) == sorted(p.name for p in (folder / "documents").iterdir())
    assert all(p.name.startswith("part-") for p in (folder / "quotes").iterdir())
    everything = JsonlSink()
    run_extraction(articles, executor=LocalExecutor(1), jsonl=everything)
    assert parquet_rows(folder) == jsonl_rows(everything.text)  # in input order, nothing twice
    assert jsonl_rows(jsonl.text) == jsonl_rows(everything.text)[-len(jsonl_rows(jsonl.text)):]

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    for args, says in (([str(not_a_folder)], "is not a folder"), ([str(folder), "--force"], "holds a dataset already"),
                       (["/dev/null"], "is not a folder")):
        run = quotes_cli("extract", str(SEED), "--parquet", *args)
        assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
        assert says in run.stderr and args[0] in run.stderr
    assert not_a_folder.read_text() == "x"


# ---------------------------------------------------------------------- the command


def test_resumption_after_the_client_is_killed(articles: list[str], reference: dict[str, Any],
                                               tmp_path: Path) -> None:
    """kill -9 of the client after 10 articles (from inside the run, so on any machine), then the
    same command again: it skips what was stored and finishes with the -j 1 result."""
    db, folder, pids = tmp_path / "q.db", tmp_path / "pq", tmp_path / "workers"
    script = f"""
import os, signal, sys
sys.path.insert(0, {str(PROJECT)!r})
from quotes.bulk import run_extraction
from quotes.cluster import ClusterExecutor
from quotes.parquet import ParquetDataset
from quotes.store import Store

def progress(summary):
    if summary.extracted >= 10:
        os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    with ClusterExecutor("local:2", batch_articles={BATCH}, dashboard=False) as ex:
        open({str(pids)!r}, "w").write(" ".join(str(p) for p in ex.client.run(os.getpid).values()))
        with Store.open({str(db)!r}) as store, ParquetDataset.open({str(folder)!r}, rows_per_part=4) as sink:
            run_extraction(sys.argv[1:], store=store, executor=ex, sink=sink, on_progress=progress)
"""
    (tmp_path / "killed_client.py").write_text(script, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(tmp_path / "killed_client.py"), *articles], cwd=PROJECT, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=90)
        assert proc.returncode == -signal.SIGKILL, err
        workers = [int(p) for p in pids.read_text().split()]
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), "the killed client's workers outlived it"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    half = stored(db)
    assert 0 < len(half["documents"]) < 20
    assert half["documents"] == reference["db"]["documents"][:len(half["documents"])]  # a prefix, each whole

    out = tmp_path / "rest.jsonl"
    resumed = quotes_cli("extract", *articles, "--db", str(db), "--parquet", str(folder), "--jsonl", str(out),
                         "--cluster", "local:2", "--batch", str(BATCH), "--progress")
    assert resumed.returncode == 0, resumed.stderr
    lines = resumed.stderr.strip().splitlines()
    assert lines[0].startswith("quotes: cluster local:2: 2 workers, ")
    assert "dashboard" in lines[0]
    assert f"({len(half['documents'])} already stored, skipped)" in lines[-1]
    assert lines[-1].endswith("; cluster local:2: 2 workers, " + lines[-1].rsplit(" workers, ", 1)[1])
    assert stored(db) == reference["db"]
    assert parquet_rows(folder) == jsonl_rows(reference["jsonl"])
    assert out.read_text(encoding="utf-8") in reference["jsonl"]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    out = tmp_path / "o.jsonl"
    started = time.monotonic()
    run = quotes_cli("extract", str(SEED), "--jsonl", str(out), "--cluster", address, "--connect-timeout", "1")
    assert time.monotonic() - started < 20
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert address in run.stderr and "dask scheduler" in run.stderr
    assert not out.exists()
    for args, says in ((["--cluster", "local:0"], "local:N"), (["--cluster", "local:2", "-j", "2"], "local:2"),
                       (["--batch", "10"], "--cluster")):
        bad = quotes_cli("extract", str(SEED), "--jsonl", str(out), *args)
        assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
        assert says in bad.stderr


def test_without_the_extra_one_line_says_what_to_install(tmp_path: Path) -> None:
    """The base install: no Dask, no pyarrow. --cluster and --parquet say what to install; a plain
    extraction neither needs nor imports them."""
    code = """
import sys
class NoExtra:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("dask", "distributed", "pyarrow"):
            raise ImportError(f"No module named {name!r}")
sys.meta_path.insert(0, NoExtra())
from quotes.cli import main
try:
    main(sys.argv[1:])
except SystemExit as e:
    print(sorted(m for m in ("dask", "distributed", "pyarrow") if m in sys.modules))
    sys.exit(e.code)
"""
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", code, "extract", str(SEED), *args], capture_output=True,
                              text=True, env=ENV, cwd=PROJECT, timeout=60)

    for option in (["--cluster", "local:2"], ["--parquet", str(tmp_path / "pq")]):
        refused = run("--jsonl", str(tmp_path / "o.jsonl"), *option)
        assert refused.returncode == 2, refused.stderr
        assert refused.stderr.strip().splitlines() == [
            f"quotes: {'--cluster needs Dask' if option[0] == '--cluster' else 'Parquet needs pyarrow'}: "
            "pip install 'quotes[cluster]'"]
        assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "pq").exists()
    plain = run("--jsonl", str(tmp_path / "o.jsonl"))
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.strip() == "[]"


def test_plain_extraction_does_not_import_dask(tmp_path: Path) -> None:
    code = ("import sys\nfrom quotes.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in ('dask', 'distributed', 'pyarrow') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code, "extract", str(SEED), "--jsonl", str(tmp_path / "o.jsonl"),
                          "--db", str(tmp_path / "q.db")], capture_output=True, text=True, env=ENV, cwd=PROJECT,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"
