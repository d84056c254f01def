"""The review app, driven through its real window with pytest-qt (offscreen).

Databases are built with ``Store.save_extraction`` from hand-made Quote records on the real
seed articles (spans from seeds/gold.jsonl), plus one small synthetic article with an emoji
(UTF-16 offsets) and إسماعيل هنية (normalised search). Nothing depends on the extractor.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from gui.app import open_store, run_app  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.queue_model import PAGE, QueueModel  # noqa: E402
from gui.textspan import Utf16Map, nudge, text_direction, trim_span  # noqa: E402
from quotes.normalize import fold  # noqa: E402
from quotes.records import Article, Quote  # noqa: E402
from quotes.store import Store  # noqa: E402

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

EMOJI_TEXT = ("غزة 😀 — قال رئيس المكتب السياسي إسماعيل هنية إن \"المقاومة ستستمر حتى النصر\"، "
              "وأضاف أن الحوار مع الوسطاء ما زال مفتوحاً.")
HANIYEH_QUOTE = "المقاومة ستستمر حتى النصر"


# ---------------------------------------------------------------------- building databases

def seed_article(name: str) -> Article:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return Article(doc=f"seeds/{name}", text=text, title=text.splitlines()[0], source="seed outlet",
                   path=f"seeds/{name}")


def near(text: str, needle: str, start: int, end: int, window: int = 400) -> int:
    """Offset of ``needle`` closest before ``start`` (else just after ``end``), or -1."""
    if not needle:
        return -1
    i = text.rfind(needle, max(0, start - window), start)
    if i < 0:
        i = text.find(needle, end, end + window)
        if i >= 0 and i + len(needle) > end + window:
            i = -1
    return i


def gold_quotes() -> dict[str, list[Quote]]:
    """Quotes per seed file from the gold spans, with cue/mention offsets located nearby and
    deterministic confidences spread over 0.05–0.94."""
    out: dict[str, list[Quote]] = {}
    texts: dict[str, str] = {}
    for i, line in enumerate((SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines()):
        g = json.loads(line)
        text = texts.setdefault(g["doc"], (SEEDS / g["doc"]).read_text(encoding="utf-8"))
        start, end = g["start"], g["end"]
        assert text[start:end] == g["quote"]
        cs = near(text, g["cue"], start, end)
        ms = near(text, g["speaker"], start, end)
        sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
        out.setdefault(g["doc"], []).append(Quote(
            doc=f"seeds/{g['doc']}", start=start, end=end, text=g["quote"], kind=g["kind"], cue=g["cue"],
            cue_start=cs if cs >= 0 else None, cue_end=cs + len(g["cue"]) if cs >= 0 else None,
            speaker=g["speaker"], speaker_mention=g["speaker"] if ms >= 0 else "",
            mention_start=ms if ms >= 0 else None, mention_end=ms + len(g["speaker"]) if ms >= 0 else None,
            speaker_type="person", confidence=round(0.05 + (i * 37 % 90) / 100, 2),
            evidence={"cue": g["cue"], "cue_lemma": fold(g["cue"]).removeprefix("و"),
                      "cue_features": "verb/perfective/3/m/s", "construction": "test: gold span",
                      "speaker_rule": "test: gold speaker", "name_sentence": text[sentence_start:start].strip()},
        ))
    return out


def haniyeh() -> tuple[Article, Quote]:
    art = Article(doc="synthetic/haniyeh.txt", text=EMOJI_TEXT, title="غزة", source="synthetic")
    start = EMOJI_TEXT.index(HANIYEH_QUOTE)
    cs = EMOJI_TEXT.index("قال")
    ms = EMOJI_TEXT.index("إسماعيل هنية")
    return art, Quote(doc=art.doc, start=start, end=start + len(HANIYEH_QUOTE), text=HANIYEH_QUOTE,
                      kind="direct", cue="قال", cue_start=cs, cue_end=cs + 3, speaker="إسماعيل هنية",
                      speaker_mention="إسماعيل هنية", mention_start=ms, mention_end=ms + len("إسماعيل هنية"),
                      speaker_type="person", confidence=0.99,
                      evidence={"cue": "قال", "construction": "cue + complementiser + quotation marks"})


def build_db(path: Path) -> Path:
    with Store.open(path) as store:
        run = store.start_run("test-gui", {})
        for doc, quotes in sorted(gold_quotes().items()):
            store.save_extraction(seed_article(doc), quotes, run)
        art, q = haniyeh()
        store.save_extraction(art, [q], run)
    return path


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("template") / "template.db")


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    # The template was closed cleanly (WAL checkpointed into the main file): a copy is complete.
    target = tmp_path / "review.db"
    shutil.copy(template_db, target)
    return target


def make_window(qtbot: Any, path: Path, *, timeout: float | None = None, poll_ms: int = 50) -> MainWindow:
    store = open_store(path) if timeout is None else Store.open(path, create=False, timeout=timeout)
    window = MainWindow(store, reviewer="tester", poll_ms=poll_ms)
    window.ask = lambda title, text, choices: "Discard" if "Discard" in choices else choices[-1]
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.table.setFocus()
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.store.close()


@pytest.fixture
def window(qtbot: Any, db_path: Path):
    w = make_window(qtbot, db_path)
    yield w  # a strong reference: qtbot only keeps a weak one
    close_window(w)


def reviews(path: Path) -> list[dict[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM reviews ORDER BY id")]
    finally:
        conn.close()


def quote(path: Path, quote_id: int) -> dict[str, Any]:
    with Store.open(path, create=False) as s:
        return s.quote_rows([quote_id])[0]


def key(window: MainWindow, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.table, k, mods)


def type_text(widget: Any, text: str) -> None:
    """Type ``text`` as key presses (QTest.keyClicks aborts on non-ASCII characters)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key(ord(ch.upper())), ch, Qt.KeyboardModifier.NoModifier)


def current_id(window: MainWindow) -> int:
    assert window.panel.row is not None
    return int(window.panel.row["id"])


# ---------------------------------------------------------------------- pure helpers

def test_utf16_map_and_direction() -> None:
    m = Utf16Map(EMOJI_TEXT)
    i = EMOJI_TEXT.index("قال")
    assert m.to_qt(i) == len(EMOJI_TEXT[:i].encode("utf-16-le")) // 2 == i + 1
    assert m.from_qt(m.to_qt(i)) == i
    assert Utf16Map("قال أحمد").to_qt(3) == 3
    assert text_direction("  «قال» UN") is not None and text_direction("قال UN").value == "rtl"
    assert text_direction("Mustafa al-Kadhimi").value == "ltr"
    assert text_direction("2021 -") is None
    assert text_direction("«البيان»: the statement the speaker issued").value == "ltr"
    assert text_direction("CNN: قال الرئيس إن الاتفاق قريب").value == "rtl"


def test_nudges_are_logical_and_keep_marks() -> None:
    text = "قالَ الوزيرُ إن الحكومةَ مستمرة."
    start, end = text.index("الحكومة"), text.index("مستمرة") + len("مستمرة")
    assert nudge(text, start, end, edge="start", grow=True, word=True) == (text.index("إن"), end)
    assert nudge(text, start, end, edge="start", grow=False, word=True) == (text.index("مستمرة"), end)
    assert nudge(text, start, end, edge="end", grow=True, word=False) == (start, end + 1)  # the full stop
    assert nudge(text, start, end, edge="end", grow=False, word=True) == (start, text.index("الحكومةَ") + 8)
    # A character nudge never separates a letter from its haraka.
    s2, _ = nudge(text, text.index("الوزير") + 6, end, edge="start", grow=False, word=False)
    assert text[s2 - 1] == "ُ" and s2 == text.index("الوزيرُ") + 7
    # Shrinking never empties the span.
    assert nudge(text, 0, 4, edge="start", grow=False, word=True) == (0, 4)
    assert trim_span(" قال ", 0, 5) == (1, 4)


def test_queue_model_loads_pages_lazily(qtmodeltester: Any) -> None:
    class FakeStore:
        def __init__(self) -> None:
            self.calls = 0

        def quote_rows(self, ids: list[int]) -> list[dict[str, Any]]:
            self.calls += 1
            return [{"id": i, "status": "pending", "text": f"نص {i}", "speaker": "أحمد", "cue": "قال",
                     "confidence": 0.5, "doc": "d.txt", "document_id": 1, "start": 0, "end": 1, "kind": "direct",
                     "evidence": {}} for i in ids]

    fake = FakeStore()
    model = QueueModel(fake)  # type: ignore[arg-type]
    model.set_ids(list(range(1, 100_001)))
    assert model.rowCount() == 100_000 and fake.calls == 0
    assert model.index(99_999, 4).data() == "نص 100000"
    assert model.index(50_000, 2).data() == "أحمد"
    assert fake.calls == 2 and model.loaded_pages == 2
    model.append_ids([100_001, 5])
    assert model.rowCount() == 100_001  # known ids are not appended twice
    small = QueueModel(fake)  # type: ignore[arg-type]
    small.set_ids(list(range(1, 2 * PAGE + 10)))
    qtmodeltester.check(small)


# ---------------------------------------------------------------------- first screen

def test_first_screen_shows_lowest_confidence_pending_with_highlights(window: MainWindow, db_path: Path) -> None:
    with Store.open(db_path, create=False) as s:
        expected = s.queue_ids(status="pending", order="confidence")
        row = s.quote_rows(expected[:1])[0]
    assert list(window.model.ids) == expected
    assert window.table.currentIndex().row() == 0 and current_id(window) == expected[0]
    art = window.article
    assert art.text == (SEEDS / row["doc"].split("/")[-1]).read_text(encoding="utf-8")
    assert art.highlighted_text("quote") == [row["text"]]
    if row["cue_start"] is not None:
        assert art.highlighted_text("cue") == [row["cue"]]
    assert art.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert art.span_visible((row["start"], min(row["end"], row["start"] + 20)))
    for key_name in ("quote", "cue", "speaker", "other"):
        assert window.legend.findChild(object, f"legend_{key_name}") is not None
    assert window.panel.evidence_box.text("construction") == "test: gold span"
    # The highlights are really painted, the quote's colour on the right (RTL) side.
    image = art.viewport().grab().toImage()
    colours = {"quote": (0xBC, 0xD8, 0xFF), "cue": (0xB9, 0xEF, 0xB0)}
    found = {k: [] for k in colours}
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            c = image.pixelColor(x, y)
            for k, rgb in colours.items():
                if (c.red(), c.green(), c.blue()) == rgb:
                    found[k].append(x)
    assert found["quote"] and max(found["quote"]) > image.width() * 0.6
    if row["cue_start"] is not None:
        assert found["cue"]
    assert "Reviewed 0 / 97" in window.progress_label.text()


def test_buttons_print_their_keys(window: MainWindow) -> None:
    panel = window.panel
    assert "Ctrl+Enter" in panel.accept_button.text()
    assert "Ctrl+Backspace" in panel.reject_button.text()
    assert "Ctrl+Space" in panel.skip_button.text()
    # Layout-independent keys only: a modifier with Return/Backspace/Space/arrows, F-keys, Insert.
    for name, action in panel.actions_by_name.items():
        for seq in action.shortcuts():
            text = seq.toString()
            last = text.split("+")[-1]
            assert len(last) != 1 or not last.isalpha(), (name, text)


def test_emoji_article_highlights_use_utf16_offsets(window: MainWindow) -> None:
    window.filters.search.setText("هنية")
    window.filters.apply()
    assert window.model.rowCount() == 1
    assert window.article.highlighted_text("quote") == [HANIYEH_QUOTE]
    assert window.article.highlighted_text("cue") == ["قال"]
    assert window.article.highlighted_text("speaker") == ["إسماعيل هنية"]
    # The selection comes back in code points.
    start = EMOJI_TEXT.index("إسماعيل")
    window.article.select_span(start, start + len("إسماعيل"))
    assert window.article.selected_span() == (start, start + len("إسماعيل"))


def test_offsets_survive_crlf_and_astral_characters(qtbot: Any) -> None:
    from gui.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    text = "سطر أول 😀\r\nقال الوزير إن \"الاتفاق قريب\"\r\n\r\nوأضاف 𝕏 أن الحوار مستمر."
    view.set_article(1, text)
    assert view.document().characterCount() - 1 == len(text.encode("utf-16-le")) // 2
    spans = {"quote": [(text.index("الاتفاق"), text.index("قريب") + 4)], "cue": [(text.index("وأضاف"), text.index("وأضاف") + 5)]}
    view.show_spans(spans)
    assert view.highlighted_text("quote") == ["الاتفاق قريب"] and view.highlighted_text("cue") == ["وأضاف"]


# ---------------------------------------------------------------------- decisions by key

def test_accept_reject_skip_with_one_key_each(window: MainWindow, db_path: Path) -> None:
    ids = list(window.model.ids)
    key(window, Qt.Key.Key_Return, CTRL)
    assert current_id(window) == ids[1]
    key(window, Qt.Key.Key_Backspace, CTRL)
    assert current_id(window) == ids[2]
    key(window, Qt.Key.Key_2, CTRL)  # reject, reason 2
    key(window, Qt.Key(0x663), CTRL)  # Ctrl+٣ (Arabic-Indic three): reject, reason 3
    key(window, Qt.Key.Key_Space, CTRL)
    assert current_id(window) == ids[5]
    log = [(r["quote_id"], r["decision"], r["reason"]) for r in reviews(db_path)]
    assert log == [(ids[0], "accepted", None), (ids[1], "rejected", "not a quote"), (ids[2], "rejected", "wrong speaker"),
                   (ids[3], "rejected", "wrong span"), (ids[4], "skipped", None)]
    assert quote(db_path, ids[0])["status"] == "accepted"
    assert quote(db_path, ids[4])["status"] == "pending"
    # Decided rows stay in the queue, updated in place.
    assert window.model.row_at(0)["status"] == "accepted"
    assert "accepted 1" in window.progress_label.text() and "rejected 3" in window.progress_label.text()


def test_accept_fires_while_typing_a_speaker(window: MainWindow, db_path: Path) -> None:
    first = current_id(window)
    QTest.keyClick(window.table, Qt.Key.Key_F2)
    assert window.panel.speaker_edit.hasFocus()
    type_text(window.panel.speaker_edit, "مصطفى الكاظمي")
    QTest.keyClick(window.panel.speaker_edit, Qt.Key.Key_Return, CTRL)
    row = quote(db_path, first)
    assert row["status"] == "corrected" and row["speaker"] == "مصطفى الكاظمي"


# ---------------------------------------------------------------------- speaker corrections

def test_speaker_completer_folds_arabic_and_offers_aliases(window: MainWindow) -> None:
    window.load_speakers()
    completer = window.panel.completer
    assert "إسماعيل هنية" in completer.matches("اسماعيل")
    assert "إسماعيل هنية" in completer.matches("هنيه")  # teh marbuta folded
    assert window.panel.speaker_index.resolve("اسماعيل هنيه") == "إسماعيل هنية"


def test_speaker_correction_is_remembered_as_alias(window: MainWindow, db_path: Path) -> None:
    window.filters.search.setText("هنية")
    window.filters.apply()
    qid = current_id(window)
    window.load_speakers()
    window.panel.focus_speaker()
    window.panel.speaker_edit.clear()
    type_text(window.panel.speaker_edit, "أبو العبد هنية")
    assert window.panel.changes() == {"speaker": "أبو العبد هنية"}
    key(window, Qt.Key.Key_Return, CTRL)
    row = quote(db_path, qid)
    assert row["status"] == "corrected" and row["speaker"] == "أبو العبد هنية"
    with Store.open(db_path, create=False) as s:
        # The mention as written now resolves to the corrected speaker in later extractions.
        assert s.alias_map()[fold("إسماعيل هنية")] == "أبو العبد هنية"


def test_speaker_from_article_selection(window: MainWindow, db_path: Path) -> None:
    window.filters.search.setText("هنية")
    window.filters.apply()
    qid = current_id(window)
    start = EMOJI_TEXT.index("رئيس المكتب السياسي")
    window.article.select_span(start - 1, start + len("رئيس المكتب السياسي") + 1)  # sloppy: spaces trimmed
    key(window, Qt.Key.Key_F3)
    assert window.panel.draft is not None and window.panel.draft.speaker == "رئيس المكتب السياسي"
    assert window.article.highlighted_text("speaker") == ["رئيس المكتب السياسي"]
    key(window, Qt.Key.Key_Return, CTRL)
    assert quote(db_path, qid)["speaker"] == "رئيس المكتب السياسي"
    with Store.open(db_path, create=False) as s:
        assert s.alias_map()[fold("إسماعيل هنية")] == "رئيس المكتب السياسي"


def test_selected_alias_resolves_to_known_speaker(window: MainWindow, db_path: Path) -> None:
    """Selecting a short form that is an alias of a known speaker picks that speaker."""
    window.load_speakers()
    with Store.open(db_path, create=False) as s:
        sid = next(sp["id"] for sp in s.speakers() if sp["name"] == "إسماعيل هنية")
        s.add_alias(sid, "هنية")
    window.load_speakers()
    window.filters.search.setText("هنية")
    window.filters.apply()
    start = EMOJI_TEXT.index("هنية")
    window.article.select_span(start, start + 4)
    key(window, Qt.Key.Key_F3)
    assert window.panel.draft is not None and window.panel.draft.speaker == "إسماعيل هنية"
    assert window.panel.changes() == {}  # same speaker: a plain accept


# ---------------------------------------------------------------------- span and kind

def test_span_nudges_kind_and_reset_by_key(window: MainWindow, db_path: Path) -> None:
    window.filters.search.setText("هنية")
    window.filters.apply()
    qid = current_id(window)
    start, end = EMOJI_TEXT.index(HANIYEH_QUOTE), EMOJI_TEXT.index(HANIYEH_QUOTE) + len(HANIYEH_QUOTE)
    key(window, Qt.Key.Key_Right, ALT)  # RTL: right is earlier -> start grows by a word
    assert window.panel.draft.start == EMOJI_TEXT.index("إن")
    key(window, Qt.Key.Key_Left, ALT)  # back to the quote's first word
    assert window.panel.draft.start == start
    key(window, Qt.Key.Key_Right, ALT | SHIFT)  # one character earlier: the opening quotation mark
    assert window.panel.draft.start == start - 1
    key(window, Qt.Key.Key_Left, CTRL | SHIFT)  # end grows by a character: the closing mark
    assert window.panel.draft.end == end + 1
    assert window.article.highlighted_text("quote") == [f'"{HANIYEH_QUOTE}"']
    key(window, Qt.Key.Key_Escape)
    assert (window.panel.draft.start, window.panel.draft.end) == (start, end)
    key(window, Qt.Key.Key_Right, CTRL)  # end shrinks by a word
    assert window.panel.draft.end == EMOJI_TEXT.index("النصر") - 1
    key(window, Qt.Key.Key_F7)  # direct -> indirect -> mixed
    key(window, Qt.Key.Key_F7)
    assert window.panel.draft.kind == "mixed"
    key(window, Qt.Key.Key_Return, CTRL)
    row = quote(db_path, qid)
    assert (row["status"], row["start"], row["end"], row["kind"]) == ("corrected", start,
                                                                      EMOJI_TEXT.index("النصر") - 1, "mixed")
    assert row["text"] == "المقاومة ستستمر حتى"


def test_span_and_cue_from_selection(window: MainWindow, db_path: Path) -> None:
    qid = current_id(window)
    text = window.article.text
    row = window.panel.row
    assert row is not None
    window.article.select_span(row["start"], row["end"] - 3)
    key(window, Qt.Key.Key_F4)
    cue_at = text.find("قال")
    window.article.select_span(cue_at, cue_at + 3)
    key(window, Qt.Key.Key_F6)
    key(window, Qt.Key.Key_Return, CTRL)
    saved = quote(db_path, qid)
    assert (saved["start"], saved["end"]) == trim_span(text, row["start"], row["end"] - 3)
    assert (saved["cue"], saved["cue_start"], saved["cue_end"]) == ("قال", cue_at, cue_at + 3)


def test_add_a_missed_quote(window: MainWindow, db_path: Path, qtbot: Any) -> None:
    window.filters.search.setText("هنية")
    window.filters.apply()
    missed = "الحوار مع الوسطاء ما زال مفتوحاً"
    s = EMOJI_TEXT.index(missed)
    window.article.select_span(s, s + len(missed))
    key(window, Qt.Key.Key_Insert)
    dialog = window.add_dialog
    assert dialog.isVisible()
    dialog.speaker.setText("اسماعيل هنيه")  # folded spelling resolves to the known speaker
    dialog.cue.setText("وأضاف")
    dialog.accept()
    qid = current_id(window)
    row = quote(db_path, qid)
    assert (row["status"], row["origin"], row["text"], row["speaker"], row["kind"], row["cue"]) == (
        "added", "reviewer", missed, "إسماعيل هنية", "indirect", "وأضاف")
    assert window.model.row_of(qid) == 1  # right after the quote it was found next to


# ---------------------------------------------------------------------- undo / redo

def test_undo_redo_by_key(window: MainWindow, db_path: Path) -> None:
    first = current_id(window)
    key(window, Qt.Key.Key_Return, CTRL)
    assert quote(db_path, first)["status"] == "accepted"
    assert window.actions_by_name["undo"].text() == f"Undo accept #{first}"
    key(window, Qt.Key.Key_Z, CTRL)
    assert quote(db_path, first)["status"] == "pending"
    assert current_id(window) == first and window.model.row_at(0)["status"] == "pending"
    key(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert quote(db_path, first)["status"] == "accepted"
    key(window, Qt.Key.Key_Backspace, ALT)  # the layout-independent undo
    assert quote(db_path, first)["status"] == "pending"


def test_undo_after_restart(qtbot: Any, db_path: Path) -> None:
    w1 = make_window(qtbot, db_path)
    first, second = w1.model.ids[0], w1.model.ids[1]
    key(w1, Qt.Key.Key_Return, CTRL)
    key(w1, Qt.Key.Key_Backspace, CTRL)
    close_window(w1)
    del w1

    w2 = make_window(qtbot, db_path)
    try:
        # Both are reviewed, so the default (pending) queue no longer lists them.
        assert first not in w2.model and second not in w2.model
        assert w2.actions_by_name["undo"].isEnabled()
        key(w2, Qt.Key.Key_Z, CTRL)
        assert quote(db_path, second)["status"] == "pending"
        assert current_id(w2) == second  # brought back in front of the reviewer
        key(w2, Qt.Key.Key_Z, CTRL)
        assert quote(db_path, first)["status"] == "pending" and current_id(w2) == first
        key(w2, Qt.Key.Key_Y, CTRL)
        assert quote(db_path, first)["status"] == "accepted"
    finally:
        close_window(w2)


# ---------------------------------------------------------------------- filters

def test_filters(window: MainWindow, db_path: Path) -> None:
    f = window.filters
    with Store.open(db_path, create=False) as s:
        all_ids = s.queue_ids()
        kadhimi = next(sp for sp in s.speakers() if sp["name"] == "مصطفى الكاظمي")
        docs = {r["document_id"] for r in s.quote_rows(all_ids)}
        cue, n_cue = s.cues()[0]
    key(window, Qt.Key.Key_Return, CTRL)
    f.status.setCurrentIndex(f.status.findData("accepted"))
    assert window.model.rowCount() == 1
    f.status.setCurrentIndex(f.status.findData("all"))
    assert window.model.rowCount() == len(all_ids)
    f.speaker.reload()
    f.speaker.setCurrentIndex(f.speaker.findData(kadhimi["id"]))
    assert window.model.rowCount() == kadhimi["quotes"] > 0
    assert {window.model.row_at(r)["speaker"] for r in range(window.model.rowCount())} == {"مصطفى الكاظمي"}
    f.speaker.setCurrentIndex(0)
    f.cue.reload()
    f.cue.setCurrentIndex(f.cue.findData(cue))
    assert window.model.rowCount() == n_cue
    f.cue.setCurrentIndex(0)
    f.document.reload()
    assert f.document.count() == len(docs) + 1
    f.document.setCurrentIndex(f.document.findData(min(docs)))
    assert {window.model.row_at(r)["document_id"] for r in range(window.model.rowCount())} == {min(docs)}
    f.document.setCurrentIndex(0)
    f.max_conf.setValue(0.3)
    f.apply()
    confs = [window.model.row_at(r)["confidence"] for r in range(window.model.rowCount())]
    assert confs and max(confs) <= 0.3 and confs == sorted(confs)
    f.clear()
    f.search.setText("اسماعيل")  # no hamza: finds إسماعيل
    f.apply()
    assert [window.model.row_at(r)["speaker"] for r in range(window.model.rowCount())] == ["إسماعيل هنية"]
    f.search.setText("الكاظمى")  # alef maqsura for yeh
    f.apply()
    assert window.model.rowCount() >= kadhimi["quotes"]


# ---------------------------------------------------------------------- speakers and export

def test_speaker_latin_role_and_merge(window: MainWindow, db_path: Path) -> None:
    with Store.open(db_path, create=False) as s:
        by_name = {sp["name"]: sp for sp in s.speakers()}
    hussein, fuad = by_name["حسين"] if "حسين" in by_name else None, by_name["فؤاد حسين"]
    dialog = window.open_speakers(fuad["id"])
    dialog.confirm = lambda title, text: True
    assert dialog.current is not None and dialog.current["id"] == fuad["id"]
    dialog.latin.setText("Fuad Hussein")
    dialog.role.setText("وزير الخارجية العراقي")
    dialog.save_button.click()
    with Store.open(db_path, create=False) as s:
        sp = next(x for x in s.speakers() if x["id"] == fuad["id"])
    assert (sp["latin"], sp["role"]) == ("Fuad Hussein", "وزير الخارجية العراقي")
    # Merge another speaker into him.
    drop = hussein or by_name["أنتوني بلينكن"]
    assert dialog.select_speaker(drop["id"])
    dialog.merge_target.setText("فُؤاد حسين")  # with a damma: matched after normalisation
    dialog.merge_button.click()
    assert "Merged" in dialog.status.text(), dialog.status.text()
    with Store.open(db_path, create=False) as s:
        names = {x["name"]: x for x in s.speakers()}
        assert drop["name"] not in names
        assert names["فؤاد حسين"]["quotes"] == fuad["quotes"] + drop["quotes"]
        assert s.alias_map()[fold(drop["name"])] == "فؤاد حسين"
    dialog.close()


def test_export_csv_and_jsonl(window: MainWindow, tmp_path: Path) -> None:
    key(window, Qt.Key.Key_Return, CTRL)
    key(window, Qt.Key.Key_Return, CTRL)
    dialog = window.open_export()
    dialog.path.setText(str(tmp_path / "out.csv"))
    assert dialog.export() == 2
    lines = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("speaker,speaker_latin") and len(lines) == 3
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    assert dialog.path.text().endswith(".jsonl")
    dialog.status.setCurrentIndex(dialog.status.findData("all"))
    assert dialog.export() == 97
    rows = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 97 and "Wrote 97 rows" in dialog.result.text()
    dialog.close()


# ---------------------------------------------------------------------- screenshot

def test_run_app_screenshot(db_path: Path, tmp_path: Path, qapp: Any) -> None:
    png = tmp_path / "shot.png"
    assert run_app(db_path, reviewer="tester", screenshot=png) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1440, 900)
    assert run_app(tmp_path / "missing.db", reviewer="tester", screenshot=png) == 2


# ---------------------------------------------------------------------- other writers, never losing work

def test_other_writer_appends_rows_without_moving_selection(window: MainWindow, db_path: Path, qtbot: Any) -> None:
    key(window, Qt.Key.Key_Down)
    selected, row = current_id(window), window.table.currentIndex().row()
    n = window.model.rowCount()
    art = Article(doc="synthetic/new.txt", text="قال الرئيس إن \"الاتفاق قريب\" اليوم.")
    s = art.text.index("الاتفاق")
    with Store.open(db_path, create=False) as other:
        other.save_extraction(art, [Quote(doc=art.doc, start=s, end=s + 12, text="الاتفاق قريب", kind="direct",
                                          cue="قال", cue_start=0, cue_end=3, speaker="الرئيس", speaker_mention="الرئيس",
                                          mention_start=4, mention_end=10, confidence=0.01)], None)
    qtbot.waitUntil(lambda: window.model.rowCount() == n + 1, timeout=3000)
    # Appended at the end even though its confidence is the lowest: the selection stays put.
    assert window.model.id_at(n) != selected
    assert current_id(window) == selected and window.table.currentIndex().row() == row
    assert "1 new quote" in window.message_label.text()
    assert f"/ {n + 1}" in window.progress_label.text()


def test_concurrent_extraction_loses_nothing(window: MainWindow, db_path: Path, qtbot: Any) -> None:
    """A thread extracts 40 articles through its own Store while the reviewer decides by key."""
    base = (SEEDS / "004_0c47c0a1c8d85d33.txt").read_text(encoding="utf-8")
    q0 = gold_quotes()["004_0c47c0a1c8d85d33.txt"]
    errors: list[BaseException] = []

    def extract() -> None:
        try:
            with Store.open(db_path, create=False) as store:
                run = store.start_run("concurrent", {})
                for i in range(40):
                    art = Article(doc=f"synthetic/copy{i}.txt", text=base + f"\n\nنسخة {i}")
                    store.save_extraction(art, [Quote(**{**q.__dict__, "doc": art.doc}) for q in q0], run)
                    time.sleep(0.005)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    worker = threading.Thread(target=extract)
    rows_before = window.model.rowCount()
    worker.start()
    decided: list[int] = []
    during = 0
    slowest = 0.0
    deadline = time.monotonic() + 20
    while worker.is_alive() and time.monotonic() < deadline or len(decided) < 12:
        decided.append(current_id(window))
        alive = worker.is_alive()
        t0 = time.perf_counter()
        key(window, Qt.Key.Key_Return if len(decided) % 3 else Qt.Key.Key_Backspace, CTRL)
        slowest = max(slowest, time.perf_counter() - t0)
        during += alive
        qtbot.wait(10)
    grew_while_running = window.model.rowCount() > rows_before
    worker.join()
    assert not errors
    assert during >= 5 and grew_while_running  # decisions and new rows interleaved with the writer
    assert slowest < 1.0  # the writer never held the app up for long
    expected_total = 97 + 40 * len(q0)
    qtbot.waitUntil(lambda: window.progress.get("total") == expected_total, timeout=3000)
    log = reviews(db_path)
    assert [r["quote_id"] for r in log] == decided  # every decision, in order
    assert not window.history.pending
    with Store.open(db_path, create=False) as s:
        pending_ids = s.queue_ids(status="pending")
        assert len(s.queue_ids()) == expected_total
        assert s.progress()["reviewed"] == len(set(decided))
    # Every pending quote reaches the window's queue (new ones appended at the end) by the next poll.
    qtbot.waitUntil(lambda: set(pending_ids) <= set(window.model.ids), timeout=3000)


def test_busy_database_keeps_the_decision_and_retries(qtbot: Any, db_path: Path) -> None:
    w = make_window(qtbot, db_path, timeout=0.2)
    try:
        first = current_id(w)
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        key(w, Qt.Key.Key_Return, CTRL)
        assert len(w.history.pending) == 1 and "busy" in w.message_label.text()
        assert current_id(w) != first  # the reviewer goes on meanwhile
        key(w, Qt.Key.Key_Backspace, CTRL)
        assert len(w.history.pending) == 2
        blocker.execute("COMMIT")
        blocker.close()
        qtbot.waitUntil(lambda: not w.history.pending, timeout=5000)
        assert [r["decision"] for r in reviews(db_path)] == ["accepted", "rejected"]
        assert quote(db_path, first)["status"] == "accepted"
    finally:
        close_window(w)


def test_unsaved_correction_is_kept_while_browsing_and_offered_on_close(qtbot: Any, db_path: Path) -> None:
    w = make_window(qtbot, db_path)
    first = current_id(w)
    key(w, Qt.Key.Key_F7)
    kind = w.panel.draft.kind
    key(w, Qt.Key.Key_Down)
    key(w, Qt.Key.Key_Up)
    assert current_id(w) == first and w.panel.draft.kind == kind and w.panel.dirty
    questions = []
    w.ask = lambda title, text, choices: questions.append(title) or "Save them"
    close_window(w)
    assert questions == ["Unsaved corrections"]
    row = quote(db_path, first)
    assert (row["status"], row["kind"]) == ("corrected", kind)


KILL_SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {project!r})
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from gui.app import ensure_app, open_store
from gui.main_window import MainWindow
app = ensure_app()
w = MainWindow(open_store({db!r}), reviewer="killed")
w.show()
app.processEvents()
for i in range(5):
    QTest.keyClick(w.table, Qt.Key.Key_Return if i % 2 == 0 else Qt.Key.Key_Backspace,
                   Qt.KeyboardModifier.ControlModifier)
    print("decided", w.model.row_at(i)["id"], flush=True)
print("ready", flush=True)
app.exec()
"""


def test_killed_app_loses_no_decision(db_path: Path) -> None:
    script = KILL_SCRIPT.format(project=str(PROJECT), db=str(db_path))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    decided = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("decided"):
                decided.append(int(line.split()[1]))
            if line.startswith("ready"):
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert len(decided) == 5
    log = reviews(db_path)
    assert [(r["quote_id"], r["decision"]) for r in log] == [
        (q, "accepted" if i % 2 == 0 else "rejected") for i, q in enumerate(decided)]


# ---------------------------------------------------------------------- edges and entry points

def test_empty_database_opens_and_keys_do_nothing(qtbot: Any, tmp_path: Path) -> None:
    Store.open(tmp_path / "empty.db").close()
    w = make_window(qtbot, tmp_path / "empty.db")
    try:
        assert w.model.rowCount() == 0 and w.panel.row is None
        assert "No quotes" in w.article_header.full_text()
        key(w, Qt.Key.Key_Return, CTRL)
        key(w, Qt.Key.Key_Z, CTRL)
        assert reviews(tmp_path / "empty.db") == []
    finally:
        close_window(w)


def test_nudge_keys_work_with_the_article_focused(window: MainWindow) -> None:
    start = window.panel.draft.start
    window.article.setFocus()
    QTest.keyClick(window.article, Qt.Key.Key_Left, ALT)  # shrink the start by a word
    assert window.panel.draft.start > start
    QTest.keyClick(window.article, Qt.Key.Key_Escape)
    assert window.panel.draft.start == start
    assert not window.store.db.conn.in_transaction  # the app never holds a read transaction open


def test_add_articles_runs_the_extractor_in_a_child_process(window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    pytest.importorskip("quotes.extract")
    article = tmp_path / "new.txt"
    article.write_text((SEEDS / "004_0c47c0a1c8d85d33.txt").read_text(encoding="utf-8") + "\n\nنسخة جديدة",
                       encoding="utf-8")
    before, selected = window.model.rowCount(), current_id(window)
    job = window.add_articles([str(article)])
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60_000) as done:
        pass
    assert done.args[0] == 0, job.last_line
    qtbot.waitUntil(lambda: window.model.rowCount() > before, timeout=3000)
    assert current_id(window) == selected


def test_cli_review_screenshot(db_path: Path, tmp_path: Path) -> None:
    png = tmp_path / "cli.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(PROJECT)}
    out = subprocess.run([sys.executable, "-m", "quotes.cli", "review", "--db", str(db_path), "--screenshot", str(png)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert QImage(str(png)).width() == 1440


def test_skipped_quotes_come_back_when_nothing_else_is_left(window: MainWindow) -> None:
    f = window.filters
    f.search.setText("هنية")
    f.apply()
    qid = current_id(window)
    key(window, Qt.Key.Key_Space, CTRL)  # skip the only quote of the queue
    assert current_id(window) == qid and "skipped" in window.message_label.text()


# ---------------------------------------------------------------------- issue 14: the app's first hour

def test_current_quote_deep_in_the_article_is_in_view_at_start_up(qtbot: Any, tmp_path: Path) -> None:
    # The lowest-confidence quote is the article's last: QTextEdit's first show used to scroll
    # back to the top, leaving the reviewer in front of the headline.
    doc = "003_8b956c0ecb70d5a7.txt"
    quotes = gold_quotes()[doc]
    last = max(quotes, key=lambda q: q.start)
    path = tmp_path / "deep.db"
    with Store.open(path) as s:
        s.save_extraction(seed_article(doc), [replace(q, confidence=0.01 if q is last else 0.9) for q in quotes], None)
    w = make_window(qtbot, path)
    try:
        w.resize(1440, 900)
        qtbot.wait(50)
        assert current_id(w) == w.model.ids[0] and w.panel.row["start"] == last.start
        assert w.article.verticalScrollBar().value() > 0
        assert w.article.span_visible((last.start, last.end))
        # A long headline is cut in the header, not a reason for a window wider than the screen.
        assert w.width() == 1440 and w.article_header.width() < 1440
        assert w.article_header.full_text().startswith("\u2068ايلاف من لندن")
        shown = w.article_header.text()
        assert ("…" in shown or "..." in shown) and len(shown) < len(w.article_header.full_text())
        assert w.article_header.toolTip() == w.article_header.full_text()
    finally:
        close_window(w)


def test_add_articles_into_an_empty_database_selects_the_first_quote(qtbot: Any, tmp_path: Path) -> None:
    pytest.importorskip("quotes.extract")
    path = tmp_path / "empty.db"
    Store.open(path).close()
    w = make_window(qtbot, path)
    try:
        assert "No quotes" in w.article_header.full_text()
        job = w.add_articles([str(SEEDS / "001_3aac6772f4977325.txt")])
        assert job is not None
        with qtbot.waitSignal(job.finished, timeout=60_000) as done:
            pass
        assert done.args[0] == 0, job.last_line
        qtbot.waitUntil(lambda: w.model.rowCount() > 0, timeout=3000)
        with Store.open(path, create=False) as s:
            expected = s.queue_ids(status="pending", order="confidence")
        assert list(w.model.ids) == expected
        assert w.table.currentIndex().row() == 0 and current_id(w) == expected[0]
        assert w.article_header.full_text().strip("\u2068\u2069") == "001_3aac6772f4977325.txt"
        assert w.article.highlighted_text("quote") == [w.panel.row["text"]]
    finally:
        close_window(w)


def test_snap_to_words_widens_only_edges_inside_a_word() -> None:
    from gui.textspan import snap_to_words

    text = 'وقال حسين إن "المجالات العسكرية والاقتصادية مفتوحةً أمامنا" في بيان.'
    s = text.index("المجالات")
    e = text.index("أمامنا") + len("أمامنا")
    assert snap_to_words(text, s + 3, e - 2) == (s, e)  # both edges mid-word: whole words
    assert snap_to_words(text, s - 1, e + 1) == (s - 1, e + 1)  # the quotation marks stay as selected
    assert snap_to_words(text, s - 2, e) == (s - 1, e)  # a space caught before the mark is trimmed
    m = text.index("مفتوحةً")
    assert snap_to_words(text, m, m + len("مفتوحة")) == (m, m + len("مفتوحةً"))  # the tanween belongs to the word


def test_add_a_missed_quote_from_a_sloppy_selection(window: MainWindow, db_path: Path) -> None:
    window.filters.search.setText("هنية")
    window.filters.apply()
    missed = "الحوار مع الوسطاء ما زال مفتوحاً"
    s = EMOJI_TEXT.index(missed)
    # The drag starts two letters into the first word and stops three short of the last one's end.
    window.article.select_span(s + 2, s + len(missed) - 3)
    key(window, Qt.Key.Key_Insert)
    assert window.article.selected_span() == (s, s + len(missed))  # the view shows what is taken
    dialog = window.add_dialog
    dialog.speaker.setText("إسماعيل هنية")
    dialog.accept()
    row = quote(db_path, current_id(window))
    assert (row["status"], row["text"], row["start"]) == ("added", missed, s)


def test_speakers_dialog_shows_long_names_whole_and_the_automatic_latin(window: MainWindow, qtbot: Any) -> None:
    from quotes.export import speaker_latin

    long_name = "المكتب الاعلامي لرئاسة الحكومة العراقية"  # 39 letters, from the gold speakers
    dialog = window.open_speakers()
    try:
        table = dialog.table
        row = next(r for r, s in enumerate(dialog.speakers) if s["name"] == long_name)
        table.scrollToItem(table.item(row, 0))
        expected = speaker_latin(long_name, None, dialog.speakers[row]["type"])
        assert expected  # a person: there is an automatic name to show
        qtbot.waitUntil(lambda: table.item(row, 1).text() == expected, timeout=10_000)
        assert "automatic" in table.item(row, 1).toolTip()
        metrics = table.fontMetrics()
        assert table.columnWidth(0) >= metrics.horizontalAdvance(long_name)  # not elided
        assert table.columnWidth(1) >= metrics.horizontalAdvance(expected)
        # A reviewer's own Latin name is shown as it is, and is not replaced by the automatic one.
        fuad = next(r for r, s in enumerate(dialog.speakers) if s["name"] == "فؤاد حسين")
        dialog.select_speaker(dialog.speakers[fuad]["id"])
        dialog.latin.setText("Fuad Hussein")
        dialog.save_button.click()
        fuad = next(r for r, s in enumerate(dialog.speakers) if s["name"] == "فؤاد حسين")
        qtbot.wait(200)
        assert table.item(fuad, 1).text() == "Fuad Hussein"
    finally:
        dialog.close()


def test_rate_and_time_left_wait_for_five_decisions(window: MainWindow) -> None:
    for _ in range(4):
        key(window, Qt.Key.Key_Return, CTRL)
    text = window.progress_label.text()
    assert "accepted 4" in text and "/hour" not in text and "left" not in text
    key(window, Qt.Key.Key_Return, CTRL)
    text = window.progress_label.text()
    # Five decisions within a few seconds count as five in the first five minutes: 60 an hour,
    # and the 92 quotes still pending take about an hour and a half.
    assert "accepted 5" in text and "60/hour" in text and "about 1.5 h left" in text, text


def _speakerless_first(tmp_path: Path) -> Path:
    """A database whose lowest-confidence quote has no speaker, followed by one that has."""
    art, q = haniyeh()
    path = tmp_path / "nospeaker.db"
    with Store.open(path) as s:
        s.save_extraction(art, [replace(q, speaker="", speaker_mention="", mention_start=None, mention_end=None,
                                        confidence=0.01)],
                          None)
        s.save_extraction(seed_article("001_3aac6772f4977325.txt"), gold_quotes()["001_3aac6772f4977325.txt"][:1],
                          None)
    return path


def test_accepting_a_quote_without_a_speaker_needs_a_second_press(qtbot: Any, tmp_path: Path) -> None:
    path = _speakerless_first(tmp_path)
    w = make_window(qtbot, path)
    try:
        first = current_id(w)
        assert w.panel.row["speaker"] is None
        key(w, Qt.Key.Key_Return, CTRL)
        assert reviews(path) == [] and current_id(w) == first  # asked, not accepted
        assert "no speaker" in w.message_label.text() and w.panel.speaker_edit.hasFocus()
        QTest.keyClick(w.panel.speaker_edit, Qt.Key.Key_Return, CTRL)  # the second press: accepted as it is
        assert [(r["quote_id"], r["decision"]) for r in reviews(path)] == [(first, "accepted")]
        assert quote(path, first)["speaker"] is None
        # The next quote has a speaker: one press is enough.
        second = current_id(w)
        assert second != first
        key(w, Qt.Key.Key_Return, CTRL)
        assert [r["decision"] for r in reviews(path)] == ["accepted", "accepted"]
    finally:
        close_window(w)


def test_typing_a_speaker_after_the_question_corrects_the_quote(qtbot: Any, tmp_path: Path) -> None:
    path = _speakerless_first(tmp_path)
    w = make_window(qtbot, path)
    try:
        first = current_id(w)
        key(w, Qt.Key.Key_Return, CTRL)
        # Looking at another quote and back forgets the question: one press asks again.
        w.select_row(1)
        w.select_row(0)
        key(w, Qt.Key.Key_Return, CTRL)
        assert reviews(path) == []
        type_text(w.panel.speaker_edit, "إسماعيل هنية")
        QTest.keyClick(w.panel.speaker_edit, Qt.Key.Key_Return, CTRL)
        row = quote(path, first)
        assert (row["status"], row["speaker"]) == ("corrected", "إسماعيل هنية")
    finally:
        close_window(w)


def test_evidence_shows_the_candidates_and_why_the_winner_won(qtbot: Any) -> None:
    """The candidates the extractor weighed reach the evidence box: the chosen speaker with its
    rule, each rival with where it came from, agreement and distance, and every score."""
    from gui.review_panel import EvidenceBox, candidates_text
    from quotes.extract import Extractor
    from quotes.records import Article

    text = ("وقال وزير الخارجية فؤاد حسين إن المباحثات مثمرة. والتقى الرئيس العراقي برهم صالح الوفد. "
            "وأضاف أن التعاون سيستمر.")
    quotes = Extractor().extract(Article(doc="x", text=text))
    evidence = quotes[-1].evidence
    shown = candidates_text(evidence)
    assert shown.startswith("✓ فؤاد حسين (previous_speaker_past_another_name, score 20)")
    assert "برهم صالح (named before, agrees, 1 sentence back, score 12)" in shown
    box = EvidenceBox()
    qtbot.addWidget(box)
    box.show_values({"candidates": shown})
    assert box.text("candidates") == shown
    assert candidates_text({}) == "—"
