"""The Edit tab: the script editor with the script coach beside it (a remembered splitter).

Shows what the coach reported in three places that always agree: the panel (budget,
estimate, checklist), the marks in the text, and the editor's info line.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.domain.coach import Finding, Report
from app.ui.coach_marks import CoachMarks
from app.ui.coach_panel import CoachPanel, budget_text, estimate_text
from app.ui.editor import ScriptEditor

COACH_WIDTH_PX = 280


def info_text(report: Report, with_estimate: bool) -> str:
    """The editor's info line. With the coach panel shown the estimate is there, not here:
    one estimate on screen, never two."""
    words = f"{report.words} word{'' if report.words == 1 else 's'}"
    if not with_estimate:
        return words
    return f"{words} · {budget_text(report.words_left)} · {estimate_text(report)}"


class EditPage(QWidget):
    """Editor on the left, coach on the right; decides nothing itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = ScriptEditor()
        self.coach_panel = CoachPanel()
        self.marks = CoachMarks(self.editor.text_edit)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("editSplitter")
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.coach_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([500, COACH_WIDTH_PX])
        self._last_report: Report | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.splitter)
        self.coach_panel.finding_activated.connect(self._on_coach_panel_finding_activated)

    # --- what others call -------------------------------------------------------------------
    def show_report(self, report: Report, text: str, profile_missing: bool) -> None:
        self._last_report = report
        self.coach_panel.show_report(report, profile_missing)
        self.marks.show_report(report, text)
        self.editor.show_info(info_text(report, not self.coach_visible()))

    def show_too_long(self, words: int) -> None:
        self._last_report = None
        self.coach_panel.show_too_long(words)
        self.marks.clear()
        self.editor.show_info(f"{words:,} words · too long to check while you type")

    def show_no_script(self) -> None:
        self._last_report = None
        self.coach_panel.show_no_script()
        self.marks.clear()
        self.editor.show_info("")

    def set_coach_visible(self, visible: bool) -> None:
        self.coach_panel.setVisible(visible)
        sizes = self.splitter.sizes()
        if visible and sizes[1] == 0:  # restored from a state saved while it was hidden
            self.splitter.setSizes([max(sizes[0] - COACH_WIDTH_PX, 1), COACH_WIDTH_PX])
        self.marks.set_enabled(visible)
        if self._last_report is not None:
            self.editor.show_info(info_text(self._last_report, not visible))

    def coach_visible(self) -> bool:
        return not self.coach_panel.isHidden()

    def restore_state(self, state: QByteArray | None) -> None:
        if state is not None:
            self.splitter.restoreState(state)

    def save_state(self) -> QByteArray:
        return self.splitter.saveState()

    # --- reactions --------------------------------------------------------------------------
    def _on_coach_panel_finding_activated(self, finding: Finding) -> None:
        self.marks.select(finding)
