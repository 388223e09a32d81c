"""The single-instance guard in-process: lock, stale locks, server name, the activate message.

tests/test_single_instance.py runs the same thing end to end with real processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.ui.single_instance import (
    ACTIVATE,
    ACTIVATED,
    LOCK_FILENAME,
    SingleInstance,
    bring_to_front,
    server_name,
)


def _dead_pid() -> int:
    """The PID of a process that has ended (and was reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def guard(tmp_path: Path, qtbot: QtBot) -> Iterator[SingleInstance]:
    instance = SingleInstance(tmp_path / "profile")
    yield instance
    instance.release()


def test_the_server_name_is_per_data_directory_and_short(tmp_path: Path) -> None:
    spelled_twice = server_name(tmp_path / "a"), server_name(tmp_path / "x" / ".." / "a")
    assert spelled_twice[0] == spelled_twice[1]
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    # /tmp/<name> must fit a Unix socket path (104 bytes on macOS) whatever the data dir.
    assert len(server_name(tmp_path / ("long" * 200))) < 40


def test_the_first_instance_takes_the_lock_and_a_second_does_not(
    guard: SingleInstance, tmp_path: Path
) -> None:
    assert guard.acquire()
    assert (tmp_path / "profile" / LOCK_FILENAME).is_file()
    second = SingleInstance(tmp_path / "profile")
    assert not second.acquire()
    assert second.holder_pid() == os.getpid()
    assert SingleInstance(tmp_path / "another profile").acquire()
    guard.release()
    assert not (tmp_path / "profile" / LOCK_FILENAME).exists()
    assert second.acquire()
    second.release()


def test_a_lock_left_by_a_dead_process_never_blocks_a_start(
    guard: SingleInstance, tmp_path: Path
) -> None:
    lock_file = tmp_path / "profile" / LOCK_FILENAME
    lock_file.parent.mkdir(parents=True)
    # A lock file exactly as Qt writes it, but for a process that no longer exists.
    probe = QLockFile(str(lock_file))
    assert probe.tryLock(0)
    lines = lock_file.read_text().splitlines()
    probe.unlock()
    lines[0] = str(_dead_pid())
    lock_file.write_text("\n".join(lines) + "\n")
    assert guard.acquire()
    assert lock_file.read_text().splitlines()[0] == str(os.getpid())


def test_an_unwritable_data_directory_does_not_stop_a_start(tmp_path: Path) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    assert SingleInstance(blocker / "profile").acquire()  # the database will explain


def test_an_activate_message_is_answered_and_signalled(guard: SingleInstance, qtbot: QtBot) -> None:
    assert guard.acquire()
    assert guard.listen()
    client = QLocalSocket()
    with qtbot.waitSignal(guard.activation_requested):
        client.connectToServer(guard.name)
        client.write(ACTIVATE)
    qtbot.waitUntil(client.canReadLine)
    assert bytes(client.readLine().data()) == ACTIVATED
    client.abort()


def test_listening_replaces_a_socket_left_by_a_crash(guard: SingleInstance) -> None:
    from PySide6.QtNetwork import QLocalServer

    crashed = QLocalServer()  # stands in for the server of a process that died: its socket
    assert crashed.listen(guard.name)  # file is still there when the next instance starts
    assert guard.acquire()
    assert guard.listen()
    crashed.close()


def test_only_the_lock_holder_listens(guard: SingleInstance, tmp_path: Path) -> None:
    assert guard.acquire()
    smoke_beside_it = SingleInstance(tmp_path / "profile")
    assert not smoke_beside_it.acquire()
    assert not smoke_beside_it.listen()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_bring_to_front_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    bring_to_front(window)
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()
