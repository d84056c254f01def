"""The `quotes` command as a user runs it: the JSONL contract, eval, review without a display,
and citation exports (columns, BOM, Arabic, --status, JSONL, hostile cells).

Commands run in a subprocess (``python -m quotes.cli``: this checkout's code, installed or not)
where the process boundary matters (standard streams, exit status, no display), and through
click's CliRunner where a fast in-process run says the same.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotes.cli import main
from quotes.export import COLUMNS
from quotes.records import KINDS, Article, Quote
from quotes.sources import iter_articles
from quotes.store import Store, text_hash

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"


def quotes_cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.run([sys.executable, "-m", "quotes.cli", *args], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", env={**base, **(env or {})}, cwd=PROJECT, timeout=timeout)


def rows_of(db: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def runner_invoke(*args: str) -> Any:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def check_contract(records: list[dict[str, Any]], texts: dict[str, str]) -> None:
    """Every record keeps the README's JSONL contract against the decoded article text."""
    for r in records:
        text = texts[r["doc"]]
        assert 0 <= r["start"] < r["end"] <= len(text)
        assert r["text"] == text[r["start"]:r["end"]]
        assert isinstance(r["speaker"], str) and isinstance(r["speaker_mention"], str)
        assert isinstance(r["cue"], str)
        assert r["kind"] in KINDS
        assert isinstance(r["confidence"], int | float) and 0.0 <= r["confidence"] <= 1.0
        for name, field in (("cue", "cue"), ("mention", "speaker_mention")):
            s, e = r[f"{name}_start"], r[f"{name}_end"]
            if s is None:
                assert e is None and r[field] == ""
            else:
                assert 0 <= s < e <= len(text) and text[s:e] == r[field]
        assert isinstance(r["evidence"], dict)


# ---------------------------------------------------------------------- extract


def test_extract_seeds_jsonl_to_stdout_keeps_the_contract(shared_dir: Path) -> None:
    seeds = shared_dir / "seeds"
    out = quotes_cli("extract", str(seeds), "--jsonl", "-")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""  # off a terminal: no progress bar, no summary
    records = [json.loads(line) for line in out.stdout.splitlines()]
    texts = {a.doc: a.text for a in iter_articles([str(seeds)])}
    assert len(texts) == 5
    assert {r["doc"] for r in records} == set(texts)  # every seed has quotes
    assert len(records) >= 40
    check_contract(records, texts)
    assert {r["kind"] for r in records} == set(KINDS)
    assert sum(1 for r in records if r["speaker"]) >= 0.8 * len(records)


def test_extract_from_stdin_and_progress_lines_off_a_terminal(tmp_path: Path) -> None:
    text = (SEEDS / "004_0c47c0a1c8d85d33.txt").read_text(encoding="utf-8")
    jsonl = json.dumps({"id": "piped-1", "text": text}, ensure_ascii=False) + "\n"
    out = quotes_cli("extract", "-", "--jsonl", "-", "--progress", stdin=jsonl)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records and {r["doc"] for r in records} == {"piped-1"}
    check_contract(records, {"piped-1": text})
    # --progress: the summary even though standard error is a pipe (for programs driving us).
    summary = out.stderr.strip().splitlines()[-1]
    assert summary.startswith("1 articles,") and f"{len(records)} quotes" in summary and "0 failures" in summary


def test_jsonl_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("previous run\n", encoding="utf-8")
    not_db = tmp_path / "notes.db"
    not_db.write_text("my notes, not a database", encoding="utf-8")
    result = runner_invoke("extract", str(SEEDS / "004_0c47c0a1c8d85d33.txt"), "--db", str(not_db),
                           "--jsonl", str(target))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"quotes: {not_db}: not a SQLite database (choose another --db file)"
    assert target.read_text(encoding="utf-8") == "previous run\n"  # untouched
    assert not_db.read_text(encoding="utf-8") == "my notes, not a database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db", "out.jsonl"]  # no temporary left
    result = runner_invoke("extract", str(SEEDS / "004_0c47c0a1c8d85d33.txt"), "--jsonl", str(target), "-j", "1")
    assert result.exit_code == 0, result.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["doc"].endswith("004_0c47c0a1c8d85d33.txt") for line in lines)
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # an ordinary file, not mkstemp's private one


def test_extract_cannot_write_jsonl_exits_2(tmp_path: Path) -> None:
    result = runner_invoke("extract", str(SEEDS), "--jsonl", str(tmp_path / "missing" / "out.jsonl"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "out.jsonl: cannot write" in result.stderr


# ---------------------------------------------------------------------- eval, review


def test_eval_prints_the_two_score_lines() -> None:
    out = quotes_cli("eval", "seeds/gold.jsonl", "seeds")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    scores = [line for line in lines if line.startswith("quote P/R/F1 ")]
    confidence = [line for line in lines if line.startswith("confidence: precision of the top half ")]
    assert len(scores) == 1 and "attribution" in scores[0] and "e2e F1" in scores[0]
    assert len(confidence) == 1 and "AUC" in confidence[0]
    assert out.stderr == ""  # gold.jsonl inside the seeds folder is not read as articles


def test_review_without_a_display_prints_the_queue(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    assert runner_invoke("extract", str(SEEDS), "--db", str(db), "-j", "1").exit_code == 0
    headless = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "quotes.cli", "review", "--db", str(db)], capture_output=True,
                         text=True, encoding="utf-8", env={**headless, "PYTHONPATH": str(PROJECT)}, timeout=60)
    assert out.returncode == 0, out.stderr
    header, *queue = out.stdout.splitlines()
    with Store.open(db) as s:
        total = s.progress()["total"]
    assert header.startswith(f"{total} quotes to review (0 of {total} reviewed)")
    *shown, more, how_to_open = queue
    assert len(shown) == 40 and all(line.endswith(".txt]") for line in shown)
    assert more.strip() == f"… {total - 40} more" and "quotes review --db" in how_to_open
    assert out.stderr == ""


def test_review_of_a_missing_database_says_so(tmp_path: Path) -> None:
    out = quotes_cli("review", "--db", str(tmp_path / "nope.db"), env={"DISPLAY": "", "WAYLAND_DISPLAY": "",
                                                                       "QT_QPA_PLATFORM": ""})
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [f"quotes: {tmp_path / 'nope.db'}: no such database (check the path, "
                                               "or run an extraction first)"]


# ---------------------------------------------------------------------- export

# Cells a spreadsheet would run as a formula, and text a naive CSV writer would break.
HOSTILE = ["=HYPERLINK(\"http://x\",\"click\")", "+9647700000", "-1+2", "@SUM(A1:A2)", "\tتبويب", "\rسطر"]
ROUNDTRIP = 'قال: "نعم، لا"، ثم\nسطر ثان، و«اقتباس» داخل “اقتباس”'


@pytest.fixture(scope="module")
def export_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An article whose quotes and speakers are hostile cells, plus one reviewed of each kind."""
    path = tmp_path_factory.mktemp("export") / "q.db"
    parts = ["وقال المتحدث إن "]
    spans = []
    for i, cell in enumerate([*HOSTILE, ROUNDTRIP, "الاتفاق قريب جدا من الإعلان عنه"]):
        start = sum(len(p) for p in parts)
        parts.append(cell)
        spans.append((start, start + len(cell), i))
        parts.append(f" وأضاف المسؤول رقم {i} أن ")
    text = "".join(parts)
    art = Article(doc="hostile.txt", text=text, title="=cmd|' /C calc'!A0", source="@outlet", url="https://x/1",
                  date="2024-01-02")
    speakers = ["=مسؤول", "+متحدث", "-وزير", "@ناطق", "\tرئيس", "\rمدير", "وزير الخارجية، فؤاد حسين", "سامي \"أبو\" علي"]
    quotes = [Quote(doc=art.doc, start=s, end=e, text=text[s:e], kind="direct", cue="وأضاف", cue_start=None,
                    cue_end=None, speaker=speakers[i], speaker_mention="", mention_start=None, mention_end=None,
                    speaker_type="person", confidence=round(0.1 + i / 10, 2)) for s, e, i in spans]
    with Store.open(path) as s:
        s.save_extraction(art, quotes, s.start_run("test", {}))
        ids = s.queue_ids(order="document")
        s.record_decision(ids[0], "accepted", reviewer="amal")
        s.record_decision(ids[1], "rejected", reviewer="amal", reason="not a quote")
        s.record_decision(ids[2], "corrected", reviewer="amal", changes={"kind": "indirect"})
        s.record_decision(ids[3], "skipped", reviewer="amal")
        s.add_quote(s.document_id(text_hash(text)), 0, 11, kind="indirect",
                    speaker="المتحدث", reviewer="amal", cue="وقال")
    return path


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the Arabic right
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    return [dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]]


def test_export_csv_columns_bom_arabic_and_hostile_cells(export_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    result = runner_invoke("export", "--db", str(export_db), "--status", "all", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    rows = read_csv(out.read_bytes())
    assert result.stderr.strip() == f"{len(rows)} quotes written to {out}"
    assert len(rows) == 9
    by_quote = {r["quote"]: r for r in rows}
    for cell in HOSTILE:
        assert "'" + cell in by_quote, cell  # neutralised with a leading apostrophe, otherwise intact
    for r in rows:
        for column, value in r.items():
            if column not in ("start", "end", "confidence"):
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)
        assert float(r["confidence"] or 0) >= 0 and int(r["start"]) >= 0  # numbers stay numbers
    assert ROUNDTRIP in by_quote  # commas, quote marks, newlines survive the CSV round trip
    assert by_quote[ROUNDTRIP]["speaker"] == "وزير الخارجية، فؤاد حسين"
    assert {r["title"] for r in rows} == {"'=cmd|' /C calc'!A0"} and {r["outlet"] for r in rows} == {"'@outlet"}
    assert "الاتفاق قريب جدا من الإعلان عنه" in by_quote  # Arabic intact
    assert by_quote["الاتفاق قريب جدا من الإعلان عنه"]["speaker"] == "سامي \"أبو\" علي"


def test_export_status_filters(export_db: Path, tmp_path: Path) -> None:
    counts = {}
    for status in ("accepted", "reviewed", "all"):
        out = tmp_path / f"{status}.csv"
        assert runner_invoke("export", "--db", str(export_db), "--status", status, "-o", str(out)).exit_code == 0
        rows = read_csv(out.read_bytes())
        counts[status] = sorted(r["status"] for r in rows)
    assert counts["accepted"] == ["accepted", "added", "corrected"]
    assert counts["reviewed"] == ["accepted", "added", "corrected", "rejected"]
    assert counts["all"].count("pending") == 5 and len(counts["all"]) == 9  # a skip leaves it pending
    # No --status: the citation set, as the app exports, not every unreviewed suggestion.
    default = tmp_path / "default.csv"
    assert runner_invoke("export", "--db", str(export_db), "-o", str(default)).exit_code == 0
    assert sorted(r["status"] for r in read_csv(default.read_bytes())) == counts["accepted"]


def test_export_jsonl_to_stdout(export_db: Path) -> None:
    out = quotes_cli("export", "--db", str(export_db), "--format", "jsonl", "--status", "reviewed", "-o", "-")
    assert out.returncode == 0, out.stderr
    assert not out.stdout.startswith("\ufeff")  # no BOM: it breaks line-by-line JSON readers
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 4 and all(tuple(r) == COLUMNS for r in rows)
    # JSONL is for code: no spreadsheet apostrophes, and numbers are numbers.
    assert any(r["quote"] == HOSTILE[0] for r in rows)
    assert all(isinstance(r["start"], int) for r in rows)
    corrected = next(r for r in rows if r["status"] == "corrected")
    assert corrected["kind"] == "indirect" and corrected["reviewer"] == "amal" and corrected["reviewed_at"]


def test_export_errors_are_one_line(tmp_path: Path, export_db: Path) -> None:
    missing = runner_invoke("export", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "x.csv"))
    assert missing.exit_code == 2 and missing.stderr.count("\n") == 1 and "none.db: no such database" in missing.stderr
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"PK\x03\x04 a zip file")
    not_db = runner_invoke("export", "--db", str(bad), "-o", str(tmp_path / "x.csv"))
    assert not_db.exit_code == 2 and "bad.db: not a SQLite database" in not_db.stderr
    unwritable = runner_invoke("export", "--db", str(export_db), "-o", str(tmp_path / "no" / "x.csv"))
    assert unwritable.exit_code == 2 and "x.csv: cannot write" in unwritable.stderr
    assert not (tmp_path / "x.csv").exists()


# ---------------------------------------------------------------------- safer defaults (issue 14)


def test_standard_input_articles_get_a_name(tmp_path: Path) -> None:
    text = (SEEDS / "004_0c47c0a1c8d85d33.txt").read_text(encoding="utf-8")
    named = quotes_cli("extract", "-", "--jsonl", "-", "--name", "تقرير-الوزارة", "-j", "1", stdin=text)
    assert named.returncode == 0, named.stderr
    docs = {json.loads(line)["doc"] for line in named.stdout.splitlines()}
    assert docs == {"تقرير-الوزارة"}
    default = quotes_cli("extract", "-", "--jsonl", "-", "-j", "1", stdin=text)
    assert {json.loads(line)["doc"] for line in default.stdout.splitlines()} == {"stdin"}
    jsonl = "\n" + json.dumps({"text": text}, ensure_ascii=False) + "\n"  # no id: named by its line
    lines = quotes_cli("extract", "-", "--jsonl", "-", "--name", "batch7", "-j", "1", stdin=jsonl)
    assert {json.loads(line)["doc"] for line in lines.stdout.splitlines()} == {"batch7:2"}


def test_the_url_column_stays_empty_without_a_url(tmp_path: Path) -> None:
    db, out = tmp_path / "q.db", tmp_path / "q.csv"
    seed = SEEDS / "004_0c47c0a1c8d85d33.txt"
    assert quotes_cli("extract", str(seed), "--db", str(db), "-j", "1").returncode == 0
    assert rows_of(db, "SELECT path, url FROM documents") == [(str(seed), None)]
    run = quotes_cli("export", "--db", str(db), "--status", "all", "-o", str(out))
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows and {r["url"] for r in rows} == {""} and {r["doc"] for r in rows} == {str(seed)}


def test_the_default_database_is_the_same_from_any_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotes.cli import default_db

    # Outside the checkout: the per-user data folder, whatever the current folder.
    data = tmp_path / "data"
    for where in (tmp_path, tmp_path / "a" / "b"):
        where.mkdir(parents=True, exist_ok=True)
        run = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(SEEDS / "004_0c47c0a1c8d85d33.txt"),
                              "-j", "1", "--progress"], capture_output=True, text=True, encoding="utf-8", cwd=where,
                             env={**os.environ, "PYTHONPATH": str(PROJECT), "XDG_DATA_HOME": str(data)}, timeout=60)
        assert run.returncode == 0, run.stderr
        assert run.stderr.strip().endswith(f"into {data / 'quotes' / 'quotes.db'}")
    assert sorted(p.name for p in (data / "quotes").iterdir() if p.suffix == ".db") == ["quotes.db"]
    assert not (tmp_path / "db").exists() and not (tmp_path / "a" / "b" / "db").exists()
    # Inside the checkout, from any of its folders: its db/quotes.db.
    for where in (PROJECT, PROJECT / "seeds", PROJECT / "quotes" / "data"):
        monkeypatch.chdir(where)
        assert default_db() == PROJECT / "db" / "quotes.db"
    help_text = quotes_cli("export", "--help").stdout
    assert str(PROJECT / "db" / "quotes.db") in help_text.replace("\n", "").replace(" ", "")
