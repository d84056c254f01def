"""The reporting-cue readings through quotes.morphology.FeatureAnalyzer against camel-tools' Analyzer.

CueMorphology analyses a candidate word for the dozen features its mapping reads, without camel's
full analysis; the cue readings (lemma, part of speech, aspect, agreement, clitics) and their order
must be exactly those camel's Analyzer gives. benchmarks/check_analyses.py compares every candidate
of the 10,000-article corpus; here the candidates of the corpus articles and the seeds.
"""

from __future__ import annotations

from pathlib import Path

from quotes.morphology import PLAIN_ARABIC, CueMorphology, FeatureAnalyzer
from quotes.normalize import Tokens, fold


def test_cue_readings_are_camels(shared_dir: Path, seeds_dir: Path) -> None:
    cues = CueMorphology()
    lean = cues._features
    assert lean is not None  # the shipped DB needs nothing FeatureAnalyzer leaves out
    words: set[str] = set()
    for path in [*sorted((shared_dir / "corpus" / "articles").glob("*.txt")), *sorted(seeds_dir.glob("*.txt"))]:
        words.update(Tokens(fold(path.read_text(encoding="utf-8"))).words)
    candidates = sorted(w for w in words if cues._may_be_cue(w))
    candidates += ["أكد", "وأضافت", "قائلة", "مؤكدا"]  # unfolded spellings: camel folds them first
    assert len(candidates) > 300
    for word in candidates:
        cues._features = lean
        ours = cues._analyze(word)
        cues._features = None  # camel's Analyzer
        assert ours == cues._analyze(word), word
    assert any(cues._analyze(w) for w in candidates)


def test_feature_analyzer_keeps_camels_order_and_duplicates() -> None:
    cues = CueMorphology()
    db = cues._analyzer._db
    features = ("lex", "pos", "per", "gen", "num", "prc2", "enc0", "stt")
    analyzer = FeatureAnalyzer(db, features, None)
    for word in ("قال", "وقالت", "يقولون", "فأضاف", "مضيفا", "بقوله", "اكدوا", "أكد"):
        assert PLAIN_ARABIC.fullmatch(word)
        camel = [tuple(feats.get(f) for f in features) for feats in cues._analyzer.analyze(word)]
        assert camel, word
        assert analyzer.analyses(word) == camel, word
