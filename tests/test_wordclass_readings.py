"""The word classes' lean analysis (quotes.morphology.FeatureAnalyzer) against camel-tools' Analyzer.

The questions read a word's Readings, which FeatureAnalyzer computes from the DB's tables without
camel's full analysis; they must be exactly the Readings of camel's analyses, and every question
must answer as it does from those. benchmarks/check_wordclass.py runs the same comparison over every
distinct word of the 10,000-article corpus; here it runs over a few corpus articles and the seeds.
The DB is built once per session into a temporary cache folder, as in test_wordclass.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.normalize import Tokens, fold
from quotes.wordclass import _LETTERS, Reading, WordClasses, _reading_of


@pytest.fixture(scope="session")
def wc(tmp_path_factory: pytest.TempPathFactory) -> WordClasses:
    classes = WordClasses.load(tmp_path_factory.mktemp("wordclass-readings-cache"))
    assert classes.available, classes.reason
    return classes


def corpus_words(shared_dir: Path, seeds_dir: Path) -> list[str]:
    paths = sorted((shared_dir / "corpus" / "articles").glob("*.txt"))[:12] + sorted(seeds_dir.glob("*.txt"))
    words: set[str] = set()
    for path in paths:
        words.update(Tokens(fold(path.read_text(encoding="utf-8"))).words)
    return sorted(words)


def test_feature_analyzer_gives_the_readings_of_camels_analyses(wc: WordClasses, shared_dir: Path, seeds_dir: Path) -> None:
    from camel_tools.morphology.analyzer import Analyzer

    camel = Analyzer(wc._analyzer._db, backoff="NONE")
    words = [w for w in corpus_words(shared_dir, seeds_dir) if _LETTERS.fullmatch(w)]
    # unfolded spellings too: camel folds them before segmenting, and so must FeatureAnalyzer
    words += ["أكد", "إعلان", "المتحدثة", "على", "آن"]
    assert len(words) > 3000
    assert wc._features is not None
    for word in words:
        ours = [Reading._make(values) for values in wc._features.analyses(word)]
        assert ours == [_reading_of(feats) for feats in camel.analyze(word)], word  # in camel's order too


def test_readings_read_like_analyses(wc: WordClasses, shared_dir: Path, seeds_dir: Path) -> None:
    """Every derived view of a Reading equals the Analysis field of the same name."""
    views = ("pos", "lex", "gender", "number", "person", "aspect", "passive", "proclitics", "enclitic",
             "verbal_noun", "time", "definite")
    for word in corpus_words(shared_dir, seeds_dir)[:4000]:
        analyses = wc.analyse(word)
        readings = wc.readings(word)
        project = {tuple(getattr(a, v) for v in views) for a in analyses}
        assert project == {tuple(getattr(r, v) for v in views) for r in readings}, word
        assert all(isinstance(r, Reading) for r in readings)


def test_non_arabic_tokens_go_through_camel(wc: WordClasses) -> None:
    # digits and Latin letters are camel's own cases (digit, foreign): FeatureAnalyzer never sees them
    for word in ("2015", "CNN", "قال2", "١٢"):
        assert not _LETTERS.fullmatch(word)
        assert wc.readings(word) == tuple(dict.fromkeys(map(_reading_of, wc._analyzer.analyze(word))))
    assert wc.classes("2015") == frozenset({"digit"})


def test_unavailable_word_classes_have_no_readings() -> None:
    wc = WordClasses(False, "turned off")
    assert wc.readings("قال") == ()
    assert wc.name_evidence("قال") == "unanalysed"
