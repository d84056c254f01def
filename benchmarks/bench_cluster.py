"""Extraction on a Dask LocalCluster against local worker processes, over the 10,000 articles.

    python benchmarks/bench_cluster.py [CORPUS.jsonl.gz] [--limit N] [--batch N] [--json]

Runs, each in a fresh client process writing --jsonl to a temporary file:
- ``-j 1`` and ``-j 2`` (local worker processes, ``quotes.bulk``);
- a LocalCluster with 1 and with 2 worker processes (``quotes.cluster``), started by this
  script beforehand as a long-lived cluster would be: the client connects to its scheduler
  over TCP, so its own figures are the client's alone; a first run of 200 articles on each
  fresh cluster shows the workers' start-up (importing quotes) apart;
- each of these four in turns, --rounds times (the fastest is kept: other work on the machine
  only slows a run down);
- the 2-worker cluster over the corpus three times (30,000 articles) and over its first 2,000:
  the client's memory should not grow with the corpus;
- the 2-worker cluster into a database (--db) and into Parquet (--parquet) instead of JSON
  Lines: the client is the one writer, and its CPU time per article bounds how many workers
  one client can keep busy.

Reports articles/s, the client's peak memory (its own ru_maxrss, not its workers'), the
client's CPU time, the cluster's batches and two overheads per batch: the round trip of a
batch of 500 articles to a worker and back with no extraction (``len`` as the task), and the
worker time not spent extracting in a run, (wall time x workers - extraction time) / batches,
which adds registering the worker plugin (building each worker's Extractor), waiting for the
client and, on a small machine, sharing its cores with the client and the scheduler. The JSON
Lines of every configuration must be identical (checked by hash).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-10k.jsonl.gz"


def client(config: dict[str, Any]) -> dict[str, Any]:
    """One run in this process (started by ``main`` as a subprocess): its figures."""
    from quotes.bulk import run_extraction
    from quotes.sources import iter_articles

    def articles() -> Any:
        for round_ in range(config["repeat"]):
            for article in itertools.islice(iter_articles([config["corpus"]]), config["limit"]):
                # Another doc per round, same text: a longer corpus, not a cached one.
                yield article if round_ == 0 else article.__class__(**{**article.__dict__,
                                                                       "doc": f"{article.doc}#{round_}"})

    executor = None
    if config.get("scheduler"):
        from quotes.cluster import ClusterExecutor

        executor = ClusterExecutor(config["scheduler"], batch_articles=config["batch"], dashboard=False).start()
    store = sink = None
    if config.get("output") == "db":
        from quotes.store import Store

        store = Store.open(config["out"] + ".db")
    elif config.get("output") == "parquet":
        from quotes.parquet import ParquetDataset

        sink = ParquetDataset.open(config["out"] + ".parquet")
    started = time.perf_counter()
    with open(config["out"], "w", encoding="utf-8") as out:
        summary = run_extraction(articles(), jsonl=out if store is None and sink is None else None,
                                 jobs=config.get("jobs", 1), executor=executor, store=store, sink=sink)
    wall = time.perf_counter() - started
    for opened in (store, sink):
        if opened is not None:
            opened.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures: dict[str, Any] = {
        "articles": summary.seen, "quotes": summary.quotes, "failed": summary.failed, "seconds": wall,
        "articles_per_s": summary.seen / wall, "client_peak_mb": usage.ru_maxrss / 1024,
        "client_cpu_s": usage.ru_utime + usage.ru_stime,
    }
    if executor is not None:
        stats = executor.stats
        figures.update(workers=stats.workers, batches=stats.batches, worker_seconds=stats.worker_seconds,
                       overhead_per_batch_ms=1000 * (wall * stats.threads - stats.worker_seconds) / max(stats.batches, 1))
        executor.close()
    return figures


def run_client(config: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--client", json.dumps(config)], capture_output=True, text=True,
                          cwd=ROOT, timeout=1800, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if done.returncode:
        raise SystemExit(f"{config['name']}: failed\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["jsonl_sha256"] = hashlib.sha256(Path(config["out"]).read_bytes()).hexdigest()[:16]
    return figures


def round_trip(cluster: Any, corpus: str, batch_articles: int, rounds: int = 20) -> dict[str, Any]:
    """A batch of articles to a worker and a number back, one at a time: the cost of a task."""
    import distributed

    from quotes.sources import iter_articles

    batch = list(itertools.islice(iter_articles([corpus]), batch_articles))
    with distributed.Client(cluster.scheduler_address) as client:
        client.submit(len, batch, pure=False).result()  # connections warmed up
        started = time.perf_counter()
        for _ in range(rounds):
            assert client.submit(len, batch, pure=False).result() == len(batch)
        took = (time.perf_counter() - started) / rounds
    return {"articles": len(batch), "seconds": took, "round_trip_ms": 1000 * took}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500, help="articles per cluster task")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each compared configuration (the fastest is kept)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--client", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        print(json.dumps(client(json.loads(args.client))))
        return
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        available = sum(1 for _ in itertools.islice(f, args.limit))
    import distributed

    results: dict[str, dict[str, Any]] = {}

    def keep(name: str, figures: dict[str, Any]) -> None:
        """The fastest of the rounds: other work on the machine only ever slows a run down."""
        print(f"{name}: {figures}", file=sys.stderr)
        if name not in results or figures["seconds"] < results[name]["seconds"]:
            results[name] = {**figures, "rounds": results.get(name, {}).get("rounds", 0) + 1}
        else:
            results[name]["rounds"] += 1

    with tempfile.TemporaryDirectory() as tmp, \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as one, \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as two:
        base = {"corpus": args.corpus, "limit": args.limit, "batch": args.batch, "repeat": 1}
        clusters = {1: one, 2: two}
        # The first run on a fresh cluster imports quotes on each worker: shown apart, as a
        # long-lived cluster pays it once.
        for workers, cluster in clusters.items():
            name = f"cluster, {workers} worker{'s' if workers > 1 else ''}, first run, 200 articles"
            keep(name, run_client({**base, "limit": min(200, args.limit), "name": name,
                                   "scheduler": cluster.scheduler_address, "out": f"{tmp}/first{workers}.jsonl"}))
        keep("round trip of a batch, no extraction", round_trip(one, args.corpus, args.batch))
        # The four compared configurations in turns, so that another process's burst of work
        # does not fall on one of them only.
        for _round in range(args.rounds):
            for jobs in (1, 2):
                keep(f"-j {jobs}", run_client({**base, "name": f"-j {jobs}", "jobs": jobs, "out": f"{tmp}/j{jobs}.jsonl"}))
            for workers, cluster in clusters.items():
                name = f"cluster, {workers} worker{'s' if workers > 1 else ''}"
                keep(name, run_client({**base, "name": name, "scheduler": cluster.scheduler_address,
                                       "out": f"{tmp}/c{workers}.jsonl"}))
        for i, (name, settings) in enumerate([
                ("cluster, 2 workers, first 2,000 articles", {**base, "limit": min(2000, args.limit)}),
                ("cluster, 2 workers, the corpus 3 times", {**base, "repeat": 3}),
                ("cluster, 2 workers, into --db", {**base, "output": "db"}),
                ("cluster, 2 workers, into --parquet", {**base, "output": "parquet"})]):
            keep(name, run_client({**settings, "name": name, "scheduler": two.scheduler_address,
                                   "out": f"{tmp}/more{i}.jsonl"}))
    same = {r["jsonl_sha256"] for name, r in results.items() if name in ("-j 1", "-j 2") or name.endswith("worker")
            or name.endswith("workers")}
    if args.json:
        print(json.dumps({"articles": available, "batch": args.batch, "identical": len(same) == 1,
                          "runs": results}, indent=1))
        return
    print(f"{available} articles, {args.batch} articles a cluster task, the fastest of {args.rounds} rounds; "
          f"identical JSON Lines: {len(same) == 1}")
    print(f"{'':44} {'articles':>9} {'s':>6} {'art/s':>6} {'client MB':>9} {'client CPU s':>12} "
          f"{'batches':>7} {'overhead/batch':>14}")
    for name, r in results.items():
        if "round_trip_ms" in r:
            print(f"{name:44} {r['articles']:>9} {'':>6} {'':>6} {'':>9} {'':>12} {'':>7} "
                  f"{r['round_trip_ms']:>11.1f} ms")
            continue
        overhead = f"{r['overhead_per_batch_ms']:.0f} ms" if "batches" in r else ""
        print(f"{name:44} {r['articles']:>9} {r['seconds']:>6.1f} {r['articles_per_s']:>6.0f} "
              f"{r['client_peak_mb']:>9.0f} {r['client_cpu_s']:>12.1f} {r.get('batches', ''):>7} {overhead:>14}")


if __name__ == "__main__":
    main()
