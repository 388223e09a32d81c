"""A voicemail in ordinary room tone, built from the clean fixture (deterministic).

Speech at about -25 dBFS (RMS over the speech) over a low, rumbly room tone at about
-46 dBFS, with four pauses whose places are known from the layout: what a human recording
in a quiet room looks like, without a human. Used to show that digital silence (a late
microphone's padding, a device's first zeros) never becomes the detector's noise floor.
"""

from __future__ import annotations

import array
import itertools
import math
import random
import sys
from dataclasses import dataclass

from tests.helpers.fake_audio import read_fixture, truth

RATE = 16_000
ROOM_TONE_DBFS = -46.0
SPEECH_DBFS = -25.0
# The clean fixture's phrases: "Hi, this is Alex Rivera." / "Please call me back." / "Thanks."
_CLEAN = truth("clean_pause.wav")
_PHRASES_S = [
    (_CLEAN.start_s, _CLEAN.pauses[0][0]),
    (_CLEAN.pauses[0][1], 4.21),
    (4.35, _CLEAN.end_s),
]
# Room tone, phrase, pause, phrase ... : five phrases, four pauses of 0.45-0.9 s.
_LAYOUT: list[float | int] = [0.5, 0, 0.6, 1, 0.45, 2, 0.9, 0, 0.5, 1, 0.6]


@dataclass(frozen=True)
class RoomTake:
    pcm: bytes
    start_s: float
    end_s: float
    pauses: list[tuple[float, float]]

    @property
    def spoken_s(self) -> float:
        return self.end_s - self.start_s


def _samples(pcm: bytes) -> array.array[int]:
    samples = array.array("h")
    samples.frombytes(pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _rms_db(values: list[float] | array.array[int]) -> float:
    return 10 * math.log10(sum(v * v for v in values) / len(values) / 32768.0**2)


def room_tone(seconds: float, seed: int = 11) -> list[float]:
    """Brown-ish noise (integrated white noise, leaky) at ROOM_TONE_DBFS: a room's rumble."""
    rng = random.Random(seed)
    out, level = [], 0.0
    for _ in range(round(seconds * RATE)):
        level = 0.98 * level + rng.gauss(0.0, 1.0)
        out.append(level)
    gain = 10 ** ((ROOM_TONE_DBFS - _rms_db(out)) / 20)
    return [v * gain for v in out]


def room_take() -> RoomTake:
    """The voicemail (five phrases, four pauses) over room tone; truth from the layout."""
    clean = _samples(read_fixture("clean_pause.wav"))
    phrases = [clean[round(a * RATE) : round(b * RATE)] for a, b in _PHRASES_S]
    speech: list[float] = []
    spans: list[tuple[int, int]] = []
    for part in _LAYOUT:
        if isinstance(part, float):
            speech.extend([0.0] * round(part * RATE))
        else:
            spans.append((len(speech), len(speech) + len(phrases[part])))
            speech.extend(phrases[part])
    first, last = spans[0][0], spans[-1][1]
    gain = 10 ** ((SPEECH_DBFS - _rms_db(speech[first:last])) / 20)
    tone = room_tone(len(speech) / RATE)
    mixed = array.array(
        "h",
        (max(-32768, min(32767, round(s * gain + t))) for s, t in zip(speech, tone, strict=True)),
    )
    if sys.byteorder == "big":
        mixed.byteswap()
    pauses = [(a / RATE, b / RATE) for (_, a), (b, _) in itertools.pairwise(spans)]
    return RoomTake(mixed.tobytes(), first / RATE, last / RATE, pauses)
