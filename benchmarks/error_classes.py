"""Count the extractor's errors on a gold set by class, to see which class a change moves.

    python benchmarks/error_classes.py GOLD.jsonl ARTICLES_DIR [--show CLASS]

Extracts the gold documents found in ARTICLES_DIR, matches predictions to gold quotes as
``../shared/eval/score.py`` does (spans trimmed, overlap of at least half each way, one to
one, required gold first), and sorts the errors:

* ``miss`` — a required gold quote with no prediction; ``false positive`` — a prediction with
  no gold quote;
* wrong speakers: ``no speaker``; ``another speaker`` — the name of another speaker of the
  same article; ``fragment`` — shares a word with the right speaker (a title, a surname, a
  cut-short description); ``not a name`` — anything else (an object, an adverb, the next
  clause, a prepositional phrase).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from quotes.evaluate import load_jsonl, match_documents, normalize_speaker, speaker_ok
from quotes.extract import Extractor
from quotes.sources import iter_articles

CLASSES = ("miss", "false positive", "no speaker", "another speaker", "fragment", "not a name")


def _rules(evidence: dict) -> str:
    return f'{evidence.get("mention_rule")}/{evidence.get("speaker_rule")}'


def classify(gold_path: Path, articles: Path) -> list[tuple[str, ...]]:
    """(class, doc, gold speaker, predicted speaker, quote start[, the rules and the cue's
    context, the mention/speaker rule ids]) of every error, and ("right", …) of every quote
    whose speaker is right, for the rules' precision."""
    gold = load_jsonl(gold_path)
    extractor = Extractor()
    texts: dict[str, str] = {}
    predictions: list[dict] = []
    for article in iter_articles([str(articles / doc) for doc in sorted({Path(g["doc"]).name for g in gold})],
                                 errors=[]):
        texts[Path(article.doc).name] = article.text
        predictions += [q.to_json() for q in extractor.extract(article)]
    errors = []
    for m in match_documents(gold, predictions, texts):
        doc, text, gs, ps, g_spans, p_spans = m.doc, m.text, m.gold, m.predictions, m.gold_spans, m.pred_spans
        g_to_p, p_to_g = m.gold_to_pred, m.pred_to_gold
        speakers = {g["speaker"] for g in gs}
        for i, g in enumerate(gs):
            if g.get("optional"):
                continue
            if i not in g_to_p:
                errors.append(("miss", doc, g["speaker"], "", text[slice(*g_spans[i])][:60]))
                continue
            p = ps[g_to_p[i]]
            said = p.get("speaker") or ""
            ev = p.get("evidence") or {}
            if speaker_ok(said, g["speaker"], g.get("speaker_alts") or []):
                errors.append(("right", doc, g["speaker"], said, "", "", _rules(ev)))
                continue
            if not said:
                kind = "no speaker"
            elif any(speaker_ok(said, other) for other in speakers - {g["speaker"]}):
                kind = "another speaker"
            elif set(normalize_speaker(said).split()) & set(normalize_speaker(g["speaker"]).split()):
                kind = "fragment"
            else:
                kind = "not a name"
            cue_at = p.get("cue_start") or p["start"]
            context = text[max(0, cue_at - 80):cue_at + 90].replace("\n", " ⏎ ")
            detail = f'{ev.get("construction")}/{ev.get("mention_rule")}/{ev.get("speaker_rule")} «{p.get("speaker_mention")}» :: {context}'
            errors.append((kind, doc, g["speaker"], said, text[slice(*g_spans[i])][:60], detail, _rules(ev)))
        for j, p in enumerate(ps):
            if j not in p_to_g:
                errors.append(("false positive", doc, "", p.get("speaker") or "", text[slice(*p_spans[j])][:60]))
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--show", choices=CLASSES, action="append", default=[])
    parser.add_argument("--context", action="store_true", help="with --show: the rules that fired and the cue's context")
    parser.add_argument("--by-rule", action="store_true",
                        help="per mention/speaker rule: how many matched quotes it attributed, how many rightly")
    args = parser.parse_args()
    everything = classify(args.gold, args.articles)
    errors = [e for e in everything if e[0] != "right"]
    if args.by_rule:
        attributed = [e for e in everything if len(e) > 6]  # the matched quotes: right or a wrong speaker
        rules = Counter(e[6] for e in attributed)
        right = Counter(e[6] for e in attributed if e[0] == "right")
        for rule, n in rules.most_common():
            print(f"{rule:60} {right[rule]:4}/{n:<4} {right[rule] / n:.2f}")
    counts = Counter(e[0] for e in errors)
    wrong = sum(counts[c] for c in CLASSES[2:])
    for c in CLASSES:
        share = f" ({counts[c] / wrong:.0%} of wrong speakers)" if c in CLASSES[2:] and wrong else ""
        print(f"{c:16} {counts[c]:4}{share}")
    for e in errors:
        if e[0] in args.show:
            print(" | ".join(e[:5]))
            if args.context and len(e) > 5:
                print("    " + e[5])
    return 0


if __name__ == "__main__":
    sys.exit(main())
