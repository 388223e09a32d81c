"""A fully wired main window on a real database file, driven by a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.domain.script import Script, ScriptKind
from app.storage.database import close_database, open_database
from app.storage.recovery import Backups
from app.storage.repository import Repository
from app.ui.main_window import MainWindow
from app.ui.profile_dialog import ProfileDialog
from app.ui.rehearsal import Rehearsal
from app.ui.settings import Preferences
from app.ui.workspace import Workspace
from tests.helpers.clock import FakeClock

VOICEMAIL = (
    "Hi Jordan, it's Alex Rivera at 555-201-7788, calling for your advice on a move into "
    "supply chain. Could we find 15 minutes next week? Again, Alex Rivera, 555-201-7788."
)


@dataclass
class App:
    window: Workspace  # the views and their wiring (named for what tests drive)
    main_window: MainWindow
    repository: Repository
    rehearsal: Rehearsal
    preferences: Preferences
    clock: FakeClock
    script: Script


@contextmanager
def wired_app(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, *, with_backups: bool = False
) -> Iterator[App]:
    """The wired window on a fresh database in ``tmp_path``, shown and active, its chart
    built; with ``with_backups``, backups go to ``tmp_path / "backups"`` as at start-up."""
    db = open_database(tmp_path / "brevity.sqlite3")
    repository = Repository(db)
    script = repository.add_script(
        Script(name="Voicemail to Jordan", kind=ScriptKind.VOICEMAIL, target_s=30.0, text=VOICEMAIL)
    )
    preferences = Preferences(tmp_path / "settings.ini")
    rehearsal = Rehearsal(repository, clock, preferences)
    main_window = MainWindow(preferences)
    qtbot.addWidget(main_window)
    backups = Backups(db, tmp_path / "backups") if with_backups else None
    workspace = Workspace(
        main_window, repository, rehearsal, preferences, data_dir=tmp_path, backups=backups
    )
    main_window.resize(1280, 800)
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    workspace.progress.build_chart()
    try:
        yield App(workspace, main_window, repository, rehearsal, preferences, clock, script)
    finally:  # a failed test still closes the database (no ResourceWarning on top)
        main_window.close()
        close_database(db)


@pytest.fixture(autouse=True)
def restore_theme(qapp: QApplication) -> Iterator[QApplication]:
    """Put the application's style, palette and style sheet back after each test: accepting
    the Preferences dialog applies a theme to the whole (shared) application."""
    app = qapp
    style, palette, sheet = app.style().name(), app.palette(), app.styleSheet()
    yield app
    app.setStyleSheet(sheet)
    app.setStyle(style)
    app.setPalette(palette)


@pytest.fixture
def brevity(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> Iterator[App]:
    with wired_app(qtbot, tmp_path, clock) as app:
        yield app


def save_profile_in_dialog(qtbot: QtBot, name: str, phone: str) -> None:
    """Fill the open "Your details" dialog and click Save (call it from a single shot)."""
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ProfileDialog)
    dialog.name_edit.setText(name)
    dialog.phone_edit.setText(phone)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
