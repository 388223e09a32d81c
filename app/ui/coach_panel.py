"""The script coach beside the editor: word budget, spoken estimate, score and checklist.

A view only: it shows a ``Report`` it is handed and says what the user clicked. Failing
checks list their findings (message and fix, wrapped); clicking one, or Enter on it, emits
``finding_activated`` so the owner can select its span in the editor.
"""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.coach import Finding, Report
from app.ui.coach_rows import ICON_PX, CheckRow, FindingRow
from app.ui.theme import is_dark, set_style_flag

MAX_FINDINGS_PER_CHECK = 3  # more of the same kind would bury the other checks, until asked
OTHERS_GROUP = "more_suggestions"  # the findings no check lists
PROFILE_NOTE = "Tell the coach your name and number, so it can check you say them."
PROFILE_BUTTON = "Add your name and number…"
TOO_LONG_NOTE = "Too long to check while you type"
NO_SCRIPT_NOTE = "Pick or create a script to see the coach's checklist."


def budget_text(words_left: int) -> str:
    """ "14 words left" / "1 word over"."""
    count = abs(words_left)
    noun = "word" if count == 1 else "words"
    return f"{count} {noun} {'left' if words_left >= 0 else 'over'}"


def estimate_text(report: Report) -> str:
    """ "≈ 27 s of 30 s at your pace over 6 takes (4.1 syllables a second)"."""
    return (
        f"≈ {report.estimated_seconds:.0f} s of {report.target_s:g} s at {report.rate.description}"
    )


class CoachPanel(QWidget):
    """Shows the coach's report; emits what the user wants to look at or change."""

    finding_activated = Signal(object)  # Finding
    profile_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coachPanel")
        self.setAccessibleName("Script coach")
        self._shown: tuple[object, ...] | None = None
        self._report: Report | None = None
        self._profile_missing = False
        self.finding_rows: list[FindingRow] = []
        self.more_buttons: list[QPushButton] = []  # "… and 9 more like these"
        self._expanded: set[str] = set()  # the checks whose findings are all shown
        self.heading = QLabel("Script coach")
        self.budget_label = QLabel()
        self.budget_label.setObjectName("coachBudget")
        font = QFont(self.budget_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.budget_label.setFont(font)
        self.estimate_label = QLabel()
        self.estimate_label.setWordWrap(True)
        self.profile_note = self._build_profile_note()
        self.score_label = QLabel()
        self.score_label.setObjectName("coachScore")
        bold = QFont(self.score_label.font())
        bold.setBold(True)
        self.score_label.setFont(bold)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._checklist = QWidget()
        self._checklist_layout = QVBoxLayout(self._checklist)
        self._checklist_layout.setContentsMargins(0, 0, 4, 0)
        self._checklist_layout.setSpacing(2)
        self._checklist.setAccessibleName("Checklist")
        self._build_layout()
        self.show_no_script()

    def _build_profile_note(self) -> QFrame:
        note = QFrame()
        note.setObjectName("coachProfileNote")
        note.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(PROFILE_NOTE)
        text.setWordWrap(True)
        self.profile_button = QPushButton(PROFILE_BUTTON)
        self.profile_button.setAccessibleName(PROFILE_BUTTON.rstrip("…"))
        self.profile_button.clicked.connect(self.profile_requested)
        column = QVBoxLayout(note)
        column.setContentsMargins(8, 6, 8, 6)
        column.addWidget(text)
        column.addWidget(self.profile_button, 0, Qt.AlignmentFlag.AlignLeft)
        note.hide()
        return note

    def _build_layout(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.score_label)
        column.addWidget(self.note_label)
        column.addWidget(self._checklist)
        column.addStretch(1)
        scroll.setWidget(body)
        self.heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(6)
        outer.addWidget(self.heading)
        outer.addWidget(self.budget_label)
        outer.addWidget(self.estimate_label)
        outer.addWidget(self.profile_note)
        outer.addSpacing(4)
        outer.addWidget(scroll, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(220)

    # --- what others call -------------------------------------------------------------------
    def show_report(self, report: Report, profile_missing: bool) -> None:
        """Show ``report``; the checklist is rebuilt only when what it lists changed."""
        self._report, self._profile_missing = report, profile_missing
        self._set_budget(report.words_left)
        self.budget_label.show()
        empty = report.words == 0
        self.estimate_label.setText(estimate_text(report))
        self.estimate_label.setVisible(not empty)  # "≈ 0 s" says nothing
        self.profile_note.setVisible(profile_missing)
        shown = (report.checks, report.findings, empty, is_dark(self.palette()))
        if shown == self._shown:
            return
        self._shown = shown
        if empty:
            self._show_empty(report)
        else:
            ready = " — ready to rehearse" if report.score == report.max_score else ""
            self.score_label.setText(f"{report.score} of {report.max_score} checks{ready}")
            self.score_label.setAccessibleName(
                f"Score: {report.score} of {report.max_score} checks pass"
            )
            self.score_label.setToolTip(  # the history's scores are each version's, then
                f"Scored now, at {report.rate.description}; the history shows each version's "
                "score from when you rehearsed it, at your pace then"
            )
            self.score_label.show()
            self.note_label.hide()
            self._fill_checklist(report)

    def show_too_long(self, words: int) -> None:
        """A text too long to check between keystrokes: say so instead of freezing."""
        self._report = None
        self._shown = None
        self.budget_label.setText(f"{words:,} words")
        set_style_flag(self.budget_label, "over", False)
        self.estimate_label.setText("Far longer than a voicemail or a pitch.")
        self.profile_note.hide()
        self.score_label.hide()
        self._clear_checklist()
        self.note_label.setText(
            f"<b>{TOO_LONG_NOTE}.</b><br>Cut it down (or paste a shorter part) and the "
            "checklist returns."
        )
        self.note_label.show()

    def show_no_script(self) -> None:
        self._report = None
        self._shown = None
        for widget in (self.budget_label, self.estimate_label, self.profile_note):
            widget.hide()
        self.score_label.hide()
        self._clear_checklist()
        self.note_label.setText(NO_SCRIPT_NOTE)
        self.note_label.show()

    def score_text(self) -> str:
        return self.score_label.text() if self.score_label.isVisibleTo(self) else ""

    # --- drawing ----------------------------------------------------------------------------
    def _set_budget(self, words_left: int) -> None:
        self.budget_label.setText(budget_text(words_left))
        # Over the target it wears the theme's warning colour (ui.theme's style sheet).
        set_style_flag(self.budget_label, "over", words_left < 0)
        goal = "the target" if words_left < 0 else "for the target"
        self.budget_label.setAccessibleName(f"{budget_text(words_left)} {goal}")

    def _show_empty(self, report: Report) -> None:
        self.score_label.hide()
        self._clear_checklist()
        looks_for = "".join(f"<li>{html.escape(check.title)}</li>" for check in report.checks)
        intro = "Start writing — the coach checks your script each time you pause."
        self.note_label.setText(
            f"{intro}<p>It looks for:</p><ul>{looks_for}</ul>" if looks_for else intro
        )
        self.note_label.show()

    def _fill_checklist(self, report: Report) -> None:
        self._clear_checklist()
        dark = is_dark(self.palette())
        shown: set[Finding] = set()  # "number_missing" fails three checks: list it once
        for check in report.checks:
            self._checklist_layout.addWidget(CheckRow(check, dark))
            if not check.passed:
                found = [f for f in report.findings if f.id in check.finding_ids and f not in shown]
                shown.update(found)
                self._add_findings(found, check.id)
        others = [f for f in report.findings if f not in shown]
        if others:
            more = QLabel("More suggestions")
            more.setContentsMargins(0, 8, 0, 0)
            self._checklist_layout.addWidget(more)
            self._add_findings(others, OTHERS_GROUP)

    def _add_findings(self, findings: list[Finding], group: str) -> None:
        """A check's findings: the first few, and a button that opens the rest (which then
        stay open while the user writes on)."""
        shown = findings if group in self._expanded else findings[:MAX_FINDINGS_PER_CHECK]
        for finding in shown:
            row = FindingRow(finding)
            row.activated.connect(self.finding_activated)
            self.finding_rows.append(row)
            self._checklist_layout.addWidget(row)
        hidden = len(findings) - len(shown)
        if hidden:
            rest = QPushButton(f"… and {hidden} more like these")
            rest.setObjectName("coachMore")  # a quiet, link-like look: brevity.qss
            rest.setAccessibleName(f"Show {hidden} more like these")
            rest.setCursor(Qt.CursorShape.PointingHandCursor)
            rest.clicked.connect(partial(self._expand, group, len(self.finding_rows)))
            indent = QHBoxLayout()
            indent.setContentsMargins(ICON_PX + 10, 0, 0, 4)
            indent.addWidget(rest, 0, Qt.AlignmentFlag.AlignLeft)
            self._checklist_layout.addLayout(indent)
            self.more_buttons.append(rest)

    def _expand(self, group: str, first_new_row: int) -> None:
        """Show all of ``group``'s findings; the keyboard goes to the first one revealed."""
        self._expanded.add(group)
        if self._report is not None:
            self._shown = None
            self.show_report(self._report, self._profile_missing)
        if first_new_row < len(self.finding_rows):
            self.finding_rows[first_new_row].setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_checklist(self) -> None:
        self.finding_rows.clear()
        self.more_buttons.clear()
        while (item := self._checklist_layout.takeAt(0)) is not None:
            inner = item.layout()
            items = [inner.itemAt(i) for i in range(inner.count())] if inner else [item]
            for widget in (each.widget() for each in items if each is not None):
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
            if inner is not None:
                inner.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._report is not None:
            self._shown = None  # the marks and the budget colour follow the theme
            self.show_report(self._report, self._profile_missing)
