"""Hostile environments on the real database connection (issue 4, "Data safety").

``test_storage_failures.py`` injects refusals into the repository; here SQLite itself refuses:
a disk that fills up (``PRAGMA max_page_count`` → SQLITE_FULL), a read-only database
(``PRAGMA query_only`` → SQLITE_READONLY; a real ``chmod`` where the tests do not run as
root, who may write anyway), and a second process holding the write lock (SQLITE_BUSY). Each
time: one clear message, nothing already saved is lost, typing and takes are kept in memory
and saved once writes work again. The index of the whole issue is in
``test_hostile_input.py``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from app.domain.attempt import Attempt
from app.domain.script import Script, ScriptKind
from app.storage.database import DatabaseError, close_database, open_database
from app.storage.repository import Repository
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.gui.conftest import App

BUSY_TIMEOUT_MS = 100
UNLIMITED_PAGES = 1_073_741_823  # SQLite's default max_page_count
_RUNS_AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
_root_writes_anyway = pytest.mark.skipif(
    _RUNS_AS_ROOT, reason="root may write to read-only files and folders: chmod proves nothing"
)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


@pytest.fixture
def app_db(brevity: App) -> tuple[App, Database]:
    """The window and its own connection, made impatient: the window would wait 5 s for a
    lock, a test needs no such patience."""
    db: Database = brevity.repository._db
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return brevity, db


def _type(qtbot: QtBot, app: App, text: str) -> None:
    """Type (or, when long, paste) ``text`` at the end of the script, then pause: it saves."""
    app.window.tabs.setCurrentIndex(EDIT_TAB)
    edit = app.window.editor.text_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    if len(text) < 40:
        qtbot.keyClicks(edit, text)
    else:
        QApplication.clipboard().setText(text)
        qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    app.window.editor.flush()  # what the autosave timer does after a pause
    app.window.tabs.setCurrentIndex(REHEARSE_TAB)


def _space(qtbot: QtBot, app: App) -> None:
    qtbot.keyClick(app.window.prompter, Qt.Key.Key_Space)


def _take(qtbot: QtBot, app: App, seconds: float) -> None:
    """Space, ``seconds`` on the clock, Space: one take, saved if the database lets it."""
    _space(qtbot, app)
    app.clock.advance(seconds)
    _space(qtbot, app)


def _durations(app: App) -> list[float]:
    return [a.duration_s for a in app.repository.list_attempts(app.script.id)]


def _saved_rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row the user has, as stored."""
    return {
        table: [tuple(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY rowid")]
        for table in ("scripts", "script_revisions", "attempts", "meta")
    }


def _fill_the_disk(db: Database, repository: Repository, attempt: Attempt) -> None:
    """Cap the file at its size, then fill what room is left in its pages with takes."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    assert db.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0] == pages
    for _ in range(2000):
        try:
            repository.add_attempt(replace(attempt, id=None))  # as small as a take gets
        except Exception as error:
            assert "full" in str(error)
            return
    pytest.fail("the capped database never filled up")


def test_a_full_disk_loses_nothing_and_saves_once_there_is_room(
    qtbot: QtBot, app_db: tuple[App, Database], warnings: list[str]
) -> None:
    app, db = app_db
    _take(qtbot, app, 21.0)
    (first,) = app.repository.list_attempts(app.script.id)
    _space(qtbot, app)  # a take runs as the disk fills up
    _fill_the_disk(db, app.repository, first)
    saved = _saved_rows(db)

    app.clock.advance(19.0)
    _space(qtbot, app)
    assert app.rehearsal.unsaved_count == 1
    typed = " Again, that's Alex Rivera at 555-201-7788." * 400  # needs pages the disk lacks
    _type(qtbot, app, typed)
    assert len(warnings) == 2
    assert all("disk is full" in warning for warning in warnings)
    assert "kept and saved with your next one" in warnings[0]
    assert "typing is kept" in warnings[1]
    assert _saved_rows(db) == saved  # nothing already saved is lost or changed
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert app.window.editor.text().endswith(typed)  # the typing is still there

    db.execute(f"PRAGMA max_page_count = {UNLIMITED_PAGES}")  # room again
    _type(qtbot, app, " Bye.")
    assert app.repository.get_script(app.script.id).text.endswith(typed + " Bye.")
    _take(qtbot, app, 25.0)
    durations = _durations(app)
    assert durations[0] == pytest.approx(21.0)
    assert durations[-2:] == pytest.approx([19.0, 25.0])
    assert app.rehearsal.unsaved_count == 0


def test_a_read_only_database_keeps_typing_and_takes_until_it_is_writable(
    qtbot: QtBot, app_db: tuple[App, Database], warnings: list[str]
) -> None:
    app, db = app_db
    _space(qtbot, app)
    db.execute("PRAGMA query_only = 1")  # the file cannot be written from now on
    saved = _saved_rows(db)
    app.clock.advance(22.0)
    _space(qtbot, app)
    _type(qtbot, app, " Talk soon.")
    assert len(warnings) == 2
    assert all("readonly database" in warning for warning in warnings)
    assert _saved_rows(db) == saved
    assert app.rehearsal.unsaved_count == 1

    db.execute("PRAGMA query_only = 0")
    _type(qtbot, app, " Bye.")
    assert app.repository.get_script(app.script.id).text.endswith("Talk soon. Bye.")
    _take(qtbot, app, 18.0)
    durations = _durations(app)
    assert durations == pytest.approx([22.0, 18.0])


# A second process: BEGIN EXCLUSIVE, say so, hold the lock until told to let go.
_LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


@contextmanager
def _locked_by_another_process(path: Path) -> Iterator[None]:
    with subprocess.Popen(
        [sys.executable, "-c", _LOCKER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as locker:
        assert locker.stdin is not None and locker.stdout is not None
        try:
            assert locker.stdout.readline().strip() == "locked"
            yield
        finally:
            locker.stdin.write("\n")  # let go; leaving the block waits for the process
    assert locker.returncode == 0


def test_a_database_locked_by_another_process_keeps_everything_until_released(
    qtbot: QtBot, app_db: tuple[App, Database], tmp_path: Path, warnings: list[str]
) -> None:
    app, db = app_db
    _space(qtbot, app)
    with _locked_by_another_process(tmp_path / "brevity.sqlite3"):
        saved = _saved_rows(db)  # reading still works while another program writes
        app.clock.advance(23.0)
        _space(qtbot, app)
        _type(qtbot, app, " Talk soon.")
        assert len(warnings) == 2
        assert all("database is locked" in warning for warning in warnings)
        assert all("another program is using its data file" in w for w in warnings)
        assert app.rehearsal.unsaved_count == 1
        assert app.window.editor.text().endswith("Talk soon.")
    assert _saved_rows(db) == saved
    _type(qtbot, app, " Bye.")
    assert app.repository.get_script(app.script.id).text.endswith("Talk soon. Bye.")
    _take(qtbot, app, 17.0)
    durations = _durations(app)
    assert durations == pytest.approx([23.0, 17.0])


def test_a_database_locked_by_another_process_still_opens_to_read(tmp_path: Path) -> None:
    """In WAL mode a writer elsewhere does not stop Brevity from starting and showing the
    library; writes wait for the lock (``test_database.py`` covers a lock that stops reads)."""
    path = tmp_path / "brevity.sqlite3"
    db = open_database(path)
    script = Repository(db).add_script(Script("Hi", ScriptKind.VOICEMAIL, 30.0, "Hello there"))
    close_database(db)
    with _locked_by_another_process(path):
        db = open_database(path, busy_timeout_ms=BUSY_TIMEOUT_MS)
        try:
            assert Repository(db).list_scripts() == [script]
        finally:
            close_database(db)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@_root_writes_anyway
def test_a_read_only_data_folder_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    close_database(open_database(folder / "brevity.sqlite3"))
    digest = _digest(folder / "brevity.sqlite3")
    folder.chmod(0o555)
    try:
        with pytest.raises(DatabaseError) as caught:
            open_database(folder / "brevity.sqlite3")
    finally:
        folder.chmod(0o755)
    assert str(folder) in str(caught.value)
    assert "that you may write to it" in str(caught.value)
    assert _digest(folder / "brevity.sqlite3") == digest


@_root_writes_anyway
def test_a_read_only_database_file_is_read_and_never_changed(tmp_path: Path) -> None:
    path = tmp_path / "brevity.sqlite3"
    db = open_database(path)
    script = Repository(db).add_script(Script("Hi", ScriptKind.VOICEMAIL, 30.0, "Hello there"))
    close_database(db)
    digest = _digest(path)
    path.chmod(0o444)
    try:
        db = open_database(path)
        try:
            repository = Repository(db)
            assert repository.list_scripts() == [script]
            with pytest.raises(Exception, match="readonly"):
                repository.save_text(script.id or 0, "Changed")
        finally:
            close_database(db)
    finally:
        path.chmod(0o644)
    assert _digest(path) == digest
