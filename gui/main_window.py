"""The main window: queue on top; below it the article (right to left) and the review panel.

Writes go through ``History`` (one short store transaction per decision, the review log is
the undo history). Other programs' commits (a bulk extraction into the same file) are seen
by polling ``PRAGMA data_version``: new quotes are appended to the queue without moving the
selection, cached rows are reloaded, and the counts refresh.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from quotes.store import Store, StoreError

from .add_quote_dialog import AddQuoteDialog
from .app import arabic_font
from .article_view import ArticleView, Span, legend_widget
from .export_dialog import ExportDialog
from .filter_bar import FilterBar
from .history import AddQuote, BulkAccept, Decide, History
from .jobs import ExtractJob
from .queue_model import PAGE, DirectionDelegate, QueueModel
from .review_panel import Draft, ElidedLabel, ReviewPanel, bidi_label, set_bidi_text
from .reviewer import ask_name, save_name
from .speakers_dialog import SpeakersDialog
from .team_views import AdjudicationDialog, AgreementDialog, BulkAcceptDialog
from .textspan import isolate_join

POLL_MS = 1000
ARTICLE_POINT_SIZE = 15.0

WINDOW_KEYS = {
    "undo": ["Ctrl+Z", "Alt+Backspace"],
    "redo": ["Ctrl+Shift+Z", "Ctrl+Y", "Alt+Shift+Backspace"],
    "next": ["Alt+Down"],
    "previous": ["Alt+Up"],
    "next_pending": ["Ctrl+Down"],
    "search": ["Ctrl+F"],
    "export": ["Ctrl+Shift+E"],
    "speakers": ["Ctrl+Shift+S"],
}


def ask_choice(parent: QWidget, title: str, text: str, choices: list[str]) -> str:
    """A modal question; returns the chosen label (the last one when the box is closed)."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    buttons = [box.addButton(c, QMessageBox.ButtonRole.AcceptRole) for c in choices]
    box.exec()
    clicked = box.clickedButton()
    for label, button in zip(choices, buttons, strict=True):
        if clicked is button:
            return label
    return choices[-1]


class _FirstPaint(QObject):
    """Calls ``callback`` once, after ``widget`` is first painted."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False


class MainWindow(QMainWindow):
    def __init__(self, store: Store, *, reviewer: str, poll_ms: int = POLL_MS, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.reviewer = reviewer
        # Where the reviewer's name is remembered (gui.reviewer); tests pass their own file.
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle(f"quotes review — {Path(store.path).name} — {reviewer}")
        self.resize(1440, 900)
        # Replaceable in tests (a modal box would block an offscreen run).
        self.ask: Callable[[str, str, list[str]], str] = lambda t, x, c: ask_choice(self, t, x, c)
        self.history = History(store, reviewer, self)
        self.model = QueueModel(store, self)
        self._doc: dict[str, Any] | None = None
        self._others: dict[int, list[tuple[int, int, int]]] = {}  # document -> (start, end, id)
        self._drafts: dict[int, Draft] = {}
        self._skipped: set[int] = set()
        self._current_id: int | None = None
        self._unconfirmed: int | None = None  # the quote whose accepting without a speaker was asked about
        self._speakers_loaded = False
        self._closing = False
        self.job: ExtractJob | None = None
        self.adjudication_dialog: AdjudicationDialog | None = None
        self.agreement_dialog: AgreementDialog | None = None
        self.actions_by_name: dict[str, QAction] = {}

        self._build()
        self._connect()
        self.reload_queue(keep_current=False)
        self.refresh_progress()
        self._data_version = self._safe(self.store.data_version, 0)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()
        # The completer's speaker list is not needed for the first screen: load it just after
        # the first paint (a zero timer set now would run before it).
        self._first_paint = _FirstPaint(self.table.viewport(), self._after_first_paint)
        self.table.setFocus()
        if store.problems:  # what the checks on open found in a damaged file (also printed by run_app)
            self.show_message("  ".join(store.problems), warning=True, ms=60_000)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.filters = FilterBar(self.store)
        toolbar = QToolBar("Filters")
        toolbar.setObjectName("filters")
        toolbar.setMovable(False)
        toolbar.addWidget(self.filters)
        self.addToolBar(toolbar)

        self.table = QTableView()
        self.table.setObjectName("queue")
        self.table.setModel(self.model)
        self.table.setItemDelegate(DirectionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setFont(arabic_font(11))
        vh = self.table.verticalHeader()
        vh.hide()
        # Fixed row heights: the view never measures 100,000 rows.
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        hh = self.table.horizontalHeader()
        for col, width in enumerate((56, 84, 200, 100, 600, 190)):
            self.table.setColumnWidth(col, width)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        hh.setHighlightSections(False)

        self.article = ArticleView(font=arabic_font(ARTICLE_POINT_SIZE))
        self.article.setObjectName("article")
        self.article_header = ElidedLabel()  # a long title must not widen the window
        self.article_header.setObjectName("article_header")
        self.article_header.setStyleSheet("font-weight: bold; padding: 2px 4px;")
        self.article_header.setFont(arabic_font(12))
        self.legend = legend_widget()
        article_box = QWidget()
        column = QVBoxLayout(article_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.article_header)
        column.addWidget(self.legend)
        column.addWidget(self.article, 1)
        self.panel = ReviewPanel(self.article)
        self.panel.setObjectName("review_panel")
        column.addWidget(self.panel.evidence_box)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(430)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(article_box)
        lower.addWidget(scroll)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        lower.setSizes([980, 450])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([230, 620])
        self.setCentralWidget(self.splitter)

        # Status bar: QLabels, not showMessage(), which lays mixed Arabic/Latin text out LTR.
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(180)
        self.progress_bar.setTextVisible(True)
        self.message_label = bidi_label(wrap=False)
        self.message_label.setObjectName("message")
        self.statusBar().addWidget(self.progress_label)
        self.statusBar().addWidget(self.progress_bar)
        self.statusBar().addWidget(self.message_label, 1)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: set_bidi_text(self.message_label, ""))

        self.history_list = QListWidget()
        self.history_list.setObjectName("history")
        dock = QDockWidget("History (this session)", self)
        dock.setObjectName("history_dock")
        dock.setWidget(self.history_list)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        self.history_dock = dock

        self._menus()

    def _action(self, name: str, text: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        keys = WINDOW_KEYS.get(name, [])
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False: slot())
        action.setObjectName(name)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        file.addAction(self._action("add_articles", "Add articles…", self.add_articles))
        file.addAction(self._action("export", "Export citations…", self.open_export))
        file.addSeparator()
        quit_action = self._action("quit", "Quit", self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        file.addAction(quit_action)

        edit = bar.addMenu("&Edit")
        edit.addAction(self._action("undo", "Undo", self.undo))
        edit.addAction(self._action("redo", "Redo", self.redo))
        edit.addSeparator()
        edit.addAction(self._action("search", "Search", self._focus_search))

        review = bar.addMenu("&Review")
        for name in ("accept", "reject", "skip"):
            review.addAction(self.panel.actions_by_name[name])
        reasons = review.addMenu("Reject with reason")
        for i in range(1, 7):
            reasons.addAction(self.panel.actions_by_name[f"reject_{i}"])
        review.addSeparator()
        for name in ("edit_speaker", "speaker_from_selection", "span_from_selection", "cue_from_selection",
                     "cycle_kind", "reset", "add_quote"):
            review.addAction(self.panel.actions_by_name[name])
        nudges = review.addMenu("Nudge span")
        for edge in ("start", "end"):
            for what in ("grow_word", "grow_char", "shrink_char", "shrink_word"):
                nudges.addAction(self.panel.actions_by_name[f"{edge}_{what}"])
        review.addSeparator()
        review.addAction(self._action("next", "Next quote", lambda: self._step(1)))
        review.addAction(self._action("previous", "Previous quote", lambda: self._step(-1)))
        review.addAction(self._action("next_pending", "Next pending quote", self.go_next_pending))
        review.addSeparator()
        review.addAction(self._action("bulk_accept", "Accept pending quotes above a confidence…", self.open_bulk_accept))
        review.addSeparator()
        review.addAction(self._action("agreement", "Agreement between reviewers…", self.open_agreement))
        review.addAction(self._action("adjudicate", "Adjudicate disagreements…", self.open_adjudication))
        review.addAction(self._action("reviewer_name", "Reviewer name…", self.change_reviewer_name))

        speakers = bar.addMenu("&Speakers")
        speakers.addAction(self._action("speakers", "Speakers, Latin names and merging…", self.open_speakers))

        view = bar.addMenu("&View")
        view.addAction(self.history_dock.toggleViewAction())
        view.addAction(self._action("reload", "Reload queue", lambda: self.reload_queue()))
        self._update_undo_actions()

    def _connect(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.filters.changed.connect(self.reload_queue)
        self.panel.decision_requested.connect(self.decide)
        self.panel.add_requested.connect(self.add_quote)
        self.panel.draft_changed.connect(lambda: self._show_spans(recenter=False))
        self.panel.message.connect(self.show_message)
        self.panel.speaker_details_requested.connect(self.open_speakers)
        self.panel.speaker_committed.connect(self.table.setFocus)
        self.panel.speaker_edit.installEventFilter(self)
        self.panel.ensure_speakers = self._ensure_speakers
        self.history.changed.connect(self._after_write)
        self.history.failed.connect(lambda m: self.show_message(m, warning=True))
        self.history.pending_changed.connect(self._pending_changed)

    def _after_first_paint(self) -> None:
        QTimer.singleShot(0, self._ensure_speakers)

    # ------------------------------------------------------------------ helpers

    def _safe(self, fn: Callable[[], Any], default: Any) -> Any:
        """Run a read; a locked or vanished file shows a message instead of a traceback."""
        try:
            return fn()
        except (StoreError, sqlite3.Error) as exc:
            self.show_message(str(exc), warning=True)
            return default

    def show_message(self, text: str, *, warning: bool = False, ms: int = 8000) -> None:
        self.message_label.setStyleSheet("color: #b71c1c;" if warning else "")
        set_bidi_text(self.message_label, text)
        self._message_timer.start(ms)

    def load_speakers(self) -> None:
        speakers = self._safe(self.store.speakers, None)
        if speakers is not None:
            self.panel.set_speakers(speakers)
            self._speakers_loaded = True

    def _ensure_speakers(self) -> None:
        if not self._speakers_loaded:
            self.load_speakers()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.panel.speaker_edit and event.type() == QEvent.Type.FocusIn and not self._speakers_loaded:
            self.load_speakers()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ queue

    def reload_queue(self, keep_current: bool = True) -> None:
        """Re-run the filter query; keeps the current quote selected when it still matches."""
        self._save_draft()
        keep = self._current_id if keep_current else None
        ids = self._safe(lambda: self.store.queue_ids(**self.filters.filters()), [])
        self.model.set_ids(ids)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None:
            row = self._next_pending_row(-1)
        if row is None and self.model.rowCount():
            row = 0
        if row is None:
            self._current_id = None
            self.panel.set_quote(None)
            self.article.clear_article()
            self.article_header.set_full_text("No quotes match the filters")
        else:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if not index.isValid():
            return
        if self.table.currentIndex().row() == row:
            self._show_row(row)  # same row (after undo, a write): show it again
        else:
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _current_row_changed(self, current: QModelIndex | QPersistentModelIndex, _previous: Any) -> None:
        self._save_draft()
        self._unconfirmed = None  # the second press must be on the same quote, right after the first
        if current.isValid():
            self._show_row(current.row())

    def _save_draft(self) -> None:
        """Keep an unsaved correction when the reviewer looks at another quote."""
        if self._current_id is None:
            return
        if self.panel.row is not None and self.panel.row["id"] == self._current_id and self.panel.dirty:
            assert self.panel.draft is not None
            self._drafts[self._current_id] = self.panel.draft
        else:
            self._drafts.pop(self._current_id, None)

    def _show_row(self, row: int) -> None:
        data = self.model.row_at(row)
        self._current_id = data["id"]
        if data.get("status") == "deleted" or data.get("document_id") is None:
            self.panel.set_quote(data)
            self.article.show_spans({})
            return
        doc = self._document(data["document_id"])
        if doc is None:
            self.panel.set_quote(None)
            return
        self.article.set_article(doc["id"], doc["text"])
        parts = [doc.get("title") or "", (doc.get("doc") or "").rsplit("/", 1)[-1], doc.get("source") or "",
                 doc.get("date") or ""]
        self.article_header.set_full_text(isolate_join(parts))
        self.panel.set_quote(data, self._drafts.get(data["id"]))
        set_bidi_text(self.panel.decided_by, self._decided_by(data["id"]))
        self._show_spans(recenter=True)

    def _decided_by(self, quote_id: int) -> str:
        """Who decided the quote: each reviewer's decision in effect, and the adjudicator's."""
        found = self._safe(lambda: self.store.decisions_on(quote_id), None)
        if not found:
            return ""
        verdicts, settled = found
        words = {"accepted": "accepted", "rejected": "rejected", "corrected": "corrected", "added": "added"}
        # Names isolated (FSI … PDI): an Arabic name must not pull the colon and the Latin word
        # after it into its own right-to-left run.
        parts = [f"\u2068{v.reviewer}\u2069: {words.get(v.decision, v.decision)}" for v in verdicts]
        text = ("Decided by " + " · ".join(parts)) if parts else ""
        if settled is not None:
            text += (f" · adjudicated by \u2068{settled.reviewer}\u2069 "
                     f"({words.get(settled.decision, settled.decision)})")
        return text.lstrip(" ·")

    def _document(self, document_id: int) -> dict[str, Any] | None:
        if self._doc is None or self._doc["id"] != document_id:
            self._doc = self._safe(lambda: self.store.document(document_id), None)
        return self._doc

    def _other_quotes(self, document_id: int) -> list[tuple[int, int, int]]:
        """Spans of the document's other live quotes (faint grey: context, duplicates)."""
        if document_id not in self._others:
            ids = self._safe(lambda: self.store.queue_ids(document_id=document_id, order="document"), [])
            rows = self._safe(lambda: self.store.quote_rows(ids), [])
            self._others = {document_id: [(r["start"], r["end"], r["id"]) for r in rows
                                          if r["status"] != "rejected"]}
        return self._others[document_id]

    def _show_spans(self, recenter: bool) -> None:
        row, draft = self.panel.row, self.panel.draft
        if row is None or draft is None or row.get("document_id") is None:
            self.article.show_spans({})
            return
        spans = self.panel.spans()
        spans["other"] = [(s, e) for s, e, qid in self._other_quotes(row["document_id"]) if qid != row["id"]]
        self.article.show_spans(spans, focus=(draft.start, draft.end), recenter=recenter)

    def _step(self, delta: int) -> None:
        row = self.table.currentIndex().row() + delta
        if 0 <= row < self.model.rowCount():
            self.select_row(row)

    def _next_pending_row(self, after: int) -> int | None:
        """The next pending quote after ``after`` (wrapping), skipping this session's skips."""
        n = self.model.rowCount()
        if not n:
            return None
        near = min(n, after + 1 + 2 * PAGE)
        for r in range(after + 1, near):  # usually the very next row (the default queue is pending only)
            row = self.model.row_at(r)
            if row.get("status") == "pending" and row["id"] not in self._skipped:
                return r
        # Far away (or wrapped): ask the store once instead of paging through the queue.
        filters = dict(self.filters.filters(), status="pending")
        pending = set(self._safe(lambda: self.store.queue_ids(**filters), []))
        order = [*range(near, n), *range(0, min(after + 1, n))]
        if pending and pending <= self._skipped:
            # Only skipped quotes are left: come back to them, in queue order.
            self.show_message("Only quotes you skipped are left: back to the first of them")
            self._skipped.clear()
            order = list(range(n))
        pending -= self._skipped
        ids = self.model.ids
        for r in order:
            if ids[r] in pending:
                return r
        return None

    def go_next_pending(self) -> None:
        current = self.table.currentIndex().row()
        row = self._next_pending_row(current)
        if row is None:
            self.show_message("No pending quote left in this queue (change the filters to see more)")
            if current >= 0:
                self._show_row(current)
            return
        self.select_row(row)

    # ------------------------------------------------------------------ decisions

    def decide(self, decision: str, reason: str = "") -> None:
        row, draft = self.panel.row, self.panel.draft
        if row is None or draft is None:
            return
        quote_id = row["id"]
        if decision == "accepted" and not " ".join(draft.speaker.split()) and self._unconfirmed != quote_id:
            # A citation without a speaker is rarely what the reviewer means: ask for one, and
            # take a second press of the same key as "yes, without a speaker".
            self._unconfirmed = quote_id
            self.panel.focus_speaker()
            self.show_message("This quote has no speaker: type one (F2), or press Ctrl+Enter again to accept "
                              "it without a speaker", warning=True)
            return
        self._unconfirmed = None
        changes = self.panel.changes() if decision == "accepted" else {}
        if changes:
            decision = "corrected"
        command = Decide(quote_id, decision, reason or None, changes,
                         alias=draft.alias if "speaker" in changes else None)
        self._drafts.pop(quote_id, None)
        if decision == "skipped":
            self._skipped.add(quote_id)
        else:
            self._skipped.discard(quote_id)
        self.history.push(command)
        self.go_next_pending()

    def add_quote(self) -> None:
        span = self.article.selected_span(words=True)
        doc_id = self.article.document_id
        if span is None or doc_id is None:
            self.show_message("Select the missed quote's text in the article first (then Insert)")
            return
        self.article.select_span(*span)  # show what is taken: the selection widened to whole words
        self._ensure_speakers()
        dialog = AddQuoteDialog(self.article.text[span[0]:span[1]], self.panel.speaker_index.speakers, parent=self)
        dialog.setObjectName("add_quote_dialog")
        dialog.accepted.connect(lambda: self._add_quote_accepted(doc_id, span, dialog.values()))
        self.add_dialog = dialog  # a strong reference while it is open
        dialog.open()

    def _add_quote_accepted(self, doc_id: int, span: Span, values: dict[str, Any]) -> None:
        self._save_draft()
        quote_id = self.history.push(AddQuote(doc_id, span[0], span[1], kind=values["kind"],
                                              speaker=values["speaker"], cue=values["cue"]))
        if quote_id is not None:
            current = self.table.currentIndex().row()
            row = self.model.insert_id(quote_id, current + 1 if current >= 0 else 0)
            self._others.clear()
            self.select_row(row)
            self.show_message(f"Added quote {quote_id}")

    def undo(self) -> None:
        self._revert(redo=False)

    def redo(self) -> None:
        self._revert(redo=True)

    def _revert(self, *, redo: bool) -> None:
        self._save_draft()
        quote_id = self.history.redo() if redo else self.history.undo()
        if quote_id is None:
            self.show_message("Nothing to redo" if redo else "Nothing to undo")
            return
        self._drafts.pop(quote_id, None)
        self._skipped.discard(quote_id)
        self.model.invalidate()  # a bulk step reverts many quotes at once
        row = self.model.row_of(quote_id)
        if row is None:
            # Not in the current queue (filtered out, or decided before a restart): bring it in
            # where the reviewer is, so the undone quote is in front of them.
            current = self.table.currentIndex().row()
            row = self.model.insert_id(quote_id, max(current, 0))
        self.select_row(row)
        self.show_message(f"{'Redone' if redo else 'Undone'}: quote {quote_id}")

    def _after_write(self, quote_id: int) -> None:
        self.model.refresh_ids([quote_id])
        self._others.clear()
        self.refresh_progress()
        self._update_undo_actions()
        self._refresh_history_list()

    def _pending_changed(self, n: int) -> None:
        if n == 0:
            self.show_message("Queued decisions saved")
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        undo, redo = self.actions_by_name.get("undo"), self.actions_by_name.get("redo")
        if undo is None or redo is None:
            return
        can_undo = self._safe(self.history.can_undo, False)
        can_redo = self._safe(self.history.can_redo, False)
        undo.setEnabled(can_undo)
        redo.setEnabled(can_redo)
        undo.setText(self.history.undo_text() if can_undo else "Undo")
        redo.setText(self.history.redo_text() if can_redo else "Redo")

    def _refresh_history_list(self) -> None:
        self.history_list.clear()
        for step in reversed(self.history.steps):
            self.history_list.addItem(f"{'(undone) ' if step.undone else ''}{step.describe()}")

    def refresh_progress(self) -> None:
        p = self._safe(self.store.progress, None)
        if p is None:
            return
        by = p["by_status"]
        # The store gives a rate only after enough decisions (RATE_MIN_DECISIONS).
        rate = f" · {p['per_hour']:g}/hour" if p["per_hour"] else ""
        eta_h = p.get("eta_hours")
        eta = "" if eta_h is None else (f" · about {max(1, round(eta_h * 60))} min left" if eta_h < 1
                                        else f" · about {eta_h:.1f} h left")
        self.progress_label.setText(
            f"Reviewed {p['reviewed']} / {p['total']} · pending {by['pending']} · accepted {by['accepted']} · "
            f"corrected {by['corrected']} · rejected {by['rejected']} · added {by['added']}{rate}{eta}")
        self.progress_bar.setMaximum(max(1, p["total"]))
        self.progress_bar.setValue(p["reviewed"])
        self.progress = p

    # ------------------------------------------------------------------ team review

    def bulk_candidates(self, threshold: float) -> list[int]:
        """Pending quotes of the current filter with a confidence of at least ``threshold``."""
        filters = dict(self.filters.filters(), status="pending")
        filters["min_conf"] = max(threshold, filters.get("min_conf", 0.0))
        return self._safe(lambda: self.store.queue_ids(**filters), [])

    def open_bulk_accept(self) -> BulkAcceptDialog:
        dialog = BulkAcceptDialog(lambda t: len(self.bulk_candidates(t)), self)
        dialog.accepted.connect(lambda: self.bulk_accept(dialog.threshold.value()))
        self.bulk_dialog = dialog  # a strong reference while it is open
        dialog.open()
        return dialog

    def bulk_accept(self, threshold: float) -> int:
        """Accept the candidates after a confirmation naming how many; returns how many were."""
        self._save_draft()
        ids = self.bulk_candidates(threshold)
        if not ids:
            self.show_message("No pending quote of this filter reaches that confidence")
            return 0
        go = f"Accept {len(ids)}"
        choice = self.ask("Accept in bulk", f"Accept {len(ids)} pending quote{'s' if len(ids) != 1 else ''} of the "
                          f"current filter with confidence ≥ {threshold:.2f}? One undo takes them all back.",
                          [go, "Cancel"])
        if choice != go:
            return 0
        if self.history.push(BulkAccept(tuple(ids), threshold)) is None:
            return 0
        self.after_team_write()
        self.show_message(f"Accepted {len(ids)} quotes (Undo takes them all back)")
        self.go_next_pending()
        return len(ids)

    def after_team_write(self) -> None:
        """Many quotes changed at once (bulk, adjudication): reload what is shown."""
        self.model.invalidate()
        self._others.clear()
        row = self.table.currentIndex().row()
        if row >= 0:
            self._show_row(row)

    def open_agreement(self) -> AgreementDialog:
        dialog = AgreementDialog(self.store, self)
        self.agreement_dialog = dialog
        dialog.show()
        return dialog

    def open_adjudication(self) -> AdjudicationDialog:
        dialog = AdjudicationDialog(self.store, self)
        self.adjudication_dialog = dialog
        dialog.show()
        return dialog

    def change_reviewer_name(self, name: str | None = None) -> None:
        name = name if name is not None else ask_name(self, self.reviewer)
        if not name:
            return
        save_name(self.settings, name)
        self.reviewer = self.history.reviewer = name
        self.setWindowTitle(f"quotes review — {Path(self.store.path).name} — {name}")
        self.show_message(f"Decisions are now logged as {name}")

    # ------------------------------------------------------------------ other writers

    def poll(self) -> None:
        """See commits by other programs (``PRAGMA data_version`` changes only for those)."""
        version = self._safe(self.store.data_version, None)
        if version is None or version == self._data_version:
            return
        self._data_version = version
        self.external_change()

    def external_change(self) -> None:
        ids = self._safe(lambda: self.store.queue_ids(**self.filters.filters()), None)
        if ids is None:
            return
        added = self.model.append_ids(ids)
        self.model.invalidate()
        self._others.clear()
        self.filters.mark_stale()
        # Speakers are reloaded when the reviewer next edits one, not on every commit of a
        # running extraction (3,500 speakers with aliases take ~20 ms).
        self._speakers_loaded = False
        self.refresh_progress()
        self._update_undo_actions()
        if self._current_id is None and self.model.rowCount():
            # The queue was empty (a new database, File › Add articles): select its first
            # quote, as at start-up, rather than leave "No quotes match" over a full list.
            first = self._next_pending_row(-1)
            self.select_row(0 if first is None else first)
        # Show another writer's change to the quote on screen, unless the reviewer is editing it.
        row = self.table.currentIndex().row()
        if row >= 0 and not self.panel.dirty and self.panel.row is not None:
            fresh = self.model.row_at(row)
            if fresh.get("updated_at") != self.panel.row.get("updated_at") or fresh.get("status") != self.panel.row.get(
                    "status"):
                self._show_row(row)
        # A reviewer on the same file decided meanwhile: the team views read the log again.
        adjudication, agreement = self.adjudication_dialog, self.agreement_dialog
        if adjudication is not None and adjudication.isVisible():
            adjudication.reload(keep_index=max(0, adjudication.list.currentRow()))
        if agreement is not None and agreement.isVisible():
            agreement.reload()
        if added:
            self.show_message(f"{added} new quote{'s' if added != 1 else ''} from another program")

    # ------------------------------------------------------------------ dialogs

    def _focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def open_speakers(self, speaker_id: int | None = None) -> SpeakersDialog:
        if speaker_id is None and self.panel.row is not None:
            speaker_id = self.panel.row.get("speaker_id")
        dialog = SpeakersDialog(self.store, self, select_id=speaker_id)
        dialog.speakers_changed.connect(self._speakers_changed)
        self.speakers_dialog = dialog
        dialog.open()
        return dialog

    def _speakers_changed(self) -> None:
        self.load_speakers()
        self.filters.mark_stale()
        self.model.invalidate()
        row = self.table.currentIndex().row()
        if row >= 0:
            self._save_draft()
            self._show_row(row)

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self.store, self)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def add_articles(self, paths: list[str] | None = None) -> ExtractJob | None:
        if self.job is not None and self.job.running():
            self.show_message("An extraction is already running")
            return None
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self, "Add articles", str(Path(self.store.path).resolve().parent),
                "Articles (*.txt *.jsonl *.jsonl.gz *.html *.htm);;All files (*)",
                options=QFileDialog.Option.DontUseNativeDialog)
        if not paths:
            return None
        job = ExtractJob(self.store.path, list(paths), self)
        job.progress.connect(lambda line: self.show_message(f"Extracting: {line}"))
        job.finished.connect(self._job_finished)
        self.job = job
        job.start()
        self.show_message(f"Extracting {len(paths)} file(s) in the background…")
        return job

    def _job_finished(self, code: int, last: str) -> None:
        self.poll()
        self.show_message(f"Extraction finished: {last}" if code == 0 else f"Extraction failed ({code}): {last}",
                          warning=code != 0, ms=20000)

    # ------------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:
            event.accept()
            return
        self._save_draft()
        if self.history.pending and not self.history.flush():
            choice = self.ask("Unsaved decisions",
                              f"{len(self.history.pending)} decision(s) wait for the database, which another "
                              "program keeps locked.", ["Retry", "Quit anyway"])
            if choice == "Retry" and not self.history.flush():
                event.ignore()
                return
        if self._drafts:
            choice = self.ask("Unsaved corrections",
                              f"{len(self._drafts)} quote(s) have corrections not saved yet.",
                              ["Save them", "Discard", "Cancel"])
            if choice == "Cancel":
                event.ignore()
                return
            if choice == "Save them":
                self.save_drafts()
        self._closing = True
        self.shutdown()
        event.accept()

    def save_drafts(self) -> None:
        """Record every kept draft as a correction."""
        for quote_id, draft in list(self._drafts.items()):
            rows = self._safe(lambda q=quote_id: self.store.quote_rows([q]), [])
            if rows:
                changes = draft.changes(rows[0], self.panel.speaker_index)
                if changes:
                    self.history.push(Decide(quote_id, "corrected", None, changes,
                                             alias=draft.alias if "speaker" in changes else None))
            self._drafts.pop(quote_id, None)

    def shutdown(self) -> None:
        """Stop timers and background work; safe to call twice."""
        self.poll_timer.stop()
        self.history.flush()
        if self.job is not None and self.job.running():
            # The child commits article by article: stopping it loses nothing already stored.
            self.job.process.terminate()
            self.job.process.waitForFinished(3000)

