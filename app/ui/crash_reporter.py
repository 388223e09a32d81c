"""Unexpected exceptions on screen: one non-modal dialog, and Brevity keeps running.

``crash_log.ExceptionLog`` has already written the traceback to the log file; this shows it.
The text crosses to the GUI thread through a queued signal (an exception in a worker thread
must not build widgets there). While the dialog is open, later errors are added to its
details; after it is closed, the same error again within a minute is only logged, so a
failing paint cannot bury the window under dialogs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.ui.crash_log import ExceptionLog
from app.ui.error_dialog import ErrorDialog

REPEAT_QUIET_S = 60.0

log = logging.getLogger(__name__)


class CrashReporter(QObject):
    """Listens to the exception log and owns the error dialog."""

    _caught = Signal(str, str)  # details, signature: from any thread to the GUI thread

    def __init__(
        self,
        exceptions: ExceptionLog,
        window: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self._exceptions = exceptions
        self._window = window
        self._clock = clock
        self.dialog: ErrorDialog | None = None  # the last one shown
        self._shown_at: dict[str, float] = {}  # signature -> when it was last shown
        self._caught.connect(self._on_caught)
        self._listener = self._caught.emit
        exceptions.listener = self._listener

    def detach(self) -> None:
        """Stop showing errors (they are still logged)."""
        if self._exceptions.listener is self._listener:
            self._exceptions.listener = None

    def _on_caught(self, details: str, signature: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(details)
            return
        now = self._clock()
        last = self._shown_at.get(signature)
        if last is not None and now - last < REPEAT_QUIET_S:
            return  # said a moment ago: the log has it
        self._shown_at[signature] = now
        try:
            self.dialog = ErrorDialog(details, self._exceptions.log_file, self._window)
            self.dialog.show()
            self.dialog.raise_()
        except Exception:  # the reporter must never raise into the hook that called it
            log.exception("could not show the error dialog")
