"""Teleprompter repaint time: a 1,000-word script at 64 px, at 1280x720 and 1920x1080.

Each frame moves the reading position (as a take does) and renders the widget into an image,
which runs the real paintEvent. A second case marks the script's phone numbers and keeps the
reading line in a number zone (violet band, badge and cue). Prints `name: value unit` lines.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.ui.prompter import Prompter

FRAMES = 300
SENTENCE = (
    "Hi Jordan, it's Alex Rivera at 555-201-7788, calling for your advice on a move "
    "into supply chain planning. "
)
NUMBER = "555-201-7788"


def _frame_times_ms(prompter: Prompter, width: int, height: int) -> list[float]:
    prompter.resize(width, height)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    prompter.render(image)  # lays out once, like the first frame of a take
    times = []
    for frame in range(FRAMES):
        prompter.set_position(200 + frame * 0.04)
        start = time.perf_counter()
        prompter.render(image)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _number_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(NUMBER)
    while start >= 0:
        spans.append((start, start + len(NUMBER)))
        start = text.find(NUMBER, start + 1)
    return spans


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    words = SENTENCE.split()
    text = " ".join(words[i % len(words)] for i in range(1000))
    prompter = Prompter()
    prompter.set_font_px(64)
    prompter.set_text(text)
    for case in ("", "_number_zone"):
        if case:
            prompter.set_number_spans(_number_spans(text))
            prompter.set_number_zone(True)
        for width, height in ((1280, 720), (1920, 1080)):
            times = _frame_times_ms(prompter, width, height)
            label = f"{width}x{height}{case}"
            print(f"prompter_frame_{label}_median: {statistics.median(times):.3f} ms")
            print(f"prompter_frame_{label}_p99: {sorted(times)[int(len(times) * 0.99)]:.3f} ms")
    start = time.perf_counter()
    prompter.set_font_px(65)
    prompter.render(QImage(1280, 720, QImage.Format.Format_ARGB32_Premultiplied))
    print(f"prompter_relayout_1000_words: {(time.perf_counter() - start) * 1000:.1f} ms")
    del app


if __name__ == "__main__":
    main()
