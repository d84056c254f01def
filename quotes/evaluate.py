"""Scoring predicted quotes against gold annotations.

This is the metric of the shared ``eval/score.py`` (rules in ``eval/ANNOTATION.md``),
reimplemented so the project does not depend on a script outside it; the tests check that
both give the same figures on the same files.

* A prediction matches a gold quote of the same document (documents compared by file name, so
  a prediction may carry a full path) when their spans, trimmed of white space, quotation marks
  and punctuation at both ends, overlap by at least half of each, both ways.
* Matching is one-to-one: required gold quotes first, then the best overlap.
* A prediction matched to an ``optional`` gold quote counts neither way; an unmatched optional
  gold quote costs nothing.
* The speaker is right when equal after Arabic normalisation, or when the gold name (or one of
  its ``speaker_alts``) stands as whole words inside a predicted name of at most five more
  words (a title kept in front of the name: "وزير الخارجية فؤاد حسين" for "فؤاد حسين").

Like the script's command line, predictions for documents the gold does not annotate are left
out: nothing can be said about them. Rates are rounded to 3 decimals, as the script does.

Figures that look plausible but are wrong are worse than no figures, so whatever would make
them wrong is refused with a one-line ``EvalError`` naming the file and line: a gold line
without ``doc``/``speaker``/``kind``, offsets that are not integers, reversed or outside the
document, and two inputs with the same file name (documents are matched by name, so which one
was scored would depend on the order they were read in). Gold documents absent from the
inputs are reported by ``evaluate`` for the caller to warn about and fail on.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from quotes.records import Article
from quotes.sources import SourceError, decode_bytes

# The script's normalisation, character for character: the figures must agree with it.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و",
    "ة": "ه", "ھ": "ه", "ک": "ك", "\u00a0": " ",
})
_NOT_WORD = re.compile(r"[^\w\s/]")
_TRIM = frozenset(" \t\n\u00a0\"'“”«»„‟‘’‹›.,،:;؛!؟?()[]-–—")
_MAX_EXTRA_WORDS = 5


class EvalError(SourceError):
    """An input that would make the figures wrong; ``str()`` is one line, ``where: what; do this``."""


@dataclass
class Scores:
    """Figures of one evaluation; the rates are rounded to 3 decimals."""

    gold_required: int
    predicted_scored: int
    quote_precision: float
    quote_recall: float
    quote_f1: float
    attribution_accuracy: float  # right speakers among matched quotes
    e2e_precision: float  # span and speaker both right
    e2e_recall: float
    e2e_f1: float
    recall_by_kind: dict[str, str] = field(default_factory=dict)  # kind -> "found/required"
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, speaker, kind, text
    wrong_speaker: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, gold, predicted, text
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)  # doc, speaker, text

    def to_json(self) -> dict[str, Any]:
        """The dict ``score.py --json`` prints (tuples become lists on the way to JSON)."""
        return asdict(self)


def normalize_speaker(name: str | None) -> str:
    """Fold a speaker name for comparison: NFKC, no diacritics or tatweel, one alef, ي, ه, و."""
    name = _DIACRITICS.sub("", unicodedata.normalize("NFKC", name or "")).translate(_FOLD)
    name = _NOT_WORD.sub(" ", name)
    # The press spells "American" both ways; the annotators wrote whichever the article had.
    name = name.replace("اميركي", "امريكي")
    return " ".join(name.split())


def speaker_ok(predicted: str | None, gold: str, alts: Iterable[str] = ()) -> bool:
    """Whether a predicted speaker names the gold one (or one of its alternatives)."""
    p = normalize_speaker(predicted)
    if not p:
        return False
    for name in (gold, *alts):
        g = normalize_speaker(name)
        if not g:
            continue
        if p == g:
            return True
        # Whole words only, so "حسين" does not match inside "حسينة"; the word limit keeps a
        # long wrong description from passing because it happens to contain the name.
        if re.search(rf"(^| ){re.escape(g)}( |$)", p) and len(p.split()) <= len(g.split()) + _MAX_EXTRA_WORDS:
            return True
    return False


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space, quotation marks and punctuation at either end."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Records of a (possibly gzipped) JSON Lines file; blank lines skipped.

    Raises SourceError naming the line for a line that is not a JSON object.
    """
    return [record for _, record in _numbered_records(str(path))]


def _numbered_records(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    opener = gzip.open if path.endswith(".gz") else open
    try:
        f = opener(path, "rb")
    except OSError as e:
        raise SourceError(path, f"cannot read ({e.strerror})", "check the path") from None
    with f:
        for number, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            except UnicodeDecodeError as e:
                raise SourceError(path, f"not valid UTF-8 at byte {e.start} of the line",
                                  "re-save it as UTF-8", line=number) from None
            if not line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise SourceError(path, f"not JSON ({e.msg} at column {e.colno})",
                                  "each line must be one JSON object", line=number) from None
            if not isinstance(record, dict):
                raise SourceError(path, "not a JSON object", "each line must be one JSON object", line=number)
            yield number, record


def load_texts(folder: str | Path, docs: Iterable[str]) -> dict[str, str]:
    """The gold's documents from ``folder``, keyed by file name, decoded as sources.py does.

    Offsets index the text exactly as decoded (no newline translation). ``score.py`` reads
    with ``Path.read_text``, which turns CRLF into LF: the two agree on the shared gold, whose
    documents are LF-only UTF-8 without BOM.
    """
    texts = {}
    for doc in docs:
        path = Path(folder, Path(doc).name)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise SourceError(str(path), f"cannot read a gold document ({e.strerror})",
                              "give the folder that holds the gold's documents") from None
        texts[path.name] = decode_bytes(data, path=str(path))
    return texts


_GOLD_HINT = "fix the line (see ANNOTATION.md)"
_TEXT_HINT = "give the version of the document that was annotated"


def _gold_line_problem(record: dict[str, Any]) -> str | None:
    """What is wrong with a gold line on its own, or None. Each of these used to end in a
    traceback or, worse, in figures computed from a misread line."""
    return _gold_field_problem(record) or _gold_offset_problem(record)


def _gold_field_problem(record: dict[str, Any]) -> str | None:
    for key in ("doc", "speaker", "kind"):
        if key not in record:
            return f"no {key!r}"
        if not isinstance(record[key], str) or (key != "speaker" and not record[key]):
            return f"{key!r} is not a non-empty string"
    # "optional": "false" is truthy and "speaker_alts": "البيان" would be read letter by letter.
    if not isinstance(record.get("optional", False), bool):
        return "'optional' is not true or false"
    alts = record.get("speaker_alts", [])
    if not (isinstance(alts, list) and all(isinstance(a, str) for a in alts)):
        return "'speaker_alts' is not a list of names"
    return None


def _gold_offset_problem(record: dict[str, Any]) -> str | None:
    for key in ("start", "end"):
        value = record.get(key)
        # bool is an int to Python; 12.0 and "12" are what a hand-edited file produces.
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{key!r} is {json.dumps(value, ensure_ascii=False)[:40]}, not an integer offset"
    if record["start"] < 0 or record["end"] <= record["start"]:
        return f"start {record['start']} and end {record['end']} are not a span (0 <= start < end)"
    return None


def _gold_text_problem(record: dict[str, Any], text: str) -> str | None:
    """What is wrong with a (well-formed) gold line against its document's text, or None."""
    if record["end"] > len(text):
        return f"end {record['end']} is past the end of {record['doc']} ({len(text)} characters)"
    quote = record.get("quote")
    if isinstance(quote, str) and text[record["start"]:record["end"]] != quote:
        return f"the text at {record['start']}:{record['end']} of {record['doc']} is not the line's 'quote'"
    return None


@dataclass
class Gold:
    """A gold file's lines, checked, with the line number of each for messages."""

    path: str
    rows: list[dict[str, Any]]
    lines: list[int]

    @property
    def docs(self) -> set[str]:
        """The file names of the annotated documents."""
        return {Path(r["doc"]).name for r in self.rows}

    def check_texts(self, texts: dict[str, str]) -> None:
        """Raise EvalError at the first line whose offsets do not fit its document's text
        (documents not in ``texts`` are not checked: the caller reports them as missing)."""
        for record, line in zip(self.rows, self.lines, strict=True):
            text = texts.get(Path(record["doc"]).name)
            if text is not None and (problem := _gold_text_problem(record, text)):
                raise EvalError(self.path, problem, _TEXT_HINT, line=line)

    def only(self, docs: set[str]) -> Gold:
        """The lines of the documents named in ``docs`` (file names)."""
        kept = [(r, n) for r, n in zip(self.rows, self.lines, strict=True) if Path(r["doc"]).name in docs]
        return Gold(self.path, [r for r, _ in kept], [n for _, n in kept])


def load_gold(path: str | Path) -> Gold:
    """A gold file (ANNOTATION.md), every line checked on its own; EvalError names the first bad one."""
    path = str(path)
    rows, lines = [], []
    for number, record in _numbered_records(path):
        if problem := _gold_line_problem(record):
            raise EvalError(path, problem, _GOLD_HINT, line=number)
        rows.append(record)
        lines.append(number)
    if not rows:
        raise EvalError(path, "no gold lines", "give a gold file (see ANNOTATION.md)")
    return Gold(path, rows, lines)


@dataclass
class Evaluation:
    """One run of the extractor scored against a gold file."""

    scores: Scores
    ranking: dict[str, float | int | None]
    missing: list[str]  # gold documents not among the inputs (their quotes are not counted)


def evaluate(gold: Gold, articles: Iterable[Article],
             predict: Callable[[Article], Iterable[dict[str, Any]]]) -> Evaluation:
    """Score ``predict`` on the gold's documents among ``articles`` (others are not extracted).

    Raises EvalError when two articles have the file name of one gold document (which one was
    scored would depend on the input order) or when gold offsets do not fit a document's text.
    """
    wanted = gold.docs
    texts: dict[str, str] = {}
    first_seen: dict[str, str] = {}
    predictions: list[dict[str, Any]] = []
    for article in articles:
        name = Path(article.doc).name
        if name not in wanted:
            continue  # nothing can be said about it: do not spend the extraction
        if name in first_seen:
            raise EvalError(article.doc, f"same file name as {first_seen[name]}, and the gold names "
                            f"documents by file name only", "pass only one of the two")
        first_seen[name] = article.doc
        texts[name] = article.text
        predictions.extend(predict(article))
    gold.check_texts(texts)
    kept = gold.only(set(texts))
    return Evaluation(
        scores=score(kept.rows, predictions, texts),
        ranking=ranking_quality(kept.rows, predictions, texts),
        missing=sorted(wanted - set(texts)),
    )


@dataclass
class DocMatch:
    """One document's gold and predictions and the one-to-one matching between them, spans
    trimmed as the scorer compares them."""

    doc: str
    text: str
    gold: list[dict[str, Any]]
    predictions: list[dict[str, Any]]
    gold_spans: list[tuple[int, int]]
    pred_spans: list[tuple[int, int]]
    gold_to_pred: dict[int, int]
    pred_to_gold: dict[int, int]


def _is_optional(gold: dict[str, Any]) -> bool:
    return bool(gold.get("optional", False))


def _alts(gold: dict[str, Any]) -> list[str]:
    return list(gold.get("speaker_alts") or [])


def _clamped(text: str, record: dict[str, Any]) -> tuple[int, int]:
    # An offset past the end (a prediction made on another version of the text) must not crash
    # the run; score.py would fail with IndexError there. Within the text nothing changes.
    # Gold offsets never get here unchecked: a clamped gold span would score a quote nobody annotated.
    size = len(text)
    return min(max(int(record["start"]), 0), size), min(max(int(record["end"]), 0), size)


def _check_gold(gold: list[dict[str, Any]], texts: dict[str, str]) -> None:
    """load_gold names the file and line; gold handed straight to score() is named by its content."""
    for g in gold:
        hint, problem = _GOLD_HINT, _gold_line_problem(g)
        text = texts.get(Path(g["doc"]).name) if problem is None else None
        if text is not None:
            hint, problem = _TEXT_HINT, _gold_text_problem(g, text)
        if problem:
            raise EvalError("gold", f"{problem} in {json.dumps(g, ensure_ascii=False)[:80]}", hint)


def match_documents(gold: list[dict[str, Any]], predictions: list[dict[str, Any]],
                    texts: dict[str, str]) -> list[DocMatch]:
    """Match predictions to gold quotes per document as ``score.py`` does (spans trimmed, overlap
    of at least half each way, one to one, required gold first); the benchmarks that sort errors
    or fit confidences read the same matching."""
    _check_gold(gold, texts)
    by_doc: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    for g in gold:
        by_doc.setdefault(Path(g["doc"]).name, ([], []))[0].append(g)
    for p in predictions:
        name = Path(p["doc"]).name
        if name in by_doc:  # documents without gold are not judged (as score.py's command line)
            by_doc[name][1].append(p)

    matches = []
    for doc, (gs, ps) in sorted(by_doc.items()):
        if doc not in texts:
            # Without its text no span can be trimmed or compared: every figure would be wrong.
            raise KeyError(f"no text for gold document {doc!r}: put it in texts (see load_texts)")
        text = texts[doc]
        gold_spans = [trimmed(text, *_clamped(text, g)) for g in gs]
        pred_spans = [trimmed(text, *_clamped(text, p)) for p in ps]
        pairs = []
        for i, (g_start, g_end) in enumerate(gold_spans):
            for j, (p_start, p_end) in enumerate(pred_spans):
                overlap = min(g_end, p_end) - max(g_start, p_start)
                if overlap <= 0:
                    continue
                share = min(overlap / max(1, g_end - g_start), overlap / max(1, p_end - p_start))
                if share >= 0.5:
                    pairs.append((share, not _is_optional(gs[i]), i, j))
        # Required gold first: a prediction covering a quote and a smaller optional quote nested
        # in it goes to the required one. Then best overlap; the stable sort breaks ties by
        # gold order, then prediction order, exactly as the script does.
        pairs.sort(key=lambda t: (t[1], t[0]), reverse=True)
        gold_to_pred: dict[int, int] = {}
        pred_to_gold: dict[int, int] = {}
        for _, _, i, j in pairs:
            if i in gold_to_pred or j in pred_to_gold:
                continue
            gold_to_pred[i], pred_to_gold[j] = j, i
        matches.append(DocMatch(doc, text, gs, ps, gold_spans, pred_spans, gold_to_pred, pred_to_gold))
    return matches


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def score(gold: list[dict[str, Any]], predictions: list[dict[str, Any]], texts: dict[str, str]) -> Scores:
    """Score ``predictions`` against ``gold``; ``texts`` maps each gold document's file name to its text."""
    tp = fp = fn = e2e = 0
    kind_hit: Counter[str] = Counter()
    kind_all: Counter[str] = Counter()
    misses: list[tuple[str, str, str, str]] = []
    wrong_speaker: list[tuple[str, str, str, str]] = []
    false_positives: list[tuple[str, str, str]] = []
    for m in match_documents(gold, predictions, texts):
        for i, g in enumerate(m.gold):
            if _is_optional(g):
                continue
            kind_all[g["kind"]] += 1
            quote = m.text[int(g["start"]) : int(g["end"])]
            if i in m.gold_to_pred:
                tp += 1
                kind_hit[g["kind"]] += 1
                predicted = m.predictions[m.gold_to_pred[i]].get("speaker", "")
                if speaker_ok(predicted, g["speaker"], _alts(g)):
                    e2e += 1
                else:
                    wrong_speaker.append((m.doc, g["speaker"], predicted, quote[:50]))
            else:
                fn += 1
                misses.append((m.doc, g["speaker"], g["kind"], quote[:60]))
        for j, p in enumerate(m.predictions):
            if j not in m.pred_to_gold:
                fp += 1
                start, end = m.pred_spans[j]
                false_positives.append((m.doc, p.get("speaker", ""), m.text[start:end][:60]))

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    e2e_precision = e2e / (tp + fp) if tp + fp else 0.0
    e2e_recall = e2e / (tp + fn) if tp + fn else 0.0
    return Scores(
        gold_required=tp + fn,
        predicted_scored=tp + fp,
        quote_precision=round(precision, 3),
        quote_recall=round(recall, 3),
        quote_f1=round(_f1(precision, recall), 3),
        attribution_accuracy=round(e2e / tp, 3) if tp else 0.0,
        e2e_precision=round(e2e_precision, 3),
        e2e_recall=round(e2e_recall, 3),
        e2e_f1=round(_f1(e2e_precision, e2e_recall), 3),
        recall_by_kind={k: f"{kind_hit[k]}/{kind_all[k]}" for k in sorted(kind_all)},
        misses=misses,
        wrong_speaker=wrong_speaker,
        false_positives=false_positives,
    )


def format_report(scores: Scores, *, details: bool = False) -> str:
    """The script's report: with ``details``, MISS/SPKR/FP lines first, then the two summary lines."""
    lines = []
    if details:
        # Fields flattened to one line each: a quote may span paragraphs, a report line may not.
        for tag, rows in (("MISS", scores.misses), ("SPKR", scores.wrong_speaker), ("FP  ", scores.false_positives)):
            for row in rows:
                lines.append(" | ".join([tag, *(" ".join(str(v).split()) for v in row)]))
    lines.append(f"required={scores.gold_required} predicted={scores.predicted_scored} "
                 f"recall_by_kind={scores.recall_by_kind}")
    lines.append(f"quote P/R/F1 {scores.quote_precision}/{scores.quote_recall}/{scores.quote_f1} "
                 f"attribution {scores.attribution_accuracy} e2e F1 {scores.e2e_f1}")
    return "\n".join(lines)


def ranking_quality(
    gold: list[dict[str, Any]], predictions: list[dict[str, Any]], texts: dict[str, str]
) -> dict[str, float | int | None]:
    """Whether ``confidence`` ranks right answers above wrong ones.

    A scored prediction is right when its span matches a required gold quote and its speaker
    is right (end-to-end); predictions matched to optional gold are left out, as in ``score``.
    Sorted by confidence (a missing one counts as 0), the top half (the larger half when the
    count is odd) and the bottom half get a precision each; ``auc`` is the area under the ROC
    curve of confidence against rightness (0.5: no better than chance; ties count half).
    Values that cannot be computed (an empty half, no right or no wrong prediction) are None.
    """
    scored: list[tuple[float, bool]] = []
    for m in match_documents(gold, predictions, texts):
        for j, p in enumerate(m.predictions):
            i = m.pred_to_gold.get(j)
            if i is not None and _is_optional(m.gold[i]):
                continue
            right = i is not None and speaker_ok(p.get("speaker", ""), m.gold[i]["speaker"], _alts(m.gold[i]))
            scored.append((float(p.get("confidence") or 0.0), right))

    # Stable sort on confidence alone: equal confidences keep the input order, not rightness order.
    ranked = sorted(scored, key=lambda t: t[0], reverse=True)
    cut = (len(ranked) + 1) // 2
    top, bottom = ranked[:cut], ranked[cut:]

    def precision(part: list[tuple[float, bool]]) -> float | None:
        return round(sum(r for _, r in part) / len(part), 3) if part else None

    return {
        "scored": len(scored),
        "right": sum(r for _, r in scored),
        "top_half_precision": precision(top),
        "bottom_half_precision": precision(bottom),
        "auc": _auc(scored),
    }


def _auc(scored: list[tuple[float, bool]]) -> float | None:
    """Mann-Whitney AUC: the chance a right prediction outranks a wrong one, ties counting half."""
    positives = sum(r for _, r in scored)
    negatives = len(scored) - positives
    if not positives or not negatives:
        return None
    ordered = sorted(scored, key=lambda t: t[0])
    rank_sum = 0.0
    start = 0
    while start < len(ordered):
        end = start
        while end < len(ordered) and ordered[end][0] == ordered[start][0]:
            end += 1
        average_rank = (start + 1 + end) / 2  # ranks start..end-1 (1-based: start+1..end) share one
        rank_sum += average_rank * sum(r for _, r in ordered[start:end])
        start = end
    return round((rank_sum - positives * (positives + 1) / 2) / (positives * negatives), 3)
