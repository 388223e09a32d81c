"""After a take: the result in words, how it went (keys 1-4) and an optional note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.attempt import RATED_OUTCOMES, Attempt, Outcome, TargetVerdict


class OutcomePanel(QFrame):
    """Shown once a take is saved; rating and note update that saved attempt."""

    outcome_chosen = Signal(object)  # Outcome
    note_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomePanel")
        self.result_label = QLabel()
        font = QFont(self.result_label.font())
        font.setPixelSize(18)
        font.setBold(True)
        self.result_label.setFont(font)
        self.cheer_label = QLabel()
        self.cheer_label.setObjectName("cheer")
        self.buttons: dict[Outcome, QPushButton] = {}
        self._group = QButtonGroup(self)
        row = QHBoxLayout()
        self.question_label = QLabel("How did it go?")
        row.addWidget(self.question_label)
        for number, outcome in enumerate(RATED_OUTCOMES, start=1):
            button = QPushButton(f"{number}  {outcome.label}")
            button.setCheckable(True)
            button.setAccessibleName(f"Rate the take: {outcome.label}")
            button.setProperty("outcome", outcome.value)  # its colour: ui.theme's style sheet
            button.clicked.connect(lambda _=False, o=outcome: self.outcome_chosen.emit(o))
            self._group.addButton(button)
            self.buttons[outcome] = button
            row.addWidget(button)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Note (optional) — what to change next time")
        self.note_edit.setAccessibleName("Note about this take")
        self.note_edit.editingFinished.connect(self._on_note_edit_finished)
        row.addWidget(self.note_edit, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 10)
        header = QHBoxLayout()
        header.addWidget(self.result_label)
        header.addWidget(self.cheer_label, 1)
        column.addLayout(header)
        column.addLayout(row)

    def show_attempt(self, attempt: Attempt, cheer: str) -> None:
        self.result_label.setText(self._result_text(attempt))
        self.cheer_label.setText(cheer)
        self.set_outcome(attempt.outcome)
        rateable = attempt.outcome is not Outcome.ABANDONED  # an abandoned take stays so
        for widget in (self.question_label, *self.buttons.values()):
            widget.setVisible(rateable)
        self.note_edit.setText(attempt.note)
        self.show()

    def set_outcome(self, outcome: Outcome) -> None:
        self._group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key is outcome)
        self._group.setExclusive(True)

    def _on_note_edit_finished(self) -> None:
        self.note_entered.emit(self.note_edit.text().strip())

    @staticmethod
    def _result_text(attempt: Attempt) -> str:
        if attempt.outcome is Outcome.ABANDONED:
            return f"Abandoned at {attempt.duration_s:.1f} s"
        length = attempt.timed_s  # the speech itself when it was measured
        delta = length - attempt.target_s
        spoken = " spoken" if attempt.spoken_s is not None else ""
        verdict = attempt.verdict
        if verdict is TargetVerdict.OVER:
            return f"{length:.1f} s{spoken} — {delta:.1f} s over"
        if verdict is TargetVerdict.UNDER:
            return f"{length:.1f} s{spoken} — {-delta:.1f} s under target"
        return f"{length:.1f} s{spoken} — on target"
