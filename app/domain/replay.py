"""Where things are in a take's recording: its length, and the speech within it.

The speech figures on an Attempt are seconds from the take's clock start; the recording
starts earlier (at the key press: the count-in, or the wait for the first word) and ends with
the take, so the clock started ``length of the recording - duration of the take`` into it.
"""

from __future__ import annotations

import wave
from pathlib import Path

from app.domain.attempt import Attempt
from app.domain.wav_pcm import HEADER_BYTES


def recording_length_s(path: Path) -> float | None:
    """Seconds of audio in a PCM WAV file, or None when it cannot be read.

    A header that still says 0 frames (a recording cut short before its header was
    finished) is measured by the file's size instead.
    """
    try:
        with wave.open(str(path), "rb") as wav:
            rate, frames = wav.getframerate(), wav.getnframes()
            frame_bytes = wav.getsampwidth() * wav.getnchannels()
        if frames == 0 and frame_bytes:
            frames = max(0, path.stat().st_size - HEADER_BYTES) // frame_bytes
    except (OSError, EOFError, wave.Error):
        return None
    return frames / rate if rate > 0 else None


def speech_span(attempt: Attempt, length_s: float) -> tuple[float, float] | None:
    """Where the speech is in a recording of ``length_s`` seconds (see the module docstring)."""
    if attempt.speech_start_s is None or attempt.speech_end_s is None:
        return None
    clock_start_s = max(0.0, length_s - attempt.duration_s)

    def clamp(seconds: float) -> float:
        return min(length_s, max(0.0, clock_start_s + seconds))

    return clamp(attempt.speech_start_s), clamp(attempt.speech_end_s)
