"""Reviewing as a team: the agreement figures, the adjudication view and bulk acceptance.

The adjudication view shows one disagreement at a time: the article with each reviewer's
span in that reviewer's colour (where spans overlap, the overlap colour: Arabic letters stay
joined because the colours are ExtraSelections, see article_view), the reviewers' decisions
side by side, and buttons to take one of them or to decide anew. Every adjudication goes
through the window's ``History``: it is a decision in the log, undone by Undo like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quotes.agreement import PairAgreement, Verdict
from quotes.records import KINDS
from quotes.store import Disagreement, Store

from .app import arabic_font
from .article_view import ArticleView, Span
from .history import Adjudicate
from .review_panel import bidi_label, set_bidi_text
from .textspan import isolate_join

if TYPE_CHECKING:
    from .main_window import MainWindow

# One colour per reviewer, in name order (light, so black text stays readable, and apart in
# hue and lightness); spans of several reviewers overlapping get the last one.
REVIEWER_COLOURS = ("#a9d2ff", "#ffc3a0", "#bfe8ad", "#e1c8f7", "#f7e09a")
OVERLAP_COLOUR = "#c9c9c9"
_KIND_NAMES = {"accept": "accept/reject", "speaker": "speaker", "span": "span", "kind": "kind"}


def reviewer_segments(spans: list[Span]) -> list[tuple[Span, frozenset[int]]]:
    """The text cut where any span starts or ends: each piece with the reviewers (indices into
    ``spans``) whose span covers it. Pieces no span covers are left out."""
    cuts = sorted({p for s in spans for p in s})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        who = frozenset(i for i, (s, e) in enumerate(spans) if s <= a and b <= e)
        if who:
            out.append(((a, b), who))
    return out


def colour_of(index: int) -> str:
    return REVIEWER_COLOURS[index % len(REVIEWER_COLOURS)]


def _chip(text: str, colour: str, name: str) -> QLabel:
    chip = QLabel(text)
    chip.setObjectName(name)
    chip.setFont(arabic_font(11))
    chip.setStyleSheet(f"background: {colour}; padding: 2px 8px; border-radius: 3px;")
    return chip


def _discard(widget: QWidget) -> None:
    """Remove a widget now: deleteLater alone leaves it painted until the event loop runs
    (which a screenshot or a test may never give it)."""
    widget.hide()
    widget.deleteLater()


def _ltr(text: str) -> str:
    """Keep numbers like 701–806 in order inside right-to-left text (LRI … PDI)."""
    return f"\u2066{text}\u2069"


def _rtl(text: str) -> str:
    """An Arabic name inside Latin text, kept whole (RLI … PDI)."""
    return f"\u2067{text}\u2069"


def _excerpt(text: str, words: int = 8) -> str:
    """A long quote's first and last words: the article shows it whole, in colour."""
    parts = text.split()
    if len(parts) <= 2 * words + 2:
        return " ".join(parts)
    return " ".join(parts[:words]) + " … " + " ".join(parts[-words:])


def _percent(x: float | None) -> str:
    return "—" if x is None else f"{x:.0%}"


class AgreementDialog(QDialog):
    """``quotes agreement`` in the app: one row per reviewer pair, then per document."""

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("agreement_dialog")
        self.setWindowTitle("Agreement between reviewers")
        self.resize(1100, 480)
        self.store = store
        self.window_ = window
        layout = QVBoxLayout(self)
        self.summary = bidi_label()
        self.summary.setObjectName("agreement_summary")
        layout.addWidget(self.summary)
        self.table = QTableWidget()
        self.table.setObjectName("agreement_table")
        headers = ["Reviewers", "Document", "Quotes", "Kappa (accept/reject)", "Same decision", "Same speaker",
                   "Same span", "≠ accept", "≠ speaker", "≠ span", "≠ kind"]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setFont(arabic_font(10))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.adjudicate_button = QPushButton("Adjudicate disagreements…")
        self.adjudicate_button.setObjectName("open_adjudication")
        self.adjudicate_button.clicked.connect(lambda: (self.accept(), window.open_adjudication()))
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.adjudicate_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.results: list[PairAgreement] = []
        self.reload()

    def reload(self) -> None:
        self.results = self.window_._safe(self.store.agreement, [])
        waiting = len(self.window_._safe(self.store.disagreements, []))
        self.table.setRowCount(len(self.results))
        for row, r in enumerate(self.results):
            kappa = "undefined" if r.kappa is None and r.quotes else ("—" if r.kappa is None else f"{r.kappa:.3f}")
            cells = [isolate_join(list(r.reviewers), " × ") if r.document is None else "",
                     "all documents" if r.document is None else r.document.rsplit("/", 1)[-1],
                     str(r.quotes), kappa, _percent(r.observed), _percent(r.speaker_agreement),
                     _percent(r.span_agreement), *(str(n) for n in r.disagreements.values())]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if r.document is None:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if not self.results:
            set_bidi_text(self.summary, "No quote was decided by two reviewers yet: merge the reviewers' files "
                                        "(quotes merge A.db B.db -o TEAM.db) or review the same file together.")
        else:
            set_bidi_text(self.summary, f"Kappa is Cohen's, on accept/reject over the quotes both decided; speaker "
                                        f"and span over those both accepted. {waiting} disagreements wait for "
                                        "adjudication.")
        self.adjudicate_button.setEnabled(waiting > 0)


class AdjudicationDialog(QDialog):
    """The queue of disagreements, one at a time; see the module docstring."""

    def __init__(self, store: Store, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("adjudication_dialog")
        self.setWindowTitle(f"Adjudication — {window.reviewer}")
        self.resize(1440, 900)
        self.store = store
        self.window_ = window
        self.queue: list[Disagreement] = []
        self.current: Disagreement | None = None
        self.row: dict[str, Any] | None = None
        self.own_span: Span | None = None
        self._build()
        self.reload()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.position = QLabel()
        self.position.setObjectName("adjudication_position")
        self.previous_button = QPushButton("◀ Previous")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton("Next ▶")
        self.next_button.clicked.connect(lambda: self.step(1))
        self.undo_button = QPushButton("Undo last decision")
        self.undo_button.setObjectName("adjudication_undo")
        self.undo_button.clicked.connect(self.undo)
        top.addWidget(self.position)
        top.addStretch(1)
        for w in (self.undo_button, self.previous_button, self.next_button):
            top.addWidget(w)
        layout.addLayout(top)

        self.list = QListWidget()
        self.list.setObjectName("disagreements")
        self.list.setFont(arabic_font(11))
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.list.currentRowChanged.connect(self._show_index)

        self.header = bidi_label(wrap=False)
        self.header.setObjectName("adjudication_header")
        self.header.setStyleSheet("font-weight: bold; padding: 2px 4px;")
        self.header.setFont(arabic_font(12))
        self.legend = QWidget()
        self.legend.setObjectName("adjudication_legend")
        self.legend_layout = QHBoxLayout(self.legend)
        self.legend_layout.setContentsMargins(4, 0, 4, 0)
        self.legend_layout.setSpacing(10)
        self.article = ArticleView(font=arabic_font(15))
        self.article.setObjectName("adjudication_article")
        article_box = QWidget()
        column = QVBoxLayout(article_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.header)
        column.addWidget(self.legend)
        column.addWidget(self.article, 1)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(article_box)
        upper.addWidget(self.list)
        upper.setStretchFactor(0, 4)
        upper.setStretchFactor(1, 1)
        upper.setSizes([1100, 300])

        self.table = QTableWidget()
        self.table.setObjectName("decisions_side_by_side")
        self.table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.table.setFont(arabic_font(12))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rows = ("Decision", "Speaker", "Quote", "Span", "Kind", "Reason", "Decided at")
        self.table.setRowCount(len(self.rows))
        self.table.setVerticalHeaderLabels(list(self.rows))
        self.take_box = QHBoxLayout()
        # Right to left, like the table's columns: each button under its reviewer's column.
        self.take_box.setDirection(QHBoxLayout.Direction.RightToLeft)
        self.take_buttons: list[QPushButton] = []

        own = QGroupBox("Or decide yourself")
        grid = QGridLayout(own)
        self.own_decision = QComboBox()
        self.own_decision.setObjectName("own_decision")
        self.own_decision.addItem("Accept", "accepted")
        self.own_decision.addItem("Reject", "rejected")
        self.own_speaker = QLineEdit()
        self.own_speaker.setObjectName("own_speaker")
        self.own_speaker.setFont(arabic_font(12))
        self.own_speaker.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.own_kind = QComboBox()
        self.own_kind.setObjectName("own_kind")
        for kind in KINDS:
            self.own_kind.addItem(kind, kind)
        self.own_reason = QLineEdit()
        self.own_reason.setObjectName("own_reason")
        self.own_reason.setPlaceholderText("reason (for a rejection)")
        self.own_span_label = QLabel()
        span_button = QPushButton("Span from article selection")
        span_button.setObjectName("own_span_from_selection")
        span_button.clicked.connect(self.span_from_selection)
        self.save_button = QPushButton("Save my decision")
        self.save_button.setObjectName("save_own")
        self.save_button.clicked.connect(self.save_own)
        form = QFormLayout()
        form.addRow("Decision", self.own_decision)
        form.addRow("Speaker", self.own_speaker)
        form.addRow("Kind", self.own_kind)
        form.addRow("Reason", self.own_reason)
        grid.addLayout(form, 0, 0, 1, 2)
        grid.addWidget(self.own_span_label, 1, 0)
        grid.addWidget(span_button, 1, 1)
        grid.addWidget(self.save_button, 2, 1)

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        decisions = QVBoxLayout()
        decisions.addWidget(self.table, 1)
        decisions.addLayout(self.take_box)
        lower_layout.addLayout(decisions, 3)
        lower_layout.addWidget(own, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([440, 420])
        layout.addWidget(splitter, 1)
        self.message = bidi_label(wrap=False)
        self.message.setObjectName("adjudication_message")
        layout.addWidget(self.message)

    # ------------------------------------------------------------------ queue

    def reload(self, keep_index: int | None = None) -> None:
        """Read the queue again (after an adjudication or an undo) and show the same place."""
        self.queue = self.window_._safe(self.store.disagreements, [])
        self.list.blockSignals(True)
        self.list.clear()
        for d in self.queue:
            kinds = ", ".join(_KIND_NAMES[k] for k in d.kinds)
            names = " / ".join(v.reviewer for v in d.verdicts)
            item = QListWidgetItem(isolate_join([f"#{d.quote_id}", kinds, names], " · "))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if not self.queue:
            self.current = None
            self.row = None
            self.position.setText("No disagreement left to adjudicate")
            self.article.clear_article()
            set_bidi_text(self.header, "")
            self.table.setColumnCount(0)
            self._set_take_buttons([])
            self.save_button.setEnabled(False)
            return
        index = min(keep_index if keep_index is not None else 0, len(self.queue) - 1)
        self.list.blockSignals(True)
        self.list.setCurrentRow(index)
        self.list.blockSignals(False)
        self._show_index(index)

    def step(self, delta: int) -> None:
        row = self.list.currentRow() + delta
        if 0 <= row < len(self.queue):
            self.list.setCurrentRow(row)

    def _show_index(self, index: int) -> None:
        if not 0 <= index < len(self.queue):
            return
        d = self.queue[index]
        self.current = d
        self.position.setText(f"Disagreement {index + 1} of {len(self.queue)} · quote {d.quote_id}")
        rows = self.window_._safe(lambda: self.store.quote_rows([d.quote_id]), [])
        self.row = rows[0] if rows else None
        doc = self.window_._safe(lambda: self.store.document(d.document_id), None)
        if doc is None or self.row is None:
            return
        self.article.set_article(doc["id"], doc["text"])
        set_bidi_text(self.header, isolate_join([doc.get("title") or "", (doc.get("doc") or "").rsplit("/", 1)[-1]]))
        spans = [(v.start, v.end) if v.accepted else (0, 0) for v in d.verdicts]
        segments = []
        for span, who in reviewer_segments([s for s in spans]):
            colour = colour_of(next(iter(who))) if len(who) == 1 else OVERLAP_COLOUR
            segments.append((span, colour))
        live = [s for s in spans if s[0] < s[1]]
        focus = (min(s[0] for s in live), max(s[1] for s in live)) if live else (self.row["start"], self.row["end"])
        self.article.show_colours(segments, focus=focus)
        self._fill_legend(d.verdicts)
        self._fill_table(d, doc["text"])
        self._set_take_buttons(list(d.verdicts))
        first = next((v for v in d.verdicts if v.accepted), d.verdicts[0])
        self.own_decision.setCurrentIndex(0 if first.accepted else 1)
        self.own_speaker.setText(first.speaker)
        self.own_kind.setCurrentIndex(max(0, self.own_kind.findData(first.kind)))
        self.own_reason.clear()
        self.own_span = (first.start, first.end)
        self.own_span_label.setText(f"Span {first.start}–{first.end}")
        self.save_button.setEnabled(True)

    def _fill_legend(self, verdicts: tuple[Verdict, ...]) -> None:
        while self.legend_layout.count():
            item = self.legend_layout.takeAt(0)
            if item.widget() is not None:
                _discard(item.widget())
        self.legend_layout.addWidget(QLabel("Spans:"))
        for i, v in enumerate(verdicts):
            text = f"{v.reviewer}" if v.accepted else f"{v.reviewer} (rejected: no span)"
            self.legend_layout.addWidget(_chip(text, colour_of(i), f"legend_reviewer_{i}"))
        self.legend_layout.addWidget(_chip("overlap", OVERLAP_COLOUR, "legend_overlap"))
        self.legend_layout.addStretch(1)

    def _fill_table(self, d: Disagreement, text: str) -> None:
        self.table.clear()
        self.table.setColumnCount(len(d.verdicts))
        self.table.setHorizontalHeaderLabels([v.reviewer for v in d.verdicts])
        for i in range(len(d.verdicts)):
            header = self.table.horizontalHeaderItem(i)
            header.setBackground(QColor(colour_of(i)))
        marks = {"Decision": "accept", "Speaker": "speaker", "Span": "span", "Quote": "span", "Kind": "kind"}
        labels = [f"{name} ≠" if marks.get(name) in d.kinds else name for name in self.rows]
        self.table.setVerticalHeaderLabels(labels)
        for col, v in enumerate(d.verdicts):
            quote = text[v.start:v.end] if v.accepted else ""
            values = [v.decision or ("accepted" if v.accepted else "rejected"),
                      v.speaker if v.accepted else "", _excerpt(quote),
                      _ltr(f"{v.start}–{v.end}") if v.accepted else "", v.kind if v.accepted else "", v.reason,
                      _ltr(v.at.replace("T", " ")[:19])]
            for row, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                      | Qt.AlignmentFlag.AlignVCenter)
                if row == 0:
                    item.setBackground(QColor(colour_of(col)))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        # Tall enough for every row: nothing of a decision may be hidden below a scroll bar.
        height = self.table.horizontalHeader().height() + sum(self.table.rowHeight(r) for r in range(len(self.rows)))
        self.table.setMinimumHeight(height + 2 * self.table.frameWidth() + 2)

    def _set_take_buttons(self, verdicts: list[Verdict]) -> None:
        for b in self.take_buttons:
            self.take_box.removeWidget(b)
            _discard(b)
        self.take_buttons = []
        for i, v in enumerate(verdicts):
            verb = "accept" if v.accepted else "reject"
            button = QPushButton(f"Take the decision of {_rtl(v.reviewer)} ({verb})")
            button.setObjectName(f"take_{i}")
            button.setFont(arabic_font(11))
            button.setStyleSheet(f"QPushButton {{ background: {colour_of(i)}; padding: 4px 10px; }}")
            button.clicked.connect(lambda _=False, verdict=v: self.take(verdict))
            self.take_box.addWidget(button)
            self.take_buttons.append(button)

    # ------------------------------------------------------------------ deciding

    def take(self, verdict: Verdict) -> None:
        if self.current is None:
            return
        self._push(Adjudicate(self.current.quote_id, take=verdict.review_id, taken_from=verdict.reviewer))

    def span_from_selection(self) -> None:
        span = self.article.selected_span(words=True)
        if span is None:
            set_bidi_text(self.message, "Select the quote's text in the article first")
            return
        self.own_span = span
        self.own_span_label.setText(f"Span {span[0]}–{span[1]}")

    def save_own(self) -> None:
        if self.current is None or self.row is None:
            return
        decision = self.own_decision.currentData()
        if decision == "rejected":
            self._push(Adjudicate(self.current.quote_id, decision="rejected",
                                  reason=self.own_reason.text().strip() or None))
            return
        wanted: dict[str, Any] = {"speaker": " ".join(self.own_speaker.text().split()),
                                  "kind": self.own_kind.currentData()}
        if self.own_span is not None:
            wanted.update({"start": self.own_span[0], "end": self.own_span[1]})
        current = {"speaker": self.row.get("speaker") or "", "kind": self.row["kind"], "start": self.row["start"],
                   "end": self.row["end"]}
        changes = {k: v for k, v in wanted.items() if v != current[k]}
        self._push(Adjudicate(self.current.quote_id, decision="corrected" if changes else "accepted",
                              changes=changes))

    def _push(self, command: Adjudicate) -> None:
        index = self.list.currentRow()
        if self.window_.history.push(command) is None:
            set_bidi_text(self.message, "Not saved (see the main window's status line)")
            return
        set_bidi_text(self.message, f"Saved: {command.describe()} · Undo takes it back")
        self.window_.after_team_write()
        self.reload(keep_index=index)

    def undo(self) -> None:
        self.window_.undo()
        self.reload(keep_index=max(0, self.list.currentRow()))


class BulkAcceptDialog(QDialog):
    """The threshold for accepting the current filter's pending quotes, with a live count."""

    def __init__(self, count: Callable[[float], int], parent: QWidget | None = None, threshold: float = 0.8) -> None:
        super().__init__(parent)
        self.setObjectName("bulk_accept_dialog")
        self.setWindowTitle("Accept pending quotes above a confidence")
        self._count = count
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Accept every pending quote of the current filter whose confidence is at least:"))
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("bulk_threshold")
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(threshold)
        layout.addWidget(self.threshold)
        self.count_label = QLabel()
        self.count_label.setObjectName("bulk_count")
        layout.addWidget(self.count_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.threshold.valueChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        n = self._count(self.threshold.value())
        self.count_label.setText(f"{n} pending quote{'s' if n != 1 else ''} would be accepted "
                                 "(one undo takes them all back)")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"Accept {n}…")
        ok.setEnabled(n > 0)
