"""Records a take: microphone → WAV file under ``recordings/``, voice activity, a meter level.

The microphone can wait open between takes (``arm()``, while the Rehearse page shows): a
freshly opened device delivers its first sound late (measured: 1.0-2.1 s through PulseAudio),
so an open one is what makes the first word of a take safe. While armed, the last half second
is kept (:class:`app.domain.pre_roll.PreRoll`) and a take's file begins with it; ``press_s``
says where the key press falls in the file, and the take's figures are measured from there.
A take started with the microphone closed opens it then: the time until its first sound is
written as silence and skipped by the detector, so the file and the speech timing stay on the
take's clock.

The file is written as the sound arrives (a placeholder header first, corrected about once a
second and at the end), so whatever happens mid-take — the microphone unplugged, the app
killed — the samples written so far stay a playable WAV. The voice-activity detector is fed
the same samples, so the speech timing at the end costs nothing to compute.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QObject, Signal

from app.domain.attempt import Attempt
from app.domain.pre_roll import PreRoll
from app.domain.voice import SAMPLE_RATE, SAMPLE_WIDTH, SpeechTiming, VoiceActivity, level_dbfs
from app.domain.voice import write_wav_header as wav_header
from app.storage.recordings import RECORDINGS_DIRNAME
from app.ui.audio_input import STOPPED_MID_TAKE, AudioInput

BYTES_PER_S = SAMPLE_RATE * SAMPLE_WIDTH
LEVEL_BYTES = BYTES_PER_S // 10  # the meter moves at most 10 times per second of sound
LATE_START_S = 0.05  # a first chunk later than this (beyond its own length) is padded
HEADER_REFRESH_BYTES = BYTES_PER_S  # the header is corrected once per second of sound
WRITE_FAILED = "The recording could not be written ({detail}); the take is saved without it."


@dataclass(frozen=True, slots=True)
class Recording:
    """What a take's recording left behind."""

    path: str | None  # the WAV, relative to the data folder; None when nothing was kept
    timing: SpeechTiming | None  # seconds from the start of the recording; None: no speech
    heard_s: float  # seconds of sound captured
    interrupted: bool  # the microphone or the disk gave up before the take ended


class Recorder(QObject):
    """Owns an AudioInput; ``start()`` with a file name, ``stop()`` for the result."""

    level_changed = Signal(float)  # dBFS of the last 100 ms of sound
    heard = Signal()  # a chunk was written and analysed: ask ``voice`` what it heard
    failed = Signal(str)  # the input's one-line reason (at start or mid-take)

    def __init__(
        self,
        audio_input: AudioInput,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.audio_input = audio_input
        self.data_dir = data_dir
        self._clock = clock
        self._started_at: float | None = None  # until the first sound arrives
        self.voice: VoiceActivity | None = None
        self._file: BinaryIO | None = None
        self._path: Path | None = None
        self._written = 0  # bytes of sound in the file
        self._refreshed = 0  # bytes covered by the header on disk
        self._carry = b""  # half a sample left over from a chunk
        self._level = bytearray()
        self._listening = False
        self._interrupted = False
        self._armed = False  # keep the input open between takes
        self._open = False  # the input is capturing
        self._pre_roll = PreRoll(BYTES_PER_S)
        self.press_s = 0.0  # where the take's key press falls in its recording
        audio_input.chunk.connect(self._on_audio_input_chunk)
        audio_input.failed.connect(self._on_audio_input_failed)

    @property
    def listening(self) -> bool:
        return self._listening

    @property
    def armed(self) -> bool:
        """The microphone waits open between takes, keeping the pre-roll."""
        return self._armed and self._open

    @property
    def writing(self) -> bool:
        """A take's file is being written."""
        return self._file is not None

    @property
    def pre_roll_s(self) -> float:
        """Seconds of sound waiting for the next take's start."""
        return self._pre_roll.seconds

    def available(self) -> bool:
        return self.audio_input.available()

    def arm(self) -> bool:
        """Open the microphone now and keep it open between takes; False (after ``failed``
        said why) when it cannot be opened."""
        self._armed = True
        return self._open_input()

    def _open_input(self) -> bool:
        """Open the microphone unless it is open: a fresh device, nothing carried over."""
        if not self._open:
            self._carry = b""
            self._pre_roll.clear()
            self._open = self.audio_input.start()
        return self._open

    def disarm(self) -> None:
        """Release the microphone (after the take, when one is being recorded)."""
        self._armed = False
        if not self._listening:
            self._release()

    def start(self, name: str | None) -> bool:
        """Listen (and with a ``name``, record to ``recordings/<name>.wav``); False when
        there is no microphone, after ``failed`` said why."""
        if self._listening:
            self.stop()
        self.voice = VoiceActivity()
        self._written = self._refreshed = 0
        self._level = bytearray()
        self._interrupted = False
        self._path = None
        if not self._open_input():
            self.voice = None
            return False
        pre_roll, self.press_s = self._pre_roll.cut(self._clock())
        self._listening = True
        self._started_at = None if pre_roll else self._clock()  # a late first sound is padded
        if name is not None:
            self._create(name)
        if pre_roll:
            self._take_in(pre_roll)
        return True

    def stop(self) -> Recording:
        """Stop listening and close the file; the speech timing of everything heard. An
        armed microphone stays open."""
        if self._armed:
            self.audio_input.drain()  # what is already captured belongs to the take
        else:
            self._release()
        self._listening = False
        path = self._close()
        timing = self.voice.timing() if self.voice is not None else None
        heard_s = self.voice.elapsed_s if self.voice is not None else 0.0
        relative = path.relative_to(self.data_dir).as_posix() if path is not None else None
        return Recording(relative, timing, heard_s, self._interrupted)

    def discard(self) -> None:
        """Stop and delete the file: the take never happened (stopped during the lead-in)."""
        recording = self.stop()
        if recording.path is not None:
            (self.data_dir / recording.path).unlink(missing_ok=True)

    def _release(self) -> None:
        if self._open:
            self.audio_input.stop()
        self._open = False
        self._pre_roll.clear()

    # --- the file -----------------------------------------------------------------------------
    def _create(self, name: str) -> None:
        folder = self.data_dir / RECORDINGS_DIRNAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{name}.wav"
            suffix = 1
            while path.exists():  # never overwrite another take's sound
                suffix += 1
                path = folder / f"{name}-{suffix}.wav"
            self._file = path.open("xb")
            self._path = path
            self._file.write(wav_header(0))
            self._file.flush()  # an empty take is a valid (empty) WAV at once
        except OSError as error:
            self._give_up_file(error)

    def _write(self, pcm: bytes) -> None:
        file = self._file
        if file is None:
            return
        try:
            file.write(pcm)
            self._written += len(pcm)
            if self._written - self._refreshed >= HEADER_REFRESH_BYTES:
                self._write_header(file)
        except OSError as error:
            self._give_up_file(error)

    def _write_header(self, file: BinaryIO) -> None:
        file.seek(0)
        file.write(wav_header(self._written // SAMPLE_WIDTH))
        file.seek(0, os.SEEK_END)
        file.flush()
        self._refreshed = self._written

    def _close(self) -> Path | None:
        file, self._file = self._file, None
        path, self._path = self._path, None
        if file is None:
            return None
        try:
            self._write_header(file)
        except OSError as error:
            self._report(WRITE_FAILED.format(detail=error.strerror or error))
        finally:
            file.close()
        return path

    def _give_up_file(self, error: OSError) -> None:
        """The disk refused: keep listening (for hands-free and the timing), drop the file."""
        file, path = self._file, self._path
        self._file = self._path = None
        if file is not None:
            file.close()
        if path is not None:
            path.unlink(missing_ok=True)
        self._report(WRITE_FAILED.format(detail=error.strerror or error))

    def _report(self, reason: str) -> None:
        self._interrupted = True
        self.failed.emit(reason)

    # --- reactions ----------------------------------------------------------------------------
    def _on_audio_input_chunk(self, pcm: bytes) -> None:
        pcm = self._carry + pcm
        whole = len(pcm) - len(pcm) % SAMPLE_WIDTH
        pcm, self._carry = pcm[:whole], pcm[whole:]
        if not pcm:
            return
        if not self._listening:
            self._pre_roll.add(pcm, self._clock())
            return
        if self._started_at is not None:
            self._catch_up(self._clock() - self._started_at - len(pcm) / BYTES_PER_S)
            self._started_at = None
        self._take_in(pcm)

    def _take_in(self, pcm: bytes) -> None:
        """Whole samples of the take: to the file, the detector and the meter."""
        if self.voice is None:
            return
        self._write(pcm)
        self.voice.feed(pcm)
        self._level += pcm
        if len(self._level) >= LEVEL_BYTES:
            self.level_changed.emit(level_dbfs(bytes(self._level)))
            self._level.clear()
        self.heard.emit()

    def _catch_up(self, late_s: float) -> None:
        """The device's first sound came ``late_s`` after the take started: keep the take's
        clock — silence in the file, time skipped by the detector."""
        if late_s > LATE_START_S and self.voice is not None:
            samples = round(late_s * SAMPLE_RATE)
            self._write(bytes(samples * SAMPLE_WIDTH))
            self.voice.skip(samples / SAMPLE_RATE)

    def _on_audio_input_failed(self, reason: str) -> None:
        was_open, self._open = self._open, False
        self._pre_roll.clear()
        if not self._listening:
            if not was_open:  # refused at start (or when armed): nothing was recorded
                self.failed.emit(reason)
            return  # gone between takes: the next take says why, if it is still gone
        self._listening = False
        if self._file is not None:
            with suppress(OSError):  # what was heard stays a playable file
                self._write_header(self._file)
        self._report(STOPPED_MID_TAKE)


def recording_name(started_at: datetime) -> str:
    """A take's file name from its start, like the backups': ``2026-11-26T14-02-13.123Z``."""
    moment = started_at.astimezone(UTC)
    return f"{moment:%Y-%m-%dT%H-%M-%S}.{moment.microsecond // 1000:03d}Z"


def with_voice(attempt: Attempt, recording: Recording | None, clock_start_s: float) -> Attempt:
    """The attempt with its file and its speech in seconds from the take's clock start,
    which began ``clock_start_s`` into the recording (the lead-in, or the wait for the first
    word); each figure is kept between 0 and the end of the take."""
    if recording is None:
        return attempt
    attempt = replace(attempt, recording=recording.path)
    timing = recording.timing
    if timing is None:
        return attempt

    def on_clock(seconds: float) -> float:
        return round(min(attempt.duration_s, max(0.0, seconds - clock_start_s)), 3)

    start_s, end_s = on_clock(timing.start_s), on_clock(timing.end_s)
    return replace(
        attempt,
        speech_start_s=start_s,
        speech_end_s=end_s,
        spoken_s=round(end_s - start_s, 3),
        pauses=timing.pauses,
        longest_pause_s=round(timing.longest_pause_s, 3),
    )
