"""First paint of `brevity --smoke` vs a bare PySide6 QMainWindow, in the same run.

Each is started as a fresh process; the time is from just before the process is spawned to
the first paint of its window (the child prints the wall-clock time of that paint). Median of
several runs. Prints `name: value unit` lines.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
class W(QMainWindow):
    painted = False
    def paintEvent(self, e):
        super().paintEvent(e)
        if not self.painted:
            self.painted = True
            print(f"first_paint_epoch: {time.time():.6f}", file=sys.stderr)
            QTimer.singleShot(0, app.quit)
app = QApplication(sys.argv[:1])
w = W(); w.setCentralWidget(QLabel("hello")); w.resize(1320, 820); w.show()
app.exec()
"""


def _first_paint_ms(command: list[str], env: dict[str, str]) -> float:
    start = time.time()
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT, check=True
    )
    for line in done.stderr.splitlines():
        if line.startswith("first_paint_epoch:"):
            return (float(line.split(":", 1)[1]) - start) * 1000
    raise RuntimeError(f"no first paint reported by {command}: {done.stderr[-500:]}")


def main() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BREVITY_TIMING="1")
    app_ms, bare_ms = [], []
    with tempfile.TemporaryDirectory() as data:
        app_cmd = [sys.executable, "-m", "app", "--smoke", "--data-dir", data]
        _first_paint_ms(app_cmd, env)  # first run seeds the database; not counted
        for _ in range(RUNS):
            app_ms.append(_first_paint_ms(app_cmd, env))
            bare_ms.append(_first_paint_ms([sys.executable, "-c", BARE], env))
    app_median, bare_median = statistics.median(app_ms), statistics.median(bare_ms)
    print(f"first_paint_brevity: {app_median:.0f} ms")
    print(f"first_paint_bare_qmainwindow: {bare_median:.0f} ms")
    print(f"first_paint_ratio: {app_median / bare_median:.2f} x")


if __name__ == "__main__":
    main()
