"""A damaged database (issue 14, defect 7): the checks on open, and review on the damaged rows.

The damage is done the way a hand edit does it: a plain ``sqlite3`` connection, with foreign
keys off (SQLite's default), on the real seed article's stored suggestions.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_store import BLINKEN_1, HUSSEIN_2, PSAKI, article, ids_by_text, seed_quotes

from quotes.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "q.db"
    with Store.open(path) as store:
        art = article()
        store.save_extraction(art, seed_quotes(art), store.start_run("test-1", {}))
        qid = store.queue_ids()[0]
        store.record_decision(qid, "accepted", reviewer="amal")
    return path


def hand_edit(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_sound_file_has_no_problems(db: Path):
    with Store.open(db) as store:
        assert store.problems == []


@pytest.mark.parametrize("damage", [
    ("DROP TRIGGER reviews_append_only_delete", "DROP TRIGGER reviews_append_only_update"),
    # Replaced rather than dropped: same names, no protection.
    ("DROP TRIGGER reviews_append_only_delete",
     "CREATE TRIGGER reviews_append_only_delete BEFORE DELETE ON reviews BEGIN SELECT 1; END"),
])
def test_dropped_or_altered_triggers_are_restored_and_reported(db: Path, damage: tuple[str, ...]):
    hand_edit(db, *damage)
    with Store.open(db) as store:
        assert len(store.problems) == 1
        message = store.problems[0]
        assert message.startswith(f"{db}: ") and "restored" in message and "\n" not in message
        assert "reviews_append_only_delete" in message
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.db.conn.execute("DELETE FROM reviews")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.db.conn.execute("UPDATE reviews SET reviewer = 'x'")
    with Store.open(db) as store:  # repaired for good: nothing to say the next time
        assert store.problems == []


def test_quotes_without_their_document_are_reported(db: Path):
    hand_edit(db, "DELETE FROM documents")
    with Store.open(db) as store:
        assert len(store.problems) == 1
        message = store.problems[0]
        assert message.startswith(f"{db}: 6 quotes (id 1, 2, 3, 4, 5, …) point to no document; ")
        assert "backup" in message and "\n" not in message
        # The fast check finds exactly what SQLite's own check finds.
        pragma = {r[1] for r in store.db.conn.execute("PRAGMA foreign_key_check(quotes)")}
        assert pragma == set(store.queue_ids())


def test_review_of_a_quote_without_its_document_keeps_undo_working(db: Path):
    with Store.open(db) as store:
        ids = ids_by_text(store)
        husein = store.quote_rows([ids[HUSSEIN_2]])[0]
    hand_edit(db, "DELETE FROM documents")
    with Store.open(db) as store:
        # The speaker can still be corrected (it needs no text)...
        store.record_decision(ids[HUSSEIN_2], "corrected", reviewer="amal", changes={"speaker": "فؤاد محمد حسين"})
        # ...the span cannot, and says why instead of raising TypeError.
        with pytest.raises(ValueError, match="points to no document"):
            store.record_decision(ids[PSAKI], "corrected", reviewer="amal", changes={"end": 40})
        store.record_decision(ids[BLINKEN_1], "rejected", reviewer="amal", reason="not a quote")

        assert store.undo("amal") == ids[BLINKEN_1]
        assert store.undo("amal") == ids[HUSSEIN_2]
        text, speaker_id, status = store.db.conn.execute(
            "SELECT text, speaker_id, status FROM quotes WHERE id = ?", [ids[HUSSEIN_2]]).fetchone()
        assert (text, speaker_id, status) == (HUSSEIN_2, husein["speaker_id"], "pending")
        assert store.redo("amal") == ids[HUSSEIN_2]
        assert store.undo("amal") == ids[HUSSEIN_2]
        assert store.undo("amal") is not None  # the first decision, made before the damage
        assert not store.can_undo()
