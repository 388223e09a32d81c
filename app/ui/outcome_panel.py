"""After a take: the result in words, how it went (keys 1-4), its replay and an optional note."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.attempt import RATED_OUTCOMES, Attempt, Outcome
from app.domain.verdicts import DEFAULT_READABLE_WPM, result_line
from app.ui.theme import is_dark, line_icon

NOTE_MIN_CHARS = 24  # the note is typed, so it gets room to show what was typed


class NoteEdit(QLineEdit):
    """The note field: Enter or Esc hands the keys back (``left``) so Space starts the next
    take; leaving saves the note (``editingFinished``)."""

    left = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.accept()
            self.left.emit()


class OutcomePanel(QFrame):
    """Shown once a take is saved; rating and note update that saved attempt.

    Its room stays reserved while it is hidden, so the prompter never moves when it shows.
    """

    outcome_chosen = Signal(object)  # Outcome
    note_entered = Signal(str)
    note_left = Signal()  # Enter or Esc in the note: the prompter takes the keys again
    play_requested = Signal(int)  # the id of the take shown, to play its recording

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomePanel")
        self._attempt_id: int | None = None
        self.result_label = QLabel()
        font = QFont(self.result_label.font())
        font.setPixelSize(18)
        font.setBold(True)
        self.result_label.setFont(font)
        self.result_label.setMinimumHeight(self.result_label.fontMetrics().lineSpacing())
        self.cheer_label = QLabel()
        self.cheer_label.setObjectName("cheer")
        self.cheer_label.setWordWrap(True)
        # Room for two lines of cheer whatever it says, so the panel's height never changes.
        self.cheer_label.setMinimumHeight(self.cheer_label.fontMetrics().lineSpacing() * 2)
        self.cheer_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.buttons: dict[Outcome, QPushButton] = {}
        self.question_label = QLabel("How did it go?")
        rating = QHBoxLayout()
        rating.addWidget(self.question_label)
        for number, outcome in enumerate(RATED_OUTCOMES, start=1):
            rating.addWidget(self._rating_button(number, outcome))
        rating.addStretch(1)
        self.play_button = QPushButton("Play this take")
        self.play_button.setIcon(line_icon("play", is_dark(QGuiApplication.palette())))
        self.play_button.setAccessibleName("Play the take just made")
        self.play_button.setToolTip("Play the recording of the take just made (P)")
        self.play_button.clicked.connect(self._on_play_button_clicked)
        self.note_edit = NoteEdit()
        self.note_edit.setPlaceholderText("Note (optional) — what to change next time")
        self.note_edit.setAccessibleName("Note about this take")
        self.note_edit.setMinimumWidth(
            self.note_edit.fontMetrics().averageCharWidth() * NOTE_MIN_CHARS
        )
        self.note_edit.editingFinished.connect(self._on_note_edit_finished)
        self.note_edit.left.connect(self.note_left)
        note_row = QHBoxLayout()
        note_row.addWidget(self.play_button)
        note_row.addWidget(self.note_edit, 1)
        header = QHBoxLayout()
        header.addWidget(self.result_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.cheer_label, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 10)
        column.addLayout(header)
        column.addLayout(rating)
        column.addLayout(note_row)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)

    def _rating_button(self, number: int, outcome: Outcome) -> QPushButton:
        # Plain checkable buttons, not an exclusive group: Tab stops at each of them.
        button = QPushButton(f"{number}  {outcome.label}")
        button.setCheckable(True)
        button.setAccessibleName(f"Rate the take: {outcome.label}")
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        button.setProperty("outcome", outcome.value)  # its colour: ui.theme's style sheet
        button.clicked.connect(lambda _=False, o=outcome: self._on_rating_clicked(o))
        self.buttons[outcome] = button
        return button

    def show_attempt(
        self,
        attempt: Attempt,
        cheer: str,
        *,
        readable_wpm: float = DEFAULT_READABLE_WPM,
        lines_left: int = 0,
    ) -> None:
        # The words come from the one rule (app/domain/verdicts.py), as the cards' figures do.
        self.result_label.setText(result_line(attempt, readable_wpm, lines_left=lines_left))
        self.cheer_label.setText(cheer)
        self.set_outcome(attempt.outcome)
        rateable = attempt.outcome is not Outcome.ABANDONED  # an abandoned take stays so
        for widget in (self.question_label, *self.buttons.values()):
            widget.setVisible(rateable)
        self.note_edit.setText(attempt.note)
        self._attempt_id = attempt.id
        self.play_button.setEnabled(bool(attempt.recording))
        self.show()

    def set_outcome(self, outcome: Outcome) -> None:
        for key, button in self.buttons.items():
            button.setChecked(key is outcome)

    def _on_rating_clicked(self, outcome: Outcome) -> None:
        self.set_outcome(outcome)  # a second click on the checked one keeps it checked
        self.outcome_chosen.emit(outcome)

    def _on_play_button_clicked(self) -> None:
        if self._attempt_id is not None:
            self.play_requested.emit(self._attempt_id)

    def _on_note_edit_finished(self) -> None:
        self.note_entered.emit(self.note_edit.text().strip())
