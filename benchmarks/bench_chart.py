"""How long adding one take to a chart of 2,000 takes costs, redraw included.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_chart.py``. Prints one figure per line
as ``name: value unit``; the budget is one frame (16 ms) per added take.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtWidgets import QApplication

from app.domain.attempt import Attempt, Outcome
from app.domain.stats import personal_best
from app.ui.chart import ProgressChart

EXISTING_TAKES = 2_000
MEASURED_ADDS = 50
START = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


def make_takes(count: int, rng: random.Random) -> list[Attempt]:
    outcomes = list(Outcome)
    return [
        Attempt(
            script_id=1,
            revision_id=1,
            started_at=(START + timedelta(minutes=7 * number)).isoformat(),
            duration_s=round(max(5.0, rng.gauss(31.0, 4.0)), 1),
            target_s=30.0,
            words=72,
            reached_end=True,
            outcome=rng.choice(outcomes),
            id=number + 1,
        )
        for number in range(count)
    ]


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    rng = random.Random(2026)
    takes = make_takes(EXISTING_TAKES + MEASURED_ADDS, rng)
    existing, extra = takes[:EXISTING_TAKES], takes[EXISTING_TAKES:]
    chart = ProgressChart()
    chart.resize(800, 400)
    chart.show()
    chart.show_attempts(existing, 30.0, personal_best(existing))
    chart.repaint()
    app.processEvents()
    timings_ms: list[float] = []
    shown = list(existing)
    for attempt in extra:
        shown.append(attempt)
        best = personal_best(shown)  # the owner's work, not the chart's: kept out of the timing
        started = time.perf_counter()
        chart.show_attempts(shown, 30.0, best)  # the app's path: the owner passes every take
        chart.repaint()
        app.processEvents()
        timings_ms.append((time.perf_counter() - started) * 1000.0)
    total = sum(len(points) for points in chart.series().values())
    assert total == EXISTING_TAKES + MEASURED_ADDS, total
    print(f"chart_add_redraw_p50: {statistics.median(timings_ms):.2f} ms")
    print(f"chart_add_redraw_max: {max(timings_ms):.2f} ms")


if __name__ == "__main__":
    main()
