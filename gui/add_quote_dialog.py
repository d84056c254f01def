"""Add a quote the extractor missed: the span is the article selection; speaker, kind and cue
are asked here. Saved with ``Store.add_quote`` (status 'added', logged, undoable)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from quotes.records import KINDS

from .review_panel import bidi_label
from .speakers import SpeakerCompleter, SpeakerIndex

_OPENING_MARKS = "\"“«'‘„"


class AddQuoteDialog(QDialog):
    def __init__(self, text: str, speakers: list[dict[str, Any]], *, speaker: str = "", cue: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a missed quote")
        self.setMinimumWidth(520)
        self.index = SpeakerIndex(speakers)
        form = QFormLayout(self)
        shown = text if len(text) <= 400 else text[:400] + "…"
        self.quote_label = bidi_label(shown)
        form.addRow("Quote:", self.quote_label)
        self.speaker = QLineEdit(speaker)
        self.speaker.setObjectName("add_speaker")
        self.speaker.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        completer = SpeakerCompleter(self.speaker)
        completer.set_speakers(speakers)
        self.speaker.setCompleter(completer)
        form.addRow("Speaker:", self.speaker)
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(k, k)
        # A span that opens with a quotation mark is most likely direct speech.
        guess = "direct" if text[:1] in _OPENING_MARKS else "indirect"
        self.kind.setCurrentIndex(self.kind.findData(guess))
        form.addRow("Kind:", self.kind)
        self.cue = QLineEdit(cue)
        self.cue.setObjectName("add_cue")
        self.cue.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.cue.setPlaceholderText("e.g. وقال (optional; located next to the quote)")
        form.addRow("Cue:", self.cue)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "speaker": self.index.resolve(self.speaker.text()) or None,
            "kind": str(self.kind.currentData()),
            "cue": " ".join(self.cue.text().split()),
        }
