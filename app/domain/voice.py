"""The voice in a take: when the speech starts and ends, its pauses, and a level for a meter.

CONTRACT (shared by the engineers building the recorder, the analysis and the replay). The
names and fields below are fixed.

Audio is 16 kHz, mono, signed 16-bit little-endian PCM (``SAMPLE_RATE``, ``SAMPLE_WIDTH``),
as ``QAudioSource`` delivers it and as the WAV files under ``recordings/`` hold it. Times are
seconds from the start of the recording, which starts with the take (lead-in included:
``lead_in_s`` is subtracted before the figures are stored on an Attempt).

How the speech is found, in three layers:

1. ``webrtcvad`` classifies each 30 ms frame. A frame is *active* when webrtcvad calls it
   speech **and** its energy is 6 dB over the noise floor (``voice_bounds.MARGIN_DB``; the
   final pass uses a margin fitted to the noise's spread): webrtcvad alone flags the
   first ~100 ms of a noisy file, a breath, and 0.1-0.2 s after each word as speech; the
   energy gate removes most of that. Energy is measured on 10 ms *cells* after a mild
   pre-emphasis (``PRE_EMPHASIS``, +9.5 dB tilt from rumble to hiss), which lifts the
   consonants at the edges of words out of a room's low-frequency noise.
2. A hysteresis over the last 300 ms (:mod:`app.domain.voice_gate`) smooths the frames into
   speech regions: speech begins when 6 of its 10 frames are active (a breath or click of up
   to ~150 ms never is) and ends when 8 are not. Live decisions are therefore 180-240 ms
   behind the audio, and the gap between words or a stop consonant cannot make it flap.
   Once the speech's level is known, a region that never comes within ``FAINT_DB`` (15 dB)
   of it is not speech either: a breath after the last word does not restart the speech.
3. The edges are moved to the first and last loud cell and the pauses are the silences of
   at least ``PAUSE_MIN_S`` between the first and the last word
   (:mod:`app.domain.voice_bounds`).

The noise floor is learned from real sound only: digital silence before the first real sound
(a late microphone's padding, a device's first empty buffers) is the absence of sound and
never counts (see :mod:`app.domain.voice_bounds`). Live (:class:`VoiceActivity` fed chunk by
chunk) it is tracked as the audio arrives, from the quiet start of the take: it starts at the
first real frame's level, falls at once to any quieter frame and rises by ``FLOOR_RISE`` of
the difference on each frame webrtcvad calls silence outside speech, so it follows a noise
that grows. (A take that starts mid-word learns the floor at the first gap between syllables;
the gate re-judges its window then, so the first word is still found.) ``timing()``
re-estimates it from the whole recording (the median of the real cells away from the speech,
see :func:`voice_bounds.noise_floor_db`) and replays layers 1-3 on the stored per-frame data:
cheap (a 60 s take is 2,000 frames, ~4 ms) and, since frames are cut from the stream the same
way whatever the chunks, identical for any chunking and for the whole file (``analyse_wav``).

Pure Python + webrtcvad + the standard library: no Qt, no SQLite, no numpy (the cell sums are
``math.sumprod`` on ``array`` slices).
"""

from __future__ import annotations

import array
import math
from dataclasses import dataclass
from pathlib import Path

import webrtcvad  # type: ignore[import-untyped]

from app.domain.voice_bounds import (
    CELL_S,
    is_digital_silence,
    noise_floor_db,
    refine_end,
    refine_start,
    smoothed_db,
    speech_bounds,
    threshold_db,
)
from app.domain.voice_gate import FAINT_DB, SpeechGate, speech_level_db
from app.domain.wav_pcm import finalise_wav as _finalise_wav
from app.domain.wav_pcm import read_mono16, samples_of, wav_header

SAMPLE_RATE = 16_000
SAMPLE_WIDTH = 2  # bytes: signed 16-bit little-endian
CHANNELS = 1
FRAME_MS = 30
PAUSE_MIN_S = 0.3  # a silence inside the speech at least this long is a pause
DEFAULT_END_SILENCE_S = 3.0  # hands-free: end the take after this long without speech

# webrtcvad's mode, 0-3. Raw webrtcvad on the voicemail fixture in white noise at 10 dB SNR:
# modes 0 and 1 call 96-100 % of the noise frames speech, modes 2 and 3 none, and 2 keeps a
# little more of the speech (86 % vs 85 % of its frames); at 19 dB all four reject the noise
# after its first ~100 ms. 2: the mildest mode that rejects a hiss.
VAD_AGGRESSIVENESS = 2
PRE_EMPHASIS = 0.5  # cells measure x[n] - 0.5·x[n-1]: -6 dB at DC, +3.5 dB at 8 kHz
FLOOR_RISE = 0.1  # per frame: the floor follows a louder noise within about a second
SILENCE_DBFS = -96.0  # the level reported for digital silence (16-bit: 20·log10(1/32768))
_CELLS_PER_FRAME = FRAME_MS // round(CELL_S * 1000)
_FULL_SCALE_SQUARED = 32768.0**2


@dataclass(frozen=True, slots=True)
class SpeechTiming:
    """Where the speech is in a recording, in seconds from its start."""

    start_s: float
    end_s: float
    pauses: int
    longest_pause_s: float

    @property
    def spoken_s(self) -> float:
        return self.end_s - self.start_s


def _cell_powers(samples: array.array[int], previous: int, size: int) -> list[float]:
    """Mean square of each ``size``-sample cell after pre-emphasis, y[n] = x[n] - a·x[n-1]:
    the sum of y² expands into three dot products, each one C-speed ``math.sumprod``."""
    a = PRE_EMPHASIS
    shifted = array.array("h", [previous]) + samples[:-1]
    powers = []
    for i in range(0, len(samples), size):
        cur, prev = samples[i : i + size], shifted[i : i + size]
        total = (
            math.sumprod(cur, cur)
            - 2.0 * a * math.sumprod(cur, prev)
            + a * a * math.sumprod(prev, prev)
        )
        powers.append(max(0.0, total) / size)
    return powers


def _db(mean_square: float) -> float:
    if mean_square <= 0.0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 10.0 * math.log10(mean_square / _FULL_SCALE_SQUARED))


class VoiceActivity:
    """Streaming voice-activity detector: feed PCM chunks as they arrive (any length), ask
    at any time whether speech has begun, how long it has been silent, and the timing."""

    def __init__(self, sample_rate: int = SAMPLE_RATE) -> None:
        if sample_rate not in (8000, 16000, 32000, 48000):
            raise ValueError(f"voice activity needs 8, 16, 32 or 48 kHz audio, not {sample_rate}")
        self._rate = sample_rate
        self._cell_samples = round(sample_rate * CELL_S)
        self._frame_bytes = self._cell_samples * _CELLS_PER_FRAME * SAMPLE_WIDTH
        self._vad = webrtcvad.Vad(VAD_AGGRESSIVENESS)
        self._pending = bytearray()
        self._fed_bytes = 0
        self._skipped_s = 0.0  # audio of the recording that was never delivered (see skip)
        self._cells_db: list[float] = []
        self._frames_db: list[float] = []
        self._voiced: list[bool] = []
        self._gate = SpeechGate()
        self._floor_db: float | None = None
        self._last_sample = 0
        self._started_at: float | None = None
        self._last_end_s: float | None = None
        self._speech_db = -math.inf  # the speech's level, once a region has closed

    def feed(self, pcm: bytes) -> None:
        self._fed_bytes += len(pcm)
        self._pending += pcm
        size = self._frame_bytes
        whole = len(self._pending) - len(self._pending) % size
        view = memoryview(self._pending)
        for offset in range(0, whole, size):
            self._take_frame(bytes(view[offset : offset + size]))
        view.release()
        del self._pending[:whole]

    @property
    def elapsed_s(self) -> float:
        """Seconds of the recording so far: the audio fed, and any skipped."""
        return self._skipped_s + self._fed_s

    @property
    def _fed_s(self) -> float:
        return self._fed_bytes / (SAMPLE_WIDTH * self._rate)

    def skip(self, seconds: float) -> None:
        """The recording's first ``seconds`` were never delivered (a device that starts
        late): every time reported counts them, but they are not analysed — silence
        invented for them would drag the noise floor down and make noise look like speech.
        Call it before the first ``feed``."""
        if self._fed_bytes:
            raise ValueError("skip() comes before the first feed()")
        self._skipped_s += max(0.0, seconds)

    @property
    def speech_started_at(self) -> float | None:
        """When the first word began (seconds into the audio), once speech has been heard.

        Known 180-280 ms after the word begins (the smoothing, plus up to a chunk), then
        fixed; ``timing().start_s`` may differ from it by a few 10 ms cells."""
        return None if self._started_at is None else self._skipped_s + self._started_at

    def silence_since_speech_s(self) -> float:
        """Seconds of silence since the last speech (0 while speaking or before any speech).

        Stays 0 for the 240 ms the smoothing needs to be sure the speech stopped, then jumps
        to the silence measured from the refined end of the last word."""
        if self._gate.in_speech or self._last_end_s is None:
            return 0.0
        return max(0.0, self._fed_s - self._last_end_s)

    def timing(self) -> SpeechTiming | None:
        """The speech so far (refined), or None when no speech was heard."""
        rough = [(s * _CELLS_PER_FRAME, e * _CELLS_PER_FRAME) for s, e in self._gate.all_regions()]
        if not rough:
            return None
        cells = smoothed_db(self._cells_db)
        floor_db, spread_db = noise_floor_db(cells, rough)
        thr = threshold_db(floor_db, spread_db)
        onset_min_db = speech_level_db(self._frames_db, self._gate.all_regions()) - FAINT_DB
        gate = SpeechGate()
        for voiced, frame_db in zip(self._voiced, self._frames_db, strict=True):
            gate.push(voiced, frame_db, thr, onset_min_db)
        regions = [(s * _CELLS_PER_FRAME, e * _CELLS_PER_FRAME) for s, e in gate.all_regions()]
        if not regions:
            return None
        bounds = speech_bounds(cells, regions, thr, round(PAUSE_MIN_S / CELL_S))
        longest = max((end - start for start, end in bounds.pauses), default=0)
        return SpeechTiming(
            start_s=round(self._skipped_s + bounds.start * CELL_S, 3),
            end_s=round(self._skipped_s + bounds.end * CELL_S, 3),
            pauses=len(bounds.pauses),
            longest_pause_s=round(longest * CELL_S, 3),
        )

    def _take_frame(self, frame: bytes) -> None:
        samples = samples_of(frame)
        squares = _cell_powers(samples, self._last_sample, self._cell_samples)
        self._last_sample = samples[-1]
        self._cells_db.extend(_db(square) for square in squares)
        frame_db = _db(sum(squares) / len(squares))
        voiced = bool(self._vad.is_speech(frame, self._rate))
        self._frames_db.append(frame_db)
        self._voiced.append(voiced)
        floor = self._floor_db
        if floor is not None or not is_digital_silence(frame_db):  # no sound yet: no floor
            floor = frame_db if floor is None else min(floor, frame_db)
        thr = threshold_db(SILENCE_DBFS if floor is None else floor)
        if self._gate.push(voiced, frame_db, thr, self._speech_db - FAINT_DB):
            self._on_edge(thr)
        if floor is not None and not voiced and not self._gate.in_speech:
            floor += FLOOR_RISE * (frame_db - floor)
        self._floor_db = floor

    def _on_edge(self, thr: float) -> None:
        cells = self._cells_db
        if self._gate.in_speech:
            if self._started_at is None:
                start = self._gate.all_regions()[-1][0] * _CELLS_PER_FRAME
                self._started_at = refine_start(cells, start, len(cells), 0, thr) * CELL_S
            return
        start, end = self._gate.regions[-1]
        self._speech_db = speech_level_db(self._frames_db, self._gate.regions)
        self._last_end_s = (
            refine_end(cells, start * _CELLS_PER_FRAME, end * _CELLS_PER_FRAME, thr) * CELL_S
        )


def level_dbfs(pcm: bytes) -> float:
    """The RMS level of a chunk in dB below full scale (-96.0 for silence), for a meter.

    Plain RMS against 32768: a full-scale square wave is 0 dBFS, a full-scale sine -3 dBFS."""
    samples = samples_of(pcm)
    if not samples:
        return SILENCE_DBFS
    return _db(math.sumprod(samples, samples) / len(samples))


def analyse_wav(path: Path) -> SpeechTiming | None:
    """The speech timing of a whole WAV file (16 kHz mono 16-bit); None without speech.

    Raises ``ValueError`` (naming what the file is) for any other format."""
    activity = VoiceActivity(SAMPLE_RATE)
    activity.feed(read_mono16(path, SAMPLE_RATE))
    return activity.timing()


def write_wav_header(frames: int, sample_rate: int = SAMPLE_RATE) -> bytes:
    """A 44-byte RIFF/WAVE header for ``frames`` samples of mono 16-bit PCM.

    A recorder writes ``write_wav_header(0)`` when the take starts, appends the PCM as it
    arrives, and at the end seeks to 0 and writes ``write_wav_header(samples_written)``. If it
    is killed before that, :func:`finalise_wav` repairs the file from its size."""
    return wav_header(frames, sample_rate, CHANNELS, SAMPLE_WIDTH)


def finalise_wav(path: Path, sample_rate: int = SAMPLE_RATE) -> int:
    """Fix the header of a recording whose writer stopped before writing the final one (a
    crash, a kill): it then plays and analyses as far as the samples reached. Returns the
    number of frames; ``ValueError`` when the file is not a RIFF/WAVE file."""
    return _finalise_wav(path, sample_rate, CHANNELS, SAMPLE_WIDTH)
