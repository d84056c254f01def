"""A zero subject's speaker is the best-scoring of its candidates, by weights that are data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from quotes import rules
from quotes.extract import Extractor
from quotes.records import Article
from quotes.speaker_ranking import FEATURES, WEIGHTS_FILE, load_weights

PROJECT = Path(__file__).resolve().parents[1]
# a previous speaker, a person named with a title since, then a zero subject (وأضاف)
PAST_ANOTHER_NAME = rules.RULES["previous_speaker_past_another_name"].example


def _weights(**changed: float) -> tuple[float, ...]:
    shipped = dict(zip(FEATURES, load_weights(), strict=True))
    shipped.update(changed)
    return tuple(shipped[f] for f in FEATURES)


def _zero_subject(quotes: list) -> dict:
    return next(q for q in quotes if q.cue == "وأضاف")


def test_shipped_weights_name_every_feature_and_nothing_else() -> None:
    names = [line.split("\t")[0] for line in WEIGHTS_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert sorted(names) == sorted(FEATURES)


def test_a_stale_weights_file_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "w.tsv"
    path.write_text("# comment\nprevious_speaker\t2\nrecency\t1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"w\.tsv:3: unknown feature 'recency'"):
        load_weights(path)
    path.write_text("previous_speaker\t2\n", encoding="utf-8")
    weights = load_weights(path)
    assert weights[FEATURES.index("previous_speaker")] == 2.0 and sum(weights) == 2.0


def test_the_winner_outscores_its_rivals_and_the_evidence_says_by_how_much() -> None:
    quotes = Extractor().extract(Article(doc="x", text=PAST_ANOTHER_NAME))
    added = _zero_subject(quotes)
    assert added.speaker == "فؤاد حسين"
    candidates = added.evidence["candidates"]
    assert candidates[0]["chosen"] and candidates[0]["speaker"] == "فؤاد حسين"
    rival = next(c for c in candidates if "برهم صالح" in c["speaker"])
    assert rival["source"] == "named_before" and candidates[0]["score"] > rival["score"]


def test_the_weights_decide_the_speaker() -> None:
    """Weights that trust a person named since the previous quote more than its speaker hand
    the same quote to that person: the choice is the ranking's, not a fixed rule order."""
    favour_named = _weights(named_since_previous=30.0)
    quotes = Extractor(speaker_weights=favour_named).extract(Article(doc="x", text=PAST_ANOTHER_NAME))
    added = _zero_subject(quotes)
    assert "برهم صالح" in added.speaker
    assert added.evidence["speaker_rule"] == "named_before_agrees"
    assert any(c["speaker"] == "فؤاد حسين" and not c["chosen"] for c in added.evidence["candidates"])


def test_a_feminine_verb_skips_the_masculine_previous_speaker() -> None:
    text = ("وقالت وزيرة الخارجية نجلاء المنقوش إن المحادثات كانت صريحة. "
            "وقال وزير الداخلية خالد مازن إن الأمن مستتب. "
            "وأضافت أن ليبيا ستبقى منفتحة على جيرانها.")
    quotes = Extractor().extract(Article(doc="x", text=text))
    added = next(q for q in quotes if q.cue == "وأضافت")
    assert added.speaker == "نجلاء المنقوش"
    assert added.evidence["speaker_rule"] == "earlier_speaker_agrees"
    rival = next(c for c in added.evidence["candidates"] if c["speaker"] == "خالد مازن")
    assert rival["source"] == "previous_speaker" and rival["agrees"] is False


def _fitter():
    spec = importlib.util.spec_from_file_location("fit_speaker_weights", PROJECT / "benchmarks" / "fit_speaker_weights.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_fit_learns_which_candidate_gold_prefers() -> None:
    """Examples where the person named since the previous quote is always the speaker teach
    the fit to rank that person above the previous speaker; with the hand-set weights it
    ranks the previous speaker first."""
    fitter = _fitter()
    prev = tuple(1.0 if f in ("previous_speaker", "agrees") else 0.0 for f in FEATURES)
    named = tuple(1.0 if f in ("named_before", "agrees", "named_agrees", "named_since_previous") else 0.0
                  for f in FEATURES)
    examples = [([prev, named], [False, True])] * 40
    hand = load_weights()
    assert fitter._choices_right(examples, hand) == 0
    fitted = fitter.fit(examples, hand)
    assert fitter._choices_right(examples, fitted) == 40
