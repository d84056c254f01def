"""The article, right to left, with the quote, cue and speaker highlighted in their own colours.

Highlights are ExtraSelections: they are painted by the same layout engine as the text, so
Arabic letters stay joined across a colour change, and they leave the document untouched (a
QTextEdit would record character formatting in its undo stack). Offsets come in as code
points and are converted to UTF-16 here (textspan.Utf16Map).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QShowEvent, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QTextEdit, QWidget

from .textspan import Utf16Map, snap_to_words, trim_span

Span = tuple[int, int]


@dataclass(frozen=True)
class Highlight:
    key: str
    label: str
    background: str
    underline: str | None = None


# Colour-blind-safe-ish pairs: blue / green / amber differ in lightness too, and the cue is
# also underlined so it stays distinct from the quote in greyscale.
QUOTE = Highlight("quote", "Quote", "#bcd8ff")
CUE = Highlight("cue", "Cue", "#b9efb0", underline="#2e7d32")
SPEAKER = Highlight("speaker", "Speaker mention", "#ffd166")
OTHER = Highlight("other", "Other quotes", "#ececec")
ORIGINAL = Highlight("original", "Extractor's span", "#ffffff", underline="#9e9e9e")
LEGEND = (QUOTE, CUE, SPEAKER, OTHER)


def legend_widget(parent: QWidget | None = None) -> QWidget:
    """Colour chips naming each highlight (the legend above the article)."""
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(4, 0, 4, 0)
    layout.setSpacing(10)
    layout.addWidget(QLabel("Legend:"))
    for h in LEGEND:
        chip = QLabel(h.label)
        border = f"border-bottom: 2px solid {h.underline};" if h.underline else ""
        chip.setStyleSheet(f"background: {h.background}; padding: 1px 6px; border-radius: 3px; {border}")
        chip.setObjectName(f"legend_{h.key}")
        layout.addWidget(chip)
    layout.addStretch(1)
    return box


class ArticleView(QTextBrowser):
    """Read-only article. ``show_quote`` sets the spans; the reviewer's mouse selection is
    read back with ``selected_span`` (code points, whitespace trimmed)."""

    selection_span_changed = Signal()

    def __init__(self, parent: QWidget | None = None, font: QFont | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setUndoRedoEnabled(False)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = self.document().defaultTextOption()
        # Direction only: an explicit AlignRight would be mirrored to the left in RTL.
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(12)
        if font is not None:
            self.setFont(font)
            self.document().setDefaultFont(font)
        self._doc_id: int | None = None
        self._text = ""
        self._map = Utf16Map("")
        self._spans: dict[str, list[Span]] = {}
        self._focus: Span | None = None
        self.selectionChanged.connect(self.selection_span_changed)
        self.viewport().installEventFilter(self)

    # ------------------------------------------------------------------ content

    @property
    def text(self) -> str:
        return self._text

    @property
    def document_id(self) -> int | None:
        return self._doc_id

    @property
    def offsets(self) -> Utf16Map:
        return self._map

    def set_article(self, document_id: int | None, text: str) -> None:
        """Show a document; a no-op when it is already shown (keeps the reader's scroll)."""
        if document_id == self._doc_id and text == self._text:
            return
        self._doc_id = document_id
        self._text = text
        self._map = Utf16Map(text)
        # The old spans index the old text: drop them before the new text triggers a resize.
        self._focus = None
        self._spans = {}
        self.setExtraSelections([])
        # QTextDocument turns CRLF into one paragraph break, which would shift every later
        # offset by one per line (sources keep CRLF as written); a space before the break keeps
        # one position per character. Display only: offsets still index the stored text.
        self.setPlainText(text.replace("\r\n", " \n"))

    def clear_article(self) -> None:
        self.set_article(None, "")
        self.show_spans({})

    def show_spans(self, spans: dict[str, list[Span]], focus: Span | None = None, *, recenter: bool = True) -> None:
        """Highlight spans by key (quote, cue, speaker, other, original) and bring ``focus``
        into view: centred with ``recenter``, else only when it is off screen (a nudge should
        not make the text jump)."""
        self._spans = {k: [s for s in v if s and s[0] < s[1]] for k, v in spans.items()}
        self._apply()
        self._focus = focus
        if focus is not None and (recenter or not self.span_visible(focus)):
            self.scroll_to_current()

    def show_colours(self, segments: list[tuple[Span, str]], focus: Span | None = None) -> None:
        """Highlight arbitrary spans, each in its own background colour (the adjudication view
        colours each reviewer's span). Replaces the keyed highlights of ``show_spans``."""
        self._spans = {}
        selections = []
        for (start, end), colour in segments:
            if start >= end:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(start, end)
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)
        self._focus = focus
        if focus is not None:
            self.scroll_to_current()

    def spans(self, key: str) -> list[Span]:
        return list(self._spans.get(key, []))

    def _apply(self) -> None:
        selections = []
        # Painted in order: later ones on top (the quote over other quotes, cue and speaker on top).
        for h in (OTHER, ORIGINAL, QUOTE, SPEAKER, CUE):
            fmt = QTextCharFormat()
            if h is not ORIGINAL:
                fmt.setBackground(QColor(h.background))
            if h.underline:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline
                                      if h is not ORIGINAL else QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(QColor(h.underline))
            for start, end in self._spans.get(h.key, []):
                sel = QTextEdit.ExtraSelection()
                sel.cursor = self._cursor(start, end)
                sel.format = fmt
                selections.append(sel)
        self.setExtraSelections(selections)

    def _cursor(self, start: int, end: int | None = None) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        if end is not None:
            cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def highlighted_text(self, key: str) -> list[str]:
        """The text each highlight of ``key`` covers, read back through Qt (for tests)."""
        out = []
        for sel in self.extraSelections():
            span = (self._map.from_qt(sel.cursor.selectionStart()), self._map.from_qt(sel.cursor.selectionEnd()))
            if span in self._spans.get(key, []):
                out.append(sel.cursor.selectedText())
        return out

    # ------------------------------------------------------------------ scrolling

    def scroll_to_current(self) -> None:
        """Bring the focused span into view: centred when it fits, else its start near the top."""
        if self._focus is None or not self._text:
            return
        start, end = self._focus
        bar = self.verticalScrollBar()
        top = self.cursorRect(self._cursor(start)).top()
        bottom = self.cursorRect(self._cursor(end)).bottom()
        height = self.viewport().height()
        if bottom - top < height * 0.8:
            target = bar.value() + (top + bottom) // 2 - height // 2
        else:
            target = bar.value() + top - height // 10
        bar.setValue(max(bar.minimum(), min(int(target), bar.maximum())))

    def showEvent(self, event: QShowEvent) -> None:
        # QTextEdit's first show scrolls to its text cursor (the article's start), undoing the
        # centring done while the window was being built.
        super().showEvent(event)
        if self._focus is not None:
            self.scroll_to_current()

    def span_visible(self, span: Span) -> bool:
        top = self.cursorRect(self._cursor(span[0])).top()
        bottom = self.cursorRect(self._cursor(span[1])).bottom()
        return top >= 0 and bottom <= self.viewport().height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport gets its real size only once shown; re-centre the quote then.
        if watched is self.viewport() and event.type() == QEvent.Type.Resize and self._focus is not None:
            self.scroll_to_current()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ selection

    def selected_span(self, *, words: bool = False) -> Span | None:
        """The mouse selection in code points, trimmed of surrounding whitespace; with
        ``words``, widened to whole words (see ``snap_to_words``)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.from_qt(cursor.selectionStart())
        end = self._map.from_qt(cursor.selectionEnd())
        start, end = (snap_to_words if words else trim_span)(self._text, start, end)
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        """Select text programmatically (tests, and 'select the quote' for copying)."""
        self.setTextCursor(self._cursor(start, end))

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
