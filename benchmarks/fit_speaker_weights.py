"""Fit the weights that rank a zero subject's candidates, and report them cross-validated.

    python benchmarks/fit_speaker_weights.py --fit seeds dev --score dev2   # cross-validated figure
    python benchmarks/fit_speaker_weights.py --fit dev2 --score dev         # the other way round
    python benchmarks/fit_speaker_weights.py --fit seeds dev dev2 --write   # ship the fitted weights

Every quote with no subject of its own (وأضاف، مضيفا) is resolved by ranking the candidates
its context offers (``quotes/speaker_ranking.py``). Here the extractor runs over the ``--fit``
sets with the shipped weights; each zero subject whose span matches a gold quote, and whose
candidates include the gold speaker, is one example. A conditional logit is fitted on them: a
softmax over the candidates and "no one" (score 0), the gold speaker's probability maximised,
with an L2 penalty. Plain gradient descent: no ML library, here or at run time.

``--score`` runs the extractor on a set the weights were not fitted on, with the shipped and
with the fitted weights, and prints attribution, end-to-end F1 and the precision of the top
half by confidence. ``--write`` stores the fitted weights in ``quotes/data/speaker_weights.tsv``
(only worth doing where the cross-validated figures beat the shipped ones).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from quotes.evaluate import load_jsonl, match_documents, ranking_quality, score, speaker_ok
from quotes.extract import Extractor
from quotes.records import build_records
from quotes.sources import iter_articles
from quotes.speaker_ranking import FEATURES, WEIGHTS_FILE, load_weights

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from fit_confidence import SETS  # noqa: E402  (the gold sets and their article folders, named once)

L2 = 0.05  # per example: pulls each weight toward the hand-set one (features a set never shows keep it)
HAND_SCALE = 5.0  # the hand-set weights are points (10 between two readings); a logit wants about 2
STEPS = 3000
RATE = 0.5

Example = tuple[list[tuple[float, ...]], list[bool]]  # the candidates' features, which are the gold speaker


def _run(name: str, weights: tuple[float, ...] | None) -> tuple[list[dict], list[dict], dict[str, str], list[Example]]:
    """The gold, the predictions and texts of a set, and its zero subjects as examples."""
    gold_path, folder = SETS[name]
    gold = load_jsonl(gold_path)
    wanted = sorted({g["doc"] for g in gold})
    extractor = Extractor(speaker_weights=weights)
    texts: dict[str, str] = {}
    preds: list[dict] = []
    options: list[list[tuple[tuple[float, ...], str]]] = []  # per prediction: (features, name shown)
    for article in iter_articles([str(folder / d) for d in wanted], errors=[]):
        doc_name = Path(article.doc).name
        texts[doc_name] = article.text
        doc, attributed = extractor.attribute(article)
        for a, q in zip(attributed, build_records(doc, attributed), strict=True):
            p = q.to_json()
            p["doc"] = doc_name
            preds.append(p)
            shown = p["evidence"].get("candidates") or []  # the evidence shows two or more
            options.append([(c.features, s["speaker"]) for c, s in zip(a.resolution.candidates, shown, strict=False)
                            if c.features])
    examples: list[Example] = []
    index = {id(p): i for i, p in enumerate(preds)}
    for m in match_documents(gold, preds, texts):
        for j, p in enumerate(m.predictions):
            i = m.pred_to_gold.get(j)
            cands = options[index[id(p)]]
            if i is None or m.gold[i].get("optional") or len(cands) < 2:
                continue
            g = m.gold[i]
            right = [speaker_ok(shown, g["speaker"], g.get("speaker_alts") or []) for _, shown in cands]
            if any(right):
                examples.append(([f for f, _ in cands], right))
    return gold, preds, texts, examples


def fit(examples: list[Example], hand: tuple[float, ...], free: bool = False) -> tuple[float, ...]:
    """Weights maximising the gold candidates' softmax probability against the others and
    "no one" (all features 0), less an L2 penalty on the distance to the hand-set weights
    (``free``: to zero)."""
    n = len(FEATURES)
    prior = [0.0 if free else x / HAND_SCALE for x in hand]
    w = list(prior)
    for _ in range(STEPS):
        grad = [-L2 * (x - p) for x, p in zip(w, prior, strict=True)]
        for feats, right in examples:
            scores = [sum(a * b for a, b in zip(w, f, strict=True)) for f in feats] + [0.0]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            right_total = sum(e for e, r in zip(exps, right, strict=False) if r)
            for f, e, r in zip(feats, exps, right, strict=False):  # exps ends with "no one"
                # d log P(right) / d w = E[f | right] - E[f]
                share = (e / right_total if r else 0.0) - e / total
                if share:
                    for k in range(n):
                        grad[k] += share * f[k]
        w = [x + RATE * g / len(examples) for x, g in zip(w, grad, strict=True)]
    return tuple(round(x, 3) for x in w)


def _choices_right(examples: list[Example], weights: tuple[float, ...]) -> int:
    """How many examples the weights rank a gold candidate first for, above zero."""
    hits = 0
    for feats, right in examples:
        scores = [sum(a * b for a, b in zip(weights, f, strict=True)) for f in feats]
        best = max(range(len(scores)), key=scores.__getitem__)
        hits += right[best] and scores[best] > 0
    return hits


def _report(label: str, name: str, weights: tuple[float, ...] | None) -> None:
    gold, preds, texts, _ = _run(name, weights)
    s = score(gold, preds, texts)
    r = ranking_quality(gold, preds, texts)
    print(f"{name}, {label}: attribution {s.attribution_accuracy}, e2e F1 {s.e2e_f1}, "
          f"top half {r['top_half_precision']}, AUC {r['auc']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", nargs="+", choices=list(SETS), required=True)
    parser.add_argument("--score", nargs="*", choices=list(SETS), default=[])
    parser.add_argument("--free", action="store_true", help="pull the weights toward zero, not the hand-set ones")
    parser.add_argument("--write", action="store_true", help=f"store the fitted weights in {WEIGHTS_FILE.relative_to(ROOT)}")
    args = parser.parse_args()
    shipped = load_weights()
    examples = [e for name in args.fit for e in _run(name, None)[3]]
    fitted = fit(examples, shipped, args.free)
    print(f"{len(examples)} zero subjects with the gold speaker among their candidates in {'+'.join(args.fit)}; "
          f"ranked first: shipped {_choices_right(examples, shipped)}, fitted {_choices_right(examples, fitted)}")
    for f, a, b in zip(FEATURES, shipped, fitted, strict=True):
        print(f"  {f:30} shipped {a:8g}  fitted {b:8g}")
    for name in args.score:
        _report("shipped weights", name, None)
        _report(f"fitted on {'+'.join(args.fit)}", name, fitted)
    if args.write:
        toward = "zero" if args.free else f"the hand-set weights / {HAND_SCALE:g}"
        lines = [f"# feature\tweight\t(fitted by benchmarks/fit_speaker_weights.py on {' + '.join(args.fit)}; "
                 f"L2 {L2:g} toward {toward}; {len(examples)} zero subjects)"]
        lines += [f"{f}\t{w:g}" for f, w in zip(FEATURES, fitted, strict=True)]
        WEIGHTS_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
