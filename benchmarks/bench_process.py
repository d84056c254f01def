"""The whole `quotes extract -j 1` process against a bare regex scan of the same JSONL, in one run.

    python benchmarks/bench_process.py [CORPUS.jsonl.gz] [--runs N]

Issue 11's speed bar is read this way: the wall time of the installed command, start-up,
decompression, JSON parsing, every stage and the JSONL written included, against the time a
bare scan for the common cue verbs (the same pattern as ``bench_extract.py``) takes over the
texts of the same file. The ratio (regex time / extract time) is what is compared, never the
seconds: both sides slow down together on a busy machine. The two are run alternately,
``--runs`` times each, and the best of each side is kept.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import CUE_SCAN, DEFAULT_CORPUS  # noqa: E402

QUOTES = Path(sys.executable).parent / "quotes"


def regex_seconds(corpus: Path) -> tuple[float, int]:
    """Seconds for the bare scan over the file's texts (read beforehand), and its match count."""
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    pattern = regex.compile(CUE_SCAN)
    t0 = time.perf_counter()
    hits = sum(len(pattern.findall(t)) for t in texts)
    return time.perf_counter() - t0, hits


def extract_seconds(corpus: Path, out: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([str(QUOTES), "extract", str(corpus), "--jsonl", str(out), "-j", "1", "--quiet"], check=True)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    scans, runs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "quotes.jsonl"
        for _ in range(args.runs):
            seconds, hits = regex_seconds(corpus)
            scans.append(seconds)
            runs.append(extract_seconds(corpus, out))
        quotes = sum(1 for _ in out.open(encoding="utf-8"))
    best_scan, best_run = min(scans), min(runs)
    status = subprocess.run([sys.executable, "-m", "quotes.compile_stages", "--status"], capture_output=True,
                            text=True, check=True).stdout.strip()
    print(f"compiled stage modules (quotes/compiled.py): {status}")
    print(f"regex scan: {best_scan:.2f} s ({hits} cue matches); runs {', '.join(f'{s:.2f}' for s in scans)}")
    print(f"quotes extract -j 1, whole process: {best_run:.2f} s ({quotes} quotes); runs "
          f"{', '.join(f'{s:.2f}' for s in runs)}")
    print(f"ratio (regex / extract): {best_scan / best_run:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
