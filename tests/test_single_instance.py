"""One Brevity per data directory, end to end: real processes on the offscreen platform.

A running instance prints ``first_paint_epoch`` (BREVITY_TIMING) once its window is up; the
tests wait for that line instead of sleeping, and end the instances with SIGKILL — which is
also how they check that a lock left by a killed process never blocks the next start.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.ui.crash_log import log_path
from tests.helpers.child_lines import ChildLines

REPO_ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 60
PAINTED = "first_paint_epoch:"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BREVITY_", "PYTEST_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONDONTWRITEBYTECODE="1",
        BREVITY_TIMING="1",
    )
    return env


def _launch(tmp_path: Path, data: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        cwd=REPO_ROOT,
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_paint(process: subprocess.Popen[str]) -> None:
    """Block until the instance reports its first paint (a failure, not a hang, if never)."""
    ChildLines(process.stderr, TIMEOUT_S).wait_for(PAINTED)


@contextmanager
def _running(tmp_path: Path, data: Path) -> Iterator[subprocess.Popen[str]]:
    """An instance whose window has painted; SIGKILLed afterwards (its lock goes stale)."""
    process = _launch(tmp_path, data)
    try:
        _wait_for_paint(process)
        yield process
    finally:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=TIMEOUT_S)


def test_a_second_launch_brings_the_first_forward_and_exits_0(tmp_path: Path) -> None:
    data, other = tmp_path / "profile", tmp_path / "other-profile"
    with _running(tmp_path, data):
        second = _launch(tmp_path, data)
        with _running(tmp_path, other):  # another data directory starts its own window
            pass
        _, second_err = second.communicate(timeout=TIMEOUT_S)
        log_text = log_path(data).read_text("utf-8")
        assert second.returncode == 0, f"{second_err}\n--- log of the first:\n{log_text}"
        assert "already running" in second_err
        assert PAINTED not in second_err  # it never opened a window of its own
        assert "a second launch asked for this window" in log_text
        # A smoke check never defers to a running instance: it runs and reports.
        smoke = _launch(tmp_path, data, "--smoke")
        _, smoke_err = smoke.communicate(timeout=TIMEOUT_S)
        assert smoke.returncode == 0, smoke_err
        assert "already running" not in smoke_err
    # The first instance was killed with SIGKILL: its lock file is still there, stale.
    assert (data / "brevity.lock").exists()
    with _running(tmp_path, data):  # ...and it does not block the next start
        third = _launch(tmp_path, data)
        _, third_err = third.communicate(timeout=TIMEOUT_S)
        assert third.returncode == 0, third_err  # the new instance owns the directory now
        assert "already running" in third_err
