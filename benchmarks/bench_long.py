"""Cost against article length: one article of 1, 4 and 16 MB, built from the corpus's own
paragraphs (so names and titles recur as they do in news), extracted in one process.

    python benchmarks/bench_long.py [--sizes 1 4 16]

Prints seconds and seconds per MB for each size; linear cost keeps the second column flat.
Timings are ratios within one run on one machine, never absolute bars.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from quotes.extract import Extractor
from quotes.records import Article

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-10k.jsonl.gz"


def paragraphs(limit_bytes: int) -> str:
    """Whole articles of the corpus, in order, joined until the text reaches ``limit_bytes``."""
    out: list[str] = []
    size = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            out.append(text)
            size += len(text.encode("utf-8")) + 2
            if size >= limit_bytes:
                break
    return "\n\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=float, default=[1, 4, 16], help="sizes in MB")
    args = parser.parse_args()
    extractor = Extractor()
    extractor.extract(Article(doc="warm-up", text="وقال الوزير إن الاجتماع كان مثمرا."))
    print(f"{'MB':>6} {'quotes':>8} {'seconds':>9} {'s/MB':>7}")
    for mb in args.sizes:
        text = paragraphs(int(mb * 1_000_000))
        real_mb = len(text.encode("utf-8")) / 1e6
        start = time.perf_counter()
        quotes = extractor.extract(Article(doc=f"long-{mb:g}MB", text=text))
        seconds = time.perf_counter() - start
        print(f"{real_mb:6.1f} {len(quotes):8d} {seconds:9.2f} {seconds / real_mb:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
