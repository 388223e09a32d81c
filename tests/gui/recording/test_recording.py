"""Recording every take: the WAV, the speech figures, the meter, the notes when there is no
microphone, retention and deletion — through the real window with a fake microphone."""

from __future__ import annotations

import wave
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.attempt import Outcome
from app.storage.recordings import RECORDINGS_DIRNAME
from app.ui.audio_input import NO_MICROPHONE, STOPPED_MID_TAKE
from tests.helpers.fake_audio import CHUNK_BYTES, FakeAudioInput, chunks_in, read_fixture, silence
from tests.helpers.recording_rig import CLEAN, CLEAN_TRUTH, Rig


def _frames(path: Path) -> int:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16000, 1, 2)
        return wav.getnframes()


# --- a recorded take --------------------------------------------------------------------------
def test_a_take_writes_a_wav_that_its_attempt_points_at(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    attempt = rig.take(qtbot)
    assert attempt.recording is not None and attempt.recording.startswith("recordings/")
    path = rig.data_dir / attempt.recording
    assert rig.files() == [path]
    assert _frames(path) == chunks_in(CLEAN) * CHUNK_BYTES // 2  # every chunk, nothing lost
    assert attempt.duration_s == pytest.approx(len(CLEAN) / 32000, abs=0.001)


def test_the_speech_is_measured_and_stored_with_the_take(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    attempt = rig.take(qtbot)
    assert attempt.speech_start_s == pytest.approx(CLEAN_TRUTH.start_s, abs=0.05)
    assert attempt.speech_end_s == pytest.approx(CLEAN_TRUTH.end_s, abs=0.05)
    assert attempt.spoken_s == pytest.approx(CLEAN_TRUTH.end_s - CLEAN_TRUTH.start_s, abs=0.08)
    assert attempt.pauses == len(CLEAN_TRUTH.pauses)
    assert attempt.longest_pause_s == pytest.approx(CLEAN_TRUTH.longest_pause_s, abs=0.08)
    assert attempt.timed_s == attempt.spoken_s  # the verdict uses the speech


def test_the_lead_in_is_subtracted_from_the_speech_figures(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(lead_in_s=3)
    attempt = rig.take(qtbot, silence(3.0) + CLEAN)
    assert attempt.duration_s == pytest.approx(len(CLEAN) / 32000, abs=0.001)
    assert attempt.speech_start_s == pytest.approx(CLEAN_TRUTH.start_s, abs=0.05)
    assert attempt.speech_end_s == pytest.approx(CLEAN_TRUTH.end_s, abs=0.05)
    path = rig.data_dir / (attempt.recording or "")
    assert _frames(path) / 16000 == pytest.approx(3.0 + len(CLEAN) / 32000, abs=0.1)


def test_a_take_without_speech_is_recorded_without_figures(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    attempt = rig.take(qtbot, read_fixture("noise_only.wav"))
    assert attempt.recording is not None
    assert (attempt.speech_start_s, attempt.spoken_s, attempt.pauses) == (None, None, None)
    assert attempt.timed_s == attempt.duration_s


def test_the_quiet_meter_follows_the_voice_during_the_take(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    meter = rig.window.rehearse_page.voice_strip.meter
    assert not meter.listening
    rig.mic.pcm = CLEAN
    levels: list[float] = []
    rig.rehearsal.level_changed.connect(levels.append)
    rig.space(qtbot)
    assert meter.listening
    rig.mic.push(10)  # 0.6 s of silence, then speech
    assert len(levels) == 10  # at most ten a second
    assert levels[0] < -90 and levels[-1] > -40
    assert meter.fraction > 0.3
    rig.clock.advance(1.0)
    rig.space(qtbot)
    assert not meter.listening
    assert not rig.window.rehearse_page.voice_strip.note_label.isVisible()


def test_an_abandoned_take_keeps_its_recording(qtbot: QtBot, make_rig: Callable[..., Rig]) -> None:
    rig = make_rig()
    rig.mic.pcm = CLEAN
    rig.space(qtbot)
    rig.mic.push(30)
    rig.clock.advance(3.0)
    qtbot.keyClick(rig.window.prompter, Qt.Key.Key_Escape)
    (attempt,) = rig.attempts()
    assert attempt.outcome is Outcome.ABANDONED
    assert attempt.recording is not None and (rig.data_dir / attempt.recording).exists()


def test_a_take_stopped_during_the_lead_in_leaves_no_file(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(lead_in_s=3)
    rig.space(qtbot)
    rig.mic.push(5)
    rig.clock.advance(0.5)
    with qtbot.waitSignal(rig.rehearsal.take_cancelled):
        rig.space(qtbot)
    assert rig.attempts() == [] and rig.files() == []


def test_with_recording_switched_off_there_is_no_file(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(record_takes=False)
    attempt = rig.take(qtbot)
    assert attempt.recording is None and attempt.spoken_s is None
    assert rig.files() == [] and rig.mic.starts == 0
    assert not rig.window.rehearse_page.voice_strip.meter.listening


# --- no microphone ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("failure", "note"),
    [
        ({"device": False}, NO_MICROPHONE),
        ({"opens": False}, "The microphone could not be opened (OpenError)"),
    ],
    ids=["no device", "fails to open"],
)
def test_without_a_microphone_the_take_is_timed_and_saved_with_a_note(
    qtbot: QtBot, make_rig: Callable[..., Rig], failure: dict[str, bool], note: str
) -> None:
    rig = make_rig(FakeAudioInput(**failure))
    rig.space(qtbot)
    label = rig.window.rehearse_page.voice_strip.note_label
    assert label.isVisible() and label.text().startswith(note)
    assert "takes are timed but not recorded" in label.text()
    rig.clock.advance(12.5)
    with qtbot.waitSignal(rig.rehearsal.take_saved):
        rig.space(qtbot)
    (attempt,) = rig.attempts()
    assert attempt.duration_s == pytest.approx(12.5)
    assert attempt.recording is None and rig.files() == []
    assert not rig.window.rehearse_page.voice_strip.meter.listening


def test_a_microphone_unplugged_mid_take_keeps_the_audio_so_far(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(FakeAudioInput(unplug_after=20))
    rig.mic.pcm = CLEAN
    rig.space(qtbot)
    assert rig.mic.push_all() == 20
    note = rig.window.rehearse_page.voice_strip.note_label
    assert note.isVisible() and note.text() == STOPPED_MID_TAKE
    assert not rig.window.rehearse_page.voice_strip.meter.listening
    assert rig.rehearsal.running  # the take goes on, timed
    rig.clock.advance(5.9)
    rig.space(qtbot)
    (attempt,) = rig.attempts()
    assert attempt.duration_s == pytest.approx(5.9)
    assert attempt.recording is not None
    assert _frames(rig.data_dir / attempt.recording) == 20 * CHUNK_BYTES // 2  # playable
    assert attempt.speech_start_s == pytest.approx(CLEAN_TRUTH.start_s, abs=0.05)  # heard
    # The next take starts afresh: the note goes when the microphone is back.
    rig.mic.unplug_after = None
    rig.space(qtbot)
    assert not note.isVisible()


# --- retention and deletion -------------------------------------------------------------------
def test_only_the_newest_recordings_of_a_script_are_kept(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(keep_recordings=2)
    for _ in range(3):
        rig.take(qtbot, CLEAN[: 20 * CHUNK_BYTES])
        rig.utc.now += timedelta(minutes=1)
    first, second, third = rig.attempts()
    assert first.recording is None  # its figures stay: they were measured
    assert first.speech_start_s is not None
    assert [rig.data_dir / (a.recording or "") for a in (second, third)] == rig.files()
    # The history was read after the trim: it never offers a file that is gone.
    shown = rig.window.progress.attempts()
    assert [a.recording for a in shown] == [a.recording for a in (first, second, third)]


def test_keeping_all_recordings_keeps_all(qtbot: QtBot, make_rig: Callable[..., Rig]) -> None:
    rig = make_rig(keep_recordings=0)
    for _ in range(3):
        rig.take(qtbot, CLEAN[: 10 * CHUNK_BYTES])
    assert len(rig.files()) == 3


def test_a_deleted_takes_file_goes_only_when_the_undo_has_expired(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    attempt = rig.take(qtbot)
    assert attempt.id is not None and attempt.recording is not None
    path = rig.data_dir / attempt.recording
    rig.window.progress.delete_requested.emit(attempt.id)
    keeper = rig.window.recordings
    assert keeper is not None
    keeper._after_undo.timeout.emit()  # checked while the undo is still offered
    assert path.exists()
    qtbot.mouseClick(rig.window.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert rig.repository.get_attempt(attempt.id).recording == attempt.recording
    rig.window.progress.delete_requested.emit(attempt.id)
    rig.utc.now += timedelta(seconds=11)  # the undo bar has gone
    keeper._after_undo.timeout.emit()
    assert not path.exists()


def test_closing_the_window_deletes_the_files_of_deleted_takes(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    kept, deleted = rig.take(qtbot), rig.take(qtbot)
    assert deleted.id is not None
    rig.window.progress.delete_requested.emit(deleted.id)
    rig.main_window.close()
    assert rig.files() == [rig.data_dir / (kept.recording or "")]


# --- preferences ------------------------------------------------------------------------------
def test_preferences_show_the_disk_use_and_save_the_switches(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig()
    rig.take(qtbot)
    section = rig.window._recording_section()
    qtbot.addWidget(section)
    assert section.record_check.isEnabled() and section.record_check.isChecked()
    assert not section.end_check.isChecked() and not section.first_word_check.isChecked()
    assert section.end_spin.value() == 3
    assert section.disk_label.text().startswith("Recordings: 1 take, 0.2 MB in ")
    assert str(rig.data_dir / RECORDINGS_DIRNAME) in section.disk_label.text()
    section.record_check.setChecked(False)
    section.end_check.setChecked(True)
    section.end_spin.setValue(5)
    section.keep_spin.setValue(0)
    section.apply()
    prefs = rig.preferences
    assert (prefs.record_takes, prefs.end_after_silence, prefs.end_silence_s) == (False, True, 5)
    assert prefs.keep_recordings == 0


def test_preferences_grey_the_switches_without_a_microphone(
    qtbot: QtBot, make_rig: Callable[..., Rig]
) -> None:
    rig = make_rig(FakeAudioInput(device=False), start_at_first_word=True)
    section = rig.window._recording_section()
    qtbot.addWidget(section)
    assert not section.record_check.isEnabled() and not section.first_word_check.isEnabled()
    assert section.problem_label.text() == NO_MICROPHONE
    section.apply()
    assert rig.preferences.start_at_first_word  # kept for when the microphone is back
