"""The stage modules compiled with mypyc (quotes/compiled.py): used only while current, and
giving, byte for byte, what the pure-Python modules give."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quotes
from quotes import compiled

PROJECT = Path(__file__).resolve().parents[1]


def manifest(folder: Path, **changes: object) -> Path:
    """A build folder whose manifest describes the sources here, as ``build`` writes it."""
    folder.mkdir(parents=True, exist_ok=True)
    record = {"python": sys.implementation.cache_tag, "modules": list(compiled.MODULES),
              "sources": {name: hashlib.sha256((compiled.PACKAGE_DIR / f"{name}.py").read_bytes()).hexdigest()
                          for name in compiled.MODULES}}
    record.update(changes)
    (folder / compiled.MANIFEST).write_text(json.dumps(record), encoding="utf-8")
    return folder


def test_a_current_build_goes_first_on_the_package_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTES_COMPILED", raising=False)
    path = ["/src/quotes"]
    assert compiled.activate(path, manifest(tmp_path / "build")) == "in use"
    assert path == [str(tmp_path / "build"), "/src/quotes"]


def test_a_build_of_other_sources_or_another_python_is_never_used(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTES_COMPILED", raising=False)
    edited = {name: "0" * 64 for name in compiled.MODULES}  # every module edited since the build
    for folder, status in ((tmp_path / "none", "not built"),
                           (manifest(tmp_path / "edited", sources=edited), "stale"),
                           (manifest(tmp_path / "py312", python="cpython-312"), "stale"),
                           (manifest(tmp_path / "fewer", modules=list(compiled.MODULES[:-1])), "stale")):
        path = ["/src/quotes"]
        assert compiled.activate(path, folder) == status
        assert path == ["/src/quotes"]
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / compiled.MANIFEST).write_text("{not json", encoding="utf-8")
    assert compiled.activate(["/src/quotes"], tmp_path / "broken") == "not built"


def test_quotes_compiled_off_runs_pure_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_COMPILED", "off")
    path = ["/src/quotes"]
    assert compiled.activate(path, manifest(tmp_path / "build")) == "off"
    assert path == ["/src/quotes"]


def _extract(inputs: list[Path], out: Path, mode: str | None) -> str:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    env.pop("QUOTES_COMPILED", None)
    if mode is not None:
        env["QUOTES_COMPILED"] = mode
    where = subprocess.run([sys.executable, "-c", "import quotes, quotes.phrases as p; print(quotes.COMPILED, p.__file__)"],
                           capture_output=True, text=True, env=env, cwd=PROJECT, timeout=60, check=True).stdout.split()
    run = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", *map(str, inputs), "--jsonl", str(out),
                          "-j", "1", "--quiet"], capture_output=True, text=True, env=env, cwd=PROJECT, timeout=300)
    assert run.returncode == 0, run.stderr
    return " ".join(where)


def test_the_compiled_stages_give_the_pure_python_output(shared_dir: Path, tmp_path: Path) -> None:
    if quotes.COMPILED != "in use":
        pytest.skip(f"compiled stage modules {quotes.COMPILED} here: `make` or python -m quotes.compile_stages builds them")
    sample = tmp_path / "sample.jsonl"
    with gzip.open(shared_dir / "corpus" / "saudinewsnet-10k.jsonl.gz", "rt", encoding="utf-8") as f:
        sample.write_text("".join(itertools.islice(f, 4000, 5500)), encoding="utf-8")
    inputs = [PROJECT / "seeds", shared_dir / "corpus" / "articles", sample]
    where_compiled = _extract(inputs, tmp_path / "compiled.jsonl", None)
    where_pure = _extract(inputs, tmp_path / "pure.jsonl", "off")
    assert where_compiled.startswith("in use ") and where_compiled.endswith(".so")
    assert where_pure == f"off {PROJECT / 'quotes' / 'phrases.py'}"
    compiled_lines = (tmp_path / "compiled.jsonl").read_bytes().splitlines()
    assert len(compiled_lines) > 4000  # seeds, 60 corpus articles and 1,500 of the 10k
    assert compiled_lines == (tmp_path / "pure.jsonl").read_bytes().splitlines()
