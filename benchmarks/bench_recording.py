"""Recording a take while the teleprompter scrolls: frame time with recording on vs off.

A take's frames are simulated as in bench_prompter (1,000 words at 64 px, 1280x720, the real
paintEvent into an image), one every 16 ms of take time. With recording on, the fake
microphone hands the recorder a 100 ms chunk of a real voice fixture every ~6 frames, on the
same thread, as QAudioSource's readyRead does: the chunk is written to the WAV, fed to the
voice-activity detector and measured for the meter, and the meter repaints. A frame's time
includes whatever sound handling fell into it. Also prints the cost of one chunk and of the
speech timing at the end of 30 s and 90 s takes (what ``stop()`` adds before the save).
Prints `name: value unit` lines.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.ui.prompter import Prompter
from app.ui.recorder import Recorder
from app.ui.voice_strip import VoiceStrip
from tests.helpers.fake_audio import CHUNK_BYTES, FakeAudioInput, read_fixture

FRAMES = 1200  # 19 s of take at 16 ms a frame
FRAME_S = 0.016
CHUNK_S = 0.1
SENTENCE = (
    "Hi Jordan, it's Alex Rivera at 555-201-7788, calling for your advice on a move "
    "into supply chain planning. "
)


def _voice(seconds: float) -> bytes:
    fixture = read_fixture("clean_pause.wav")
    repeats = int(seconds * 32000 / len(fixture)) + 1
    return (fixture * repeats)[: int(seconds * 32000)]


def _frames_ms(prompter: Prompter, strip: VoiceStrip, mic: FakeAudioInput | None) -> list[float]:
    image = QImage(1280, 720, QImage.Format.Format_ARGB32_Premultiplied)
    prompter.render(image)
    strip_image = QImage(strip.size(), QImage.Format.Format_ARGB32_Premultiplied)
    times, sound_s = [], 0.0
    for frame in range(FRAMES):
        take_s = frame * FRAME_S
        start = time.perf_counter()
        while mic is not None and sound_s + CHUNK_S <= take_s:  # the chunks due by now
            mic.push(1)
            sound_s += CHUNK_S
        prompter.set_position(200 + frame * 0.04)
        prompter.render(image)
        strip.render(strip_image)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    print(f"recording_frame_{label}_median: {statistics.median(times):.3f} ms")
    print(f"recording_frame_{label}_p99: {ordered[int(len(times) * 0.99)]:.3f} ms")
    print(f"recording_frame_{label}_max: {ordered[-1]:.3f} ms")


def _timing_at_stop_ms(folder: Path, seconds: float) -> tuple[float, float]:
    """Per-chunk cost and the stop (header, close, speech timing) of a take this long."""
    mic = FakeAudioInput(_voice(seconds))
    recorder = Recorder(mic, folder)
    recorder.start(f"take-{seconds:.0f}s")
    start = time.perf_counter()
    chunks = mic.push(round(seconds / CHUNK_S))
    per_chunk = (time.perf_counter() - start) * 1000 / chunks
    start = time.perf_counter()
    recorder.stop()
    return per_chunk, (time.perf_counter() - start) * 1000


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    words = SENTENCE.split()
    prompter = Prompter()
    prompter.set_font_px(64)
    prompter.set_text(" ".join(words[i % len(words)] for i in range(1000)))
    prompter.resize(1280, 720)
    strip = VoiceStrip()
    strip.resize(1240, 24)
    with tempfile.TemporaryDirectory() as folder:
        _report("off", _frames_ms(prompter, strip, None))
        mic = FakeAudioInput(_voice(FRAMES * FRAME_S + 1))
        recorder = Recorder(mic, Path(folder))
        recorder.level_changed.connect(strip.show_level)
        strip.show_listening(True)
        recorder.start("bench")
        _report("on", _frames_ms(prompter, strip, mic))
        recorder.stop()
        print(f"recording_chunk_bytes: {CHUNK_BYTES} B")
        for seconds in (30.0, 90.0):
            per_chunk, stop = _timing_at_stop_ms(Path(folder), seconds)
            print(f"recording_chunk_100ms_cost_{seconds:.0f}s_take: {per_chunk:.3f} ms")
            print(f"recording_stop_and_timing_{seconds:.0f}s_take: {stop:.2f} ms")
    del app


if __name__ == "__main__":
    main()
