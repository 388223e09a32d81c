"""The recorder on its own: the WAV it writes (even mid-take), odd chunks, a refusing disk,
file names, and the speech figures moved onto the take's clock."""

from __future__ import annotations

import wave
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.attempt import Attempt, Outcome
from app.domain.voice import SpeechTiming
from app.storage.recordings import RECORDINGS_DIRNAME
from app.ui.audio_input import NO_MICROPHONE
from app.ui.recorder import Recorder, Recording, recording_name, with_voice
from tests.helpers.fake_audio import CHUNK_BYTES, FakeAudioInput, tone
from tests.helpers.recording_rig import CLEAN, CLEAN_TRUTH


def _recorder(qtbot: QtBot, tmp_path: Path, mic: FakeAudioInput | None = None) -> Recorder:
    return Recorder(mic or FakeAudioInput(CLEAN), tmp_path, clock=lambda: 0.0)  # never late


def _mic(recorder: Recorder) -> FakeAudioInput:
    mic = recorder.audio_input
    assert isinstance(mic, FakeAudioInput)
    return mic


def _frames(path: Path) -> int:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes()


def test_the_file_plays_up_to_the_last_second_while_it_is_written(
    qtbot: QtBot, tmp_path: Path
) -> None:
    recorder = _recorder(qtbot, tmp_path)
    assert recorder.start("take")
    path = tmp_path / RECORDINGS_DIRNAME / "take.wav"
    assert _frames(path) == 0  # the placeholder header is a valid empty WAV
    _mic(recorder).push(25)  # 2.5 s: the header was corrected at 1 s and 2 s
    assert _frames(path) == 20 * CHUNK_BYTES // 2
    recording = recorder.stop()
    assert recording.path == f"{RECORDINGS_DIRNAME}/take.wav"
    assert _frames(path) == 25 * CHUNK_BYTES // 2
    assert recording.heard_s == pytest.approx(2.5)
    assert not recording.interrupted


def test_chunks_of_odd_length_lose_no_byte(qtbot: QtBot, tmp_path: Path) -> None:
    mic = FakeAudioInput()
    recorder = _recorder(qtbot, tmp_path, mic)
    recorder.start("odd")
    pcm = tone(0.5)
    for start in range(0, len(pcm), 333):  # odd sizes split samples in two
        mic.chunk.emit(pcm[start : start + 333])
    recorder.stop()
    with wave.open(str(tmp_path / RECORDINGS_DIRNAME / "odd.wav"), "rb") as wav:
        assert wav.readframes(wav.getnframes()) == pcm


def test_the_level_is_reported_at_most_ten_times_a_second(qtbot: QtBot, tmp_path: Path) -> None:
    mic = FakeAudioInput()
    recorder = _recorder(qtbot, tmp_path, mic)
    levels: list[float] = []
    recorder.level_changed.connect(levels.append)
    recorder.start(None)
    pcm = tone(1.0, amplitude=0.5)
    for start in range(0, len(pcm), 640):  # 20 ms chunks, as some devices deliver them
        mic.chunk.emit(pcm[start : start + 640])
    assert len(levels) == 10
    assert levels[-1] == pytest.approx(-9.0, abs=0.1)  # a sine at half scale


def test_listening_without_a_name_writes_nothing_but_hears(qtbot: QtBot, tmp_path: Path) -> None:
    recorder = _recorder(qtbot, tmp_path)
    recorder.start(None)
    _mic(recorder).push_all()
    recording = recorder.stop()
    assert recording.path is None and not (tmp_path / RECORDINGS_DIRNAME).exists()
    assert recording.timing is not None
    assert recording.timing.start_s == pytest.approx(CLEAN_TRUTH.start_s, abs=0.05)


def test_a_disk_that_refuses_keeps_the_take_listening(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / RECORDINGS_DIRNAME).write_text("a file where the folder should be")
    recorder = _recorder(qtbot, tmp_path)
    with qtbot.waitSignal(recorder.failed) as failed:
        assert recorder.start("take")
    assert failed.args is not None
    assert failed.args[0].startswith("The recording could not be written")
    _mic(recorder).push_all()
    recording = recorder.stop()
    assert recording.path is None and recording.interrupted
    assert recording.timing is not None


def test_a_refused_start_says_why_and_leaves_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    recorder = _recorder(qtbot, tmp_path, FakeAudioInput(device=False))
    with qtbot.waitSignal(recorder.failed) as failed:
        assert not recorder.start("take")
    assert failed.args == [NO_MICROPHONE]
    assert not recorder.listening
    assert recorder.stop() == Recording(None, None, 0.0, False)
    assert not (tmp_path / RECORDINGS_DIRNAME).exists()


def test_discard_deletes_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    recorder = _recorder(qtbot, tmp_path)
    recorder.start("take")
    _mic(recorder).push(3)
    recorder.discard()
    assert list((tmp_path / RECORDINGS_DIRNAME).iterdir()) == []


def test_a_name_already_taken_is_never_overwritten(qtbot: QtBot, tmp_path: Path) -> None:
    recorder = _recorder(qtbot, tmp_path)
    paths = []
    for _ in range(2):
        recorder.start("same")
        _mic(recorder).push(1)
        paths.append(recorder.stop().path)
    assert paths == [f"{RECORDINGS_DIRNAME}/same.wav", f"{RECORDINGS_DIRNAME}/same-2.wav"]


def test_the_fake_replays_on_the_event_loop_like_a_device(qtbot: QtBot, tmp_path: Path) -> None:
    mic = FakeAudioInput(CLEAN[: 3 * CHUNK_BYTES])
    recorder = _recorder(qtbot, tmp_path, mic)
    recorder.start("live")
    mic.start_replay()
    qtbot.waitUntil(lambda: mic.sent >= 3, timeout=3000)
    recording = recorder.stop()
    assert mic.sent == 3 or mic.sent == 4  # a tick may land before the stop
    assert recording.heard_s == pytest.approx(mic.sent / 10)


def test_file_names_come_from_the_start_of_the_take_in_utc() -> None:
    paris = timezone(timedelta(hours=1))
    moment = datetime(2026, 11, 26, 15, 2, 13, 123456, tzinfo=paris)
    assert recording_name(moment) == "2026-11-26T14-02-13.123Z"
    assert recording_name(moment.astimezone(UTC)) == recording_name(moment)


ATTEMPT = Attempt(
    script_id=1,
    revision_id=1,
    started_at="2026-11-26T14:02:13.123+00:00",
    duration_s=10.0,
    target_s=30.0,
    words=50,
    reached_end=False,
    outcome=Outcome.UNRATED,
)


@pytest.mark.parametrize(
    ("timing", "clock_start_s", "expected"),
    [
        (SpeechTiming(3.5, 9.25, 2, 0.75), 3.0, (0.5, 6.25, 5.75)),  # a 3 s lead-in
        (SpeechTiming(1.0, 4.0, 0, 0.0), 3.0, (0.0, 1.0, 1.0)),  # began during the lead-in
        (SpeechTiming(0.5, 14.0, 0, 0.0), 0.0, (0.5, 10.0, 9.5)),  # never past the take
    ],
)
def test_speech_figures_are_moved_onto_the_takes_clock(
    timing: SpeechTiming, clock_start_s: float, expected: tuple[float, float, float]
) -> None:
    recording = Recording("recordings/x.wav", timing, 12.0, False)
    attempt = with_voice(ATTEMPT, recording, clock_start_s)
    assert attempt.recording == "recordings/x.wav"
    assert (attempt.speech_start_s, attempt.speech_end_s, attempt.spoken_s) == expected
    assert (attempt.pauses, attempt.longest_pause_s) == (timing.pauses, timing.longest_pause_s)


def test_no_recording_leaves_the_attempt_alone() -> None:
    assert with_voice(ATTEMPT, None, 3.0) is ATTEMPT


def test_a_microphone_that_starts_late_keeps_the_file_on_the_takes_clock(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # Measured through PulseAudio: the first take's sound arrived 1.9 s after the start.
    now = [100.0]
    mic = FakeAudioInput(CLEAN)
    recorder = Recorder(mic, tmp_path, clock=lambda: now[0])
    assert recorder.start("late")
    now[0] += 1.6  # 1.5 s of nothing, then the first 100 ms chunk
    mic.push_all()

    recording = recorder.stop()

    assert recording.path is not None
    with wave.open(str(tmp_path / recording.path), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
    padding = round(1.5 * 16000) * 2
    assert frames[:padding] == bytes(padding)  # the unheard start, as silence
    assert frames[padding : padding + len(CLEAN)] == CLEAN
    assert recording.timing is not None
    assert recording.timing.start_s == pytest.approx(CLEAN_TRUTH.start_s + 1.5, abs=0.1)


# --- armed between takes: the pre-roll ---------------------------------------------------------
def _armed_recorder(tmp_path: Path) -> tuple[Recorder, FakeAudioInput, list[float]]:
    now = [100.0]
    mic = FakeAudioInput(CLEAN)
    recorder = Recorder(mic, tmp_path, clock=lambda: now[0])
    assert recorder.arm() and recorder.armed and mic.running
    return recorder, mic, now


def _hear(mic: FakeAudioInput, now: list[float], chunks: int) -> None:
    for _ in range(chunks):
        now[0] += 0.1
        mic.push(1)


def test_an_armed_take_begins_with_the_half_second_before_the_key(
    qtbot: QtBot, tmp_path: Path
) -> None:
    recorder, mic, now = _armed_recorder(tmp_path)
    _hear(mic, now, 8)  # 0.8 s heard before the key press
    now[0] += 0.03  # the key, 30 ms after the last piece arrived
    assert recorder.start("armed")
    assert recorder.press_s == pytest.approx(0.53)
    _hear(mic, now, 10)
    recording = recorder.stop()
    assert mic.running and mic.starts == 1  # still open, never reopened
    assert recording.path is not None
    with wave.open(str(tmp_path / recording.path), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
    assert frames == CLEAN[3 * CHUNK_BYTES : 18 * CHUNK_BYTES]  # no padding, nothing lost
    assert recording.heard_s == pytest.approx(1.5)


def test_a_take_pressed_before_the_first_sound_is_padded_not_shifted(
    qtbot: QtBot, tmp_path: Path
) -> None:
    recorder, mic, now = _armed_recorder(tmp_path)
    assert recorder.start("early")  # armed, but nothing has arrived yet
    assert recorder.press_s == 0.0
    now[0] += 1.1  # the device's first piece, 1 s late
    mic.push_all()
    recording = recorder.stop()
    assert recording.path is not None
    with wave.open(str(tmp_path / recording.path), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
    assert frames[:32000] == bytes(32000)
    assert recording.timing is not None
    assert recording.timing.start_s == pytest.approx(CLEAN_TRUTH.start_s + 1.0, abs=0.1)


def test_disarming_lets_the_microphone_go_after_the_take(qtbot: QtBot, tmp_path: Path) -> None:
    recorder, mic, _ = _armed_recorder(tmp_path)
    recorder.start(None)
    recorder.disarm()
    assert mic.running  # the take goes on
    recorder.stop()
    assert not mic.running and not recorder.armed
    recorder.arm()
    recorder.disarm()
    assert not mic.running and mic.starts == 2


def test_a_microphone_lost_between_takes_is_reported_by_the_next_take(
    qtbot: QtBot, tmp_path: Path
) -> None:
    now = [0.0]
    mic = FakeAudioInput(CLEAN, unplug_after=2)
    recorder = Recorder(mic, tmp_path, clock=lambda: now[0])
    reasons: list[str] = []
    recorder.failed.connect(reasons.append)
    recorder.arm()
    _hear(mic, now, 3)
    assert not recorder.armed and reasons == []  # no "mid-take" note with no take
    mic.device = False
    assert not recorder.start("gone")
    assert reasons == [NO_MICROPHONE]
