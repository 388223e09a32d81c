"""A fully wired main window on a real database file, driven by a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.script import Script, ScriptKind
from app.storage.database import close_database, open_database
from app.storage.repository import Repository
from app.ui.main_window import MainWindow
from app.ui.rehearsal import Rehearsal
from app.ui.settings import Preferences
from tests.helpers.clock import FakeClock

VOICEMAIL = (
    "Hi Jordan, it's Alex Rivera at 555-201-7788, calling for your advice on a move into "
    "supply chain. Could we find 15 minutes next week? Again, Alex Rivera, 555-201-7788."
)


@dataclass
class App:
    window: MainWindow
    repository: Repository
    rehearsal: Rehearsal
    preferences: Preferences
    clock: FakeClock
    script: Script


@pytest.fixture
def brevity(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> Iterator[App]:
    db = open_database(tmp_path / "brevity.sqlite3")
    repository = Repository(db)
    script = repository.add_script(
        Script(name="Voicemail to Jordan", kind=ScriptKind.VOICEMAIL, target_s=30.0,
               text=VOICEMAIL))
    preferences = Preferences(tmp_path / "settings.ini")
    rehearsal = Rehearsal(repository, clock, preferences)
    window = MainWindow(repository, rehearsal, preferences)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.progress.build_chart()
    yield App(window, repository, rehearsal, preferences, clock, script)
    window.close()
    close_database(db)
