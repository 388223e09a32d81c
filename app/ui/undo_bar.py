"""A slim bar saying what just happened, with an Undo button, that hides itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

UNDO_VISIBLE_MS = 10_000


class UndoBar(QFrame):
    """Shows one undoable change at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.label = QLabel()
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo the last deletion")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        self._undo: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDO_VISIBLE_MS)
        self._timer.timeout.connect(self.dismiss)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.hide()

    def offer(self, message: str, undo: Callable[[], None]) -> None:
        self.label.setText(message)
        self._undo = undo
        self.undo_button.show()
        self.show()
        self._timer.start()

    def notify(self, message: str) -> None:
        """Say what just happened (an export, say) with nothing to undo."""
        self.label.setText(message)
        self._undo = None
        self.undo_button.hide()
        self.show()
        self._timer.start()

    def dismiss(self) -> None:
        self._undo = None
        self.hide()

    def _on_undo_button_clicked(self) -> None:
        undo, self._undo = self._undo, None
        self.hide()
        if undo is not None:
            undo()
