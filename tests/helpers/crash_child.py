"""Children for tests/test_crash_safety.py, to be killed with SIGKILL at random moments.

``python -m tests.helpers.crash_child attempts DB SCRIPT_ID REVISION_ID`` is a fork server:
it imports the storage layer once, then for each ``fork`` line on stdin forks a worker that
opens the database itself (``open_database``) and saves attempts (``Repository.add_attempt``)
in a loop, printing ``saved ID`` only *after* ``add_attempt`` has returned. The server prints
``pid PID`` after each fork and ``dead PID STATUS`` once the worker is gone, so every line
the worker wrote comes before that. Forking saves the interpreter start-up per trial (~0.2 s), which
keeps 20+ trials within a couple of seconds.

``python -m tests.helpers.crash_child typing DATA_DIR TEXT`` builds the real workspace
(offscreen), types TEXT at the end of the current script, prints ``typed`` while the
editor's autosave is still pending, and blocks; the test kills it there.

``python -m tests.helpers.crash_child refused-take DATA_DIR`` builds the real workspace on a
database that refuses takes, makes one, prints ``ready`` and runs Qt's loop with Brevity's
own SIGTERM/SIGINT handling (tests/test_quit_signals.py signals it).
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from app.domain.attempt import Attempt, Outcome
from app.storage.database import open_database
from app.storage.repository import Repository

MAX_SAVES = 10_000  # a worker nobody kills stops by itself


def _line(text: str) -> None:
    os.write(1, f"{text}\n".encode())  # one write per line: lines never interleave


def _save_attempts(database: Path, script_id: int, revision_id: int) -> None:
    repository = Repository(open_database(database))
    for number in range(MAX_SAVES):
        stored = repository.add_attempt(
            Attempt(
                script_id=script_id,
                revision_id=revision_id,
                started_at=datetime.now(UTC).isoformat(),
                duration_s=20.0 + number % 20,
                target_s=30.0,
                words=70,
                reached_end=True,
                outcome=Outcome.GOOD,
                note=f"take {number}",
            )
        )
        _line(f"saved {stored.id}")


def fork_server(database: Path, script_id: int, revision_id: int) -> None:
    for command in sys.stdin:
        if command.strip() != "fork":
            break
        pid = os.fork()
        if pid == 0:
            try:
                _save_attempts(database, script_id, revision_id)
            finally:
                os._exit(0)
        _line(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        _line(f"dead {pid} {os.waitstatus_to_exitcode(status)}")


def type_then_wait(data_dir: Path, text: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.storage.database import DATABASE_FILENAME
    from app.ui.main_window import MainWindow
    from app.ui.rehearsal import Rehearsal
    from app.ui.settings import Preferences
    from app.ui.workspace import EDIT_TAB, Workspace

    app = QApplication([])
    repository = Repository(open_database(data_dir / DATABASE_FILENAME))
    preferences = Preferences(data_dir / "settings.ini")
    window = MainWindow(preferences)
    workspace = Workspace(
        window, repository, Rehearsal(repository, lambda: 0.0, preferences), preferences,
        data_dir=data_dir,
    )  # fmt: skip
    window.show()
    app.processEvents()
    workspace.tabs.setCurrentIndex(EDIT_TAB)
    editor = workspace.editor.text_edit
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Period)
    # No event loop runs from here on, so the 400 ms autosave can never fire: only what the
    # keystrokes themselves wrote can survive the kill.
    assert workspace.editor.has_pending_save()
    _line("typed")
    sys.stdin.read()


def refused_take_then_wait(data_dir: Path) -> None:
    """The real workspace with a take the database refused; ``ready``, then it runs Qt's
    loop with Brevity's signal handling until a signal closes it (its status is the exit's).
    """
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import sqlite3

    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.__main__ import _quit_on_signals
    from app.storage.database import DATABASE_FILENAME
    from app.ui.main_window import MainWindow
    from app.ui.rehearsal import Rehearsal
    from app.ui.settings import Preferences
    from app.ui.workspace import Workspace

    def refuse(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    app = QApplication([])
    QMessageBox.warning = lambda *_args: QMessageBox.StandardButton.Ok  # type: ignore[method-assign,assignment]
    repository = Repository(open_database(data_dir / DATABASE_FILENAME))
    repository.add_attempt = refuse  # type: ignore[method-assign,assignment]
    now = [0.0]
    preferences = Preferences(data_dir / "settings.ini")
    window = MainWindow(preferences)
    rehearsal = Rehearsal(repository, lambda: now[0], preferences)
    workspace = Workspace(window, repository, rehearsal, preferences, data_dir=data_dir)
    signals = _quit_on_signals(window)
    window.show()
    rehearsal.start(workspace.editor.text())
    now[0] = 21.0
    rehearsal.stop()
    assert rehearsal.unsaved_count == 1
    _line("ready")
    status = app.exec()
    signals.uninstall()
    _line(f"closed {status}")
    sys.exit(status)


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    if mode == "attempts":
        fork_server(Path(rest[0]), int(rest[1]), int(rest[2]))
    elif mode == "typing":
        type_then_wait(Path(rest[0]), rest[1])
    elif mode == "refused-take":
        refused_take_then_wait(Path(rest[0]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
