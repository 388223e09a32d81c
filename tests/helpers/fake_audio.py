"""A microphone for tests: replays PCM (a WAV fixture, silence, a tone) in 100 ms chunks.

``push(n)`` sends chunks at once, for deterministic tests; ``start_replay()`` sends one per
100 ms from a QTimer on the event loop, as a real device would. Switches simulate the failures:
no device, a device that will not open, a device unplugged after N chunks.
"""

from __future__ import annotations

import json
import math
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from app.domain.voice import SAMPLE_RATE, SAMPLE_WIDTH
from app.ui.audio_input import NO_MICROPHONE, OPEN_FAILED, STOPPED_MID_TAKE, AudioInput

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "voice"
CHUNK_MS = 100
CHUNK_BYTES = SAMPLE_RATE * SAMPLE_WIDTH * CHUNK_MS // 1000


def read_fixture(name: str) -> bytes:
    """The PCM of ``tests/fixtures/voice/<name>`` (16 kHz mono 16-bit)."""
    with wave.open(str(FIXTURES / name), "rb") as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16000, 1, 2)
        return wav.readframes(wav.getnframes())


@dataclass(frozen=True)
class Truth:
    """What a fixture holds, from ``truth.json`` (seconds from its start)."""

    start_s: float
    end_s: float
    pauses: list[tuple[float, float]]

    @property
    def longest_pause_s(self) -> float:
        return max((end - start for start, end in self.pauses), default=0.0)


def truth(name: str) -> Truth:
    entry = json.loads((FIXTURES / "truth.json").read_text(encoding="utf-8"))[name]
    pauses = [(float(a), float(b)) for a, b in entry["pauses"]]
    return Truth(float(entry["speech_start_s"]), float(entry["speech_end_s"]), pauses)


def chunks_in(pcm: bytes) -> int:
    """How many 100 ms chunks replaying ``pcm`` takes (the last one padded with silence)."""
    return math.ceil(len(pcm) / CHUNK_BYTES)


def silence(seconds: float) -> bytes:
    return bytes(round(seconds * SAMPLE_RATE) * SAMPLE_WIDTH)


def tone(seconds: float, hz: float = 440.0, amplitude: float = 0.3) -> bytes:
    """A sine: loud enough for the meter (not speech to the voice detector)."""
    samples = round(seconds * SAMPLE_RATE)
    peak = amplitude * 32767
    return struct.pack(
        f"<{samples}h",
        *(round(peak * math.sin(2 * math.pi * hz * i / SAMPLE_RATE)) for i in range(samples)),
    )


class FakeAudioInput(AudioInput):
    """Replays ``pcm`` (then silence) while started."""

    def __init__(
        self,
        pcm: bytes = b"",
        *,
        device: bool = True,
        opens: bool = True,
        unplug_after: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pcm = pcm
        self.device = device  # False: no microphone at all
        self.opens = opens  # False: there is one, but it cannot be opened
        self.unplug_after = unplug_after  # chunks before it goes away mid-take
        self.running = False
        self.starts = 0
        self.sent = 0  # chunks sent since the last start
        self._offset = 0
        self._timer = QTimer(self)
        self._timer.setInterval(CHUNK_MS)
        self._timer.timeout.connect(lambda: self.push(1))

    def available(self) -> bool:
        return self.device

    def description(self) -> str:
        return "Fake microphone" if self.device else NO_MICROPHONE

    def start(self) -> bool:
        if not self.device:
            self.failed.emit(NO_MICROPHONE)
            return False
        if not self.opens:
            self.failed.emit(OPEN_FAILED.format(detail="OpenError"))
            return False
        self.running = True
        self.starts += 1
        self.sent = self._offset = 0
        return True

    def stop(self) -> None:
        self.running = False
        self._timer.stop()

    def start_replay(self) -> None:
        """One chunk every 100 ms from the event loop, like a device."""
        self._timer.start()

    def push(self, chunks: int = 1) -> int:
        """Send up to ``chunks`` chunks now (silence after the end of ``pcm``); returns how
        many were sent (fewer when stopped or unplugged on the way)."""
        sent = 0
        for _ in range(chunks):
            if not self.running:
                break
            if self.unplug_after is not None and self.sent >= self.unplug_after:
                self.running = False
                self._timer.stop()
                self.failed.emit(STOPPED_MID_TAKE)
                break
            data = self.pcm[self._offset : self._offset + CHUNK_BYTES]
            data += bytes(CHUNK_BYTES - len(data))
            self._offset += CHUNK_BYTES
            self.sent += 1
            sent += 1
            self.chunk.emit(data)
        return sent

    def push_all(self) -> int:
        """Send the whole of ``pcm``."""
        return self.push(math.ceil((len(self.pcm) - self._offset) / CHUNK_BYTES))

    def push_seconds(self, seconds: float) -> int:
        return self.push(round(seconds * 1000 / CHUNK_MS))
