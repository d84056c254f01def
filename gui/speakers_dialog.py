"""Speakers: the Latin name and role used in citations, the type, renaming, and merging two
speakers (the dropped one's quotes and aliases move over; its name becomes an alias).

Merging is not in the review log, so it cannot be undone: it asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quotes.export import speaker_latin
from quotes.normalize import fold
from quotes.records import SPEAKER_TYPES
from quotes.store import Store, StoreError

from .queue_model import DirectionDelegate
from .review_panel import bidi_label, set_bidi_text
from .speakers import SpeakerCompleter, SpeakerIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
AUTO_ROLE = Qt.ItemDataRole.UserRole + 2  # a Latin cell still waiting for its automatic name


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class SpeakersDialog(QDialog):
    speakers_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None, *, select_id: int | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Speakers")
        self.resize(1280, 680)
        # Replaceable in tests: a modal question would block an offscreen test run.
        self.confirm: Callable[[str, str], bool] = lambda title, text: ask_yes_no(self, title, text)
        self.speakers: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None

        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("speaker_search")
        self.filter.setPlaceholderText("Filter speakers — بحث")
        self.filter.textChanged.connect(self._apply_filter)
        left.addWidget(self.filter)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["Name", "Latin (citation)", "Role", "Type", "Quotes"])
        self.table.setItemDelegate(DirectionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Names whole (an organisation's name runs to 40 letters); the Latin column takes the rest.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 110)
        self.table.setColumnWidth(3, 90)
        self.table.setColumnWidth(4, 60)
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        left.addWidget(self.table)
        outer.addLayout(left, 2)

        right = QVBoxLayout()
        box = QGroupBox("Citation details")
        form = QFormLayout(box)
        self.name = QLineEdit()
        self.name.setObjectName("speaker_name")
        self.name.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        form.addRow("Name:", self.name)
        self.latin = QLineEdit()
        self.latin.setObjectName("speaker_latin_edit")
        self.latin.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow("Latin:", self.latin)
        self.role = QLineEdit()
        self.role.setObjectName("speaker_role_edit")
        form.addRow("Role:", self.role)
        self.type = QComboBox()
        for t in SPEAKER_TYPES:
            self.type.addItem(t, t)
        form.addRow("Type:", self.type)
        self.aliases = bidi_label()
        form.addRow("Aliases:", self.aliases)
        self.save_button = QPushButton("Save details")
        self.save_button.setObjectName("save_speaker")
        self.save_button.clicked.connect(self.save)
        form.addRow(self.save_button)
        right.addWidget(box)

        box = QGroupBox("Merge")
        form = QFormLayout(box)
        form.addRow(QLabel("Merge the selected speaker into another one\n(its quotes and aliases move over):"))
        self.merge_target = QLineEdit()
        self.merge_target.setObjectName("merge_target")
        self.merge_target.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.merge_target.setPlaceholderText("speaker to keep")
        self.merge_completer = SpeakerCompleter(self.merge_target)
        self.merge_target.setCompleter(self.merge_completer)
        form.addRow("Keep:", self.merge_target)
        self.merge_button = QPushButton("Merge into it")
        self.merge_button.setObjectName("merge")
        self.merge_button.clicked.connect(self.merge)
        form.addRow(self.merge_button)
        right.addWidget(box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        right.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        right.addWidget(close)
        outer.addLayout(right, 1)

        # The automatic Latin names cost ~50 ms each (morphological analysis): they are filled in
        # for the rows in view, one per event-loop turn, so the dialog opens at once and stays live.
        self._latin_cache: dict[tuple[str, str], str] = {}
        self._latin_timer = QTimer(self)
        self._latin_timer.setInterval(0)
        self._latin_timer.timeout.connect(self._fill_one_latin)
        self.table.verticalScrollBar().valueChanged.connect(lambda _: self._latin_timer.start())

        self.reload()
        if select_id is not None:
            self.select_speaker(select_id)
        elif self.table.rowCount():
            self.table.selectRow(0)

    # ------------------------------------------------------------------ list

    def reload(self) -> None:
        keep = self.current["id"] if self.current else None
        self.speakers = self.store.speakers()
        self.merge_completer.set_speakers(self.speakers)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.speakers))
        for r, s in enumerate(self.speakers):
            # The reviewer's Latin names now; automatic ones as rows come into view (_fill_one_latin).
            cells = [s["name"], s["latin"] or "", s["role"] or "", s["type"], str(s["quotes"])]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, s["id"])
                item.setToolTip(value)
                if c == 1 and not s["latin"]:
                    item.setData(AUTO_ROLE, True)
                self.table.setItem(r, c, item)
        self._apply_filter()
        self._latin_timer.start()
        if keep is not None:
            self.select_speaker(keep)

    def _fill_one_latin(self) -> None:
        """Compute the automatic Latin name of one row in view that has none yet; stop when all
        rows in view have theirs."""
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        last = self.table.rowAt(viewport.height() - 1)
        if first < 0:
            self._latin_timer.stop()
            return
        last = self.table.rowCount() - 1 if last < 0 else last
        for r in range(first, last + 1):
            item = self.table.item(r, 1)
            if self.table.isRowHidden(r) or item is None or not item.data(AUTO_ROLE):
                continue
            s = self.speakers[r]
            key = (s["name"], s["type"])
            if key not in self._latin_cache:
                self._latin_cache[key] = speaker_latin(s["name"], None, s["type"])
            latin = self._latin_cache[key]
            item.setData(AUTO_ROLE, False)
            item.setText(latin)
            item.setForeground(QColor("#757575"))
            item.setToolTip(f"{latin} (automatic; set one in Latin: to use your own)" if latin
                            else "no automatic Latin name for this type: set one in Latin:")
            return
        self._latin_timer.stop()

    def _apply_filter(self) -> None:
        key = fold(self.filter.text().strip())
        for r, s in enumerate(self.speakers):
            hay = [s["name_norm"], fold(s["latin"] or ""), *(fold(a["alias"]) for a in s["aliases"])]
            self.table.setRowHidden(r, bool(key) and not any(key in h.lower() for h in hay))
        self._latin_timer.start()

    def select_speaker(self, speaker_id: int) -> bool:
        for r, s in enumerate(self.speakers):
            if s["id"] == speaker_id:
                self.table.selectRow(r)
                self.table.setCurrentCell(r, 0)
                self._show(r)
                return True
        return False

    def _show(self, row: int) -> None:
        if not (0 <= row < len(self.speakers)):
            self.current = None
            return
        s = self.current = self.speakers[row]
        self.name.setText(s["name"])
        self.latin.setText(s["latin"] or "")
        self.latin.setPlaceholderText(speaker_latin(s["name"], None, s["type"]) or "no automatic Latin name")
        self.role.setText(s["role"] or "")
        self.role.setLayoutDirection(Qt.LayoutDirection.RightToLeft if s["role"] and not s["role"].isascii()
                                     else Qt.LayoutDirection.LeftToRight)
        self.type.setCurrentIndex(max(0, self.type.findData(s["type"])))
        set_bidi_text(self.aliases, "، ".join(a["alias"] for a in s["aliases"]) or "—")

    # ------------------------------------------------------------------ edits

    def save(self) -> None:
        s = self.current
        if s is None:
            return
        try:
            new_name = " ".join(self.name.text().split())
            if new_name and new_name != s["name"]:
                self.store.rename_speaker(s["id"], new_name)
            self.store.set_speaker_details(s["id"], latin=self.latin.text(), role=self.role.text(),
                                           type=str(self.type.currentData()))
        except (StoreError, KeyError, ValueError) as exc:
            self.status.setText(f"Not saved: {exc}")
            return
        self.status.setText(f"Saved {new_name or s['name']}")
        self.reload()
        self.speakers_changed.emit()

    def merge(self) -> None:
        drop = self.current
        target = " ".join(self.merge_target.text().split())
        if drop is None or not target:
            self.status.setText("Choose the speaker to merge, and the one to keep")
            return
        index = SpeakerIndex(self.speakers)
        keep = index.find(index.resolve(target))
        if keep is None:
            self.status.setText(f"No speaker called {target}")
            return
        if keep["id"] == drop["id"]:
            self.status.setText("Choose two different speakers")
            return
        if not self.confirm("Merge speakers",
                            f"Merge {drop['name']} ({drop['quotes']} quotes) into {keep['name']}?\n"
                            "This cannot be undone."):
            return
        try:
            self.store.merge_speakers(keep["id"], drop["id"])
        except (StoreError, KeyError, ValueError) as exc:
            self.status.setText(f"Not merged: {exc}")
            return
        self.current = keep
        self.merge_target.clear()
        self.status.setText(f"Merged {drop['name']} into {keep['name']}")
        self.reload()
        self.select_speaker(keep["id"])
        self.speakers_changed.emit()
