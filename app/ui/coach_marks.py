"""The coach's marks in the editor: wavy underlines on findings, a faint number zone.

Marks are ``QPlainTextEdit.setExtraSelections``: they never touch the user's cursor or
selection, and their cursors follow later edits, so a mark stays on its words while the user
types on until the next analysis. No highlighter re-runs over the document.

Painting marks costs time on every keystroke — a lot in one long paragraph, which Qt lays
out as a whole — so only the marks on or near the screen are handed to the editor, at most
``MAX_VISIBLE_MARKS`` (the most severe), again after each scroll. A mark gets its (edit-
following) cursor the first time it comes near the screen, so a long script with thousands
of findings costs no more than a short one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from app.domain.coach import Finding, Report, Severity
from app.ui.text_positions import to_qt_position, utf16_offsets
from app.ui.theme import coach_colour, is_dark

MAX_VISIBLE_MARKS = 40  # each costs ~0.13 ms a keystroke in one long paragraph (bench)
SCROLL_MARGIN = 200  # characters beyond the screen that are marked too
MAX_TOOLTIP_FINDINGS = 3  # the words under the mouse; a long sentence may hold more
_RANK = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.TIP: 3}  # phone numbers are 0


@dataclass
class _Mark:
    start: int  # document positions when the report was made
    end: int
    rank: int
    format: QTextCharFormat
    finding: Finding | None  # None for a phone number's background
    selection: QTextEdit.ExtraSelection | None = None  # made when it first nears the screen


class CoachMarks(QObject):
    """Underlines the findings of the last report in ``text_edit``; selects one on request."""

    def __init__(self, text_edit: QPlainTextEdit) -> None:
        super().__init__(text_edit)
        self._edit = text_edit
        self._marks: list[_Mark] = []  # long spans first: short ones paint on top of them
        self._revision = -1  # the document's revision the report's offsets belong to
        self._enabled = True
        self._shown: list[int] = []  # ids of the selections the editor has now
        text_edit.viewport().installEventFilter(self)
        text_edit.verticalScrollBar().valueChanged.connect(self._show_visible)

    # --- what others call -------------------------------------------------------------------
    def show_report(self, report: Report, text: str) -> None:
        """Mark the findings of ``report``, which was made from ``text`` (the editor's text)."""
        astral = utf16_offsets(text)
        dark = is_dark(self._edit.palette())
        marks = []
        for number in report.numbers:
            fmt = QTextCharFormat()
            fmt.setBackground(coach_colour("number", dark))
            span = to_qt_position(number.start, astral), to_qt_position(number.end, astral)
            marks.append(_Mark(*span, 0, fmt, None))
        for finding in report.findings:
            if finding.end > finding.start:
                fmt = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(coach_colour(finding.severity.value, dark))
                span = to_qt_position(finding.start, astral), to_qt_position(finding.end, astral)
                marks.append(_Mark(*span, _RANK[finding.severity], fmt, finding))
        marks.sort(key=lambda mark: mark.start - mark.end)
        self._marks = marks
        self._revision = self._edit.document().revision()
        self._shown = [-1]  # whatever the editor has, replace it
        self._show_visible()

    def clear(self) -> None:
        self._marks, self._shown = [], []
        self._edit.setExtraSelections([])

    def set_enabled(self, enabled: bool) -> None:
        """With the coach hidden the editor shows no marks; shown again, they are back."""
        self._enabled = enabled
        self._shown = [-1]
        self._show_visible()

    def select(self, finding: Finding) -> None:
        """Select ``finding``'s words (where they are now) and put the focus in the editor."""
        mark = next((m for m in self._marks if m.finding == finding), None)
        span = self._span(mark) if mark is not None else None
        start, end = span if span is not None else (finding.start, finding.end)
        last = max(0, self._edit.document().characterCount() - 1)
        cursor = QTextCursor(self._edit.document())
        cursor.setPosition(min(start, last))
        cursor.setPosition(min(end, last), QTextCursor.MoveMode.KeepAnchor)
        self._edit.setTextCursor(cursor)
        self._edit.ensureCursorVisible()
        self._edit.setFocus()

    def findings_at(self, position: int) -> list[Finding]:
        """The findings marked at document ``position``, the most specific (shortest) first."""
        found = []
        for mark in self._marks:
            span = self._span(mark)
            if mark.finding is not None and span is not None and span[0] <= position < span[1]:
                found.append((span[1] - span[0], mark.finding))
        return [finding for _length, finding in sorted(found, key=lambda pair: pair[0])]

    # --- internals --------------------------------------------------------------------------
    def _span(self, mark: _Mark) -> tuple[int, int] | None:
        """Where ``mark`` is now; None if the text changed since and it has no cursor yet."""
        if mark.selection is not None:
            cursor = mark.selection.cursor
            return cursor.selectionStart(), cursor.selectionEnd()
        if self._edit.document().revision() == self._revision:
            return mark.start, mark.end
        return None  # the next analysis (after this pause in typing) places it again

    def _track(self, mark: _Mark) -> QTextEdit.ExtraSelection:
        if mark.selection is None:
            last = max(0, self._edit.document().characterCount() - 1)
            cursor = QTextCursor(self._edit.document())
            cursor.setPosition(min(mark.start, last))
            cursor.setPosition(min(mark.end, last), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = mark.format
            mark.selection = selection
        return mark.selection

    def _show_visible(self) -> None:
        """Hand the editor the most important marks on screen (and a little beyond it)."""
        visible: list[QTextEdit.ExtraSelection] = []
        if self._enabled and self._marks:
            viewport = self._edit.viewport()
            top = self._edit.cursorForPosition(QPoint(0, 0)).position()
            corner = QPoint(viewport.width(), viewport.height())
            bottom = self._edit.cursorForPosition(corner).position()
            first, last = top - SCROLL_MARGIN, bottom + SCROLL_MARGIN
            near = [
                mark
                for mark in self._marks
                if (span := self._span(mark)) is not None and span[1] >= first and span[0] <= last
            ]
            kept = {id(m) for m in sorted(near, key=lambda m: m.rank)[:MAX_VISIBLE_MARKS]}
            visible = [self._track(mark) for mark in near if id(mark) in kept]
        shown = [id(selection) for selection in visible]
        if shown != self._shown:  # a scroll within the same marks repaints nothing extra
            self._shown = shown
            self._edit.setExtraSelections(visible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._show_visible()
            return False
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            findings: list[Finding] = []
            if self._enabled:
                position = self._edit.cursorForPosition(event.pos()).position()
                findings = self.findings_at(position)[:MAX_TOOLTIP_FINDINGS]
            if findings:
                text = "\n\n".join(f"{f.message}\n{f.fix}" for f in findings)
                QToolTip.showText(event.globalPos(), text, self._edit.viewport())
            else:
                QToolTip.hideText()
            return True
        return False
