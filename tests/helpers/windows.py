"""Bringing a test's window up the way a user sees it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show ``window`` and wait until it is exposed and active, so that key clicks and
    shortcuts reach it."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
