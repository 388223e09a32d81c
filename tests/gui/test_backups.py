"""Backups while the app runs: the 30-minute timer, the close backup and Restore from backup…"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.storage.backup import BackupError, BackupInfo, list_backups
from app.storage.database import (
    BUSY_TIMEOUT_MS,
    INTERACTIVE_BUSY_TIMEOUT_MS,
    close_database,
    open_database,
)
from app.storage.recovery import Backups
from app.ui.actions import ActionId
from app.ui.backup_scheduler import BACKUP_INTERVAL_MS, BUSY_RETRY_MS, BackupScheduler
from app.ui.main_window import MainWindow
from app.ui.restore_dialog import RestoreDialog
from app.ui.settings import Preferences
from app.ui.workspace import Workspace
from tests.gui.conftest import App, wired_app
from tests.helpers.clock import FakeClock

NOW = datetime(2026, 11, 26, 13, 40, tzinfo=UTC)


class _Calls:
    """A stand-in for ``Backups.back_up`` that counts calls and returns what it is told."""

    def __init__(self, result: Path | None = None) -> None:
        self.count, self.result = 0, result
        self.error: Exception | None = None

    def __call__(self) -> Path | None:
        self.count += 1
        if self.error is not None:
            raise self.error
        return self.result


def test_start_backs_up_at_once_and_arms_the_30_minute_timer(qtbot: QtBot) -> None:
    calls = _Calls(Path("b.sqlite3"))
    scheduler = BackupScheduler(calls)
    with qtbot.waitSignal(scheduler.backed_up) as made:
        scheduler.start()
    assert calls.count == 1 and made.args == [Path("b.sqlite3")]
    assert scheduler.timer.isActive() and scheduler.timer.interval() == BACKUP_INTERVAL_MS
    assert BACKUP_INTERVAL_MS == 30 * 60 * 1000
    scheduler.timer.stop()


def test_each_timeout_backs_up_and_re_arms(qtbot: QtBot) -> None:
    calls = _Calls(None)  # unchanged: nothing written, nothing announced
    scheduler = BackupScheduler(calls, interval_ms=1234)
    with qtbot.assertNotEmitted(scheduler.backed_up):
        scheduler.timer.timeout.emit()
        scheduler.timer.timeout.emit()
    assert calls.count == 2
    assert scheduler.timer.isActive() and scheduler.timer.interval() == 1234
    scheduler.timer.stop()


def test_no_timed_backup_during_a_take_it_asks_again_a_minute_later(qtbot: QtBot) -> None:
    calls, running = _Calls(), [True]
    scheduler = BackupScheduler(calls, lambda: running[0], interval_ms=5000)
    scheduler.timer.timeout.emit()
    assert calls.count == 0
    assert scheduler.timer.interval() == BUSY_RETRY_MS
    running[0] = False
    scheduler.timer.timeout.emit()
    assert calls.count == 1 and scheduler.timer.interval() == 5000
    scheduler.timer.stop()


def test_finish_stops_the_timer_and_backs_up_once(qtbot: QtBot) -> None:
    calls = _Calls()
    scheduler = BackupScheduler(calls)
    scheduler.start()
    scheduler.finish()
    scheduler.finish()
    assert calls.count == 2  # start + close, not twice on close
    assert not scheduler.timer.isActive()


def test_a_failed_backup_is_reported_not_raised(qtbot: QtBot) -> None:
    calls = _Calls()
    calls.error = BackupError("the database is damaged (page 3)")
    scheduler = BackupScheduler(calls, interval_ms=777)
    with qtbot.waitSignal(scheduler.failed) as failed:
        scheduler.timer.timeout.emit()
    assert "page 3" in failed.args[0]
    assert scheduler.timer.isActive()  # it keeps trying
    scheduler.timer.stop()


def test_the_timer_writes_a_real_backup_only_when_the_data_changed(
    qtbot: QtBot, brevity: App, tmp_path: Path
) -> None:
    db = open_database(tmp_path / "brevity.sqlite3")  # a second connection to the same file
    try:
        backups = Backups(db, tmp_path / "backups")
        scheduler = BackupScheduler(backups.back_up, lambda: brevity.rehearsal.running)
        scheduler.timer.timeout.emit()
        scheduler.timer.timeout.emit()
        assert len(list_backups(tmp_path / "backups")) == 1
        assert brevity.script.id is not None
        brevity.repository.rename_script(brevity.script.id, "Call Jordan back")
        scheduler.timer.timeout.emit()
        assert len(list_backups(tmp_path / "backups")) == 2
        scheduler.timer.stop()
    finally:
        close_database(db)


# --- the dialog --------------------------------------------------------------------------


def _info(hours_ago: int, attempts: int | None, scripts: int | None = 4) -> BackupInfo:
    taken = NOW - timedelta(hours=hours_ago)
    path = Path(f"brevity-{taken:%Y-%m-%dT%H-%M-%S}Z.sqlite3")
    return BackupInfo(path, taken, attempts, scripts)


def test_the_dialog_lists_dates_and_counts_and_returns_the_chosen_one(qtbot: QtBot) -> None:
    backups = [_info(1, None, None), _info(2, 41), _info(30, 12, 3)]
    dialog = RestoreDialog(backups, NOW)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    local = (NOW - timedelta(hours=2)).astimezone()
    assert rows[1] == [f"{local:%A} {local.day} {local:%b}, {local:%H:%M}", "41", "4"]
    assert rows[0][1] == "unreadable"
    assert rows[2][1:] == ["12", "3"]
    assert dialog.chosen() == backups[1]  # the newest readable one, preselected
    assert not table.item(0, 0).flags() & Qt.ItemFlag.ItemIsSelectable
    table.selectRow(2)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == backups[2]


def test_with_no_backups_there_is_nothing_to_restore(qtbot: QtBot) -> None:
    dialog = RestoreDialog([], NOW)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert not dialog.restore_button.isEnabled()


# --- restoring in the running app ----------------------------------------------------------


@pytest.fixture
def with_backups(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> Iterator[App]:
    """The wired window of tests/gui/conftest.py, with backups as ``_Startup`` gives them."""
    with wired_app(qtbot, tmp_path, clock, with_backups=True) as app:
        yield app


def _take(qtbot: QtBot, app: App, seconds: float) -> None:
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)
    app.clock.advance(seconds)
    with qtbot.waitSignal(app.rehearsal.take_saved):
        qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)


def _notices() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_restore_from_the_menu_brings_the_old_takes_back_and_can_be_undone(
    qtbot: QtBot, with_backups: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _take(qtbot, with_backups, 25.0)
    assert with_backups.window._backups is not None
    with_backups.window._backups.back_up()
    _take(qtbot, with_backups, 28.0)
    _take(qtbot, with_backups, 31.0)
    assert len(with_backups.repository.list_attempts()) == 3
    shown: list[RestoreDialog] = []

    def accept_the_preselected(dialog: RestoreDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RestoreDialog, "exec", accept_the_preselected)
    with_backups.window.actions_[ActionId.RESTORE_BACKUP].trigger()

    assert [b.attempts for b in shown[0]._backups] == [1]
    assert len(with_backups.repository.list_attempts()) == 1
    assert with_backups.window.progress.attempts() == with_backups.repository.list_attempts()
    assert not with_backups.window.outcome_panel.isVisible()
    assert any("(1 take) was restored" in box.text() for box in _notices())
    # The three takes were backed up before the restore: restoring that backup undoes it.
    newest = list_backups(tmp_path / "backups")[0]
    assert newest.attempts == 3
    assert with_backups.window.restore_backup(newest)
    assert len(with_backups.repository.list_attempts()) == 3


def test_a_damaged_backup_is_refused_with_a_message_and_nothing_changes(
    qtbot: QtBot, with_backups: App, tmp_path: Path
) -> None:
    _take(qtbot, with_backups, 25.0)
    bad = tmp_path / "backups" / "brevity-2026-01-01T00-00-00Z.sqlite3"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00" * 8192)

    assert not with_backups.window.restore_backup(BackupInfo(bad, NOW, 9, 9))

    assert len(with_backups.repository.list_attempts()) == 1
    assert any("could not restore" in box.text() for box in _notices())


def test_without_backups_the_action_is_disabled(brevity: App) -> None:
    assert not brevity.window.actions_[ActionId.RESTORE_BACKUP].isEnabled()


# --- the start and close backups, as the app wires them -----------------------------------


def test_start_up_backs_up_and_the_close_backup_holds_text_typed_just_before(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from app.__main__ import _Startup, parse_args

    folder = tmp_path / "profile"
    args = parse_args(["--data-dir", str(folder)])
    preferences = Preferences(folder / "settings.ini")
    main_window = MainWindow(preferences)
    qtbot.addWidget(main_window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    startup = _Startup(app, main_window, preferences, args)
    startup.load()
    qtbot.waitUntil(lambda: len(list_backups(folder / "backups")) == 1)  # the start backup
    # Once the window is up, a write gives up quickly on another program's lock (and is
    # retried) rather than freezing the window for the 5 s that opening may wait.
    assert startup._db is not None
    timeout = startup._db.execute("PRAGMA busy_timeout").fetchone()[0]
    assert timeout == INTERACTIVE_BUSY_TIMEOUT_MS < BUSY_TIMEOUT_MS
    workspace = main_window.findChild(Workspace)
    assert workspace is not None
    workspace.editor.text_edit.setPlainText("Typed a moment before closing.")  # not yet saved

    main_window.close()  # the window writes what is pending ...
    startup.close()  # ... then the close backup is taken

    newest = list_backups(folder / "backups")[0]
    with closing(sqlite3.connect(newest.path)) as copy:
        texts = [row[0] for row in copy.execute("SELECT text FROM scripts")]
    assert "Typed a moment before closing." in texts
