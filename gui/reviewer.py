"""The reviewer's name: asked once, then remembered on this machine (QSettings).

Every decision in the log carries it, so a merged file or a file several people review
says who decided what; the login name ($USER) is often "user" or "root" on shared or
container machines, which would make two people one reviewer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

SETTINGS_KEY = "reviewer/name"


def saved_name(settings: QSettings) -> str:
    value = settings.value(SETTINGS_KEY, "")
    return " ".join(str(value or "").split())


def save_name(settings: QSettings, name: str) -> None:
    settings.setValue(SETTINGS_KEY, " ".join(name.split()))
    settings.sync()


def ask_name(parent: QWidget | None = None, current: str = "") -> str | None:
    """A modal prompt; None when cancelled or left empty."""
    name, ok = QInputDialog.getText(
        parent, "Your name as reviewer",
        "Your name, as the review log should show it to the other reviewers\n"
        "(asked once on this computer; change it under Review › Reviewer name…):",
        QLineEdit.EchoMode.Normal, current)
    name = " ".join(name.split())
    return name if ok and name else None


def reviewer_name(settings: QSettings, ask: Callable[[], str | None]) -> str | None:
    """The remembered name, or the one ``ask`` returns (then remembered); None if none given."""
    name = saved_name(settings)
    if name:
        return name
    name = " ".join((ask() or "").split())
    if not name:
        return None
    save_name(settings, name)
    return name
