"""The headless review queue (issue 14: `make review` without a display)."""

from __future__ import annotations

from pathlib import Path

from test_store import ARTICLE, BLINKEN_1, HUSSEIN_1, HUSSEIN_2, OFFICIAL, article, ids_by_text, seed_quotes

from quotes.store import Store, queue_lines


def test_queue_in_the_apps_order_with_document_names_and_the_rest_counted(tmp_path: Path):
    with Store.open(tmp_path / "q.db") as store:
        art = article()
        store.save_extraction(art, seed_quotes(art), None)
        store.record_decision(ids_by_text(store)[HUSSEIN_1], "accepted", reviewer="amal")
        lines = queue_lines(store, limit=3)
    assert lines[0].startswith("5 quotes to review (1 of 6 reviewed)")
    # Lowest confidence first: the anonymous official (0.30), Hussein's second (0.40), Blinken's first (0.50).
    quote_lines = lines[1:4]
    assert [line.split()[0] for line in quote_lines] == ["0.30", "0.40", "0.50"]
    assert "مسؤول كبير في وزارة الدفاع الأميركية (وأضاف)" in quote_lines[0] and OFFICIAL[:40] in quote_lines[0]
    assert f"«{HUSSEIN_2}»" in quote_lines[1] and "فؤاد حسين (وثمن)" in quote_lines[1]
    assert BLINKEN_1[:70] + "…»" in quote_lines[2]  # long quotes are cut, visibly
    assert all(line.endswith(f"[{ARTICLE}]") for line in quote_lines)  # the name, not the seeds/ path
    assert lines[4] == "  … 2 more"
    assert "quotes review --db" in lines[5] and str(tmp_path / "q.db") in lines[5] and "--screenshot" in lines[5]
    assert len(lines) == 6


def test_empty_and_finished_queues_say_what_to_do(tmp_path: Path):
    with Store.open(tmp_path / "q.db") as store:
        assert queue_lines(store)[0].startswith("No quotes yet: add articles with `quotes extract")
        art = article()
        store.save_extraction(art, seed_quotes(art)[:2], None)
        for qid in store.queue_ids():
            store.record_decision(qid, "rejected", reviewer="amal")
        lines = queue_lines(store)
    assert lines[0] == "Nothing to review: all 2 quotes are reviewed."
    assert len(lines) == 2 and lines[1].startswith("To review them, open the app")
