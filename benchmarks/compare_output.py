"""Check that a refactor leaves the extractor's output unchanged.

    python benchmarks/compare_output.py save DIR     # before the change
    python benchmarks/compare_output.py check DIR    # after it: exit 1 and the first differences

Runs the installed `quotes extract --jsonl` over the seeds, the 60 corpus articles and the
10,000 articles of ``../shared/corpus/saudinewsnet-10k.jsonl.gz`` and compares the JSONL
byte for byte. ``--skip-evidence`` compares every field but ``evidence``, for a change that
only renames rules. ``--quick`` leaves out the 10,000 articles.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
INPUTS = {
    "seeds": ROOT / "seeds",
    "corpus": SHARED / "corpus" / "articles",
    "10k": SHARED / "corpus" / "saudinewsnet-10k.jsonl.gz",
}
QUOTES = Path(sys.executable).parent / "quotes"


def _extract(name: str, source: Path, out: Path) -> Path:
    target = out / f"{name}.jsonl"
    subprocess.run([str(QUOTES), "extract", str(source), "--jsonl", str(target), "-j", "2", "--quiet"],
                   check=True, cwd=ROOT)
    return target


def _lines(path: Path, skip_evidence: bool) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if not skip_evidence:
        return lines
    out = []
    for line in lines:
        record = json.loads(line)
        record.pop("evidence", None)
        out.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--skip-evidence", action="store_true")
    parser.add_argument("--quick", action="store_true", help="seeds and corpus articles only")
    args = parser.parse_args()
    names = [n for n in INPUTS if not (args.quick and n == "10k")]
    if args.action == "save":
        args.dir.mkdir(parents=True, exist_ok=True)
        for name in names:
            path = _extract(name, INPUTS[name], args.dir)
            print(f"{name}: {sum(1 for _ in path.open(encoding='utf-8'))} quotes -> {path}")
        return 0
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            before_path = args.dir / f"{name}.jsonl"
            after = _lines(_extract(name, INPUTS[name], Path(tmp)), args.skip_evidence)
            before = _lines(before_path, args.skip_evidence)
            if before == after:
                print(f"{name}: identical ({len(after)} quotes)")
                continue
            failed = True
            diffs = [i for i in range(max(len(before), len(after)))
                     if i >= len(before) or i >= len(after) or before[i] != after[i]]
            print(f"{name}: DIFFERENT ({len(before)} quotes before, {len(after)} after, "
                  f"{len(diffs)} lines differ)")
            for i in diffs[:5]:
                print(f"  line {i + 1}\n  - {before[i] if i < len(before) else '(none)'}\n"
                      f"  + {after[i] if i < len(after) else '(none)'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
