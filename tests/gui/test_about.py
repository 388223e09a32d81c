"""Help → About Brevity: versions, the data folder and the licences, opened from the menu."""

from __future__ import annotations

import sqlite3
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer, QUrl, qVersion
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import __version__
from app.ui.about import COMPONENTS, AboutDialog
from app.ui.actions import ActionId
from tests.gui.conftest import App


def test_help_about_shows_versions_and_the_data_folder(
    qtbot: QtBot, brevity: App, tmp_path: Path
) -> None:
    seen: list[dict[str, str]] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen.append(
            {
                "version": dialog.version_label.text(),
                "qt": dialog.qt_label.text(),
                "sqlite": dialog.sqlite_label.text(),
                "data": dialog.data_dir_label.text(),
            }
        )
        dialog.reject()

    help_menu = next(
        a.menu() for a in brevity.main_window.menuBar().actions() if a.text() == "&Help"
    )
    about = brevity.window.actions_[ActionId.ABOUT]
    assert help_menu is not None and about in help_menu.actions()
    QTimer.singleShot(0, read_and_close)
    about.trigger()

    assert seen == [
        {
            "version": __version__,
            "qt": f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
            "sqlite": sqlite3.sqlite_version,
            "data": str(tmp_path),
        }
    ]
    assert QApplication.activeModalWidget() is None


def test_the_open_folder_button_opens_the_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    opened: list[QUrl] = []
    dialog = AboutDialog(tmp_path, open_url=opened.append)
    qtbot.addWidget(dialog)
    dialog.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_the_licence_table_lists_brevity_and_every_component(qtbot: QtBot) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    rows = dialog.licence_rows()
    assert rows["Brevity"] == (__version__, "GPL-3.0-or-later")
    assert rows["Qt"][0] == qVersion()
    assert rows["SQLite"][0] == sqlite3.sqlite_version
    assert rows["pyqtgraph"] == (metadata.version("pyqtgraph"), "MIT")
    assert set(rows) == {"Brevity"} | {c.name for c in COMPONENTS}
    assert not dialog.open_folder_button.isEnabled()  # no folder to open


def test_the_stated_licences_agree_with_the_installed_metadata() -> None:
    for component in COMPONENTS:
        if not component.distribution:
            continue
        meta = metadata.metadata(component.distribution)
        declared = " ".join(
            [meta.get("License-Expression") or "", meta.get("License") or ""]
            + [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
        ).replace("GPLv3", "GPL-3.0")
        stated = component.licence.split(";")[0].split()[0]
        assert stated in declared, (component.name, declared)
