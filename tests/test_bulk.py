"""Bulk extraction: `quotes extract` over corpus articles, parallel, resumable, batched, bounded.

Runs the real CLI in a subprocess on slices of ../shared/corpus/saudinewsnet-10k.jsonl.gz.
The full 10,000-article measurement is not a test (see the project report); these keep to a
few hundred articles.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database, Migrations

from quotes import __version__
from quotes.bulk import CHUNK_ARTICLES, CHUNKS_IN_FLIGHT_PER_JOB, extract_stream
from quotes.migrations import SCHEMA_VERSION, m001_initial
from quotes.normalize import fold
from quotes.records import Article, Quote
from quotes.sources import iter_articles
from quotes.store import Store, text_hash

PROJECT = Path(__file__).resolve().parents[1]


def quotes_cli(*args: str, timeout: float = 120, hash_seed: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    return subprocess.run([sys.executable, "-m", "quotes.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=PROJECT, timeout=timeout)


def corpus_slice(shared: Path, target: Path, start: int, count: int) -> Path:
    with gzip.open(shared / "corpus" / "saudinewsnet-10k.jsonl.gz", "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, start, start + count))
    target.write_text("".join(lines), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def corpus300(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus_slice(shared_dir, tmp_path_factory.mktemp("bulk") / "c300.jsonl", 2000, 300)


def table(db: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def summary(stderr: str) -> str:
    return stderr.strip().splitlines()[-1]


# ---------------------------------------------------------------------- a corpus run


def test_300_corpus_articles_with_two_jobs(corpus300: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "q.db", tmp_path / "q.jsonl"
    texts = [json.loads(line)["text"] for line in corpus300.read_text(encoding="utf-8").splitlines()]
    started = time.monotonic()
    run = quotes_cli("extract", str(corpus300), "--db", str(db), "--jsonl", str(out), "-j", "2", "--progress")
    took = time.monotonic() - started
    assert run.returncode == 0, run.stderr
    assert took < 20, f"300 articles took {took:.1f} s"
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_doc: dict[str, str] = {json.loads(line)["id"]: json.loads(line)["text"]
                              for line in corpus300.read_text(encoding="utf-8").splitlines()}
    spans = {(text_hash(by_doc[r["doc"]]), r["start"], r["end"]) for r in records}
    distinct = {text_hash(t) for t in texts}
    assert table(db, "SELECT count(*) FROM documents") == [(len(distinct),)]
    assert table(db, "SELECT count(*) FROM quotes") == [(len(spans),)]  # one row per span
    stored = set(table(db, 'SELECT d.hash, q.start, q."end" FROM quotes q JOIN documents d ON d.id = q.document_id'))
    assert stored == spans
    assert table(db, "SELECT DISTINCT extracted_version FROM documents") == [(__version__,)]
    assert table(db, "SELECT documents, quotes, finished_at IS NOT NULL FROM runs") == [(300, len(records), 1)]
    assert table(db, "PRAGMA integrity_check") == [("ok",)]
    assert summary(run.stderr).startswith(f"300 articles, {len(records)} quotes, ")
    assert "0 failures" in summary(run.stderr) and f"into {db}" in summary(run.stderr)

    # Run again: everything is stored by this version, so nothing is extracted or written.
    before = table(db, "SELECT id, updated_at FROM quotes ORDER BY id")
    again = quotes_cli("extract", str(corpus300), "--db", str(db), "--jsonl", str(out), "-j", "2", "--progress")
    assert again.returncode == 0, again.stderr
    assert summary(again.stderr).startswith("0 articles (300 already stored, skipped), 0 quotes")
    assert out.read_text(encoding="utf-8") == ""  # skipped articles write no JSONL lines
    assert table(db, "SELECT id, updated_at FROM quotes ORDER BY id") == before

    # --force extracts everything again: same suggestions, updated in place, same JSONL.
    forced = quotes_cli("extract", str(corpus300), "--db", str(db), "--jsonl", str(out), "-j", "2", "--force")
    assert forced.returncode == 0, forced.stderr
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == records
    after = table(db, "SELECT id, updated_at FROM quotes ORDER BY id")
    assert [r[0] for r in after] == [r[0] for r in before]
    assert all(a[1] > b[1] for a, b in zip(after, before, strict=True))


def test_older_extractor_versions_are_extracted_again(corpus300: Path, tmp_path: Path, shared_dir: Path) -> None:
    db = tmp_path / "q.db"
    small = corpus_slice(shared_dir, tmp_path / "c40.jsonl", 2000, 40)
    assert quotes_cli("extract", str(small), "--db", str(db), "-j", "1").returncode == 0
    with Store.open(db) as s:
        s.db.conn.execute("UPDATE documents SET extracted_version = '0.0.1' WHERE id % 4 = 0")
        old = s.db.conn.execute("SELECT count(*) FROM documents WHERE extracted_version = '0.0.1'").fetchone()[0]
    assert old == 10
    run = quotes_cli("extract", str(small), "--db", str(db), "-j", "1", "--progress")
    assert run.returncode == 0, run.stderr
    assert summary(run.stderr).startswith(f"{old} articles ({40 - old} already stored, skipped)")
    assert table(db, "SELECT DISTINCT extracted_version FROM documents") == [(__version__,)]


def test_jobs_do_not_change_the_output(shared_dir: Path, tmp_path: Path) -> None:
    """Seeds, the 120 corpus .txt articles with their sidecars, and 120 JSONL records; nor does
    the hash seed (set iteration order): 40 of the records are from the stretch where a name
    looked up by whichever of its words a set yielded first gave two speakers."""
    inputs = [str(shared_dir / "seeds"), str(shared_dir / "corpus" / "articles"),
              str(corpus_slice(shared_dir, tmp_path / "c80.jsonl", 5000, 80)),
              str(corpus_slice(shared_dir, tmp_path / "c40.jsonl", 3180, 40))]
    outputs = []
    for jobs, seed in (("1", "0"), ("2", "1")):
        out = tmp_path / f"j{jobs}.jsonl"
        run = quotes_cli("extract", *inputs, "--jsonl", str(out), "-j", jobs, hash_seed=seed)
        assert run.returncode == 0, run.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    docs = {json.loads(line)["doc"] for line in outputs[0].decode("utf-8").splitlines()}
    assert len(docs) > 100  # most of the 205 articles have quotes


# ---------------------------------------------------------------------- streaming, batching


def test_stream_keeps_a_bounded_number_of_articles_in_flight(shared_dir: Path) -> None:
    """The reader never runs more than the in-flight window ahead of the results."""
    with gzip.open(shared_dir / "corpus" / "saudinewsnet-10k.jsonl.gz", "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in itertools.islice(f, 400)]
    pulled = 0

    def articles():
        nonlocal pulled
        for r in records:
            pulled += 1
            yield Article(doc=r["id"], text=r["text"])

    jobs = 2
    bound = (jobs * CHUNKS_IN_FLIGHT_PER_JOB + 1) * CHUNK_ARTICLES
    ahead = []
    docs = []
    for article, quotes, problem in extract_stream(articles(), jobs=jobs, aliases={}):
        docs.append(article.doc)
        ahead.append(pulled - len(docs))
        assert problem is None and quotes is not None
    assert docs == [r["id"] for r in records]  # input order, whatever finished first
    assert max(ahead) <= bound
    assert max(ahead) >= CHUNK_ARTICLES  # it does read ahead: the workers are kept busy


def test_save_extractions_is_one_transaction(tmp_path: Path) -> None:
    seeds = sorted((PROJECT / "seeds").glob("*.txt"))
    arts = [Article(doc=p.name, text=p.read_text(encoding="utf-8")) for p in seeds]

    def quote(art: Article, start: int, end: int) -> Quote:
        return Quote(doc=art.doc, start=start, end=end, text=art.text[start:end], kind="direct", cue="", cue_start=None,
                     cue_end=None, speaker="متحدث", speaker_mention="", mention_start=None, mention_end=None,
                     confidence=0.5)

    good = [(a, [quote(a, 10, 40)]) for a in arts]
    bad = (arts[0], [quote(arts[0], 10, len(arts[0].text) + 5)])
    with Store.open(tmp_path / "q.db") as s:
        run = s.start_run("9.9", {})
        with pytest.raises(ValueError, match="outside the text"):
            s.save_extractions([*good[:3], bad, *good[3:]], run)
        assert s.db.conn.execute("SELECT count(*) FROM documents").fetchone() == (0,)  # nothing half-written
        result = s.save_extractions(good, run)
        assert [n for _, n in result] == [1] * len(arts)
        assert s.db.conn.execute("SELECT DISTINCT extracted_version, extracted_run FROM documents").fetchall() == [
            ("9.9", run)]
        assert s.extracted_version(text_hash(arts[0].text)) == "9.9"
        assert s.extracted_version("0" * 64) is None
        assert s.save_extractions([], run) == []
        # save_extraction keeps its signature; version can be given explicitly.
        s.save_extraction(arts[0], good[0][1], None, version="10.0")
        assert s.extracted_version(text_hash(arts[0].text)) == "10.0"


def test_schema_1_database_is_upgraded_with_versions_backfilled(tmp_path: Path) -> None:
    """A database written before documents recorded their extractor version."""
    path = tmp_path / "old.db"
    db = Database(path)
    old = Migrations("quotes")
    old()(m001_initial)
    old.apply(db)
    db.execute("PRAGMA user_version = 1")
    conn = db.conn
    conn.execute("INSERT INTO runs (id, extractor_version, started_at) VALUES (1, '0.0.9', 'x')")
    for i in (1, 2):
        conn.execute("INSERT INTO documents (id, hash, doc, text, added_at) VALUES (?, ?, ?, 'نص', 'x')",
                     [i, f"h{i}", f"d{i}"])
    conn.execute("INSERT INTO quotes (document_id, start, \"end\", text, kind, run_id, text_norm, updated_at) "
                 "VALUES (1, 0, 2, 'نص', 'direct', 1, 'نص', 'x')")
    conn.commit()
    db.close()
    with Store.open(path) as s:
        rows = s.db.conn.execute("SELECT id, extracted_version, extracted_run FROM documents ORDER BY id").fetchall()
        assert rows == [(1, "0.0.9", 1), (2, None, None)]  # no quotes, no run known: extracted again
        assert s.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_reviewer_aliases_only_reach_the_extractor(tmp_path: Path) -> None:
    """A bulk run applies reviewer aliases, never what other stored articles happened to say."""
    text = (PROJECT / "seeds" / "001_3aac6772f4977325.txt").read_text(encoding="utf-8")
    art = Article(doc="a", text=text)
    q = Quote(doc="a", start=100, end=140, text=text[100:140], kind="direct", cue="", cue_start=None, cue_end=None,
              speaker="فؤاد حسين", speaker_mention="حسين", mention_start=None, mention_end=None, confidence=0.5)
    with Store.open(tmp_path / "q.db") as s:
        s.save_extraction(art, [q], None)
        assert s.reviewer_alias_map() == {}
        speaker_id = s.quote_rows(s.queue_ids())[0]["speaker_id"]
        s.add_alias(speaker_id, "وزير الخارجية العراقي")
        assert s.reviewer_alias_map() == {fold("وزير الخارجية العراقي"): "فؤاد حسين"}
        assert "حسين" in s.alias_map()  # the general map still has the extractor's aliases


# ---------------------------------------------------------------------- start-up (issue 14)


def test_a_small_input_is_extracted_without_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Starting workers for one chunk costs more than it saves (each imports camel-tools)."""
    from quotes import bulk

    def no_pool(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a worker pool was started for one chunk of articles")

    monkeypatch.setattr(bulk, "_Pool", no_pool)
    seeds = [str(p) for p in sorted((PROJECT / "seeds").glob("*.txt"))]
    lines: list[str] = []

    class Sink:
        def write(self, text: str) -> None:
            lines.extend(text.splitlines())

    summary = bulk.run_extraction(seeds, jsonl=Sink(), jobs=4)
    assert summary.complete and summary.extracted == len(seeds) and summary.failed == 0
    assert {json.loads(line)["doc"] for line in lines} <= set(seeds) and len(lines) == summary.quotes > 0
    # More than one chunk: the pool is wanted again.
    many = [Article(doc=f"a{i}", text="قال الوزير إن الاتفاق قريب.") for i in range(CHUNK_ARTICLES + 1)]
    with pytest.raises(AssertionError, match="worker pool"):
        bulk.run_extraction(many, jobs=2)


def test_extracting_to_jsonl_does_not_import_the_store_or_the_progress_bar(tmp_path: Path) -> None:
    code = ("import sys, time\nfrom quotes.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in ('quotes.store', 'sqlite_utils', 'tqdm', 'concurrent.futures', 'trafilatura')"
            " if m in sys.modules))")
    seed = str(PROJECT / "seeds" / "001_3aac6772f4977325.txt")
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-c", code, "extract", seed, "--jsonl", str(tmp_path / "o.jsonl")],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(PROJECT)}, cwd=PROJECT,
                         timeout=60)
    took = time.monotonic() - started
    assert run.returncode == 0, run.stderr
    loaded = run.stdout.strip().splitlines()[-1]
    # tqdm may come with camel-tools; the store and the pool machinery must not.
    assert "quotes.store" not in loaded and "sqlite_utils" not in loaded and "concurrent.futures" not in loaded
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8").count("\n") > 0
    print(f"\none article to --jsonl, whole process: {took:.2f} s")


def test_run_extraction_as_a_library(tmp_path: Path) -> None:
    """The API the command wraps: articles or paths in, a Summary out, problems to a callback."""
    from quotes.bulk import run_extraction

    seeds = sorted((PROJECT / "seeds").glob("*.txt"))
    articles = list(iter_articles([str(p) for p in seeds]))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": ["x"], "text": "قال الوزير"}\n', encoding="utf-8")
    problems: list[str] = []
    seen: list[int] = []
    with Store.open(tmp_path / "q.db") as store:
        first = run_extraction(articles, store=store, jobs=1, on_error=problems.append,
                               on_progress=lambda s: seen.append(s.seen))
        assert first.complete and (first.extracted, first.skipped, first.failed) == (len(seeds), 0, 0)
        assert first.quotes == table(tmp_path / "q.db", "SELECT count(*) FROM quotes")[0][0] > 0
        assert seen[-1] == len(seeds) and problems == []
        again = run_extraction([str(p) for p in seeds] + [str(bad)], store=store, jobs=2, on_error=problems.append)
        assert (again.extracted, again.skipped, again.failed) == (0, len(seeds), 1)
        assert problems == [f'{bad}:1: "id" is a JSON array, not a string or number; give each record an id like '
                            '"article-17"']
        assert table(tmp_path / "q.db", "SELECT count(*), min(finished_at IS NOT NULL) FROM runs") == [(2, 1)]


def test_the_workers_exit_as_soon_as_the_run_ends() -> None:
    """Each forked worker once held the parent's ends of the pipes, its own included: it never
    read end-of-file, and the run waited 2 s per worker before killing them (-j 2 took 6 s for
    300 articles, 1.2 s without)."""
    text = (PROJECT / "seeds" / "001_3aac6772f4977325.txt").read_text(encoding="utf-8")
    articles = [Article(doc=f"a{i}", text=text[: 500 + i]) for i in range(3 * CHUNK_ARTICLES)]
    stream = extract_stream(articles, jobs=2, aliases={})
    results = [next(stream) for _ in articles]
    assert [article.doc for article, _, _ in results] == [a.doc for a in articles]
    started = time.monotonic()
    assert next(stream, None) is None  # the pool closes: the workers leave their loop and exit
    assert time.monotonic() - started < 1.0
