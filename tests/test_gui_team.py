"""Reviewing as a team in the app, through the real window (pytest-qt, offscreen): the
reviewer's name asked once, bulk acceptance with one undo, the agreement panel and the
adjudication view.

The team database is built as a newsroom would: the seed articles extracted once, copied
to two reviewers who decide differently on a few quotes, merged with ``merge_stores``.
Run as a script (``python tests/test_gui_team.py docs/adjudication.png``) it renders the
adjudication view for the README.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox  # noqa: E402

from gui.app import ensure_app, open_store, run_app  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.reviewer import SETTINGS_KEY, reviewer_name  # noqa: E402
from gui.team_views import OVERLAP_COLOUR, REVIEWER_COLOURS, reviewer_segments  # noqa: E402
from quotes.bulk import run_extraction  # noqa: E402
from quotes.store import Store  # noqa: E402
from quotes.store.merge import merge_stores  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
AMAL, BADR, CHADI = "أمل حداد", "بدر الزين", "شادي نصر"


def plain(text: str) -> str:
    """Text without the bidi isolates and marks the app adds for display."""
    return "".join(ch for ch in text if ch not in "\u2066\u2067\u2068\u2069\u200e\u200f")


def word_edge(text: str, i: int, *, forward: bool) -> int:
    """The nearest word boundary to ``i`` (so a hand-made span starts and ends on whole words)."""
    while 0 < i < len(text) and not text[i].isspace():
        i += 1 if forward else -1
    return i


def build_team_db(folder: Path) -> dict[str, int]:
    """Two reviewers' copies of the seeds, merged into ``folder/team.db``.

    In the first article: quote 2 — amal moves the span to start earlier and end early
    (span); quote 3 — badr rejects it (accept/reject); quote 8 — badr names another speaker
    (speaker); quote 12 — badr changes the kind (kind); quotes 9, 10, 13, 16 — both accept;
    quote 7 — both reject. Returns the quote ids by role.
    """
    base = folder / "base.db"
    with Store.open(base) as store:
        run_extraction(sorted(str(p) for p in SEEDS.glob("*.txt")), store=store, jobs=1)
        ids = store.queue_ids(order="document")
        text = store.document(1)["text"]
        span_quote = store.quote_rows([ids[1]])[0]
    roles = {"span": ids[1], "accept": ids[2], "speaker": ids[7], "kind": ids[11]}
    agreed = [ids[8], ids[9], ids[12], ids[15]]
    start = word_edge(text, span_quote["start"] - 30, forward=False) + 1
    end = word_edge(text, span_quote["start"] + 70, forward=True)
    for name, reviewer in (("amal.db", AMAL), ("badr.db", BADR)):
        shutil.copy(base, folder / name)
        with Store.open(folder / name) as store:
            for quote_id in agreed:
                store.record_decision(quote_id, "accepted", reviewer=reviewer)
            store.record_decision(ids[6], "rejected", reviewer=reviewer, reason="not a quote")
            if reviewer == AMAL:
                store.record_decision(roles["span"], "corrected", reviewer=reviewer,
                                      changes={"start": start, "end": end})
                for quote_id in (roles["accept"], roles["speaker"], roles["kind"]):
                    store.record_decision(quote_id, "accepted", reviewer=reviewer)
            else:
                store.record_decision(roles["span"], "accepted", reviewer=reviewer)
                store.record_decision(roles["accept"], "rejected", reviewer=reviewer, reason="not a quote")
                store.record_decision(roles["speaker"], "corrected", reviewer=reviewer,
                                      changes={"speaker": "قاسم الأعرجي"})
                kind = store.quote_rows([roles["kind"]])[0]["kind"]
                store.record_decision(roles["kind"], "corrected", reviewer=reviewer,
                                      changes={"kind": "direct" if kind != "direct" else "indirect"})
    merge_stores([folder / "amal.db", folder / "badr.db"], folder / "team.db")
    # The merge numbers quotes by its own order: find each again by document and span.
    with Store.open(base) as store:
        keys = {role: store._rows('SELECT d.hash, q.orig_start, q.orig_end FROM quotes q JOIN documents d '
                                  "ON d.id = q.document_id WHERE q.id = ?", [quote_id])[0]
                for role, quote_id in roles.items()}
    with Store.open(folder / "team.db") as team:
        return {role: team._value("SELECT q.id FROM quotes q JOIN documents d ON d.id = q.document_id "
                                  "WHERE d.hash = ? AND q.orig_start = ? AND q.orig_end = ?", list(key.values()))
                for role, key in keys.items()}


@pytest.fixture(scope="module")
def team_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("team")
    return folder / "team.db", build_team_db(folder)


@pytest.fixture
def team_window(team_template: tuple[Path, dict[str, int]], tmp_path: Path, qtbot: Any) -> Any:
    db = tmp_path / "team.db"
    shutil.copy(team_template[0], db)
    store = open_store(db)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, reviewer=CHADI, poll_ms=60_000, settings=settings)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    yield window, store, team_template[1]
    window.shutdown()
    store.close()


def test_adjudication_flow_through_the_window(team_window: Any, qtbot: Any) -> None:
    window, store, roles = team_window
    window.ask = lambda *a: pytest.fail("no question expected")
    agreement = window.open_agreement()
    table = agreement.table
    assert plain(table.item(0, 0).text()) == f"{AMAL} × {BADR}"
    assert table.item(0, 2).text() == "9"  # decided by both: 4 accepted alike, 1 rejected alike, 4 conflicts
    assert [table.item(0, c).text() for c in range(7, 11)] == ["1", "1", "1", "1"]
    qtbot.mouseClick(agreement.adjudicate_button, Qt.MouseButton.LeftButton)
    dialog = window.adjudication_dialog
    assert dialog.isVisible() and dialog.list.count() == 4
    assert dialog.current is not None and dialog.current.quote_id == roles["span"]
    # Each reviewer's span in its own colour: amal's starts before badr's and ends inside it.
    colours = {sel.format.background().color().name() for sel in dialog.article.extraSelections()}
    assert colours == {REVIEWER_COLOURS[0], REVIEWER_COLOURS[1], OVERLAP_COLOUR}
    assert dialog.findChild(type(dialog.position), "legend_reviewer_0").text() == AMAL
    assert dialog.table.columnCount() == 2
    assert [dialog.table.horizontalHeaderItem(i).text() for i in range(2)] == [AMAL, BADR]

    # Take badr's span: the quote gets it back, and the adjudication names both decisions.
    badr_span = dialog.current.verdicts[1]
    qtbot.mouseClick(dialog.take_buttons[1], Qt.MouseButton.LeftButton)
    row = store.quote_rows([roles["span"]])[0]
    assert (row["start"], row["end"], row["reviewer"]) == (badr_span.start, badr_span.end, CHADI)
    settled = store._rows("SELECT reviewer, settles FROM reviews WHERE settles IS NOT NULL")
    assert len(settled) == 1 and settled[0]["reviewer"] == CHADI
    assert dialog.list.count() == 3 and dialog.current.quote_id == roles["accept"]
    assert f"adjudicated by {CHADI}" in plain(window._decided_by(roles["span"]))

    # Decide the accept/reject conflict anew: reject, with a reason of one's own.
    dialog.own_decision.setCurrentIndex(1)
    dialog.own_reason.setText("رأي المحكّم: ليس اقتباساً")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert store.quote_rows([roles["accept"]])[0]["status"] == "rejected"
    assert dialog.list.count() == 2

    # Undo takes the adjudication back like any decision: the disagreement is queued again.
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 3
    assert [d.quote_id for d in store.disagreements()] == [roles["accept"], roles["speaker"], roles["kind"]]


def test_bulk_accept_with_confirmation_and_one_undo(team_window: Any, qtbot: Any) -> None:
    window, store, _ = team_window
    asked: list[str] = []

    def confirm(title: str, text: str, choices: list[str]) -> str:
        asked.append(text)
        return choices[0]

    window.ask = confirm
    pending_before = set(store.queue_ids(status="pending"))
    expected = set(store.queue_ids(status="pending", min_conf=0.8))
    assert 0 < len(expected) < len(pending_before)
    dialog = window.open_bulk_accept()
    dialog.threshold.setValue(0.8)
    assert dialog.count_label.text().startswith(f"{len(expected)} pending quotes")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert asked and f"Accept {len(expected)} pending quotes" in asked[0]
    assert set(store.queue_ids(status="pending")) == pending_before - expected
    accepted = store._rows("SELECT DISTINCT batch, reviewer FROM reviews WHERE batch IS NOT NULL")
    assert accepted == [{"batch": accepted[0]["batch"], "reviewer": CHADI}]
    # One undo step takes the whole batch back.
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert set(store.queue_ids(status="pending")) == pending_before
    # ... and one redo brings it back whole.
    window.redo()
    assert set(store.queue_ids(status="pending")) == pending_before - expected
    # Cancelling the confirmation changes nothing.
    window.undo()
    window.ask = lambda title, text, choices: choices[-1]
    assert window.bulk_accept(0.8) == 0
    assert set(store.queue_ids(status="pending")) == pending_before


def test_the_reviewer_name_is_asked_once_and_remembered(tmp_path: Path, qapp: Any,
                                                        team_template: tuple[Path, dict[str, int]]) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    asked: list[int] = []

    def ask() -> str:
        asked.append(1)
        return "  ريم   سالم "

    assert reviewer_name(settings, ask) == "ريم سالم"
    assert reviewer_name(settings, ask) == "ريم سالم" and len(asked) == 1
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)  # another start
    assert again.value(SETTINGS_KEY) == "ريم سالم"
    fresh = QSettings(str(tmp_path / "empty.ini"), QSettings.Format.IniFormat)
    assert reviewer_name(fresh, lambda: "") is None and fresh.value(SETTINGS_KEY) is None


def test_the_app_asks_for_the_name_on_its_first_start_only(tmp_path: Path, qapp: Any, monkeypatch: Any,
                                                          team_template: tuple[Path, dict[str, int]]) -> None:
    import gui.reviewer

    asked: list[int] = []
    monkeypatch.setattr(gui.reviewer, "ask_name", lambda *a: asked.append(1) or "ريم سالم")
    titles: list[str] = []

    def close_window() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                titles.append(widget.windowTitle())
                widget.close()

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    db = tmp_path / "team.db"
    shutil.copy(team_template[0], db)
    for _ in range(2):  # two starts of the app on this machine
        QTimer.singleShot(300, close_window)
        assert run_app(db, settings=settings) == 0
    assert len(asked) == 1 and len(titles) == 2 and all(t.endswith("— ريم سالم") for t in titles)


def test_the_panel_says_who_decided(team_window: Any) -> None:
    window, store, roles = team_window
    window.filters.status.setCurrentIndex(window.filters.status.findData("all"))
    window.filters.apply()
    window.select_row(window.model.row_of(roles["speaker"]))
    text = plain(window.panel.decided_by.text())
    assert f"{AMAL}: accepted" in text and f"{BADR}: corrected" in text


def test_the_adjudication_queue_follows_another_reviewer_on_the_same_file(team_window: Any) -> None:
    window, store, roles = team_window
    dialog = window.open_adjudication()
    assert dialog.list.count() == 4
    with Store.open(store.path) as other:  # another reviewer's app on the same file
        verdict = other.verdicts(roles["kind"])[0]
        other.adjudicate(roles["kind"], reviewer="ريم سالم", take=verdict.review_id)
    window.poll()
    assert dialog.list.count() == 3


def test_reviewer_segments() -> None:
    assert reviewer_segments([(0, 10), (5, 20)]) == [((0, 5), frozenset({0})), ((5, 10), frozenset({0, 1})),
                                                     ((10, 20), frozenset({1}))]
    assert reviewer_segments([(0, 0), (3, 6)]) == [((3, 6), frozenset({1}))]


def save_adjudication_screenshot(path: Path) -> None:
    """Render the adjudication view on the first disagreement (the README's picture)."""
    import tempfile

    app = ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        build_team_db(Path(tmp))
        store = open_store(Path(tmp) / "team.db")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, reviewer=CHADI, poll_ms=60_000, settings=settings)
        window.resize(1440, 900)
        window.show()
        dialog = window.open_adjudication()
        dialog.resize(1440, 900)
        for _ in range(5):
            app.processEvents()
        dialog.article.scroll_to_current()
        app.processEvents()
        image: QImage = dialog.grab().toImage()
        assert image.save(str(path), "PNG"), path
        window.shutdown()
        store.close()


if __name__ == "__main__":
    save_adjudication_screenshot(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/adjudication.png"))
    QApplication.quit()
