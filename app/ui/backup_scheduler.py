"""When Brevity backs up while it runs: at start, every 30 minutes, and on close.

Each call is cheap when nothing changed (``make_backup`` compares contents and returns None).
A timed backup never runs in the middle of a take — it would cost the teleprompter frames — but
waits a minute and asks again. A failure is reported, never raised: the user's work goes on.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.storage.backup import BackupError

BACKUP_INTERVAL_MS = 30 * 60 * 1000
BUSY_RETRY_MS = 60 * 1000


class BackupScheduler(QObject):
    """Calls ``back_up`` at start, on a timer, and when told the app is closing."""

    backed_up = Signal(Path)  # a new backup file was written
    failed = Signal(str)  # why a backup could not be made, for the user

    def __init__(
        self,
        back_up: Callable[[], Path | None],
        busy: Callable[[], bool] = lambda: False,
        *,
        interval_ms: int = BACKUP_INTERVAL_MS,
        retry_ms: int = BUSY_RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._back_up, self._busy = back_up, busy
        self._interval_ms, self._retry_ms = interval_ms, retry_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)  # re-armed after each run, so a slow one never stacks
        self.timer.timeout.connect(self._on_timer_timeout)
        self._finished = False

    def start(self) -> None:
        """Back up now (if anything changed since the last backup) and every interval after."""
        self.back_up_now()
        self.timer.start(self._interval_ms)

    def finish(self) -> None:
        """The close backup: stop the timer and back up once more. Call it after the window's
        pending text and takes have been written (``_Startup.close`` does)."""
        if self._finished:
            return
        self._finished = True
        self.timer.stop()
        self.back_up_now()

    def back_up_now(self) -> Path | None:
        try:
            made = self._back_up()
        except (BackupError, sqlite3.Error, OSError) as error:
            message = f"Brevity could not back up its data: {error}"
            print(f"brevity: {message}", file=sys.stderr)
            self.failed.emit(message)
            return None
        if made is not None:
            self.backed_up.emit(made)
        return made

    def _on_timer_timeout(self) -> None:
        if self._busy():
            self.timer.start(self._retry_ms)
            return
        self.back_up_now()
        self.timer.start(self._interval_ms)
