"""The top-level window. It paints at once; the workspace is installed right after.

Start-up is staged so the window appears as fast as a bare QMainWindow: this module imports
nothing but Qt, the first paint shows a quiet "opening" page, and only then are the database
(sqlite-utils) and the full workspace loaded. pyqtgraph comes later still.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from app import APP_NAME
from app.ui.settings import Preferences

DEFAULT_SIZE = QSize(1600, 1000)  # the editor, the coach and the chart side by side
SCREEN_SHARE = 0.9  # a first window never covers the whole screen


def default_size(available: QSize) -> QSize:
    """The first window's size: roomy, but at most nine tenths of the screen each way."""
    return DEFAULT_SIZE.boundedTo(
        QSize(int(available.width() * SCREEN_SHARE), int(available.height() * SCREEN_SHARE))
    )


class MainWindow(QMainWindow):
    """Title, geometry, the first-paint signal and an orderly close."""

    first_painted = Signal()
    closing = Signal()  # before the window goes: save what is pending

    def __init__(self, preferences: Preferences) -> None:
        super().__init__()
        self._preferences = preferences
        self._painted = False
        # Asked before the window closes, with whether anyone can be asked (not at SIGTERM);
        # it answers False to keep the window open.
        self.close_check: Callable[[bool], bool] | None = None
        self._unattended = False
        self.setWindowTitle(f"{APP_NAME} — rehearse your voicemail")
        placeholder = QLabel("Opening your scripts…")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setEnabled(False)
        self.setCentralWidget(placeholder)
        geometry = preferences.layout_state("window")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(default_size(self.screen().availableGeometry().size()))

    def install(self, central: QWidget) -> None:
        """Replace the opening page with the real workspace."""
        self.setCentralWidget(central)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def close_unattended(self) -> None:
        """Close with nobody there to answer a question (SIGTERM: a logout, ``kill``)."""
        self._unattended = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        unattended, self._unattended = self._unattended, False
        if self.close_check is not None and not self.close_check(not unattended):
            event.ignore()
            return
        self.closing.emit()
        self._preferences.set_layout_state("window", self.saveGeometry())
        self._preferences.sync()
        super().closeEvent(event)
