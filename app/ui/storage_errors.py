"""Storage errors told to the user: what the disk refused, and what happens to the work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.storage.database import is_locked_error

UNSAVED_TYPING = "Your typing is kept and saved again as soon as the file can be written."


class StorageErrorReporter(QObject):
    """Shows a warning for a failed write, once per message rather than on every retry."""

    def __init__(self, dialog_parent: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dialog_parent = dialog_parent
        self._last_text = ""
        self._quiet = False

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """No warnings inside: at close one dialog says what could not be written."""
        self._quiet, was = True, self._quiet
        try:
            yield
        finally:
            self._quiet = was

    def report(self, error: object, consequence: str) -> None:
        """Warn that ``error`` stopped a write; ``consequence`` says what becomes of it."""
        if is_locked_error(error):
            reason = f"another program is using its data file right now ({error})"
        else:
            reason = str(error)
        text = f"Brevity could not write to its database: {reason}\n\n{consequence}"
        if text != self._last_text and not self._quiet:  # once, not on every retry
            self._last_text = text
            QMessageBox.warning(self._dialog_parent, "Could not save", text)

    def report_unsaved_typing(self, error: str) -> None:
        """The text saver's write failed: the typing waits in memory for its retry."""
        self.report(error, UNSAVED_TYPING)
