"""Speaker lookup for the correction field: a completer over names *and* aliases, matched
after Arabic normalisation (typing اسماعيل finds إسماعيل هنية), and resolution of free text
to a known canonical name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter

from quotes.normalize import fold

from .queue_model import DirectionDelegate

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # folded alias: what the completer matches
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # canonical name: what it inserts
SPEAKER_ID_ROLE = Qt.ItemDataRole.UserRole + 3


class SpeakerIndex:
    """Folded names and aliases -> canonical names, from ``Store.speakers()``."""

    def __init__(self, speakers: list[dict[str, Any]]) -> None:
        self.speakers = speakers
        self.by_id = {s["id"]: s for s in speakers}
        self._names: dict[str, str] = {}
        self._aliases: dict[str, set[str]] = {}
        for s in speakers:
            self._names.setdefault(s["name_norm"] or fold(s["name"]), s["name"])
            for a in s.get("aliases", []):
                self._aliases.setdefault(fold(a["alias"]), set()).add(s["name"])

    def resolve(self, text: str) -> str:
        """The canonical name ``text`` stands for: itself when it is a name, the one speaker
        it is an alias of, else the text as typed (the store then creates that speaker)."""
        text = " ".join(text.split())
        if not text:
            return ""
        key = fold(text)
        if key in self._names:
            return self._names[key]
        owners = self._aliases.get(key, set())
        if len(owners) == 1:
            return next(iter(owners))
        return text

    def find(self, name: str) -> dict[str, Any] | None:
        key = fold(name)
        for s in self.speakers:
            if s["name"] == name or (s["name_norm"] or fold(s["name"])) == key:
                return s
        return None


class SpeakerCompleter(QCompleter):
    """Contains-match over folded names and aliases; inserts the canonical name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setCompletionRole(KEY_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        self.setMaxVisibleItems(12)
        self._delegate = DirectionDelegate(self)
        self.popup().setItemDelegate(self._delegate)

    def set_speakers(self, speakers: list[dict[str, Any]]) -> None:
        self._model.clear()
        # Frequent speakers first: the likely answer is at the top of the popup.
        for s in sorted(speakers, key=lambda s: (-(s.get("quotes") or 0), s["name"])):
            self._model.appendRow(self._item(s["name"], s["name"], s["id"], s.get("quotes") or 0))
            seen = {s["name_norm"] or fold(s["name"])}
            for a in s.get("aliases", []):
                key = fold(a["alias"])
                if key in seen:
                    continue
                seen.add(key)
                self._model.appendRow(self._item(f"{a['alias']}  ({s['name']})", s["name"], s["id"], None, key))

    @staticmethod
    def _item(display: str, name: str, speaker_id: int, count: int | None, key: str | None = None) -> QStandardItem:
        item = QStandardItem(display if count is None else f"{display}  · {count}")
        item.setData(key if key is not None else fold(name), KEY_ROLE)
        item.setData(name, NAME_ROLE)
        item.setData(speaker_id, SPEAKER_ID_ROLE)
        item.setEditable(False)
        return item

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(NAME_ROLE) or "")

    def source_model(self) -> QAbstractItemModel:
        return self._model

    def matches(self, typed: str) -> list[str]:
        """Canonical names the popup offers for ``typed`` (for tests and the status line)."""
        self.setCompletionPrefix(typed)
        model = self.completionModel()
        return [str(model.index(i, 0).data(NAME_ROLE)) for i in range(model.rowCount())]
