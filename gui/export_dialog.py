"""Export the citation CSV / JSONL from the app (the same writers as ``quotes export``).

The writers go through a temporary file renamed over the target, so a failed export never
leaves half a file; rows are read in pages, so no read transaction stays open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from quotes.export import write_csv, write_jsonl
from quotes.store import Store, StoreError

STATUS_LABELS = {
    "accepted": "accepted, corrected and added quotes (for citing)",
    "agreed": "of those, the ones two or more reviewers agreed on",
    "adjudicated": "of those, the ones an adjudicator settled",
    "reviewed": "every reviewed quote (rejected too)",
    "all": "all quotes, pending included",
}


class ExportDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, *, folder: str | Path | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Export citations")
        self.setMinimumWidth(560)
        self.rows_written: int | None = None
        form = QFormLayout(self)
        self.format = QComboBox()
        self.format.setObjectName("export_format")
        self.format.addItem("CSV (Excel, LibreOffice)", "csv")
        self.format.addItem("JSON Lines", "jsonl")
        self.format.currentIndexChanged.connect(self._fix_suffix)
        form.addRow("Format:", self.format)
        self.status = QComboBox()
        self.status.setObjectName("export_status")
        for key, label in STATUS_LABELS.items():
            self.status.addItem(label, key)
        form.addRow("Quotes:", self.status)
        row = QHBoxLayout()
        base = Path(folder) if folder else Path(store.path).resolve().parent
        self.path = QLineEdit(str(base / "citations.csv"))
        self.path.setObjectName("export_path")
        self.path.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow("File:", row)
        self.result = QLabel()
        self.result.setObjectName("export_result")
        self.result.setWordWrap(True)
        form.addRow(self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.ApplyRole)
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _fix_suffix(self) -> None:
        p = Path(self.path.text())
        if p.suffix.lower() in (".csv", ".jsonl", ".json", ""):
            self.path.setText(str(p.with_suffix("." + str(self.format.currentData()))))

    def _browse(self) -> None:
        fmt = str(self.format.currentData())
        name, _ = QFileDialog.getSaveFileName(
            self, "Export citations", self.path.text(), "CSV (*.csv)" if fmt == "csv" else "JSON Lines (*.jsonl)",
            options=QFileDialog.Option.DontUseNativeDialog)
        if name:
            self.path.setText(name)

    def export(self) -> int | None:
        """Write the file; returns the number of rows (None on failure, with the reason shown)."""
        target = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            self.result.setText("Choose a file to write")
            return None
        if not target.parent.is_dir():
            self.result.setText(f"{target.parent}: no such folder")
            return None
        writer = write_csv if self.format.currentData() == "csv" else write_jsonl
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            n = writer(self.store.export_rows(str(self.status.currentData())), target)
        except (OSError, StoreError) as exc:
            self.result.setText(f"Not exported: {exc}")
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.rows_written = n
        self.result.setText(f"Wrote {n} rows to {target}")
        return n
