"""Typed review commands over the store's log-based undo/redo.

The undo history *is* the append-only ``reviews`` table (Store.undo/redo walk it), so it
survives restarts, crashes and kills: nothing here is needed to undo after a restart. This
module adds what the window needs on top:

- typed commands (``Decide``, ``AddQuote``) with a text for the Undo/Redo menu entries;
- a retry queue: when another program holds the write lock past the busy timeout, the
  command is kept in memory and retried, so the reviewer can go on and no decision is lost;
- one signal, ``changed(quote_id)``, after every write that took effect.

Every command is one short transaction in the store (``record_decision``/``add_quote``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from quotes.store import Store, StoreError

_VERBS = {"accepted": "accept", "rejected": "reject", "corrected": "correction", "skipped": "skip"}


@dataclass(frozen=True)
class Decide:
    """accept / reject (reason) / skip / correct (changes) one quote."""

    quote_id: int
    decision: str
    reason: str | None = None
    changes: Mapping[str, Any] = field(default_factory=dict)
    # Text the reviewer took from the article as the speaker: remembered as an alias of
    # the chosen speaker, so later extractions resolve that spelling.
    alias: str | None = None

    def describe(self) -> str:
        text = f"{_VERBS.get(self.decision, self.decision)} #{self.quote_id}"
        return f"{text} ({self.reason})" if self.reason else text

    def apply(self, store: Store, reviewer: str) -> int:
        # The alias goes with the decision, in its transaction: undoing the decision withdraws it.
        store.record_decision(self.quote_id, self.decision, reviewer=reviewer, reason=self.reason,
                              changes=dict(self.changes) or None, alias=self.alias)
        return self.quote_id


@dataclass(frozen=True)
class AddQuote:
    """A quote the extractor missed."""

    document_id: int
    start: int
    end: int
    kind: str
    speaker: str | None
    cue: str = ""

    def describe(self) -> str:
        return "add quote"

    def apply(self, store: Store, reviewer: str) -> int:
        return store.add_quote(self.document_id, self.start, self.end, kind=self.kind, speaker=self.speaker,
                               reviewer=reviewer, cue=self.cue)


@dataclass(frozen=True)
class BulkAccept:
    """Accept many pending quotes at once: one batch in the log, so one undo step."""

    quote_ids: tuple[int, ...]
    threshold: float

    def describe(self) -> str:
        return f"accept {len(self.quote_ids)} quotes ≥ {self.threshold:.2f}"

    def apply(self, store: Store, reviewer: str) -> int:
        done = store.accept_many(list(self.quote_ids), reviewer=reviewer)
        if not done:
            raise ValueError("none of them is pending any more")
        return done[0]


@dataclass(frozen=True)
class Adjudicate:
    """Settle reviewers' disagreement on one quote: take one verdict (``take``, its review
    id) or decide anew (``decision`` with ``changes``)."""

    quote_id: int
    take: int | None = None
    decision: str | None = None
    changes: Mapping[str, Any] = field(default_factory=dict)
    reason: str | None = None
    taken_from: str = ""  # the reviewer whose verdict was taken, for the menu text

    def describe(self) -> str:
        how = f"took {self.taken_from}'s" if self.taken_from else (self.decision or "decided")
        return f"adjudication #{self.quote_id} ({how})"

    def apply(self, store: Store, reviewer: str) -> int:
        store.adjudicate(self.quote_id, reviewer=reviewer, take=self.take, decision=self.decision,
                         changes=dict(self.changes) or None, reason=self.reason)
        return self.quote_id


Command = Decide | AddQuote | BulkAccept | Adjudicate


@dataclass(frozen=True)
class Step:
    """One command that took effect, as listed in the History panel."""

    command: Command
    quote_id: int
    undone: bool = False

    def describe(self) -> str:
        return self.command.describe() if not isinstance(self.command, AddQuote) else f"add quote #{self.quote_id}"


def _short_busy_wait(store: Store, ms: int = 200) -> AbstractContextManager[None]:
    """Retries run every second from the event loop: each may wait only briefly for the lock.
    (The first attempt waits the store's whole timeout: writers are usually brief.)"""
    return store.busy_timeout(ms)


def _is_busy(exc: BaseException) -> bool:
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


class History(QObject):
    """Runs commands against the store; see the module docstring."""

    changed = Signal(int)  # quote id written (also after undo/redo)
    failed = Signal(str)  # a message for the status line
    pending_changed = Signal(int)  # commands waiting for the write lock

    RETRY_MS = 1000

    def __init__(self, store: Store, reviewer: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.reviewer = reviewer
        self.steps: list[Step] = []  # this session's, newest last
        self._pending: list[Command] = []
        self._retry = QTimer(self)
        self._retry.setInterval(self.RETRY_MS)
        self._retry.timeout.connect(self.flush)

    # ------------------------------------------------------------------ commands

    def push(self, command: Command) -> int | None:
        """Run ``command`` now; returns the quote id, or None when it was queued or refused."""
        if self._pending:
            # Keep the reviewer's order: nothing overtakes a queued decision.
            self._queue(command)
            self.flush()
            return None
        return self._run(command)

    def _run(self, command: Command) -> int | None:
        try:
            quote_id = command.apply(self.store, self.reviewer)
        except (StoreError, sqlite3.OperationalError) as exc:
            if _is_busy(exc):
                self._queue(command)
                self.failed.emit(f"Database busy (another program is writing): {command.describe()} kept, "
                                 "retrying…")
            else:
                self._queue(command)
                self.failed.emit(f"Could not save {command.describe()}: {exc}. Kept in memory, retrying…")
            return None
        except (KeyError, ValueError) as exc:
            self.failed.emit(f"Not saved: {command.describe()}: {exc}")
            return None
        self._record(Step(command, quote_id))
        self.changed.emit(quote_id)
        return quote_id

    def _queue(self, command: Command) -> None:
        self._pending.append(command)
        self.pending_changed.emit(len(self._pending))
        if not self._retry.isActive():
            self._retry.start()

    def flush(self) -> bool:
        """Retry queued commands in order; True when none is left."""
        while self._pending:
            command = self._pending[0]
            try:
                with _short_busy_wait(self.store):
                    quote_id = command.apply(self.store, self.reviewer)
            except (StoreError, sqlite3.OperationalError):
                return False
            except (KeyError, ValueError) as exc:
                self.failed.emit(f"Not saved: {command.describe()}: {exc}")
                quote_id = None
            self._pending.pop(0)
            self.pending_changed.emit(len(self._pending))
            if quote_id is not None:
                self._record(Step(command, quote_id))
                self.changed.emit(quote_id)
        self._retry.stop()
        return True

    @property
    def pending(self) -> list[Command]:
        return list(self._pending)

    def _record(self, step: Step) -> None:
        # A new command ends the redo history (the store's log does the same).
        self.steps = [s for s in self.steps if not s.undone]
        self.steps.append(step)

    # ------------------------------------------------------------------ undo / redo

    def can_undo(self) -> bool:
        return not self._pending and self.store.can_undo()

    def can_redo(self) -> bool:
        return not self._pending and self.store.can_redo()

    def undo_text(self) -> str:
        done = [s for s in self.steps if not s.undone]
        return f"Undo {done[-1].describe()}" if done else "Undo last decision"

    def redo_text(self) -> str:
        undone = [s for s in self.steps if s.undone]
        return f"Redo {undone[0].describe()}" if undone else "Redo"

    def undo(self) -> int | None:
        return self._revert(redo=False)

    def redo(self) -> int | None:
        return self._revert(redo=True)

    def _revert(self, *, redo: bool) -> int | None:
        if not self.flush():
            self.failed.emit("Database busy: undo waits until the queued decisions are saved")
            return None
        try:
            quote_id = self.store.redo(self.reviewer) if redo else self.store.undo(self.reviewer)
        except (StoreError, sqlite3.OperationalError) as exc:
            self.failed.emit(f"Could not {'redo' if redo else 'undo'}: {exc}")
            return None
        if quote_id is None:
            return None
        # Mirror it in this session's list when it is one of ours (after a restart, or when
        # undoing another reviewer's decision, the store knows more than we do).
        if redo:
            for i, s in enumerate(self.steps):
                if s.undone:
                    if s.quote_id == quote_id:
                        self.steps[i] = Step(s.command, s.quote_id, undone=False)
                    break
        else:
            for i in range(len(self.steps) - 1, -1, -1):
                s = self.steps[i]
                if not s.undone:
                    if s.quote_id == quote_id:
                        self.steps[i] = Step(s.command, s.quote_id, undone=True)
                    break
        self.changed.emit(quote_id)
        return quote_id
