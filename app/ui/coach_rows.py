"""The rows of the coach's checklist: a check with its mark, and a finding to click.

Marks differ in shape (a tick in a circle, a warning triangle), not only in colour, and are
drawn with the theme's line icons so they keep their contrast on a dark palette.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.coach import Check, Finding
from app.ui.theme import coach_colour, line_icon

ICON_PX = 16


class FindingRow(QFrame):
    """One thing to fix: its message and its fix. Click, Enter or Space activates it."""

    activated = Signal(object)  # Finding

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("coachFinding")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(finding.message)
        self.setAccessibleDescription(f"{finding.fix} Press Enter to select it in the script.")
        self.setToolTip("Click to select it in the script")
        message = QLabel(finding.message)
        message.setWordWrap(True)
        fix = QLabel(finding.fix)
        fix.setWordWrap(True)
        fix.setObjectName("coachFix")
        font = QFont(fix.font())
        font.setItalic(True)
        fix.setFont(font)
        column = QVBoxLayout(self)
        column.setContentsMargins(ICON_PX + 12, 4, 6, 4)  # indented under its check
        column.setSpacing(1)
        column.addWidget(message)
        column.addWidget(fix)
        self.message_label, self.fix_label = message, fix

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.finding)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.finding)
            return
        super().keyPressEvent(event)


@cache
def _mark_pixmap(passed: bool, dark: bool) -> QPixmap:
    """The pass or warning mark, drawn once per theme (the checklist is rebuilt often)."""
    if passed:
        icon = line_icon("check-pass", dark)
    else:
        icon = line_icon("check-fail", dark, coach_colour("warning", dark))
    return icon.pixmap(ICON_PX, ICON_PX)


class CheckRow(QWidget):
    """A checklist line: a pass or warning mark (shape, not only colour) and the title."""

    def __init__(self, check: Check, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        mark = QLabel()
        mark.setPixmap(_mark_pixmap(check.passed, dark))
        mark.setFixedWidth(ICON_PX + 4)
        mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(check.title)
        title.setWordWrap(True)
        if not check.passed:
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
        state = "done" if check.passed else "needs work"
        self.setAccessibleName(f"{check.title}: {state}")
        title.setAccessibleName(f"{check.title}: {state}")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        row.setSpacing(6)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(title, 1)
        self.title_label = title
