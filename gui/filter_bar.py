"""The queue filters: status, speaker, cue, document, confidence range, order, and search.

Search goes through ``Store.queue_ids(search=...)``, which folds the query the way quote texts
and speaker names are folded (اسماعيل finds إسماعيل). The speaker/cue/document lists are
filled when their popup first opens (and again after other programs wrote), so a 100,000-quote
database does not pay for three GROUP BY queries before the first screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from quotes.store import ORDERS, STATUSES, Store

from .queue_model import DirectionDelegate

ANY = None
STATUS_CHOICES = ("pending", "all", "reviewed", *[s for s in STATUSES if s != "pending"])
ORDER_LABELS = {"confidence": "lowest confidence first", "document": "by document", "id": "by id",
                "updated": "recently changed"}


def documents(store: Store) -> list[dict[str, Any]]:
    """Documents with their quote counts, for the document filter."""
    return store.documents()


class LazyCombo(QComboBox):
    """A combo whose items are (re)loaded just before its popup opens, keeping the choice."""

    def __init__(self, any_label: str, loader: Callable[[], list[tuple[str, Any]]], parent: QWidget | None = None):
        super().__init__(parent)
        self._any_label = any_label
        self._loader = loader
        self.stale = True
        self.addItem(any_label, ANY)
        self.setItemDelegate(DirectionDelegate(self))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)

    def showPopup(self) -> None:
        self.reload()
        super().showPopup()

    def reload(self, force: bool = False) -> None:
        if not (self.stale or force):
            return
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self._any_label, ANY)
        for label, value in self._loader():
            self.addItem(label, value)
        index = self.findData(current)
        self.setCurrentIndex(index if index >= 0 else 0)
        self.blockSignals(False)
        self.stale = False

    def set_value(self, value: Any, label: str | None = None) -> None:
        """Choose ``value`` without loading the whole list (adds it when missing)."""
        index = self.findData(value)
        if index < 0:
            self.addItem(label or str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(index)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(6)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search quotes and speakers — بحث (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)  # one query per pause in typing, not per key
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self.apply)

        self.status = QComboBox()
        self.status.setObjectName("status_filter")
        for s in STATUS_CHOICES:
            self.status.addItem(s, s)
        self.speaker = LazyCombo("any speaker", self._speakers)
        self.speaker.setObjectName("speaker_filter")
        self.cue = LazyCombo("any cue", self._cues)
        self.cue.setObjectName("cue_filter")
        self.document = LazyCombo("any document", self._documents)
        self.document.setObjectName("document_filter")
        self.min_conf = self._spin(0.0)
        self.min_conf.setObjectName("min_conf")
        self.max_conf = self._spin(1.0)
        self.max_conf.setObjectName("max_conf")
        self.order = QComboBox()
        self.order.setObjectName("order")
        for o in ORDERS:
            self.order.addItem(ORDER_LABELS.get(o, o), o)
        clear = QPushButton("Clear")
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(self.clear)

        layout.addWidget(self.search, 3)
        for label, widget in (("Status", self.status), ("Speaker", self.speaker), ("Cue", self.cue),
                              ("Doc", self.document)):
            layout.addWidget(QLabel(label))
            layout.addWidget(widget, 1)
        layout.addWidget(QLabel("Conf."))
        layout.addWidget(self.min_conf)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.max_conf)
        layout.addWidget(self.order)
        layout.addWidget(clear)

        for combo in (self.status, self.speaker, self.cue, self.document, self.order):
            combo.currentIndexChanged.connect(self.apply)
        for spin in (self.min_conf, self.max_conf):
            spin.valueChanged.connect(lambda _: self._debounce.start())

    @staticmethod
    def _spin(value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0.0, 1.0)
        spin.setSingleStep(0.05)
        spin.setDecimals(2)
        spin.setValue(value)
        spin.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return spin

    def apply(self) -> None:
        """Run the query now (Enter in the search box, a combo change), not after the pause."""
        self._debounce.stop()
        self.changed.emit()

    # ------------------------------------------------------------------ lists

    def _speakers(self) -> list[tuple[str, Any]]:
        return [(f"{s['name']}  ({s['quotes']})", s["id"]) for s in self.store.speakers() if s["quotes"]]

    def _cues(self) -> list[tuple[str, Any]]:
        return [(f"{cue}  ({n})", cue) for cue, n in self.store.cues()]

    def _documents(self) -> list[tuple[str, Any]]:
        out = []
        for d in documents(self.store):
            name = (d.get("doc") or "").rsplit("/", 1)[-1]
            title = " ".join((d.get("title") or "").split())[:60]
            out.append((f"{name} — {title}  ({d['quotes']})" if title else f"{name}  ({d['quotes']})", d["id"]))
        return out

    def mark_stale(self) -> None:
        for combo in (self.speaker, self.cue, self.document):
            combo.stale = True

    # ------------------------------------------------------------------ values

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for ``Store.queue_ids``."""
        out: dict[str, Any] = {"status": self.status.currentData(), "order": self.order.currentData()}
        if self.speaker.currentData() is not None:
            out["speaker_id"] = self.speaker.currentData()
        if self.cue.currentData() is not None:
            out["cue"] = self.cue.currentData()
        if self.document.currentData() is not None:
            out["document_id"] = self.document.currentData()
        # The full range means "no filter": quotes a reviewer added have no confidence at all.
        if self.min_conf.value() > 0.0:
            out["min_conf"] = self.min_conf.value()
        if self.max_conf.value() < 1.0:
            out["max_conf"] = self.max_conf.value()
        if self.search.text().strip():
            out["search"] = self.search.text()
        return out

    def clear(self) -> None:
        widgets = (self.search, self.status, self.speaker, self.cue, self.document, self.min_conf, self.max_conf,
                   self.order)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        for combo in (self.speaker, self.cue, self.document):
            combo.setCurrentIndex(0)
        self.min_conf.setValue(0.0)
        self.max_conf.setValue(1.0)
        self.order.setCurrentIndex(0)
        for w in widgets:
            w.blockSignals(False)
        self.apply()
