"""Output paths (issue 14, defect 1): `--jsonl PATH` and `export -o PATH` write to what PATH is.

A regular file is replaced whole; a FIFO, a terminal or another device is written to; a
symbolic link's target is written and the link stays; no temporary file survives SIGTERM or
kill -9. Devices are made for the test (a pseudo-terminal), never /dev/null itself.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
import tty
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SEED = PROJECT / "seeds" / "004_0c47c0a1c8d85d33.txt"
ENV = {**os.environ, "PYTHONPATH": str(PROJECT)}


def quotes_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quotes.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", env=ENV, cwd=PROJECT, timeout=timeout)


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The seed's quotes as a regular --jsonl file, and a database to export, for comparison."""
    d = tmp_path_factory.mktemp("expected")
    run = quotes_cli("extract", str(SEED), "--jsonl", str(d / "q.jsonl"), "--db", str(d / "q.db"), "-j", "1")
    assert run.returncode == 0, run.stderr
    export = quotes_cli("export", "--db", str(d / "q.db"), "--format", "jsonl", "-o", str(d / "e.jsonl"))
    assert export.returncode == 0, export.stderr
    return {"jsonl": (d / "q.jsonl").read_text(encoding="utf-8"), "export": (d / "e.jsonl").read_text(encoding="utf-8"),
            "db": str(d / "q.db")}


def _reader(path: Path, got: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as f:  # blocks until the writer opens the FIFO
            got.append(f.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("command", ["extract", "export"])
def test_a_fifo_reader_gets_the_output(command: str, expected: dict[str, str], tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _reader(fifo, got)
    if command == "extract":
        run = quotes_cli("extract", str(SEED), "--jsonl", str(fifo), "-j", "1")
    else:
        run = quotes_cli("export", "--db", expected["db"], "--format", "jsonl", "-o", str(fifo))
    assert run.returncode == 0, run.stderr
    thread.join(10)
    assert not thread.is_alive(), "the FIFO's reader got nothing (the FIFO was replaced?)"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO
    assert got[0].decode("utf-8") == expected["jsonl" if command == "extract" else "export"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]


@pytest.mark.parametrize("command", ["extract", "export"])
def test_a_symlink_target_is_written_and_the_link_stays(command: str, expected: dict[str, str],
                                                        tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(os.path.relpath(target, tmp_path))
    if command == "extract":
        run = quotes_cli("extract", str(SEED), "--jsonl", str(link), "-j", "1")
    else:
        run = quotes_cli("export", "--db", expected["db"], "--format", "jsonl", "-o", str(link))
    assert run.returncode == 0, run.stderr
    assert link.is_symlink() and os.readlink(link) == os.path.relpath(target, tmp_path)
    assert target.read_text(encoding="utf-8") == expected["jsonl" if command == "extract" else "export"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # replaced, keeping its mode
    assert sorted(p.name for p in real_dir.iterdir()) == ["out.jsonl"]  # no temporary left beside it


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "new.jsonl")
    run = quotes_cli("extract", str(SEED), "--jsonl", str(link), "-j", "1")
    assert run.returncode == 0, run.stderr
    assert link.is_symlink()
    assert json.loads((tmp_path / "new.jsonl").read_text(encoding="utf-8").splitlines()[0])["doc"] == str(SEED)


@pytest.mark.parametrize("command", ["extract", "export"])
def test_a_character_device_is_written_not_replaced(command: str, expected: dict[str, str]) -> None:
    master, slave = os.openpty()
    tty.setraw(slave)  # no "\n" -> "\r\n": the bytes arrive as written
    device = os.ttyname(slave)
    want = expected["jsonl" if command == "extract" else "export"].encode("utf-8")
    got = bytearray()

    def drain() -> None:
        while len(got) < len(want):
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            got.extend(chunk)

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    try:
        if command == "extract":
            run = quotes_cli("extract", str(SEED), "--jsonl", device, "-j", "1")
        else:
            run = quotes_cli("export", "--db", expected["db"], "--format", "jsonl", "-o", device)
        assert run.returncode == 0, run.stderr
        thread.join(10)
        assert stat.S_ISCHR(os.stat(device).st_mode)  # still the device
        assert bytes(got) == want
    finally:
        os.close(slave)
        os.close(master)


@pytest.mark.parametrize("name", ["/dev/fd/1", "/proc/self/fd/1"])
def test_an_open_descriptor_s_path_appends_to_the_redirected_file(name: str, tmp_path: Path) -> None:
    """Like /dev/stdout after ">> out": the shell's file is written, appending. /dev/stdout
    itself is not used: the old code replaced it, for the whole machine, with a regular file."""
    out = tmp_path / "redirected.jsonl"
    out.write_text("earlier line\n", encoding="utf-8")
    with open(out, "ab") as f:
        run = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(SEED), "--jsonl", name, "-j", "1"],
                             stdout=f, stderr=subprocess.PIPE, env=ENV, cwd=PROJECT, timeout=60)
    assert run.returncode == 0, run.stderr
    first, *lines = out.read_text(encoding="utf-8").splitlines()
    assert first == "earlier line"
    assert lines and all(json.loads(line)["doc"] == str(SEED) for line in lines)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["redirected.jsonl"]


# ---------------------------------------------------------------------- no temporary file left

_WRITER = """
import os, signal, sys
from quotes import output
if sys.argv[2] == "named":
    output._unnamed_file = lambda folder: None  # as on a file system without O_TMPFILE
from quotes.bulk import stop_on_sigterm
with stop_on_sigterm():
    with output.written(sys.argv[1]) as f:
        f.write("نص جديد\\n" * 100_000)
        f.flush()
        print("written", flush=True)
        signal.pause()
"""


@pytest.mark.parametrize("kind", ["unnamed", "named"])
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_no_temporary_file_survives_a_signal(kind: str, sig: int, tmp_path: Path) -> None:
    """O_TMPFILE (Linux) leaves nothing even after kill -9; the named fallback is removed on
    SIGTERM, and after kill -9 by the next write to the same target."""
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(target), kind], env=ENV, cwd=PROJECT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "written", proc.stderr.read() if proc.stderr else ""
    during = sorted(p.name for p in tmp_path.iterdir())
    os.kill(proc.pid, sig)
    proc.communicate(timeout=10)
    assert target.read_text(encoding="utf-8") == "old\n"  # the old file is untouched
    left = sorted(p.name for p in tmp_path.iterdir())
    if kind == "unnamed":
        assert during == ["out.jsonl"]  # nothing with a name, ever
    else:
        assert len(during) == 2 and during[0].startswith(".out.jsonl.") and during[0].endswith(".quotes-tmp")
    if sig == signal.SIGKILL and kind == "named":
        assert left == during  # kill -9 leaves it; the next run on the same target removes it
        from quotes.output import written

        with written(target) as f:
            f.write("new\n")
        left = sorted(p.name for p in tmp_path.iterdir())
        assert target.read_text(encoding="utf-8") == "new\n"
    assert left == ["out.jsonl"]


def test_a_folder_is_refused_in_one_line(tmp_path: Path) -> None:
    run = quotes_cli("extract", str(SEED), "--jsonl", str(tmp_path), "-j", "1")
    assert run.returncode == 2
    assert run.stderr.strip() == f"quotes: {tmp_path}: cannot write (is a folder); choose another --jsonl file"


def test_a_live_writer_s_temporary_file_is_not_removed(tmp_path: Path) -> None:
    from quotes.output import OutputFile

    target = tmp_path / "out.jsonl"
    first = OutputFile(target)
    first.write("first\n")
    other = tmp_path / f".out.jsonl.{os.getppid()}.0123abcd.quotes-tmp"  # a live process's (pytest's parent)
    other.write_text("theirs", encoding="utf-8")
    started = time.monotonic()
    second = OutputFile(target)
    second.write("second\n")
    second.commit()
    first.discard()
    assert time.monotonic() - started < 5
    assert other.exists() and target.read_text(encoding="utf-8") == "second\n"
