"""The microphone is ready before Space: open while the Rehearse page shows, a take begins
with the half second before its key press, "● REC" while it records, and the microphone is
let go when the page or the window goes or nobody has rehearsed for a few minutes.

Sound comes from the fake microphone, one 100 ms chunk at a time, each arriving (on the fake
clock) as its 100 ms end; time only moves when a test moves the clock."""

from __future__ import annotations

import wave
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.countdown import Phase
from app.domain.pre_roll import PRE_ROLL_S
from app.ui.mic_standby import IDLE_RELEASE_S
from app.ui.workspace import EDIT_TAB, REHEARSE_TAB
from tests.helpers.fake_audio import FakeAudioInput, silence
from tests.helpers.recording_rig import CLEAN, CLEAN_TRUTH, Rig

SPEECH_S = CLEAN_TRUTH.end_s - CLEAN_TRUTH.start_s


def _armed(qtbot: QtBot, rig: Rig) -> None:
    """Wait for the page's microphone to open (it opens from the event loop)."""
    qtbot.waitUntil(lambda: rig.mic.running, timeout=2000)


def _hear(rig: Rig, seconds: float) -> None:
    for _ in range(round(seconds * 10)):
        rig.clock.advance(0.1)
        rig.mic.push(1)


def _standby_ticks(rig: Rig) -> None:
    standby = rig.window.mic_standby
    assert standby is not None
    standby._idle_check.timeout.emit()  # the QTimer asks; the fake clock says how long


def test_the_microphone_is_open_before_space(qtbot: QtBot, make_rig: Callable[..., Rig]) -> None:
    rig = make_rig()
    _armed(qtbot, rig)
    assert rig.mic.starts == 1 and not rig.rehearsal.running
    rig.space(qtbot)
    assert rig.mic.starts == 1  # the take did not have to open it
    rig.clock.advance(1.0)
    rig.space(qtbot)
    assert rig.mic.running  # still open for the next take


def test_a_word_begun_with_the_key_is_whole_and_on_the_takes_clock(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    _armed(qtbot, rig)
    rig.mic.pcm = CLEAN
    _hear(rig, CLEAN_TRUTH.start_s)  # Space exactly as the first word begins
    rig.space(qtbot)
    _hear(rig, len(CLEAN) / 32000 - CLEAN_TRUTH.start_s + 0.2)
    with qtbot.waitSignal(rig.rehearsal.take_saved):
        rig.space(qtbot)

    (attempt,) = rig.attempts()
    assert attempt.speech_start_s == pytest.approx(0.0, abs=0.05)  # the key press
    assert attempt.spoken_s == pytest.approx(SPEECH_S, abs=0.08)  # nothing of it lost
    assert attempt.pauses == len(CLEAN_TRUTH.pauses)
    assert attempt.recording is not None
    with wave.open(str(rig.data_dir / attempt.recording), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
    start = round((CLEAN_TRUTH.start_s - PRE_ROLL_S) * 16000) * 2
    assert frames[: len(CLEAN) - start] == CLEAN[start:]  # the pre-roll, then the take


def test_the_figures_start_at_the_key_press_not_at_the_pre_roll(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    _armed(qtbot, rig)
    rig.mic.pcm = silence(1.0) + CLEAN
    _hear(rig, 1.0)  # a second of silence before the key; the voicemail from the key on
    rig.space(qtbot)
    _hear(rig, 5.6)
    with qtbot.waitSignal(rig.rehearsal.take_saved):
        rig.space(qtbot)
    (attempt,) = rig.attempts()
    assert attempt.duration_s == pytest.approx(5.6, abs=0.001)
    assert attempt.speech_start_s == pytest.approx(CLEAN_TRUTH.start_s, abs=0.05)
    assert attempt.speech_end_s == pytest.approx(CLEAN_TRUTH.end_s, abs=0.05)


def test_rec_shows_while_a_take_records(qtbot: QtBot, make_rig: Callable[..., Rig]) -> None:
    rig = make_rig(lead_in_s=3)
    strip = rig.window.rehearse_page.voice_strip
    height = strip.sizeHint().height()
    assert not strip.recording_shown
    rig.space(qtbot)
    assert strip.recording_shown and "● REC" in strip.rec_label.text()
    assert strip.rec_label.isVisible()
    assert strip.sizeHint().height() == height  # nothing moves when it appears
    rig.clock.advance(4.0)
    rig.space(qtbot)
    assert not strip.recording_shown


def test_listening_only_for_hands_free_is_not_rec(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(record_takes=False, end_after_silence=True)
    strip = rig.window.rehearse_page.voice_strip
    rig.space(qtbot)
    assert strip.meter.listening and not strip.recording_shown


def test_rec_goes_when_the_microphone_is_unplugged(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(FakeAudioInput(unplug_after=5))
    rig.space(qtbot)
    rig.mic.push(10)
    assert not rig.window.rehearse_page.voice_strip.recording_shown


def test_the_microphone_goes_with_the_rehearse_page_and_comes_back(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    _armed(qtbot, rig)
    rig.window.tabs.setCurrentIndex(EDIT_TAB)
    assert not rig.mic.running
    rig.window.tabs.setCurrentIndex(REHEARSE_TAB)
    _armed(qtbot, rig)
    assert rig.mic.starts == 2


def test_the_microphone_goes_with_the_window(qtbot: QtBot, make_rig: Callable[..., Rig]) -> None:
    rig = make_rig()
    _armed(qtbot, rig)
    rig.main_window.hide()
    assert not rig.mic.running
    rig.main_window.show()
    _armed(qtbot, rig)


def test_a_minimised_window_lets_the_microphone_go(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    _armed(qtbot, rig)
    window = rig.main_window
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(window.isMinimized, timeout=2000)
    assert not rig.mic.running
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=2000)
    _armed(qtbot, rig)


def test_after_a_few_idle_minutes_the_microphone_is_let_go(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    _armed(qtbot, rig)
    rig.clock.advance(IDLE_RELEASE_S - 1)
    _standby_ticks(rig)
    assert rig.mic.running
    rig.clock.advance(1)
    _standby_ticks(rig)
    assert not rig.mic.running
    # Someone coming back to the page opens it again, before they press Space.
    QApplication.sendEvent(rig.window.rehearse_page, QEvent(QEvent.Type.Enter))
    _armed(qtbot, rig)
    rig.clock.advance(IDLE_RELEASE_S)
    _standby_ticks(rig)
    assert not rig.mic.running
    # Space still records (opening the microphone then), and it stays open afterwards.
    attempt = rig.take(qtbot)
    assert attempt.recording is not None and attempt.spoken_s is not None
    _armed(qtbot, rig)


def test_a_long_take_is_never_idle(qtbot: QtBot, make_rig: Callable[..., Rig]) -> None:
    rig = make_rig()
    _armed(qtbot, rig)
    rig.space(qtbot)
    rig.clock.advance(IDLE_RELEASE_S + 10)
    _standby_ticks(rig)
    assert rig.mic.running and rig.rehearsal.running


def test_switching_recording_off_lets_the_microphone_go(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    _armed(qtbot, rig)
    section = rig.window._recording_section()
    qtbot.addWidget(section)
    section.record_check.setChecked(False)
    section.apply()
    rig.window.view_preferences.applied.emit()
    assert not rig.mic.running


def test_without_a_microphone_the_page_says_so_before_the_take(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(FakeAudioInput(device=False))
    label = rig.window.rehearse_page.voice_strip.note_label
    qtbot.waitUntil(label.isVisible, timeout=2000)
    assert "takes are timed but not recorded" in label.text()


def test_the_first_word_in_the_pre_roll_starts_the_clock_at_the_key_press(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(start_at_first_word=True)
    _armed(qtbot, rig)
    rig.mic.pcm = CLEAN
    _hear(rig, CLEAN_TRUTH.start_s + 0.2)  # already speaking when the key goes down
    pressed_at = rig.clock.now
    rig.space(qtbot)
    _hear(rig, 0.5)
    frame = rig.rehearsal.current_frame()
    assert frame is not None and frame.reading.phase is not Phase.WAITING
    assert frame.reading.elapsed_s == pytest.approx(rig.clock.now - pressed_at, abs=0.01)


def test_no_rec_when_the_file_cannot_be_written(qtbot: QtBot, make_rig: Callable[..., Rig]) -> None:
    (rig := make_rig()).data_dir.joinpath("recordings").write_text("a file, not a folder")
    rig.space(qtbot)
    strip = rig.window.rehearse_page.voice_strip
    assert not strip.recording_shown
    assert strip.note_label.text().startswith("The recording could not be written")
