"""The decision panel: one key per decision, speaker correction, span nudges, kind, evidence.

Keys are layout independent (modifier + Return/Backspace/Space/arrows, F-keys, Insert): with
an Arabic layout active, letter shortcuts may not fire (Qt matches shortcuts by character),
and reviewers type Arabic corrections, so their layout is often Arabic. Each button prints
its key. Reject reasons also have Ctrl+1…6, bound to the Arabic-Indic digits (١…٦) as well.

Edits (speaker, span, cue, kind) are a *draft* on the current quote, shown live in the article;
Accept saves the draft as one 'corrected' decision (or 'accepted' when nothing changed).
Nudges are logical; in the right-to-left article "→" moves an edge earlier in the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from quotes.export import speaker_latin
from quotes.records import KINDS

from .article_view import ArticleView, Span
from .speakers import SpeakerCompleter, SpeakerIndex
from .textspan import Direction, nudge, text_direction

REJECT_REASONS = ("not a quote", "wrong speaker", "wrong span", "duplicate", "speaker not named", "other")
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

# Action name -> its keys; the first is the one printed on the button.
KEYS: dict[str, list[str]] = {
    "accept": ["Ctrl+Return", "Ctrl+Enter"],
    "reject": ["Ctrl+Backspace", "Ctrl+Delete"],
    "skip": ["Ctrl+Space", "F8"],
    "edit_speaker": ["F2"],
    "speaker_from_selection": ["F3"],
    "span_from_selection": ["F4"],
    "cue_from_selection": ["F6"],
    "cycle_kind": ["F7"],
    "add_quote": ["Insert"],
    "reset": ["Escape"],
    # In the RTL article, earlier text is to the right: Alt+→ grows the start, Ctrl+← the end.
    "start_grow_word": ["Alt+Right"],
    "start_grow_char": ["Alt+Shift+Right"],
    "start_shrink_char": ["Alt+Shift+Left"],
    "start_shrink_word": ["Alt+Left"],
    "end_grow_word": ["Ctrl+Left"],
    "end_grow_char": ["Ctrl+Shift+Left"],
    "end_shrink_char": ["Ctrl+Shift+Right"],
    "end_shrink_word": ["Ctrl+Right"],
}
_KEY_GLYPHS = (("Return", "Enter"), ("Right", "→"), ("Left", "←"), ("Up", "↑"), ("Down", "↓"))


def key_text(keys: str) -> str:
    """A key sequence as printed on a button."""
    if keys == "Ins":
        return "Insert"
    for name, glyph in _KEY_GLYPHS:
        keys = keys.replace(name, glyph)
    return keys


@dataclass(frozen=True)
class Draft:
    """The reviewer's edits to the current quote (code-point offsets into the document)."""

    start: int
    end: int
    kind: str
    speaker: str
    cue: str
    cue_start: int | None
    cue_end: int | None
    mention: Span | None = None  # where the speaker is written, when taken from the article
    alias: str | None = None  # that text, to remember as an alias

    @classmethod
    def of(cls, row: dict[str, Any]) -> Draft:
        ms, me = row.get("mention_start"), row.get("mention_end")
        return cls(start=row["start"], end=row["end"], kind=row["kind"], speaker=row.get("speaker") or "",
                   cue=row.get("cue") or "", cue_start=row.get("cue_start"), cue_end=row.get("cue_end"),
                   mention=(ms, me) if ms is not None and me is not None else None)

    def changes(self, row: dict[str, Any], speakers: SpeakerIndex | None = None) -> dict[str, Any]:
        """What differs from the stored quote, as ``Store.record_decision`` changes."""
        out: dict[str, Any] = {}
        if (self.start, self.end) != (row["start"], row["end"]):
            out.update(start=self.start, end=self.end)
        if self.kind != row["kind"]:
            out["kind"] = self.kind
        speaker = speakers.resolve(self.speaker) if speakers else " ".join(self.speaker.split())
        if speaker != (row.get("speaker") or ""):
            out["speaker"] = speaker
        if (self.cue_start, self.cue_end) != (row.get("cue_start"), row.get("cue_end")) and self.cue_start is not None:
            out.update(cue=self.cue, cue_start=self.cue_start, cue_end=self.cue_end)
        return out


def bidi_label(text: str = "", *, wrap: bool = True) -> QLabel:
    """A label laid out in the direction of its own text (Arabic right-aligned, Latin left)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    set_bidi_text(label, text)
    return label


def set_bidi_text(label: QLabel, text: str, *, near: bool = False) -> None:
    """Set ``text`` and lay it out in its own direction. ``near`` keeps a short Arabic value
    next to its (left-hand) caption instead of at the far right of the cell."""
    direction = text_direction(text)
    # A word-wrapped QLabel lays its text out with QTextDocument, which takes the paragraph
    # direction from the first strong character whatever the widget's direction; a leading
    # RLM/LRM (display only) makes it follow ours.
    mark = "\u200f" if direction is Direction.RTL else "\u200e" if direction is Direction.LTR else ""
    label.setText(mark + text if text else "")
    if direction is Direction.RTL:
        label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        side = Qt.AlignmentFlag.AlignLeft if near else Qt.AlignmentFlag.AlignRight
        label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    else:
        label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)


class ElidedLabel(QLabel):
    """One line that never widens its window: a text longer than the label is cut at its end
    with "…" (on the left for Arabic), and shown whole in the tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        # A margin for the style sheet's padding and bold weight, which the metrics may not know yet.
        width = max(0, self.contentsRect().width() - 16)
        set_bidi_text(self, self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


def label_text(label: QLabel) -> str:
    """The text of a label set with ``set_bidi_text``, without the direction mark."""
    return label.text().lstrip("\u200e\u200f")


_SOURCES = {"chosen": "chosen", "previous_speaker": "previous speaker", "earlier_speaker": "earlier speaker",
            "own_sentence_subject": "subject of its sentence", "narrative_subject": "narrative subject",
            "sentence_subject": "sentence subject", "named_before": "named before"}


def _score(candidate: dict[str, Any]) -> str:
    value = candidate.get("score")
    return f", score {value:g}" if isinstance(value, int | float) else ""


def candidates_text(evidence: dict[str, Any]) -> str:
    """The candidates of the evidence in one line: the chosen speaker first with the rule that
    chose it, then each rival with where it came from, whether it agrees with the verb and how
    many sentences back it was met; each with its score (quotes/speaker_ranking.py), so that
    the reviewer sees by how much the winner won; and the doubt about the name, if any."""
    parts = []
    for c in evidence.get("candidates") or []:
        if not isinstance(c, dict):
            continue
        if c.get("chosen"):
            parts.append(f"✓ {c.get('speaker', '')} ({evidence.get('speaker_rule', 'chosen')}{_score(c)})")
            continue
        back = c.get("sentences_back", 0)
        where = "same sentence" if back == 0 else f"{back} sentence{'s' if back != 1 else ''} back"
        agrees = "agrees" if c.get("agrees") else "does not agree"
        source = _SOURCES.get(c.get("source", ""), c.get("source", ""))
        parts.append(f"{c.get('speaker', '')} ({source}, {agrees}, {where}{_score(c)})")
    if evidence.get("name_doubt"):
        parts.append(f"doubt: {evidence['name_doubt']}")
    return " · ".join(parts) or "—"


class EvidenceBox(QGroupBox):
    """Why the extractor attributed the quote: construction, cue analysis, speaker rule, and
    the sentence the name was found in. Shown under the article, next to the text it explains."""

    FIELDS = (("construction", "Construction"), ("speaker_rule", "Speaker rule"), ("cue", "Cue"),
              ("cue_lemma", "Lemma"), ("cue_features", "Features"), ("mention", "Mention"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Why this attribution", parent)
        self.setObjectName("evidence")
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(2)
        self.labels: dict[str, QLabel] = {}
        for i, (key, text) in enumerate(self.FIELDS):
            row, col = divmod(i, 2)
            grid.addWidget(QLabel(f"{text}:"), row, col * 2)
            value = bidi_label()
            value.setObjectName(f"evidence_{key}")
            self.labels[key] = value
            grid.addWidget(value, row, col * 2 + 1)
        grid.addWidget(QLabel("Name sentence:"), 3, 0)
        value = bidi_label()
        value.setObjectName("evidence_name_sentence")
        self.labels["name_sentence"] = value
        grid.addWidget(value, 3, 1, 1, 3)
        grid.addWidget(QLabel("Candidates:"), 4, 0)
        value = bidi_label()
        value.setObjectName("evidence_candidates")
        value.setToolTip("Who else the context offered, and why the chosen speaker won")
        self.labels["candidates"] = value
        grid.addWidget(value, 4, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    NAME_SENTENCE_CHARS = 240  # two lines at most; the whole sentence is in the tooltip

    def show_values(self, values: dict[str, Any]) -> None:
        for key, label in self.labels.items():
            text = " ".join(str(values.get(key) or "").split())
            label.setToolTip(text if len(text) > self.NAME_SENTENCE_CHARS else "")
            long_text = key in ("name_sentence", "candidates")
            if long_text and len(text) > self.NAME_SENTENCE_CHARS:
                text = text[:self.NAME_SENTENCE_CHARS] + "…"
            set_bidi_text(label, text, near=not long_text)

    def text(self, key: str) -> str:
        return label_text(self.labels[key])


class ReviewPanel(QWidget):
    """Shows one quote's draft; emits requests, the main window does the writing."""

    decision_requested = Signal(str, str)  # decision, reason ("" unless rejected)
    add_requested = Signal()
    speaker_details_requested = Signal(int)
    draft_changed = Signal()
    message = Signal(str)
    speaker_committed = Signal()  # Enter in the speaker field: hand the keys back to the queue

    def __init__(self, article: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article = article
        self.row: dict[str, Any] | None = None
        self.draft: Draft | None = None
        self.speaker_index = SpeakerIndex([])
        self.actions_by_name: dict[str, QAction] = {}
        # Set by the window: makes sure the speaker list is current before a name is resolved.
        self.ensure_speakers: Callable[[], None] = lambda: None
        self._auto_latin: dict[tuple[str, str | None], str] = {}
        self._latin_wanted: tuple[str, str | None] | None = None
        self._build()
        self.set_quote(None)

    # ------------------------------------------------------------------ building

    def _action(self, name: str, text: str, slot: Any) -> QAction:
        action = QAction(text, self)
        keys = KEYS.get(name, [])
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if keys:
            action.setToolTip(f"{text} ({key_text(keys[0])})")
        action.triggered.connect(slot)
        action.setObjectName(name)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _button(self, action: QAction, label: str, *, name: str | None = None, one_line: bool = False) -> QPushButton:
        keys = action.shortcuts()
        printed = key_text(keys[0].toString()) if keys else ""
        button = QPushButton((f"{label}  {printed}" if one_line else f"{label}\n{printed}") if printed else label)
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        button.setObjectName(f"button_{name or action.objectName()}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the queue/article
        return button

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)

        self.title = QLabel()
        self.title.setObjectName("quote_title")
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        # Who decided this quote (each reviewer's decision in effect, the adjudicator's):
        # filled by the window, which reads the log.
        self.decided_by = bidi_label()
        self.decided_by.setObjectName("decided_by")
        layout.addWidget(self.decided_by)

        # --- decision
        box = QGroupBox("Decision")
        grid = QGridLayout(box)
        accept = self._action("accept", "Accept", lambda: self.request("accepted"))
        reject = self._action("reject", "Reject", lambda: self.request("rejected"))
        skip = self._action("skip", "Skip", lambda: self.request("skipped"))
        self.accept_button = self._button(accept, "✓ Accept")
        self.accept_button.setStyleSheet("QPushButton { background: #e3f2e1; }")
        self.reject_button = self._button(reject, "✗ Reject")
        self.reject_button.setStyleSheet("QPushButton { background: #fbe3e3; }")
        self.skip_button = self._button(skip, "↷ Skip")
        grid.addWidget(self.accept_button, 0, 0)
        grid.addWidget(self.reject_button, 0, 1)
        grid.addWidget(self.skip_button, 0, 2)
        self.reason = QComboBox()
        self.reason.setObjectName("reject_reason")
        for i, reason in enumerate(REJECT_REASONS, 1):
            self.reason.addItem(f"{i}  {reason}", reason)
            act = QAction(f"Reject: {reason}", self)
            act.setShortcuts([QKeySequence(f"Ctrl+{i}"), QKeySequence(f"Ctrl+{ARABIC_DIGITS[i]}")])
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(lambda _=False, r=reason: self.reject_with(r))
            act.setObjectName(f"reject_{i}")
            self.addAction(act)
            self.actions_by_name[f"reject_{i}"] = act
        grid.addWidget(QLabel("Reject reason (Ctrl+1…6):"), 1, 0, 1, 2)
        grid.addWidget(self.reason, 2, 0, 1, 3)
        layout.addWidget(box)

        # --- speaker
        box = QGroupBox("Speaker")
        form = QGridLayout(box)
        self.speaker_edit = QLineEdit()
        self.speaker_edit.setObjectName("speaker_edit")
        self.speaker_edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.speaker_edit.setPlaceholderText("اسم المتحدث — type to complete (F2)")
        self.completer = SpeakerCompleter(self.speaker_edit)
        self.speaker_edit.setCompleter(self.completer)
        self.speaker_edit.textEdited.connect(self._speaker_typed)
        self.completer.activated[str].connect(self._speaker_picked)
        self.speaker_edit.returnPressed.connect(self._speaker_return)
        self._action("edit_speaker", "Edit speaker", self.focus_speaker)
        from_sel = self._action("speaker_from_selection", "Speaker from selection", self.speaker_from_selection)
        form.addWidget(self.speaker_edit, 0, 0, 1, 2)
        form.addWidget(self._button(from_sel, "⇐ Selection", one_line=True), 0, 2)
        self.latin_label = bidi_label()
        self.latin_label.setObjectName("speaker_latin")
        self.role_label = bidi_label()
        self.role_label.setObjectName("speaker_role")
        form.addWidget(QLabel("Latin:"), 1, 0)
        form.addWidget(self.latin_label, 1, 1, 1, 2)
        form.addWidget(QLabel("Role:"), 2, 0)
        form.addWidget(self.role_label, 2, 1, 1, 2)
        self.details_button = QPushButton("Speaker details / merge…")
        self.details_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.details_button.clicked.connect(self._details)
        form.addWidget(self.details_button, 3, 0, 1, 3)
        form.setColumnStretch(1, 1)
        layout.addWidget(box)

        # --- span, cue and kind
        box = QGroupBox("Span, cue and kind")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(4)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for k in KINDS:
            self.kind.addItem(k, k)
        self.kind.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        cycle = self._action("cycle_kind", "Next kind", self.cycle_kind)
        grid.addWidget(QLabel("Kind:"), 0, 0)
        grid.addWidget(self.kind, 0, 1, 1, 2)
        grid.addWidget(self._button(cycle, "Next kind", one_line=True), 0, 3, 1, 2)
        nudges = [
            ("start", "Start", [("start_grow_word", "+word", True, True), ("start_grow_char", "+char", True, False),
                                ("start_shrink_char", "−char", False, False),
                                ("start_shrink_word", "−word", False, True)]),
            ("end", "End", [("end_grow_word", "+word", True, True), ("end_grow_char", "+char", True, False),
                            ("end_shrink_char", "−char", False, False), ("end_shrink_word", "−word", False, True)]),
        ]
        for r, (edge, label, buttons) in enumerate(nudges, 1):
            grid.addWidget(QLabel(f"{label}:"), r, 0)
            for c, (name, text, grow, word) in enumerate(buttons, 1):
                act = self._action(name, f"{label} {text}",
                                   lambda _=False, e=edge, g=grow, w=word: self.nudge(e, grow=g, word=w))
                grid.addWidget(self._button(act, text), r, c)
        span_sel = self._action("span_from_selection", "Span from selection", self.span_from_selection)
        cue_sel = self._action("cue_from_selection", "Cue from selection", self.cue_from_selection)
        reset = self._action("reset", "Reset edits", self.reset)
        add = self._action("add_quote", "Add missed quote", self.add_requested.emit)
        grid.addWidget(self._button(span_sel, "Span ⇐ sel."), 3, 0, 1, 2)
        grid.addWidget(self._button(cue_sel, "Cue ⇐ sel."), 3, 2, 1, 2)
        grid.addWidget(self._button(reset, "Reset"), 3, 4)
        grid.addWidget(self._button(add, "+ Add a missed quote (select it)", one_line=True), 4, 0, 1, 5)
        self.changes_label = QLabel()
        self.changes_label.setObjectName("changes")
        self.changes_label.setStyleSheet("color: #b45f06;")
        self.changes_label.setWordWrap(True)
        grid.addWidget(self.changes_label, 5, 0, 1, 5)
        layout.addWidget(box)

        self.evidence_box = EvidenceBox()
        layout.addStretch(1)

    # ------------------------------------------------------------------ showing a quote

    def set_speakers(self, speakers: list[dict[str, Any]]) -> None:
        self.speaker_index = SpeakerIndex(speakers)
        self.completer.set_speakers(speakers)
        self._show_speaker_details()

    def set_quote(self, row: dict[str, Any] | None, draft: Draft | None = None) -> None:
        """Show ``row`` (None: nothing to review), with a draft kept from an earlier visit."""
        self.row = row
        enabled = row is not None and row.get("status") != "deleted"
        for name, action in self.actions_by_name.items():
            if name != "add_quote":
                action.setEnabled(enabled)
        self.speaker_edit.setEnabled(enabled)
        self.kind.setEnabled(enabled)
        if row is None or not enabled:
            self.draft = None
            self.title.setText("No quote selected" if row is None else f"Quote {row['id']}: withdrawn")
            self.speaker_edit.clear()
            self.evidence_box.show_values({})
            self._show_speaker_details()
            self.changes_label.clear()
            self.draft_changed.emit()
            return
        self.draft = draft or Draft.of(row)
        conf = row.get("confidence")
        conf_text = f"confidence {conf:.2f}" if isinstance(conf, float | int) else "added by a reviewer"
        extra = f" · {row['reject_reason']}" if row.get("reject_reason") else ""
        self.title.setText(f"Quote {row['id']} · {row['status']}{extra} · {conf_text}")
        ev = row.get("evidence") or {}
        values = {
            "construction": ev.get("construction", ""),
            "cue": row.get("cue") or ev.get("cue", ""),
            "cue_lemma": ev.get("cue_lemma", ""),
            "cue_features": ev.get("cue_features", ""),
            "speaker_rule": ev.get("speaker_rule", ""),
            "mention": row.get("speaker_mention") or "—",
            "name_sentence": ev.get("name_sentence", ""),
            "candidates": candidates_text(ev),
        }
        self.evidence_box.show_values(values)
        self._sync_widgets()
        self.draft_changed.emit()

    def _sync_widgets(self) -> None:
        assert self.draft is not None
        if self.speaker_edit.text() != self.draft.speaker:
            self.speaker_edit.setText(self.draft.speaker)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(self.draft.kind)))
        self.kind.blockSignals(False)
        self._show_speaker_details()
        changes = self.changes()
        self.changes_label.setText(
            f"Unsaved: {', '.join(sorted(changes))} (Accept saves, Esc resets)" if changes else "")

    def _show_speaker_details(self) -> None:
        name = self.speaker_index.resolve(self.draft.speaker) if self.draft else ""
        s = self.speaker_index.find(name) if name else None
        if s is None and self.row is not None and name and name == (self.row.get("speaker") or ""):
            s = {"id": self.row.get("speaker_id"), "name": name, "latin": self.row.get("speaker_latin"),
                 "role": self.row.get("speaker_role"), "type": self.row.get("speaker_type")}
        self._latin_wanted = None
        if s is None:
            set_bidi_text(self.latin_label, "(new speaker)" if name else "")
            set_bidi_text(self.role_label, "")
            self.details_button.setEnabled(False)
            return
        latin = s.get("latin")
        if latin:
            set_bidi_text(self.latin_label, latin)
        else:
            key = (s["name"], s.get("type"))
            if key in self._auto_latin:
                self._show_auto_latin(key)
            else:
                # The romaniser loads a model on first use and takes ~20 ms a name: do it just
                # after this quote is on screen, not before.
                set_bidi_text(self.latin_label, "…")
                self._latin_wanted = key
                QTimer.singleShot(0, self._fill_auto_latin)
        set_bidi_text(self.role_label, s.get("role") or "", near=True)
        self.details_button.setEnabled(s.get("id") is not None)

    def _fill_auto_latin(self) -> None:
        key = self._latin_wanted
        if key is None:
            return
        self._latin_wanted = None
        if key not in self._auto_latin:
            self._auto_latin[key] = speaker_latin(key[0], None, key[1])
        self._show_auto_latin(key)

    def _show_auto_latin(self, key: tuple[str, str | None]) -> None:
        auto = self._auto_latin[key]
        set_bidi_text(self.latin_label, f"{auto} (automatic)" if auto else "(none: set one in Speakers)")

    def changes(self) -> dict[str, Any]:
        if self.row is None or self.draft is None:
            return {}
        return self.draft.changes(self.row, self.speaker_index)

    @property
    def dirty(self) -> bool:
        return bool(self.changes())

    def spans(self) -> dict[str, list[Span]]:
        """What the article should highlight for the draft."""
        if self.draft is None:
            return {}
        d = self.draft
        out: dict[str, list[Span]] = {"quote": [(d.start, d.end)]}
        if d.cue_start is not None and d.cue_end is not None:
            out["cue"] = [(d.cue_start, d.cue_end)]
        if d.mention is not None:
            out["speaker"] = [d.mention]
        if self.row is not None and (d.start, d.end) != (self.row["start"], self.row["end"]):
            out["original"] = [(self.row["start"], self.row["end"])]
        return out

    def _update(self, draft: Draft) -> None:
        self.draft = draft
        self._sync_widgets()
        self.draft_changed.emit()

    # ------------------------------------------------------------------ decisions

    def request(self, decision: str) -> None:
        if self.draft is None:
            return
        reason = str(self.reason.currentData()) if decision == "rejected" else ""
        self.decision_requested.emit(decision, reason)

    def reject_with(self, reason: str) -> None:
        self.reason.setCurrentIndex(max(0, self.reason.findData(reason)))
        self.request("rejected")

    # ------------------------------------------------------------------ speaker

    def focus_speaker(self) -> None:
        self.speaker_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.speaker_edit.selectAll()

    def _speaker_typed(self, text: str) -> None:
        if self.draft is not None:
            self._update(replace(self.draft, speaker=text, alias=None))

    def _speaker_picked(self, name: str) -> None:
        if self.draft is not None:
            self._update(replace(self.draft, speaker=name, alias=None))

    def _speaker_return(self) -> None:
        if self.draft is None:
            return
        # Enter settles the typed text on the canonical name it stands for.
        self.ensure_speakers()
        name = self.speaker_index.resolve(self.speaker_edit.text())
        self._update(replace(self.draft, speaker=name, alias=None))
        self.speaker_committed.emit()

    def set_speaker(self, text: str, mention: Span | None = None) -> None:
        """Correct the speaker to ``text`` (a name or an alias); keeps ``text`` as an alias when
        it came from the article and is not the canonical name itself."""
        if self.draft is None:
            return
        self.ensure_speakers()
        name = self.speaker_index.resolve(text)
        alias = text if mention is not None and name != text else None
        self._update(replace(self.draft, speaker=name, mention=mention or self.draft.mention, alias=alias))

    def speaker_from_selection(self) -> None:
        span = self.article.selected_span()
        if span is None or self.draft is None:
            self.message.emit("Select the speaker's name in the article first (then F3)")
            return
        text = " ".join(self.article.text[span[0]:span[1]].split())
        self.set_speaker(text, mention=span)
        self.message.emit(f"Speaker: {self.draft.speaker}")

    def _details(self) -> None:
        name = self.speaker_index.resolve(self.draft.speaker) if self.draft else ""
        s = self.speaker_index.find(name) if name else None
        if s is not None:
            self.speaker_details_requested.emit(int(s["id"]))

    # ------------------------------------------------------------------ span, cue, kind

    def nudge(self, edge: str, *, grow: bool, word: bool) -> None:
        if self.draft is None:
            return
        start, end = nudge(self.article.text, self.draft.start, self.draft.end, edge=edge, grow=grow, word=word)
        self._update(replace(self.draft, start=start, end=end))

    def span_from_selection(self) -> None:
        span = self.article.selected_span()
        if span is None or self.draft is None:
            self.message.emit("Select the quote's text in the article first (then F4)")
            return
        self._update(replace(self.draft, start=span[0], end=span[1]))

    def cue_from_selection(self) -> None:
        span = self.article.selected_span()
        if span is None or self.draft is None:
            self.message.emit("Select the cue (the reporting verb) in the article first (then F6)")
            return
        self._update(replace(self.draft, cue=self.article.text[span[0]:span[1]], cue_start=span[0], cue_end=span[1]))

    def set_kind(self, kind: str) -> None:
        if self.draft is not None and kind in KINDS:
            self._update(replace(self.draft, kind=kind))

    def cycle_kind(self) -> None:
        if self.draft is not None:
            self.set_kind(KINDS[(KINDS.index(self.draft.kind) + 1) % len(KINDS)])

    def _kind_changed(self) -> None:
        self.set_kind(str(self.kind.currentData()))

    def reset(self) -> None:
        if self.row is not None and self.draft is not None:
            self._update(Draft.of(self.row))
