"""quotes.evaluate against the shared eval/score.py: same files in, same figures out."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotes.evaluate import (
    EvalError,
    Gold,
    Scores,
    evaluate,
    format_report,
    load_gold,
    load_jsonl,
    load_texts,
    normalize_speaker,
    ranking_quality,
    score,
    speaker_ok,
)
from quotes.records import Article
from quotes.sources import SourceError, iter_articles

SHARED = Path("/work/shared")
GOLD = SHARED / "eval" / "gold" / "seeds.jsonl"
TEXTS = SHARED / "seeds"
SCRIPT = SHARED / "eval" / "score.py"
DOC = "000_d6f77bd85ba13e0e.txt"

pytestmark = pytest.mark.skipif(
    not (GOLD.exists() and TEXTS.is_dir() and SCRIPT.exists()), reason="needs the shared eval files"
)


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return load_jsonl(GOLD)


@pytest.fixture(scope="module")
def texts(gold: list[dict[str, Any]]) -> dict[str, str]:
    return load_texts(TEXTS, {g["doc"] for g in gold})


def perfect(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One right prediction per required gold quote, doc given as a path (compared by name)."""
    return [
        {"doc": f"seeds/{g['doc']}", "start": g["start"], "end": g["end"], "speaker": g["speaker"],
         "confidence": 0.9}
        for g in gold if not g["optional"]
    ]


def of_doc(gold: list[dict[str, Any]], doc: str = DOC) -> list[dict[str, Any]]:
    return [g for g in gold if g["doc"] == doc]


def by_speaker(gold: list[dict[str, Any]], speaker: str) -> dict[str, Any]:
    return next(g for g in gold if g["speaker"] == speaker and not g["optional"])


def run_script(tmp_path: Path, gold: list[dict[str, Any]], predictions: list[dict[str, Any]],
               *extra: str) -> str:
    gold_file, pred_file = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    for path, rows in ((gold_file, gold), (pred_file, predictions)):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(gold_file), str(pred_file), "--texts", str(TEXTS), *extra],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def cross_check(tmp_path: Path, gold: list[dict[str, Any]], predictions: list[dict[str, Any]],
                texts: dict[str, str]) -> Scores:
    """Score both ways and insist on identical figures, lists and report lines."""
    ours = score(gold, predictions, texts)
    theirs = json.loads(run_script(tmp_path, gold, predictions, "--json"))
    assert json.loads(json.dumps(ours.to_json(), ensure_ascii=False)) == theirs
    summary = run_script(tmp_path, gold, predictions).splitlines()
    assert format_report(ours).splitlines() == summary
    return ours


def test_perfect_predictions_score_one(tmp_path: Path, gold: list[dict[str, Any]],
                                       texts: dict[str, str]) -> None:
    s = cross_check(tmp_path, gold, perfect(gold), texts)
    assert s.gold_required == sum(not g["optional"] for g in gold)
    assert (s.quote_precision, s.quote_recall, s.quote_f1) == (1.0, 1.0, 1.0)
    assert (s.attribution_accuracy, s.e2e_precision, s.e2e_recall, s.e2e_f1) == (1.0, 1.0, 1.0, 1.0)
    assert not (s.misses or s.wrong_speaker or s.false_positives)


def test_trimming_ignores_marks_and_punctuation(gold: list[dict[str, Any]], texts: dict[str, str]) -> None:
    # A direct quote predicted with its quotation marks (and the space after them) is the same span.
    direct = next(g for g in of_doc(gold) if g["kind"] == "direct" and not g["optional"])
    pred = [{"doc": DOC, "start": direct["start"] - 1, "end": direct["end"] + 1, "speaker": direct["speaker"]}]
    assert texts[DOC][direct["start"] - 1] in "“”«»\"" or texts[DOC][direct["start"] - 1] == " "
    s = score(of_doc(gold), pred, texts)
    assert s.e2e_precision == 1.0


def test_span_shifted_beyond_half_is_a_miss_and_a_false_positive(
    tmp_path: Path, gold: list[dict[str, Any]], texts: dict[str, str]
) -> None:
    gs = of_doc(gold)
    preds = perfect(gs)
    victim = by_speaker(gs, "قاسم الأعرجي")
    shift = (victim["end"] - victim["start"]) * 6 // 10  # overlap falls to 40% of each span
    moved = next(p for p in preds if p["start"] == victim["start"])
    moved["start"] += shift
    moved["end"] += shift
    s = cross_check(tmp_path, gs, preds, texts)
    assert len(s.misses) == 1 and len(s.false_positives) == 1
    assert s.misses[0][:3] == (DOC, "قاسم الأعرجي", victim["kind"])
    required = s.gold_required
    assert s.quote_recall == round((required - 1) / required, 3)


def test_title_before_the_name_is_right_and_surname_alone_is_wrong(
    tmp_path: Path, gold: list[dict[str, Any]], texts: dict[str, str]
) -> None:
    gs = of_doc(gold)
    preds = perfect(gs)
    quotes_of_hussein = [p for p in preds if p["speaker"] == "فؤاد حسين"]
    assert len(quotes_of_hussein) >= 2
    quotes_of_hussein[0]["speaker"] = "وزير الخارجية فؤاد حسين"
    quotes_of_hussein[1]["speaker"] = "حسين"
    s = cross_check(tmp_path, gs, preds, texts)
    assert s.quote_f1 == 1.0
    assert [(w[1], w[2]) for w in s.wrong_speaker] == [("فؤاد حسين", "حسين")]


def test_matching_optional_gold_counts_neither_way(
    tmp_path: Path, gold: list[dict[str, Any]], texts: dict[str, str]
) -> None:
    gs = of_doc(gold)
    optional = [g for g in gs if g["optional"]]
    base = cross_check(tmp_path, gs, perfect(gs), texts)
    extra = [{"doc": DOC, "start": g["start"], "end": g["end"], "speaker": "someone else"} for g in optional]
    s = cross_check(tmp_path, gs, perfect(gs) + extra, texts)
    assert s.predicted_scored == base.predicted_scored
    assert (s.quote_precision, s.e2e_f1, s.false_positives) == (1.0, 1.0, [])


def test_spelling_variants_of_a_name_are_equal(
    tmp_path: Path, gold: list[dict[str, Any]], texts: dict[str, str]
) -> None:
    variants = {
        "قاسم الأعرجي": "قاسم الاعرجي",  # hamza on alef dropped
        "وزارة الخارجية الأميركية": "وزاره الخارجيه الامريكيه",  # ta marbuta as ha, both American spellings
        "فؤاد حسين": "فـؤاد حُسين",  # tatweel and a diacritic
    }
    preds = perfect(gold)
    for p in preds:
        p["speaker"] = variants.get(p["speaker"], p["speaker"])
    s = cross_check(tmp_path, gold, preds, texts)
    assert s.attribution_accuracy == 1.0
    assert normalize_speaker("إِسْمَاعِيل هنيّة") == normalize_speaker("اسماعيل هنيه")


def test_speaker_rules() -> None:
    assert speaker_ok("وزير الخارجية فؤاد حسين", "فؤاد حسين")
    assert not speaker_ok("حسين", "فؤاد حسين")
    assert not speaker_ok("فؤاد حسينه", "فؤاد حسين")  # whole words only
    assert not speaker_ok("قال مسؤول رفيع في وزارة الخارجية فؤاد حسين اليوم", "فؤاد حسين")  # > 5 more words
    assert speaker_ok("البيان", "البيان المشترك", ["البيان"])
    assert not speaker_ok("", "فؤاد حسين")
    assert not speaker_ok(None, "فؤاد حسين")


def test_random_predictions_agree_with_the_script(
    tmp_path: Path, gold: list[dict[str, Any]], texts: dict[str, str]
) -> None:
    """The key check: many kinds of error at once, several draws, same figures as score.py."""
    speakers = sorted({g["speaker"] for g in gold})
    for seed in range(4):
        rng = random.Random(seed)
        preds: list[dict[str, Any]] = []
        for g in gold:
            roll = rng.random()
            if roll < 0.15:
                continue  # missed
            length = g["end"] - g["start"]
            shift = rng.choice([0, 0, 1, -2, length // 3, length * 6 // 10, -length])
            speaker = rng.choice([g["speaker"], g["speaker"], f"الوزير {g['speaker']}",
                                  g["speaker"].split()[-1], rng.choice(speakers), ""])
            start, end = max(0, g["start"] + shift), min(len(texts[g["doc"]]), g["end"] + shift)
            preds.append({"doc": rng.choice([g["doc"], f"out/{g['doc']}"]), "start": start, "end": end,
                          "speaker": speaker, "confidence": rng.random()})
            if roll > 0.9:  # a duplicate competing for the same gold quote
                preds.append(dict(preds[-1], end=preds[-1]["end"] - 3))
        for doc, text in texts.items():  # spurious spans
            for _ in range(3):
                start = rng.randrange(len(text) - 80)
                preds.append({"doc": doc, "start": start, "end": start + rng.randrange(5, 80), "speaker": "x"})
        preds.append({"doc": "not_annotated.txt", "start": 0, "end": 10, "speaker": "x"})  # ignored by both
        rng.shuffle(preds)
        s = cross_check(tmp_path, gold, preds, texts)
        assert 0 < s.quote_f1 < 1 and s.false_positives and s.misses


def test_details_lines(gold: list[dict[str, Any]], texts: dict[str, str]) -> None:
    gs = of_doc(gold)
    preds = perfect(gs)[1:]
    preds[0]["speaker"] = "غيره"
    preds.append({"doc": DOC, "start": 0, "end": 40, "speaker": "x"})
    report = format_report(score(gs, preds, texts), details=True).splitlines()
    assert [line[:4] for line in report[:3]] == ["MISS", "SPKR", "FP  "]
    assert report[-1].startswith("quote P/R/F1 ")
    assert format_report(score(gs, preds, texts)).count("\n") == 1


def test_ranking_quality(gold: list[dict[str, Any]], texts: dict[str, str]) -> None:
    gs = of_doc(gold)
    right = perfect(gs)[:4]
    wrong = [dict(p, speaker="غيره") for p in perfect(gs)[4:8]]
    for p in right:
        p["confidence"] = 0.9
    for p in wrong:
        p["confidence"] = 0.2
    good = ranking_quality(gs, right + wrong, texts)
    assert good == {"scored": 8, "right": 4, "top_half_precision": 1.0, "bottom_half_precision": 0.0,
                    "auc": 1.0}
    for p in wrong:
        p["confidence"] = 0.95
    assert ranking_quality(gs, right + wrong, texts)["auc"] == 0.0
    for p in right + wrong:
        p["confidence"] = 0.5
    assert ranking_quality(gs, right + wrong, texts)["auc"] == 0.5
    # Two right (0.9, 0.4), two wrong (0.6, 0.1): 3 of 4 right-over-wrong pairs.
    mixed = [dict(right[0], confidence=0.9), dict(right[1], confidence=0.4),
             dict(wrong[0], confidence=0.6), dict(wrong[1], confidence=0.1)]
    assert ranking_quality(gs, mixed, texts)["auc"] == 0.75
    assert ranking_quality(gs, right, texts)["auc"] is None  # nothing wrong to rank against


def test_offsets_past_the_end_do_not_crash(gold: list[dict[str, Any]], texts: dict[str, str]) -> None:
    size = len(texts[DOC])
    s = score(of_doc(gold), [{"doc": DOC, "start": size - 20, "end": size + 500, "speaker": "x"}], texts)
    assert s.predicted_scored == 1 and len(s.false_positives) == 1


def test_missing_text_is_an_error_not_a_zero(gold: list[dict[str, Any]]) -> None:
    with pytest.raises(KeyError, match=DOC):
        score(of_doc(gold), perfect(of_doc(gold)), {})
    with pytest.raises(SourceError, match="gold document"):
        load_texts(TEXTS, ["nowhere.txt"])


def test_load_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"doc": "a.txt", "start": 0, "end": 1}\n\n{"doc": \n', encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_jsonl(path)
    assert caught.value.line == 3 and f"{path}:3:" in str(caught.value)


# ---------------------------------------------------------------- inputs that made figures wrong


def write_gold(path: Path, rows: list[Any]) -> Path:
    """One line per row; a str row is written as is (a hand-edited line)."""
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in rows), encoding="utf-8")
    return path


def one_line_error(caught: pytest.ExceptionInfo[EvalError], where: str) -> str:
    message = str(caught.value)
    assert "\n" not in message and message.startswith(where), message
    return message


@pytest.mark.parametrize(("change", "said"), [
    ({"speaker": None}, "'speaker'"),
    ({"doc": None}, "'doc'"),
    ({"kind": None}, "'kind'"),
    ({"start": "328"}, "'start'"),
    ({"end": 716.0}, "'end'"),
    ({"start": True}, "'start'"),
    ({"start": 716, "end": 328}, "not a span"),
    ({"start": -5}, "not a span"),
    ({"optional": "false"}, "'optional'"),
    ({"speaker_alts": "البيان"}, "'speaker_alts'"),
])
def test_a_bad_gold_line_is_one_line_naming_file_and_line(
    tmp_path: Path, gold: list[dict[str, Any]], change: dict[str, Any], said: str
) -> None:
    bad = {k: v for k, v in {**gold[1], **change}.items() if v is not None}
    path = write_gold(tmp_path / "gold.jsonl", [gold[0], "", bad, gold[2]])  # a blank line before it
    with pytest.raises(EvalError) as caught:
        load_gold(path)
    assert said in one_line_error(caught, f"{path}:3: ")


def test_the_shared_gold_files_load_and_fit_their_documents() -> None:
    for name in ("seeds.jsonl", "dev.jsonl", "dev2.jsonl"):
        g = load_gold(GOLD.parent / name)
        assert len(g.rows) == len(load_jsonl(GOLD.parent / name)) and g.lines[0] == 1
    g = load_gold(GOLD)
    g.check_texts(load_texts(TEXTS, g.docs))  # no error: the offsets fit


@pytest.mark.parametrize("change", ["past_the_end", "shifted"])
def test_gold_offsets_that_do_not_fit_the_text_name_the_gold_line(
    tmp_path: Path, gold: list[dict[str, Any]], texts: dict[str, str], change: str
) -> None:
    rows = [dict(g) for g in of_doc(gold)]
    victim = rows[3]
    if change == "past_the_end":
        victim["end"] = len(texts[DOC]) + 100
    else:  # the annotation of another version of the article: the quote is no longer there
        victim["start"] += 7
        victim["end"] += 7
    path = write_gold(tmp_path / "gold.jsonl", rows)
    g = load_gold(path)
    with pytest.raises(EvalError) as caught:
        g.check_texts(texts)
    assert DOC in one_line_error(caught, f"{path}:4: ")
    # Straight to score(): no longer clamped into a span nobody annotated.
    with pytest.raises(EvalError, match=DOC):
        score(rows, perfect(rows), texts)


def test_gold_without_quote_text_is_checked_on_offsets_only(
    gold: list[dict[str, Any]], texts: dict[str, str]
) -> None:
    rows = [{k: v for k, v in g.items() if k != "quote"} for g in of_doc(gold)]
    assert score(rows, perfect(rows), texts).e2e_f1 == 1.0


def seed_articles() -> list[Article]:
    return list(iter_articles([str(TEXTS)]))


def gold_predictions(gold: Gold) -> Any:
    """A stand-in extractor that predicts the gold exactly, and records what it was asked."""
    asked: list[str] = []

    def predict(article: Article) -> list[dict[str, Any]]:
        asked.append(article.doc)
        name = Path(article.doc).name
        return [{"doc": article.doc, "start": g["start"], "end": g["end"], "speaker": g["speaker"]}
                for g in gold.rows if g["doc"] == name and not g["optional"]]

    predict.asked = asked  # type: ignore[attr-defined]
    return predict


def test_evaluate_scores_the_gold_documents_only(tmp_path: Path) -> None:
    g = load_gold(GOLD)
    other = tmp_path / "not_annotated.txt"
    other.write_text("قال الوزير إن الاجتماع كان مثمرا.", encoding="utf-8")
    predict = gold_predictions(g)
    run = evaluate(g, [*seed_articles(), *iter_articles([str(other)])], predict)
    assert run.scores.e2e_f1 == 1.0 and run.missing == []
    assert sorted(Path(d).name for d in predict.asked) == sorted(g.docs)  # the extra one was not extracted


def test_two_inputs_with_one_file_name_are_an_error_naming_both(tmp_path: Path) -> None:
    g = load_gold(GOLD)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / DOC, tmp_path / "b" / DOC
    first.write_text((TEXTS / DOC).read_text(encoding="utf-8"), encoding="utf-8")
    # Another article under the same name: which one got scored used to depend on the order.
    second.write_text((TEXTS / "001_3aac6772f4977325.txt").read_text(encoding="utf-8"), encoding="utf-8")
    for order in ([first, second], [second, first]):
        with pytest.raises(EvalError) as caught:
            evaluate(g, iter_articles([str(p) for p in order]), gold_predictions(g))
        message = one_line_error(caught, str(order[1]))
        assert str(order[0]) in message


def test_gold_documents_missing_from_the_inputs_are_reported(tmp_path: Path) -> None:
    g = load_gold(GOLD)
    present = [a for a in seed_articles() if Path(a.doc).name == DOC]
    run = evaluate(g, present, gold_predictions(g))
    assert run.missing == sorted(g.docs - {DOC})
    # Scored on what is there, not on zeros for what is not.
    assert run.scores.gold_required == sum(not r["optional"] for r in of_doc(g.rows))
    assert run.scores.e2e_recall == 1.0


def test_evaluate_checks_gold_offsets_against_the_inputs(tmp_path: Path, gold: list[dict[str, Any]]) -> None:
    rows = [dict(r) for r in gold]
    rows[-1]["end"] = 10**6
    path = write_gold(tmp_path / "gold.jsonl", rows)
    with pytest.raises(EvalError) as caught:
        evaluate(load_gold(path), seed_articles(), gold_predictions(load_gold(GOLD)))
    one_line_error(caught, f"{path}:{len(rows)}: ")
