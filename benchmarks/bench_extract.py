"""Extraction speed, in one run, against the floor of any regex-based extractor.

    python benchmarks/bench_extract.py [CORPUS.jsonl.gz] [--limit N] [--json]

Reports, for the same texts in the same process:
- a bare regex scan for the common cue verbs (the `regex` module, as the extractor uses,
  and the standard `re` for reference);
- the extractor on one core: MB/s, articles/s, the share of time in each stage (decode and
  normalise, cues, spans, speakers, records, store), and the ratio of its throughput to the
  regex scan's; the store commits --batch articles per transaction, as `quotes extract` does
  (--batch 1: one transaction per article);
- how the cost grows with article length: one 10 KB and one 1 MB article built from the
  corpus's own paragraphs.
Timings are ratios within one run on one machine, never absolute bars.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.extract import STAGES, Extractor  # noqa: E402
from quotes.records import Article  # noqa: E402
from quotes.sources import decode_bytes  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-10k.jsonl.gz"
BATCH = 32  # articles per store transaction, as `quotes extract` commits at most

# The common cue verbs as a bare regex would list them: the floor under a regex extractor.
CUE_SCAN = (
    r"(?<!\w)[وف]?(?:قال|قالت|قالوا|أضاف|أضافت|اضاف|أكد|أكدت|اكد|أوضح|أوضحت|اوضح|أشار|أشارت|اشار|ذكر|ذكرت|"
    r"أعلن|أعلنت|كشف|كشفت|أفاد|أفادت|صرح|شدد|لفت|تابع|مضيفا|مشيرا|مؤكدا|موضحا|قائلا)(?!\w)"
)


def load(corpus: Path, limit: int) -> list[tuple[str, bytes]]:
    """Raw UTF-8 bytes per article, so that decoding is part of what is timed."""
    out = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out.append((rec["id"], rec["text"].encode("utf-8")))
            if len(out) >= limit:
                break
    return out


def regex_scan(texts: list[str], module) -> tuple[float, int]:
    pattern = module.compile(CUE_SCAN)
    t = time.perf_counter()
    hits = sum(len(pattern.findall(x)) for x in texts)
    return time.perf_counter() - t, hits


def extract_all(extractor: Extractor, raw: list[tuple[str, bytes]], store_path: Path | None,
                batch: int = BATCH) -> tuple[float, dict, int]:
    """Decode, extract and store every article; ``batch`` articles per store transaction
    (``Store.save_extractions``, as ``quotes extract`` does; 1 = ``save_extraction`` each)."""
    timings: dict[str, float] = {}
    store = None
    if store_path is not None:
        from quotes.store import Store

        store = Store.open(store_path)
        run_id = store.start_run(extractor.version, {"benchmark": True})
    n_quotes = 0
    pending: list = []

    def flush() -> None:
        t = time.perf_counter()
        if batch == 1:
            for article, quotes in pending:
                store.save_extraction(article, quotes, run_id)
        else:
            store.save_extractions(pending, run_id)
        timings["store"] = timings.get("store", 0.0) + time.perf_counter() - t
        pending.clear()

    t0 = time.perf_counter()
    for doc, data in raw:
        t = time.perf_counter()
        text = decode_bytes(data)
        timings["decode"] = timings.get("decode", 0.0) + time.perf_counter() - t
        article = Article(doc=doc, text=text)
        quotes = extractor.extract(article, timings)
        n_quotes += len(quotes)
        if store is not None:
            pending.append((article, quotes))
            if len(pending) >= batch:
                flush()
    if store is not None:
        flush()
        t = time.perf_counter()
        store.finish_run(run_id, len(raw), n_quotes)  # includes folding the WAL back into the file
        timings["store"] += time.perf_counter() - t
    total = time.perf_counter() - t0
    if store is not None:
        store.close()
    return total, timings, n_quotes


def length_scaling(extractor: Extractor, raw: list[tuple[str, bytes]]) -> dict:
    """Time for a ~10 KB and a ~1 MB article made of the corpus's paragraphs."""
    paragraphs = [p for _, data in raw for p in data.decode("utf-8").split("\n") if p.strip()]

    def build(size: int) -> str:
        parts, n, i = [], 0, 0
        while n < size:
            p = paragraphs[i % len(paragraphs)]
            parts.append(p)
            n += len(p.encode("utf-8")) + 2
            i += 1
        return "\n\n".join(parts)

    small, large = build(10_000), build(1_000_000)
    times = {}
    for name, text in (("10KB", small), ("1MB", large)):
        extractor.extract(Article(doc=name, text=text))  # warm the morphology cache
        t = time.perf_counter()
        extractor.extract(Article(doc=name, text=text))
        times[name] = time.perf_counter() - t
    return {
        "small_bytes": len(small.encode()), "large_bytes": len(large.encode()),
        "small_s": round(times["10KB"], 4), "large_s": round(times["1MB"], 3),
        "large_over_small": round(times["1MB"] / times["10KB"], 1),
        "size_ratio": round(len(large.encode()) / len(small.encode()), 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=10_000)
    ap.add_argument("--no-store", action="store_true", help="leave the store out of the timed run")
    ap.add_argument("--batch", type=int, default=BATCH,
                    help=f"articles per store transaction (default {BATCH}; 1 = one transaction per article)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    corpus = Path(a.corpus)
    if not corpus.exists():
        print(f"{corpus}: not found; pass the path of saudinewsnet-10k.jsonl.gz", file=sys.stderr)
        return 2
    raw = load(corpus, a.limit)
    texts = [d.decode("utf-8") for _, d in raw]
    mb = sum(len(d) for _, d in raw) / 1e6

    re_time, re_hits = regex_scan(texts, re)
    rx_time, rx_hits = regex_scan(texts, regex)
    extractor = Extractor()
    extractor.extract(Article(doc="warm-up", text=texts[0]))  # import and first-use costs out of the timing
    with tempfile.TemporaryDirectory() as tmp:
        store_path = None if a.no_store else Path(tmp) / "bench.db"
        total, timings, n_quotes = extract_all(extractor, raw, store_path, max(1, a.batch))
    scaling = length_scaling(extractor, raw)
    staged = sum(timings.values())
    report = {
        "articles": len(raw), "store_batch": a.batch, "megabytes": round(mb, 2), "quotes": n_quotes,
        "regex_scan": {"module": "regex", "seconds": round(rx_time, 3), "mb_per_s": round(mb / rx_time, 1),
                       "hits": rx_hits},
        "re_scan": {"module": "re", "seconds": round(re_time, 3), "mb_per_s": round(mb / re_time, 1), "hits": re_hits},
        "extractor": {"seconds": round(total, 2), "mb_per_s": round(mb / total, 2),
                      "articles_per_s": round(len(raw) / total, 1)},
        "ratio_to_regex_scan": round(rx_time / total, 3),
        "ratio_to_re_scan": round(re_time / total, 3),
        "stage_share": {k: round(v / staged, 3) for k, v in sorted(timings.items(), key=lambda kv: -kv[1])},
        "length_scaling": scaling,
    }
    if a.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"{report['articles']} articles, {report['megabytes']} MB, {n_quotes} quotes (one core)")
    print(f"bare regex scan (regex): {rx_time:.3f} s, {mb / rx_time:.1f} MB/s   (re: {re_time:.3f} s, {mb / re_time:.1f} MB/s)")
    print(f"extractor:               {total:.2f} s, {mb / total:.2f} MB/s, {len(raw) / total:.0f} articles/s")
    print(f"ratio to the regex scan: {report['ratio_to_regex_scan']} (to re: {report['ratio_to_re_scan']})")
    order = ["decode", *STAGES, "store"]
    print("share of time: " + ", ".join(f"{k} {report['stage_share'].get(k, 0):.0%}" for k in order))
    s = scaling
    print(f"length: {s['small_bytes']} B in {s['small_s']} s, {s['large_bytes']} B in {s['large_s']} s: "
          f"{s['large_over_small']}x the time for {s['size_ratio']}x the size")
    return 0


if __name__ == "__main__":
    sys.exit(main())
