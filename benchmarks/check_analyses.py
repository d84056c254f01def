"""Check that the lean analyses give every word the same word classes and cue readings as before.

    python benchmarks/check_analyses.py [--before REV] [--limit N]

Loads ``quotes/wordclass.py`` as it was at git revision REV (default ``main``) beside the current
one, over the same cached DB, and compares for every distinct token of the seeds, the 60 corpus
articles and the 10,000 articles of ``../shared/corpus/saudinewsnet-10k.jsonl.gz``:
- the answer to every question the stages ask (classes, name evidence, mention continuation and
  end, time, verbal noun, prepositional only, narrative verb with and without قد, gender and number);
- the readings as the questions see them (``Reading``), against camel's own Analyzer: the
  features ``morphology.FeatureAnalyzer`` gives must be those of ``Analyzer.analyze``, in its order;
- the reporting-cue readings of ``CueMorphology`` (lemma, part of speech, agreement, clitics, in
  order), through FeatureAnalyzer and through camel's Analyzer.
Prints the number of words compared and the differences; exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes import wordclass  # noqa: E402
from quotes.morphology import CueMorphology  # noqa: E402
from quotes.normalize import NormalizedText, Tokens  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "saudinewsnet-10k.jsonl.gz"


def texts(limit: int) -> Iterable[str]:
    for folder in (ROOT / "seeds", SHARED / "corpus" / "articles"):
        for path in sorted(folder.glob("*.txt")):
            yield path.read_text(encoding="utf-8")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fp:
        for n, line in enumerate(fp):
            if n >= limit:
                break
            yield json.loads(line)["text"]


def distinct_words(limit: int) -> list[str]:
    words: set[str] = set()
    for text in texts(limit):
        words.update(Tokens(NormalizedText.of(text).text).words)
    return sorted(words)


def module_at(revision: str) -> Any:
    """quotes/wordclass.py at ``revision``, imported as a sibling module of the package."""
    source = subprocess.run(["git", "show", f"{revision}:quotes/wordclass.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    folder = Path(tempfile.mkdtemp(prefix="wordclass-before-"))
    path = folder / "wordclass_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("quotes.wordclass_before", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


QUESTIONS: dict[str, Callable[[Any, str], object]] = {
    "classes": lambda wc, w: wc.classes(w),
    "is_analysed": lambda wc, w: wc.is_analysed(w),
    "name_evidence": lambda wc, w: wc.name_evidence(w),
    "is_name_candidate": lambda wc, w: wc.is_name_candidate(w),
    "can_continue_mention": lambda wc, w: wc.can_continue_mention(w),
    "ends_mention": lambda wc, w: wc.ends_mention(w),
    "is_time": lambda wc, w: wc.is_time(w),
    "is_verbal_noun": lambda wc, w: wc.is_verbal_noun(w),
    "only_prepositional": lambda wc, w: wc.only_prepositional(w),
    "only_conjoined": lambda wc, w: wc.only_conjoined(w),
    "narrative_verb": lambda wc, w: wc.narrative_verb(w),
    "narrative_verb_after_qad": lambda wc, w: wc.narrative_verb(w, after_qad=True),
    "narrative_verb_imperfective": lambda wc, w: wc.narrative_verb(w, imperfective=True),
    "gender_number": lambda wc, w: wc.gender_number(w),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="git revision of the reference wordclass.py")
    parser.add_argument("--limit", type=int, default=10_000, help="articles of the 10k corpus to read")
    args = parser.parse_args()

    words = distinct_words(args.limit)
    before = module_at(args.before).WordClasses.load()
    now = wordclass.WordClasses.load()
    assert before.available and now.available, (before.reason, now.reason)
    from camel_tools.morphology.analyzer import Analyzer

    camel = Analyzer(now._analyzer._db, backoff="NONE")  # camel's own, without the project's shortcuts

    differences: list[str] = []
    timings = {"before": 0.0, "now": 0.0}
    segmented = 0
    for word in words:
        t = time.perf_counter()
        old = [ask(before, word) for ask in QUESTIONS.values()]
        timings["before"] += time.perf_counter() - t
        t = time.perf_counter()
        new = [ask(now, word) for ask in QUESTIONS.values()]
        timings["now"] += time.perf_counter() - t
        for name, a, b in zip(QUESTIONS, old, new, strict=True):
            if a != b:
                differences.append(f"{word}: {name} was {a!r}, is {b!r}")
        if wordclass._LETTERS.fullmatch(word):  # other words go through camel's Analyzer itself
            camel_keys = [wordclass._reading_of(feats) for feats in camel.analyze(word)]
            ours = [wordclass.Reading._make(v) for v in now._features.analyses(word)]
            if ours != camel_keys:
                differences.append(f"{word}: readings differ from camel's: {ours} / {camel_keys}")
            segmented += 1
    print(f"{len(words)} distinct words compared ({args.limit} articles of the 10k corpus, the seeds and "
          f"the 60 corpus articles), {segmented} of them segmented by "
          f"FeatureAnalyzer; questions took {timings['before']:.2f} s before, {timings['now']:.2f} s now")
    cues = CueMorphology()
    lean = cues._features
    candidates = [word for word in words if cues._may_be_cue(word)]
    for word in candidates:
        cues._features = lean
        ours_cues = cues._analyze(word)
        cues._features = None  # camel's Analyzer
        if ours_cues != cues._analyze(word):
            differences.append(f"{word}: cue readings differ from camel's: {ours_cues} / {cues._analyze(word)}")
    print(f"{len(candidates)} cue candidates compared")
    print(f"{len(differences)} differences")
    for line in differences[:40]:
        print("  " + line)
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
