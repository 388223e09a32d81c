"""Hands-free: the take ends itself after N s of silence once the speech has ended, and the
clock can wait for the first word. Sound comes from the fake microphone, time from the clock."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.domain.attempt import Outcome
from app.domain.countdown import Phase
from app.ui.audio_input import NO_MICROPHONE
from tests.helpers.fake_audio import FakeAudioInput, silence
from tests.helpers.recording_rig import CLEAN, CLEAN_TRUTH, Rig
from tests.helpers.room_tone import room_take

SPEECH_START_S, SPEECH_END_S = CLEAN_TRUTH.start_s, CLEAN_TRUTH.end_s


def _listen(rig: Rig, seconds: float) -> None:
    """``seconds`` of sound, 100 ms at a time, each chunk arriving as its 100 ms end."""
    for _ in range(round(seconds * 10)):
        if not rig.rehearsal.running:
            return
        rig.clock.advance(0.1)
        rig.mic.push(1)


def test_the_take_ends_itself_after_the_silence_at_the_end(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(end_after_silence=True, end_silence_s=3.0)
    rig.mic.pcm = CLEAN
    rig.space(qtbot)
    _listen(rig, SPEECH_END_S + 1.7)  # 1.7 s of silence after the speech so far
    assert rig.rehearsal.running
    with qtbot.waitSignal(rig.rehearsal.take_saved):
        _listen(rig, 3.0)
    (attempt,) = rig.attempts()
    assert attempt.outcome is Outcome.UNRATED  # a normal stop, ready to rate
    assert attempt.duration_s == pytest.approx(SPEECH_END_S + 3.0, abs=0.15)
    assert rig.clock.now - 1000.0 == pytest.approx(attempt.duration_s, abs=0.001)
    assert attempt.speech_end_s == pytest.approx(SPEECH_END_S, abs=0.05)


def test_silence_before_the_first_word_never_ends_the_take(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(end_after_silence=True, end_silence_s=3.0)
    rig.mic.pcm = silence(8.0) + CLEAN
    rig.space(qtbot)
    _listen(rig, 8.0)
    assert rig.rehearsal.running


def test_speech_during_the_lead_in_alone_does_not_end_the_take(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(end_after_silence=True, end_silence_s=1.0, lead_in_s=8)
    rig.mic.pcm = CLEAN  # all said during the count-in
    rig.space(qtbot)
    _listen(rig, 10.0)
    assert rig.rehearsal.running


def test_the_clock_waits_for_the_first_word(qtbot: QtBot, make_rig: Callable[..., Rig]) -> None:
    rig = make_rig(start_at_first_word=True, lead_in_s=3)
    rig.mic.pcm = silence(2.0) + CLEAN  # the first word 2 s later than in CLEAN
    onset_s = 2.0 + SPEECH_START_S
    rig.space(qtbot)
    view = rig.window.countdown_view
    assert rig.rehearsal.running
    assert view.phase_label.text() == "Waiting for your first word…"
    _listen(rig, onset_s - 0.1)
    rig.rehearsal.tick()
    frame = rig.rehearsal.current_frame()
    assert frame is not None and frame.reading.phase is Phase.WAITING and frame.position == 0
    _listen(rig, 0.5)  # heard within 180-280 ms of the word (and a chunk)
    frame = rig.rehearsal.current_frame()
    assert frame is not None and frame.reading.phase is Phase.CALM
    # The clock runs from the word (0.4 s ago), not from when the word was recognised.
    assert frame.reading.elapsed_s == pytest.approx(0.4, abs=0.06)
    _listen(rig, SPEECH_END_S)
    with qtbot.waitSignal(rig.rehearsal.take_saved):
        rig.space(qtbot)
    (attempt,) = rig.attempts()
    assert attempt.speech_start_s == pytest.approx(0.0, abs=0.05)
    assert attempt.speech_end_s == pytest.approx(SPEECH_END_S - SPEECH_START_S, abs=0.08)
    assert attempt.duration_s == pytest.approx(rig.clock.now - 1000.0 - onset_s, abs=0.06)


def test_stopping_while_waiting_for_the_first_word_cancels(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(start_at_first_word=True)
    rig.mic.pcm = silence(3.0)
    rig.space(qtbot)
    _listen(rig, 2.0)
    with qtbot.waitSignal(rig.rehearsal.take_cancelled):
        rig.space(qtbot)
    assert rig.attempts() == [] and rig.files() == []


def test_a_microphone_lost_while_waiting_starts_the_clock(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(FakeAudioInput(unplug_after=10), start_at_first_word=True)
    rig.mic.pcm = silence(3.0)
    rig.space(qtbot)
    _listen(rig, 2.0)  # unplugged after 1 s
    frame = rig.rehearsal.current_frame()
    assert frame is not None and frame.reading.phase is Phase.CALM  # never stuck waiting
    rig.space(qtbot)
    (attempt,) = rig.attempts()
    assert attempt.duration_s == pytest.approx(1.0, abs=0.15)


def test_without_a_microphone_hands_free_is_off_and_says_why(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(FakeAudioInput(device=False), start_at_first_word=True, end_after_silence=True)
    rig.space(qtbot)
    frame = rig.rehearsal.current_frame()
    assert frame is not None and frame.reading.phase is Phase.CALM  # the clock runs at once
    assert rig.window.rehearse_page.voice_strip.note_label.text() == NO_MICROPHONE
    rig.clock.advance(20.0)
    rig.space(qtbot)
    assert rig.attempts()[0].duration_s == pytest.approx(20.0)


def test_hands_free_listens_even_with_recording_switched_off(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(record_takes=False, end_after_silence=True, end_silence_s=2.0)
    rig.mic.pcm = CLEAN
    rig.space(qtbot)
    with qtbot.waitSignal(rig.rehearsal.take_saved):
        _listen(rig, 9.0)
    (attempt,) = rig.attempts()
    assert attempt.recording is None and rig.files() == []
    assert attempt.speech_end_s == pytest.approx(SPEECH_END_S, abs=0.05)


def test_a_device_that_begins_with_zeros_starts_the_clock_at_the_word_in_room_tone(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    # A microphone whose first 2 s are digital silence, then 0.2 s of room tone and a word:
    # learned from the zeros, the floor let the room pass for the word's start (0.2 s early).
    rig = make_rig(start_at_first_word=True)
    take = room_take()
    cut = round((take.start_s - 0.2) * 16000) * 2
    rig.mic.pcm = silence(2.0) + take.pcm[cut:]
    rig.space(qtbot)
    _listen(rig, 2.2 + 0.5)  # the word, and the 180-280 ms (and a chunk) to be sure of it
    frame = rig.rehearsal.current_frame()
    assert frame is not None and frame.reading.phase is not Phase.WAITING
    clock_started_s = rig.clock.now - frame.reading.elapsed_s - 1000.0  # after Space
    assert clock_started_s == pytest.approx(2.2, abs=0.05)
