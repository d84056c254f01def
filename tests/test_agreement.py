"""Agreement between reviewers (quotes.agreement), on an example computed by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.agreement import Verdict, agreement, cohen_kappa, differences, same_speaker, spans_agree
from quotes.bulk import run_extraction
from quotes.cli import main
from quotes.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def verdict(reviewer: str, n: int, accepted: bool, speaker: str = "محمود عباس", span: tuple[int, int] = (0, 100),
            kind: str = "direct") -> Verdict:
    return Verdict(review_id=n * 10 + (reviewer == "B"), quote_id=n, reviewer=reviewer, at="t", accepted=accepted,
                   speaker=speaker, start=span[0], end=span[1], kind=kind)


def constructed() -> list[tuple[str, dict[str, Verdict]]]:
    """Ten quotes, two reviewers.

                   B accepts   B rejects
        A accepts  q1-q5 (5)   q6 q7 (2)
        A rejects  q8 (1)      q9 q10 (2)

    Among the five both accepted: q1 differs in kind; q2's speakers differ only in hamza and
    ta marbuta (the same after normalisation); q3 names another speaker; q4's spans overlap
    by 60 of 100 and 60 of 60 (agree); q5's by 40 of 100 (disagree).
    """
    a_accepts = {1, 2, 3, 4, 5, 6, 7}
    b_accepts = {1, 2, 3, 4, 5, 8}
    out = []
    for n in range(1, 11):
        a = verdict("A", n, n in a_accepts)
        b = verdict("B", n, n in b_accepts)
        if n == 1:
            b = verdict("B", n, True, kind="indirect")
        if n == 2:
            a = verdict("A", n, True, speaker="وزارة الخارجية")
            b = verdict("B", n, True, speaker="وزاره الخارجيه")
        if n == 3:
            b = verdict("B", n, True, speaker="مصدر عسكري")
        if n == 4:
            b = verdict("B", n, True, span=(40, 100))
        if n == 5:
            b = verdict("B", n, True, span=(0, 40))
        out.append(("doc1.txt" if n <= 5 else "doc2.txt", {"A": a, "B": b}))
    return out


def test_kappa_and_agreement_on_a_constructed_example() -> None:
    overall, doc1, doc2 = agreement(constructed())
    assert overall.document is None and overall.reviewers == ("A", "B") and overall.quotes == 10
    # po = (5 + 2) / 10 = 0.7; A says yes 7/10, B 6/10;
    # pe = 0.7 * 0.6 + 0.3 * 0.4 = 0.42 + 0.12 = 0.54; kappa = (0.7 - 0.54) / (1 - 0.54) = 0.16 / 0.46
    assert overall.observed == pytest.approx(0.7)
    assert overall.kappa == pytest.approx(0.16 / 0.46)  # 0.3478
    assert overall.both_accepted == 5
    assert overall.speaker_agreement == pytest.approx(4 / 5)  # all but q3
    assert overall.span_agreement == pytest.approx(4 / 5)  # all but q5
    assert overall.disagreements == {"accept": 3, "speaker": 1, "span": 1, "kind": 1}
    # doc1: q1-q5, all accepted by both: pe = 1, kappa undefined rather than a made-up 1.0
    assert (doc1.document, doc1.quotes, doc1.kappa, doc1.observed) == ("doc1.txt", 5, None, 1.0)
    # doc2: q6-q10: A yes 2/5, B yes 1/5, po = 2/5 (q9, q10);
    # pe = 0.4 * 0.2 + 0.6 * 0.8 = 0.56; kappa = (0.4 - 0.56) / 0.44 = -0.3636
    assert doc2.kappa == pytest.approx(-0.16 / 0.44)
    assert doc2.speaker_agreement is None and doc2.disagreements["accept"] == 3


def test_the_comparison_rules() -> None:
    assert cohen_kappa([]) is None
    assert cohen_kappa([(True, True), (False, False)]) == 1.0
    assert same_speaker("إسماعيل هنيّة", "اسماعيل  هنيه")
    assert not same_speaker("إسماعيل هنية", "خليل الحية")
    assert spans_agree((0, 10), (5, 10)) and not spans_agree((0, 10), (0, 4)) and not spans_agree((0, 5), (5, 9))
    assert differences(verdict("A", 1, False), verdict("B", 1, False, speaker="x")) == []  # both rejected


def test_store_agreement_from_two_reviewers_on_one_file_and_the_cli(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    with Store.open(db) as store:
        run_extraction([str(sorted(SEEDS.glob("*.txt"))[0])], store=store, jobs=1)
        ids = store.queue_ids(order="id")[:4]
        for quote_id in ids:  # amal accepts all four; badr accepts the first two, rejects the others
            store.record_decision(quote_id, "accepted", reviewer="amal")
        store.accept_many(ids[:2], reviewer="badr")  # nothing pending any more: a no-op
        for i, quote_id in enumerate(ids):
            store.record_decision(quote_id, "accepted" if i < 2 else "rejected", reviewer="badr", reason=None)
        (overall, *_) = store.agreement()
        # po = 2/4; amal yes 4/4, so pe = 1 * 0.5 + 0 * 0.5 = 0.5 and kappa = 0
        assert (overall.quotes, overall.observed, overall.kappa) == (4, 0.5, 0.0)
        assert [d.kinds for d in store.disagreements()] == [("accept",), ("accept",)]
    result = CliRunner().invoke(main, ["agreement", str(db), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["pairs"][0]["reviewers"] == ["amal", "badr"] and figures["pairs"][0]["kappa"] == 0.0
    assert figures["open_disagreements"] == 2
    text = CliRunner().invoke(main, ["agreement", str(db)])
    assert "amal × badr: 4 quotes, kappa 0.000" in text.output
