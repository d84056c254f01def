"""Unbounded reads (issue 14, defect 3): only regular files are read, and no input holds more
than a cap in memory. Small caps (--max-bytes) keep the files small."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from quotes.sources import SourceError, iter_articles

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "seeds" / "004_0c47c0a1c8d85d33.txt"
ENV = {**os.environ, "PYTHONPATH": str(PROJECT)}


def quotes_cli(*args: str, stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "quotes.cli", *args], input=stdin, capture_output=True, env=ENV,
                          cwd=PROJECT, timeout=timeout)


def read(paths: list[Path], max_bytes: int) -> tuple[list[str], list[str]]:
    errors: list[SourceError] = []
    docs = [a.doc for a in iter_articles([str(p) for p in paths], errors=errors, max_bytes=max_bytes)]
    return docs, [str(e) for e in errors]


def test_a_fifo_and_links_to_devices_are_skipped_with_one_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # nobody writes to it: reading it would block for ever
    (folder / "c.txt").symlink_to("/dev/zero")  # reading it would never end (only its kind is looked at)
    (folder / "d.jsonl").symlink_to(folder / "b.txt")
    out = tmp_path / "o.jsonl"
    run = quotes_cli("extract", str(folder), "--jsonl", str(out), "-j", "1", timeout=30)
    assert run.returncode == 1
    lines = run.stderr.decode().splitlines()
    assert lines == [
        f"quotes: {folder / 'b.txt'}: skipped: a FIFO, not a regular file; "
        "copy the articles into a file (only regular files are read)",
        f"quotes: {folder / 'c.txt'}: skipped: a character device, through a symbolic link, not a regular file; "
        "copy the articles into a file (only regular files are read)",
        f"quotes: {folder / 'd.jsonl'}: skipped: a FIFO, through a symbolic link, not a regular file; "
        "copy the articles into a file (only regular files are read)",
    ]
    docs = {json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {str(folder / "a.txt")}


def test_a_file_over_the_cap_is_skipped_and_the_cap_can_be_raised(tmp_path: Path) -> None:
    seed = SEED.read_bytes()
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_bytes(seed)
    small.write_bytes(seed[:2000].decode("utf-8", "ignore").encode())
    docs, errors = read([big, small], max_bytes=len(seed) - 1)
    assert docs == [str(small)]
    assert errors == [f"{big}: larger than the {len(seed) - 1} bytes an input may hold; "
                      "split it, or raise the cap with --max-bytes"]
    assert read([big, small], max_bytes=len(seed)) == ([str(big), str(small)], [])


def test_a_jsonl_line_over_the_cap_stops_that_file_with_its_line_number(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    records = [{"id": "short-1", "text": text}, {"id": "long", "text": text * 3},
               {"id": "short-2", "text": text}]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    cap = len(text.encode("utf-8")) * 2
    docs, errors = read([path], max_bytes=cap)
    assert docs == ["short-1"]
    assert errors == [f"{path}:2: a line longer than the {cap} bytes a record may hold; the rest of the file is "
                      "skipped; split the record, or raise the cap with --max-bytes"]
    run = quotes_cli("extract", str(path), "--jsonl", str(tmp_path / "o.jsonl"), "-j", "1",
                     "--max-bytes", str(cap * 2))
    assert run.returncode == 0, run.stderr
    assert {json.loads(line)["doc"] for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()} \
        == {"short-1", "long", "short-2"}


def test_a_gzip_bomb_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """64 MB of NUL bytes compress to 64 KB; reading them whole took 64 MB and more."""
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        f.write(json.dumps({"id": "ok", "text": SEED.read_text(encoding="utf-8")}).encode() + b"\n")
        block = b"\x00" * (1 << 20)
        for _ in range(64):
            f.write(block)
    assert bomb.stat().st_size < 1 << 20
    tracemalloc.start()
    try:
        docs, errors = read([bomb], max_bytes=4 << 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert docs == ["ok"]
    assert errors == [f"{bomb}:2: a line longer than the 4 MiB a record may hold; the rest of the file is skipped; "
                      "split the record, or raise the cap with --max-bytes"]
    assert peak < 16 << 20, f"peak {peak / 2**20:.0f} MB of Python memory for a 4 MiB cap"


def test_a_gzip_of_newlines_is_skipped_quickly(tmp_path: Path) -> None:
    path = tmp_path / "newlines.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as f:
        block = b"\n" * (1 << 20)
        for _ in range(200):
            f.write(block)
        f.write(json.dumps({"id": "last", "text": "قال الوزير إن الاتفاق قريب"}, ensure_ascii=False).encode() + b"\n")
    started = time.monotonic()
    errors: list[SourceError] = []
    articles = list(iter_articles([str(path)], errors=errors))
    took = time.monotonic() - started
    assert [(a.doc, a.text) for a in articles] == [("last", "قال الوزير إن الاتفاق قريب")]
    assert errors == []
    # One Python step per blank line took about 40 s for these 200 million lines.
    assert took < 10, f"{took:.1f} s to skip 200 MB of blank lines"


def test_standard_input_over_the_cap(tmp_path: Path) -> None:
    seed = SEED.read_bytes()
    run = quotes_cli("extract", "-", "--jsonl", str(tmp_path / "o.jsonl"), "--max-bytes", "1K", "-j", "1",
                     stdin=seed)
    assert run.returncode == 1
    assert run.stderr.decode().strip() == ("quotes: <stdin>: larger than the 1 KiB an input may hold; "
                                           "split it, or raise the cap with --max-bytes")
    line = json.dumps({"id": "x", "text": seed.decode()}, ensure_ascii=False).encode() + b"\n"
    run = quotes_cli("extract", "-", "--jsonl", str(tmp_path / "o.jsonl"), "--max-bytes", "2K", "-j", "1",
                     stdin=b'{"id": "small", "text": "\\u0642\\u0627\\u0644"}\n' + line)
    assert run.returncode == 1
    assert run.stderr.decode().strip() == ("quotes: <stdin>:2: a line longer than the 2 KiB a record may hold; "
                                           "the rest of the file is skipped; split the record, or raise the cap "
                                           "with --max-bytes")


@pytest.mark.parametrize(("value", "kind"), [(["a", "b"], "array"), ({"n": 1}, "object")])
def test_a_list_or_dict_id_is_rejected_with_file_and_line(value: object, kind: str, tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text(json.dumps({"id": "fine", "text": "قال الوزير"}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": value, "text": "قال الوزير"}, ensure_ascii=False) + "\n", encoding="utf-8")
    docs, errors = read([path], max_bytes=1 << 20)
    assert docs == ["fine"]
    assert errors == [f'{path}:2: "id" is a JSON {kind}, not a string or number; give each record an id like '
                      '"article-17"']
