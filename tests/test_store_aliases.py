"""Reviewer aliases follow their decision (issue 14, defect 8): written in the decision's
transaction, withdrawn by its undo, written again by its redo."""

from __future__ import annotations

from pathlib import Path

from test_store import BLINKEN_2, HUSSEIN_2, article, ids_by_text, seed_quotes

from quotes.normalize import fold
from quotes.store import Store


def loaded(path: Path) -> Store:
    store = Store.open(path)
    art = article()
    store.save_extraction(art, seed_quotes(art), store.start_run("test-1", {}))
    return store


def aliases_of(store: Store, name: str) -> dict[str, str]:
    speaker = next(s for s in store.speakers() if s["name"] == name)
    return {a["alias"]: a["source"] for a in speaker["aliases"]}


def test_undo_withdraws_the_alias_a_correction_made(tmp_path: Path):
    with loaded(tmp_path / "q.db") as store:
        qid = ids_by_text(store)[HUSSEIN_2]  # mention "حسين", extracted as فؤاد حسين
        before = store.reviewer_alias_map()
        store.record_decision(qid, "corrected", reviewer="amal", changes={"speaker": "صدام حسين"})
        assert store.reviewer_alias_map()[fold("حسين")] == "صدام حسين"

        store.undo("amal")
        assert store.reviewer_alias_map() == before
        assert fold("حسين") not in store.reviewer_alias_map()
        assert "حسين" not in aliases_of(store, "صدام حسين")
        # The extractor's own alias of the first speaker is untouched.
        assert aliases_of(store, "فؤاد حسين")["حسين"] == "extractor"

        store.redo("amal")
        assert store.reviewer_alias_map()[fold("حسين")] == "صدام حسين"
        store.undo("amal")
        assert fold("حسين") not in store.reviewer_alias_map()


def test_undo_gives_an_upgraded_alias_back_to_the_extractor(tmp_path: Path):
    with loaded(tmp_path / "q.db") as store:
        qid = ids_by_text(store)[HUSSEIN_2]
        # Confirming the extractor's speaker upgrades its alias to a reviewer alias...
        store.record_decision(qid, "corrected", reviewer="amal", changes={"speaker": "فؤاد حسين"})
        assert aliases_of(store, "فؤاد حسين")["حسين"] == "reviewer"
        # ...and undoing it makes it the extractor's again, not deleted.
        store.undo("amal")
        assert aliases_of(store, "فؤاد حسين")["حسين"] == "extractor"
        assert store.reviewer_alias_map() == {}


def test_the_reviewers_extra_alias_is_part_of_the_decision(tmp_path: Path):
    path = tmp_path / "q.db"
    with loaded(path) as store:
        qid = ids_by_text(store)[BLINKEN_2]  # no mention: the reviewer picked "وزير الخارجية الأميركي"
        store.record_decision(qid, "corrected", reviewer="amal", changes={"speaker": "أنتوني بلينكن"},
                              alias="وزير الخارجية الأميركي")
        assert store.reviewer_alias_map()[fold("وزير الخارجية الأميركي")] == "أنتوني بلينكن"
    with Store.open(path) as store:  # undo works from the log alone, after a restart
        store.undo("amal")
        assert fold("وزير الخارجية الأميركي") not in store.reviewer_alias_map()
        assert fold("وزير الخارجية الأميركي") not in store.alias_map()
