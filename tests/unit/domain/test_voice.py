"""Voice activity on generated voicemails with known speech bounds (tests/fixtures/voice).

The fixtures and their truth come from ``tools/make_voice_fixtures.py`` (espeak-ng, flite,
sox): the truth is the layout the generator made, never what this detector said.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import struct
import wave
from pathlib import Path
from typing import Any

import pytest
import webrtcvad  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.voice import (
    DEFAULT_END_SILENCE_S,
    FRAME_MS,
    PAUSE_MIN_S,
    SAMPLE_RATE,
    VAD_AGGRESSIVENESS,
    SpeechTiming,
    VoiceActivity,
    analyse_wav,
    finalise_wav,
    level_dbfs,
    write_wav_header,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "voice"
TRUTH: dict[str, dict[str, Any]] = json.loads((FIXTURES / "truth.json").read_text("utf-8"))
SPOKEN = sorted(name for name, truth in TRUTH.items() if truth["speech_start_s"] is not None)
TOLERANCE_S = 0.1  # onset and offset, clean and noisy
CHUNK_BYTES = SAMPLE_RATE * 2 // 10  # the app's 100 ms chunks
LIVE_LATENCY_S = 0.3  # the live onset/offset decision, behind the audio


def pcm_of(name: str) -> bytes:
    with wave.open(str(FIXTURES / name), "rb") as wav:
        return wav.readframes(wav.getnframes())


def silence(seconds: float) -> bytes:
    return bytes(round(seconds * SAMPLE_RATE) * 2)


def stream(pcm: bytes, sizes: list[int]) -> VoiceActivity:
    activity = VoiceActivity()
    offset, turn = 0, 0
    while offset < len(pcm):
        size = sizes[turn % len(sizes)]
        activity.feed(pcm[offset : offset + size])
        offset, turn = offset + size, turn + 1
    return activity


def test_the_fixtures_are_small_and_in_the_recording_format() -> None:
    files = sorted(FIXTURES.glob("*.wav"))
    assert [f.name for f in files] == sorted(TRUTH)
    assert sum(f.stat().st_size for f in files) < 1_000_000
    for path in files:
        with wave.open(str(path), "rb") as wav:
            assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16000, 1, 2)


# --- whole recordings ------------------------------------------------------------------------


@pytest.mark.parametrize("name", SPOKEN)
def test_onset_and_offset_are_within_a_tenth_of_a_second(name: str) -> None:
    truth = TRUTH[name]
    timing = analyse_wav(FIXTURES / name)
    assert timing is not None
    assert timing.start_s == pytest.approx(truth["speech_start_s"], abs=TOLERANCE_S)
    assert timing.end_s == pytest.approx(truth["speech_end_s"], abs=TOLERANCE_S)
    assert timing.spoken_s == pytest.approx(timing.end_s - timing.start_s)


@pytest.mark.parametrize("name", SPOKEN)
def test_pauses_of_a_third_of_a_second_are_found_and_short_gaps_are_not(name: str) -> None:
    truth = TRUTH[name]
    timing = analyse_wav(FIXTURES / name)
    assert timing is not None
    assert timing.pauses == len(truth["pauses"])
    longest = max((end - start for start, end in truth["pauses"]), default=0.0)
    assert timing.longest_pause_s == pytest.approx(longest, abs=TOLERANCE_S)


def test_the_voicemail_fixtures_have_a_pause_and_a_short_gap_to_tell_apart() -> None:
    truth = TRUTH["clean_pause.wav"]
    assert [round(end - start, 1) for start, end in truth["pauses"]] == [0.7]
    assert any(0.1 <= end - start <= 0.2 for start, end in truth["short_gaps"])


def test_noise_without_speech_is_no_speech() -> None:
    assert analyse_wav(FIXTURES / "noise_only.wav") is None


def _yes_with_gap(gap_s: float) -> bytes:
    """The short fixture's "Yes." twice, ``gap_s`` of digital silence between them."""
    truth, pcm = TRUTH["short_word.wav"], pcm_of("short_word.wav")
    start, end = (round(truth[key] * SAMPLE_RATE) * 2 for key in ("speech_start_s", "speech_end_s"))
    word = pcm[start:end]
    return silence(0.5) + word + silence(gap_s) + word + silence(0.5)


@pytest.mark.parametrize(
    ("gap_s", "pauses"), [(0.15, 0), (0.25, 0), (0.35, 1), (0.8, 1), (PAUSE_MIN_S + 0.05, 1)]
)
def test_a_gap_is_a_pause_from_pause_min_s_on(gap_s: float, pauses: int) -> None:
    activity = VoiceActivity()
    activity.feed(_yes_with_gap(gap_s))
    timing = activity.timing()
    assert timing is not None
    assert timing.pauses == pauses
    if pauses:
        assert timing.longest_pause_s == pytest.approx(gap_s, abs=0.03)


def test_timing_during_the_speech_covers_the_speech_so_far() -> None:
    truth, pcm = TRUTH["clean_pause.wav"], pcm_of("clean_pause.wav")
    activity = VoiceActivity()
    activity.feed(pcm[: round(2.0 * SAMPLE_RATE) * 2])
    timing = activity.timing()
    assert timing is not None
    assert timing.start_s == pytest.approx(truth["speech_start_s"], abs=TOLERANCE_S)
    assert 1.7 <= timing.end_s <= 2.0


# --- streaming -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_any_chunking_gives_the_whole_file_result(name: str) -> None:
    pcm = pcm_of(name)
    rng = random.Random(name)
    sizes = [rng.randint(1, 9000) for _ in range(50)]
    assert stream(pcm, sizes).timing() == analyse_wav(FIXTURES / name)


@pytest.mark.parametrize("name", SPOKEN)
def test_the_first_word_is_known_live_within_300_ms(name: str) -> None:
    truth = TRUTH[name]
    activity, known_at = VoiceActivity(), None
    pcm = pcm_of(name)
    for offset in range(0, len(pcm), CHUNK_BYTES):
        activity.feed(pcm[offset : offset + CHUNK_BYTES])
        if activity.speech_started_at is not None:
            known_at = activity.elapsed_s
            break
    assert known_at is not None
    assert activity.speech_started_at == pytest.approx(truth["speech_start_s"], abs=TOLERANCE_S)
    assert known_at - truth["speech_start_s"] <= LIVE_LATENCY_S + 1e-9


@pytest.mark.parametrize("name", SPOKEN)
def test_silence_since_speech_grows_after_the_last_word(name: str) -> None:
    truth = TRUTH[name]
    activity, pcm = VoiceActivity(), pcm_of(name) + silence(DEFAULT_END_SILENCE_S)
    seen: list[tuple[float, float]] = []
    for offset in range(0, len(pcm), CHUNK_BYTES):
        activity.feed(pcm[offset : offset + CHUNK_BYTES])
        seen.append((activity.elapsed_s, activity.silence_since_speech_s()))
    after_end = [(t, s) for t, s in seen if t >= truth["speech_end_s"] + LIVE_LATENCY_S + 1e-9]
    assert after_end
    for elapsed, silent in after_end:
        assert silent == pytest.approx(elapsed - truth["speech_end_s"], abs=TOLERANCE_S)
    assert seen[-1][1] >= DEFAULT_END_SILENCE_S


def test_silence_is_only_reported_in_the_pause_and_after_the_end() -> None:
    # No flapping: a comma, a stop consonant or a 0.15 s gap never reads as "silent".
    activity, pcm = VoiceActivity(), pcm_of("clean_pause.wav")
    episodes, was_silent = 0, False
    for offset in range(0, len(pcm), CHUNK_BYTES):
        activity.feed(pcm[offset : offset + CHUNK_BYTES])
        silent = activity.silence_since_speech_s() > 0
        episodes += silent and not was_silent
        was_silent = silent
    assert episodes == 2  # the 0.7 s pause, then the end


def test_a_breath_before_the_first_word_does_not_start_the_speech() -> None:
    truth = TRUTH["noisy_pause.wav"]
    breath_end_s = truth["breath_at_s"] + 0.15
    activity, pcm = VoiceActivity(), pcm_of("noisy_pause.wav")
    activity.feed(pcm[: round((truth["speech_start_s"] - 0.05) * SAMPLE_RATE) * 2])
    assert activity.elapsed_s > breath_end_s + LIVE_LATENCY_S
    assert activity.speech_started_at is None
    assert activity.silence_since_speech_s() == 0.0


def test_the_noisy_fixtures_fool_webrtcvad_alone() -> None:
    # What the smoothing and the energy gate are for: unsmoothed, webrtcvad calls the start
    # of a noisy file and the breath speech, long before the first word.
    for name in ("noisy_pause.wav", "flite_noisy.wav"):
        truth, pcm = TRUTH[name], pcm_of(name)
        vad = webrtcvad.Vad(VAD_AGGRESSIVENESS)
        frame = FRAME_MS * SAMPLE_RATE // 1000 * 2
        lead = [
            vad.is_speech(pcm[i : i + frame], SAMPLE_RATE)
            for i in range(0, round(truth["speech_start_s"] * SAMPLE_RATE) * 2 - frame, frame)
        ]
        assert any(lead[:4]), name  # the first ~100 ms
        breath = round(truth["breath_at_s"] / (FRAME_MS / 1000))
        assert any(lead[breath : breath + 8]), name


def _breath(seconds: float, level_dbfs_target: float = -30.0) -> bytes:
    """A burst of seeded noise with 30 ms fades, like a breath into the microphone."""
    rng = random.Random(7)
    count, fade = round(seconds * SAMPLE_RATE), round(0.03 * SAMPLE_RATE)
    scale = 32768 * 10 ** (level_dbfs_target / 20)
    samples = []
    for i in range(count):
        ramp = min(1.0, i / fade, (count - 1 - i) / fade)
        samples.append(max(-32768, min(32767, round(rng.gauss(0, scale) * ramp))))
    return struct.pack(f"<{count}h", *samples)


@pytest.mark.parametrize(
    ("seconds", "level"),
    [(0.15, -30.0), (0.4, -40.0)],
    ids=["too-short-for-a-word", "much-quieter-than-the-speech"],
)
def test_a_breath_after_the_last_word_does_not_reset_the_silence(
    seconds: float, level: float
) -> None:
    pcm = pcm_of("clean_pause.wav") + silence(1.0) + _breath(seconds, level) + silence(1.0)
    activity, silences = VoiceActivity(), []
    for offset in range(0, len(pcm), CHUNK_BYTES):
        activity.feed(pcm[offset : offset + CHUNK_BYTES])
        silences.append(activity.silence_since_speech_s())
    after_end = silences[round((TRUTH["clean_pause.wav"]["duration_s"] + 0.1) * 10) :]
    assert all(later > earlier for earlier, later in itertools.pairwise(after_end))
    timing = activity.timing()
    assert timing is not None
    assert timing.end_s == pytest.approx(TRUTH["clean_pause.wav"]["speech_end_s"], abs=0.1)


def test_a_faint_breath_before_the_first_word_is_not_its_start() -> None:
    truth = TRUTH["clean_pause.wav"]
    activity = VoiceActivity()
    activity.feed(silence(0.3) + _breath(0.4, -40.0) + pcm_of("clean_pause.wav"))
    timing = activity.timing()
    assert timing is not None
    assert timing.start_s == pytest.approx(0.7 + truth["speech_start_s"], abs=TOLERANCE_S)


def test_a_softer_word_after_a_pause_is_still_speech() -> None:
    truth, pcm = TRUTH["short_word.wav"], pcm_of("short_word.wav")
    start, end = (round(truth[key] * SAMPLE_RATE) * 2 for key in ("speech_start_s", "speech_end_s"))
    samples = struct.unpack(f"<{(end - start) // 2}h", pcm[start:end])
    soft = struct.pack(f"<{len(samples)}h", *(round(s / 3.16) for s in samples))  # -10 dB
    before = pcm_of("clean_pause.wav") + silence(0.5)
    activity = VoiceActivity()
    activity.feed(before + soft + silence(0.5))
    timing = activity.timing()
    assert timing is not None
    assert timing.pauses == 2  # the 0.7 s one, and the 1.1 s before the soft word
    expected_end_s = (len(before) + len(soft)) / (2 * SAMPLE_RATE)
    assert timing.end_s == pytest.approx(expected_end_s, abs=TOLERANCE_S)


def test_nothing_fed_is_no_speech() -> None:
    activity = VoiceActivity()
    assert activity.elapsed_s == 0.0
    assert activity.speech_started_at is None
    assert activity.silence_since_speech_s() == 0.0
    assert activity.timing() is None


def test_elapsed_counts_partial_frames() -> None:
    activity = VoiceActivity()
    activity.feed(silence(0.0125))
    activity.feed(b"\x00")
    assert activity.elapsed_s == pytest.approx((0.0125 * SAMPLE_RATE * 2 + 1) / 32000)


def test_unsupported_sample_rates_are_refused() -> None:
    with pytest.raises(ValueError, match="44100"):
        VoiceActivity(44100)


@pytest.mark.parametrize("rate", [8000, 32000, 48000])
def test_other_webrtcvad_rates_are_measured_in_their_own_seconds(rate: int) -> None:
    activity = VoiceActivity(rate)
    activity.feed(bytes(rate * 2))
    assert activity.elapsed_s == pytest.approx(1.0)
    assert activity.timing() is None


@settings(max_examples=25, deadline=None)
@given(
    chunks=st.lists(st.integers(min_value=0, max_value=4000), min_size=1, max_size=40),
    amplitude=st.integers(min_value=0, max_value=8000),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_silence_and_steady_hiss_are_never_speech(
    chunks: list[int], amplitude: int, seed: int
) -> None:
    rng = random.Random(seed)
    activity = VoiceActivity()
    for size in chunks:
        samples = [
            max(-32768, min(32767, round(rng.gauss(0, amplitude)))) for _ in range(size // 2)
        ]
        activity.feed(struct.pack(f"<{len(samples)}h", *samples))
    assert activity.speech_started_at is None
    assert activity.silence_since_speech_s() == 0.0
    assert activity.timing() is None


@settings(max_examples=10, deadline=None)
@given(sizes=st.lists(st.integers(min_value=1, max_value=20_000), min_size=1, max_size=30))
def test_chunking_never_changes_the_result(sizes: list[int]) -> None:
    pcm = pcm_of("noisy_pause.wav")
    expected = analyse_wav(FIXTURES / "noisy_pause.wav")
    assert isinstance(expected, SpeechTiming)
    assert stream(pcm, sizes).timing() == expected


# --- level -----------------------------------------------------------------------------------


def _sine(amplitude: float, seconds: float = 0.1, hz: float = 440.0) -> bytes:
    count = round(seconds * SAMPLE_RATE)
    return struct.pack(
        f"<{count}h",
        *(
            round(amplitude * 32767 * math.sin(math.tau * hz * i / SAMPLE_RATE))
            for i in range(count)
        ),
    )


@pytest.mark.parametrize(
    ("pcm", "expected_db"),
    [
        (b"", -96.0),
        (b"\x00", -96.0),  # half a sample
        (silence(0.1), -96.0),
        (struct.pack("<4h", 32767, -32767, 32767, -32767), 0.0),  # full-scale square
        (struct.pack("<2h", -32768, -32768), 0.0),
        (_sine(1.0), -3.01),
        (_sine(0.1), -23.01),
        (struct.pack("<h", 1), -90.31),  # one LSB
    ],
)
def test_level_is_rms_in_dbfs(pcm: bytes, expected_db: float) -> None:
    assert level_dbfs(pcm) == pytest.approx(expected_db, abs=0.02)


def test_level_of_the_fixtures_is_plausible() -> None:
    assert -45 < level_dbfs(pcm_of("noise_only.wav")) < -30
    assert -30 < level_dbfs(pcm_of("clean_pause.wav")) < -10


# --- WAV files -------------------------------------------------------------------------------


def test_the_header_is_the_one_the_wave_module_writes(tmp_path: Path) -> None:
    pcm = _sine(0.5, seconds=0.25)
    with wave.open(str(tmp_path / "ref.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm)
    reference = (tmp_path / "ref.wav").read_bytes()
    header = write_wav_header(len(pcm) // 2)
    assert len(header) == 44
    assert header + pcm == reference


@pytest.mark.parametrize("rate", [8000, 16000, 48000])
def test_a_written_header_reads_back(tmp_path: Path, rate: int) -> None:
    path = tmp_path / "take.wav"
    path.write_bytes(write_wav_header(1234, rate) + bytes(2468))
    with wave.open(str(path), "rb") as wav:
        assert wav.getparams()[:4] == (1, 2, rate, 1234)


def test_bad_header_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="frames"):
        write_wav_header(-1)
    with pytest.raises(ValueError, match="fit"):
        write_wav_header(2**31)


def test_a_recording_cut_off_by_a_crash_is_repaired(tmp_path: Path) -> None:
    # The recorder's protocol: a placeholder header, the samples, then the real header —
    # which a killed writer never wrote (and it may have stopped mid-sample).
    pcm = pcm_of("short_word.wav")
    path = tmp_path / "take.wav"
    path.write_bytes(write_wav_header(0) + pcm + b"\x01")
    assert finalise_wav(path) == len(pcm) // 2
    with wave.open(str(path), "rb") as wav:
        assert wav.getnframes() == len(pcm) // 2
        assert wav.readframes(wav.getnframes()) == pcm
    assert analyse_wav(path) == analyse_wav(FIXTURES / "short_word.wav")


def test_an_empty_recording_is_repaired_to_zero_frames(tmp_path: Path) -> None:
    path = tmp_path / "take.wav"
    path.write_bytes(write_wav_header(0)[:20])
    assert finalise_wav(path) == 0
    assert analyse_wav(path) is None


def test_repairing_a_file_that_is_not_a_wav_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.wav"
    path.write_bytes(b"hello, not audio")
    with pytest.raises(ValueError, match="not a WAV"):
        finalise_wav(path)
    assert path.read_bytes() == b"hello, not audio"


def test_analyse_refuses_other_formats_clearly(tmp_path: Path) -> None:
    path = tmp_path / "cd.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(44100)
        wav.writeframes(bytes(4 * 4410))
    with pytest.raises(ValueError, match=r"44100 Hz, 16-bit, 2 channel.*expected 16000 Hz"):
        analyse_wav(path)


def test_analyse_refuses_a_file_that_is_not_a_wav(tmp_path: Path) -> None:
    path = tmp_path / "take.wav"
    path.write_bytes(b"ID3 not a wave file at all")
    with pytest.raises(ValueError, match="not a readable PCM WAV"):
        analyse_wav(path)


# --- a device that starts late ---------------------------------------------------------------


@pytest.mark.parametrize("name", SPOKEN)
def test_skipped_seconds_move_every_time_but_are_not_analysed(name: str) -> None:
    # Silence invented for the missing start would drag the noise floor down: in noise the
    # first noise frames would then pass for speech. Skipping keeps the analysis as it was.
    heard = stream(pcm_of(name), [CHUNK_BYTES])
    late = VoiceActivity()
    late.skip(1.75)
    for offset in range(0, len(pcm_of(name)), CHUNK_BYTES):
        late.feed(pcm_of(name)[offset : offset + CHUNK_BYTES])

    expected, timing = heard.timing(), late.timing()
    assert expected is not None and timing is not None
    assert timing.start_s == pytest.approx(expected.start_s + 1.75)
    assert timing.end_s == pytest.approx(expected.end_s + 1.75)
    assert (timing.pauses, timing.longest_pause_s) == (expected.pauses, expected.longest_pause_s)
    assert late.elapsed_s == pytest.approx(heard.elapsed_s + 1.75)
    assert heard.speech_started_at is not None
    assert late.speech_started_at == pytest.approx(heard.speech_started_at + 1.75)
    assert late.silence_since_speech_s() == pytest.approx(heard.silence_since_speech_s())


def test_skipping_after_sound_was_fed_is_refused() -> None:
    activity = VoiceActivity()
    activity.feed(silence(0.1))
    with pytest.raises(ValueError):
        activity.skip(1.0)
