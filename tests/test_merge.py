"""``quotes merge``: reviewers' copies of one database merged into one (quotes.store.merge).

Property tests: the two copies get random decision sequences (accept, reject, correct the
speaker or span, undo, bulk accept) by two reviewers; the merge must not depend on the order
of the inputs, must be idempotent (merging the result with an input adds nothing), must keep
every distinct decision, and must keep a conflict as two decisions (one per reviewer).
The base database is the project's seed articles, extracted once.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.bulk import run_extraction
from quotes.cli import main
from quotes.store import Store, StoreError
from quotes.store.merge import MergeError, merge_stores

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
SPEAKERS = ("محمود عباس", "مصدر عسكري", "الناطق باسم الحكومة")


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("merge") / "base.db"
    with Store.open(path) as store:
        run_extraction(sorted(str(p) for p in SEEDS.glob("*.txt"))[:3], store=store, jobs=1)
        assert len(store.queue_ids()) >= 10
    return path


def content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of ours, ids included (they are part of what must not
    depend on the input order); sqlite-utils' migration bookkeeping has its own times."""
    conn = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' "
            "AND name NOT LIKE 'sqlite%' ORDER BY name")]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}
    finally:
        conn.close()


def decision_keys(path: Path) -> Counter[tuple[Any, ...]]:
    """Each log row as (document hash, original span, reviewer, time, decision, reason, changes,
    state before), speaker ids left out of the last two: they are each file's own."""
    def without_ids(text: str | None) -> str:
        def strip(value: Any) -> Any:
            if isinstance(value, dict):
                return {k: strip(v) for k, v in value.items() if k != "speaker_id"}
            return [strip(v) for v in value] if isinstance(value, list) else value
        return json.dumps(strip(json.loads(text)), sort_keys=True) if text else ""

    conn = sqlite3.connect(str(path))
    try:
        rows = conn.execute(
            "SELECT d.hash, coalesce(q.orig_start, q.start), coalesce(q.orig_end, q.\"end\"), r.reviewer, r.at, "
            "r.decision, r.reason, r.changes, r.before FROM reviews r JOIN quotes q ON q.id = r.quote_id "
            "JOIN documents d ON d.id = q.document_id").fetchall()
    finally:
        conn.close()
    return Counter((*r[:7], without_ids(r[7]), without_ids(r[8])) for r in rows)


def apply_ops(store: Store, reviewer: str, ops: list[tuple[str, int]]) -> None:
    ids = store.queue_ids(order="id")
    for op, n in ops:
        quote_id = ids[n % len(ids)]
        if op == "accept":
            store.record_decision(quote_id, "accepted", reviewer=reviewer)
        elif op == "reject":
            store.record_decision(quote_id, "rejected", reviewer=reviewer, reason="not a quote")
        elif op == "speaker":
            store.record_decision(quote_id, "corrected", reviewer=reviewer,
                                  changes={"speaker": SPEAKERS[n % len(SPEAKERS)]})
        elif op == "span":
            row = store.quote_rows([quote_id])[0]
            if row["end"] - row["start"] > 4:
                store.record_decision(quote_id, "corrected", reviewer=reviewer,
                                      changes={"start": row["start"] + 2, "end": row["end"]})
        elif op == "undo":
            store.undo(reviewer)
        elif op == "bulk":
            store.accept_many(ids[n % len(ids):n % len(ids) + 3], reviewer=reviewer)


def two_copies(base_db: Path, folder: Path) -> tuple[Path, Path]:
    """Two reviewers' copies of one extracted database, a.db and b.db in ``folder``."""
    a, b = folder / "a.db", folder / "b.db"
    shutil.copy(base_db, a)
    shutil.copy(base_db, b)
    return a, b


OPS = st.lists(st.tuples(st.sampled_from(("accept", "reject", "speaker", "span", "undo", "bulk")),
                         st.integers(0, 11)), max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops_a=OPS, ops_b=OPS)
def test_merge_is_order_independent_idempotent_and_keeps_every_decision(
        base_db: Path, ops_a: list[tuple[str, int]], ops_b: list[tuple[str, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        a, b = two_copies(base_db, Path(tmp))
        with Store.open(a) as store:
            apply_ops(store, "أمل", ops_a)
        with Store.open(b) as store:
            apply_ops(store, "بدر", ops_b)
        ab, ba, again = Path(tmp, "ab.db"), Path(tmp, "ba.db"), Path(tmp, "again.db")
        summary = merge_stores([a, b], ab)
        merge_stores([b, a], ba)
        assert content(ab) == content(ba)  # order-independent, ids included
        merge_stores([ab, a], again)  # idempotent: the inputs' decisions are all in ab already
        assert content(again) == content(ab)
        # The copies share no decision (the base has none, the reviewers differ): every row
        # of each must be in the merge once, and nothing else.
        kept = decision_keys(ab)
        assert kept == decision_keys(a) + decision_keys(b)
        assert summary.decisions == kept.total() and summary.duplicates == 0
        with Store.open(ab) as merged:
            assert merged.document(1)["text"]  # a sound file the store opens
            assert not merged.problems


def test_a_conflict_is_kept_as_two_decisions_and_queued_for_adjudication(base_db: Path, tmp_path: Path) -> None:
    a, b, out = *two_copies(base_db, tmp_path), tmp_path / "team.db"
    with Store.open(a) as store:
        quote_id = store.queue_ids(order="id")[0]
        store.record_decision(quote_id, "accepted", reviewer="أمل")
    with Store.open(b) as store:
        store.record_decision(quote_id, "rejected", reviewer="بدر", reason="not a quote")
    merge_stores([a, b], out)
    with Store.open(out) as merged:
        log = merged._rows("SELECT reviewer, decision FROM reviews ORDER BY reviewer")
        assert log == [{"reviewer": "أمل", "decision": "accepted"}, {"reviewer": "بدر", "decision": "rejected"}]
        (disagreement,) = merged.disagreements()
        assert disagreement.kinds == ("accept",)
        assert [v.reviewer for v in disagreement.verdicts] == ["أمل", "بدر"]


def test_a_span_moved_in_one_copy_is_still_the_same_quote(base_db: Path, tmp_path: Path) -> None:
    a, b, out = *two_copies(base_db, tmp_path), tmp_path / "team.db"
    with Store.open(a) as store:
        quote_id = store.queue_ids(order="id")[0]
        total = len(store.queue_ids())
        row = store.quote_rows([quote_id])[0]
        store.record_decision(quote_id, "corrected", reviewer="أمل", changes={"start": row["start"] + 1})
    with Store.open(b) as store:
        store.record_decision(quote_id, "accepted", reviewer="بدر")
    merge_stores([a, b], out)
    with Store.open(out) as merged:
        assert len(merged.queue_ids()) == total
        verdicts = merged.verdicts(merged.queue_ids(order="id")[0])
        assert [(v.reviewer, v.start) for v in verdicts] == [("أمل", row["start"] + 1), ("بدر", row["start"])]


def test_merge_refuses_an_existing_output_a_device_and_a_missing_input(base_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "team.db"
    out.write_bytes(b"")
    with pytest.raises(MergeError, match="already exists .*--force"):
        merge_stores([base_db], out)
    assert out.read_bytes() == b""  # untouched
    merge_stores([base_db], out, force=True)
    with Store.open(out) as merged:
        assert len(merged.queue_ids()) > 0
    with pytest.raises(MergeError, match="not a regular file"):
        merge_stores([base_db], "/dev/null", force=True)
    with pytest.raises(StoreError, match="no such database"):
        merge_stores([tmp_path / "missing.db"], tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()
    assert [p.name for p in tmp_path.iterdir() if "merging" in p.name] == []  # no temporary file left


def test_the_cli_merges_and_says_what_to_do_when_it_cannot(base_db: Path, tmp_path: Path) -> None:
    a, out = tmp_path / "a.db", tmp_path / "team.db"
    shutil.copy(base_db, a)
    with Store.open(a) as store:
        store.record_decision(store.queue_ids(order="id")[0], "accepted", reviewer="أمل")
    runner = CliRunner()
    done = runner.invoke(main, ["merge", str(a), str(base_db), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert "1 decisions by 1 reviewer(s) (أمل) from 2 files" in done.output
    again = runner.invoke(main, ["merge", str(a), "-o", str(out)])
    assert again.exit_code == 2
    assert again.output.strip() == f"quotes: {out}: already exists (choose another -o file, or --force to replace it)"
    device = runner.invoke(main, ["merge", "/dev/null", "-o", str(tmp_path / "x.db")])
    assert device.exit_code == 2 and "/dev/null: not a regular file" in device.output


def test_export_says_who_decided_and_filters_agreed_and_adjudicated(base_db: Path, tmp_path: Path) -> None:
    a, b, out = *two_copies(base_db, tmp_path), tmp_path / "team.db"
    with Store.open(a) as store:
        first, second, third = store.queue_ids(order="id")[:3]
        for quote_id in (first, second, third):
            store.record_decision(quote_id, "accepted", reviewer="أمل")
    with Store.open(b) as store:
        store.record_decision(first, "accepted", reviewer="بدر")
        store.record_decision(second, "rejected", reviewer="بدر", reason="not a quote")
    merge_stores([a, b], out)
    with Store.open(out) as team:
        ids = team.queue_ids(order="id")[:3]
        disputed = next(d for d in team.disagreements())
        assert disputed.quote_id == ids[1]
        team.adjudicate(ids[1], reviewer="شادي", take=disputed.verdicts[0].review_id)  # amal's accept
        rows = {r["quote_id"]: r for r in team.export_rows("accepted")}
        assert (rows[ids[0]]["decided_by"], rows[ids[0]]["reviewers_agreed"]) == ("أمل, بدر", "yes")
        assert (rows[ids[1]]["decided_by"], rows[ids[1]]["reviewers_agreed"]) == ("شادي", "no")
        assert (rows[ids[2]]["decided_by"], rows[ids[2]]["reviewers_agreed"]) == ("أمل", "")
        assert [r["quote_id"] for r in team.export_rows("agreed")] == [ids[0]]
        assert [r["quote_id"] for r in team.export_rows("adjudicated")] == [ids[1]]
        assert team.disagreements() == []


def test_identical_rows_in_one_millisecond_are_all_kept(base_db: Path, tmp_path: Path, monkeypatch: Any) -> None:
    """A correction, its undo and the same correction again, all within one millisecond: the
    two corrections say exactly the same, and both must survive the merge."""
    import quotes.store.review

    monkeypatch.setattr(quotes.store.review, "_now", lambda: "2026-01-01T00:00:00.000+00:00")
    a, b = two_copies(base_db, tmp_path)
    with Store.open(a) as store:
        apply_ops(store, "أمل", [("span", 0), ("undo", 0), ("span", 0), ("bulk", 0), ("undo", 0), ("bulk", 0)])
    with Store.open(b) as store:
        apply_ops(store, "بدر", [("span", 0)])
    ab, ba, again = tmp_path / "ab.db", tmp_path / "ba.db", tmp_path / "again.db"
    merge_stores([a, b], ab)
    merge_stores([b, a], ba)
    merge_stores([ab, a, b], again)
    assert content(ab) == content(ba) == content(again)
    assert decision_keys(ab) == decision_keys(a) + decision_keys(b)
