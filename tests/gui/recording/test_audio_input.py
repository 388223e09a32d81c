"""The real microphone class where there is none (this machine has no sound card, and tests
must not depend on one): it says why, at once, and never raises or hangs. The PulseAudio
end-to-end test drives the same class through a virtual microphone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui.audio_input import NO_MICROPHONE, NO_MULTIMEDIA, STOPPED_MID_TAKE, QtAudioInput

# Without a sound server QtMultimedia logs the libraries and the server it could not find.
pytestmark = pytest.mark.qt_log_level_fail("CRITICAL")


_NO_SOUND_SERVER_CHILD = """
import json, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.ui.audio_input import QtAudioInput
audio = QtAudioInput()
reasons = []
audio.failed.connect(reasons.append)
began = time.monotonic()
started = audio.start()
seconds = time.monotonic() - began
audio.stop()
print(json.dumps({"available": audio.available(), "description": audio.description(),
                  "started": started, "seconds": seconds, "reasons": reasons}))
"""


def test_without_a_microphone_start_refuses_at_once_with_the_reason(tmp_path: Path) -> None:
    # In a process of its own whose sound server does not exist, so that it runs (and must
    # pass) even where CI provides a virtual microphone to the other tests.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PULSE_SERVER": f"unix:{tmp_path}/no-such-server",
        "XDG_RUNTIME_DIR": str(tmp_path),
        "PIPEWIRE_REMOTE": f"{tmp_path}/no-such-pipewire",
    }
    result = subprocess.run(
        [sys.executable, "-c", _NO_SOUND_SERVER_CHILD],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["available"] is False
    assert report["description"] == NO_MICROPHONE
    assert report["started"] is False
    assert report["seconds"] < 2.0
    assert report["reasons"] == [NO_MICROPHONE]


def test_a_missing_multimedia_module_is_a_reason_not_a_crash(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import now fails
    audio = QtAudioInput()
    assert not audio.available()
    assert audio.description() == NO_MULTIMEDIA
    with qtbot.waitSignal(audio.failed, timeout=0) as failed:
        assert not audio.start()
    assert failed.args == [NO_MULTIMEDIA]


def test_a_microphone_that_sends_nothing_is_reported_gone(qtbot: QtBot) -> None:
    audio = QtAudioInput(stall_s=0.0)
    audio._source = _SilentSource()  # as if open; the watchdog finds no sound arriving
    with qtbot.waitSignal(audio.failed) as failed:
        audio._on_watchdog_timeout()
    assert failed.args == [STOPPED_MID_TAKE]
    assert audio._source is None


class _SilentSource:
    """Stands in for an open QAudioSource that delivers nothing."""

    def __init__(self) -> None:
        self.stopped = False
        self.stateChanged = _Signal()

    def stop(self) -> None:
        self.stopped = True

    def deleteLater(self) -> None:
        pass


class _Signal:
    def disconnect(self, _slot: object) -> None:
        pass
