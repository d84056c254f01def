"""Fit the rules' confidences on gold sets, and report how well they rank on another set.

    python benchmarks/fit_confidence.py --fit seeds dev --score dev2      # cross-validated figure
    python benchmarks/fit_confidence.py --fit dev2 --score dev            # the other way round
    python benchmarks/fit_confidence.py --fit seeds dev dev2 --write      # the weights shipped

A quote's confidence is the product of its construction's confidence (how often a span of that
construction is a quote of the gold) and its speaker rule's (how often the speaker that rule
chose is right, on right spans), as ``records.py`` computes it. Fitting replaces the registry's
hand-set values by the rates measured on the ``--fit`` sets, shrunk toward the hand-set value
by a prior worth four quotes, so a rule seen twice keeps most of its prior. ``--score`` runs
the extractor with the fitted values on a set they were not fitted on and prints the precision
of the half of its quotes with the highest confidence. ``--write`` stores the fitted values in
``quotes/data/rule_confidence.tsv``, which ``quotes/rules.py`` reads. No ML library: counts.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

from quotes import rules
from quotes.evaluate import load_jsonl, match_documents, ranking_quality, score, speaker_ok
from quotes.extract import Extractor
from quotes.sources import iter_articles

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "seeds": (SHARED / "eval" / "gold" / "seeds.jsonl", ROOT / "seeds"),
    "dev": (SHARED / "eval" / "gold" / "dev.jsonl", SHARED / "corpus" / "articles"),
    "dev2": (SHARED / "eval" / "gold" / "dev2.jsonl", SHARED / "corpus" / "articles"),
}
PRIOR_WEIGHT = 4.0
OUT = ROOT / "quotes" / "data" / "rule_confidence.tsv"


def _run(name: str) -> tuple[list[dict], list[dict], dict[str, str]]:
    gold_path, folder = SETS[name]
    gold = load_jsonl(gold_path)
    wanted = sorted({g["doc"] for g in gold})
    extractor = Extractor()
    texts: dict[str, str] = {}
    preds: list[dict] = []
    for article in iter_articles([str(folder / d) for d in wanted], errors=[]):
        doc = Path(article.doc).name
        texts[doc] = article.text
        for q in extractor.extract(article):
            p = q.to_json()
            p["doc"] = doc
            preds.append(p)
    return gold, preds, texts


def _counts(gold: list[dict], preds: list[dict], texts: dict[str, str]) -> tuple[Counter, Counter, Counter, Counter]:
    """(span right, spans) per construction and (speaker right, right spans) per speaker rule,
    matching as the scorer does: overlap of half each way, one to one, required gold first."""
    span_ok: Counter = Counter()
    span_n: Counter = Counter()
    spk_ok: Counter = Counter()
    spk_n: Counter = Counter()
    for m in match_documents(gold, preds, texts):
        gs, ps, p_to_g = m.gold, m.predictions, m.pred_to_gold
        for j, p in enumerate(ps):
            ev = p["evidence"]
            i = p_to_g.get(j)
            if i is not None and gs[i].get("optional"):
                continue
            span_n[ev["construction"]] += 1
            if i is None:
                continue
            span_ok[ev["construction"]] += 1
            spk_n[ev["speaker_rule"]] += 1
            g = gs[i]
            if speaker_ok(p.get("speaker") or "", g["speaker"], g.get("speaker_alts") or []):
                spk_ok[ev["speaker_rule"]] += 1
    return span_ok, span_n, spk_ok, spk_n


def fit(names: list[str]) -> dict[str, tuple[float, int, int]]:
    """id -> (fitted confidence, right, seen) over the named sets."""
    totals = [Counter(), Counter(), Counter(), Counter()]
    for name in names:
        for total, part in zip(totals, _counts(*_run(name)), strict=True):
            total.update(part)
    span_ok, span_n, spk_ok, spk_n = totals
    fitted: dict[str, tuple[float, int, int]] = {}
    for rule in rules.RULES.values():
        if not rule.confidence:
            continue  # inherited (headline): nothing of its own to fit
        ok, n = (span_ok, span_n) if rule.stage == "construction" else (spk_ok, spk_n)
        value = (ok[rule.id] + PRIOR_WEIGHT * rule.confidence) / (n[rule.id] + PRIOR_WEIGHT)
        fitted[rule.id] = (round(value, 3), ok[rule.id], n[rule.id])
    return fitted


def apply(fitted: dict[str, tuple[float, int, int]]) -> None:
    """Use the fitted values in this process (the registry's dicts are read at extraction)."""
    for rule_id, (value, _, _) in fitted.items():
        new = dataclasses.replace(rules.RULES[rule_id], confidence=value)
        rules.RULES[rule_id] = new
        (rules.CONSTRUCTIONS if new.stage == "construction" else rules.SPEAKER_RULES)[rule_id] = new


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", nargs="+", choices=list(SETS), required=True)
    parser.add_argument("--score", nargs="*", choices=list(SETS), default=[])
    parser.add_argument("--write", action="store_true", help=f"store the fitted values in {OUT.relative_to(ROOT)}")
    args = parser.parse_args()
    for name in args.score:
        before = ranking_quality(*_run(name))
        print(f"{name}, registry values: top half {before['top_half_precision']}, AUC {before['auc']}")
    fitted = fit(args.fit)
    apply(fitted)
    for name in args.score:
        gold, preds, texts = _run(name)
        after = ranking_quality(gold, preds, texts)
        s = score(gold, preds, texts)
        print(f"{name}, fitted on {'+'.join(args.fit)}: top half {after['top_half_precision']}, "
              f"bottom half {after['bottom_half_precision']}, AUC {after['auc']} (e2e F1 {s.e2e_f1})")
    if args.write:
        lines = ["# id\tconfidence\tright\tseen\t(fitted by benchmarks/fit_confidence.py on "
                 f"{' + '.join(args.fit)}; prior weight {PRIOR_WEIGHT:g} quotes)"]
        lines += [f"{k}\t{v:.3f}\t{ok}\t{n}" for k, (v, ok, n) in sorted(fitted.items())]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
