"""The main window's first size: roomy on a big screen, never larger than the screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from app.ui.main_window import DEFAULT_SIZE, MainWindow, default_size
from app.ui.settings import Preferences


def test_a_first_window_is_roomy_but_fits_the_screen() -> None:
    assert default_size(QSize(2560, 1440)) == DEFAULT_SIZE == QSize(1600, 1000)
    assert default_size(QSize(1366, 740)) == QSize(1229, 666)


def test_a_window_without_saved_geometry_takes_the_default_for_its_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(Preferences(tmp_path / "settings.ini"))
    qtbot.addWidget(window)

    assert window.size() == default_size(window.screen().availableGeometry().size())
