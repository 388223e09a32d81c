"""A fully wired window whose rehearsal records through a fake microphone (see the
``make_rig`` fixture in tests/gui/recording/conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from app.domain.attempt import Attempt
from app.domain.script import Script, ScriptKind
from app.storage.database import open_database
from app.storage.recordings import RECORDINGS_DIRNAME
from app.storage.repository import Repository
from app.ui.main_window import MainWindow
from app.ui.recorder import Recorder
from app.ui.rehearsal import Rehearsal
from app.ui.settings import Preferences
from app.ui.workspace import Workspace
from tests.gui.conftest import VOICEMAIL
from tests.helpers.clock import FakeClock
from tests.helpers.fake_audio import FakeAudioInput, read_fixture, truth
from tests.helpers.windows import show_active

CLEAN = read_fixture("clean_pause.wav")  # a voicemail with one pause, silence around it
CLEAN_TRUTH = truth("clean_pause.wav")


class UtcNow:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Rig:
    window: Workspace
    main_window: MainWindow
    repository: Repository
    rehearsal: Rehearsal
    preferences: Preferences
    clock: FakeClock
    utc: UtcNow
    mic: FakeAudioInput
    script: Script
    data_dir: Path

    def space(self, qtbot: QtBot) -> None:
        qtbot.keyClick(self.window.prompter, Qt.Key.Key_Space)

    def attempts(self) -> list[Attempt]:
        return self.repository.list_attempts(self.script.id)

    def take(self, qtbot: QtBot, pcm: bytes = CLEAN, seconds: float | None = None) -> Attempt:
        """One whole take: Space, the sound, the clock moved on, Space."""
        self.mic.pcm = pcm
        self.space(qtbot)
        self.mic.push_all()
        self.clock.advance(seconds if seconds is not None else len(pcm) / 32000)
        with qtbot.waitSignal(self.rehearsal.take_saved):
            self.space(qtbot)
        return self.attempts()[-1]

    def files(self) -> list[Path]:
        return sorted((self.data_dir / RECORDINGS_DIRNAME).glob("*.wav"))


def build_rig(
    qtbot: QtBot, data_dir: Path, clock: FakeClock, mic: FakeAudioInput, **preferences: object
) -> tuple[Rig, Database]:
    """The window on a fresh database in ``data_dir``, recording through ``mic``."""
    utc = UtcNow()
    db = open_database(data_dir / "brevity.sqlite3")
    repository = Repository(db, now=utc)
    script = repository.add_script(
        Script(name="Voicemail", kind=ScriptKind.VOICEMAIL, target_s=30.0, text=VOICEMAIL)
    )
    prefs = Preferences(data_dir / "settings.ini")
    for name, value in preferences.items():
        setattr(prefs, name, value)
    rehearsal = Rehearsal(repository, clock, prefs, recorder=Recorder(mic, data_dir, clock=clock))
    main_window = MainWindow(prefs)
    qtbot.addWidget(main_window)
    workspace = Workspace(main_window, repository, rehearsal, prefs, data_dir=data_dir)
    main_window.resize(1280, 800)
    show_active(qtbot, main_window)
    rig = Rig(
        workspace, main_window, repository, rehearsal, prefs, clock, utc, mic, script, data_dir
    )
    return rig, db
