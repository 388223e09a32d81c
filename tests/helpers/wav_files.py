"""Small WAV files for the replay tests: 16 kHz mono 16-bit, a tone where the "speech" is."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 16_000


def write_wav(path: Path, seconds: float, speech: tuple[float, float] | None = None) -> Path:
    """A recording of ``seconds``: silence, with a 220 Hz tone from ``speech[0]`` to ``[1]``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    start, end = speech if speech is not None else (0.0, 0.0)
    samples = [
        round(8000 * math.sin(2 * math.pi * 220 * i / RATE)) if start <= i / RATE < end else 0
        for i in range(round(seconds * RATE))
    ]
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path
