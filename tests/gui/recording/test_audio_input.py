"""The real microphone class where there is none (this machine has no sound card, and tests
must not depend on one): it says why, at once, and never raises or hangs. The PulseAudio
end-to-end test drives the same class through a virtual microphone."""

from __future__ import annotations

import sys
import time

import pytest
from pytestqt.qtbot import QtBot

from app.ui.audio_input import NO_MICROPHONE, NO_MULTIMEDIA, STOPPED_MID_TAKE, QtAudioInput

# Without a sound server QtMultimedia logs the libraries and the server it could not find.
pytestmark = pytest.mark.qt_log_level_fail("CRITICAL")


def test_without_a_microphone_start_refuses_at_once_with_the_reason(qtbot: QtBot) -> None:
    audio = QtAudioInput()
    if audio.available():
        pytest.skip("this machine has a microphone")
    assert audio.description() == NO_MICROPHONE
    began = time.monotonic()
    with qtbot.waitSignal(audio.failed, timeout=0) as failed:
        assert not audio.start()
    assert time.monotonic() - began < 2.0
    assert failed.args == [NO_MICROPHONE]
    audio.stop()  # harmless


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
