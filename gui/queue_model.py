"""The queue table: a QAbstractTableModel over an ordered id list, rows paged in lazily.

Why not QSqlTableModel: it would pull in a second SQLite library (QtSql) next to Python's,
report 256 rows until scrolled, filter only fetched rows, and keep a read transaction open
that pins the WAL snapshot (research/review_gui.md §3.1). Here ``Store.queue_ids`` returns
every matching id in one short query (the scrollbar is exact), and ``data()`` loads rows a
page at a time through ``Store.quote_rows`` into a small LRU cache, so a 100,000-row queue
opens and scrolls in milliseconds and no statement stays open.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from quotes.store import Store

from .textspan import Direction, text_direction

PAGE = 256
MAX_PAGES = 64  # 16k rows cached at most

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS: tuple[tuple[str, str], ...] = (
    ("confidence", "Conf."),
    ("status", "Status"),
    ("speaker", "Speaker"),
    ("cue", "Cue"),
    ("text", "Quote"),
    ("doc", "Document"),
)
_QUOTE_CHARS = 160  # the cell elides anyway; the tooltip has the whole quote

STATUS_COLOURS = {
    "pending": None,
    "accepted": "#2e7d32",
    "corrected": "#1565c0",
    "added": "#6a1b9a",
    "rejected": "#c62828",
    "deleted": "#9e9e9e",
}

AnyIndex = QModelIndex | QPersistentModelIndex


def deleted_row(quote_id: int) -> dict[str, Any]:
    """Stand-in for a quote that vanished (a re-extraction withdrew a pending suggestion)."""
    return {"id": quote_id, "status": "deleted", "text": "(withdrawn by a newer extraction)", "speaker": "",
            "cue": "", "confidence": None, "doc": "", "document_id": None, "evidence": {}}


class QueueModel(QAbstractTableModel):
    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self._ids: list[int] = []
        self._rows_of: dict[int, int] = {}
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self.page_loads = 0  # for tests and the benchmark: proves rows load lazily

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1] if 0 <= section < len(COLUMNS) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                        ROW_ROLE, Qt.ItemDataRole.TextAlignmentRole):
            return None  # answer the many style roles without touching the cache
        row = self.row_at(index.row())
        if role == ROW_ROLE:
            return row
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "text":
                return row.get("text")
            if key == "speaker" and row.get("speaker_mention"):
                return f"{row.get('speaker') or '—'}  ({row['speaker_mention']})"
            if key == "doc":
                return row.get("title") or row.get("doc")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = STATUS_COLOURS.get(row.get("status") or "")
            if key == "status" and colour:
                return QBrush(QColor(colour))
            if row.get("status") not in ("pending", None) and key != "status":
                return QBrush(QColor("#757575"))  # done: greyed, still readable
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "confidence":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: dict[str, Any], key: str) -> str:
        if key == "confidence":
            c = row.get("confidence")
            return f"{c:.2f}" if isinstance(c, float | int) else "—"
        if key == "speaker":
            return row.get("speaker") or row.get("speaker_mention") or "—"
        if key == "text":
            text = " ".join((row.get("text") or "").split())
            return text if len(text) <= _QUOTE_CHARS else text[:_QUOTE_CHARS] + "…"
        if key == "doc":
            doc = row.get("doc") or ""
            return doc.rsplit("/", 1)[-1]
        return str(row.get(key) or "")

    # ------------------------------------------------------------------ rows

    def row_at(self, row: int) -> dict[str, Any]:
        """The quote row at ``row``, loading its page on first use."""
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            page = self._load_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE]

    def _load_page(self, page_no: int) -> list[dict[str, Any]]:
        ids = self._ids[page_no * PAGE:(page_no + 1) * PAGE]
        found = {r["id"]: r for r in self.store.quote_rows(ids)}
        page = [found.get(i) or deleted_row(i) for i in ids]
        self._pages[page_no] = page
        self.page_loads += 1
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def cached_row(self, row: int) -> dict[str, Any] | None:
        """The row if its page is cached, without loading anything."""
        page = self._pages.get(row // PAGE)
        return None if page is None else page[row % PAGE]

    @property
    def ids(self) -> Sequence[int]:
        return self._ids

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, quote_id: int) -> int | None:
        return self._rows_of.get(quote_id)

    def __contains__(self, quote_id: object) -> bool:
        return quote_id in self._rows_of

    @property
    def loaded_pages(self) -> int:
        return len(self._pages)

    # ------------------------------------------------------------------ changes

    def set_ids(self, ids: list[int]) -> None:
        """Replace the whole queue (a new filter or order)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows_of = {qid: row for row, qid in enumerate(self._ids)}
        self._pages.clear()
        self.endResetModel()

    def append_ids(self, ids: Iterable[int]) -> int:
        """Add ids at the end, skipping known ones; selection and scroll position stay put."""
        new = [i for i in dict.fromkeys(ids) if i not in self._rows_of]
        if not new:
            return 0
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for k, qid in enumerate(new):
            self._ids.append(qid)
            self._rows_of[qid] = first + k
        # The last page may have been cached short: forget it so it reloads with the new rows.
        self._pages.pop(first // PAGE, None)
        self.endInsertRows()
        return len(new)

    def insert_id(self, quote_id: int, row: int) -> int:
        """Put ``quote_id`` at ``row`` unless it is already in the queue; returns its row."""
        known = self._rows_of.get(quote_id)
        if known is not None:
            return known
        row = max(0, min(row, len(self._ids)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, quote_id)
        self._rows_of = {qid: r for r, qid in enumerate(self._ids)}
        for page_no in [p for p in self._pages if p >= row // PAGE]:
            del self._pages[page_no]
        self.endInsertRows()
        return row

    def refresh_ids(self, ids: Iterable[int]) -> None:
        """Reload these quotes after a write; emits dataChanged per row, never a reset."""
        rows = [(qid, self._rows_of[qid]) for qid in dict.fromkeys(ids) if qid in self._rows_of]
        cached = [(qid, r) for qid, r in rows if (r // PAGE) in self._pages]
        if cached:
            found = {r["id"]: r for r in self.store.quote_rows([qid for qid, _ in cached])}
            for qid, r in cached:
                self._pages[r // PAGE][r % PAGE] = found.get(qid) or deleted_row(qid)
        last = len(COLUMNS) - 1
        for _, r in rows:
            self.dataChanged.emit(self.index(r, 0), self.index(r, last))

    def invalidate(self) -> None:
        """Another program wrote: forget cached rows; the view reloads what it shows."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))


class DirectionDelegate(QStyledItemDelegate):
    """Lays out each cell in the direction of its own text.

    A view has one layout direction, but a queue mixes Arabic quotes with Latin names and
    numbers: an Arabic cell laid out LTR puts "UN" at the wrong end, a Latin cell laid out
    RTL elides on the wrong side. Alignment needs AlignAbsolute, or Qt mirrors it.
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        direction = text_direction(option.text)
        if direction is Direction.RTL:
            option.direction = Qt.LayoutDirection.RightToLeft
            option.displayAlignment = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                       | Qt.AlignmentFlag.AlignVCenter)
        elif direction is Direction.LTR:
            option.direction = Qt.LayoutDirection.LeftToRight
            option.displayAlignment = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
                                       | Qt.AlignmentFlag.AlignVCenter)
