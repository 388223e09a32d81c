"""``kill -9`` at random moments loses nothing the app had confirmed as saved.

The children (tests/helpers/crash_child.py) use the real storage and UI code; the parent
kills them with SIGKILL and then opens the files the way the next start would.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.script import Script, ScriptKind
from app.storage.database import DATABASE_FILENAME, close_database, open_database
from app.storage.repository import Repository
from app.storage.typing_journal import JOURNAL_FILENAME
from app.ui.crash_log import log_path
from tests.helpers.child_lines import ChildLines

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

REPO_ROOT = Path(__file__).resolve().parents[1]
TRIALS = 25
MAX_LIFE_S = 0.12  # each worker is killed within this long after it was forked
READ_TIMEOUT_S = 30.0
SEED = 20261126


def _child(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_child", *args],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _kill_quietly(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have ended already
        os.kill(pid, signal.SIGKILL)


def _one_trial(
    server: subprocess.Popen[bytes], lines: ChildLines, life_s: float
) -> tuple[set[int], int]:
    """Fork a saving worker, SIGKILL it after ``life_s``; the ids it confirmed, its status."""
    assert server.stdin is not None
    server.stdin.write(b"fork\n")
    server.stdin.flush()
    confirmed: set[int] = set()
    killer: threading.Timer | None = None
    try:
        while True:
            kind, number, *rest = lines.next().split()
            if kind == "saved":
                confirmed.add(int(number))
            elif kind == "pid":
                killer = threading.Timer(life_s, _kill_quietly, [int(number)])
                killer.start()
            elif kind == "dead":
                return confirmed, int(rest[0])
    finally:
        if killer is not None:
            killer.cancel()
            killer.join()


def _assert_intact(database: Path, confirmed: set[int]) -> None:
    db = open_database(database)  # as the next start would: quick_check, migrations
    try:
        assert [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()] == ["ok"]
        stored = {row[0] for row in db.execute("SELECT id FROM attempts").fetchall()}
    finally:
        close_database(db)
    assert confirmed <= stored, f"lost attempts {sorted(confirmed - stored)}"


def _database_with_a_script(folder: Path) -> tuple[Path, Script]:
    database = folder / DATABASE_FILENAME
    db = open_database(database)
    try:
        script = Repository(db).add_script(
            Script(name="Jordan", kind=ScriptKind.VOICEMAIL, target_s=30.0, text="Hi Jordan.")
        )
    finally:
        close_database(db)
    return database, script


@pytest.fixture
def fork_server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    database, script = _database_with_a_script(tmp_path)
    assert script.id is not None
    db = open_database(database)
    try:
        revision = Repository(db).revision_for_take(script.id, script.text)
    finally:
        close_database(db)
    server = _child("attempts", str(database), str(script.id), str(revision.id))
    yield server, database
    assert server.stdin is not None
    server.stdin.close()
    server.kill()
    server.wait()
    assert server.stdout is not None and server.stderr is not None
    server.stdout.close()
    server.stderr.close()


def test_every_attempt_whose_save_returned_survives_kill_9(
    fork_server: tuple[subprocess.Popen[bytes], Path],
) -> None:
    server, database = fork_server
    lines = ChildLines(server.stdout, READ_TIMEOUT_S)
    rng = random.Random(SEED)
    confirmed: set[int] = set()
    started = time.monotonic()
    for _trial in range(TRIALS):
        saved, status = _one_trial(server, lines, rng.uniform(0.0, MAX_LIFE_S))
        assert status == -signal.SIGKILL  # it really died mid-loop, never finished by itself
        confirmed |= saved
        _assert_intact(database, confirmed)
    elapsed_s = time.monotonic() - started
    assert len(confirmed) > TRIALS, "too few saves to mean anything: is the child saving?"
    assert elapsed_s < 15, f"{TRIALS} trials took {elapsed_s:.1f} s"


def test_text_typed_inside_the_autosave_pause_survives_kill_9(tmp_path: Path, qtbot: QtBot) -> None:
    from app.ui.main_window import MainWindow
    from app.ui.rehearsal import Rehearsal
    from app.ui.settings import Preferences
    from app.ui.workspace import Workspace

    database, script = _database_with_a_script(tmp_path)
    assert script.id is not None
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = _child("typing", str(tmp_path), " Call me back", env=env)
    try:
        assert ChildLines(child.stdout, READ_TIMEOUT_S).next() == "typed"
    finally:
        child.kill()  # SIGKILL
        _, stderr = child.communicate()
    assert child.returncode == -signal.SIGKILL, stderr.decode()[-2000:]
    typed = "Hi Jordan. Call me back."
    db = open_database(database)
    try:
        repository = Repository(db)
        # The autosave never ran: the database alone would have lost the typing...
        assert repository.get_script(script.id).text == "Hi Jordan."
        assert (tmp_path / JOURNAL_FILENAME).is_file()
        # ...and the next start recovers it before the editor shows the script.
        preferences = Preferences(tmp_path / "settings.ini")
        window = MainWindow(preferences)
        qtbot.addWidget(window)
        rehearsal = Rehearsal(repository, lambda: 0.0, preferences)
        workspace = Workspace(window, repository, rehearsal, preferences, data_dir=tmp_path)
        assert repository.get_script(script.id).text == typed
        assert workspace.editor.text() == typed
        assert not (tmp_path / JOURNAL_FILENAME).exists()
        window.close()
    finally:
        close_database(db)


def test_a_hard_crash_leaves_its_python_stack_in_the_log(tmp_path: Path) -> None:
    # What a segmentation fault inside Qt would do; a windowed build has no stderr to see it.
    crash = (
        "import faulthandler, sys; from pathlib import Path; "
        "from app.ui.crash_log import open_log; "
        "open_log(Path(sys.argv[1])); faulthandler._sigsegv()"
    )
    result = subprocess.run(
        [sys.executable, "-c", crash, str(tmp_path)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=READ_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == -signal.SIGSEGV
    log_text = log_path(tmp_path).read_text(encoding="utf-8")
    assert "Brevity " in log_text and " started" in log_text
    assert "Fatal Python error: Segmentation fault" in log_text
    assert "<module>" in log_text  # the Python stack of the crash
    assert "Fatal Python error" not in result.stderr


def test_an_unexpected_error_fails_a_smoke_check_instead_of_hanging_it(tmp_path: Path) -> None:
    # A bug planted in the workspace: the real app must report it, log it and exit 1.
    planted = (
        "import sys\n"
        "from app.ui.workspace import Workspace\n"
        "def broken(self, _script_id):\n"
        "    raise RuntimeError('planted bug')\n"
        "Workspace._reload_scripts = broken\n"
        "from app.__main__ import main\n"
        "sys.exit(main(['--smoke', '--data-dir', sys.argv[1]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", planted, str(tmp_path)],
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=READ_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert "RuntimeError: planted bug" in result.stderr
    assert "RuntimeError: planted bug" in log_path(tmp_path).read_text(encoding="utf-8")
