"""The store's facade: one ``Store`` over the per-client modules, and the queries the app
used to write itself (the document list, the short busy wait)."""

from __future__ import annotations

import ast
import re
import sqlite3
import time
from pathlib import Path

import pytest
from test_store import article, seed_quotes

from quotes.store import Store

GUI = Path(__file__).resolve().parents[1] / "gui"
# Statements, not English: "Select the cue in the article" is a message, "SELECT id FROM" is SQL.
SQL = re.compile(r"^\s*(SELECT\b.*\bFROM\b|INSERT INTO\b|UPDATE \w+ SET\b|DELETE FROM\b|PRAGMA \w+|CREATE \w+|BEGIN\b)",
                 re.S)


def test_gui_holds_no_sql():
    # Every string constant in gui/ that is not a docstring: none may be a statement.
    found = []
    for path in sorted(GUI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if SQL.match(node.value):
                    found.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Attribute) and node.attr == "conn":
                found.append(f"{path.name}:{node.lineno} (.conn)")
    assert found == []


def test_every_public_method_is_on_the_facade():
    # Callers never import the sub-modules: each client's public methods must be on Store.
    from quotes.store.extraction import ExtractionWrites
    from quotes.store.queries import Queries
    from quotes.store.review import ReviewWrites

    for part in (ExtractionWrites, ReviewWrites, Queries):
        for name in vars(part):
            if not name.startswith("_"):
                assert getattr(Store, name) is getattr(part, name), name
    for name in ("open", "queue_ids", "record_decision", "save_extraction", "undo", "export_rows", "close"):
        assert callable(getattr(Store, name))


def test_documents_lists_each_with_its_quote_count(tmp_path: Path):
    with Store.open(tmp_path / "q.db") as store:
        assert store.documents() == []
        art, other = article(), article("002_bd4b036bb5736eee.txt")
        doc_id, _ = store.save_extraction(art, seed_quotes(art), None)
        other_id, _ = store.save_extraction(other, [], None)
        assert store.documents() == [
            {"id": doc_id, "doc": art.doc, "title": art.title, "quotes": 6},
            {"id": other_id, "doc": other.doc, "title": other.title, "quotes": 0},
        ]


def test_busy_timeout_is_short_inside_the_block_only(tmp_path: Path):
    path = tmp_path / "q.db"
    with Store.open(path, timeout=5) as store, Store.open(path) as other:
        other.db.conn.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with store.busy_timeout(100):
                t0 = time.monotonic()
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    store.db.conn.execute("BEGIN IMMEDIATE")
                assert time.monotonic() - t0 < 2
        finally:
            other.db.conn.execute("ROLLBACK")
        assert store.db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
