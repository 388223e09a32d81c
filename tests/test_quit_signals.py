"""SIGTERM (a logout, ``kill``) and SIGINT (Ctrl+C) close Brevity the way Ctrl+Q does.

Brevity runs in a child process, as a user starts it; the test signals it and then looks at
what a clean exit leaves: status 0, the close backup made, no lock, no -wal or -shm file, and
takes the database refused waiting in the recovery file for the next start.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.script import Script, ScriptKind
from app.storage.backup import BACKUPS_DIRNAME, list_backups, newest_backup, read_only
from app.storage.database import DATABASE_FILENAME, close_database, open_database
from app.storage.repository import Repository
from app.storage.unsaved_file import RECOVERY_FILENAME
from app.ui.single_instance import LOCK_FILENAME
from tests.helpers.child_lines import ChildLines

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

REPO_ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60.0


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("BREVITY_DATA_DIR", None)
    return env


def _wait_for(condition: object, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_closes_brevity_cleanly(tmp_path: Path, number: signal.Signals) -> None:
    backups = tmp_path / BACKUPS_DIRNAME
    child = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path)],
        cwd=REPO_ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _wait_for(lambda: backups.is_dir() and list_backups(backups), "the start backup")
        # Something changes after the start backup, so the close backup has to hold it.
        db = open_database(tmp_path / DATABASE_FILENAME)
        Repository(db).add_script(
            Script(name="Written last", kind=ScriptKind.VOICEMAIL, target_s=30.0, text="Hi.")
        )
        close_database(db)
        child.send_signal(number)
        _, stderr = child.communicate(timeout=TIMEOUT_S)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == 0, stderr.decode()[-3000:]
    newest = newest_backup(backups)
    assert newest is not None
    with read_only(newest) as backup:
        names = {row[0] for row in backup.execute("SELECT name FROM scripts")}
    assert "Written last" in names, "the close backup did not run"
    assert not (tmp_path / LOCK_FILENAME).exists()
    for suffix in ("-wal", "-shm"):
        assert not (tmp_path / f"{DATABASE_FILENAME}{suffix}").exists()


def test_sigterm_keeps_refused_takes_for_the_next_start(tmp_path: Path, qtbot: QtBot) -> None:
    from app.ui.main_window import MainWindow
    from app.ui.rehearsal import Rehearsal
    from app.ui.settings import Preferences
    from app.ui.workspace import Workspace

    db = open_database(tmp_path / DATABASE_FILENAME)
    repository = Repository(db)
    script = repository.add_script(
        Script(name="Jordan", kind=ScriptKind.VOICEMAIL, target_s=30.0, text="Hi Jordan.")
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_child", "refused-take", str(tmp_path)],
        cwd=REPO_ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        lines = ChildLines(child.stdout, TIMEOUT_S)
        assert lines.next() == "ready"
        child.send_signal(signal.SIGTERM)
        assert lines.next() == "closed 0"
        child.wait(TIMEOUT_S)
    finally:
        child.kill()
        _, stderr = child.communicate()
    assert child.returncode == 0, stderr.decode()[-3000:]
    assert (tmp_path / RECOVERY_FILENAME).is_file()
    try:
        preferences = Preferences(tmp_path / "settings.ini")
        window = MainWindow(preferences)
        qtbot.addWidget(window)
        rehearsal = Rehearsal(repository, lambda: 0.0, preferences)
        Workspace(window, repository, rehearsal, preferences, data_dir=tmp_path)
        assert script.id is not None
        assert [a.duration_s for a in repository.list_attempts(script.id)] == [21.0]
        assert not (tmp_path / RECOVERY_FILENAME).exists()
        window.close()
    finally:
        close_database(db)
